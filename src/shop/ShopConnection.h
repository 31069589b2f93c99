// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopUrl.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <chrono>

namespace lipa {

Q_DECLARE_LOGGING_CATEGORY(lcShop)

// What went wrong with the shop database, as far as the till can tell from libpq's and the server's words.
enum class ShopProblem {
    None,
    WrongPassword,  // the server refused the password (or the user: it does not say which)
    NoPassword,     // the server asks for a password and the till has none
    NotAllowed,     // pg_hba.conf or the role's rights keep this till out
    NoUser,         // no such role (servers that trust the network say so)
    NoDatabase,     // no such database on that server
    UnknownHost,    // the host name does not resolve
    Unreachable,    // nothing answers at host:port, or not in time
    Encryption,     // sslmode asked for what the server or its certificate cannot give
    ServerBusy,     // too many connections, or the server is starting or stopping
    ConnectionLost, // the connection broke after it was made
    TimedOut,       // a statement outlasted statement_timeout
    NoPrivilege,    // the user may not do that (creating the tables, usually)
    Other,
};

ShopProblem shopProblem(const QSqlError& error);
// A short sentence a shop owner understands ("The shop database refused the password for user till1"),
// then libpq's or the server's own words in brackets. For errors at connecting and for a connection that
// broke later alike. The texts never carry the password: libpq does not repeat it.
QString describeOpenError(const QSqlError& error);

// One connection to the shop database (Qt's QPSQL driver), registered under a name of its own and
// removed again when this object goes. Opened, used and destroyed in one thread (QSqlDatabase's rule);
// opening blocks for up to connect_timeout, so never on the GUI thread. The password lives only in the
// QSqlDatabase, for reopening after a failure.
//
// Every session gets: libpq keepalives and a TCP user timeout (a dead server or network is noticed in
// about ten seconds, not when the kernel gives up), the same on the server's side (a till that vanished
// is dropped, and with it its session locks), search_path = public (where the shop's tables are), and a
// statement timeout.
class ShopConnection {
public:
    // purpose names the connection for debugging ("writer", "reader").
    ShopConnection(const ShopUrl& url, const QString& password, const QString& purpose);
    // Closes the connection and unregisters it.
    ~ShopConnection();
    ShopConnection(const ShopConnection&) = delete;
    ShopConnection& operator=(const ShopConnection&) = delete;

    // Takes effect at the next open(). Default 15 s.
    void setStatementTimeout(std::chrono::milliseconds timeout) { m_statementTimeout = timeout; }

    // (Re)connects and sets the session up. False: lastError(), problem() and error() say why.
    bool open();
    // Closes the connection (ending its session and its locks) and keeps the settings for the next open().
    // Queries still made on it become inert: they never talk to a later session.
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    // The connection's socket, -1 when closed or unknown. For ending the connection from another thread
    // (shutdown(2)) while a statement waits on a server that stopped answering.
    int socketDescriptor() const;

    QSqlDatabase& db() { return m_db; }
    const ShopUrl& url() const { return m_url; }
    QString name() const { return m_name; }

    QSqlError lastError() const { return m_lastError; }
    ShopProblem problem() const { return shopProblem(m_lastError); }
    QString error() const { return describeOpenError(m_lastError); }

private:
    void addDatabase(const QString& password);
    void removeDatabase();

    ShopUrl m_url;
    QString m_name;
    QSqlDatabase m_db;
    QSqlError m_lastError;
    std::chrono::milliseconds m_statementTimeout{15000};
};

} // namespace lipa
