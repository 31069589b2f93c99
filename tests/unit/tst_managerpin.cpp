// SPDX-License-Identifier: GPL-3.0-or-later
#include "ManagerPin.h"
#include "ManualClock.h"

#include <QTemporaryDir>
#include <QTest>

using namespace lipa;
using namespace std::chrono_literals;

// The lock-out tests check many PINs: a cheap work factor keeps them about the lock-out, not PBKDF2 (the
// real one, 100,000 iterations, is checked in hashIsSaltedPbkdf2AndMatchesOnlyItsPin).
constexpr int kCheapWork = 1000;

class TestManagerPin : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void acceptsFourToEightDigits_data();
    void acceptsFourToEightDigits();
    void hashIsSaltedPbkdf2AndMatchesOnlyItsPin();
    void garbageStoredValueMatchesNothing_data();
    void garbageStoredValueMatchesNothing();
    void noPinSetLetsEveryoneIn();
    void wrongPinsMakeTheWaitGrow();
    void rightPinResetsTheCount();
    void wrongTriesAndTheWaitOutliveARestart();
    void clockSetBackCannotStretchTheWait();
};

void TestManagerPin::acceptsFourToEightDigits_data()
{
    QTest::addColumn<QString>("pin");
    QTest::addColumn<bool>("acceptable");
    QTest::newRow("four") << "1234" << true;
    QTest::newRow("eight") << "12345678" << true;
    QTest::newRow("three") << "123" << false;
    QTest::newRow("nine") << "123456789" << false;
    QTest::newRow("letters") << "12a4" << false;
    QTest::newRow("arabic-indic") << QString::fromUtf8("\u0661\u0662\u0663\u0664") << false;
    QTest::newRow("empty") << "" << false;
}

void TestManagerPin::acceptsFourToEightDigits()
{
    QFETCH(QString, pin);
    QFETCH(bool, acceptable);
    QCOMPARE(ManagerPin::isAcceptable(pin), acceptable);
}

void TestManagerPin::hashIsSaltedPbkdf2AndMatchesOnlyItsPin()
{
    const QString first = ManagerPin::hash(QStringLiteral("4321"));
    const QString second = ManagerPin::hash(QStringLiteral("4321"));
    QVERIFY(first.startsWith(QStringLiteral("pbkdf2-sha256$100000$")));
    QVERIFY(!first.contains(QStringLiteral("4321")));
    QVERIFY2(first != second, "each hash has its own salt");
    QVERIFY(ManagerPin::matches(QStringLiteral("4321"), first));
    QVERIFY(ManagerPin::matches(QStringLiteral("4321"), second));
    QVERIFY(!ManagerPin::matches(QStringLiteral("4322"), first));
    QVERIFY(!ManagerPin::matches(QStringLiteral("43210"), first));
    QVERIFY(!ManagerPin::matches(QString(), first));
}

void TestManagerPin::garbageStoredValueMatchesNothing_data()
{
    QTest::addColumn<QString>("stored");
    QTest::newRow("plain pin") << "4321";
    QTest::newRow("wrong scheme") << "md5$1$abc$def";
    QTest::newRow("bad iterations") << "pbkdf2-sha256$x$c2FsdA==$aGFzaA==";
    QTest::newRow("huge iterations") << "pbkdf2-sha256$999999999$c2FsdA==$aGFzaA==";
    QTest::newRow("short hash") << "pbkdf2-sha256$1000$c2FsdA==$aGFzaA==";
    QTest::newRow("empty salt") << "pbkdf2-sha256$1000$$aGFzaA==";
}

void TestManagerPin::garbageStoredValueMatchesNothing()
{
    QFETCH(QString, stored);
    QVERIFY(!ManagerPin::matches(QStringLiteral("4321"), stored));
}

void TestManagerPin::noPinSetLetsEveryoneIn()
{
    test::ManualClock clock;
    ManagerPin pin(clock, QString());
    QVERIFY(!pin.isSet());
    QCOMPARE(pin.check(QStringLiteral("anything")).verdict, ManagerPin::Verdict::Accepted);
}

void TestManagerPin::wrongPinsMakeTheWaitGrow()
{
    test::ManualClock clock;
    ManagerPin pin(clock, ManagerPin::hash(QStringLiteral("4321"), kCheapWork));
    // Two slips are free.
    QCOMPARE(pin.check(QStringLiteral("1111")).wait, 0s);
    QCOMPARE(pin.check(QStringLiteral("2222")).wait, 0s);
    // Then 5 s, and while waiting even the right PIN is not looked at.
    const ManagerPin::Attempt third = pin.check(QStringLiteral("3333"));
    QCOMPARE(third.verdict, ManagerPin::Verdict::Wrong);
    QCOMPARE(third.wait, 5s);
    QCOMPARE(pin.check(QStringLiteral("4321")).verdict, ManagerPin::Verdict::LockedOut);
    clock.advance(3s);
    QCOMPARE(pin.lockedFor(), 2s);
    clock.advance(2s);
    // 10 s, 20 s, 40 s… never more than five minutes.
    QCOMPARE(pin.check(QStringLiteral("5555")).wait, 10s);
    clock.advance(10s);
    QCOMPARE(pin.check(QStringLiteral("6666")).wait, 20s);
    for (int i = 0; i < 10; ++i) {
        clock.advance(pin.lockedFor());
        pin.check(QStringLiteral("0000"));
    }
    QCOMPARE(pin.lockedFor(), 300s);
}

void TestManagerPin::rightPinResetsTheCount()
{
    test::ManualClock clock;
    ManagerPin pin(clock, ManagerPin::hash(QStringLiteral("4321"), kCheapWork));
    pin.check(QStringLiteral("1111"));
    pin.check(QStringLiteral("2222"));
    QCOMPARE(pin.check(QStringLiteral("4321")).verdict, ManagerPin::Verdict::Accepted);
    QCOMPARE(pin.failuresInARow(), 0);
    QCOMPARE(pin.check(QStringLiteral("1111")).wait, 0s); // two free slips again
}

void TestManagerPin::wrongTriesAndTheWaitOutliveARestart()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("lipa-till.ini"));
    const QString stored = ManagerPin::hash(QStringLiteral("4321"), kCheapWork);
    test::ManualClock clock;
    {
        ManagerPin pin(clock, stored, ini);
        pin.check(QStringLiteral("1111"));
        pin.check(QStringLiteral("2222"));
        QCOMPARE(pin.check(QStringLiteral("3333")).wait, 5s);
    }
    // The till starts again (a new process: its monotonic clock starts afresh), 2 s later.
    clock.advance(2s);
    test::ManualClock restarted(clock.now());
    {
        ManagerPin pin(restarted, stored, ini);
        QCOMPARE(pin.failuresInARow(), 3);
        QCOMPARE(pin.lockedFor(), 3s);
        QCOMPARE(pin.check(QStringLiteral("4321")).verdict, ManagerPin::Verdict::LockedOut);
        restarted.advance(3s);
        // The count goes on where it was: the fourth wrong PIN waits 10 s, not nothing.
        QCOMPARE(pin.check(QStringLiteral("5555")).wait, 10s);
    }
    {
        ManagerPin pin(restarted, stored, ini);
        QCOMPARE(pin.lockedFor(), 10s);
        restarted.advance(10s);
        QCOMPARE(pin.check(QStringLiteral("4321")).verdict, ManagerPin::Verdict::Accepted);
    }
    // The right PIN ends it for the next start too.
    ManagerPin pin(restarted, stored, ini);
    QCOMPARE(pin.failuresInARow(), 0);
    QCOMPARE(pin.lockedFor(), 0s);
    QCOMPARE(pin.check(QStringLiteral("1111")).wait, 0s);
}

void TestManagerPin::clockSetBackCannotStretchTheWait()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("lipa-till.ini"));
    const QString stored = ManagerPin::hash(QStringLiteral("4321"), kCheapWork);
    test::ManualClock clock;
    {
        ManagerPin pin(clock, stored, ini);
        for (const char* wrong : {"1111", "2222", "3333"})
            pin.check(QString::fromLatin1(wrong));
    }
    // Restarted with the wall clock a day behind: the wait is at most the longest one, not a day.
    test::ManualClock behind(clock.now().addDays(-1));
    ManagerPin pin(behind, stored, ini);
    QCOMPARE(pin.lockedFor(), 300s);
}

QTEST_GUILESS_MAIN(TestManagerPin)
#include "tst_managerpin.moc"
