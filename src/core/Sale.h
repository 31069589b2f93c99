// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Money.h"
#include "Payment.h"
#include "PhoneNumber.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace lipa {

// A sale too large for one M-Pesa payment, taken in parts: each part is a Payment of its own (its own
// api_ref, push and states) that points at the sale. A sale closes when its parts (paid by M-Pesa or
// settled in cash) add up to its total, or when a manager closes it short, with a reason.
struct Sale {
    qint64 id = 0;
    QString ref; // a UUID: what the parts point at
    Money total;
    int parts = 1;       // how many M-Pesa payments it was planned in
    PhoneNumber phone;   // where the first part went
    QString tillName;    // which till took it
    QDateTime createdAt; // UTC
    QDateTime closedAt;  // UTC; invalid while the sale is open
    QString shortReason; // closed short: why (the manager's words); empty otherwise
    QString closedBy;    // closed short: who (the cashier of the shift)

    bool isOpen() const { return !closedAt.isValid(); }
    bool closedShort() const { return !isOpen() && !shortReason.isEmpty(); }
};

// How a total is split into M-Pesa payments: as many of the largest single payment as fit, then the rest,
// in whole shillings. The parts always add up to the total.
namespace SalePlan {

QList<Money> split(Money total, Money largestPart);
// "KES 200,000 in 2 M-Pesa payments: 150,000 + 50,000" (what the line under Amount says).
QString describe(Money total, Money largestPart);

} // namespace SalePlan

// Where a sale stands, from every attempt of every part (as the journal has them, oldest first).
struct SaleProgress {
    Money paid;                    // by M-Pesa (Complete)
    Money cash;                    // settled in cash
    Money outstanding;             // total - paid - cash; below zero when more was taken than the total
    int partsPaid = 0;             // parts paid by M-Pesa
    std::optional<Payment> latest; // the newest attempt, if any
    bool inProgress = false; // an attempt still waits for IntaSend or the customer (Sending … Processing)
    // The latest attempt's part is settled (paid by M-Pesa or in cash) by any of its attempts: an expired
    // attempt approved late settles its part even when a later attempt at it failed.
    bool latestPartSettled = false;

    static SaleProgress of(const Sale& sale, const QList<Payment>& attempts);
    // The part the next payment of the sale is: the latest attempt's own part while that part is unpaid
    // (it is sent again), the one after it once any attempt at it is paid.
    int nextPart() const;
    // What the next M-Pesa part asks for: the outstanding amount, at most largestPart.
    Money nextAmount(Money largestPart) const;
    // "KES 150,000 of 200,000 paid — part 2 of 2 waiting" and the like.
    QString summary(const Sale& sale) const;
};

} // namespace lipa
