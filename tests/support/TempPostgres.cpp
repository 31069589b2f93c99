// SPDX-License-Identifier: GPL-3.0-or-later
#include "TempPostgres.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTcpServer>
#include <QUrl>
#include <QVersionNumber>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <pwd.h>
#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

namespace lipa::test {

namespace {

const QString serverUser = QStringLiteral("postgres");

bool isRoot()
{
    return ::geteuid() == 0;
}

struct Account {
    uid_t uid;
    gid_t gid;
};

std::optional<Account> serverAccount()
{
    const QByteArray name = serverUser.toLocal8Bit();
    const passwd* entry = ::getpwnam(name.constData());
    if (!entry)
        return std::nullopt;
    return Account{entry->pw_uid, entry->pw_gid};
}

// The tools must not pick up a developer's PGHOST, PGPASSWORD or PGDATA.
QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QStringList keys = environment.keys();
    for (const QString& key : keys) {
        if (key.startsWith(QLatin1String("PG")))
            environment.remove(key);
    }
    return environment;
}

// A string in postgresql.conf: quotes doubled, backslashes escaped.
QString confString(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

bool hasServerTools(const QString& binDir)
{
    for (const char* tool : {"initdb", "pg_ctl", "postgres"}) {
        if (!QFileInfo(binDir + QLatin1Char('/') + QLatin1String(tool)).isExecutable())
            return false;
    }
    return true;
}

// Asks the kernel for a free loopback port; the caller retries if someone else takes it first.
int freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const int port = server.serverPort();
    server.close();
    return port;
}

} // namespace

TempPostgres::TempPostgres() = default;

TempPostgres::~TempPostgres()
{
    if (m_running)
        stopServer(QStringLiteral("immediate"));
    if (m_watchdog.state() != QProcess::NotRunning) {
        m_watchdog.kill();
        m_watchdog.waitForFinished(5000);
    }
}

bool TempPostgres::start()
{
    if (m_running)
        return true;
    if (!m_initialised && !initialise())
        return false;
    return startServer(m_port == 0);
}

void TempPostgres::stop()
{
    if (m_running)
        stopServer(QStringLiteral("fast"));
}

bool TempPostgres::stopImmediately()
{
    if (!m_running) {
        m_error = QStringLiteral("the server is not running");
        return false;
    }
    return stopServer(QStringLiteral("immediate"));
}

bool TempPostgres::restart()
{
    if (!m_initialised)
        return start();
    if (m_running && !stopServer(QStringLiteral("fast")))
        return false;
    return startServer(false);
}

QString TempPostgres::dataDirectory() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("data")) : QString();
}

bool TempPostgres::createRole(const QString& name, const QString& password)
{
    return exec(QStringLiteral("postgres"), QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD %2")
                                                .arg(quoteIdentifier(name), quoteLiteral(password)));
}

bool TempPostgres::createDatabase(const QString& name, const QString& owner)
{
    return exec(
        QStringLiteral("postgres"),
        QStringLiteral("CREATE DATABASE %1 OWNER %2").arg(quoteIdentifier(name), quoteIdentifier(owner)));
}

bool TempPostgres::exec(const QString& database, const QString& sql, QString* output)
{
    // Over TCP rather than the socket: the socket's folder belongs to postgres, and a root without
    // CAP_DAC_OVERRIDE (some containers) could not reach it.
    const QStringList arguments = {QStringLiteral("-X"), QStringLiteral("-q"),
                                   QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                                   QStringLiteral("-A"), QStringLiteral("-t"),
                                   QStringLiteral("-h"), host(),
                                   QStringLiteral("-p"), QString::number(m_port),
                                   QStringLiteral("-U"), adminUser(),
                                   QStringLiteral("-d"), database,
                                   QStringLiteral("-f"), QStringLiteral("-")};
    QString out;
    if (!run(m_tools.psql, arguments, false, std::chrono::seconds(60), sql.toUtf8(), &out))
        return false;
    if (out.endsWith(QLatin1Char('\n')))
        out.chop(1);
    if (output)
        *output = out;
    return true;
}

QString TempPostgres::url(const QString& user, const QString& database) const
{
    return QStringLiteral("postgresql://%1@%2:%3/%4")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(user)), host(), QString::number(m_port),
             QString::fromLatin1(QUrl::toPercentEncoding(database)));
}

QString TempPostgres::quoteIdentifier(const QString& name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString TempPostgres::quoteLiteral(const QString& text)
{
    // standard_conforming_strings is on (the default), so backslashes need nothing.
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

bool TempPostgres::initialise()
{
    if (!findTools())
        return false;
    std::optional<Account> account;
    if (isRoot()) {
        account = serverAccount();
        if (!account) {
            m_error = QStringLiteral("running as root, but there is no '%1' user to run PostgreSQL as "
                                     "(PostgreSQL refuses to run as root): install postgresql")
                          .arg(serverUser);
            return false;
        }
    }
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/lipa-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("could not make a temporary folder: %1").arg(m_dir->errorString());
        return false;
    }
    if (account && ::chown(QFile::encodeName(m_dir->path()).constData(), account->uid, account->gid) != 0) {
        m_error = QStringLiteral("could not give %1 to the postgres user: %2")
                      .arg(m_dir->path(), QString::fromLocal8Bit(::strerror(errno)));
        return false;
    }
    startWatchdog();

    const QStringList arguments = {QStringLiteral("-D"),           dataDirectory(),
                                   QStringLiteral("-U"),           adminUser(),
                                   QStringLiteral("--auth=trust"), QStringLiteral("--encoding=UTF8"),
                                   QStringLiteral("--no-locale"),  QStringLiteral("--no-sync")};
    if (!run(m_tools.initdb, arguments, true, std::chrono::seconds(120)))
        return false;

    // Trust for the admin only; everyone else proves who they are, so a wrong password fails as in a shop.
    const QByteArray hba = "# Written by TempPostgres (tests/support).\n"
                           "local all lipa_admin trust\n"
                           "host  all lipa_admin 127.0.0.1/32 trust\n"
                           "local all all scram-sha-256\n"
                           "host  all all 127.0.0.1/32 scram-sha-256\n";
    if (!writeFile(dataDirectory() + QStringLiteral("/pg_hba.conf"), hba,
                   QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    // The settings live in a file of their own rather than in pg_ctl -o, which goes through a shell.
    if (!writeFile(dataDirectory() + QStringLiteral("/postgresql.conf"), "\ninclude 'lipa-test.conf'\n",
                   QIODevice::WriteOnly | QIODevice::Append))
        return false;
    m_initialised = true;
    return true;
}

bool TempPostgres::findTools()
{
    QStringList binDirs;
    const QString chosen = qEnvironmentVariable("LIPA_PG_BINDIR");
    if (!chosen.isEmpty())
        binDirs << chosen;
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    if (!onPath.isEmpty()) {
        // Debian links only some tools onto PATH; their real folder has all of them.
        binDirs << QFileInfo(QFileInfo(onPath).canonicalFilePath()).path() << QFileInfo(onPath).path();
    }
    QDir installed(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = installed.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString& a, const QString& b) {
        return QVersionNumber::fromString(a) > QVersionNumber::fromString(b);
    });
    for (const QString& version : std::as_const(versions))
        binDirs << installed.filePath(version + QStringLiteral("/bin"));

    for (const QString& dir : std::as_const(binDirs)) {
        if (!hasServerTools(dir))
            continue;
        m_tools.initdb = dir + QStringLiteral("/initdb");
        m_tools.pgCtl = dir + QStringLiteral("/pg_ctl");
        m_tools.psql = dir + QStringLiteral("/psql");
        if (!QFileInfo(m_tools.psql).isExecutable())
            m_tools.psql = QStandardPaths::findExecutable(QStringLiteral("psql"));
        if (m_tools.psql.isEmpty()) {
            m_error =
                QStringLiteral("found PostgreSQL in %1 but no psql: install postgresql-client").arg(dir);
            return false;
        }
        return true;
    }
    m_error =
        QStringLiteral("no PostgreSQL server tools (initdb, pg_ctl, postgres) in LIPA_PG_BINDIR, on PATH or "
                       "in /usr/lib/postgresql/*/bin: install postgresql (scripts/test does)");
    return false;
}

bool TempPostgres::writeServerSettings()
{
    const QString socketDir = m_dir->path();
    // A Unix socket path has room for 107 bytes.
    if (QFile::encodeName(socketDir + QStringLiteral("/.s.PGSQL.65535")).size() > 107) {
        m_error =
            QStringLiteral("the temporary folder %1 is too deep for PostgreSQL's socket: set TMPDIR to a "
                           "shorter path")
                .arg(socketDir);
        return false;
    }
    const QString settings = QStringLiteral("# Written by TempPostgres (tests/support) before every start.\n"
                                            "listen_addresses = '127.0.0.1'\n"
                                            "port = %1\n"
                                            "unix_socket_directories = %2\n"
                                            "fsync = off\n")
                                 .arg(QString::number(m_port), confString(socketDir));
    return writeFile(dataDirectory() + QStringLiteral("/lipa-test.conf"), settings.toUtf8(),
                     QIODevice::WriteOnly | QIODevice::Truncate);
}

bool TempPostgres::writeFile(const QString& path, const QByteArray& contents, QIODevice::OpenMode mode)
{
    QFile file(path);
    if (!file.open(mode) || file.write(contents) != contents.size() || !file.flush()) {
        m_error = QStringLiteral("could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.close();
    // The server reads its files as postgres; a file root made is root's until given away.
    if (const std::optional<Account> account = isRoot() ? serverAccount() : std::nullopt;
        account && ::chown(QFile::encodeName(path).constData(), account->uid, account->gid) != 0) {
        m_error = QStringLiteral("could not give %1 to the postgres user: %2")
                      .arg(path, QString::fromLocal8Bit(::strerror(errno)));
        return false;
    }
    return true;
}

bool TempPostgres::startServer(bool mayChangePort)
{
    const QString logFile = m_dir->filePath(QStringLiteral("server.log"));
    const int attempts = mayChangePort ? 5 : 1;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        if (mayChangePort) {
            m_port = freeLoopbackPort();
            if (m_port == 0) {
                m_error = QStringLiteral("could not find a free port on 127.0.0.1");
                return false;
            }
        }
        if (!writeServerSettings())
            return false;
        const qint64 logOffset = QFileInfo(logFile).size();
        // -w: pg_ctl itself waits until the server accepts connections, so nothing here sleeps.
        const QStringList arguments = {
            QStringLiteral("-D"), dataDirectory(),      QStringLiteral("-l"), logFile,
            QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("start")};
        if (run(m_tools.pgCtl, arguments, true, std::chrono::seconds(90))) {
            m_running = true;
            return true;
        }
        const QString log = logSince(logOffset);
        const bool portTaken = log.contains(QLatin1String("could not bind")) ||
                               log.contains(QLatin1String("Address already in use"));
        if (!portTaken || attempt + 1 == attempts) {
            m_error += QStringLiteral("\nserver log:\n") + log;
            // pg_ctl may have given up waiting on a server that still comes up.
            killPostmaster();
            return false;
        }
    }
    return false;
}

bool TempPostgres::stopServer(const QString& mode)
{
    const QStringList arguments = {
        QStringLiteral("-D"), dataDirectory(),      QStringLiteral("-m"), mode,
        QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("stop")};
    const bool stopped = run(m_tools.pgCtl, arguments, true, std::chrono::seconds(90));
    if (!stopped)
        killPostmaster();
    m_running = false;
    return stopped;
}

void TempPostgres::killPostmaster()
{
    QFile pidFile(dataDirectory() + QStringLiteral("/postmaster.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        return;
    const pid_t pid = pidFile.readLine().trimmed().toInt();
    if (pid <= 0)
        return;
    // The pid file may be stale and its number reused: kill only a process working in this data folder.
    const QString processDir = QFileInfo(QStringLiteral("/proc/%1/cwd").arg(pid)).canonicalFilePath();
    if (!processDir.isEmpty() && processDir == QFileInfo(dataDirectory()).canonicalFilePath())
        ::kill(pid, SIGKILL);
}

void TempPostgres::startWatchdog()
{
    // The shell waits for the end of its input; only this process holds the other end, so it comes when
    // this process ends, however it ends. The destructor kills the watchdog before that.
    QStringList arguments = {QStringLiteral("-c"),
                             QStringLiteral("read -r _; dir=$1; shift; \"$@\"; rm -rf -- \"$dir\""),
                             QStringLiteral("lipa-pg-watchdog"), m_dir->path()};
    arguments << commandLine(m_tools.pgCtl,
                             {QStringLiteral("-D"), dataDirectory(), QStringLiteral("-m"),
                              QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")},
                             true);
    if (m_watchdog.state() != QProcess::NotRunning) { // from a start() that failed before
        m_watchdog.kill();
        m_watchdog.waitForFinished(5000);
    }
    m_watchdog.setProgram(QStringLiteral("/bin/sh"));
    m_watchdog.setArguments(arguments);
    m_watchdog.setProcessEnvironment(cleanEnvironment());
    m_watchdog.setWorkingDirectory(QDir::rootPath());
    m_watchdog.setStandardOutputFile(QProcess::nullDevice());
    m_watchdog.setStandardErrorFile(QProcess::nullDevice());
    m_watchdog.start();
    // Without it the cluster still works; only a crash would leave it behind.
    m_watchdog.waitForStarted(10000);
}

QStringList TempPostgres::commandLine(const QString& program, const QStringList& arguments,
                                      bool asServer) const
{
    if (!asServer || !isRoot())
        return QStringList{program} + arguments;
    // setpriv replaces itself with the tool (runuser would stay as its parent), so a timeout's kill reaches
    // the tool.
    return QStringList{QStringLiteral("setpriv"),
                       QStringLiteral("--reuid=") + serverUser,
                       QStringLiteral("--regid=") + serverUser,
                       QStringLiteral("--init-groups"),
                       QStringLiteral("--"),
                       program} +
           arguments;
}

bool TempPostgres::run(const QString& program, const QStringList& arguments, bool asServer,
                       std::chrono::seconds timeout, const QByteArray& input, QString* output)
{
    const QString tool = QFileInfo(program).fileName();
    const QStringList command = commandLine(program, arguments, asServer);
    QProcess process;
    process.setProgram(command.first());
    process.setArguments(command.mid(1));
    process.setProcessEnvironment(cleanEnvironment());
    // A folder everyone may enter: the test's own may be closed to the postgres user.
    process.setWorkingDirectory(QDir::rootPath());
    process.start();
    if (!process.waitForStarted(10000)) {
        m_error = QStringLiteral("could not run %1: %2").arg(command.first(), process.errorString());
        return false;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    const int timeoutMs = int(std::chrono::milliseconds(timeout).count());
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        m_error = QStringLiteral("%1 did not finish within %2 s: %3")
                      .arg(tool, QString::number(timeout.count()),
                           QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
        return false;
    }
    const QString out = QString::fromLocal8Bit(process.readAllStandardOutput());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        QString said = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        if (said.isEmpty())
            said = out.trimmed();
        m_error = process.exitStatus() == QProcess::NormalExit
                      ? QStringLiteral("%1 failed (exit code %2): %3")
                            .arg(tool, QString::number(process.exitCode()), said)
                      : QStringLiteral("%1 crashed: %2").arg(tool, said);
        return false;
    }
    if (output)
        *output = out;
    return true;
}

QString TempPostgres::logSince(qint64 offset) const
{
    QFile log(m_dir->filePath(QStringLiteral("server.log")));
    if (!log.open(QIODevice::ReadOnly))
        return QStringLiteral("(no server log)");
    log.seek(offset);
    return QString::fromLocal8Bit(log.readAll().right(4000)).trimmed();
}

} // namespace lipa::test
