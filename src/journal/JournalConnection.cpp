// SPDX-License-Identifier: GPL-3.0-or-later
#include "JournalConnection.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace lipa {

Q_LOGGING_CATEGORY(lcJournal, "lipa.journal")

SqliteCode sqliteCode(const QSqlError& error)
{
    // The extended code's low byte is the primary code.
    return static_cast<SqliteCode>(error.nativeErrorCode().toInt() & 0xff);
}

JournalConnection::JournalConnection(QString name)
    : m_name(std::move(name))
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
}

JournalConnection::~JournalConnection()
{
    m_db.close();
    m_db = QSqlDatabase(); // the last handle must go before the connection is removed
    QSqlDatabase::removeDatabase(m_name);
}

bool JournalConnection::exec(QSqlQuery& query, const char* what) const
{
    if (query.exec()) {
        if (m_onWrite && !query.isSelect())
            m_onWrite();
        return true;
    }
    m_lastError = describe(query.lastError());
    qCWarning(lcJournal) << what << "failed:" << query.lastError().text();
    return false;
}

void JournalConnection::setLastErrorFrom(const QSqlError& error) const
{
    m_lastError = describe(error);
}

QString JournalConnection::describe(const QSqlError& error)
{
    switch (sqliteCode(error)) {
    case SqliteCode::Full:
        return QCoreApplication::translate("lipa::Journal", "The disk is full");
    case SqliteCode::ReadOnly:
        return QCoreApplication::translate("lipa::Journal", "The journal cannot be written");
    case SqliteCode::Busy:
    case SqliteCode::Locked:
        return QCoreApplication::translate("lipa::Journal", "The journal is in use by another program");
    case SqliteCode::Corrupt:
        return QCoreApplication::translate("lipa::Journal", "The journal is damaged");
    default:
        return error.text();
    }
}

} // namespace lipa
