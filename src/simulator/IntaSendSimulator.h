// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChargebackBook.h"
#include "CheckoutDesk.h"
#include "Clock.h"
#include "InvoiceBook.h"
#include "MiniHttpServer.h"
#include "ScriptedOutcome.h"
#include "SimulatorFault.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <memory>

namespace lipa {

// A stand-in for IntaSend's collection, status, invoice-list and refund-request (chargeback) endpoints on
// 127.0.0.1, for demo mode, tests and benchmarks. Customers behave as scripted by their phone's last digit.
// Written independently of the client's wire code (it builds and reads JSON itself), so a bug there cannot
// hide behind a twin here.
class IntaSendSimulator : public QObject {
    Q_OBJECT
public:
    using Timing = sim::InvoiceBook::Timing;

    struct ReceivedPush {
        QString route; // "collection" or "mpesa-stk-push"
        QString apiRef;
        QString phone;
        qint64 amountShillings = 0;
        QString invoiceId;
    };
    // A refund request the simulator accepted (and recorded as a chargeback).
    struct ReceivedRefund {
        QString chargebackId;
        QString invoiceId;
        qint64 amountCents = 0;
        QString reason;
        QString reasonDetails;
    };

    explicit IntaSendSimulator(Clock& clock, QObject* parent = nullptr);
    ~IntaSendSimulator() override;

    // Listens on 127.0.0.1 (port 0: any free port). False if the port is taken.
    bool listen(quint16 port = 0);
    // Stops accepting connections, as if IntaSend had gone away.
    void close();
    quint16 port() const { return m_port; }
    QUrl baseUrl() const;

    void setTiming(Timing timing) { m_book.setTiming(timing); }
    // IntaSend's limits for M-Pesa collections: one payment (KES 150,000 by default, as IntaSend's), and
    // what one phone may pay in a (Nairobi) day (0: no daily limit, the default, so that demos and benchmarks
    // can pay from one phone all day; IntaSend's default is KES 300,000). A push above either is refused as
    // IntaSend refuses it (400, a validation error on amount).
    struct Limits {
        qint64 perPaymentShillings = 150000;
        qint64 perPhonePerDayShillings = 0;
    };
    void setLimits(Limits limits) { m_limits = limits; }
    // The customers of the next pushes, in order, whatever their phone's last digit says (then the digit
    // decides again): a customer who pays one part and turns down the next.
    void scriptNextCustomers(const QList<sim::ScriptedOutcome>& outcomes) { m_nextCustomers = outcomes; }
    // Makes the simulator misbehave from now on (FaultMode::None: behave again).
    void setFault(sim::Fault fault);
    const sim::Fault& fault() const { return m_fault; }
    // Answers that went out (or did not) under a fault.
    int faultyAnswerCount() const { return m_faultyAnswers; }
    // Client connections open now (kept alive between requests, or in use).
    int openConnectionCount() const { return m_server.connectionCount(); }
    const QList<ReceivedPush>& pushes() const { return m_pushes; }
    int statusRequestCount() const { return m_statusRequests; }
    // The M-Pesa receipt code a paying customer's invoice will carry.
    QString receiptFor(const QString& invoiceId) const { return m_book.receiptFor(invoiceId); }
    // Requests for IntaSend's records (the invoice list and single invoices) answered so far.
    int recordRequestCount() const { return m_recordRequests; }

    // The statuses a new refund request goes through, each lasting `step` of clock time from its filing;
    // the last one stays (default PENDING, COMPLETED; 60 s). False, and no change, for an empty script, a
    // status IntaSend does not have (PENDING, CANCELLED, DISPUTED, OVERDUE, COMPLETED) or a step ≤ 0.
    bool setRefundScript(const QStringList& statuses, std::chrono::milliseconds step)
    {
        return m_chargebacks.setScript(statuses, step);
    }
    // Refund requests (POST /api/v1/chargebacks/) that reached the simulator, refused ones included.
    int refundRequestCount() const { return m_refundRequests; }
    // The refund requests it accepted, in the order they came.
    const QList<ReceivedRefund>& refunds() const { return m_refunds; }
    // The checkouts made (POST /api/v1/checkout/), by id.
    const QHash<QString, sim::CheckoutDesk::Checkout>& checkouts() const { return m_checkouts.checkouts(); }
    // Also serves the checkout pages (and nothing else) on this address, on a free port, so that a phone on
    // the shop's network can open a checkout's QR code in demo mode; new checkouts' URLs point there. False
    // if it cannot listen.
    // *where: the pages' base URL.
    bool servePagesOn(const QHostAddress& address, QString* where = nullptr);
    // Every chargeback it keeps, with its current status (find, statusOf, json).
    const sim::ChargebackBook& chargebacks() const { return m_chargebacks; }

Q_SIGNALS:
    void pushReceived(const QString& apiRef);
    void statusRequested(const QString& invoiceId);
    void refundReceived(const QString& chargebackId);
    // A request for IntaSend's records (the invoice list or one invoice) arrived.
    void recordsRequested();

private:
    void handle(const sim::HttpRequest& request, const std::shared_ptr<sim::HttpExchange>& exchange);
    void deliverFaulty(sim::HttpResponse response, const std::shared_ptr<sim::HttpExchange>& exchange,
                       sim::Route route);
    sim::HttpResponse handlePush(const sim::HttpRequest& request, bool stkRoute);
    sim::HttpResponse handleStatus(const sim::HttpRequest& request);
    // GET /api/v1/invoices/ (filters, pages, absolute next links) and GET /api/v1/invoices/{id}/.
    sim::HttpResponse handleRecords(const sim::HttpRequest& request);
    // POST /api/v1/chargebacks/ (file a refund request), GET /api/v1/chargebacks/ (pages, absolute next
    // links) and GET /api/v1/chargebacks/{id}/.
    sim::HttpResponse handleRefunds(const sim::HttpRequest& request);
    sim::HttpResponse fileRefund(const sim::HttpRequest& request);

    Clock& m_clock;
    sim::InvoiceBook m_book; // before the server, which answers from it until it is gone
    sim::ChargebackBook m_chargebacks;
    sim::CheckoutDesk m_checkouts{m_book};
    std::unique_ptr<sim::MiniHttpServer> m_pageServer; // servePagesOn: the checkout pages on the LAN
    sim::MiniHttpServer m_server;
    sim::Fault m_fault;
    int m_faultyAnswers = 0;
    quint16 m_port = 0;
    QList<ReceivedPush> m_pushes;
    Limits m_limits;
    QList<sim::ScriptedOutcome> m_nextCustomers;
    QHash<QString, qint64> m_paidToday; // by phone and Nairobi date: what paying customers were asked for
    int m_statusRequests = 0;
    int m_recordRequests = 0;
    int m_refundRequests = 0;
    QList<ReceivedRefund> m_refunds;
};

} // namespace lipa
