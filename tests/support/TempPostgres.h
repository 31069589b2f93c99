// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <chrono>
#include <memory>

namespace lipa::test {

// A throw-away PostgreSQL cluster for one test run: initdb in a temporary folder, a server on a free
// loopback port, removed again when the object goes (also when the test fails). No test uses a server it
// did not start. PostgreSQL refuses to run as root, so as root every server command runs as the `postgres`
// system user, and the folder (under QDir::tempPath(), which that user must be able to reach) is theirs.
//
// Roles: `lipa_admin` (adminUser()) is the superuser and needs no password; every other role logs in
// with its password (scram-sha-256), over TCP and over the socket, so tests can try a wrong one.
//
// If the test process crashes, a small watchdog (a shell that waits for the end of a pipe only this
// process holds) stops the server and removes the folder. A process killed together with its children
// (ctest's timeout does that) can still leave a server behind; there is no server setting that would
// stop it.
class TempPostgres {
public:
    TempPostgres();
    ~TempPostgres();
    TempPostgres(const TempPostgres&) = delete;
    TempPostgres& operator=(const TempPostgres&) = delete;

    // Makes the cluster (the first time) and starts the server on a free port; true if it runs.
    bool start();
    // Stops the server as `pg_ctl stop -m fast` does; the data stays for restart().
    void stop();
    // Stops it as a crash would (`-m immediate`): no checkpoint, recovery at the next start.
    bool stopImmediately();
    // Starts it again on the same port with the same data (stops it first if it runs).
    bool restart();
    bool isRunning() const { return m_running; }

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    static QString adminUser() { return QStringLiteral("lipa_admin"); }
    QString dataDirectory() const;
    // What went wrong last, with the tool's own words.
    QString errorString() const { return m_error; }

    // A login role that must give this password.
    bool createRole(const QString& name, const QString& password);
    bool createDatabase(const QString& name, const QString& owner);
    // Runs SQL through psql as the admin (for setting up odd cases: tables of someone else, a newer
    // schema). Output: psql's unaligned rows ("a|b" per line), without the last newline.
    bool exec(const QString& database, const QString& sql, QString* output = nullptr);
    // postgresql://user@127.0.0.1:PORT/database (no password: that goes elsewhere).
    QString url(const QString& user, const QString& database) const;

    static QString quoteIdentifier(const QString& name);
    static QString quoteLiteral(const QString& text);

private:
    struct Tools {
        QString initdb, pgCtl, psql;
    };
    bool initialise();
    bool findTools();
    bool writeServerSettings();
    bool writeFile(const QString& path, const QByteArray& contents, QIODevice::OpenMode mode);
    bool startServer(bool mayChangePort);
    bool stopServer(const QString& mode);
    void killPostmaster();
    void startWatchdog();
    // The command as run: through setpriv as the postgres user when asServer and this process is root.
    QStringList commandLine(const QString& program, const QStringList& arguments, bool asServer) const;
    // Runs a tool (see commandLine); false, with m_error set, unless it exits with 0 in time.
    bool run(const QString& program, const QStringList& arguments, bool asServer,
             std::chrono::seconds timeout, const QByteArray& input = {}, QString* output = nullptr);
    QString logSince(qint64 offset) const;

    Tools m_tools;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_watchdog;
    bool m_initialised = false;
    bool m_running = false;
    int m_port = 0;
    QString m_error;
};

} // namespace lipa::test
