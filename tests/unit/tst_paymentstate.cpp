#include "PaymentState.h"

#include <QTest>

using namespace lipa;

class TestPaymentState : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void followsTheArchitectureDiagram();
    void finalStatesNeverMove();
    void keysRoundTrip();
};

namespace {
const QList<PaymentState> kAll = {PaymentState::Sending,  PaymentState::Pending, PaymentState::Processing,
                                  PaymentState::Complete, PaymentState::Failed,  PaymentState::Expired,
                                  PaymentState::Rejected, PaymentState::Unknown, PaymentState::Cash};
}

void TestPaymentState::followsTheArchitectureDiagram()
{
    // The whole table, so that a move added or lost by mistake fails here.
    using P = QPair<PaymentState, PaymentState>;
    const QList<P> allowed = {
        {PaymentState::Sending, PaymentState::Pending},
        {PaymentState::Sending, PaymentState::Rejected},
        {PaymentState::Sending, PaymentState::Unknown},
        {PaymentState::Pending, PaymentState::Processing},
        {PaymentState::Pending, PaymentState::Complete},
        {PaymentState::Pending, PaymentState::Failed},
        {PaymentState::Pending, PaymentState::Expired},
        {PaymentState::Processing, PaymentState::Complete},
        {PaymentState::Processing, PaymentState::Failed},
        {PaymentState::Processing, PaymentState::Expired},
        {PaymentState::Expired, PaymentState::Complete},
        {PaymentState::Expired, PaymentState::Failed},
        {PaymentState::Unknown, PaymentState::Pending},
        {PaymentState::Unknown, PaymentState::Processing},
        {PaymentState::Unknown, PaymentState::Complete},
        {PaymentState::Unknown, PaymentState::Failed},
        // The cashier's "Use cash", wherever no M-Pesa money has been seen; and M-Pesa paying after all.
        {PaymentState::Pending, PaymentState::Cash},
        {PaymentState::Processing, PaymentState::Cash},
        {PaymentState::Unknown, PaymentState::Cash},
        {PaymentState::Expired, PaymentState::Cash},
        {PaymentState::Failed, PaymentState::Cash},
        {PaymentState::Rejected, PaymentState::Cash},
        {PaymentState::Cash, PaymentState::Complete},
    };
    for (PaymentState from : kAll) {
        for (PaymentState to : kAll)
            QCOMPARE(canTransition(from, to), allowed.contains(P(from, to)));
    }
    using S = PaymentState;
    QVERIFY(canTransition(S::Sending, S::Pending));
    QVERIFY(canTransition(S::Sending, S::Rejected));
    QVERIFY(canTransition(S::Sending, S::Unknown));
    QVERIFY(canTransition(S::Pending, S::Processing));
    QVERIFY(canTransition(S::Pending, S::Complete));
    QVERIFY(canTransition(S::Processing, S::Failed));
    QVERIFY(canTransition(S::Pending, S::Expired));
    QVERIFY(canTransition(S::Expired, S::Complete));
    QVERIFY(canTransition(S::Expired, S::Failed));
    QVERIFY(canTransition(S::Unknown, S::Complete));
    QVERIFY(!canTransition(S::Sending, S::Complete)); // a push answer is never final
    QVERIFY(!canTransition(S::Processing, S::Pending));
    QVERIFY(!canTransition(S::Expired, S::Pending));
    QVERIFY(!canTransition(S::Pending, S::Sending));
    QVERIFY(!canTransition(S::Pending, S::Rejected));
    QVERIFY(!canTransition(S::Sending, S::Cash));  // wait for IntaSend's answer first
    QVERIFY(!canTransition(S::Complete, S::Cash)); // paid by M-Pesa: no cash
    QVERIFY(!canTransition(S::Cash, S::Failed));   // an M-Pesa failure leaves the cash sale standing
    QVERIFY(maySettleInCash(S::Failed));
    QVERIFY(!maySettleInCash(S::Cash));
}

void TestPaymentState::finalStatesNeverMove()
{
    // Nothing IntaSend says moves a final state. Only the cashier settling it in cash does, and M-Pesa
    // paying a cash sale after all (the customer paid twice: the till must say so).
    for (PaymentState from : kAll) {
        if (!isFinal(from))
            continue;
        for (PaymentState to : kAll) {
            const bool cashierMove = to == PaymentState::Cash;
            const bool paidTwice = from == PaymentState::Cash && to == PaymentState::Complete;
            if (!cashierMove && !paidTwice)
                QVERIFY2(!canTransition(from, to),
                         qPrintable(stateKey(from) + QStringLiteral("->") + stateKey(to)));
        }
    }
    QVERIFY(isFinal(PaymentState::Complete));
    QVERIFY(isFinal(PaymentState::Failed));
    QVERIFY(isFinal(PaymentState::Rejected));
    QVERIFY(isFinal(PaymentState::Cash));
    QVERIFY(!isFinal(PaymentState::Expired));
    QVERIFY(!isFinal(PaymentState::Unknown));
}

void TestPaymentState::keysRoundTrip()
{
    for (PaymentState state : kAll) {
        QCOMPARE(stateFromKey(stateKey(state)), state);
        QVERIFY(!stateDisplayName(state).isEmpty());
    }
    QCOMPARE(stateFromKey(QStringLiteral("Nonsense")), std::nullopt);
    QCOMPARE(stateDisplayName(PaymentState::Complete), QStringLiteral("Paid"));
}

QTEST_GUILESS_MAIN(TestPaymentState)
#include "tst_paymentstate.moc"
