// SPDX-License-Identifier: GPL-3.0-or-later
#include "JournalTesting.h"
#include "TestStack.h"

#include <QSignalSpy>
#include <QTest>

using namespace lipa;
using namespace std::chrono_literals;
using sim::Fault;
using sim::FaultMode;
using sim::FaultScope;

// Refund requests (IntaSend's chargebacks), on the manual clock against the simulator: the life of one,
// the checks before anything is sent, a lost answer that is never sent again without the cashier, a
// crash between recording and sending, and IntaSend saying no.
class TestRefunds : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void requestIsFollowedUntilCompleted();
    void refundAboveWhatWasPaidIsRefused();
    void paymentThatIsNotPaidCannotBeRefunded();
    void lostAnswerIsNeverSentAgainWithoutTheCashier();
    void crashBetweenRecordingAndSendingLeavesItForTheCashier();
    void refusalByIntaSendFreesTheAmount();
    void shiftReportCountsRefunds();

private:
    static std::unique_ptr<test::TestStack> stackWithSecret()
    {
        return std::make_unique<test::TestStack>(Settings{}, QStringLiteral("ISSecretKey_test_refunds"));
    }
    static QString paidPayment(test::TestStack& t, qint64 shillings)
    {
        const QString ref = t.till().charge(Money::fromShillings(shillings), test::phoneEndingIn('5'));
        if (!t.advanceUntil([&] { return t.journal().find(ref)->state == PaymentState::Complete; }, 30s))
            return {};
        return ref;
    }
    static Refund refundOf(test::TestStack& t, qint64 id) { return *t.journal().refunds().find(id); }
};

void TestRefunds::requestIsFollowedUntilCompleted()
{
    const auto t = stackWithSecret();
    RefundDesk& desk = t->stack->refunds;
    const QString ref = paidPayment(*t, 1000);
    QVERIFY(!ref.isEmpty());
    QCOMPARE(desk.refundable(*t->journal().find(ref)), Money::fromShillings(1000));
    QSignalSpy changes(&desk, &RefundDesk::refundChanged);
    const Result<Refund> asked = desk.request(ref, Money::fromShillings(400), RefundDesk::reasons().at(2),
                                              QStringLiteral("Shoes returned"), QStringLiteral("Wanjiru"));
    QVERIFY2(asked, qPrintable(asked.error()));
    QCOMPARE(asked->state, RefundState::Sending); // recorded before it left
    QCOMPARE(refundOf(*t, asked->id).state, RefundState::Sending);
    QVERIFY(t->waitForNetwork());
    Refund pending = refundOf(*t, asked->id);
    QCOMPARE(pending.state, RefundState::Pending);
    QVERIFY(!pending.chargebackId.isEmpty());
    QCOMPARE(pending.rawStatus, QStringLiteral("PENDING"));
    QCOMPARE(t->simulator.refundRequestCount(), 1);
    // What is left to refund counts the open request.
    QCOMPARE(desk.refundable(*t->journal().find(ref)), Money::fromShillings(600));
    QCOMPARE(desk.followedCount(), 1);

    // Followed on the slow schedule: IntaSend's staff decide after a minute; the till asks every 10 min.
    t->clock.advance(5min);
    QVERIFY(t->waitForNetwork());
    QCOMPARE(refundOf(*t, asked->id).state, RefundState::Pending); // not asked yet
    QSignalSpy notices(&desk, &RefundDesk::notice);
    t->clock.advance(5min);
    QVERIFY(t->waitForNetwork());
    const Refund done = refundOf(*t, asked->id);
    QCOMPARE(done.state, RefundState::Completed);
    QVERIFY(!done.resolution.isEmpty());
    QCOMPARE(notices.size(), 1);
    QVERIFY(notices.first().first().toString().contains(refundStateName(RefundState::Completed)));
    QCOMPARE(desk.followedCount(), 0);
    QCOMPARE(desk.refundable(*t->journal().find(ref)), Money::fromShillings(600));

    // Nothing open: the till rests.
    const int asks = t->simulator.refundRequestCount();
    t->clock.advance(1h);
    QVERIFY(t->waitForNetwork());
    QCOMPARE(t->simulator.refundRequestCount(), asks);

    // The rest can be asked back; then nothing more.
    QVERIFY(desk.request(ref, Money::fromShillings(600), RefundDesk::reasons().at(1), {}));
    QVERIFY(t->waitForNetwork());
    QCOMPARE(desk.refundable(*t->journal().find(ref)), Money());
    QVERIFY(!desk.whyNot(*t->journal().find(ref)).isEmpty());
    QCOMPARE(t->journal().refunds().ofPayment(ref).size(), 2);
}

void TestRefunds::refundAboveWhatWasPaidIsRefused()
{
    const auto t = stackWithSecret();
    const QString ref = paidPayment(*t, 500);
    const Result<Refund> tooMuch =
        t->stack->refunds.request(ref, Money::fromCents(50001), RefundDesk::reasons().first(), {});
    QVERIFY(!tooMuch);
    QVERIFY2(tooMuch.error().contains(Money::fromShillings(500).toDisplayString()),
             qPrintable(tooMuch.error()));
    QVERIFY(!t->stack->refunds.request(ref, Money(), RefundDesk::reasons().first(), {}));
    // "Other" needs words.
    QVERIFY(!t->stack->refunds.request(ref, Money::fromShillings(5), RefundDesk::reasons().last(), {}));
    QVERIFY(t->waitForNetwork());
    QVERIFY(t->journal().refunds().ofPayment(ref).isEmpty());
    QCOMPARE(t->simulator.refundRequestCount(), 0);
}

void TestRefunds::paymentThatIsNotPaidCannotBeRefunded()
{
    const auto t = stackWithSecret();
    const QString failed = t->till().charge(Money::fromShillings(300), test::phoneEndingIn('0'));
    QVERIFY(t->advanceUntil([&] { return t->journal().find(failed)->state == PaymentState::Failed; }, 30s));
    const QString waiting = t->till().charge(Money::fromShillings(301), test::phoneEndingIn('5'));
    QVERIFY(t->waitForNetwork());
    for (const QString& ref : {failed, waiting}) {
        const Payment payment = *t->journal().find(ref);
        QCOMPARE(t->stack->refunds.refundable(payment), Money());
        QVERIFY(!t->stack->refunds.whyNot(payment).isEmpty());
        QVERIFY(!t->stack->refunds.request(ref, Money::fromShillings(1), RefundDesk::reasons().first(), {}));
    }
    // Settled in cash: there is no M-Pesa money to give back.
    QString refusal = QStringLiteral("not answered");
    t->cash().settle(waiting, this, [&](const Payment&, const QString& why) { refusal = why; });
    QTRY_VERIFY(refusal != QStringLiteral("not answered"));
    QVERIFY2(refusal.isEmpty(), qPrintable(refusal));
    QCOMPARE(t->journal().find(waiting)->state, PaymentState::Cash);
    QVERIFY(!t->stack->refunds.request(waiting, Money::fromShillings(1), RefundDesk::reasons().first(), {}));
    // And without the secret key, not at all.
    test::TestStack noKey;
    const QString paid = paidPayment(noKey, 200);
    QVERIFY(noKey.stack->refunds.whyNot(*noKey.journal().find(paid)).contains(QStringLiteral("secret key")));
    QVERIFY(t->waitForNetwork());
    QCOMPARE(t->simulator.refundRequestCount(), 0);
    QVERIFY(t->journal().refunds().open().isEmpty());
}

void TestRefunds::lostAnswerIsNeverSentAgainWithoutTheCashier()
{
    const auto t = stackWithSecret();
    RefundDesk& desk = t->stack->refunds;
    const QString ref = paidPayment(*t, 900);
    t->simulator.setFault({FaultMode::DropAfterRequest, 0, FaultScope::Refunds});
    const Result<Refund> asked =
        desk.request(ref, Money::fromShillings(900), RefundDesk::reasons().first(), {});
    QVERIFY(asked);
    QVERIFY(t->waitForNetwork());
    t->simulator.setFault({});
    const Refund unconfirmed = refundOf(*t, asked->id);
    QCOMPARE(unconfirmed.state, RefundState::Unconfirmed);
    QVERIFY(unconfirmed.message.contains(QStringLiteral("dashboard")));
    QCOMPARE(t->simulator.refundRequestCount(), 1); // it did arrive
    // Time passes, the till restarts its follow-up: never a second request on its own.
    desk.followNow();
    desk.resume();
    t->clock.advance(2h);
    QVERIFY(t->waitForNetwork());
    QCOMPARE(t->simulator.refundRequestCount(), 1);
    QCOMPARE(refundOf(*t, asked->id).state, RefundState::Unconfirmed);
    // Still holds its amount: a second request for the same money would ask twice.
    QCOMPARE(desk.refundable(*t->journal().find(ref)), Money());
    // The cashier saw it on IntaSend's dashboard: withdrawn here, the amount free again.
    QVERIFY(desk.withdraw(asked->id));
    QCOMPARE(refundOf(*t, asked->id).state, RefundState::Refused);
    QVERIFY(!desk.withdraw(asked->id));
    QVERIFY(!desk.sendAgain(asked->id));
    QCOMPARE(desk.refundable(*t->journal().find(ref)), Money::fromShillings(900));
}

void TestRefunds::crashBetweenRecordingAndSendingLeavesItForTheCashier()
{
    const auto t = stackWithSecret();
    const QString ref = paidPayment(*t, 700);
    // What a crash right after recording leaves: the request in the journal, still Sending, nothing sent.
    Refund left;
    left.paymentRef = ref;
    left.invoiceId = t->journal().find(ref)->invoiceId;
    left.amount = Money::fromShillings(700);
    left.reason = RefundDesk::reasons().first();
    left.createdAt = t->clock.now();
    left.updatedAt = left.createdAt;
    QVERIFY(t->journal().refunds().add(left));
    // The next start.
    RefundDesk& desk = t->stack->refunds;
    desk.resume();
    QVERIFY(t->waitForNetwork());
    QCOMPARE(refundOf(*t, left.id).state, RefundState::Unconfirmed);
    QVERIFY(refundOf(*t, left.id).message.contains(QStringLiteral("stopped")));
    QCOMPARE(t->simulator.refundRequestCount(), 0);
    t->clock.advance(1h);
    QVERIFY(t->waitForNetwork());
    QCOMPARE(t->simulator.refundRequestCount(), 0);
    // The cashier checked IntaSend's dashboard and sends it: once.
    QVERIFY(desk.sendAgain(left.id));
    QVERIFY(!desk.sendAgain(left.id)); // on its way: not twice
    QVERIFY(t->waitForNetwork());
    QCOMPARE(t->simulator.refundRequestCount(), 1);
    QCOMPARE(refundOf(*t, left.id).state, RefundState::Pending);
}

void TestRefunds::refusalByIntaSendFreesTheAmount()
{
    const auto t = stackWithSecret();
    // A paid payment whose invoice IntaSend does not know (another account's, say).
    Payment ghost;
    ghost.localRef = QStringLiteral("ghost-refund");
    ghost.amount = Money::fromShillings(450);
    ghost.phone = test::phoneEndingIn('7');
    ghost.state = PaymentState::Complete;
    ghost.createdAt = t->clock.now();
    ghost.updatedAt = ghost.createdAt;
    ghost.invoiceId = QStringLiteral("NOPE42");
    QVERIFY(test::addHistory(t->journal(), {ghost}));
    const Result<Refund> asked = t->stack->refunds.request(ghost.localRef, Money::fromShillings(450),
                                                           RefundDesk::reasons().first(), {});
    QVERIFY(asked);
    QVERIFY(t->waitForNetwork());
    const Refund refused = refundOf(*t, asked->id);
    QCOMPARE(refused.state, RefundState::Refused);
    QVERIFY2(refused.message.contains(QStringLiteral("Not requested")), qPrintable(refused.message));
    QCOMPARE(t->stack->refunds.refundable(ghost), Money::fromShillings(450));
    QVERIFY(!refused.message.contains(QStringLiteral("ISSecretKey")));
}

void TestRefunds::shiftReportCountsRefunds()
{
    const auto t = stackWithSecret();
    QVERIFY(t->shifts().open(QStringLiteral("Otieno")));
    t->clock.advance(1s);
    const QString a = paidPayment(*t, 1000);
    const QString b = paidPayment(*t, 500);
    QVERIFY(t->stack->refunds.request(a, Money::fromShillings(250), RefundDesk::reasons().first(), {}));
    QVERIFY(t->stack->refunds.request(b, Money::fromShillings(500), RefundDesk::reasons().first(), {}));
    QVERIFY(t->waitForNetwork());
    t->clock.advance(10min); // IntaSend completes both; the till follows
    QVERIFY(t->waitForNetwork());
    QVERIFY(t->stack->refunds.request(a, Money::fromShillings(100), RefundDesk::reasons().first(), {}));
    QVERIFY(t->waitForNetwork());
    const std::optional<ShiftReport> x = t->shifts().xReport();
    QVERIFY(x);
    QCOMPARE(x->refundsRequested, 3);
    QCOMPARE(x->refundsRequestedSum, Money::fromShillings(850));
    QCOMPARE(x->refundsCompleted, 2);
    QCOMPARE(x->refundsCompletedSum, Money::fromShillings(750));
    QVERIFY2(x->toPlainText().contains(x->refundsLine()), qPrintable(x->toPlainText()));
}

QTEST_GUILESS_MAIN(TestRefunds)
#include "tst_refunds.moc"
