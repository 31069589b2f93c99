// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Clock.h"
#include "ScriptedOutcome.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace lipa::sim {

// The simulated IntaSend's invoices: made by pushes, aged by the clock into the scripted customer's
// outcome, and shown as IntaSend shows them — in a push or status answer, and in the invoice list with
// its fees (IntaSend's records, section 3 of the API notes).
class InvoiceBook {
public:
    struct Timing {
        std::chrono::milliseconds processingAfter{2000}; // PENDING → PROCESSING
        std::chrono::milliseconds finalAfter{5000};      // → COMPLETE / FAILED
    };
    struct Invoice {
        QString id;
        bool numericId = false;
        QString apiRef;
        QString phone;
        qint64 amountShillings = 0;
        QDateTime createdAt;
        ScriptedOutcome outcome;
        QString receipt;
        qint64 sequence = 0; // the order it was made in: the list is newest first
        // A checkout's invoice waits for the customer's choice on the checkout page (decide()), not for
        // the clock; paid by card, it carries no M-Pesa receipt code.
        bool checkout = false;
        std::optional<QDateTime> decidedAt;
        QString provider = QStringLiteral("M-PESA");
    };
    // What the list is asked for; empty: any.
    struct ListQuery {
        QString apiRef;
        QString state;
        int page = 1;
        int pageSize = 100;
    };

    explicit InvoiceBook(Clock& clock);
    // Where the simulator listens: the invoices name it, and the list's next links point at it.
    void setHost(const QString& baseUrl) { m_host = baseUrl; }
    QString host() const { return m_host; }

    void setTiming(Timing timing) { m_timing = timing; }
    // Records a push's invoice; returns it with its new id and receipt.
    const Invoice& add(bool numericId, const QString& apiRef, const QString& phone, qint64 amountShillings,
                       const ScriptedOutcome& outcome);
    const Invoice* find(const QString& id) const;
    // A checkout's invoice (string id), pending until decide().
    const Invoice& addCheckout(const QString& apiRef, const QString& phone, qint64 amountShillings);
    // The customer on the checkout page paid (provider "CARD-PAYMENT" or "M-PESA") or cancelled: final at
    // once. False for an unknown invoice, or one already decided.
    bool decide(const QString& id, const ScriptedOutcome& outcome, const QString& provider);
    // The invoice as a push or status answer carries it.
    QJsonObject json(const Invoice& invoice) const;
    // The invoice as an item of the list: the same, with value and charges as numbers and its clearing.
    QJsonObject listItem(const Invoice& invoice) const;
    // The invoices matching the query, newest first: the page asked for, and how many match in all.
    QList<const Invoice*> page(const ListQuery& query, int* count) const;
    // The state an invoice is in now ("PENDING" … "COMPLETE" / "FAILED").
    QString stateOf(const Invoice& invoice) const;
    QString receiptFor(const QString& id) const;

private:
    QString newId(bool numeric);

    Clock& m_clock;
    QString m_host;
    Timing m_timing;
    QHash<QString, Invoice> m_invoices;
    qint64 m_sequence = 0;
    int m_nextNumericId = 150;
};

} // namespace lipa::sim
