#pragma once

#include "Payment.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace lipa {

// One recorded change of a payment's state, kept for audits.
struct PaymentEvent {
    QString localRef;
    QDateTime at; // UTC
    PaymentState from;
    PaymentState to;
    QString remoteState; // IntaSend's raw state, if the change came from IntaSend
    QString detail;      // receipt code, failure code and reason, or why the till decided it
};

struct DayTotals {
    int paidCount = 0;
    Money paidSum;
    int pendingCount = 0;   // Sending, Pending, Processing: waiting for the customer
    int attentionCount = 0; // Unknown, Expired: the cashier must look
    int failedCount = 0;    // Failed, Rejected
};

// The record of every payment and every state change, written before anything goes on the wire.
//
// This first version keeps the record in memory behind the interface the durable SQLite journal will
// fill (issue #4): a restart forgets everything, so it is not yet the shop's record of the day.
class Journal {
public:
    Journal() = default;
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    // Records a new payment. Returns false (and records nothing) if its reference is already taken.
    bool addPayment(const Payment& payment);
    // Records a change to an existing payment: the row and an event describing the change, together.
    bool updatePayment(const Payment& payment, const QString& detail);

    std::optional<Payment> find(const QString& localRef) const;
    // Newest first; offset/limit page through the history.
    QList<Payment> newestFirst(int offset, int limit) const;
    int paymentCount() const { return static_cast<int>(m_rows.size()); }
    // Every payment that can still change: not Complete, Failed or Rejected.
    QList<Payment> unfinished() const;
    QList<PaymentEvent> events(const QString& localRef) const;
    // Totals for payments created in [from, to).
    DayTotals totals(const QDateTime& from, const QDateTime& to) const;

private:
    QList<Payment> m_rows; // oldest first: appending keeps indices stable
    QHash<QString, qsizetype> m_indexByRef;
    QList<PaymentEvent> m_events;
};

} // namespace lipa
