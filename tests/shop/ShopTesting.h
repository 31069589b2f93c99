// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Journal.h"
#include "ShopUrl.h"
#include "TempPostgres.h"

#include <QSqlDatabase>
#include <QString>
#include <QUuid>

#include <memory>

namespace lipa::test {

// One throw-away PostgreSQL for a test program, with a role that logs in by password (as a shop's tills
// do) and a fresh database for each test.
class ShopServer {
public:
    static constexpr const char* kRole = "lipa_till";
    static constexpr const char* kPassword = "counter-Pw-7"; // not a key: a test-only role's password

    // False, with error(), when the server could not be started.
    bool start();
    // A new empty database owned by the role; its URL through port (the server's, or a proxy's).
    QString newDatabase();
    ShopUrl url(int port = 0) const;
    QString database() const { return m_database; }
    TempPostgres& server() { return *m_server; }
    QString error() const { return m_error; }

    // A connection as the server's administrator to the current database, for looking at what arrived.
    QSqlDatabase admin();

private:
    std::unique_ptr<TempPostgres> m_server;
    QString m_database;
    int m_count = 0;
    QString m_error;
};

// Compares what the shop database holds for one till with its journal, row by row: every payment with
// its fields, every event of each. Empty when they agree; otherwise the first difference.
QString differencesFromJournal(QSqlDatabase& shop, const QUuid& till, const Journal& journal);
// How many rows of a table belong to one till.
qint64 rowsOf(QSqlDatabase& shop, const QString& table, const QUuid& till);

} // namespace lipa::test
