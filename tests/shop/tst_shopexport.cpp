// SPDX-License-Identifier: GPL-3.0-or-later
// The accountant's export, without a window: the real lipa-till binary reads every till's payments of some
// days from the shop database into one CSV file, and says by its exit code (and on stderr) how it went.

#include "ShopLink.h"
#include "ShopTesting.h"
#include "TestStack.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lipa;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestShopExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void exportCsvFromTheCommandLine();
    void wrongPasswordExitsOneAndSaysWhy();
    void badArgumentsExitTwo_data();
    void badArgumentsExitTwo();

private:
    // lipa-till with these arguments and the shop database's password (in its environment, as cron would
    // give it), on the offscreen platform with a throw-away HOME; the test's event loop runs meanwhile.
    Run runTill(const QStringList& arguments, const QString& password);
    QString url() const { return m_shop.url().display(); }

    test::ShopServer m_shop;
    QTemporaryDir m_home;
};

void TestShopExport::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY2(m_shop.start(), qPrintable(m_shop.error()));
}

void TestShopExport::init()
{
    m_shop.newDatabase();
    QVERIFY2(m_shop.error().isEmpty(), qPrintable(m_shop.error()));
}

Run TestShopExport::runTill(const QStringList& arguments, const QString& password)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.path());
    env.insert(QStringLiteral("LIPA_TILL_SHOP_DB_PASSWORD"), password);
    QProcess till;
    till.setProcessEnvironment(env);
    QSignalSpy finished(&till, &QProcess::finished);
    till.start(QStringLiteral(LIPA_TILL_BINARY), arguments);
    if (!finished.wait(60000)) {
        till.kill();
        till.waitForFinished();
        return {};
    }
    return {till.exitStatus() == QProcess::NormalExit ? till.exitCode() : -1,
            QString::fromUtf8(till.readAllStandardOutput()), QString::fromUtf8(till.readAllStandardError())};
}

void TestShopExport::exportCsvFromTheCommandLine()
{
    test::ShopCounter one(QStringLiteral("Counter 1")), two(QStringLiteral("Counter 2"));
    // The tills' clocks (ManualClock) start on the same day; that local day is exported.
    const QDate day = one.stack.clock.now().toLocalTime().date();
    QCOMPARE(two.stack.clock.now().toLocalTime().date(), day);
    one.connect(m_shop.url());
    two.connect(m_shop.url());
    QVERIFY(one.takePayments(5, 100));
    QVERIFY(two.takePayments(3, 200));
    // Counter 2 also works the next day: not in the export.
    two.stack.clock.setWallClock(day.addDays(1).startOfDay().addSecs(9 * 3600).toUTC());
    QVERIFY(two.takePayments(2, 300));
    QTRY_VERIFY_WITH_TIMEOUT(one.inSync() && two.inSync(), 20000);
    const qsizetype fromOne = one.paymentsOn(day);
    const qsizetype fromTwo = two.paymentsOn(day);
    QCOMPARE(fromOne, 5);
    QCOMPARE(fromTwo, 3);
    QCOMPARE(two.journal().paymentCount(), 5);

    const QString path = m_home.filePath(QStringLiteral("shop.csv"));
    const QString date = day.toString(Qt::ISODate);
    const Run run = runTill({QStringLiteral("--shop-db"), url(), QStringLiteral("--export-csv"), path,
                             QStringLiteral("--from"), date, QStringLiteral("--to"), date},
                            QLatin1String(test::ShopServer::kPassword));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"));
    QVERIFY(!lines.isEmpty());
    if (lines.last().isEmpty())
        lines.removeLast(); // after the last line's end
    const QString header = lines.takeFirst();
    QVERIFY2(header.endsWith(QStringLiteral(",sale_ref,sale_part,till,till_id,branch")), qPrintable(header));
    QVERIFY(!header.contains(QStringLiteral("method"))); // the shop database does not know it yet
    QCOMPARE(lines.size(), fromOne + fromTwo);
    // Each row ends with its till: name, id and branch.
    const auto rowsOf = [&lines](const test::ShopCounter& counter) {
        const QString tail =
            QStringLiteral(",%1,%2,%3")
                .arg(counter.identity.name, counter.identity.id.toString(QUuid::WithoutBraces),
                     counter.identity.branch);
        return std::count_if(lines.cbegin(), lines.cend(),
                             [&tail](const QString& line) { return line.endsWith(tail); });
    };
    QCOMPARE(rowsOf(one), fromOne);
    QCOMPARE(rowsOf(two), fromTwo);
}

void TestShopExport::wrongPasswordExitsOneAndSaysWhy()
{
    test::ShopCounter one(QStringLiteral("Counter 1"));
    one.connect(m_shop.url());
    QVERIFY(one.takePayments(2, 100));
    QTRY_VERIFY_WITH_TIMEOUT(one.inSync(), 20000);

    const QString path = m_home.filePath(QStringLiteral("refused.csv"));
    const QString date = one.stack.clock.now().toLocalTime().date().toString(Qt::ISODate);
    const QString wrong = QStringLiteral("Not-the-Pw-42");
    const Run run = runTill({QStringLiteral("--shop-db"), url(), QStringLiteral("--export-csv"), path,
                             QStringLiteral("--from"), date, QStringLiteral("--to"), date},
                            wrong);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("password")), qPrintable(run.err));
    QVERIFY(!run.err.contains(wrong));
    QVERIFY(!run.out.contains(wrong));
    QVERIFY(!QFile::exists(path));
}

void TestShopExport::badArgumentsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString file = QStringLiteral("/nonexistent/never-written.csv");
    QTest::newRow("month 13") << QStringList{
        QStringLiteral("--shop-db"),    QStringLiteral("postgresql://lipa_till@127.0.0.1:5432/shop"),
        QStringLiteral("--export-csv"), file,
        QStringLiteral("--from"),       QStringLiteral("2026-13-01"),
        QStringLiteral("--to"),         QStringLiteral("2026-13-01")};
    QTest::newRow("no shop database")
        << QStringList{QStringLiteral("--export-csv"), file,
                       QStringLiteral("--from"),       QStringLiteral("2026-11-23"),
                       QStringLiteral("--to"),         QStringLiteral("2026-11-23")};
    QTest::newRow("to before from") << QStringList{
        QStringLiteral("--shop-db"),    QStringLiteral("postgresql://lipa_till@127.0.0.1:5432/shop"),
        QStringLiteral("--export-csv"), file,
        QStringLiteral("--from"),       QStringLiteral("2026-11-23"),
        QStringLiteral("--to"),         QStringLiteral("2026-11-22")};
}

void TestShopExport::badArgumentsExitTwo()
{
    QFETCH(QStringList, arguments);
    const Run run = runTill(arguments, QLatin1String(test::ShopServer::kPassword));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(!run.err.isEmpty(), "the reason goes to stderr");
    QVERIFY(!run.err.contains(QLatin1String(test::ShopServer::kPassword)));
}

QTEST_GUILESS_MAIN(TestShopExport)
#include "tst_shopexport.moc"
