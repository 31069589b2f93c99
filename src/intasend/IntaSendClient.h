// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Redact.h"
#include "records.h"
#include "wire.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace lipa {

// How a call to IntaSend ended, in the terms the till acts on.
enum class CallFailure {
    None,        // an invoice came back
    NotSent,     // connection refused, DNS or TLS failure: the request never left
    Uncertain,   // timeout, reset or 5xx after the request may have arrived
    Refused,     // a 4xx with a reason: IntaSend said no
    AuthRefused, // 401/403: the keys are wrong
    RateLimited, // 429: slow down (retryAfter says how long, when IntaSend says)
    BadResponse, // a 2xx we could not read: malformed, wrong types, oversize
};

struct CallResult {
    std::optional<wire::Invoice> invoice;
    CallFailure failure = CallFailure::None;
    int httpStatus = 0;
    QString message; // human text for the cashier and the log; never contains a key
    std::chrono::seconds retryAfter{0};
    QByteArray rawBody; // for the log when the call failed: what came back, truncated

    bool ok() const { return invoice.has_value(); }
};

// A checkout made for a card/QR payment (its page, id and signature), or why there is none.
struct CheckoutResult {
    CallResult call; // failure, HTTP status, message; no invoice
    std::optional<wire::Checkout> checkout;
    bool ok() const { return checkout.has_value(); }
};

struct ClientConfig {
    QUrl baseUrl;
    QString publicKey;
    QString secretKey; // optional; when set, pushes use the current (Bearer) route
    // The longest a call may take from start to end, however the answer trickles in.
    std::chrono::milliseconds transferTimeout{30000};
    qint64 maxResponseBytes = 1 << 20; // a larger answer is not an IntaSend answer
};

// One page of IntaSend's invoice list, or why there is none (call says how the call went).
struct InvoicePageResult {
    CallResult call; // failure, HTTP status, message, Retry-After; no invoice
    std::optional<wire::InvoicePage> page;

    bool ok() const { return page.has_value(); }
};

// A refund request's answer (a chargeback as IntaSend keeps it), or why there is none.
struct ChargebackResult {
    CallResult call; // failure, HTTP status, message, Retry-After; no invoice
    std::optional<wire::Chargeback> chargeback;

    bool ok() const { return chargeback.has_value(); }
};

// Talks HTTP to IntaSend: sends STK pushes, asks for invoice status, reads the invoice list. Asynchronous
// only; each call reports once through its callback, on the context object's thread, unless the context is
// gone.
class IntaSendClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const CallResult&)>;
    // Reads a 2xx body into the result: empty on success, else why it could not be read.
    using BodyReader = std::function<QString(const QByteArray& body, CallResult& result)>;

    IntaSendClient(QNetworkAccessManager& network, ClientConfig config, QObject* parent = nullptr);
    ~IntaSendClient() override;

    const ClientConfig& config() const { return m_config; }
    wire::StkRoute stkRoute() const;

    void requestStkPush(const wire::ChargeRequest& request, QObject* context, Callback done);
    void checkStatus(const QString& invoiceId, QObject* context, Callback done);
    // The same, by invoice when there is one, else by checkout id and signature (a card/QR payment nobody
    // has paid yet may come back without an invoice: it reads as pending).
    void checkStatus(const wire::StatusKey& key, QObject* context, Callback done);
    // Makes a checkout (POST /api/v1/checkout/, public key): a page where the customer pays by card or
    // M-Pesa on their own phone. Sent at most once, like a push.
    void createCheckout(const wire::CheckoutRequest& request, QObject* context,
                        std::function<void(const CheckoutResult&)> done);
    // One page of IntaSend's invoice list, with the secret key: the first (wire::invoiceListUrl) or a
    // `next` link, which is followed only when it points at the configured base URL (the secret key is
    // never sent elsewhere). Without a secret key it reports so, without a request.
    void listInvoices(const QUrl& url, QObject* context, std::function<void(const InvoicePageResult&)> done);

    // Files a refund request (POST /api/v1/chargebacks/, secret key). Sent at most once: never repeated,
    // not even by Qt's own retry of a dropped connection (a lost answer is Uncertain). Without a secret key
    // it reports so (NotSent), without a request.
    void requestChargeback(const wire::ChargebackRequest& request, QObject* context,
                           std::function<void(const ChargebackResult&)> done);
    // How IntaSend's staff have decided a refund request (GET /api/v1/chargebacks/{id}/, secret key).
    void checkChargeback(const QString& chargebackId, QObject* context,
                         std::function<void(const ChargebackResult&)> done);

    // One harmless call that needs the keys (the secret key's, else the public key's), to tell a shop
    // owner whether IntaSend accepts them. Reports once, in words.
    struct ConnectionTest {
        bool ok = false;
        QString message;
    };
    void testConnection(QObject* context, std::function<void(const ConnectionTest&)> done);

private:
    // once: the request must never be repeated, not even by Qt's own retry of a dropped connection.
    void post(const QString& path, const QByteArray& body, bool withSecret, bool once, QObject* context,
              Callback done);
    // The same, reading a 2xx body with readBody (an answer that is not an invoice).
    void post(const QString& path, const QByteArray& body, bool withSecret, bool once, QObject* context,
              BodyReader readBody, Callback done);
    ChargebackResult chargebackResult(const CallResult& call,
                                      const std::shared_ptr<std::optional<wire::Chargeback>>& read) const;
    QNetworkRequest makeRequest(const QString& path, bool withSecret) const;
    // Watches a reply: caps its size, enforces the deadline, and calls done(reply, oversize) once.
    void watch(QNetworkReply* reply, QObject* context, std::function<void(QNetworkReply&, bool)> done);
    CallResult interpret(QNetworkReply& reply, bool oversize, const BodyReader& readBody) const;
    void redact(wire::Invoice& invoice) const;
    // The one redaction step (Redactor) applied to everything an answer left in the result.
    CallResult withoutKeys(CallResult result) const;

    QNetworkAccessManager& m_network;
    ClientConfig m_config;
    Redactor m_redactor;
};

} // namespace lipa
