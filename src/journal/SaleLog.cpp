// SPDX-License-Identifier: GPL-3.0-or-later
#include "SaleLog.h"

#include "JournalConnection.h"
#include "SqlValue.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace lipa {

using sqlvalue::notNull;
using sqlvalue::textOrNull;
using sqlvalue::timeFromMs;

namespace {

const QString kSaleColumns = QStringLiteral(
    "id, sale_ref, total_cents, parts, phone, till_name, created_at, closed_at, short_reason, closed_by");

Sale readSale(const QSqlQuery& q)
{
    Sale sale;
    sale.id = q.value(0).toLongLong();
    sale.ref = q.value(1).toString();
    sale.total = Money::fromCents(q.value(2).toLongLong());
    sale.parts = q.value(3).toInt();
    if (Result<PhoneNumber> phone = PhoneNumber::fromNormalised(q.value(4).toString()))
        sale.phone = phone.value();
    sale.tillName = q.value(5).toString();
    sale.createdAt = timeFromMs(q.value(6).toLongLong());
    if (!q.value(7).isNull())
        sale.closedAt = timeFromMs(q.value(7).toLongLong());
    sale.shortReason = q.value(8).toString();
    sale.closedBy = q.value(9).toString();
    return sale;
}

qint64 msOrZero(const QDateTime& at)
{
    return at.isValid() ? at.toMSecsSinceEpoch() : 0;
}

} // namespace

SaleLog::SaleLog(JournalConnection& connection)
    : m_connection(connection)
{
}

QList<Sale> SaleLog::readAll(QSqlQuery& query, const char* what, bool* ok) const
{
    QList<Sale> sales;
    const bool ran = m_connection.exec(query, what);
    while (ran && query.next())
        sales.append(readSale(query));
    if (ok)
        *ok = ran;
    return sales;
}

std::optional<Sale> SaleLog::find(const QString& saleRef) const
{
    QSqlQuery query(m_connection.db());
    query.prepare(QStringLiteral("SELECT %1 FROM sales WHERE sale_ref = ?").arg(kSaleColumns));
    query.addBindValue(saleRef);
    if (!m_connection.exec(query, "find sale") || !query.next())
        return std::nullopt;
    return readSale(query);
}

QList<Sale> SaleLog::open(const QDateTime& since, bool* ok) const
{
    QSqlQuery query(m_connection.db());
    query.prepare(QStringLiteral("SELECT %1 FROM sales WHERE closed_at IS NULL AND created_at >= ?"
                                 " ORDER BY created_at DESC, id DESC")
                      .arg(kSaleColumns));
    query.addBindValue(msOrZero(since));
    return readAll(query, "open sales", ok);
}

std::optional<Sale> SaleLog::latestOpen(const PhoneNumber& phone, Money total, const QDateTime& since) const
{
    QSqlQuery query(m_connection.db());
    query.prepare(QStringLiteral("SELECT %1 FROM sales WHERE closed_at IS NULL AND created_at >= ?"
                                 " AND total_cents = ? AND (phone = ? OR EXISTS (SELECT 1 FROM payments p"
                                 "  WHERE p.sale_ref = sales.sale_ref AND p.phone = ?))"
                                 " ORDER BY created_at DESC, id DESC LIMIT 1")
                      .arg(kSaleColumns));
    query.addBindValue(msOrZero(since));
    query.addBindValue(total.cents());
    query.addBindValue(phone.normalised());
    query.addBindValue(phone.normalised());
    if (!m_connection.exec(query, "open sale for phone") || !query.next())
        return std::nullopt;
    return readSale(query);
}

QList<Sale> SaleLog::between(const QDateTime& from, const QDateTime& to, bool* ok) const
{
    QSqlQuery query(m_connection.db());
    query.prepare(QStringLiteral("SELECT %1 FROM sales WHERE created_at >= ? AND created_at < ?"
                                 " ORDER BY created_at, id")
                      .arg(kSaleColumns));
    query.addBindValue(from.toMSecsSinceEpoch());
    query.addBindValue(to.toMSecsSinceEpoch());
    return readAll(query, "sales between", ok);
}

bool SaleLog::close(const QString& saleRef, const QDateTime& at, const QString& shortReason,
                    const QString& closedBy)
{
    QSqlQuery query(m_connection.db());
    query.prepare(QStringLiteral("UPDATE sales SET closed_at = ?, short_reason = ?, closed_by = ?"
                                 " WHERE sale_ref = ? AND closed_at IS NULL"));
    query.addBindValue(at.toMSecsSinceEpoch());
    query.addBindValue(textOrNull(shortReason));
    query.addBindValue(textOrNull(closedBy));
    query.addBindValue(saleRef);
    if (!m_connection.exec(query, "close sale"))
        return false;
    if (query.numRowsAffected() != 1) {
        m_connection.setLastError(
            QCoreApplication::translate("lipa::Journal", "This sale is already closed."));
        return false;
    }
    return true;
}

bool SaleLog::insert(Sale& sale)
{
    QSqlQuery query(m_connection.db());
    query.prepare(
        QStringLiteral("INSERT INTO sales (sale_ref, total_cents, parts, phone, till_name, created_at)"
                       " VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(sale.ref);
    query.addBindValue(sale.total.cents());
    query.addBindValue(sale.parts);
    query.addBindValue(sale.phone.normalised());
    query.addBindValue(notNull(sale.tillName));
    query.addBindValue(sale.createdAt.toMSecsSinceEpoch());
    if (!m_connection.exec(query, "insert sale"))
        return false;
    sale.id = query.lastInsertId().toLongLong();
    return true;
}

} // namespace lipa
