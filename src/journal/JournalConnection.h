// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QString>

#include <functional>

class QSqlError;
class QSqlQuery;

namespace lipa {

Q_DECLARE_LOGGING_CATEGORY(lcJournal)

// SQLite's primary result codes that mean something to the cashier.
enum class SqliteCode {
    Busy = 5,
    Locked = 6,
    ReadOnly = 8,
    Corrupt = 11,
    Full = 13,
    CantOpen = 14,
    NotADb = 26,
};
SqliteCode sqliteCode(const QSqlError& error);

// The journal's SQLite connection, shared by Journal and ShiftLog: runs their statements and keeps why
// the last one failed, in the cashier's words, so that one lastError() answers for all of them.
class JournalConnection {
public:
    // Registers a QSQLITE connection under name (unique per journal); it is opened by JournalSchema.
    explicit JournalConnection(QString name);
    // Closes the connection and unregisters it.
    ~JournalConnection();
    JournalConnection(const JournalConnection&) = delete;
    JournalConnection& operator=(const JournalConnection&) = delete;

    QSqlDatabase& db() { return m_db; }
    const QSqlDatabase& db() const { return m_db; }
    QString name() const { return m_name; }

    // Runs a prepared query. On failure records why (lastError()) and logs it with what was being done.
    bool exec(QSqlQuery& query, const char* what) const;
    QString lastError() const { return m_lastError; }
    void setLastError(const QString& message) const { m_lastError = message; }
    // Records a failure of the connection itself (a transaction that could not begin or commit).
    void setLastErrorFrom(const QSqlError& error) const;

    // Called after every statement that wrote (perhaps inside a transaction still to commit): the shop
    // link uses it to look at the outbox once the writer is done. It must not touch the database.
    void setOnWrite(std::function<void()> onWrite) { m_onWrite = std::move(onWrite); }
    // Somebody reads the outbox as it is written (the shop link): every write must then reach the disk
    // before it is read, since what was sent cannot be unsent (see ReconciliationLog::recordFees).
    bool isWatched() const { return bool(m_onWrite); }

    // What an SQLite error means to a cashier ("The disk is full").
    static QString describe(const QSqlError& error);

private:
    QSqlDatabase m_db;
    QString m_name;
    // Mutable: reading queries are const, and a failed read must still say why.
    mutable QString m_lastError;
    std::function<void()> m_onWrite;
};

} // namespace lipa
