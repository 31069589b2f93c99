// SPDX-License-Identifier: GPL-3.0-or-later
#include "ManualClock.h"
#include "StatusPoller.h"

#include <QSignalSpy>
#include <QTest>

using namespace lipa;
using namespace std::chrono_literals;
using test::ManualClock;

namespace {

// A poller on a manual clock, with spies on the checks it asks for and the payments it gives up on.
struct PollerRig {
    explicit PollerRig(PollSchedule schedule = {})
        : poller(clock, schedule)
    {
    }
    ManualClock clock;
    StatusPoller poller;
    QSignalSpy due{&poller, &StatusPoller::checkDue};
    QSignalSpy expired{&poller, &StatusPoller::expired};
};

} // namespace

// The poller's timing, on a manual clock: first check, backoff, one in flight, expiry, idleness.
class TestStatusPoller : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void firstCheckAfterThreeSeconds();
    void backsOffToTenSeconds();
    void neverTwoChecksInFlight();
    void expiresAfterTheWindow();
    void expiryWaitsForTheCheckInFlight();
    void noAlarmWhenNothingIsWatched();
    void honoursRetryAfter();
    void checkSoonShortensTheWait();
    void pollsManyPaymentsWithOneAlarm();
    void wallClockJumpsNeitherExpireNorStall();
    void watchingTwiceKeepsOneCheckInFlight();
    void resumedPaymentKeepsItsAge();
};

void TestStatusPoller::wallClockJumpsNeitherExpireNorStall()
{
    PollerRig rig;
    auto& [clock, poller, due, expired] = rig;
    poller.watch(QStringLiteral("a"), clock.now());
    clock.setWallClock(clock.now().addDays(1)); // NTP corrects a till that booted with a stale clock
    clock.advance(3s);
    QCOMPARE(due.count(), 1);
    QCOMPARE(expired.count(), 0);
    poller.checkFinished(QStringLiteral("a"));
    clock.setWallClock(clock.now().addDays(-2)); // and back
    clock.advance(4500ms);
    QCOMPARE(due.count(), 2);
    QCOMPARE(expired.count(), 0);
}

void TestStatusPoller::watchingTwiceKeepsOneCheckInFlight()
{
    PollerRig rig;
    auto& [clock, poller, due, expired] = rig;
    poller.watch(QStringLiteral("a"), clock.now());
    clock.advance(3s);
    poller.watch(QStringLiteral("a"), clock.now());
    QVERIFY(poller.isInFlight(QStringLiteral("a")));
    clock.advance(10s);
    QCOMPARE(due.count(), 1);
}

void TestStatusPoller::resumedPaymentKeepsItsAge()
{
    PollerRig rig;
    auto& [clock, poller, due, expired] = rig;
    connect(&poller, &StatusPoller::checkDue, &poller,
            [&](const QString& ref) { poller.checkFinished(ref); });
    poller.watch(QStringLiteral("a"), clock.now().addSecs(-170)); // created by the run before a restart
    clock.advance(9s);
    QCOMPARE(expired.count(), 0);
    clock.advance(1s);
    QCOMPARE(expired.count(), 1);
}

void TestStatusPoller::firstCheckAfterThreeSeconds()
{
    PollerRig rig;
    auto& [clock, poller, due, expired] = rig;
    poller.watch(QStringLiteral("a"), clock.now());
    clock.advance(2999ms);
    QCOMPARE(due.count(), 0);
    clock.advance(1ms);
    QCOMPARE(due.count(), 1);
    QCOMPARE(due.at(0).at(0).toString(), QStringLiteral("a"));
}

void TestStatusPoller::backsOffToTenSeconds()
{
    PollerRig rig;
    auto& [clock, poller, due, expired] = rig;
    QList<qint64> checkTimes;
    const QDateTime start = clock.now();
    connect(&poller, &StatusPoller::checkDue, &poller, [&](const QString& ref) {
        checkTimes.append(start.msecsTo(clock.now()));
        poller.checkFinished(ref);
    });
    poller.watch(QStringLiteral("a"), start);
    clock.advance(60s);
    // 3 s, then +4.5, +6.75, then every 10 s.
    const QList<qint64> expected = {3000, 7500, 14250, 24250, 34250, 44250, 54250};
    QCOMPARE(checkTimes, expected);
}

void TestStatusPoller::neverTwoChecksInFlight()
{
    PollerRig rig;
    auto& [clock, poller, due, expired] = rig;
    poller.watch(QStringLiteral("a"), clock.now());
    clock.advance(3s);
    QCOMPARE(due.count(), 1);
    QVERIFY(poller.isInFlight(QStringLiteral("a")));
    clock.advance(30s); // the answer is slow: no second request meanwhile
    QCOMPARE(due.count(), 1);
    QVERIFY(!poller.isAlarmSet());
    poller.checkFinished(QStringLiteral("a"));
    clock.advance(4500ms);
    QCOMPARE(due.count(), 2);
}

void TestStatusPoller::expiresAfterTheWindow()
{
    PollerRig rig;
    auto& [clock, poller, due, expired] = rig;
    connect(&poller, &StatusPoller::checkDue, &poller,
            [&](const QString& ref) { poller.checkFinished(ref); });
    poller.watch(QStringLiteral("a"), clock.now());
    clock.advance(179s);
    QCOMPARE(expired.count(), 0);
    clock.advance(1s);
    QCOMPARE(expired.count(), 1);
    QVERIFY(!poller.isWatching(QStringLiteral("a")));
    QVERIFY(!poller.isAlarmSet());
}

void TestStatusPoller::expiryWaitsForTheCheckInFlight()
{
    PollSchedule schedule;
    schedule.expiry = 10s;
    PollerRig rig(schedule);
    auto& [clock, poller, due, expired] = rig;
    poller.watch(QStringLiteral("a"), clock.now());
    clock.advance(3s);
    QCOMPARE(due.count(), 1);
    clock.advance(20s); // in flight across the expiry: its answer may still say paid
    QCOMPARE(expired.count(), 0);
    poller.checkFinished(QStringLiteral("a"));
    clock.advance(1ms);
    QCOMPARE(expired.count(), 1);
}

void TestStatusPoller::noAlarmWhenNothingIsWatched()
{
    PollerRig rig;
    auto& [clock, poller, due, expired] = rig;
    QVERIFY(!poller.isAlarmSet());
    QCOMPARE(clock.activeAlarmCount(), 0);
    poller.watch(QStringLiteral("a"), clock.now());
    QVERIFY(poller.isAlarmSet());
    poller.unwatch(QStringLiteral("a"));
    QVERIFY(!poller.isAlarmSet());
    QCOMPARE(clock.activeAlarmCount(), 0);
}

void TestStatusPoller::honoursRetryAfter()
{
    PollerRig rig;
    auto& [clock, poller, due, expired] = rig;
    poller.watch(QStringLiteral("a"), clock.now());
    clock.advance(3s);
    poller.checkFinished(QStringLiteral("a"), 30s);
    clock.advance(29s);
    QCOMPARE(due.count(), 1);
    clock.advance(1s);
    QCOMPARE(due.count(), 2);
}

void TestStatusPoller::checkSoonShortensTheWait()
{
    PollerRig rig;
    auto& [clock, poller, due, expired] = rig;
    poller.watch(QStringLiteral("a"), clock.now());
    poller.checkSoon(QStringLiteral("a"));
    clock.advance(0ms);
    QCOMPARE(due.count(), 1);
    poller.checkSoon(QStringLiteral("a")); // already in flight: nothing more
    clock.advance(0ms);
    QCOMPARE(due.count(), 1);
}

void TestStatusPoller::pollsManyPaymentsWithOneAlarm()
{
    PollerRig rig;
    auto& [clock, poller, due, expired] = rig;
    for (int i = 0; i < 100; ++i) {
        poller.watch(QString::number(i), clock.now());
        clock.advance(10ms);
    }
    QCOMPARE(clock.activeAlarmCount(), 1);
    clock.advance(3s);
    QCOMPARE(due.count(), 100);
}

QTEST_GUILESS_MAIN(TestStatusPoller)
#include "tst_statuspoller.moc"
