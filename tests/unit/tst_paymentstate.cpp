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
                                  PaymentState::Rejected, PaymentState::Unknown};
}

void TestPaymentState::followsTheArchitectureDiagram()
{
    // The whole table, so that a move added or lost by mistake fails here.
    using P = QPair<PaymentState, PaymentState>;
    const QList<P> allowed = {
        {PaymentState::Sending, PaymentState::Pending},   {PaymentState::Sending, PaymentState::Rejected},
        {PaymentState::Sending, PaymentState::Unknown},   {PaymentState::Pending, PaymentState::Processing},
        {PaymentState::Pending, PaymentState::Complete},  {PaymentState::Pending, PaymentState::Failed},
        {PaymentState::Pending, PaymentState::Expired},   {PaymentState::Processing, PaymentState::Complete},
        {PaymentState::Processing, PaymentState::Failed}, {PaymentState::Processing, PaymentState::Expired},
        {PaymentState::Expired, PaymentState::Complete},  {PaymentState::Expired, PaymentState::Failed},
        {PaymentState::Unknown, PaymentState::Pending},   {PaymentState::Unknown, PaymentState::Processing},
        {PaymentState::Unknown, PaymentState::Complete},  {PaymentState::Unknown, PaymentState::Failed},
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
}

void TestPaymentState::finalStatesNeverMove()
{
    for (PaymentState from : kAll) {
        if (!isFinal(from))
            continue;
        for (PaymentState to : kAll)
            QVERIFY2(!canTransition(from, to),
                     qPrintable(stateKey(from) + QStringLiteral("->") + stateKey(to)));
    }
    QVERIFY(isFinal(PaymentState::Complete));
    QVERIFY(isFinal(PaymentState::Failed));
    QVERIFY(isFinal(PaymentState::Rejected));
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
