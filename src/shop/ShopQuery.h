// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Payment.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUuid>

#include <optional>

class QSqlDatabase;

namespace lipa {

// One payment as the shop database has it: the till's own record, and where and by whom it was taken.
struct ShopPayment {
    Payment payment;
    QUuid tillId;
    QString tillName; // the till's name now (payment.tillName is the name it had when it took the payment)
    QString branch;
    QString cashier; // of the till's shift that was open at payment.createdAt; empty outside any shift
};

// What the shop view shows: the search forms of the till's F2 (SearchTerm: phone, amount, M-Pesa receipt,
// invoice id, the start of a reference), some states, a time range and a branch.
struct ShopFilter {
    QString search;
    QList<PaymentState> states; // empty: every state
    QDateTime from;             // UTC, inclusive; invalid: no lower bound
    QDateTime to;               // UTC, exclusive; invalid: no upper bound
    QString branch;             // empty: every branch
};

// Where a page of the newest-first list ends: the order's key of its last payment. The next page holds
// the payments below it, however many arrived on top in the meantime.
struct PageKey {
    QDateTime createdAt; // UTC, as the till recorded it (milliseconds)
    QUuid tillId;
    qint64 seq = 0;

    static PageKey of(const ShopPayment& payment)
    {
        return {payment.payment.createdAt, payment.tillId, payment.payment.sequence};
    }
    // The list's order, newest first, as the database sorts it (a till's UUID compared byte by byte).
    static bool newerThan(const PageKey& a, const PageKey& b);
    friend bool operator==(const PageKey& a, const PageKey& b)
    {
        return a.createdAt == b.createdAt && a.tillId == b.tillId && a.seq == b.seq;
    }
};

// One till's day.
struct TillTotals {
    QUuid tillId;
    QString tillName;
    QString branch;
    int paidCount = 0; // the states that count as taken (StateTraits::taken): by M-Pesa or in cash
    Money paidSum;
    int pendingCount = 0;    // on their way or waiting for the customer (StateGroup::Waiting)
    int needsCheckCount = 0; // nobody knows yet (StateGroup::NeedsCheck)
    int failedCount = 0;     // not paid (StateGroup::Failed)
};

// What one cashier took at one till in the day.
struct CashierTotals {
    QString cashier; // empty: payments taken outside any shift
    QUuid tillId;
    QString tillName;
    int paidCount = 0;
    Money paidSum;
};

struct ShopTotals {
    QList<TillTotals> tills;       // every till the database knows, by branch and name
    QList<CashierTotals> cashiers; // those who took money that day, by till and cashier
};

// The shop database's reads: SQL built here, run on a connection the caller owns (and uses in one thread
// only). Every function leaves *error empty when it succeeded and says why when it did not; an empty
// answer with an empty *error is a real "nothing".
namespace ShopQuery {

// Payments matching the filter, newest first (created_at, then till, then the till's sequence), below
// `after` when given; at most limit of them. Keyset paging on the payments_newest index: the cost of a page
// does not grow with how far down it is, and nothing loads the whole table.
QList<ShopPayment> page(QSqlDatabase& db, const ShopFilter& filter, const std::optional<PageKey>& after,
                        int limit, QString* error);

// Every till's and every cashier's totals of one calendar day in this computer's time zone.
ShopTotals totalsOfDay(QSqlDatabase& db, const QDate& localDay, QString* error);

// Every till's payments created since `since` that may still charge the customer
// (StateTraits::mayStillCharge) or have expired (a late approval still charges, as the till's own check
// counts it), newest first, at most limit of them: what the shop-wide duplicate guard (ShopGuard) keeps
// at hand. Through the state index: a day's open payments are few, however many the shop has.
QList<ShopPayment> openPayments(QSqlDatabase& db, const QDateTime& since, int limit, QString* error);

} // namespace ShopQuery

} // namespace lipa

Q_DECLARE_METATYPE(lipa::ShopPayment)
Q_DECLARE_METATYPE(lipa::ShopFilter)
Q_DECLARE_METATYPE(lipa::PageKey)
Q_DECLARE_METATYPE(lipa::TillTotals)
Q_DECLARE_METATYPE(lipa::CashierTotals)
Q_DECLARE_TYPEINFO(lipa::ShopPayment, Q_RELOCATABLE_TYPE);
