// SPDX-License-Identifier: GPL-3.0-or-later
#include "JournalTesting.h"

#include "JournalConnection.h"
#include "PaymentRow.h"
#include "SqlValue.h"

#include <QDebug>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace lipa::test {

namespace {

// The state of the events fillUp writes (a payment state no till records), so that freeUp finds them.
constexpr const char* kFillerState = "TestFiller";

bool execOrWarn(QSqlQuery& query, const char* what)
{
    if (query.exec())
        return true;
    qWarning() << what << "failed:" << query.lastError().text();
    return false;
}

bool runOrWarn(QSqlQuery& query, const char* statement)
{
    if (query.exec(QString::fromLatin1(statement)))
        return true;
    qWarning() << statement << "failed:" << query.lastError().text();
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

bool fillUp(Journal& journal)
{
    QSqlQuery query(QSqlDatabase::database(journal.connectionName()));
    limitSize(journal, 1); // SQLite keeps the cap at the file's size now
    // Events, because every change the till records adds one in the same transaction: once not even the
    // smallest event fits, nothing can be recorded. Ever smaller ones, so that no room is left over.
    const QString insert = QStringLiteral("INSERT INTO events (payment_id, at, to_state, detail)"
                                          " VALUES ((SELECT max(id) FROM payments), 0, '%1', ?)")
                               .arg(QLatin1String(kFillerState));
    for (int size : {16384, 4096, 1024, 256, 64, 16, 4, 1, 0}) {
        query.prepare(insert);
        for (int i = 0; i < 100000; ++i) {
            query.addBindValue(size > 0 ? QVariant(QString(size, u'x'))
                                        : QVariant(QMetaType(QMetaType::QString)));
            if (!query.exec())
                break;
        }
    }
    return sqliteCode(query.lastError()) == SqliteCode::Full;
}

void freeUp(Journal& journal)
{
    limitSize(journal, 1073741823);
    QSqlQuery query(QSqlDatabase::database(journal.connectionName()));
    query.prepare(QStringLiteral("DELETE FROM events WHERE to_state = ?"));
    query.addBindValue(QLatin1String(kFillerState));
    execOrWarn(query, "free up");
}

bool makeUnreadable(Journal& journal)
{
    QSqlQuery query(QSqlDatabase::database(journal.connectionName()));
    return runOrWarn(query, "ALTER TABLE payments RENAME TO test_payments_out_of_reach");
}

bool makeReadable(Journal& journal)
{
    QSqlQuery query(QSqlDatabase::database(journal.connectionName()));
    return runOrWarn(query, "ALTER TABLE test_payments_out_of_reach RENAME TO payments");
}

} // namespace lipa::test
