// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Payment.h"
#include "Reconciliation.h"
#include "ReconciliationLog.h"
#include "wire.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>

#include <functional>

namespace lipa {

// Matches IntaSend's invoices, page by page (newest first), with the journal's payments of a period, by
// api_ref only (never by phone or amount: another till may sell the same amount to the same phone).
// Pure: it decides, the Reconciler acts.
class ReconcileMatcher {
public:
    // A payment that IntaSend has paid and the till does not: to be recorded now, with its receipt.
    struct FoundPaid {
        Payment payment;
        wire::Invoice invoice;
    };
    struct Outcome {
        ReconcileSummary summary; // the counts and sums; the caller fills in times, requests, completeness
        QList<ReconcileItem> items;
        QList<FoundPaid> toRecord;
    };

    // payments: the journal's payments created in [from, to). knownHere: whether the journal has a payment
    // with this api_ref at all (an invoice of a payment made just before the period is not another till's).
    // margin: how long before `from` an invoice of the period may still have been created (clocks differ).
    ReconcileMatcher(const QList<Payment>& payments, QDateTime from, QDateTime to,
                     std::function<bool(const QString& apiRef)> knownHere, std::chrono::minutes margin);
    // More of the period's payments (a busy day's are read a slice at a time), before any invoice.
    void addPayments(const QList<Payment>& payments);

    // Takes one page's invoices. Returns IntaSend's fees on this page's paid invoices of the period's
    // payments (to be kept in the journal as they come).
    QList<PaymentFees> add(const QList<wire::Invoice>& invoices);
    // Whether an invoice older than the period (less the margin) has been seen: later pages are older still.
    bool reachedStart() const { return m_reachedStart; }
    int invoicesRead() const { return m_invoicesRead; }
    // What the invoices read say. complete: every page back to before the period was read; when not, a
    // payment paid here and not found there is not called missing (it may be on a page not read).
    Outcome finish(bool complete) const;

private:
    struct Seen {
        Payment payment;
        std::optional<wire::Invoice> invoice; // the one that speaks for it (a paid one, if any)
        QList<wire::Invoice> paid;            // every distinct paid invoice: two mean the customer paid twice
    };
    void takeOther(const wire::Invoice& invoice);

    QList<Seen> m_seen;                // the period's payments, in the order they were given
    QHash<QString, qsizetype> m_index; // api_ref → its place in m_seen
    QDateTime m_from;
    QDateTime m_to;
    std::function<bool(const QString&)> m_knownHere;
    std::chrono::minutes m_margin;
    QList<wire::Invoice> m_others; // at IntaSend in the period with an api_ref this till never sent
    QSet<QString> m_otherIds;
    bool m_reachedStart = false;
    int m_invoicesRead = 0;
};

} // namespace lipa
