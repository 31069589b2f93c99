// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestStack.h"

#include <QSignalSpy>
#include <QTest>

using namespace lipa;
using namespace std::chrono_literals;
using sim::Fault;
using sim::FaultMode;
using sim::FaultScope;

// A payment whose push answer was lost, found again by its reference in IntaSend's invoice list (the
// secret key), on the manual clock against the simulator: found → it goes on as any payment; never
// there → Not sent after the window; a list that ignores its filter; a look cut short.
class TestReference : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lostAnswerIsFoundByReference();
    void requestThatNeverArrivedIsNotSentAfterTheWindow();
    void onlyTheRightReferenceIsTaken();
    void slowDownMidLookLeavesItUnknownAndTriesAgain();
    void withoutSecretKeyNothingIsLookedUp();

private:
    static std::unique_ptr<test::TestStack> stackWithSecret()
    {
        return std::make_unique<test::TestStack>(Settings{}, QStringLiteral("ISSecretKey_test_find-by-ref"));
    }
    static Payment paymentOf(test::TestStack& t, const QString& ref) { return *t.journal().find(ref); }
    static QString history(test::TestStack& t, const QString& ref)
    {
        QString text;
        for (const PaymentEvent& event : t.journal().events(ref))
            text += event.detail + u'\n';
        return text;
    }
};

void TestReference::lostAnswerIsFoundByReference()
{
    const auto t = stackWithSecret();
    t->simulator.setFault({FaultMode::DropAfterRequest, 0, FaultScope::Pushes});
    const QString ref = t->till().charge(Money::fromShillings(1500), test::phoneEndingIn('5'));
    QVERIFY(t->waitForNetwork());
    QCOMPARE(paymentOf(*t, ref).state, PaymentState::Unknown);
    QVERIFY(paymentOf(*t, ref).invoiceId.isEmpty());
    QVERIFY(!paymentOf(*t, ref).failureMessage.contains(QStringLiteral("needs the secret key")));
    t->simulator.setFault({});
    const int before = t->simulator.recordRequestCount();
    t->clock.advance(14s);
    QVERIFY(t->waitForNetwork());
    QCOMPARE(t->simulator.recordRequestCount(), before); // not yet: the invoice needs a moment to exist
    QVERIFY(t->advanceUntil([&] { return paymentOf(*t, ref).state == PaymentState::Complete; }, 60s));
    const Payment paid = paymentOf(*t, ref);
    QCOMPARE(paid.invoiceId, t->simulator.pushes().first().invoiceId);
    QCOMPARE(paid.mpesaReceipt, t->simulator.receiptFor(paid.invoiceId));
    QVERIFY2(history(*t, ref).contains(QStringLiteral("found at IntaSend by reference")),
             qPrintable(history(*t, ref)));
    QCOMPARE(t->pushesOnceIdle(), 1); // found, never pushed again
    QCOMPARE(t->stack->finder.watchedCount(), 0);
}

void TestReference::requestThatNeverArrivedIsNotSentAfterTheWindow()
{
    const auto t = stackWithSecret();
    // A proxy's 503: the request went no further, but the till cannot know that.
    t->simulator.setFault({FaultMode::UnavailableHtml, 0, FaultScope::Pushes});
    const QString ref = t->till().charge(Money::fromShillings(700), test::phoneEndingIn('5'));
    QVERIFY(t->waitForNetwork());
    QCOMPARE(paymentOf(*t, ref).state, PaymentState::Unknown);
    t->simulator.setFault({});
    // Not found while the customer might still answer: still Unknown.
    QVERIFY(t->advanceUntil([&] { return t->simulator.recordRequestCount() >= 2; }, 120s));
    QCOMPARE(paymentOf(*t, ref).state, PaymentState::Unknown);
    // After the window and one more complete look: nothing was charged, and the sale may be charged again.
    QVERIFY(t->advanceUntil([&] { return paymentOf(*t, ref).state == PaymentState::Rejected; }, 200s));
    QCOMPARE(paymentOf(*t, ref).failureMessage,
             QStringLiteral("IntaSend has no record of this request — nothing was charged"));
    QVERIFY(!t->till().openPaymentFor(test::phoneEndingIn('5'), Money::fromShillings(700)));
    QCOMPARE(t->pushesOnceIdle(), 0);
    QCOMPARE(t->stack->finder.watchedCount(), 0);
    const int looks = t->simulator.recordRequestCount();
    t->clock.advance(10min);
    QVERIFY(t->waitForNetwork());
    QCOMPARE(t->simulator.recordRequestCount(), looks); // and then it rests
}

void TestReference::onlyTheRightReferenceIsTaken()
{
    const auto t = stackWithSecret();
    t->simulator.setFault({FaultMode::DropAfterRequest, 0, FaultScope::Pushes});
    const QString ref = t->till().charge(Money::fromShillings(250), test::phoneEndingIn('0')); // cancels
    QVERIFY(t->waitForNetwork());
    t->simulator.setFault({});
    // Another till sells the same thing to the same phone, and pays; then 1,000 other sales.
    auto other = test::TestStack::stackFor(t->clock, t->simulator.baseUrl().toString(),
                                           QStringLiteral("ISPubKey_test_other"), 10s);
    other->till.charge(Money::fromShillings(250), test::phoneEndingIn('0'));
    for (int i = 0; i < 1000; ++i)
        other->till.charge(Money::fromShillings(1000 + i), test::phoneEndingIn('5'));
    QVERIFY(QTest::qWaitFor([&] { return other->till.requestsInFlight() == 0; }, 30000));
    // A list that ignores its filter: every invoice, newest first, ours at the very end.
    t->simulator.setFault({FaultMode::IgnoreFilters, 0, FaultScope::Records});
    QVERIFY(t->advanceUntil([&] { return paymentOf(*t, ref).state == PaymentState::Failed; }, 60s));
    const Payment mine = paymentOf(*t, ref);
    QCOMPARE(mine.invoiceId, t->simulator.pushes().first().invoiceId);
    QCOMPARE(mine.failedCode, QStringLiteral("1032"));
}

void TestReference::slowDownMidLookLeavesItUnknownAndTriesAgain()
{
    const auto t = stackWithSecret();
    t->simulator.setFault({FaultMode::DropAfterRequest, 0, FaultScope::Pushes});
    const QString ref = t->till().charge(Money::fromShillings(300), test::phoneEndingIn('5'));
    QVERIFY(t->waitForNetwork());
    t->simulator.setFault({FaultMode::RateLimited, 20, FaultScope::Records});
    QVERIFY(t->advanceUntil(
        [&] { return paymentOf(*t, ref).failureMessage.contains(QStringLiteral("could not be searched")); },
        30s));
    QCOMPARE(t->simulator.faultyAnswerCount(), 2); // the dropped push, and one look turned away
    const Payment cutShort = paymentOf(*t, ref);
    QCOMPARE(cutShort.state, PaymentState::Unknown);
    QVERIFY2(cutShort.failureMessage.contains(QStringLiteral("could not be searched")),
             qPrintable(cutShort.failureMessage));
    t->simulator.setFault({});
    QVERIFY(t->advanceUntil([&] { return paymentOf(*t, ref).state == PaymentState::Complete; }, 120s));
    QCOMPARE(t->pushesOnceIdle(), 1);
}

void TestReference::withoutSecretKeyNothingIsLookedUp()
{
    test::TestStack t;
    t.simulator.setFault({FaultMode::DropAfterRequest, 0, FaultScope::Pushes});
    const QString ref = t.till().charge(Money::fromShillings(300), test::phoneEndingIn('5'));
    QVERIFY(t.waitForNetwork());
    t.simulator.setFault({});
    // The card and the details say what would find it.
    QVERIFY2(paymentOf(t, ref).failureMessage.contains(QStringLiteral("needs the secret key")),
             qPrintable(paymentOf(t, ref).failureMessage));
    QSignalSpy notices(&t.till(), &Till::notice);
    t.till().check(ref); // F5
    QCOMPARE(notices.size(), 1);
    QVERIFY(notices.first().first().toString().contains(QStringLiteral("never confirmed")));
    t.clock.advance(5min);
    QVERIFY(t.waitForNetwork());
    QCOMPARE(t.simulator.recordRequestCount(), 0);
    QCOMPARE(paymentOf(t, ref).state, PaymentState::Unknown);
}

QTEST_GUILESS_MAIN(TestReference)
#include "tst_reference.moc"
