// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopQuery.h"

#include "SearchTerm.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace lipa {

namespace {

// Times cross the wire as UTC milliseconds since the epoch, converted in the SQL: what the driver would
// make of a QDateTime and of a timestamptz depends on the session's and the computer's time zones.
QString timeParam(const QString& name)
{
    return QStringLiteral("(TIMESTAMPTZ 'epoch' + CAST(:%1 AS bigint) * INTERVAL '1 millisecond')").arg(name);
}

QString msOf(const QString& column)
{
    return QStringLiteral("CAST(EXTRACT(EPOCH FROM %1) * 1000 AS bigint)").arg(column);
}

// The journal names of states as the inside of an SQL IN (…). The names are fixed identifiers without
// quotes, read from the core's state table, so they can be written into the SQL as they are.
QString sqlList(const QList<PaymentState>& states)
{
    QStringList quoted;
    for (const QString& key : stateKeys(states))
        quoted.append(u'\'' + key + u'\'');
    return quoted.join(u',');
}

// States whose traits satisfy pred, as an SQL condition on p.state ("false" when there are none).
template <typename Pred>
QString stateIn(Pred pred)
{
    const QList<PaymentState> states = statesWhere(pred);
    return states.isEmpty() ? QStringLiteral("false")
                            : QStringLiteral("p.state IN (%1)").arg(sqlList(states));
}

QString groupIn(StateGroup group)
{
    return stateIn([group](const StateTraits& traits) { return traits.group == group; });
}

QString paidIn()
{
    return stateIn([](const StateTraits& traits) { return traits.taken != Taken::No; });
}

// The cashier of the till's shift that held the payment's time. A till's shift numbers grow with time, so
// the newest shift opened at or before the payment is the only candidate; it is read backwards along the
// shifts' key (till, shift) and stops at the first, which for recent payments is one or two rows.
QString cashierOf(const QString& payment)
{
    return QStringLiteral("COALESCE((SELECT CASE WHEN s.closed_at IS NULL OR s.closed_at > %1.created_at"
                          " THEN s.cashier END FROM shifts s WHERE s.till_id = %1.till_id"
                          " AND s.opened_at <= %1.created_at ORDER BY s.shift_id DESC LIMIT 1), '')")
        .arg(payment);
}

const QString& paymentColumns()
{
    static const QString columns =
        QStringLiteral(
            "CAST(p.till_id AS text), p.local_ref, p.seq, p.amount_cents, p.phone, p.state, %1, %2,"
            " p.invoice_id, p.remote_state, p.mpesa_receipt, p.failed_code, p.failure_message,"
            " p.till_name, p.replaces_ref, p.charges_cents, p.net_cents, t.name, t.branch, %3, p.sale_ref,"
            " p.sale_part, p.sale_parts")
            .arg(msOf(QStringLiteral("p.created_at")), msOf(QStringLiteral("p.updated_at")),
                 cashierOf(QStringLiteral("p")));
    return columns;
}

std::optional<Money> centsOrNone(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    return Money::fromCents(value.toLongLong());
}

QDateTime timeFromMs(const QVariant& value)
{
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

ShopPayment readPayment(const QSqlQuery& q)
{
    ShopPayment row;
    row.tillId = QUuid::fromString(q.value(0).toString());
    Payment& p = row.payment;
    p.localRef = q.value(1).toString();
    p.sequence = q.value(2).toLongLong();
    p.amount = Money::fromCents(q.value(3).toLongLong());
    if (Result<PhoneNumber> phone = PhoneNumber::fromNormalised(q.value(4).toString()))
        p.phone = phone.value();
    // A state a newer till knows and this one does not: nobody here can say what it means.
    p.state = stateFromKey(q.value(5).toString()).value_or(PaymentState::Unknown);
    p.createdAt = timeFromMs(q.value(6));
    p.updatedAt = timeFromMs(q.value(7));
    p.invoiceId = q.value(8).toString();
    p.remoteState = q.value(9).toString();
    p.mpesaReceipt = q.value(10).toString();
    p.failedCode = q.value(11).toString();
    p.failureMessage = q.value(12).toString();
    p.tillName = q.value(13).toString();
    p.replacesRef = q.value(14).toString();
    p.charges = centsOrNone(q.value(15));
    p.netAmount = centsOrNone(q.value(16));
    row.tillName = q.value(17).toString();
    row.branch = q.value(18).toString();
    row.cashier = q.value(19).toString();
    p.saleRef = q.value(20).toString();
    p.salePart = q.value(21).toInt();
    p.saleParts = q.value(22).toInt();
    return row;
}

// The WHERE clause of a page, with its values.
struct PageSql {
    QStringList clauses;
    QVariantMap values;

    void add(const QString& clause) { clauses.append(clause); }
    void bind(const QString& name, const QVariant& value) { values.insert(u':' + name, value); }
    QString where() const { return clauses.isEmpty() ? QStringLiteral("true") : clauses.join(u" AND "); }
};

void addSearch(PageSql& sql, const QString& search)
{
    const SearchTerm term = SearchTerm::parse(search);
    // A reference's start as a byte-order range (collation "C"): the words' collation would sort the
    // dashes of a UUID out of the way and find the wrong rows. U+FFFF sorts after every character a
    // reference holds.
    const QString refPrefix =
        QStringLiteral("(p.local_ref COLLATE \"C\" >= :ref AND p.local_ref COLLATE \"C\" < :refEnd)");
    switch (term.kind) {
    case SearchTerm::None:
        return;
    case SearchTerm::Phone:
        sql.add(QStringLiteral("p.phone = :phone"));
        sql.bind(QStringLiteral("phone"), term.text);
        return;
    case SearchTerm::Amount:
        // Digits are an amount, but also what IntaSend's numeric invoice ids and some references look like.
        sql.add(QStringLiteral("(p.amount_cents = :cents OR p.invoice_id = :ref OR %1)").arg(refPrefix));
        sql.bind(QStringLiteral("cents"), term.cents);
        break;
    case SearchTerm::Reference:
        // M-Pesa receipt codes are matched whatever their case, on the upper(mpesa_receipt) index.
        sql.add(QStringLiteral("(%1 OR p.invoice_id = :ref OR upper(p.mpesa_receipt) = upper(:ref))")
                    .arg(refPrefix));
        break;
    }
    sql.bind(QStringLiteral("ref"), term.text);
    sql.bind(QStringLiteral("refEnd"), term.text + QChar(0xffff));
}

bool run(QSqlQuery& query, const QVariantMap& values, QString* error)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        query.bindValue(it.key(), it.value());
    if (query.exec()) {
        error->clear();
        return true;
    }
    // The driver's text names the server and the failing statement, never the password.
    *error = query.lastError().text();
    return false;
}

} // namespace

bool PageKey::newerThan(const PageKey& a, const PageKey& b)
{
    if (a.createdAt != b.createdAt)
        return a.createdAt > b.createdAt;
    if (a.tillId != b.tillId) // PostgreSQL orders UUIDs by their bytes, which QUuid's operator< does not
        return a.tillId.toRfc4122() > b.tillId.toRfc4122();
    return a.seq > b.seq;
}

namespace ShopQuery {

QList<ShopPayment> page(QSqlDatabase& db, const ShopFilter& filter, const std::optional<PageKey>& after,
                        int limit, QString* error)
{
    PageSql sql;
    addSearch(sql, filter.search);
    if (!filter.states.isEmpty())
        sql.add(QStringLiteral("p.state IN (%1)").arg(sqlList(filter.states)));
    if (filter.from.isValid()) {
        sql.add(QStringLiteral("p.created_at >= ") + timeParam(QStringLiteral("from")));
        sql.bind(QStringLiteral("from"), filter.from.toMSecsSinceEpoch());
    }
    if (filter.to.isValid()) {
        sql.add(QStringLiteral("p.created_at < ") + timeParam(QStringLiteral("to")));
        sql.bind(QStringLiteral("to"), filter.to.toMSecsSinceEpoch());
    }
    if (!filter.branch.isEmpty()) {
        sql.add(QStringLiteral("t.branch = :branch"));
        sql.bind(QStringLiteral("branch"), filter.branch);
    }
    if (after) {
        // A row comparison in the index's column order: one range on payments_newest.
        sql.add(QStringLiteral("(p.created_at, p.till_id, p.seq) < (%1, CAST(:afterTill AS uuid), "
                               "CAST(:afterSeq AS bigint))")
                    .arg(timeParam(QStringLiteral("afterAt"))));
        sql.bind(QStringLiteral("afterAt"), after->createdAt.toMSecsSinceEpoch());
        sql.bind(QStringLiteral("afterTill"), after->tillId.toString(QUuid::WithoutBraces));
        sql.bind(QStringLiteral("afterSeq"), after->seq);
    }
    sql.bind(QStringLiteral("limit"), limit);

    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM payments p JOIN tills t ON t.till_id = p.till_id WHERE %2"
                                 " ORDER BY p.created_at DESC, p.till_id DESC, p.seq DESC"
                                 " LIMIT CAST(:limit AS integer)")
                      .arg(paymentColumns(), sql.where()));
    QList<ShopPayment> rows;
    if (!run(query, sql.values, error))
        return rows;
    rows.reserve(limit);
    while (query.next())
        rows.append(readPayment(query));
    if (query.lastError().isValid()) // the connection broke while the rows came
        *error = query.lastError().text();
    return error->isEmpty() ? rows : QList<ShopPayment>();
}

ShopTotals totalsOfDay(QSqlDatabase& db, const QDate& localDay, QString* error)
{
    QVariantMap values;
    values.insert(QStringLiteral(":from"), localDay.startOfDay().toUTC().toMSecsSinceEpoch());
    values.insert(QStringLiteral(":to"), localDay.addDays(1).startOfDay().toUTC().toMSecsSinceEpoch());
    const QString day = QStringLiteral("p.created_at >= %1 AND p.created_at < %2")
                            .arg(timeParam(QStringLiteral("from")), timeParam(QStringLiteral("to")));
    ShopTotals totals;

    // Every till, those without a payment that day too: the owner sees a quiet counter as a quiet counter.
    QSqlQuery tills(db);
    tills.setForwardOnly(true);
    tills.prepare(
        QStringLiteral("SELECT CAST(t.till_id AS text), t.name, t.branch,"
                       " count(*) FILTER (WHERE %1), CAST(COALESCE(sum(p.amount_cents) FILTER (WHERE %1), 0)"
                       " AS bigint), count(*) FILTER (WHERE %2), count(*) FILTER (WHERE %3),"
                       " count(*) FILTER (WHERE %4)"
                       " FROM tills t LEFT JOIN payments p ON p.till_id = t.till_id AND %5"
                       " GROUP BY t.till_id, t.name, t.branch ORDER BY t.branch, t.name, t.till_id")
            .arg(paidIn(), groupIn(StateGroup::Waiting), groupIn(StateGroup::NeedsCheck),
                 groupIn(StateGroup::Failed), day));
    if (!run(tills, values, error))
        return {};
    while (tills.next()) {
        TillTotals till;
        till.tillId = QUuid::fromString(tills.value(0).toString());
        till.tillName = tills.value(1).toString();
        till.branch = tills.value(2).toString();
        till.paidCount = tills.value(3).toInt();
        till.paidSum = Money::fromCents(tills.value(4).toLongLong());
        till.pendingCount = tills.value(5).toInt();
        till.needsCheckCount = tills.value(6).toInt();
        till.failedCount = tills.value(7).toInt();
        totals.tills.append(till);
    }

    QSqlQuery cashiers(db);
    cashiers.setForwardOnly(true);
    cashiers.prepare(
        QStringLiteral("SELECT x.cashier, CAST(x.till_id AS text), x.name, count(*),"
                       " CAST(sum(x.amount_cents) AS bigint)"
                       " FROM (SELECT p.till_id, t.name, p.amount_cents, %1 AS cashier"
                       "  FROM payments p JOIN tills t ON t.till_id = p.till_id WHERE %2 AND %3) x"
                       " GROUP BY x.till_id, x.name, x.cashier ORDER BY x.name, x.till_id, x.cashier")
            .arg(cashierOf(QStringLiteral("p")), day, paidIn()));
    if (!run(cashiers, values, error))
        return {};
    while (cashiers.next()) {
        CashierTotals cashier;
        cashier.cashier = cashiers.value(0).toString();
        cashier.tillId = QUuid::fromString(cashiers.value(1).toString());
        cashier.tillName = cashiers.value(2).toString();
        cashier.paidCount = cashiers.value(3).toInt();
        cashier.paidSum = Money::fromCents(cashiers.value(4).toLongLong());
        totals.cashiers.append(cashier);
    }
    return totals;
}

QList<ShopPayment> openPayments(QSqlDatabase& db, const QDateTime& since, int limit, QString* error)
{
    const QString mayCharge = stateIn([](const StateTraits& traits) {
        return traits.mayStillCharge || traits.state == PaymentState::Expired;
    });
    QVariantMap values;
    values.insert(QStringLiteral(":since"), since.toMSecsSinceEpoch());
    values.insert(QStringLiteral(":limit"), limit);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM payments p JOIN tills t ON t.till_id = p.till_id"
                                 " WHERE %2 AND p.created_at >= %3"
                                 " ORDER BY p.created_at DESC LIMIT CAST(:limit AS int)")
                      .arg(paymentColumns(), mayCharge, timeParam(QStringLiteral("since"))));
    QList<ShopPayment> rows;
    if (!run(query, values, error))
        return rows;
    while (query.next())
        rows.append(readPayment(query));
    if (query.lastError().isValid())
        *error = query.lastError().text();
    return rows;
}

} // namespace ShopQuery

} // namespace lipa
