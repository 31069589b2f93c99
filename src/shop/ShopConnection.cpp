// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopConnection.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>

#include <dlfcn.h>

namespace lipa {

Q_LOGGING_CATEGORY(lcShop, "lipa.shop")

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("lipa::ShopConnection", text);
}

// Before the URL's own options, so that a connect_timeout in the URL wins (libpq takes the last).
// keepalives: a server that died while the till waits for an answer is noticed after ~9 s of silence;
// tcp_user_timeout: the same while the till is sending.
const QString kClientOptions =
    QStringLiteral("connect_timeout=5;keepalives=1;keepalives_idle=5;"
                   "keepalives_interval=2;keepalives_count=2;tcp_user_timeout=15000");

// The server's half: a till that vanished (power, network) is dropped within ~15 s, which ends its session
// and its advisory lock on the till's identity, so the same till can come back. tcp_user_timeout exists
// from PostgreSQL 12 on.
const QString kSessionSql = QStringLiteral("SELECT set_config('search_path', 'public', false),"
                                           " set_config('statement_timeout', '%1', false),"
                                           " set_config('tcp_keepalives_idle', '5', false),"
                                           " set_config('tcp_keepalives_interval', '2', false),"
                                           " set_config('tcp_keepalives_count', '2', false),"
                                           " CASE WHEN current_setting('server_version_num')::int >= 120000"
                                           " THEN set_config('tcp_user_timeout', '15000', false) END");

QString rawText(const QSqlError& error)
{
    QString text = (error.databaseText().isEmpty() ? error.text() : error.databaseText()).simplified();
    // QPSQL appends the SQLSTATE in brackets, empty ones too (a connection that died has none).
    if (text.endsWith(QLatin1String("()")))
        text.chop(2);
    return text.trimmed();
}

QString captured(const QString& text, const QString& pattern, int group = 1)
{
    const QRegularExpressionMatch match = QRegularExpression(pattern).match(text);
    return match.hasMatch() ? match.captured(group) : QString();
}

// "host:port" from libpq's 'connection to server at "db.shop" (10.0.0.5), port 5432 failed'.
QString serverOf(const QString& text)
{
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral(R"re(server at "([^"]*)"(?: \([^)]*\))?, port (\d+))re"))
            .match(text);
    if (match.hasMatch())
        return match.captured(1) + u':' + match.captured(2);
    return captured(text, QStringLiteral(R"re(server on socket "([^"]*)")re"));
}

struct Pattern {
    const char* contains; // in libpq's or the server's text, lower case
    ShopProblem problem;
};

// Connection failures carry no SQLSTATE in QPSQL's errors (libpq has none to give), so they are told
// apart by libpq's and the server's English texts. Order matters: the first match wins.
constexpr Pattern kPatterns[] = {
    {"password authentication failed", ShopProblem::WrongPassword},
    {"no password supplied", ShopProblem::NoPassword},
    {"no pg_hba.conf entry", ShopProblem::NotAllowed},
    {"is not permitted to log in", ShopProblem::NotAllowed},
    {"permission denied for database", ShopProblem::NotAllowed},
    {"role \"", ShopProblem::NoUser}, // 'role "x" does not exist'
    {"database \"", ShopProblem::NoDatabase},
    {"could not translate host name", ShopProblem::UnknownHost},
    {"ssl", ShopProblem::Encryption},
    {"certificate", ShopProblem::Encryption},
    {"too many clients", ShopProblem::ServerBusy},
    {"remaining connection slots", ShopProblem::ServerBusy},
    {"starting up", ShopProblem::ServerBusy},
    {"shutting down", ShopProblem::ServerBusy},
    {"in recovery mode", ShopProblem::ServerBusy},
    {"not yet accepting connections", ShopProblem::ServerBusy},
    {"server closed the connection", ShopProblem::ConnectionLost},
    {"no connection to the server", ShopProblem::ConnectionLost},
    {"could not receive data", ShopProblem::ConnectionLost},
    {"could not send data", ShopProblem::ConnectionLost},
    {"terminating connection", ShopProblem::ConnectionLost},
    {"connection to server was lost", ShopProblem::ConnectionLost},
    {"connection refused", ShopProblem::Unreachable},
    {"timeout expired", ShopProblem::Unreachable},
    {"no route to host", ShopProblem::Unreachable},
    {"network is unreachable", ShopProblem::Unreachable},
    {"connection timed out", ShopProblem::Unreachable},
};

// libpq's PQsocket, from the copy the QPSQL plugin loaded: the till does not link libpq itself (a till
// without a shop database never loads it).
int pqSocket(void* connection)
{
    using SocketOf = int (*)(const void*);
    static const SocketOf socketOf = []() -> SocketOf {
        void* libpq = dlopen("libpq.so.5", RTLD_LAZY | RTLD_NOLOAD);
        return libpq ? reinterpret_cast<SocketOf>(dlsym(libpq, "PQsocket")) : nullptr;
    }();
    return connection && socketOf ? socketOf(connection) : -1;
}

} // namespace

ShopProblem shopProblem(const QSqlError& error)
{
    if (!error.isValid())
        return ShopProblem::None;
    // Errors of statements carry the server's SQLSTATE.
    const QString state = error.nativeErrorCode();
    if (state == QLatin1String("57014"))
        return ShopProblem::TimedOut;
    if (state == QLatin1String("42501"))
        return ShopProblem::NoPrivilege;
    if (state == QLatin1String("3D000"))
        return ShopProblem::NoDatabase;
    if (state == QLatin1String("53300") || state == QLatin1String("57P03"))
        return ShopProblem::ServerBusy;
    if (state.startsWith(QLatin1String("08")) || state == QLatin1String("57P01") ||
        state == QLatin1String("57P02"))
        return ShopProblem::ConnectionLost;
    const QString text = rawText(error).toLower();
    for (const Pattern& pattern : kPatterns) {
        if (text.contains(QLatin1String(pattern.contains)))
            return pattern.problem;
    }
    return ShopProblem::Other;
}

QString describeOpenError(const QSqlError& error)
{
    const QString raw = rawText(error);
    const QString server = serverOf(raw);
    QString sentence;
    switch (shopProblem(error)) {
    case ShopProblem::None:
        return {};
    case ShopProblem::WrongPassword:
        sentence = tr("The shop database refused the password for user %1")
                       .arg(captured(raw, QStringLiteral(R"re(for user "([^"]*)")re")));
        break;
    case ShopProblem::NoPassword:
        sentence = tr("The shop database asks for a password and this till has none (Settings → Shop, or "
                      "LIPA_TILL_SHOP_DB_PASSWORD)");
        break;
    case ShopProblem::NotAllowed:
        sentence = tr("The shop database server does not let this till in");
        break;
    case ShopProblem::NoUser:
        sentence = tr("The shop database server has no user named %1")
                       .arg(captured(raw, QStringLiteral(R"re(role "([^"]*)")re")));
        break;
    case ShopProblem::NoDatabase:
        sentence = tr("No database named %1 on the shop database server")
                       .arg(captured(raw, QStringLiteral(R"re(database "([^"]*)")re")));
        break;
    case ShopProblem::UnknownHost:
        sentence = tr("Cannot find the shop database server %1 (check the host name)")
                       .arg(captured(raw, QStringLiteral(R"re(host name "([^"]*)")re")));
        break;
    case ShopProblem::Unreachable:
        sentence = server.isEmpty() ? tr("Cannot reach the shop database server")
                                    : tr("Cannot reach the shop database at %1").arg(server);
        break;
    case ShopProblem::Encryption:
        sentence = tr("No encrypted connection to the shop database could be made (see sslmode)");
        break;
    case ShopProblem::ServerBusy:
        sentence = tr("The shop database server is busy, starting or stopping");
        break;
    case ShopProblem::ConnectionLost:
        sentence = tr("The connection to the shop database was lost");
        break;
    case ShopProblem::TimedOut:
        sentence = tr("The shop database did not answer in time");
        break;
    case ShopProblem::NoPrivilege:
        sentence = tr("The shop database's user may not do this (it must own the database to create the "
                      "shop's tables)");
        break;
    case ShopProblem::Other:
        sentence = tr("The shop database reported an error");
        break;
    }
    return raw.isEmpty() ? sentence : tr("%1 (%2)").arg(sentence, raw);
}

ShopConnection::ShopConnection(const ShopUrl& url, const QString& password, const QString& purpose)
    : m_url(url)
{
    static QAtomicInt counter;
    m_name = QStringLiteral("lipa-shop-%1-%2").arg(purpose).arg(counter.fetchAndAddRelaxed(1) + 1);
    addDatabase(password);
}

ShopConnection::~ShopConnection()
{
    removeDatabase();
}

void ShopConnection::addDatabase(const QString& password)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    m_db.setHostName(m_url.host);
    m_db.setPort(m_url.port);
    m_db.setDatabaseName(m_url.database);
    m_db.setUserName(m_url.user);
    m_db.setPassword(password);
    m_db.setConnectOptions(m_url.connectOptions.isEmpty() ? kClientOptions
                                                          : kClientOptions + u';' + m_url.connectOptions);
}

void ShopConnection::removeDatabase()
{
    m_db.close();
    m_db = QSqlDatabase(); // the last handle must go before the connection is removed
    QSqlDatabase::removeDatabase(m_name);
}

bool ShopConnection::open()
{
    if (m_db.isOpen())
        close();
    if (!m_db.open()) {
        m_lastError = m_db.lastError();
        return false;
    }
    // Not a prepared statement: one round trip, nothing to free afterwards.
    QSqlQuery session(m_db);
    if (!session.exec(kSessionSql.arg(m_statementTimeout.count()))) {
        m_lastError = session.lastError();
        close();
        return false;
    }
    m_lastError = QSqlError();
    return true;
}

int ShopConnection::socketDescriptor() const
{
    if (!m_db.isOpen())
        return -1;
    const QVariant handle = m_db.driver()->handle();
    // QPSQL's handle is libpq's PGconn*, which Qt names by its struct.
    if (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0)
        return -1;
    return pqSocket(*static_cast<void* const*>(handle.constData()));
}

void ShopConnection::close()
{
    // The driver goes with the registration: queries still prepared on it see no driver and do not try
    // to free their statements over a connection that may be dead (the server frees them with the session).
    const QString password = m_db.password();
    removeDatabase();
    addDatabase(password);
}

} // namespace lipa
