// SPDX-License-Identifier: GPL-3.0-or-later
#include "Outbox.h"

#include "JournalConnection.h"
#include "PaymentRow.h"
#include "ShiftLog.h"
#include "SqlValue.h"

#include <QSqlQuery>

namespace lipa {

using sqlvalue::timeFromMs;

Outbox::Outbox(JournalConnection& connection)
    : m_connection(connection)
{
}

std::optional<qint64> Outbox::lastSeq() const
{
    QSqlQuery query(m_connection.db());
    query.prepare(QStringLiteral("SELECT coalesce(max(seq), 0) FROM outbox"));
    if (!m_connection.exec(query, "outbox end") || !query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

std::optional<QString> Outbox::tokenAt(qint64 seq) const
{
    QSqlQuery query(m_connection.db());
    query.prepare(QStringLiteral("SELECT token FROM outbox WHERE seq = ?"));
    query.addBindValue(seq);
    if (!m_connection.exec(query, "outbox token"))
        return std::nullopt;
    return query.next() ? query.value(0).toString() : QString();
}

std::optional<OutboxBatch> Outbox::after(qint64 afterSeq, int limit) const
{
    OutboxBatch batch;
    batch.afterSeq = afterSeq;
    QSqlQuery query(m_connection.db());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT coalesce(max(seq), ?) FROM (SELECT seq FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?)"));
    query.addBindValue(afterSeq);
    query.addBindValue(afterSeq);
    query.addBindValue(limit);
    if (!m_connection.exec(query, "outbox slice") || !query.next())
        return std::nullopt;
    batch.lastSeq = query.value(0).toLongLong();
    if (batch.isEmpty())
        return batch;
    const std::optional<QString> token = tokenAt(batch.lastSeq);
    if (!token)
        return std::nullopt;
    batch.lastToken = *token;

    const auto bindSlice = [&](QSqlQuery& q, int times) {
        for (int i = 0; i < times; ++i) {
            q.addBindValue(afterSeq);
            q.addBindValue(batch.lastSeq);
        }
    };

    // The payments as they are now: a later event in the same slice would only bring the same row again.
    query.prepare(
        QStringLiteral("SELECT %1 FROM payments WHERE id IN ("
                       " SELECT e.payment_id FROM outbox o JOIN events e ON e.id = o.row_id"
                       "  WHERE o.seq > ? AND o.seq <= ? AND o.kind = 'event'"
                       " UNION SELECT row_id FROM outbox WHERE seq > ? AND seq <= ? AND kind = 'payment')"
                       " ORDER BY id")
            .arg(PaymentRow::columns()));
    bindSlice(query, 2);
    if (!m_connection.exec(query, "outbox payments"))
        return std::nullopt;
    while (query.next())
        batch.payments.append(PaymentRow::read(query));

    query.prepare(QStringLiteral("SELECT e.id, p.local_ref, e.at, e.from_state, e.to_state, e.remote_state,"
                                 " e.detail FROM outbox o JOIN events e ON e.id = o.row_id"
                                 " JOIN payments p ON p.id = e.payment_id"
                                 " WHERE o.seq > ? AND o.seq <= ? AND o.kind = 'event' ORDER BY o.seq"));
    bindSlice(query, 1);
    if (!m_connection.exec(query, "outbox events"))
        return std::nullopt;
    while (query.next()) {
        FeedEvent event;
        event.eventId = query.value(0).toLongLong();
        event.localRef = query.value(1).toString();
        event.at = timeFromMs(query.value(2).toLongLong());
        event.fromState = query.value(3).toString();
        event.toState = query.value(4).toString();
        event.remoteState = query.value(5).toString();
        event.detail = query.value(6).toString();
        batch.events.append(event);
    }

    // A shift as it is now (opened, or closed with its Z report), once however often it changed.
    query.prepare(QStringLiteral("SELECT %1 FROM shifts WHERE id IN ("
                                 " SELECT row_id FROM outbox WHERE seq > ? AND seq <= ? AND kind = 'shift')"
                                 " ORDER BY id")
                      .arg(ShiftLog::columns()));
    bindSlice(query, 1);
    if (!m_connection.exec(query, "outbox shifts"))
        return std::nullopt;
    while (query.next())
        batch.shifts.append(ShiftLog::read(query));
    return batch;
}

} // namespace lipa
