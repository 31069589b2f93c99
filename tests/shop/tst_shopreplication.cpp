// SPDX-License-Identifier: GPL-3.0-or-later
// Several tills, one shop database: a real PostgreSQL started for the test, real journals, real payments
// taken through the simulator; what arrives is compared row by row with each till's journal.

#include "ShopLink.h"
#include "ShopSchema.h"
#include "ShopTesting.h"
#include "TcpProxy.h"
#include "TestStack.h"

#include <QFile>
#include <QLocale>
#include <QMutex>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace lipa;

namespace {

// Everything logged during the run, from every thread: the shop database's password must never be in it.
QMutex loggedLock;
QStringList logged;
QtMessageHandler previousHandler = nullptr;

void keepMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        const QMutexLocker locker(&loggedLock);
        logged.append(message);
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

class TestShopReplication : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void threeTillsArriveRowByRow();
    void serverStoppedMidDayEverythingArrivesOnce();
    void connectionCutAndRestoredByAProxy();
    void wrongPasswordSaysSoAndKeepsEverything();
    void unreachableHostSaysSo();
    void someoneElsesDatabaseIsLeftAlone();
    void newerSchemaIsRefused();
    void secondTillWithTheSameIdIsRefused();
    void shiftsAndZReportsArrive();
    void copiedJournalUnderANewIdentityIsNotCountedTwice();
    void databaseOfTheFirstVersionIsMigrated();
    void partsOfASaleArriveWithTheirSale();
    void copiedFolderUsedOnTwoComputersIsCaughtWhenever_data();
    void copiedFolderUsedOnTwoComputersIsCaughtWhenever();
    void cleanupTestCase();

private:
    QString verifyAll(std::initializer_list<test::ShopCounter*> counters);
    test::ShopServer m_shop;
};

void TestShopReplication::initTestCase()
{
    previousHandler = qInstallMessageHandler(keepMessage);
    QVERIFY2(m_shop.start(), qPrintable(m_shop.error()));
}

void TestShopReplication::init()
{
    m_shop.newDatabase();
    QVERIFY2(m_shop.error().isEmpty(), qPrintable(m_shop.error()));
}

QString TestShopReplication::verifyAll(std::initializer_list<test::ShopCounter*> counters)
{
    QSqlDatabase db = m_shop.admin();
    for (test::ShopCounter* counter : counters) {
        if (const QString diff = test::differencesFromJournal(db, counter->identity.id, counter->journal());
            !diff.isEmpty())
            return counter->identity.name + QStringLiteral(": ") + diff;
    }
    return {};
}

void TestShopReplication::threeTillsArriveRowByRow()
{
    test::ShopCounter one(QStringLiteral("Counter 1")), two(QStringLiteral("Counter 2")),
        three(QStringLiteral("Counter 3"));
    // Counter 1 has history from before it joined the shop: it comes along.
    QVERIFY(one.takePayments(4, 100));
    for (test::ShopCounter* c : {&one, &two, &three})
        c->connect(m_shop.url());
    QVERIFY(one.takePayments(6, 200));
    QVERIFY(two.takePayments(8, 300));
    QVERIFY(three.takePayments(5, 400));
    QTRY_VERIFY_WITH_TIMEOUT(one.inSync() && two.inSync() && three.inSync(), 20000);
    const QString diff = verifyAll({&one, &two, &three});
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QSqlDatabase db = m_shop.admin();
    QCOMPARE(test::rowsOf(db, QStringLiteral("payments"), one.identity.id), 10);
    QCOMPARE(test::rowsOf(db, QStringLiteral("payments"), two.identity.id), 8);
    QCOMPARE(one.link().statusText(), QStringLiteral("Shop: in sync"));
    QSqlQuery tills(db);
    QVERIFY(tills.exec(QStringLiteral("SELECT name, branch FROM tills ORDER BY name")));
    QVERIFY(tills.next());
    QCOMPARE(tills.value(0).toString(), QStringLiteral("Counter 1"));
    QCOMPARE(tills.value(1).toString(), QStringLiteral("Westlands"));
}

void TestShopReplication::serverStoppedMidDayEverythingArrivesOnce()
{
    test::ShopCounter one(QStringLiteral("Counter 1")), two(QStringLiteral("Counter 2"));
    one.connect(m_shop.url());
    two.connect(m_shop.url());
    QVERIFY(one.takePayments(3, 100));
    QTRY_VERIFY_WITH_TIMEOUT(one.inSync(), 20000);

    QVERIFY2(m_shop.server().stopImmediately(), qPrintable(m_shop.server().errorString()));
    // The tills keep charging: nothing waits for the shop database.
    QVERIFY(one.takePayments(4, 200));
    QVERIFY(two.takePayments(4, 300));
    QTRY_COMPARE_WITH_TIMEOUT(one.link().status(), ShopLink::Status::Offline, 20000);
    const QDateTime since = one.link().offlineSince().toLocalTime();
    QCOMPARE(one.link().statusText(), QStringLiteral("Shop: offline since ") + since.toString(u"HH:mm"));
    // Still offline the next day: the status says since when, with the date.
    const QDateTime wall = one.stack.clock.now();
    one.stack.clock.setWallClock(wall.addDays(1));
    QCOMPARE(one.link().statusText(),
             QStringLiteral("Shop: offline since ") + QLocale().toString(since, u"d MMM HH:mm"));
    one.stack.clock.setWallClock(wall);
    QCOMPARE(one.journal().paymentCount(), 7);

    QVERIFY2(m_shop.server().restart(), qPrintable(m_shop.server().errorString()));
    QVERIFY(one.takePayments(2, 400));
    QTRY_VERIFY_WITH_TIMEOUT(one.inSync() && two.inSync(), 30000);
    const QString diff = verifyAll({&one, &two});
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestShopReplication::connectionCutAndRestoredByAProxy()
{
    test::TcpProxy proxy;
    QVERIFY(proxy.listen(QStringLiteral("127.0.0.1"), static_cast<quint16>(m_shop.server().port())));
    test::ShopCounter one(QStringLiteral("Counter 1"));
    one.connect(m_shop.url(proxy.port()));
    QVERIFY(one.takePayments(3, 100));
    QTRY_VERIFY_WITH_TIMEOUT(one.inSync(), 20000);

    proxy.cut();
    QVERIFY(one.takePayments(5, 200));
    QTRY_COMPARE_WITH_TIMEOUT(one.link().status(), ShopLink::Status::Offline, 30000);
    proxy.restore();
    QTRY_VERIFY_WITH_TIMEOUT(one.inSync(), 30000);
    const QString diff = verifyAll({&one});
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestShopReplication::wrongPasswordSaysSoAndKeepsEverything()
{
    test::ShopCounter one(QStringLiteral("Counter 1"));
    one.connect(m_shop.url(), QStringLiteral("not-the-password"));
    QVERIFY(one.takePayments(3, 100));
    QTRY_COMPARE_WITH_TIMEOUT(one.link().status(), ShopLink::Status::Offline, 20000);
    QVERIFY2(one.link().reason().contains(QStringLiteral("password")), qPrintable(one.link().reason()));
    QVERIFY(!one.link().reason().contains(QStringLiteral("not-the-password")));
    QCOMPARE(one.journal().paymentCount(), 3);
    QSqlQuery tables(m_shop.admin());
    QVERIFY(tables.exec(QStringLiteral("SELECT count(*) FROM information_schema.tables"
                                       " WHERE table_schema = 'public'")));
    QVERIFY(tables.next());
    QCOMPARE(tables.value(0).toInt(), 0); // nothing was written
}

void TestShopReplication::unreachableHostSaysSo()
{
    test::TcpProxy proxy; // listens, then refuses everything: a port where nothing answers
    QVERIFY(proxy.listen(QStringLiteral("127.0.0.1"), static_cast<quint16>(m_shop.server().port())));
    const int port = proxy.port();
    proxy.cut();
    test::ShopCounter one(QStringLiteral("Counter 1"));
    one.connect(m_shop.url(port));
    QVERIFY(one.takePayments(2, 100));
    QTRY_COMPARE_WITH_TIMEOUT(one.link().status(), ShopLink::Status::Offline, 20000);
    QVERIFY(!one.link().reason().isEmpty());
    QCOMPARE(one.journal().paymentCount(), 2);
}

void TestShopReplication::someoneElsesDatabaseIsLeftAlone()
{
    QVERIFY(m_shop.server().exec(
        m_shop.database(), QStringLiteral("CREATE TABLE invoices (id int); INSERT INTO invoices VALUES (7);"
                                          " GRANT ALL ON invoices TO lipa_till;")));
    test::ShopCounter one(QStringLiteral("Counter 1"));
    one.connect(m_shop.url());
    QSignalSpy said(&one.link(), &ShopLink::refused);
    QTRY_COMPARE_WITH_TIMEOUT(one.link().status(), ShopLink::Status::Refused, 20000);
    QCOMPARE(said.size(), 1);
    QVERIFY2(one.link().reason().contains(QStringLiteral("not a Lipa")), qPrintable(one.link().reason()));
    QVERIFY(one.takePayments(2, 100)); // the till goes on
    QSqlQuery tables(m_shop.admin());
    QVERIFY(tables.exec(QStringLiteral("SELECT string_agg(table_name, ',') FROM information_schema.tables"
                                       " WHERE table_schema = 'public'")));
    QVERIFY(tables.next());
    QCOMPARE(tables.value(0).toString(), QStringLiteral("invoices"));
}

void TestShopReplication::newerSchemaIsRefused()
{
    test::ShopCounter first(QStringLiteral("Counter 1"));
    first.connect(m_shop.url());
    QTRY_VERIFY_WITH_TIMEOUT(first.inSync(), 20000);
    QVERIFY(m_shop.server().exec(
        m_shop.database(), QStringLiteral("UPDATE lipa_shop_meta SET value = '99' WHERE key = 'version'")));
    test::ShopCounter second(QStringLiteral("Counter 2"));
    second.connect(m_shop.url());
    QTRY_COMPARE_WITH_TIMEOUT(second.link().status(), ShopLink::Status::Refused, 20000);
    QVERIFY2(second.link().reason().contains(QStringLiteral("newer")), qPrintable(second.link().reason()));
    QVERIFY(second.takePayments(2, 100));
    QSqlDatabase db = m_shop.admin();
    QCOMPARE(test::rowsOf(db, QStringLiteral("payments"), second.identity.id), 0);
}

void TestShopReplication::secondTillWithTheSameIdIsRefused()
{
    test::ShopCounter one(QStringLiteral("Counter 1"));
    one.connect(m_shop.url());
    QVERIFY(one.takePayments(2, 100));
    QTRY_VERIFY_WITH_TIMEOUT(one.inSync(), 20000);
    // A copy of Counter 1's data folder started as another counter: the same till/id.
    test::ShopCounter copy(QStringLiteral("Counter 1 (copy)"));
    copy.identity.id = one.identity.id;
    copy.connect(m_shop.url());
    QTRY_COMPARE_WITH_TIMEOUT(copy.link().status(), ShopLink::Status::Refused, 20000);
    QVERIFY2(copy.link().reason().contains(one.identity.id.toString(QUuid::WithoutBraces)),
             qPrintable(copy.link().reason()));
    QVERIFY(copy.takePayments(2, 500));
    QVERIFY(one.takePayments(1, 200));
    QTRY_VERIFY_WITH_TIMEOUT(one.inSync(), 20000);
    const QString diff = verifyAll({&one}); // only Counter 1's payments: nothing of the copy's
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestShopReplication::shiftsAndZReportsArrive()
{
    test::ShopCounter one(QStringLiteral("Counter 1"));
    one.connect(m_shop.url());
    const std::optional<Shift> shift =
        one.journal().shifts().open(QStringLiteral("Amina"), one.stack.clock.now());
    QVERIFY(shift);
    QVERIFY(one.takePayments(2, 100));
    QVERIFY(
        one.journal().shifts().close(shift->id, one.stack.clock.now(), QStringLiteral("Z REPORT\nPaid: 1")));
    QTRY_VERIFY_WITH_TIMEOUT(one.inSync(), 20000);
    QSqlQuery q(m_shop.admin());
    q.prepare(
        QStringLiteral("SELECT cashier, closed_at IS NOT NULL, z_report FROM shifts WHERE till_id = ?"));
    q.addBindValue(one.identity.id.toString(QUuid::WithoutBraces));
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("Amina"));
    QVERIFY(q.value(1).toBool());
    QCOMPARE(q.value(2).toString(), QStringLiteral("Z REPORT\nPaid: 1"));
}

void TestShopReplication::copiedJournalUnderANewIdentityIsNotCountedTwice()
{
    test::ShopCounter one(QStringLiteral("Counter 1"));
    one.connect(m_shop.url());
    QVERIFY(one.takePayments(4, 100));
    QTRY_VERIFY_WITH_TIMEOUT(one.inSync(), 20000);
    // Counter 1's data folder copied, then given a new till/id as the refusal says: its journal holds
    // Counter 1's payments, with their references.
    test::ShopCounter copy(QStringLiteral("Counter 1 (copy)"));
    for (Payment payment : one.journal().paymentsBetween(QDateTime::fromMSecsSinceEpoch(0, Qt::UTC),
                                                         one.stack.clock.now().addSecs(60))) {
        QVERIFY(copy.journal().addPayment(payment));
        QVERIFY(copy.journal().updatePayment(payment, QStringLiteral("copied")));
    }
    QVERIFY(copy.takePayments(2, 900)); // and its own, after the copy
    copy.connect(m_shop.url());
    QTRY_VERIFY_WITH_TIMEOUT(copy.inSync(), 20000);
    QSqlDatabase db = m_shop.admin();
    QCOMPARE(test::rowsOf(db, QStringLiteral("payments"), one.identity.id), 4);
    QCOMPARE(test::rowsOf(db, QStringLiteral("payments"), copy.identity.id), 2); // only its own
    QSqlQuery all(db);
    QVERIFY(all.exec(QStringLiteral("SELECT count(*) FROM payments")) && all.next());
    QCOMPARE(all.value(0).toInt(), 6);
    const QString diff = verifyAll({&one}); // Counter 1's rows and events untouched
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestShopReplication::partsOfASaleArriveWithTheirSale()
{
    test::ShopCounter counter(QStringLiteral("Counter 1"));
    counter.connect(m_shop.url());
    const QString first =
        counter.stack.sales().start(Money::fromShillings(200'000), test::phoneEndingIn('5'));
    QVERIFY(!first.isEmpty());
    const QString saleRef = counter.journal().find(first)->saleRef;
    QVERIFY(counter.stack.advanceUntil([&] { return !counter.stack.sales().sale(saleRef)->isOpen(); },
                                       std::chrono::minutes(5)));
    QTRY_VERIFY_WITH_TIMEOUT(counter.inSync(), 20000);
    QSqlQuery q(m_shop.admin());
    q.prepare(
        QStringLiteral("SELECT amount_cents, sale_part, sale_parts, state FROM payments WHERE sale_ref = ?"
                       " ORDER BY sale_part"));
    q.addBindValue(saleRef);
    QVERIFY(q.exec());
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), 15'000'000);
    QCOMPARE(q.value(1).toInt(), 1);
    QCOMPARE(q.value(2).toInt(), 2);
    QCOMPARE(q.value(3).toString(), QStringLiteral("Complete"));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), 5'000'000);
    QCOMPARE(q.value(1).toInt(), 2);
    QVERIFY(!q.next());
    QCOMPARE(verifyAll({&counter}), QString());
}

void TestShopReplication::databaseOfTheFirstVersionIsMigrated()
{
    QUuid firstId;
    {
        test::ShopCounter first(QStringLiteral("Counter 1"));
        firstId = first.identity.id;
        first.connect(m_shop.url());
        QVERIFY(first.takePayments(2, 100));
        QTRY_VERIFY_WITH_TIMEOUT(first.inSync(), 20000);
    }
    // The database as the first version of the schema made it: no tokens, no sales.
    QVERIFY(m_shop.server().exec(
        m_shop.database(),
        QStringLiteral(
            "ALTER TABLE tills DROP COLUMN last_token; DROP INDEX payments_by_sale;"
            " ALTER TABLE payments DROP COLUMN sale_ref, DROP COLUMN sale_part, DROP COLUMN sale_parts;"
            " UPDATE lipa_shop_meta SET value = '1' WHERE key = 'version'")));
    test::ShopCounter second(QStringLiteral("Counter 2"));
    second.connect(m_shop.url());
    QVERIFY(second.takePayments(2, 300));
    QTRY_VERIFY_WITH_TIMEOUT(second.inSync(), 20000);
    QSqlQuery q(m_shop.admin());
    QVERIFY(q.exec(QStringLiteral("SELECT value FROM lipa_shop_meta WHERE key = 'version'")) && q.next());
    QCOMPARE(q.value(0).toString(), QString::number(ShopSchema::kKnownVersion));
    // The first till's rows are kept, and its row (with no token yet) does not stop it from going on.
    QSqlDatabase db = m_shop.admin();
    QCOMPARE(test::rowsOf(db, QStringLiteral("payments"), firstId), 2);
    q.prepare(QStringLiteral("SELECT last_token IS NULL FROM tills WHERE till_id = ?"));
    q.addBindValue(firstId.toString(QUuid::WithoutBraces));
    QVERIFY(q.exec() && q.next());
    QVERIFY(q.value(0).toBool());
    q.prepare(QStringLiteral("SELECT length(last_token) FROM tills WHERE till_id = ?"));
    q.addBindValue(second.identity.id.toString(QUuid::WithoutBraces));
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toInt(), 16);
}

void TestShopReplication::copiedFolderUsedOnTwoComputersIsCaughtWhenever_data()
{
    QTest::addColumn<int>("copySales");
    QTest::newRow("the copy wrote less than the original") << 1;
    QTest::newRow("the copy wrote as much") << 2;
    QTest::newRow("the copy wrote more") << 4;
}

void TestShopReplication::copiedFolderUsedOnTwoComputersIsCaughtWhenever()
{
    QFETCH(int, copySales);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString original = dir.filePath(QStringLiteral("original.sqlite"));
    const QString copied = dir.filePath(QStringLiteral("copied.sqlite"));
    const QUuid id = QUuid::createUuid();
    const auto open = [](const QString& path) {
        Journal::OpenError error;
        std::unique_ptr<Journal> journal = Journal::open(path, &error);
        if (!journal)
            qWarning() << error.message;
        return journal;
    };
    // The original till switched on, taking sales until the shop has them, and switched off again.
    const auto dayAtTheOriginal = [&](int sales, int firstShilling) {
        std::unique_ptr<Journal> journal = open(original);
        if (!journal)
            return false;
        test::ShopCounter one(QStringLiteral("Counter 1"), std::move(journal), id);
        one.connect(m_shop.url());
        return one.takePayments(sales, firstShilling) &&
               QTest::qWaitFor([&one] { return one.inSync(); }, 20000);
    };
    QVERIFY(dayAtTheOriginal(2, 100));
    // The data folder copied to a second computer while the till was off.
    QVERIFY(QFile::copy(original, copied));
    // The original goes on: the two are never connected at the same time.
    QVERIFY(dayAtTheOriginal(2, 300));
    QSqlDatabase db = m_shop.admin();
    QCOMPARE(test::rowsOf(db, QStringLiteral("payments"), id), 4);

    {
        // The copy takes sales of its own, then connects under the same identity: refused, nothing sent.
        std::unique_ptr<Journal> journal = open(copied);
        QVERIFY(journal);
        test::ShopCounter copy(QStringLiteral("Counter 1"), std::move(journal), id);
        QVERIFY(copy.takePayments(copySales, 500));
        copy.connect(m_shop.url());
        QTRY_COMPARE_WITH_TIMEOUT(copy.link().status(), ShopLink::Status::Refused, 20000);
        QVERIFY2(copy.link().reason().contains(id.toString(QUuid::WithoutBraces)),
                 qPrintable(copy.link().reason()));
        QVERIFY2(copy.link().reason().contains(QStringLiteral("copied")), qPrintable(copy.link().reason()));
        QCOMPARE(test::rowsOf(db, QStringLiteral("payments"), id), 4);
    }

    // The original, switched on again, is still itself: it goes on, and the shop has its journal exactly.
    std::unique_ptr<Journal> journal = open(original);
    QVERIFY(journal);
    test::ShopCounter again(QStringLiteral("Counter 1"), std::move(journal), id);
    again.connect(m_shop.url());
    QVERIFY(again.takePayments(1, 700));
    QTRY_VERIFY_WITH_TIMEOUT(again.inSync(), 20000);
    QCOMPARE(test::rowsOf(db, QStringLiteral("payments"), id), 5);
    const QString diff = test::differencesFromJournal(db, id, again.journal());
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestShopReplication::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
    const QMutexLocker locker(&loggedLock);
    QVERIFY(logged.size() > 10); // the log was kept (lipa.shop's info lines are on in this test)
    for (const QString& message : std::as_const(logged)) {
        QVERIFY2(!message.contains(QLatin1String(test::ShopServer::kPassword)), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("not-the-password")), qPrintable(message));
    }
}

QTEST_GUILESS_MAIN(TestShopReplication)
#include "tst_shopreplication.moc"
