// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReconciliationLog.h"

#include "JournalConnection.h"
#include "SqlValue.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace lipa {

using sqlvalue::notNull;
using sqlvalue::textOrNull;
using sqlvalue::timeFromMs;

namespace {

const QString kSummaryColumns = QStringLiteral(
    "id, till_name, cashier, period_from, period_to, started_at, finished_at, complete, incomplete_reason,"
    " invoices_read, requests, payments_here, matched, paid_there_only, paid_here_only, amount_differs,"
    " other_sender, paid_at_intasend_cents, charges_cents, net_cents, other_sender_cents, items_expected");

const QString kItemColumns =
    QStringLiteral("category, api_ref, invoice_id, state_here, state_there, amount_here_cents,"
                   " amount_there_cents, mpesa_reference, charges_cents, created_at");

// An amount that may not be known: NULL, not zero.
QVariant centsOrNull(const std::optional<Money>& money)
{
    return money ? QVariant(money->cents()) : QVariant(QMetaType(QMetaType::LongLong));
}

std::optional<Money> centsOrNone(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    return Money::fromCents(value.toLongLong());
}

QVariant timeOrNull(const QDateTime& time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime timeOrInvalid(const QVariant& value)
{
    return value.isNull() ? QDateTime() : timeFromMs(value.toLongLong());
}

// A row of kSummaryColumns; items are read separately (readItems).
Reconciliation reconciliationFrom(const QSqlQuery& q)
{
    Reconciliation reconciliation;
    reconciliation.id = q.value(0).toLongLong();
    reconciliation.tillName = q.value(1).toString();
    reconciliation.cashier = q.value(2).toString();
    ReconcileSummary& s = reconciliation.summary;
    s.from = timeFromMs(q.value(3).toLongLong());
    s.to = timeFromMs(q.value(4).toLongLong());
    s.startedAt = timeFromMs(q.value(5).toLongLong());
    s.finishedAt = timeFromMs(q.value(6).toLongLong());
    s.complete = q.value(7).toInt() != 0;
    s.incompleteReason = q.value(8).toString();
    s.invoicesRead = q.value(9).toInt();
    s.requests = q.value(10).toInt();
    s.paymentsHere = q.value(11).toInt();
    s.matched = q.value(12).toInt();
    s.paidThereOnly = q.value(13).toInt();
    s.paidHereOnly = q.value(14).toInt();
    s.amountDiffers = q.value(15).toInt();
    s.otherSender = q.value(16).toInt();
    s.paidAtIntaSend = Money::fromCents(q.value(17).toLongLong());
    s.charges = Money::fromCents(q.value(18).toLongLong());
    s.net = Money::fromCents(q.value(19).toLongLong());
    s.otherSenderSum = Money::fromCents(q.value(20).toLongLong());
    return reconciliation;
}

ReconcileItem itemFrom(const QSqlQuery& q)
{
    ReconcileItem item;
    // Every category this schema knows is one this till knows: a newer till's file is never opened.
    item.category = reconcileCategoryFromKey(q.value(0).toString()).value_or(ReconcileCategory::Matched);
    item.apiRef = q.value(1).toString();
    item.invoiceId = q.value(2).toString();
    item.stateHere = q.value(3).toString();
    item.stateThere = q.value(4).toString();
    item.amountHere = centsOrNone(q.value(5));
    item.amountThere = centsOrNone(q.value(6));
    item.mpesaReference = q.value(7).toString();
    item.charges = centsOrNone(q.value(8));
    item.createdAt = timeOrInvalid(q.value(9));
    return item;
}

// Reads the reconciliation's items, in the order they were kept. False if they could not be read.
bool readItems(const JournalConnection& connection, Reconciliation& reconciliation)
{
    QSqlQuery query(connection.db());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT %1 FROM reconciliation_items WHERE reconciliation_id = ? ORDER BY id")
            .arg(kItemColumns));
    query.addBindValue(reconciliation.id);
    if (!connection.exec(query, "reconciliation items"))
        return false;
    reconciliation.items.clear();
    while (query.next())
        reconciliation.items.append(itemFrom(query));
    return true;
}

// The first row of a prepared SELECT of kSummaryColumns, with its items; nullopt if there is none or it
// could not be read.
std::optional<Reconciliation> readOne(const JournalConnection& connection, QSqlQuery& query, const char* what)
{
    if (!connection.exec(query, what) || !query.next())
        return std::nullopt;
    Reconciliation reconciliation = reconciliationFrom(query);
    const int expected = query.value(21).toInt();
    query.finish();
    if (!readItems(connection, reconciliation))
        return std::nullopt;
    if (reconciliation.items.size() < expected) {
        // The till stopped while its lines were being kept (they are kept a slice at a time).
        ReconcileSummary& s = reconciliation.summary;
        s.complete = false;
        const QString shortBy =
            QCoreApplication::translate("lipa::Journal", "only %1 of its %2 lines were kept")
                .arg(reconciliation.items.size())
                .arg(expected);
        s.incompleteReason =
            s.incompleteReason.isEmpty() ? shortBy : s.incompleteReason + QStringLiteral("; ") + shortBy;
    }
    return reconciliation;
}

void bindSummary(QSqlQuery& query, const Reconciliation& reconciliation)
{
    const ReconcileSummary& s = reconciliation.summary;
    query.addBindValue(notNull(reconciliation.tillName));
    query.addBindValue(textOrNull(reconciliation.cashier));
    query.addBindValue(s.from.toMSecsSinceEpoch());
    query.addBindValue(s.to.toMSecsSinceEpoch());
    query.addBindValue(s.startedAt.toMSecsSinceEpoch());
    query.addBindValue(s.finishedAt.toMSecsSinceEpoch());
    query.addBindValue(s.complete ? 1 : 0);
    query.addBindValue(textOrNull(s.incompleteReason));
    query.addBindValue(s.invoicesRead);
    query.addBindValue(s.requests);
    query.addBindValue(s.paymentsHere);
    query.addBindValue(s.matched);
    query.addBindValue(s.paidThereOnly);
    query.addBindValue(s.paidHereOnly);
    query.addBindValue(s.amountDiffers);
    query.addBindValue(s.otherSender);
    query.addBindValue(s.paidAtIntaSend.cents());
    query.addBindValue(s.charges.cents());
    query.addBindValue(s.net.cents());
    query.addBindValue(s.otherSenderSum.cents());
}

void bindItem(QSqlQuery& query, qint64 reconciliationId, const ReconcileItem& item)
{
    query.addBindValue(reconciliationId);
    query.addBindValue(reconcileCategoryKey(item.category));
    query.addBindValue(textOrNull(item.apiRef));
    query.addBindValue(textOrNull(item.invoiceId));
    query.addBindValue(textOrNull(item.stateHere));
    query.addBindValue(textOrNull(item.stateThere));
    query.addBindValue(centsOrNull(item.amountHere));
    query.addBindValue(centsOrNull(item.amountThere));
    query.addBindValue(textOrNull(item.mpesaReference));
    query.addBindValue(centsOrNull(item.charges));
    query.addBindValue(timeOrNull(item.createdAt));
}

} // namespace

ReconciliationLog::ReconciliationLog(JournalConnection& connection)
    : m_connection(connection)
{
}

bool ReconciliationLog::add(Reconciliation& reconciliation)
{
    return insert(reconciliation, true);
}

bool ReconciliationLog::begin(Reconciliation& reconciliation)
{
    return insert(reconciliation, false);
}

bool ReconciliationLog::insertItems(qint64 reconciliationId, const QList<ReconcileItem>& items)
{
    QSqlQuery item(m_connection.db());
    item.prepare(QStringLiteral(
        "INSERT INTO reconciliation_items (reconciliation_id, category, api_ref, invoice_id, state_here,"
        " state_there, amount_here_cents, amount_there_cents, mpesa_reference, charges_cents, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const ReconcileItem& each : items) {
        bindItem(item, reconciliationId, each);
        if (!m_connection.exec(item, "insert reconciliation item"))
            return false;
    }
    return true;
}

bool ReconciliationLog::addItems(qint64 reconciliationId, const QList<ReconcileItem>& items)
{
    QSqlDatabase& db = m_connection.db();
    m_connection.setLastError(QString());
    // A reconciliation's lines can be had again by reconciling again; they are committed without waiting
    // for the disk, like IntaSend's fees (see recordFees).
    QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    const auto restore =
        qScopeGuard([&db] { QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous = FULL")); });
    if (!db.transaction()) {
        m_connection.setLastErrorFrom(db.lastError());
        return false;
    }
    if (!insertItems(reconciliationId, items)) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        m_connection.setLastErrorFrom(db.lastError());
        db.rollback();
        return false;
    }
    return true;
}

bool ReconciliationLog::insert(Reconciliation& reconciliation, bool withItems)
{
    QSqlDatabase& db = m_connection.db();
    m_connection.setLastError(QString());
    if (!db.transaction()) {
        m_connection.setLastErrorFrom(db.lastError());
        return false;
    }
    QSqlQuery summary(db);
    summary.prepare(QStringLiteral(
        "INSERT INTO reconciliations (till_name, cashier, period_from, period_to, started_at, finished_at,"
        " complete, incomplete_reason, invoices_read, requests, payments_here, matched, paid_there_only,"
        " paid_here_only, amount_differs, other_sender, paid_at_intasend_cents, charges_cents, net_cents,"
        " other_sender_cents, items_expected)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    bindSummary(summary, reconciliation);
    summary.addBindValue(static_cast<qint64>(reconciliation.items.size()));
    if (!m_connection.exec(summary, "insert reconciliation")) {
        db.rollback();
        return false;
    }
    const qint64 id = summary.lastInsertId().toLongLong();
    if (withItems && !insertItems(id, reconciliation.items)) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        m_connection.setLastErrorFrom(db.lastError());
        db.rollback();
        return false;
    }
    reconciliation.id = id;
    return true;
}

std::optional<Reconciliation> ReconciliationLog::find(qint64 id) const
{
    QSqlQuery query(m_connection.db());
    query.prepare(QStringLiteral("SELECT %1 FROM reconciliations WHERE id = ?").arg(kSummaryColumns));
    query.addBindValue(id);
    return readOne(m_connection, query, "reconciliation");
}

std::optional<Reconciliation> ReconciliationLog::latestCovering(const QDateTime& from,
                                                                const QDateTime& to) const
{
    QSqlQuery query(m_connection.db());
    query.prepare(QStringLiteral("SELECT %1 FROM reconciliations WHERE period_from <= ? AND period_to >= ?"
                                 " ORDER BY id DESC LIMIT 1")
                      .arg(kSummaryColumns));
    query.addBindValue(from.toMSecsSinceEpoch());
    query.addBindValue(to.toMSecsSinceEpoch());
    return readOne(m_connection, query, "latest covering reconciliation");
}

QList<Reconciliation> ReconciliationLog::latest(int limit) const
{
    QSqlQuery query(m_connection.db());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT %1 FROM reconciliations ORDER BY id DESC LIMIT ?").arg(kSummaryColumns));
    query.addBindValue(limit);
    QList<Reconciliation> reconciliations;
    if (!m_connection.exec(query, "latest reconciliations"))
        return reconciliations;
    while (query.next())
        reconciliations.append(reconciliationFrom(query));
    return reconciliations;
}

bool ReconciliationLog::recordFees(const QList<PaymentFees>& fees)
{
    QSqlDatabase& db = m_connection.db();
    m_connection.setLastError(QString());
    // IntaSend's fees can always be read again from its records, so they are committed without waiting
    // for the disk (synchronous=NORMAL: in WAL mode such a commit can be lost by a power cut, never
    // corrupt the file). A reconciliation of a busy day writes fees on every page; waiting for the disk
    // each time stalled the window by up to 17 ms. Every other write stays synced (FULL).
    // Not so for a till that sends its journal to a shop database: fees sent there and then lost here by
    // a power cut would leave the outbox's numbers taken twice, and the till refused as a copy of itself.
    const bool synced = m_connection.isWatched();
    if (!synced)
        QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    const auto restore = qScopeGuard([&db, synced] {
        if (!synced)
            QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous = FULL"));
    });
    if (!db.transaction()) {
        m_connection.setLastErrorFrom(db.lastError());
        return false;
    }
    QSqlQuery query(db);
    // The M-Pesa reference fills an empty receipt and never replaces one: the receipt the till recorded
    // is the one the customer was shown.
    query.prepare(
        QStringLiteral("UPDATE payments SET charges_cents = ?, net_cents = COALESCE(?, net_cents),"
                       " mpesa_receipt = COALESCE(mpesa_receipt, NULLIF(?, '')) WHERE local_ref = ?"));
    for (const PaymentFees& fee : fees) {
        query.addBindValue(fee.charges.cents());
        query.addBindValue(centsOrNull(fee.net));
        query.addBindValue(textOrNull(fee.mpesaReference));
        query.addBindValue(fee.localRef);
        if (!m_connection.exec(query, "record fees")) {
            db.rollback();
            return false;
        }
        if (query.numRowsAffected() == 0)
            qCWarning(lcJournal) << "fees of a payment that is not in the journal:" << fee.localRef;
    }
    if (!db.commit()) {
        m_connection.setLastErrorFrom(db.lastError());
        db.rollback();
        return false;
    }
    return true;
}

} // namespace lipa
