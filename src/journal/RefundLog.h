// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Money.h"
#include "Refund.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace lipa {

class JournalConnection;

// The refunds table of the journal: every refund request, recorded (and synced to disk) before it is
// sent, then updated as IntaSend answers. Nothing is ever deleted. Works on the journal's connection, so a
// failure is what the journal's lastError() reports.
class RefundLog {
public:
    explicit RefundLog(JournalConnection& connection);
    RefundLog(const RefundLog&) = delete;
    RefundLog& operator=(const RefundLog&) = delete;

    // Records a new request (state Sending), synced to disk, and sets its id. False if it could not be
    // recorded: it must then not be sent.
    bool add(Refund& refund);
    // Writes the request's state, chargeback id, status, resolution, message and updatedAt.
    bool update(const Refund& refund);
    std::optional<Refund> find(qint64 id) const;
    // The requests made of one payment, oldest first.
    QList<Refund> ofPayment(const QString& paymentRef, bool* ok = nullptr) const;
    // Every request that is not final (isFinal(RefundState)), oldest first: what is followed, or
    // waits for the cashier.
    QList<Refund> open(bool* ok = nullptr) const;
    // Requests made in [from, to), oldest first (for the X/Z reports).
    QList<Refund> between(const QDateTime& from, const QDateTime& to, bool* ok = nullptr) const;
    // What is already asked of the payment: the sum of its requests that hold an amount (holdsAmount);
    // nullopt when the journal could not be read (then nothing may be asked: it might ask twice).
    std::optional<Money> requestedOf(const QString& paymentRef) const;

private:
    JournalConnection& m_connection;
};

} // namespace lipa
