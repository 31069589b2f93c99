// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Journal.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <optional>

class QSqlError;

namespace lipa {

// Decides whether a journal file can be used, and brings its schema up to date. In order: the folder is
// writable, the file is a journal of a version this till reads, this till alone holds it, the ordered
// migrations (PRAGMA user_version) have run, and it is in WAL mode. A damaged file is moved aside, never
// deleted.
class JournalSchema {
public:
    // Before anything is opened: WAL needs to create files beside the journal.
    static bool folderIsWritable(const QString& path, Journal::OpenError* error);
    // Before SQLite opens anything: the journal and the files SQLite keeps beside it are private (0600,
    // which SQLite gives the files it makes beside a journal too), and none of them is a symbolic link.
    // A missing journal is created empty, so that it is private from its first byte.
    static bool makePrivate(const QString& path, Journal::OpenError* error);
    // Opens the file on db (a fresh connection) and prepares it. False, with *error filled in, when it
    // cannot be used: the caller then drops the connection.
    static bool open(QSqlDatabase& db, const QString& path, bool existed, Journal::OpenError* error);
    // Runs the migrations after fromVersion, all in one transaction: all of them or none.
    static bool migrate(QSqlDatabase& db, int fromVersion, QString* error);

private:
    JournalSchema(QSqlDatabase& db, const QString& path, Journal::OpenError* error);
    bool open(bool existed);
    std::optional<int> readVersion();
    bool takeLock(int version);
    bool upgrade(int version, bool existed);
    bool useWriteAheadLog();

    bool fail(Journal::OpenError::Kind kind, const QString& message);
    // Says what an SQLite error at opening means; a damaged file is closed and moved aside first.
    bool failFromSql(const QSqlError& sqlError);
    bool moveAside(const QSqlError& sqlError);

    QSqlDatabase& m_db;
    const QString m_path;
    Journal::OpenError* m_error;
    std::optional<QSqlQuery> m_query; // made once the database is open; ended before the file is moved
};

} // namespace lipa
