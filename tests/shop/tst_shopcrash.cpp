// SPDX-License-Identifier: GPL-3.0-or-later
// A till killed with SIGKILL while it copies its journal to the shop database (in the middle of a batch,
// or just after charging), again and again; after the last restart the shop database holds exactly the
// journal, row by row: nothing lost, nothing twice.

#include "IntaSendSimulator.h"
#include "Journal.h"
#include "ShopTesting.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace lipa;

class TestShopCrash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killedWhileCopyingLosesNothingAndDoublesNothing();
};

void TestShopCrash::killedWhileCopyingLosesNothingAndDoublesNothing()
{
    test::ShopServer shop;
    QVERIFY2(shop.start(), qPrintable(shop.error()));
    shop.newDatabase();
    SystemClock clock;
    IntaSendSimulator simulator(clock);
    QVERIFY(simulator.listen());
    QTemporaryDir dir;
    const QString journalPath = dir.filePath(QStringLiteral("till.sqlite"));
    const QUuid till = QUuid::createUuid();
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    QRandomGenerator random(seed);

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LIPA_TILL_SHOP_DB_PASSWORD"),
                       QLatin1String(test::ShopServer::kPassword));
    const auto arguments = [&](int charges, int firstAmount, bool settle) {
        QStringList list = {QStringLiteral("--journal"),      journalPath,
                            QStringLiteral("--api-base"),     simulator.baseUrl().toString(),
                            QStringLiteral("--charges"),      QString::number(charges),
                            QStringLiteral("--interval-ms"),  QStringLiteral("5"),
                            QStringLiteral("--seed"),         QString::number(random.generate()),
                            QStringLiteral("--first-amount"), QString::number(firstAmount),
                            QStringLiteral("--shop-db"),      shop.url().display(),
                            QStringLiteral("--till-id"),      till.toString(QUuid::WithoutBraces)};
        if (settle)
            list << QStringLiteral("--settle");
        return list;
    };

    int midBatch = 0;
    for (int cycle = 1; cycle <= 8; ++cycle) {
        QProcess child;
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // Killed after the n-th line about the shop (a batch going out, or its answer), or after the n-th
        // payment journaled: both moments, and everything between, happen to tills in shops.
        // The first run is always killed while a batch is on its way (status "N to send").
        const bool midBatchOnly = cycle == 1;
        const bool onShopLine = midBatchOnly || random.bounded(2) == 1;
        const int when = midBatchOnly ? 1 : static_cast<int>(random.bounded(1, onShopLine ? 4 : 6));
        int seen = 0;
        bool killed = false;
        connect(&child, &QProcess::readyReadStandardOutput, &child, [&] {
            while (child.canReadLine()) {
                const QString line = QString::fromUtf8(child.readLine());
                const bool counts = onShopLine
                                        ? line.startsWith(QStringLiteral("shop Shop: ")) &&
                                              (!midBatchOnly || line.contains(QStringLiteral("to send")))
                                        : line.startsWith(QStringLiteral("journaled "));
                if (!killed && counts && ++seen == when) {
                    killed = true;
                    midBatch += line.contains(QStringLiteral("to send")) ? 1 : 0;
                    ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
                }
            }
        });
        child.start(QStringLiteral(LIPA_CRASH_CHILD), arguments(10, cycle * 100, false));
        QVERIFY(child.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(killed, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(child.state(), QProcess::NotRunning, 5000);
    }

    QProcess last;
    last.setProcessEnvironment(environment);
    last.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    last.start(QStringLiteral(LIPA_CRASH_CHILD), arguments(0, 5000, true));
    QVERIFY(last.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(last.state(), QProcess::NotRunning, 90000);
    QCOMPARE(last.exitCode(), 0);

    Journal::OpenError error;
    const std::unique_ptr<Journal> journal = Journal::open(journalPath, &error);
    QVERIFY2(journal, qPrintable(error.message));
    QSqlDatabase db = shop.admin();
    const QString diff = test::differencesFromJournal(db, till, *journal);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(journal->paymentCount() >= 8);
    QVERIFY(midBatch >= 1);
    qInfo("8 runs killed (%d with a batch going out); %lld payments, all in the shop database once", midBatch,
          static_cast<long long>(journal->paymentCount()));
}

QTEST_GUILESS_MAIN(TestShopCrash)
#include "tst_shopcrash.moc"
