// SPDX-License-Identifier: GPL-3.0-or-later
#include "Journal.h"

#include "FilterSql.h"
#include "JournalSchema.h"
#include "PaymentRow.h"
#include "SqlValue.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>

#include <algorithm>
#include <limits>
#include <optional>

namespace lipa {

using sqlvalue::textOrNull;
using sqlvalue::timeFromMs;

namespace {

constexpr qint64 kHourMs = 3'600'000; // the hour totals' hour

QString newConnectionName()
{
    return QStringLiteral("journal-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// States as SQL lists, read from the state table. Built on each call: a handful of strings, next to a
// query that touches the disk.
QString statesThatMayStillCharge()
{
    return FilterSql::sqlList(statesWhere([](const StateTraits& traits) { return traits.mayStillCharge; }));
}

QString statesInProgress()
{
    return FilterSql::sqlList(statesWhere([](const StateTraits& traits) { return traits.inProgress; }));
}

QString quotedKey(PaymentState state)
{
    return FilterSql::sqlList({state});
}

} // namespace

QString Journal::fileName(const QString& environmentKey)
{
    // Demo and sandbox payments are not the shop's money: they never share a file with real ones.
    if (environmentKey == u"demo" || environmentKey == u"sandbox")
        return QStringLiteral("journal-%1.sqlite").arg(environmentKey);
    return QStringLiteral("journal.sqlite");
}

Journal::Journal(QString connectionName, QString path)
    : m_connection(std::move(connectionName))
    , m_path(std::move(path))
{
}

Journal::~Journal() = default;

std::unique_ptr<Journal> Journal::open(const QString& path, OpenError* error)
{
    *error = {};
    const bool existed = QFileInfo::exists(path);
    if (!JournalSchema::folderIsWritable(path, error) || !JournalSchema::makePrivate(path, error))
        return nullptr;
    auto journal = std::unique_ptr<Journal>(new Journal(newConnectionName(), path));
    if (!JournalSchema::open(journal->m_connection.db(), path, existed, error)) {
        journal.reset();
        if (!existed && QFileInfo(path).size() == 0)
            QFile::remove(path); // the empty file made private above; a later start begins afresh
        return nullptr;
    }
    qCInfo(lcJournal) << "opened" << path << "format" << kSchemaVersion << (existed ? "existing" : "new");
    return journal;
}

std::unique_ptr<Journal> Journal::openInMemory()
{
    auto journal = std::unique_ptr<Journal>(new Journal(newConnectionName(), {}));
    QSqlDatabase& db = journal->m_connection.db();
    db.setDatabaseName(QStringLiteral(":memory:"));
    QString error;
    if (!db.open() || !JournalSchema::migrate(db, 0, &error))
        qFatal("cannot create an in-memory journal: %s", qPrintable(error));
    QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    return journal;
}

bool Journal::insertEvent(qint64 paymentId, const QDateTime& at, std::optional<PaymentState> from,
                          PaymentState to, const QString& remoteState, const QString& detail)
{
    QSqlQuery query(m_connection.db());
    query.prepare(
        QStringLiteral("INSERT INTO events (payment_id, at, from_state, to_state, remote_state, detail)"
                       " VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(paymentId);
    query.addBindValue(at.toMSecsSinceEpoch());
    query.addBindValue(from ? QVariant(stateKey(*from)) : QVariant(QMetaType(QMetaType::QString)));
    query.addBindValue(stateKey(to));
    query.addBindValue(textOrNull(remoteState));
    query.addBindValue(textOrNull(detail));
    return m_connection.exec(query, "insert event");
}

bool Journal::addPayment(Payment& payment, Sale* newSale)
{
    QSqlDatabase& db = m_connection.db();
    QSqlQuery query(db);
    // This write precedes a push: it must be on disk before the request leaves, power cut or not.
    // Every write is synced (synchronous=FULL, set at open): this one precedes a push, and the next one
    // carries the invoice id without which the payment could never be checked. A till writes a few rows a
    // minute; 0.3 ms each was measured (bench_charge).
    m_connection.setLastError(QString());
    if (!db.transaction()) {
        m_connection.setLastErrorFrom(db.lastError());
        return false;
    }
    if (newSale && !m_sales.insert(*newSale)) {
        db.rollback();
        return false;
    }
    query.prepare(PaymentRow::insertStatement());
    PaymentRow::bind(query, payment);
    if (!m_connection.exec(query, "insert payment")) {
        db.rollback();
        return false;
    }
    const qint64 id = query.lastInsertId().toLongLong();
    if (!insertEvent(id, payment.createdAt, std::nullopt, payment.state, {}, QStringLiteral("recorded")) ||
        !db.commit()) {
        if (m_connection.lastError().isEmpty())
            m_connection.setLastErrorFrom(db.lastError());
        db.rollback();
        return false;
    }
    payment.sequence = id;
    return true;
}

bool Journal::updatePayment(const Payment& payment, const QString& detail)
{
    const std::optional<Payment> before = find(payment.localRef);
    if (!before) {
        m_connection.setLastError(
            QCoreApplication::translate("lipa::Journal", "No such payment in the journal"));
        return false;
    }
    QSqlDatabase& db = m_connection.db();
    if (!db.transaction()) {
        m_connection.setLastErrorFrom(db.lastError());
        return false;
    }
    QSqlQuery query(db);
    query.prepare(PaymentRow::updateStatement());
    PaymentRow::bindUpdate(query, payment, before->sequence);
    if (!m_connection.exec(query, "update payment") ||
        !insertEvent(before->sequence, payment.updatedAt, before->state, payment.state, payment.remoteState,
                     detail) ||
        !db.commit()) {
        db.rollback();
        return false;
    }
    return true;
}

QList<Payment> Journal::partsOf(const QString& saleRef, bool* ok) const
{
    QSqlQuery query(m_connection.db());
    query.prepare(
        QStringLiteral("SELECT %1 FROM payments WHERE sale_ref = ? ORDER BY id").arg(PaymentRow::columns()));
    query.addBindValue(saleRef);
    return readPayments(query, "parts of sale", ok);
}

std::optional<Payment> Journal::find(const QString& localRef) const
{
    QSqlQuery query(m_connection.db());
    query.prepare(QStringLiteral("SELECT %1 FROM payments WHERE local_ref = ?").arg(PaymentRow::columns()));
    query.addBindValue(localRef);
    if (!m_connection.exec(query, "find payment") || !query.next())
        return std::nullopt;
    return PaymentRow::read(query);
}

std::optional<Payment> Journal::latestOpen(const PhoneNumber& phone, Money amount,
                                           const QDateTime& expiredSince) const
{
    // Through the phone index: a customer has few payments, however long the history.
    QSqlQuery query(m_connection.db());
    query.prepare(
        QStringLiteral("SELECT %1 FROM payments WHERE phone = ? AND +amount_cents = ?"
                       " AND (+state IN (%2)"
                       " OR (+state = %3 AND created_at >= ?))"
                       " ORDER BY id DESC LIMIT 1")
            .arg(PaymentRow::columns(), statesThatMayStillCharge(), quotedKey(PaymentState::Expired)));
    query.addBindValue(phone.normalised());
    query.addBindValue(amount.cents());
    query.addBindValue(expiredSince.isValid() ? expiredSince.toMSecsSinceEpoch()
                                              : std::numeric_limits<qint64>::max());
    if (!m_connection.exec(query, "latest open") || !query.next())
        return std::nullopt;
    return PaymentRow::read(query);
}

std::optional<Payment> Journal::replacementOf(const QString& localRef) const
{
    QSqlQuery query(m_connection.db());
    query.prepare(QStringLiteral("SELECT %1 FROM payments WHERE replaces_ref = ? ORDER BY id DESC LIMIT 1")
                      .arg(PaymentRow::columns()));
    query.addBindValue(localRef);
    if (!m_connection.exec(query, "replacement") || !query.next())
        return std::nullopt;
    return PaymentRow::read(query);
}

QList<Payment> Journal::page(const PaymentFilter& filter, qint64 beforeSequence, int limit, bool* ok) const
{
    // A range's page walks the ids between bounds the hour totals keep per hour: below the newest id
    // created before its end (rows newer than the range are never walked; later pages start lower anyway)
    // and down to the oldest id created since its start (a group with fewer rows than a page does not
    // walk the rest of the journal).
    qint64 lowest = 0;
    if (SearchTerm::parse(filter.search).kind == SearchTerm::None) {
        QSqlQuery bound(m_connection.db());
        bound.setForwardOnly(true);
        if (beforeSequence == std::numeric_limits<qint64>::max() && filter.to.isValid()) {
            bound.prepare(
                QStringLiteral("SELECT coalesce(max(max_id), 0) FROM hour_totals WHERE hour <= :hour"));
            bound.bindValue(QStringLiteral(":hour"), (filter.to.toMSecsSinceEpoch() - 1) / kHourMs);
            if (m_connection.exec(bound, "page bound") && bound.next())
                beforeSequence = bound.value(0).toLongLong() + 1;
        }
        if (filter.from.isValid()) {
            bound.prepare(
                QStringLiteral("SELECT coalesce(min(min_id), :none) FROM hour_totals WHERE hour >= :hour"));
            bound.bindValue(QStringLiteral(":none"), std::numeric_limits<qint64>::max());
            bound.bindValue(QStringLiteral(":hour"),
                            std::max<qint64>(0, filter.from.toMSecsSinceEpoch()) / kHourMs);
            if (m_connection.exec(bound, "page bound") && bound.next())
                lowest = bound.value(0).toLongLong();
        }
    }
    const FilterSql sql(filter);
    QSqlQuery query(m_connection.db());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM payments WHERE %3 < :before AND %3 >= :lowest AND %2"
                                 " ORDER BY id DESC LIMIT :limit")
                      .arg(PaymentRow::columns(), sql.where, sql.keysetId));
    query.bindValue(QStringLiteral(":before"), beforeSequence);
    query.bindValue(QStringLiteral(":lowest"), lowest);
    query.bindValue(QStringLiteral(":limit"), limit);
    sql.bind(query);
    QList<Payment> payments;
    const bool read = m_connection.exec(query, "page");
    if (ok)
        *ok = read;
    if (!read)
        return payments;
    payments.reserve(limit);
    while (query.next())
        payments.append(PaymentRow::read(query));
    return payments;
}

QList<Payment> Journal::withSequences(const QList<qint64>& sequences, bool* ok) const
{
    if (sequences.isEmpty()) {
        if (ok)
            *ok = true;
        return {};
    }
    // Integers written into the statement: one prepared statement per page size would gain nothing, and a
    // number cannot carry SQL.
    QStringList ids;
    ids.reserve(sequences.size());
    for (const qint64 sequence : sequences)
        ids.append(QString::number(sequence));
    QSqlQuery query(m_connection.db());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM payments WHERE id IN (%2)")
                      .arg(PaymentRow::columns(), ids.join(u',')));
    return readPayments(query, "payments by sequence", ok);
}

QList<Payment> Journal::unfinished() const
{
    QSqlQuery query(m_connection.db());
    query.setForwardOnly(true);
    query.prepare(
        // Written out, not read from the state table: the first term must be exactly as in the partial
        // index payments_unfinished (migration 1, which is history and never changes) for SQLite to use it.
        QStringLiteral("SELECT %1 FROM payments WHERE state NOT IN ('Complete', 'Failed', 'Rejected')"
                       " AND state <> 'Cash' ORDER BY id")
            .arg(PaymentRow::columns()));
    return readPayments(query, "unfinished", nullptr);
}

QList<Payment> Journal::toResume(const QDateTime& expiredSince) const
{
    // Two queries, each on its own index: the few payments in progress by state, the recent Expired ones
    // by creation time (a payment expires minutes after it was made). As one UNION, SQLite 3.40 chose to
    // scan the whole table (0.4 s on a million rows).
    QList<Payment> payments;
    const auto collect = [&](const QString& where, const QVariant& value, const char* what) {
        QSqlQuery query(m_connection.db());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT %1 FROM payments WHERE %2").arg(PaymentRow::columns(), where));
        if (value.isValid())
            query.addBindValue(value);
        if (m_connection.exec(query, what)) {
            while (query.next())
                payments.append(PaymentRow::read(query));
        }
    };
    collect(QStringLiteral("state IN (%1)").arg(statesThatMayStillCharge()), {}, "in progress");
    collect(QStringLiteral("created_at >= ? AND +state = %1").arg(quotedKey(PaymentState::Expired)),
            expiredSince.toMSecsSinceEpoch(), "expired");
    // Cash sales of the same span: their M-Pesa request may still have been open when the till stopped.
    collect(QStringLiteral("created_at >= ? AND +state = %1").arg(quotedKey(PaymentState::Cash)),
            expiredSince.toMSecsSinceEpoch(), "cash");
    std::sort(payments.begin(), payments.end(),
              [](const Payment& a, const Payment& b) { return a.sequence < b.sequence; });
    return payments;
}

QDateTime Journal::oldestInProgress() const
{
    QSqlQuery query(m_connection.db());
    if (!query.exec(QStringLiteral("SELECT min(created_at) FROM payments WHERE state IN (%1)")
                        .arg(statesInProgress())) ||
        !query.next() || query.value(0).isNull())
        return {};
    return timeFromMs(query.value(0).toLongLong());
}

QList<PaymentEvent> Journal::events(const QString& localRef) const
{
    QSqlQuery query(m_connection.db());
    query.prepare(
        QStringLiteral("SELECT e.at, e.from_state, e.to_state, e.remote_state, e.detail FROM events e"
                       " JOIN payments p ON p.id = e.payment_id WHERE p.local_ref = ? ORDER BY e.id"));
    query.addBindValue(localRef);
    QList<PaymentEvent> events;
    if (!m_connection.exec(query, "events"))
        return events;
    while (query.next()) {
        PaymentEvent event;
        event.localRef = localRef;
        event.at = timeFromMs(query.value(0).toLongLong());
        if (!query.value(1).isNull())
            event.from = stateFromKey(query.value(1).toString());
        event.to = stateFromKey(query.value(2).toString()).value_or(PaymentState::Unknown);
        event.remoteState = query.value(3).toString();
        event.detail = query.value(4).toString();
        events.append(event);
    }
    return events;
}

void Totals::add(PaymentState state, int count, Money sum)
{
    const StateTraits& traits = traitsOf(state);
    switch (traits.group) {
    case StateGroup::Paid:
        if (traits.taken == Taken::ByMpesa) {
            paidCount += count;
            paidSum += sum;
        } else if (traits.taken == Taken::InCash) {
            cashCount += count;
            cashSum += sum;
        }
        break;
    case StateGroup::Waiting:
        pendingCount += count;
        break;
    case StateGroup::NeedsCheck:
        attentionCount += count;
        break;
    case StateGroup::Failed:
        failedCount += count;
        break;
    case StateGroup::All: // a filter, never a state's group
        break;
    }
}

Totals& Totals::operator+=(const Totals& other)
{
    paidCount += other.paidCount;
    paidSum += other.paidSum;
    pendingCount += other.pendingCount;
    attentionCount += other.attentionCount;
    failedCount += other.failedCount;
    cashCount += other.cashCount;
    cashSum += other.cashSum;
    return *this;
}

namespace {

// Adds up rows of (state, count, sum) as a query gives them.
Totals readTotals(QSqlQuery& query)
{
    Totals totals;
    while (query.next())
        totals.add(stateFromKey(query.value(0).toString()).value_or(PaymentState::Unknown),
                   query.value(1).toInt(), Money::fromCents(query.value(2).toLongLong()));
    return totals;
}

} // namespace

Totals Journal::totals(const PaymentFilter& filter) const
{
    if (SearchTerm::parse(filter.search).kind != SearchTerm::None)
        return summedTotals(filter);
    // Whole hours from the hour totals; the part of an hour at either end of the range from the payments
    // themselves (through the creation-time index: under an hour's worth each).
    const qint64 from = filter.from.isValid() ? std::max<qint64>(0, filter.from.toMSecsSinceEpoch()) : 0;
    const qint64 fromHour = (from + kHourMs - 1) / kHourMs;
    const qint64 toHour = filter.to.isValid() ? std::max<qint64>(0, filter.to.toMSecsSinceEpoch()) / kHourMs
                                              : std::numeric_limits<qint64>::max();
    if (fromHour >= toHour)
        return summedTotals(filter);
    Totals totals = hourTotals(fromHour, toHour, filter.group);
    if (filter.from.isValid() && from < fromHour * kHourMs) {
        PaymentFilter head = filter;
        head.to = QDateTime::fromMSecsSinceEpoch(fromHour * kHourMs, Qt::UTC);
        totals += summedTotals(head);
    }
    if (filter.to.isValid() && toHour * kHourMs < filter.to.toMSecsSinceEpoch()) {
        PaymentFilter tail = filter;
        tail.from = QDateTime::fromMSecsSinceEpoch(toHour * kHourMs, Qt::UTC);
        totals += summedTotals(tail);
    }
    return totals;
}

Totals Journal::hourTotals(qint64 fromHour, qint64 toHour, StateGroup group) const
{
    QSqlQuery query(m_connection.db());
    query.setForwardOnly(true);
    const QString inGroup = group == StateGroup::All
                                ? QString()
                                : QStringLiteral(" AND state IN (%1)")
                                      .arg(FilterSql::sqlList(statesWhere([group](const StateTraits& traits) {
                                          return traits.group == group;
                                      })));
    query.prepare(QStringLiteral("SELECT state, sum(count), sum(sum_cents) FROM hour_totals"
                                 " WHERE hour >= :from AND hour < :to%1 GROUP BY state")
                      .arg(inGroup));
    query.bindValue(QStringLiteral(":from"), fromHour);
    query.bindValue(QStringLiteral(":to"), toHour);
    if (!m_connection.exec(query, "hour totals"))
        return {};
    return readTotals(query);
}

Totals Journal::summedTotals(const PaymentFilter& filter) const
{
    const FilterSql sql(filter, FilterSql::Purpose::Totals);
    QSqlQuery query(m_connection.db());
    query.setForwardOnly(true);
    // sum(), not total(): money is integer cents and total() is a double. Each group has at least one
    // row, so the sum is never NULL.
    query.prepare(
        QStringLiteral("SELECT state, count(*), sum(amount_cents) FROM payments WHERE %1 GROUP BY %2")
            .arg(sql.where, sql.groupByState));
    sql.bind(query);
    if (!m_connection.exec(query, "totals"))
        return {};
    return readTotals(query);
}

Totals Journal::totals(const QDateTime& from, const QDateTime& to) const
{
    PaymentFilter filter;
    filter.from = from;
    filter.to = to;
    return totals(filter);
}

qint64 Journal::paymentCount() const
{
    QSqlQuery query(m_connection.db());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM payments")) || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

QList<Payment> Journal::paymentsBetween(const QDateTime& from, const QDateTime& to, bool* ok) const
{
    QSqlQuery query(m_connection.db());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT %1 FROM payments WHERE created_at >= ? AND created_at < ? ORDER BY id")
            .arg(PaymentRow::columns()));
    query.addBindValue(from.toMSecsSinceEpoch());
    query.addBindValue(to.toMSecsSinceEpoch());
    return readPayments(query, "payments between", ok);
}

QList<Payment> Journal::paymentsBetween(const QDateTime& from, const QDateTime& to, const Payment* after,
                                        int limit, bool* ok) const
{
    // Keyset paging on (created_at, id), which the created_at index holds: each slice costs its own rows,
    // however far into a busy day it is.
    QSqlQuery query(m_connection.db());
    query.setForwardOnly(true);
    // The range starts at the last one read (not at the period's start, which made every slice read all
    // those before it again).
    query.prepare(QStringLiteral("SELECT %1 FROM payments WHERE created_at >= ? AND created_at < ?"
                                 " AND (created_at > ? OR id > ?) ORDER BY created_at, id LIMIT ?")
                      .arg(PaymentRow::columns()));
    const qint64 afterAt = after ? after->createdAt.toMSecsSinceEpoch() : from.toMSecsSinceEpoch() - 1;
    query.addBindValue(after ? afterAt : from.toMSecsSinceEpoch());
    query.addBindValue(to.toMSecsSinceEpoch());
    query.addBindValue(afterAt);
    query.addBindValue(after ? after->sequence : std::numeric_limits<qint64>::max());
    query.addBindValue(limit);
    return readPayments(query, "payments between (slice)", ok);
}

QList<Payment> Journal::settledInCashLater(const QDateTime& from, const QDateTime& to, bool* ok) const
{
    QSqlQuery query(m_connection.db());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM payments WHERE state = %2 AND created_at < ?"
                                 " AND EXISTS (SELECT 1 FROM events e WHERE e.payment_id = payments.id"
                                 " AND e.to_state = %2 AND e.from_state IS NOT %2"
                                 " AND e.at >= ? AND e.at < ?) ORDER BY id")
                      .arg(PaymentRow::columns(), quotedKey(PaymentState::Cash)));
    query.addBindValue(from.toMSecsSinceEpoch());
    query.addBindValue(from.toMSecsSinceEpoch());
    query.addBindValue(to.toMSecsSinceEpoch());
    return readPayments(query, "settled in cash later", ok);
}

QList<Payment> Journal::readPayments(QSqlQuery& query, const char* what, bool* ok) const
{
    QList<Payment> payments;
    const bool read = m_connection.exec(query, what);
    if (ok)
        *ok = read;
    while (read && query.next())
        payments.append(PaymentRow::read(query));
    return payments;
}

} // namespace lipa
