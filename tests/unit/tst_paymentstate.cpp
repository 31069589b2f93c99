// SPDX-License-Identifier: GPL-3.0-or-later
#include "PaymentState.h"

#include <QTest>

using namespace lipa;

class TestPaymentState : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void followsTheArchitectureDiagram();
    void finalStatesNeverMove();
    void keysRoundTrip();
    void tableHasEveryStateOnceInReportOrder();
    void traitsAgreeWithEachOther();
    void groupsAndTakings();
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
        // IntaSend's records show it never arrived (a complete look by reference, after the window).
        {PaymentState::Unknown, PaymentState::Rejected},
        // A reconciliation found it paid in IntaSend's records: the money was taken.
        {PaymentState::Failed, PaymentState::Complete},
        {PaymentState::Rejected, PaymentState::Complete},
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
    // Nothing a status check says moves a final state. Only the cashier settling it in cash does, M-Pesa
    // paying a cash sale after all (the customer paid twice: the till must say so), and a reconciliation
    // finding a failed or rejected payment paid in IntaSend's own records.
    for (PaymentState from : kAll) {
        if (!isFinal(from))
            continue;
        for (PaymentState to : kAll) {
            const bool cashierMove = to == PaymentState::Cash;
            const bool paidTwice = from == PaymentState::Cash && to == PaymentState::Complete;
            const bool reconciled = to == PaymentState::Complete &&
                                    (from == PaymentState::Failed || from == PaymentState::Rejected);
            if (!cashierMove && !paidTwice && !reconciled)
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

void TestPaymentState::tableHasEveryStateOnceInReportOrder()
{
    // Money taken first, then what is still open, then what was not paid: the order reports list them.
    using S = PaymentState;
    const QList<PaymentState> expected = {S::Complete, S::Cash,    S::Sending, S::Pending, S::Processing,
                                          S::Unknown,  S::Expired, S::Failed,  S::Rejected};
    QCOMPARE(allPaymentStates(), expected);
    for (PaymentState state : kAll)
        QCOMPARE(traitsOf(state).state, state);
}

void TestPaymentState::traitsAgreeWithEachOther()
{
    for (PaymentState state : kAll) {
        const StateTraits& t = traitsOf(state);
        const QByteArray name = stateKey(state).toLatin1();
        // Waiting for the customer means in progress, and in progress means it may still charge.
        QVERIFY2(!t.awaitsCustomer || t.inProgress, name);
        QVERIFY2(!t.inProgress || t.mayStillCharge, name);
        // A final state waits for nothing and charges nobody.
        QVERIFY2(!t.isFinal || (!t.inProgress && !t.mayStillCharge), name);
        // Money counts only once the state is final.
        QVERIFY2(t.taken == Taken::No || t.isFinal, name);
        // Only what did not (or may not have) charged the customer can be sent again.
        QVERIFY2(!t.mayBeResent || t.taken == Taken::No, name);
        QVERIFY2(!t.mayBeResent || !t.inProgress, name);
    }
    using S = PaymentState;
    QCOMPARE(statesWhere([](const StateTraits& t) { return t.mayStillCharge; }),
             (QList<PaymentState>{S::Sending, S::Pending, S::Processing, S::Unknown}));
    QCOMPARE(statesWhere([](const StateTraits& t) { return t.mayBeResent; }),
             (QList<PaymentState>{S::Unknown, S::Expired, S::Failed, S::Rejected}));
    QCOMPARE(statesWhere([](const StateTraits& t) { return t.awaitsCustomer; }),
             (QList<PaymentState>{S::Pending, S::Processing}));
}

void TestPaymentState::groupsAndTakings()
{
    using S = PaymentState;
    const QList<QPair<StateGroup, QList<PaymentState>>> groups = {
        {StateGroup::Paid, {S::Complete, S::Cash}},
        {StateGroup::Waiting, {S::Sending, S::Pending, S::Processing}},
        {StateGroup::NeedsCheck, {S::Unknown, S::Expired}},
        {StateGroup::Failed, {S::Failed, S::Rejected}},
    };
    for (const auto& [group, members] : groups) {
        for (PaymentState state : kAll) {
            QCOMPARE(isInGroup(state, group), members.contains(state));
            QVERIFY(isInGroup(state, StateGroup::All));
        }
    }
    QCOMPARE(traitsOf(S::Complete).taken, Taken::ByMpesa);
    QCOMPARE(traitsOf(S::Cash).taken, Taken::InCash);
    QCOMPARE(stateKeys({S::Pending, S::Cash}),
             (QStringList{QStringLiteral("Pending"), QStringLiteral("Cash")}));
}

QTEST_GUILESS_MAIN(TestPaymentState)
#include "tst_paymentstate.moc"
