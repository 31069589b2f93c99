// SPDX-License-Identifier: GPL-3.0-or-later
#include "RefundLog.h"

#include "JournalConnection.h"
#include "SqlValue.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace lipa {

using sqlvalue::notNull;
using sqlvalue::textOrNull;
using sqlvalue::timeFromMs;

namespace {

const QString kRefundColumns =
    QStringLiteral("id, payment_ref, invoice_id, amount_cents, reason, details, state, chargeback_id,"
                   " raw_status, resolution, message, cashier, created_at, updated_at");

// Written out, not built from the state table: it must be exactly the term of the partial index
// refunds_open (migration 5, which is history and never changes) for SQLite to use it. open() checks it
// against the state table (notFinalFromStateTable) in debug builds.
const QString kNotFinal = QStringLiteral("state NOT IN ('Refused', 'Cancelled', 'Completed')");

// The journal names of the refund states that pass test, as the inside of an SQL IN (…), read from the
// state table (Refund.cpp), never listed here.
template <typename Test>
QString refundStatesWhere(Test test)
{
    QStringList keys;
    for (int i = static_cast<int>(RefundState::Sending); i <= static_cast<int>(RefundState::Completed); ++i) {
        const auto state = static_cast<RefundState>(i);
        if (test(state))
            keys.append(QStringLiteral("'%1'").arg(refundStateKey(state)));
    }
    return keys.join(QStringLiteral(", "));
}

// kNotFinal as the state table says it.
QString notFinalFromStateTable()
{
    return QStringLiteral("state NOT IN (%1)").arg(refundStatesWhere([](RefundState state) {
        return isFinal(state);
    }));
}

Refund refundFrom(const QSqlQuery& q)
{
    Refund refund;
    refund.id = q.value(0).toLongLong();
    refund.paymentRef = q.value(1).toString();
    refund.invoiceId = q.value(2).toString();
    refund.amount = Money::fromCents(q.value(3).toLongLong());
    refund.reason = q.value(4).toString();
    refund.details = q.value(5).toString();
    // A word this till does not know is read as the state that waits for the cashier: never as final,
    // and still holding its amount.
    refund.state = refundStateFromKey(q.value(6).toString()).value_or(RefundState::Unconfirmed);
    refund.chargebackId = q.value(7).toString();
    refund.rawStatus = q.value(8).toString();
    refund.resolution = q.value(9).toString();
    refund.message = q.value(10).toString();
    refund.cashier = q.value(11).toString();
    refund.createdAt = timeFromMs(q.value(12).toLongLong());
    refund.updatedAt = timeFromMs(q.value(13).toLongLong());
    return refund;
}

QList<Refund> readRefunds(const JournalConnection& connection, QSqlQuery& query, const char* what, bool* ok)
{
    QList<Refund> refunds;
    const bool read = connection.exec(query, what);
    if (ok)
        *ok = read;
    while (read && query.next())
        refunds.append(refundFrom(query));
    return refunds;
}

} // namespace

RefundLog::RefundLog(JournalConnection& connection)
    : m_connection(connection)
{
}

bool RefundLog::add(Refund& refund)
{
    QSqlDatabase& db = m_connection.db();
    // Recorded as a payment is (Journal::addPayment): committed, and so synced to disk (synchronous=FULL,
    // set at open), before the request leaves. A till that stops after sending still knows it asked.
    m_connection.setLastError(QString());
    if (!db.transaction()) {
        m_connection.setLastErrorFrom(db.lastError());
        return false;
    }
    // A new request has not changed since it was made.
    const QDateTime updatedAt = refund.updatedAt.isValid() ? refund.updatedAt : refund.createdAt;
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO refunds (payment_ref, invoice_id, amount_cents, reason, details, state, chargeback_id,"
        " raw_status, resolution, message, cashier, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(notNull(refund.paymentRef));
    query.addBindValue(notNull(refund.invoiceId));
    query.addBindValue(refund.amount.cents());
    query.addBindValue(notNull(refund.reason));
    query.addBindValue(textOrNull(refund.details));
    query.addBindValue(refundStateKey(refund.state));
    query.addBindValue(textOrNull(refund.chargebackId));
    query.addBindValue(textOrNull(refund.rawStatus));
    query.addBindValue(textOrNull(refund.resolution));
    query.addBindValue(textOrNull(refund.message));
    query.addBindValue(textOrNull(refund.cashier));
    query.addBindValue(refund.createdAt.toMSecsSinceEpoch());
    query.addBindValue(updatedAt.toMSecsSinceEpoch());
    if (!m_connection.exec(query, "insert refund")) {
        db.rollback();
        return false;
    }
    const qint64 id = query.lastInsertId().toLongLong();
    if (!db.commit()) {
        m_connection.setLastErrorFrom(db.lastError());
        db.rollback();
        return false;
    }
    refund.id = id;
    refund.updatedAt = updatedAt;
    return true;
}

bool RefundLog::update(const Refund& refund)
{
    QSqlQuery query(m_connection.db());
    query.prepare(QStringLiteral("UPDATE refunds SET state = ?, chargeback_id = ?, raw_status = ?,"
                                 " resolution = ?, message = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(refundStateKey(refund.state));
    query.addBindValue(textOrNull(refund.chargebackId));
    query.addBindValue(textOrNull(refund.rawStatus));
    query.addBindValue(textOrNull(refund.resolution));
    query.addBindValue(textOrNull(refund.message));
    query.addBindValue(refund.updatedAt.toMSecsSinceEpoch());
    query.addBindValue(refund.id);
    if (!m_connection.exec(query, "update refund"))
        return false;
    if (query.numRowsAffected() != 1) {
        m_connection.setLastError(
            QCoreApplication::translate("lipa::Journal", "No such refund in the journal"));
        return false;
    }
    return true;
}

std::optional<Refund> RefundLog::find(qint64 id) const
{
    QSqlQuery query(m_connection.db());
    query.prepare(QStringLiteral("SELECT %1 FROM refunds WHERE id = ?").arg(kRefundColumns));
    query.addBindValue(id);
    if (!m_connection.exec(query, "refund") || !query.next())
        return std::nullopt;
    return refundFrom(query);
}

QList<Refund> RefundLog::ofPayment(const QString& paymentRef, bool* ok) const
{
    QSqlQuery query(m_connection.db());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT %1 FROM refunds WHERE payment_ref = ? ORDER BY id").arg(kRefundColumns));
    query.addBindValue(paymentRef);
    return readRefunds(m_connection, query, "refunds of payment", ok);
}

QList<Refund> RefundLog::open(bool* ok) const
{
    Q_ASSERT(kNotFinal == notFinalFromStateTable());
    QSqlQuery query(m_connection.db());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT %1 FROM refunds WHERE %2 ORDER BY id").arg(kRefundColumns, kNotFinal));
    return readRefunds(m_connection, query, "open refunds", ok);
}

QList<Refund> RefundLog::between(const QDateTime& from, const QDateTime& to, bool* ok) const
{
    QSqlQuery query(m_connection.db());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT %1 FROM refunds WHERE created_at >= ? AND created_at < ? ORDER BY id")
            .arg(kRefundColumns));
    query.addBindValue(from.toMSecsSinceEpoch());
    query.addBindValue(to.toMSecsSinceEpoch());
    return readRefunds(m_connection, query, "refunds between", ok);
}

std::optional<Money> RefundLog::requestedOf(const QString& paymentRef) const
{
    QSqlQuery query(m_connection.db());
    // sum(), not total(): money is integer cents and total() is a double. NULL (no request) reads as 0.
    query.prepare(
        QStringLiteral("SELECT sum(amount_cents) FROM refunds WHERE payment_ref = ? AND state IN (%1)")
            .arg(refundStatesWhere([](RefundState state) { return holdsAmount(state); })));
    query.addBindValue(paymentRef);
    if (!m_connection.exec(query, "refunds requested") || !query.next())
        return std::nullopt;
    return Money::fromCents(query.value(0).toLongLong());
}

} // namespace lipa
