// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShiftLog.h"

#include "JournalConnection.h"
#include "SqlValue.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace lipa {

namespace {

const QString kShiftColumns = QStringLiteral("id, cashier, opened_at, closed_at, z_report");

} // namespace

const QString& ShiftLog::columns()
{
    return kShiftColumns;
}

Shift ShiftLog::read(const QSqlQuery& q)
{
    Shift shift;
    shift.id = q.value(0).toLongLong();
    shift.cashier = q.value(1).toString();
    shift.openedAt = sqlvalue::timeFromMs(q.value(2).toLongLong());
    if (!q.value(3).isNull())
        shift.closedAt = sqlvalue::timeFromMs(q.value(3).toLongLong());
    shift.zReport = q.value(4).toString();
    return shift;
}

ShiftLog::ShiftLog(JournalConnection& connection)
    : m_connection(connection)
{
}

std::optional<Shift> ShiftLog::open(const QString& cashier, const QDateTime& at)
{
    QSqlQuery query(m_connection.db());
    query.prepare(QStringLiteral("INSERT INTO shifts (cashier, opened_at) VALUES (?, ?)"));
    query.addBindValue(sqlvalue::notNull(cashier));
    query.addBindValue(at.toMSecsSinceEpoch());
    if (!m_connection.exec(query, "open shift"))
        return std::nullopt;
    return find(query.lastInsertId().toLongLong());
}

std::optional<Shift> ShiftLog::current() const
{
    QSqlQuery query(m_connection.db());
    query.prepare(QStringLiteral("SELECT %1 FROM shifts WHERE closed_at IS NULL").arg(kShiftColumns));
    if (!m_connection.exec(query, "current shift") || !query.next())
        return std::nullopt;
    return read(query);
}

bool ShiftLog::close(qint64 shiftId, const QDateTime& at, const QString& zReport)
{
    QSqlQuery query(m_connection.db());
    query.prepare(
        QStringLiteral("UPDATE shifts SET closed_at = ?, z_report = ? WHERE id = ? AND closed_at IS NULL"));
    query.addBindValue(at.toMSecsSinceEpoch());
    query.addBindValue(zReport);
    query.addBindValue(shiftId);
    if (!m_connection.exec(query, "close shift"))
        return false;
    if (query.numRowsAffected() != 1) {
        m_connection.setLastError(
            QCoreApplication::translate("lipa::Journal", "This shift is already closed."));
        return false;
    }
    return true;
}

std::optional<Shift> ShiftLog::find(qint64 id) const
{
    QSqlQuery query(m_connection.db());
    query.prepare(QStringLiteral("SELECT %1 FROM shifts WHERE id = ?").arg(kShiftColumns));
    query.addBindValue(id);
    if (!m_connection.exec(query, "shift") || !query.next())
        return std::nullopt;
    return read(query);
}

} // namespace lipa
