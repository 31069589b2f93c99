// SPDX-License-Identifier: GPL-3.0-or-later
#include "JournalTesting.h"

#include "PaymentRow.h"
#include "SqlValue.h"

#include <QDebug>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace lipa::test {

namespace {

bool execOrWarn(QSqlQuery& query, const char* what)
{
    if (query.exec())
        return true;
    qWarning() << what << "failed:" << query.lastError().text();
    return false;
}

} // namespace

bool addHistory(Journal& journal, const QList<Payment>& payments)
{
    QSqlDatabase db = QSqlDatabase::database(journal.connectionName());
    if (!db.transaction())
        return false;
    QSqlQuery insert(db);
    insert.prepare(PaymentRow::insertStatement());
    QSqlQuery event(db);
    event.prepare(
        QStringLiteral("INSERT INTO events (payment_id, at, from_state, to_state, remote_state, detail)"
                       " VALUES (?, ?, NULL, ?, ?, 'generated')"));
    for (const Payment& p : payments) {
        PaymentRow::bind(insert, p);
        if (!execOrWarn(insert, "insert history")) {
            db.rollback();
            return false;
        }
        event.addBindValue(insert.lastInsertId());
        event.addBindValue(p.updatedAt.toMSecsSinceEpoch());
        event.addBindValue(stateKey(p.state));
        event.addBindValue(sqlvalue::textOrNull(p.remoteState));
        if (!execOrWarn(event, "insert history event")) {
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        qWarning() << "insert history failed:" << db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

void limitSize(Journal& journal, int pages)
{
    QSqlQuery(QSqlDatabase::database(journal.connectionName()))
        .exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages));
}

} // namespace lipa::test
