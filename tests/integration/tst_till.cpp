// SPDX-License-Identifier: GPL-3.0-or-later
#include "CannedServer.h"
#include "PaymentRules.h"
#include "TestStack.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lipa;
using namespace std::chrono_literals;

// The till end to end on a manual clock against the simulator over loopback HTTP.
class TestTill : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void journalsBeforeSending();
    void journalIsOnDiskWhenThePushLeaves();
    void paidPaymentCarriesItsReceipt();
    void paidOnTheCurrentRouteToo();
    void failuresCarryTheCashiersReason_data();
    void failuresCarryTheCashiersReason();
    void silentCustomerExpiresAfterThreeMinutes();
    void pollingStopsAtFinalAndLeavesNoAlarm();
    void refusedPushIsRejected();
    void unreachableIntaSendChargesNothing();
    void silentServerLeavesPaymentUnknown();
    void pushAnswerThatIsAlreadyFinalIsKept();
    void answerAboutAnotherPaymentIsIgnored();
    void answerWithAnotherAmountIsFlagged();
    void eachChargeHasItsOwnReference();
    void resumeRecoversUnfinishedPayments();
    void expiredPaymentCanStillBeCheckedByHand();
    void countsTodaysTotals();
    void fullJournalSendsNothing();
    void restartResumesFromTheJournalFile();
    void failedSaleSettledInCash();
    void waitingSaleSettledInCashKeepsWatchingMpesa();
    void cashRefusedWhenMpesaPaidMeanwhile();
    void lateMpesaApprovalAfterCashIsFlagged();
    void restartKeepsWatchingACashSaleWithMpesaOpen();
    void cashForAnUnknownPaymentIntaSendKnowsStartsWatchingIt();
    void cashGoesOnTheAttemptThatMayStillCharge();
    void cashThatCannotBeRecordedIsRefused();
    void cashSaleWithMpesaOpenCanBeCheckedAfterExpiry();
    void journalFullRightAfterThePushKeepsTheInvoice();
    void checksAnswerEvenWhenTheJournalCannotBeRead();

private:
    static Payment paymentOf(test::TestStack& t, const QString& ref) { return *t.journal().find(ref); }
};

namespace {

// A payment written straight into the journal, as an earlier run (or version) left it.
Payment seeded(const QString& ref, PaymentState state, const QString& invoiceId, const QDateTime& createdAt)
{
    Payment payment;
    payment.localRef = ref;
    payment.amount = Money::fromShillings(90);
    payment.phone = test::phoneEndingIn('5');
    payment.state = state;
    payment.invoiceId = invoiceId;
    payment.remoteState = invoiceId.isEmpty() ? QString() : QStringLiteral("PENDING");
    payment.createdAt = createdAt;
    payment.updatedAt = createdAt;
    return payment;
}

} // namespace

void TestTill::journalsBeforeSending()
{
    test::TestStack t;
    std::optional<Payment> seenAtArrival;
    connect(&t.simulator, &IntaSendSimulator::pushReceived, this,
            [&](const QString& apiRef) { seenAtArrival = t.journal().find(apiRef); });
    const QString ref = t.till().charge(Money::fromShillings(1500), test::phoneEndingIn('5'));
    QVERIFY(!ref.isEmpty());
    QCOMPARE(paymentOf(t, ref).state, PaymentState::Sending); // recorded before anything answered
    QVERIFY(t.waitForNetwork());
    QVERIFY2(seenAtArrival.has_value(), "the push reached IntaSend before the journal had it");
    QCOMPARE(seenAtArrival->localRef, ref);
    QCOMPARE(t.simulator.pushes().first().apiRef, ref);
    QCOMPARE(paymentOf(t, ref).state, PaymentState::Pending);
    QVERIFY(!paymentOf(t, ref).invoiceId.isEmpty());
}

namespace {

// A hook on the wire: at the very moment the till hands a request to the network (before a byte can
// leave), it copies the journal's files and reads the copy as another program would after a power cut.
class JournalWireTap : public QNetworkAccessManager {
public:
    explicit JournalWireTap(QString journalPath)
        : m_journalPath(std::move(journalPath))
    {
    }
    // What a copy of the journal held when each request was handed over: its payments' references.
    QList<QStringList> seen;

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& request, QIODevice* body) override
    {
        QTemporaryDir copy;
        QStringList refs;
        for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
            if (QFile::exists(m_journalPath + suffix))
                QFile::copy(m_journalPath + suffix, copy.filePath(QStringLiteral("copy.sqlite") + suffix));
        }
        Journal::OpenError error;
        if (std::unique_ptr<Journal> journal =
                Journal::open(copy.filePath(QStringLiteral("copy.sqlite")), &error)) {
            for (const Payment& payment : journal->unfinished())
                refs.append(payment.localRef);
        }
        seen.append(refs);
        return QNetworkAccessManager::createRequest(op, request, body);
    }

private:
    QString m_journalPath;
};

} // namespace

void TestTill::journalIsOnDiskWhenThePushLeaves()
{
    // Not just "in the journal object": committed to the file, so that a power cut between the request
    // and the answer still leaves the payment accounted for.
    test::ManualClock clock;
    IntaSendSimulator simulator(clock);
    QVERIFY(simulator.listen());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    Journal::OpenError error;
    std::unique_ptr<Journal> journal = Journal::open(path, &error);
    QVERIFY2(journal, qPrintable(error.message));
    auto tap = std::make_unique<JournalWireTap>(path);
    JournalWireTap& wire = *tap;
    ClientConfig config;
    config.baseUrl = simulator.baseUrl();
    config.publicKey = QStringLiteral("ISPubKey_test_wiretap");
    TillStack stack(clock, config, Settings{}, std::move(journal), std::move(tap));
    const QString ref = stack.till.charge(Money::fromShillings(1500), test::phoneEndingIn('5'));
    QVERIFY(!ref.isEmpty());
    QCOMPARE(wire.seen.size(), 1);
    QVERIFY2(wire.seen.first().contains(ref),
             "the push was handed to the network before the journal file had it");
    QTRY_COMPARE(simulator.pushes().size(), 1);
    QCOMPARE(simulator.pushes().first().apiRef, ref);
}

void TestTill::paidPaymentCarriesItsReceipt()
{
    test::TestStack t;
    QSignalSpy changed(&t.till(), &Till::paymentChanged);
    const QString ref = t.till().charge(Money::fromShillings(1500), test::phoneEndingIn('5'));
    QVERIFY(t.advanceUntil([&] { return paymentOf(t, ref).isFinal(); }, 30s));
    const Payment paid = paymentOf(t, ref);
    QCOMPARE(paid.state, PaymentState::Complete);
    QCOMPARE(paid.remoteState, QStringLiteral("COMPLETE"));
    QCOMPARE(paid.mpesaReceipt, t.simulator.receiptFor(paid.invoiceId));
    QCOMPARE(paid.mpesaReceipt.size(), 10);
    QVERIFY(paid.failureMessage.isEmpty());

    QList<PaymentState> path;
    for (const PaymentEvent& event : t.journal().events(ref))
        path.append(event.to);
    const QList<PaymentState> expected = {PaymentState::Sending, PaymentState::Pending,
                                          PaymentState::Processing, PaymentState::Complete};
    QCOMPARE(path, expected);
    QCOMPARE(t.pushesOnceIdle(), 1);
}

void TestTill::paidOnTheCurrentRouteToo()
{
    test::TestStack t({}, QStringLiteral("ISSecretKey_test_unit"));
    const QString ref = t.till().charge(Money::fromShillings(20), test::phoneEndingIn('8'));
    QVERIFY(t.advanceUntil([&] { return paymentOf(t, ref).isFinal(); }, 30s));
    QCOMPARE(paymentOf(t, ref).state, PaymentState::Complete);
    QCOMPARE(t.simulator.pushes().first().route, QStringLiteral("mpesa-stk-push"));
}

void TestTill::failuresCarryTheCashiersReason_data()
{
    QTest::addColumn<char>("digit");
    QTest::addColumn<QString>("reason");
    QTest::newRow("cancelled") << '0' << "Customer cancelled the request";
    QTest::newRow("balance") << '1' << "Customer's M-Pesa balance is too low";
    QTest::newRow("pin") << '2' << "Wrong M-Pesa PIN entered";
    QTest::newRow("unreachable") << '3'
                                 << "Customer's phone could not be reached (off or no network) — try again";
}

void TestTill::failuresCarryTheCashiersReason()
{
    QFETCH(char, digit);
    QFETCH(QString, reason);
    test::TestStack t;
    const QString ref = t.till().charge(Money::fromShillings(99), test::phoneEndingIn(digit));
    QVERIFY(t.advanceUntil([&] { return paymentOf(t, ref).isFinal(); }, 30s));
    QCOMPARE(paymentOf(t, ref).state, PaymentState::Failed);
    QCOMPARE(paymentOf(t, ref).failureMessage, reason);
    QVERIFY(paymentOf(t, ref).mpesaReceipt.isEmpty());
}

void TestTill::silentCustomerExpiresAfterThreeMinutes()
{
    test::TestStack t;
    const QDateTime start = t.clock.now();
    const QString ref = t.till().charge(Money::fromShillings(99), test::phoneEndingIn('9'));
    QVERIFY(t.advanceUntil([&] { return paymentOf(t, ref).state == PaymentState::Expired; }, 200s, 1s));
    const qint64 after = start.secsTo(t.clock.now());
    QVERIFY2(after >= 180 && after <= 181, qPrintable(QString::number(after)));
    QVERIFY(paymentOf(t, ref).failureMessage.contains(QStringLiteral("3 minute")));
    QVERIFY(!t.poller().isWatching(ref));
    QCOMPARE(t.clock.activeAlarmCount(), 0);
}

void TestTill::pollingStopsAtFinalAndLeavesNoAlarm()
{
    test::TestStack t;
    const QString ref = t.till().charge(Money::fromShillings(99), test::phoneEndingIn('5'));
    QVERIFY(t.advanceUntil([&] { return paymentOf(t, ref).isFinal(); }, 30s));
    const int checks = t.simulator.statusRequestCount();
    QVERIFY(checks >= 2);
    QCOMPARE(t.clock.activeAlarmCount(), 0);
    t.clock.advance(10min);
    QCOMPARE(t.statusChecksOnceIdle(), checks);
}

void TestTill::refusedPushIsRejected()
{
    test::TestStack t;
    // An amount the simulator (like M-Pesa) will not take: fractions of a shilling never reach the wire from
    // the form, so use a bad public key instead.
    auto owned =
        test::TestStack::stackFor(t.clock, t.simulator.baseUrl().toString(), QStringLiteral("bad-key"), 5s);
    TillStack& stack = *owned;
    const QString ref = stack.till.charge(Money::fromShillings(10), test::phoneEndingIn('5'));
    QVERIFY(QTest::qWaitFor([&] { return stack.journal.find(ref)->isFinal(); }, 10000));
    QCOMPARE(stack.journal.find(ref)->state, PaymentState::Rejected);
    QCOMPARE(stack.journal.find(ref)->failureMessage, QStringLiteral("A valid public key is required."));
    QCOMPARE(stack.poller.watchedCount(), 0);
}

void TestTill::unreachableIntaSendChargesNothing()
{
    test::TestStack t;
    QSignalSpy connection(&t.health(), &ServiceHealth::connectionStateChanged);
    t.simulator.close();
    const QString ref = t.till().charge(Money::fromShillings(10), test::phoneEndingIn('5'));
    QVERIFY(t.waitForNetwork());
    QCOMPARE(paymentOf(t, ref).state, PaymentState::Rejected);
    QCOMPARE(paymentOf(t, ref).failureMessage,
             QStringLiteral("Could not reach IntaSend — nothing was charged"));
    QCOMPARE(t.health().connectionState(), ConnectionState::Offline);
    QCOMPARE(connection.count(), 1);
}

void TestTill::silentServerLeavesPaymentUnknown()
{
    test::ManualClock clock;
    test::CannedServer silent;
    silent.on("/payment/", {test::CannedServer::Behaviour::Silent, 0, {}});
    auto owned = test::TestStack::stackFor(clock, silent.baseUrl(), QStringLiteral("ISPubKey_test_x"), 200ms);
    TillStack& stack = *owned;
    const QString ref = stack.till.charge(Money::fromShillings(10), test::phoneEndingIn('5'));
    QVERIFY(QTest::qWaitFor([&] { return stack.till.requestsInFlight() == 0; }, 10000));
    const Payment payment = *stack.journal.find(ref);
    QCOMPARE(payment.state, PaymentState::Unknown);
    QVERIFY(payment.failureMessage.contains(QStringLiteral("may have reached the customer's phone")));
    QCOMPARE(stack.poller.watchedCount(), 0); // nothing to poll, and never re-sent
    clock.advance(10min);
    QCOMPARE(silent.requestCount("/payment/collection/"), 1);
}

void TestTill::pushAnswerThatIsAlreadyFinalIsKept()
{
    // IntaSend answering the push with a final state at once must not lose the invoice or the outcome.
    test::TestStack t;
    t.simulator.setTiming({0ms, 0ms});
    const QString ref = t.till().charge(Money::fromShillings(10), test::phoneEndingIn('5'));
    QVERIFY(t.waitForNetwork());
    const Payment paid = paymentOf(t, ref);
    QCOMPARE(paid.state, PaymentState::Complete);
    QVERIFY(!paid.invoiceId.isEmpty());
    QCOMPARE(paid.mpesaReceipt, t.simulator.receiptFor(paid.invoiceId));
    QCOMPARE(t.poller().watchedCount(), 0);
}

void TestTill::answerAboutAnotherPaymentIsIgnored()
{
    test::ManualClock clock;
    test::CannedServer server;
    server.answer("/payment/collection/", R"({"invoice":{"id":7,"state":"PENDING","api_ref":null}})");
    server.answer("/payment/status/", R"({"invoice":{"id":7,"state":"COMPLETE","api_ref":"someone-else",
                                       "mpesa_reference":"QQQQQQQQQQ"}})");
    auto owned = test::TestStack::stackFor(clock, server.baseUrl(), QStringLiteral("ISPubKey_test_x"), 5s);
    TillStack& stack = *owned;
    QSignalSpy notices(&stack.till, &Till::notice);
    const QString ref = stack.till.charge(Money::fromShillings(10), test::phoneEndingIn('5'));
    QVERIFY(QTest::qWaitFor([&] { return stack.till.requestsInFlight() == 0; }, 10000));
    clock.advance(3s);
    QVERIFY(QTest::qWaitFor([&] { return stack.till.requestsInFlight() == 0; }, 10000));
    QCOMPARE(server.requestCount("/payment/status/"), 1);
    QCOMPARE(stack.journal.find(ref)->state, PaymentState::Pending);
    QVERIFY(stack.journal.find(ref)->mpesaReceipt.isEmpty());
    QCOMPARE(notices.count(), 1);
    QVERIFY(notices.first().first().toString().contains(QStringLiteral("different payment")));
}

void TestTill::answerWithAnotherAmountIsFlagged()
{
    test::ManualClock clock;
    test::CannedServer server;
    server.answer("/payment/collection/", R"({"invoice":{"id":8,"state":"PENDING","value":"10.00"}})");
    server.answer("/payment/status/", R"({"invoice":{"id":8,"state":"COMPLETE","value":"1.00"}})");
    auto owned = test::TestStack::stackFor(clock, server.baseUrl(), QStringLiteral("ISPubKey_test_x"), 5s);
    TillStack& stack = *owned;
    QSignalSpy notices(&stack.till, &Till::notice);
    const QString ref = stack.till.charge(Money::fromShillings(10), test::phoneEndingIn('5'));
    QVERIFY(QTest::qWaitFor([&] { return stack.till.requestsInFlight() == 0; }, 10000));
    QCOMPARE(notices.count(), 0); // the push answer matched
    clock.advance(3s);
    QVERIFY(QTest::qWaitFor([&] { return stack.till.requestsInFlight() == 0; }, 10000));
    const Payment payment = *stack.journal.find(ref);
    QCOMPARE(payment.state, PaymentState::Complete);
    QCOMPARE(payment.failureMessage, QStringLiteral("IntaSend reports KES 1 for this payment of KES 10"));
    QCOMPARE(notices.count(), 1);
}

void TestTill::eachChargeHasItsOwnReference()
{
    test::TestStack t;
    const QString a = t.till().charge(Money::fromShillings(10), test::phoneEndingIn('5'));
    const QString b = t.till().charge(Money::fromShillings(10), test::phoneEndingIn('5'));
    QVERIFY(t.waitForNetwork());
    QVERIFY(a != b);
    QCOMPARE(t.pushesOnceIdle(), 2);
    QVERIFY(t.simulator.pushes().at(0).apiRef != t.simulator.pushes().at(1).apiRef);
}

void TestTill::resumeRecoversUnfinishedPayments()
{
    test::TestStack t;
    // A payment IntaSend took (Pending), as a previous run would have left it…
    const QString pending = t.till().charge(Money::fromShillings(10), test::phoneEndingIn('5'));
    QVERIFY(t.waitForNetwork());
    t.poller().unwatch(pending);
    // …and one the previous run wrote but never heard back about.
    Payment sending;
    sending.localRef = QStringLiteral("crashed-while-sending");
    sending.amount = Money::fromShillings(20);
    sending.phone = test::phoneEndingIn('7');
    sending.createdAt = t.clock.now();
    sending.updatedAt = sending.createdAt;
    QVERIFY(t.journal().addPayment(sending));

    t.till().resume();
    QCOMPARE(paymentOf(t, sending.localRef).state, PaymentState::Unknown);
    QVERIFY(t.poller().isWatching(pending));
    QVERIFY(t.advanceUntil([&] { return paymentOf(t, pending).isFinal(); }, 30s));
    QCOMPARE(paymentOf(t, pending).state, PaymentState::Complete);
    QCOMPARE(t.pushesOnceIdle(), 1); // nothing was sent again
}

void TestTill::expiredPaymentCanStillBeCheckedByHand()
{
    test::TestStack t;
    IntaSendSimulator::Timing slow;
    slow.processingAfter = 200s;
    slow.finalAfter = 240s; // the customer pays after the till's expiry window
    t.simulator.setTiming(slow);
    const QString ref = t.till().charge(Money::fromShillings(10), test::phoneEndingIn('5'));
    QVERIFY(t.advanceUntil([&] { return paymentOf(t, ref).state == PaymentState::Expired; }, 200s, 1s));
    t.clock.advance(60s);
    t.till().check(ref);
    QVERIFY(t.waitForNetwork());
    QCOMPARE(paymentOf(t, ref).state, PaymentState::Complete);
    QCOMPARE(t.clock.activeAlarmCount(), 0);
}

void TestTill::countsTodaysTotals()
{
    test::TestStack t;
    const QString paid1 = t.till().charge(Money::fromShillings(1500), test::phoneEndingIn('5'));
    const QString paid2 = t.till().charge(Money::fromShillings(250), test::phoneEndingIn('6'));
    const QString failed = t.till().charge(Money::fromShillings(99), test::phoneEndingIn('0'));
    const QString waiting = t.till().charge(Money::fromShillings(42), test::phoneEndingIn('9'));
    QVERIFY(t.advanceUntil(
        [&] {
            return paymentOf(t, paid1).isFinal() && paymentOf(t, paid2).isFinal() &&
                   paymentOf(t, failed).isFinal();
        },
        30s));
    const Totals totals = t.todaysTotals();
    QCOMPARE(totals.paidCount, 2);
    QCOMPARE(totals.paidSum, Money::fromShillings(1750));
    QCOMPARE(totals.failedCount, 1);
    QCOMPARE(totals.pendingCount, 1);
    QCOMPARE(paymentOf(t, waiting).state, PaymentState::Pending);
}

void TestTill::fullJournalSendsNothing()
{
    QTemporaryDir dir;
    Journal::OpenError error;
    auto journal = Journal::open(dir.filePath(QStringLiteral("journal.sqlite")), &error);
    QVERIFY(journal);
    test::limitSize(*journal, 1); // the disk is as full as the file is now
    test::TestStack t(Settings{}, QString(), std::move(journal));
    QSignalSpy notices(&t.till(), &Till::notice);
    int recorded = 0;
    QString refused;
    for (int i = 0; i < 1000 && refused.isEmpty(); ++i) {
        const QString ref = t.till().charge(Money::fromShillings(10), test::phoneEndingIn('5'));
        if (ref.isEmpty())
            refused = QStringLiteral("yes");
        else
            ++recorded;
    }
    QVERIFY(!refused.isEmpty());
    QCOMPARE(t.pushesOnceIdle(), recorded); // the refused one never went out
    const bool told = std::any_of(notices.cbegin(), notices.cend(), [](const QList<QVariant>& args) {
        const QString text = args.first().toString();
        return text.contains(QStringLiteral("The disk is full")) && text.contains(QStringLiteral("not sent"));
    });
    QVERIFY2(told, "the cashier was not told why the payment was not sent");
}

void TestTill::restartResumesFromTheJournalFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    Journal::OpenError error;
    test::TestStack t(Settings{}, QString(), Journal::open(path, &error));
    const QString ref = t.till().charge(Money::fromShillings(1500), test::phoneEndingIn('5'));
    QVERIFY(t.waitForNetwork());
    QCOMPARE(paymentOf(t, ref).state, PaymentState::Pending);

    // The till goes away (its journal closes) and a new one starts on the same file.
    t.stack.reset();
    auto journal = Journal::open(path, &error);
    QVERIFY2(journal, qPrintable(error.message));
    t.stack = test::TestStack::stackFor(t.clock, t.simulator.baseUrl().toString(),
                                        QStringLiteral("ISPubKey_test_unit"), 10s, std::move(journal));
    QCOMPARE(paymentOf(t, ref).state, PaymentState::Pending);
    t.till().resume();
    QVERIFY(t.poller().isWatching(ref));
    QVERIFY(t.advanceUntil([&] { return paymentOf(t, ref).isFinal(); }, 30s));
    QCOMPARE(paymentOf(t, ref).state, PaymentState::Complete);
    QCOMPARE(t.pushesOnceIdle(), 1); // polled again, never pushed again
}

void TestTill::failedSaleSettledInCash()
{
    test::TestStack t;
    const QString ref = t.till().charge(Money::fromShillings(700), test::phoneEndingIn('0')); // cancelled
    QVERIFY(t.advanceUntil([&] { return paymentOf(t, ref).isFinal(); }, 30s));
    QCOMPARE(paymentOf(t, ref).state, PaymentState::Failed);
    const int statusCallsBefore = t.simulator.statusRequestCount();
    QString refusal = QStringLiteral("not called");
    t.cash().settle(ref, this, [&](const Payment&, const QString& r) { refusal = r; });
    QCOMPARE(refusal, QString()); // at once: a failed payment needs no check
    QCOMPARE(t.statusChecksOnceIdle(), statusCallsBefore);
    QCOMPARE(paymentOf(t, ref).state, PaymentState::Cash);
    const Totals totals = t.todaysTotals();
    QCOMPARE(totals.cashCount, 1);
    QCOMPARE(totals.cashSum, Money::fromShillings(700));
    QCOMPARE(totals.failedCount, 0);
    QCOMPARE(totals.paidCount, 0);
    const QList<PaymentEvent> events = t.journal().events(ref);
    QCOMPARE(events.last().to, PaymentState::Cash);
    QCOMPARE(events.last().from, PaymentState::Failed);
    QVERIFY(events.last().detail.contains(QStringLiteral("settled in cash")));
    // Cash is settled: neither a second settlement nor a resend.
    t.cash().settle(ref, this, [&](const Payment&, const QString& r) { refusal = r; });
    QVERIFY(refusal.contains(QStringLiteral("already settled in cash")));
}

void TestTill::waitingSaleSettledInCashKeepsWatchingMpesa()
{
    test::TestStack t;
    const QString ref = t.till().charge(Money::fromShillings(700), test::phoneEndingIn('9')); // silent
    QVERIFY(t.advanceUntil([&] { return paymentOf(t, ref).state == PaymentState::Pending; }, 10s));
    QString refusal = QStringLiteral("not called");
    t.cash().settle(ref, this, [&](const Payment&, const QString& r) { refusal = r; });
    QVERIFY(QTest::qWaitFor([&] { return refusal != u"not called"; }, 10000));
    QCOMPARE(refusal, QString());
    const Payment cash = paymentOf(t, ref);
    QCOMPARE(cash.state, PaymentState::Cash);
    QVERIFY(cash.failureMessage.contains(QStringLiteral("keeps checking")));
    // The M-Pesa request is still open at IntaSend: it is watched until it expires, then left alone.
    const auto letTimePass = [&t](std::chrono::milliseconds span) {
        t.advanceUntil([] { return false; }, span);
    };
    const int before = t.simulator.statusRequestCount();
    letTimePass(20s);
    QVERIFY(t.waitForNetwork());
    QVERIFY(t.simulator.statusRequestCount() > before);
    letTimePass(4min);
    const int atExpiry = t.simulator.statusRequestCount();
    letTimePass(10min);
    QCOMPARE(t.statusChecksOnceIdle(), atExpiry);
    QCOMPARE(paymentOf(t, ref).state, PaymentState::Cash);
}

void TestTill::cashRefusedWhenMpesaPaidMeanwhile()
{
    test::ManualClock clock;
    test::CannedServer server;
    server.answer("/payment/collection/", R"({"invoice":{"id":7,"state":"PENDING"}})");
    server.answer("/payment/status/",
                  R"({"invoice":{"id":7,"state":"COMPLETE","mpesa_reference":"QCASH12345"}})");
    auto owned = test::TestStack::stackFor(clock, server.baseUrl(), QStringLiteral("ISPubKey_test_x"), 5s);
    TillStack& stack = *owned;
    const QString ref = stack.till.charge(Money::fromShillings(10), test::phoneEndingIn('5'));
    QVERIFY(QTest::qWaitFor([&] { return stack.till.requestsInFlight() == 0; }, 10000));
    QCOMPARE(stack.journal.find(ref)->state, PaymentState::Pending);
    QString refusal;
    bool answered = false;
    stack.cash.settle(ref, this, [&](const Payment&, const QString& r) {
        refusal = r;
        answered = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return answered; }, 10000));
    QVERIFY2(refusal.contains(QStringLiteral("QCASH12345")), qPrintable(refusal));
    QCOMPARE(stack.journal.find(ref)->state, PaymentState::Complete);
}

void TestTill::lateMpesaApprovalAfterCashIsFlagged()
{
    test::ManualClock clock;
    test::CannedServer server;
    server.answer("/payment/collection/", R"({"invoice":{"id":7,"state":"PENDING"}})");
    server.answer("/payment/status/", R"({"invoice":{"id":7,"state":"PENDING"}})");
    auto owned = test::TestStack::stackFor(clock, server.baseUrl(), QStringLiteral("ISPubKey_test_x"), 5s);
    TillStack& stack = *owned;
    QSignalSpy notices(&stack.till, &Till::notice);
    const QString ref = stack.till.charge(Money::fromShillings(10), test::phoneEndingIn('5'));
    QVERIFY(QTest::qWaitFor([&] { return stack.till.requestsInFlight() == 0; }, 10000));
    bool answered = false;
    stack.cash.settle(ref, this, [&](const Payment&, const QString&) { answered = true; });
    QVERIFY(QTest::qWaitFor([&] { return answered; }, 10000));
    QCOMPARE(stack.journal.find(ref)->state, PaymentState::Cash);
    // The customer approves the prompt after all.
    server.answer("/payment/status/",
                  R"({"invoice":{"id":7,"state":"COMPLETE","mpesa_reference":"QLATE12345"}})");
    clock.advance(15s);
    QVERIFY(QTest::qWaitFor([&] { return stack.journal.find(ref)->state == PaymentState::Complete; }, 10000));
    const Payment paid = *stack.journal.find(ref);
    QCOMPARE(paid.mpesaReceipt, QStringLiteral("QLATE12345"));
    QVERIFY(paid.failureMessage.contains(QStringLiteral("cash back")));
    QVERIFY(!notices.isEmpty());
    QVERIFY(notices.last().first().toString().contains(QStringLiteral("cash back")));
}

void TestTill::restartKeepsWatchingACashSaleWithMpesaOpen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    Journal::OpenError error;
    test::TestStack t(Settings{}, QString(), Journal::open(path, &error));
    const QString ref = t.till().charge(Money::fromShillings(80), test::phoneEndingIn('9')); // silent
    QVERIFY(t.advanceUntil([&] { return paymentOf(t, ref).state == PaymentState::Pending; }, 10s));
    bool answered = false;
    t.cash().settle(ref, this, [&](const Payment&, const QString&) { answered = true; });
    QVERIFY(QTest::qWaitFor([&] { return answered; }, 10000));
    QCOMPARE(paymentOf(t, ref).state, PaymentState::Cash);

    t.stack.reset();
    t.stack =
        test::TestStack::stackFor(t.clock, t.simulator.baseUrl().toString(),
                                  QStringLiteral("ISPubKey_test_unit"), 10s, Journal::open(path, &error));
    t.till().resume();
    QVERIFY(t.poller().isWatching(ref)); // the M-Pesa request is still open at IntaSend
    const int before = t.simulator.statusRequestCount();
    QVERIFY(t.advanceUntil([&] { return t.simulator.statusRequestCount() > before; }, 20s));
    QCOMPARE(paymentOf(t, ref).state, PaymentState::Cash);
    QCOMPARE(t.pushesOnceIdle(), 1);
}

void TestTill::cashForAnUnknownPaymentIntaSendKnowsStartsWatchingIt()
{
    // An Unknown payment that carries an invoice (a journal from another version, or a future path to
    // Unknown after IntaSend answered): nothing polls it. Settled in cash, its M-Pesa request is found
    // still open, and a late approval must be caught in this run, not only at the next start.
    test::ManualClock clock;
    test::CannedServer server;
    server.answer("/payment/status/", R"({"invoice":{"id":7,"state":"PENDING"}})");
    auto owned = test::TestStack::stackFor(clock, server.baseUrl(), QStringLiteral("ISPubKey_test_x"), 5s);
    TillStack& stack = *owned;
    Payment unknown = seeded(QStringLiteral("unknown-with-invoice"), PaymentState::Unknown,
                             QStringLiteral("7"), clock.now());
    QVERIFY(stack.journal.addPayment(unknown));
    QVERIFY(!stack.poller.isWatching(unknown.localRef));

    bool answered = false;
    stack.cash.settle(unknown.localRef, this, [&](const Payment&, const QString&) { answered = true; });
    QVERIFY(QTest::qWaitFor([&] { return answered; }, 10000));
    QCOMPARE(stack.journal.find(unknown.localRef)->state, PaymentState::Cash);
    QVERIFY(stack.poller.isWatching(unknown.localRef));

    server.answer("/payment/status/",
                  R"({"invoice":{"id":7,"state":"COMPLETE","mpesa_reference":"QLATE67890"}})");
    clock.advance(15s);
    QVERIFY(QTest::qWaitFor(
        [&] { return stack.journal.find(unknown.localRef)->state == PaymentState::Complete; }, 10000));
    QVERIFY(stack.journal.find(unknown.localRef)->failureMessage.contains(QStringLiteral("cash back")));
}

void TestTill::cashGoesOnTheAttemptThatMayStillCharge()
{
    // A failed attempt sent again: the new attempt is the one that may still take the customer's money,
    // so cash settled on the old one would leave it free to charge them a second time, unflagged.
    test::ManualClock clock;
    test::CannedServer server;
    server.answer("/payment/status/", R"({"invoice":{"id":8,"state":"PENDING"}})");
    auto owned = test::TestStack::stackFor(clock, server.baseUrl(), QStringLiteral("ISPubKey_test_x"), 5s);
    TillStack& stack = *owned;
    Payment failed = seeded(QStringLiteral("first"), PaymentState::Failed, QStringLiteral("7"), clock.now());
    failed.remoteState = QStringLiteral("FAILED");
    QVERIFY(stack.journal.addPayment(failed));
    clock.advance(30s);
    Payment resent =
        seeded(QStringLiteral("second"), PaymentState::Pending, QStringLiteral("8"), clock.now());
    resent.replacesRef = failed.localRef;
    QVERIFY(stack.journal.addPayment(resent));

    QString refusal = QStringLiteral("not called");
    stack.cash.settle(failed.localRef, this, [&](const Payment&, const QString& r) { refusal = r; });
    QVERIFY2(refusal.contains(QStringLiteral("sent again")), qPrintable(refusal));
    QCOMPARE(stack.journal.find(failed.localRef)->state, PaymentState::Failed);

    // Two open requests for one sale (the cashier confirmed a second charge): the older one is refused.
    Payment older =
        seeded(QStringLiteral("older"), PaymentState::Pending, QStringLiteral("9"), clock.now().addSecs(-5));
    older.amount = Money::fromShillings(60);
    QVERIFY(stack.journal.addPayment(older));
    Payment newer = seeded(QStringLiteral("newer"), PaymentState::Pending, QStringLiteral("10"), clock.now());
    newer.amount = older.amount;
    QVERIFY(stack.journal.addPayment(newer));
    refusal = QStringLiteral("not called");
    stack.cash.settle(older.localRef, this, [&](const Payment&, const QString& r) { refusal = r; });
    QVERIFY2(refusal.contains(QStringLiteral("still open")), qPrintable(refusal));
    QCOMPARE(stack.journal.find(older.localRef)->state, PaymentState::Pending);

    // The attempt that may still charge takes the cash.
    refusal = QStringLiteral("not called");
    stack.cash.settle(resent.localRef, this, [&](const Payment&, const QString& r) { refusal = r; });
    QVERIFY(QTest::qWaitFor([&] { return refusal != u"not called"; }, 10000));
    QCOMPARE(refusal, QString());
    QCOMPARE(stack.journal.find(resent.localRef)->state, PaymentState::Cash);
}

void TestTill::cashThatCannotBeRecordedIsRefused()
{
    QTemporaryDir dir;
    Journal::OpenError error;
    auto journal = Journal::open(dir.filePath(QStringLiteral("journal.sqlite")), &error);
    QVERIFY(journal);
    Journal* file = journal.get();
    test::TestStack t(Settings{}, QString(), std::move(journal));
    const QString ref = t.till().charge(Money::fromShillings(700), test::phoneEndingIn('9')); // silent
    QVERIFY(t.advanceUntil([&] { return paymentOf(t, ref).state == PaymentState::Pending; }, 10s));
    // The disk fills up: charges are refused until nothing more can be written.
    test::limitSize(*file, 1);
    bool full = false;
    for (int i = 0; i < 1000 && !full; ++i)
        full = t.till().charge(Money::fromShillings(10), test::phoneEndingIn('9')).isEmpty();
    QVERIFY(full);
    QVERIFY(t.waitForNetwork());

    QString refusal = QStringLiteral("not called");
    t.cash().settle(ref, this, [&](const Payment&, const QString& r) { refusal = r; });
    QVERIFY(QTest::qWaitFor([&] { return refusal != u"not called"; }, 10000));
    QVERIFY2(refusal.contains(QStringLiteral("could not be recorded")), qPrintable(refusal));
    QVERIFY(refusal.contains(QStringLiteral("Do not take the cash")));
    QCOMPARE(paymentOf(t, ref).state, PaymentState::Pending);
}

void TestTill::cashSaleWithMpesaOpenCanBeCheckedAfterExpiry()
{
    // Settled in cash while IntaSend still showed the request open, and past the expiry window: polling
    // has stopped, but the cashier can still ask, and a late approval is flagged as paid twice.
    test::ManualClock clock;
    test::CannedServer server;
    server.answer("/payment/status/",
                  R"({"invoice":{"id":7,"state":"COMPLETE","mpesa_reference":"QLATE24680"}})");
    auto owned = test::TestStack::stackFor(clock, server.baseUrl(), QStringLiteral("ISPubKey_test_x"), 5s);
    TillStack& stack = *owned;
    Payment cash = seeded(QStringLiteral("cash-open"), PaymentState::Cash, QStringLiteral("7"),
                          clock.now().addSecs(-600));
    QVERIFY(stack.journal.addPayment(cash));
    QVERIFY(PaymentRules::isCheckable(cash));

    QStringList order;
    connect(&stack.till, &Till::paidTwice, this,
            [&](const Payment& p) { order << QStringLiteral("paidTwice ") + p.mpesaReceipt; });
    connect(&stack.till, &Till::paymentChanged, this,
            [&](const Payment& p) { order << QStringLiteral("changed ") + stateKey(p.state); });
    stack.till.check(cash.localRef);
    QVERIFY(QTest::qWaitFor(
        [&] { return stack.journal.find(cash.localRef)->state == PaymentState::Complete; }, 10000));
    QCOMPARE(order,
             (QStringList{QStringLiteral("paidTwice QLATE24680"), QStringLiteral("changed Complete")}));
    QVERIFY(stack.journal.find(cash.localRef)->failureMessage.contains(QStringLiteral("cash back")));
    QVERIFY(!PaymentRules::isCheckable(*stack.journal.find(cash.localRef)));
}

void TestTill::journalFullRightAfterThePushKeepsTheInvoice()
{
    test::TestStack t;
    QSignalSpy notices(&t.till(), &Till::notice);
    const QString ref = t.till().charge(Money::fromShillings(1500), test::phoneEndingIn('5')); // pays
    QVERIFY(!ref.isEmpty());
    // The request is on its way; the disk fills up before IntaSend's answer (with the invoice) arrives.
    QVERIFY(test::fillUp(t.journal()));
    QVERIFY(t.waitForNetwork());
    QCOMPARE(paymentOf(t, ref).state, PaymentState::Sending); // the journal could not take the answer
    QVERIFY(paymentOf(t, ref).invoiceId.isEmpty());
    const bool told = std::any_of(notices.cbegin(), notices.cend(), [](const QList<QVariant>& args) {
        return args.first().toString().contains(QStringLiteral("keeps the invoice"));
    });
    QVERIFY2(told, "the cashier was not told that the invoice is kept");

    // The till still asks IntaSend about it, with the invoice id it kept.
    const int checks = t.simulator.statusRequestCount();
    QVERIFY(t.advanceUntil([&] { return t.simulator.statusRequestCount() > checks; }, 30s));
    QCOMPARE(paymentOf(t, ref).state, PaymentState::Sending);

    // Room again: the invoice is recorded, and the payment ends paid.
    test::freeUp(t.journal());
    QVERIFY(t.advanceUntil([&] { return paymentOf(t, ref).state == PaymentState::Complete; }, 60s));
    const Payment paid = paymentOf(t, ref);
    QCOMPARE(paid.invoiceId, t.simulator.pushes().first().invoiceId);
    QVERIFY(!paid.mpesaReceipt.isEmpty());
    const QList<PaymentEvent> history = t.journal().events(ref);
    QVERIFY(std::any_of(history.cbegin(), history.cend(), [&paid](const PaymentEvent& event) {
        return event.to == PaymentState::Pending && event.detail.contains(paid.invoiceId) &&
               event.detail.contains(QStringLiteral("recorded late"));
    }));
    QCOMPARE(t.pushesOnceIdle(), 1);
}

void TestTill::checksAnswerEvenWhenTheJournalCannotBeRead()
{
    test::TestStack t;
    const QString ref = t.till().charge(Money::fromShillings(700), test::phoneEndingIn('9')); // silent
    QVERIFY(t.advanceUntil([&] { return paymentOf(t, ref).state == PaymentState::Expired; }, 200s, 5s));
    const Payment expired = paymentOf(t, ref);

    // The duplicate-charge look-up: the journal cannot be read once IntaSend's answer is back.
    int answers = 0;
    Payment answered;
    bool checked = true;
    const auto listen = [&](const Payment& payment, bool wasChecked) {
        ++answers;
        answered = payment;
        checked = wasChecked;
    };
    t.till().check(expired, this, listen);
    QVERIFY(test::makeUnreadable(t.journal()));
    QVERIFY(t.waitForNetwork());
    QTRY_COMPARE(answers, 1);
    QCOMPARE(answered.localRef, ref);
    QVERIFY(!checked); // the answer could not be kept: the asker must not take it as checked
    // ...and when it cannot be read from the start.
    t.till().check(expired, this, listen);
    QCOMPARE(answers, 2);
    QCOMPARE(answered.localRef, ref);
    QVERIFY(!checked);
    QVERIFY(test::makeReadable(t.journal()));

    // Cash instead: the last look is out when the journal stops answering.
    QString refusal = QStringLiteral("not called");
    Payment settled;
    t.cash().settle(ref, this, [&](const Payment& payment, const QString& why) {
        settled = payment;
        refusal = why;
    });
    QVERIFY(test::makeUnreadable(t.journal()));
    QVERIFY(QTest::qWaitFor([&] { return refusal != u"not called"; }, 10000));
    QVERIFY(test::makeReadable(t.journal()));
    QCOMPARE(settled.localRef, ref);
    QVERIFY2(!refusal.isEmpty(), "no cash may be taken on a sale the journal cannot show");
    QCOMPARE(paymentOf(t, ref).state, PaymentState::Expired);
}

QTEST_GUILESS_MAIN(TestTill)
#include "tst_till.moc"
