// SPDX-License-Identifier: GPL-3.0-or-later
#include "TcpProxy.h"
#include "TempPostgres.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <functional>
#include <optional>

using namespace lipa::test;
using namespace std::chrono_literals;

namespace {

const QString database = QStringLiteral("shop");
const QString role = QStringLiteral("till_one");
const QString password = QStringLiteral("correct horse 'battery' staple");

// What a database call in the worker thread came back with.
struct Answer {
    bool ok = false;
    QString error;
    QVariant value;
};

// Runs QSqlDatabase work on a thread of its own: libpq blocks while it waits for the server, and the
// proxy needs this thread's event loop to pass the bytes on. Each connection is made, used and removed
// in that one thread.
class SqlThread {
public:
    SqlThread()
    {
        m_context->moveToThread(&m_thread);
        m_thread.start();
    }
    ~SqlThread()
    {
        m_context->deleteLater();
        m_thread.quit();
        m_thread.wait();
    }

    Answer run(const std::function<Answer()>& work)
    {
        std::optional<Answer> answer;
        std::atomic<bool> done = false;
        QMetaObject::invokeMethod(m_context, [&] {
            answer = work();
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done.load(); }, 60000))
            qFatal("the database call in the worker thread did not come back within 60 s");
        return *answer;
    }

    Answer open(const QString& name, quint16 port, const QString& user, const QString& secret)
    {
        return run([=] {
            Answer answer;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
                db.setHostName(QStringLiteral("127.0.0.1"));
                db.setPort(port);
                db.setDatabaseName(database);
                db.setUserName(user);
                db.setPassword(secret);
                db.setConnectOptions(QStringLiteral("connect_timeout=5"));
                answer.ok = db.open();
                answer.error = db.lastError().text();
            }
            if (!answer.ok)
                QSqlDatabase::removeDatabase(name);
            return answer;
        });
    }

    Answer query(const QString& name, const QString& sql)
    {
        return run([=] {
            QSqlQuery query(QSqlDatabase::database(name, false));
            Answer answer;
            answer.ok = query.exec(sql);
            answer.error = query.lastError().text();
            if (answer.ok && query.next())
                answer.value = query.value(0);
            return answer;
        });
    }

    void close(const QString& name)
    {
        run([=] {
            if (QSqlDatabase::contains(name)) {
                QSqlDatabase::database(name, false).close();
                QSqlDatabase::removeDatabase(name);
            }
            return Answer{true, {}, {}};
        });
    }

private:
    QThread m_thread;
    QObject* m_context = new QObject;
};

} // namespace

// The test support for the shop-database tests: a throw-away PostgreSQL cluster with password logins,
// and a proxy that breaks the line on command.
class TestTempPostgres : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void roleConnectsWithItsPassword();
    void wrongPasswordIsRefused();
    void adminSetsUpWhatTheTestNeeds();
    void urlNamesUserHostPortAndDatabase();
    void proxyPassesQueriesOn();
    void cutBreaksOpenConnectionsUntilRestored();
    void delayHoldsEveryChunk();
    void hungProxyAnswersNothingUntilReleased();
    void immediateStopAndRestartKeepTheData();

private:
    TempPostgres m_postgres;
    SqlThread m_sql;
    QStringList m_connections;

    Answer open(const QString& name, quint16 port, const QString& secret = password)
    {
        m_connections << name;
        return m_sql.open(name, port, role, secret);
    }
    quint16 serverPort() const { return quint16(m_postgres.port()); }
};

void TestTempPostgres::initTestCase()
{
    QVERIFY2(m_postgres.start(), qPrintable(m_postgres.errorString()));
    QVERIFY2(m_postgres.createRole(role, password), qPrintable(m_postgres.errorString()));
    QVERIFY2(m_postgres.createDatabase(database, role), qPrintable(m_postgres.errorString()));
}

void TestTempPostgres::cleanup()
{
    for (const QString& name : std::as_const(m_connections))
        m_sql.close(name);
    m_connections.clear();
}

void TestTempPostgres::roleConnectsWithItsPassword()
{
    const Answer opened = open(QStringLiteral("right"), serverPort());
    QVERIFY2(opened.ok, qPrintable(opened.error));
    const Answer one = m_sql.query(QStringLiteral("right"), QStringLiteral("SELECT 1"));
    QVERIFY2(one.ok, qPrintable(one.error));
    QCOMPARE(one.value.toInt(), 1);
    const Answer user = m_sql.query(QStringLiteral("right"), QStringLiteral("SELECT current_user"));
    QCOMPARE(user.value.toString(), role);
}

void TestTempPostgres::wrongPasswordIsRefused()
{
    const Answer opened = open(QStringLiteral("wrong"), serverPort(), QStringLiteral("not the password"));
    QVERIFY(!opened.ok);
    QVERIFY2(opened.error.contains(QLatin1String("password authentication failed")),
             qPrintable(opened.error));
    QVERIFY(!opened.error.contains(QLatin1String("not the password")));
}

void TestTempPostgres::adminSetsUpWhatTheTestNeeds()
{
    // A table of someone else's: the admin owns it, the till's role may not read it.
    QVERIFY2(m_postgres.exec(database, QStringLiteral("CREATE TABLE foreign_table (x int);"
                                                      "INSERT INTO foreign_table VALUES (7), (8);")),
             qPrintable(m_postgres.errorString()));
    QString output;
    QVERIFY2(
        m_postgres.exec(database, QStringLiteral("SELECT x, x * 2 FROM foreign_table ORDER BY x"), &output),
        qPrintable(m_postgres.errorString()));
    QCOMPARE(output, QStringLiteral("7|14\n8|16"));

    QVERIFY(open(QStringLiteral("till"), serverPort()).ok);
    const Answer read = m_sql.query(QStringLiteral("till"), QStringLiteral("SELECT x FROM foreign_table"));
    QVERIFY(!read.ok);
    QVERIFY2(read.error.contains(QLatin1String("permission denied")), qPrintable(read.error));

    QVERIFY(!m_postgres.exec(database, QStringLiteral("SELECT * FROM no_such_table")));
    QVERIFY2(m_postgres.errorString().contains(QLatin1String("no_such_table")),
             qPrintable(m_postgres.errorString()));
}

void TestTempPostgres::urlNamesUserHostPortAndDatabase()
{
    QCOMPARE(m_postgres.url(role, database),
             QStringLiteral("postgresql://till_one@127.0.0.1:%1/shop").arg(m_postgres.port()));
}

void TestTempPostgres::proxyPassesQueriesOn()
{
    TcpProxy proxy;
    QVERIFY2(proxy.listen(m_postgres.host(), serverPort()), qPrintable(proxy.errorString()));
    const Answer opened = open(QStringLiteral("proxied"), proxy.port());
    QVERIFY2(opened.ok, qPrintable(opened.error));
    QCOMPARE(proxy.connectionCount(), 1);
    QCOMPARE(m_sql.query(QStringLiteral("proxied"), QStringLiteral("SELECT 41 + 1")).value.toInt(), 42);
}

void TestTempPostgres::cutBreaksOpenConnectionsUntilRestored()
{
    TcpProxy proxy;
    QVERIFY(proxy.listen(m_postgres.host(), serverPort()));
    QVERIFY(open(QStringLiteral("before"), proxy.port()).ok);

    proxy.cut();
    QCOMPARE(proxy.connectionCount(), 0);
    const Answer broken = m_sql.query(QStringLiteral("before"), QStringLiteral("SELECT 1"));
    QVERIFY(!broken.ok);
    QVERIFY(!open(QStringLiteral("during"), proxy.port()).ok);

    proxy.restore();
    const Answer again = open(QStringLiteral("after"), proxy.port());
    QVERIFY2(again.ok, qPrintable(again.error));
    QCOMPARE(m_sql.query(QStringLiteral("after"), QStringLiteral("SELECT 1")).value.toInt(), 1);
}

void TestTempPostgres::delayHoldsEveryChunk()
{
    TcpProxy proxy;
    QVERIFY(proxy.listen(m_postgres.host(), serverPort()));
    QVERIFY(open(QStringLiteral("slow"), proxy.port()).ok);
    proxy.setDelay(150ms);
    QElapsedTimer timer;
    timer.start();
    // One chunk there, one back.
    const Answer answer = m_sql.query(QStringLiteral("slow"), QStringLiteral("SELECT 1"));
    QVERIFY2(answer.ok, qPrintable(answer.error));
    QCOMPARE_GE(timer.elapsed(), 300);
}

void TestTempPostgres::hungProxyAnswersNothingUntilReleased()
{
    TcpProxy proxy;
    QVERIFY(proxy.listen(m_postgres.host(), serverPort()));
    QVERIFY(open(QStringLiteral("stalled"), proxy.port()).ok);
    proxy.hang(true);

    // Released from the event loop this thread spins while the worker waits for its answer; an answer
    // that came before could not have passed the proxy.
    bool released = false;
    QObject context;
    QTimer::singleShot(500ms, &context, [&] {
        released = true;
        proxy.hang(false);
    });
    const Answer answer = m_sql.query(QStringLiteral("stalled"), QStringLiteral("SELECT 5"));
    QVERIFY(released);
    QVERIFY2(answer.ok, qPrintable(answer.error));
    QCOMPARE(answer.value.toInt(), 5);
}

void TestTempPostgres::immediateStopAndRestartKeepTheData()
{
    QVERIFY(m_postgres.exec(database,
                            QStringLiteral("CREATE TABLE kept (x int); INSERT INTO kept VALUES (42);")));
    const int port = m_postgres.port();

    QVERIFY2(m_postgres.stopImmediately(), qPrintable(m_postgres.errorString()));
    QVERIFY(!m_postgres.isRunning());
    QVERIFY(!open(QStringLiteral("down"), serverPort()).ok);

    QVERIFY2(m_postgres.restart(), qPrintable(m_postgres.errorString()));
    QCOMPARE(m_postgres.port(), port);
    QString output;
    QVERIFY2(m_postgres.exec(database, QStringLiteral("SELECT x FROM kept"), &output),
             qPrintable(m_postgres.errorString()));
    QCOMPARE(output, QStringLiteral("42"));
    QVERIFY(open(QStringLiteral("up"), serverPort()).ok);
}

QTEST_GUILESS_MAIN(TestTempPostgres)
#include "tst_temppostgres.moc"
