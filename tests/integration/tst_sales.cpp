// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShiftReport.h"
#include "TestStack.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lipa;
using namespace std::chrono_literals;

// Sales above the largest single M-Pesa payment, end to end on a manual clock against the simulator over
// loopback HTTP: the parts, one at a time, and what the cashier can do when one is not paid.
class TestSales : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void simulatorRefusesAPaymentAboveIntaSendsLimit();
    void twoPartsTheSecondOnlyOnceTheFirstIsPaid();
    void threePartsOneAfterAnother();
    void aPartNotPaidStopsTheSale();
    void theUnpaidPartGoesAgainAfterItsLastCheck();
    void theRestFromAnotherPhone();
    void theRestInCashAndTheReportAddsUp();
    void theRestInCashCoversPartsNeverSent();
    void closedShortOnlyWhenNothingWaits();
    void aPhonesDailyLimitStopsTheSaleAndAnotherPhonePays();
    void aRestartNeverSendsAPartByItself();
    void aPartPaidLateIsNeverTakenAgain();
    void aPartPaidLateThenTheRestInCash();
    void cashForTheRestIsRefusedWhenTheSaleMovedOnMeanwhile();
    void aPartPaidTwiceOverStillLetsTheNextPartsGoByThemselves();

private:
    static QList<qint64> pushedShillings(const test::TestStack& t);
    // Runs the clock until the sale is closed or nothing more can happen to it.
    static bool untilSettled(test::TestStack& t, const QString& saleRef);
    // Starts a sale whose part 1 is paid and part 2 turned down, and runs it until it has stopped there.
    static QString saleStoppedAtPartTwo(test::TestStack& t, qint64 total);
    // ResendDesk::prepare's verdict on the payment (its last check).
    ResendCheck lastCheck(test::TestStack& t, const QString& localRef);
};

namespace {

constexpr qint64 kLimit = 150'000;

QString saleOf(test::TestStack& t, const QString& partRef)
{
    return t.journal().find(partRef)->saleRef;
}

SaleProgress progressOf(test::TestStack& t, const QString& saleRef)
{
    return t.sales().progress(*t.sales().sale(saleRef));
}

sim::ScriptedOutcome pays()
{
    return {sim::ScriptedOutcome::Pays, {}, {}};
}

sim::ScriptedOutcome cancels()
{
    return {sim::ScriptedOutcome::Fails, QStringLiteral("1032"), QStringLiteral("Request cancelled by user")};
}

} // namespace

QList<qint64> TestSales::pushedShillings(const test::TestStack& t)
{
    QList<qint64> amounts;
    for (const IntaSendSimulator::ReceivedPush& push : t.simulator.pushes())
        amounts.append(push.amountShillings);
    return amounts;
}

bool TestSales::untilSettled(test::TestStack& t, const QString& saleRef)
{
    return t.advanceUntil(
        [&] {
            QCoreApplication::processEvents(); // a next part queued by the desk goes out first
            const SaleProgress progress = progressOf(t, saleRef);
            return t.till().requestsInFlight() == 0 && !progress.inProgress && !t.sales().isRunning(saleRef);
        },
        10min);
}

QString TestSales::saleStoppedAtPartTwo(test::TestStack& t, qint64 total)
{
    t.simulator.scriptNextCustomers({pays(), cancels()});
    const QString saleRef = saleOf(t, t.sales().start(Money::fromShillings(total), test::phoneEndingIn('5')));
    if (!untilSettled(t, saleRef))
        return {};
    return saleRef;
}

ResendCheck TestSales::lastCheck(test::TestStack& t, const QString& localRef)
{
    std::optional<ResendCheck> check;
    t.resends().prepare(localRef, this, [&](const ResendCheck& c) { check = c; });
    (void)QTest::qWaitFor([&] { return check.has_value(); }, 5000);
    return check.value_or(ResendCheck{});
}

void TestSales::simulatorRefusesAPaymentAboveIntaSendsLimit()
{
    // What the till did before sales in parts: one push of 200,000, which IntaSend refuses.
    test::TestStack t;
    const QString ref = t.till().charge(Money::fromShillings(200'000), test::phoneEndingIn('5'));
    QVERIFY(t.waitForNetwork());
    const Payment refused = *t.journal().find(ref);
    QCOMPARE(refused.state, PaymentState::Rejected);
    QVERIFY2(refused.failureMessage.contains(QStringLiteral("150000")), qPrintable(refused.failureMessage));
    QVERIFY(t.simulator.pushes().isEmpty());
}

void TestSales::twoPartsTheSecondOnlyOnceTheFirstIsPaid()
{
    test::TestStack t;
    const PhoneNumber phone = test::phoneEndingIn('5');
    QVERIFY(t.sales().needsParts(Money::fromShillings(200'000)));
    QVERIFY(!t.sales().needsParts(Money::fromShillings(kLimit)));
    const QString first = t.sales().start(Money::fromShillings(200'000), phone);
    QVERIFY(!first.isEmpty());
    const QString saleRef = saleOf(t, first);
    QVERIFY(!saleRef.isEmpty());
    QCOMPARE(t.pushesOnceIdle(), 1);
    QCOMPARE(pushedShillings(t), (QList<qint64>{150'000}));

    // While part 1 waits for the customer, part 2 waits too.
    QVERIFY(t.advanceUntil([&] { return t.journal().find(first)->state == PaymentState::Pending; }, 5s));
    int pushesWhileWaiting = 0;
    QVERIFY(t.advanceUntil(
        [&] {
            const Payment part1 = *t.journal().find(first);
            if (part1.state != PaymentState::Complete)
                pushesWhileWaiting =
                    std::max(pushesWhileWaiting, static_cast<int>(t.simulator.pushes().size()));
            return part1.state == PaymentState::Complete;
        },
        3min));
    QCOMPARE(pushesWhileWaiting, 1);
    QTRY_COMPARE(t.simulator.pushes().size(), 2);
    const IntaSendSimulator::ReceivedPush second = t.simulator.pushes().at(1);
    QCOMPARE(second.amountShillings, 50'000);
    QCOMPARE(second.phone, t.simulator.pushes().at(0).phone); // the same phone
    QVERIFY(second.apiRef != first);
    const Payment part2 = *t.journal().find(second.apiRef);
    QCOMPARE(part2.saleRef, saleRef);
    QCOMPARE(part2.salePart, 2);
    QCOMPARE(part2.saleParts, 2);

    QVERIFY(untilSettled(t, saleRef));
    QCOMPARE(t.journal().find(second.apiRef)->state, PaymentState::Complete);
    const std::optional<Sale> sale = t.sales().sale(saleRef);
    QVERIFY(!sale->isOpen());
    QVERIFY(!sale->closedShort());
    QCOMPARE(progressOf(t, saleRef).paid, Money::fromShillings(200'000));
    // And a third never goes.
    t.clock.advance(10min);
    QCOMPARE(t.pushesOnceIdle(), 2);
    QCOMPARE(t.todaysTotals().paidSum, Money::fromShillings(200'000));
}

void TestSales::threePartsOneAfterAnother()
{
    test::TestStack t;
    const QString first = t.sales().start(Money::fromShillings(450'000), test::phoneEndingIn('5'));
    const QString saleRef = saleOf(t, first);
    QCOMPARE(t.sales().sale(saleRef)->parts, 3);
    QVERIFY(untilSettled(t, saleRef));
    QCOMPARE(pushedShillings(t), (QList<qint64>{150'000, 150'000, 150'000}));
    QStringList refs;
    for (const IntaSendSimulator::ReceivedPush& push : t.simulator.pushes())
        refs.append(push.apiRef);
    refs.removeDuplicates();
    QCOMPARE(refs.size(), 3);
    QVERIFY(!t.sales().sale(saleRef)->isOpen());
    QCOMPARE(progressOf(t, saleRef).partsPaid, 3);
}

void TestSales::aPartNotPaidStopsTheSale()
{
    test::TestStack t;
    t.simulator.scriptNextCustomers({pays(), cancels()});
    const QString first = t.sales().start(Money::fromShillings(450'000), test::phoneEndingIn('5'));
    const QString saleRef = saleOf(t, first);
    QVERIFY(untilSettled(t, saleRef));
    QCOMPARE(pushedShillings(t), (QList<qint64>{150'000, 150'000})); // part 3 never went
    const SaleProgress progress = progressOf(t, saleRef);
    QCOMPARE(progress.latest->state, PaymentState::Failed);
    QCOMPARE(progress.latest->salePart, 2);
    QCOMPARE(progress.outstanding, Money::fromShillings(300'000));
    QVERIFY(t.sales().sale(saleRef)->isOpen());
    t.clock.advance(30min);
    QCOMPARE(t.pushesOnceIdle(), 2);
}

void TestSales::theUnpaidPartGoesAgainAfterItsLastCheck()
{
    test::TestStack t;
    const QString saleRef = saleStoppedAtPartTwo(t, 200'000);
    QVERIFY(!saleRef.isEmpty());
    const Payment failed = *progressOf(t, saleRef).latest;
    QCOMPARE(failed.state, PaymentState::Failed);
    QCOMPARE(lastCheck(t, failed.localRef).verdict, ResendCheck::Verdict::MaySend);
    const QString again = t.resends().resend(failed.localRef);
    QVERIFY(!again.isEmpty());
    const Payment resent = *t.journal().find(again);
    QCOMPARE(resent.replacesRef, failed.localRef);
    QCOMPARE(resent.saleRef, saleRef);
    QCOMPARE(resent.salePart, 2); // the same part, again
    QCOMPARE(resent.amount, Money::fromShillings(50'000));
    QVERIFY(untilSettled(t, saleRef));
    QCOMPARE(pushedShillings(t), (QList<qint64>{150'000, 50'000, 50'000}));
    QVERIFY(!t.sales().sale(saleRef)->isOpen());
}

void TestSales::theRestFromAnotherPhone()
{
    test::TestStack t;
    const QString saleRef = saleStoppedAtPartTwo(t, 450'000);
    QVERIFY(!saleRef.isEmpty());
    const Payment failed = *progressOf(t, saleRef).latest;
    const PhoneNumber other = PhoneNumber::parse(QStringLiteral("0722000116")).value();
    QCOMPARE(lastCheck(t, failed.localRef).verdict, ResendCheck::Verdict::MaySend);
    const QString again = t.resends().resend(failed.localRef, other);
    QCOMPARE(t.journal().find(again)->phone, other);
    // Part 2 from the other phone, and part 3 after it, by itself, to that phone.
    QVERIFY(untilSettled(t, saleRef));
    QCOMPARE(t.simulator.pushes().size(), 4);
    QCOMPARE(t.simulator.pushes().at(2).phone, other.normalised());
    QCOMPARE(t.simulator.pushes().at(3).phone, other.normalised());
    QVERIFY(!t.sales().sale(saleRef)->isOpen());
    QCOMPARE(progressOf(t, saleRef).paid, Money::fromShillings(450'000));
    // The other phone finds the sale too (the duplicate question).
    QVERIFY(!t.journal().sales().latestOpen(other, Money::fromShillings(450'000), t.clock.now().addDays(-1)));
}

void TestSales::theRestInCashAndTheReportAddsUp()
{
    test::TestStack t;
    const std::optional<Shift> shift = t.shifts().open(QStringLiteral("Akinyi"));
    QVERIFY(shift);
    const QString saleRef = saleStoppedAtPartTwo(t, 200'000);
    QVERIFY(!saleRef.isEmpty());
    QString refusal = QStringLiteral("not called");
    t.sales().settleRestInCash(saleRef, Money::fromShillings(50'000), this,
                               [&](const QString& r) { refusal = r; });
    QTRY_COMPARE(refusal, QString());
    const SaleProgress progress = progressOf(t, saleRef);
    QCOMPARE(progress.paid, Money::fromShillings(150'000));
    QCOMPARE(progress.cash, Money::fromShillings(50'000));
    QCOMPARE(progress.latest->state, PaymentState::Cash); // part 2, settled in cash
    QCOMPARE(progress.latest->salePart, 2);
    QVERIFY(!t.sales().sale(saleRef)->isOpen());
    QCOMPARE(t.journal().partsOf(saleRef).size(), 2); // no cash part needed: part 2 covered the rest

    const ShiftReport x =
        ShiftReport::build(t.journal(), *shift, ShiftReport::Kind::X, QStringLiteral("Till"), t.clock.now());
    QCOMPARE(x.mpesaTotal, Money::fromShillings(150'000));
    QCOMPARE(x.cashTotal, Money::fromShillings(50'000));
    QCOMPARE(x.takenTotal(), Money::fromShillings(200'000));
    QCOMPARE(x.paymentCount, 2);
    QCOMPARE(x.salesInParts, 1);
    QCOMPARE(x.salesInPartsTotal, Money::fromShillings(200'000));
    QVERIFY(x.openSales.isEmpty());
    QVERIFY(x.toPlainText().contains(QStringLiteral("Sales in parts × 1: KES 200,000")));
}

void TestSales::theRestInCashCoversPartsNeverSent()
{
    test::TestStack t;
    const std::optional<Shift> shift = t.shifts().open(QStringLiteral("Akinyi"));
    const QString saleRef = saleStoppedAtPartTwo(t, 450'000);
    QVERIFY(!saleRef.isEmpty());
    ShiftReport x = ShiftReport::build(t.journal(), *shift, ShiftReport::Kind::X, {}, t.clock.now());
    QCOMPARE(x.openSales.size(), 1); // open, and said so
    QCOMPARE(x.openSales.first().outstanding, Money::fromShillings(300'000));
    QVERIFY(x.toPlainText().contains(QStringLiteral("Open sales")));
    QString refusal = QStringLiteral("not called");
    t.sales().settleRestInCash(saleRef, Money::fromShillings(300'000), this,
                               [&](const QString& r) { refusal = r; });
    QTRY_COMPARE(refusal, QString());
    const QList<Payment> parts = t.journal().partsOf(saleRef);
    QCOMPARE(parts.size(), 3);
    QCOMPARE(parts.at(1).state, PaymentState::Cash);
    QCOMPARE(parts.at(1).amount, Money::fromShillings(150'000));
    QCOMPARE(parts.at(2).state, PaymentState::Cash); // part 3 was never sent: the rest, in cash
    QCOMPARE(parts.at(2).salePart, 3);
    QCOMPARE(parts.at(2).amount, Money::fromShillings(150'000));
    QVERIFY(!t.sales().sale(saleRef)->isOpen());
    x = ShiftReport::build(t.journal(), *shift, ShiftReport::Kind::X, {}, t.clock.now());
    QCOMPARE(x.mpesaTotal + x.cashTotal, Money::fromShillings(450'000));
    QCOMPARE(x.cashTotal, Money::fromShillings(300'000));
    QVERIFY(x.openSales.isEmpty());
    QCOMPARE(t.pushesOnceIdle(), 2);
    // Nothing left: F9 again is refused.
    t.sales().settleRestInCash(saleRef, Money::fromShillings(300'000), this,
                               [&](const QString& r) { refusal = r; });
    QVERIFY(!refusal.isEmpty());
}

void TestSales::closedShortOnlyWhenNothingWaits()
{
    test::TestStack t;
    t.simulator.scriptNextCustomers({pays(), cancels()});
    const QString first = t.sales().start(Money::fromShillings(200'000), test::phoneEndingIn('5'));
    const QString saleRef = saleOf(t, first);
    QVERIFY(t.waitForNetwork());
    QString refusal;
    QVERIFY(
        !t.sales().closeShort(saleRef, QStringLiteral("customer left"), QStringLiteral("Akinyi"), &refusal));
    QVERIFY(refusal.contains(QStringLiteral("waiting")));
    QVERIFY(untilSettled(t, saleRef));
    QVERIFY(!t.sales().closeShort(saleRef, QStringLiteral("  "), {}, &refusal)); // a reason is needed
    QVERIFY(
        t.sales().closeShort(saleRef, QStringLiteral("customer left"), QStringLiteral("Akinyi"), &refusal));
    const std::optional<Sale> sale = t.sales().sale(saleRef);
    QVERIFY(sale->closedShort());
    QCOMPARE(sale->shortReason, QStringLiteral("customer left"));
    QCOMPARE(sale->closedBy, QStringLiteral("Akinyi"));
    QVERIFY(t.sales().sendNext(saleRef, test::phoneEndingIn('5'), 2, &refusal).isEmpty());
    // Its turned-down part can no longer be sent again (F8 on its row) nor settled in cash.
    const Payment turnedDown = *progressOf(t, saleRef).latest;
    QCOMPARE(turnedDown.state, PaymentState::Failed);
    const ResendCheck check = lastCheck(t, turnedDown.localRef);
    QCOMPARE(check.verdict, ResendCheck::Verdict::Refused);
    QVERIFY2(check.reason.contains(QStringLiteral("closed short")), qPrintable(check.reason));
    QVERIFY(t.resends().resend(turnedDown.localRef).isEmpty());
    QString cashRefusal;
    t.cash().settle(turnedDown.localRef, this, [&](const Payment&, const QString& r) { cashRefusal = r; });
    QVERIFY(cashRefusal.contains(QStringLiteral("closed short")));
    QCOMPARE(t.journal().find(turnedDown.localRef)->state, PaymentState::Failed);
    QCOMPARE(t.pushesOnceIdle(), 2);
}

void TestSales::aPhonesDailyLimitStopsTheSaleAndAnotherPhonePays()
{
    test::TestStack t;
    t.simulator.setLimits({150'000, 300'000}); // IntaSend's defaults
    const QString saleRef =
        saleOf(t, t.sales().start(Money::fromShillings(450'000), test::phoneEndingIn('5')));
    QVERIFY(untilSettled(t, saleRef));
    QCOMPARE(t.simulator.pushes().size(), 2); // the third was refused: over the phone's day
    SaleProgress progress = progressOf(t, saleRef);
    QCOMPARE(progress.latest->state, PaymentState::Rejected);
    QVERIFY2(progress.latest->failureMessage.contains(QStringLiteral("daily")),
             qPrintable(progress.latest->failureMessage));
    QCOMPARE(progress.outstanding, Money::fromShillings(150'000));
    QCOMPARE(lastCheck(t, progress.latest->localRef).verdict, ResendCheck::Verdict::MaySend);
    QVERIFY(!t.resends().resend(progress.latest->localRef, test::phoneEndingIn('6')).isEmpty());
    QVERIFY(untilSettled(t, saleRef));
    QVERIFY(!t.sales().sale(saleRef)->isOpen());
}

void TestSales::aRestartNeverSendsAPartByItself()
{
    // As a run that stopped after part 1 was paid and before part 2 left left the journal (the crash test
    // stops a real till there).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    Journal::OpenError error;
    const QString saleRef = QStringLiteral("sale-left-open");
    {
        std::unique_ptr<Journal> journal = Journal::open(path, &error);
        QVERIFY2(journal, qPrintable(error.message));
        Sale sale;
        sale.ref = saleRef;
        sale.total = Money::fromShillings(200'000);
        sale.parts = 2;
        sale.phone = test::phoneEndingIn('5');
        sale.createdAt = QDateTime::currentDateTimeUtc().addSecs(-600);
        Payment part1;
        part1.localRef = QStringLiteral("part-1");
        part1.amount = Money::fromShillings(150'000);
        part1.phone = sale.phone;
        part1.state = PaymentState::Complete;
        part1.invoiceId = QStringLiteral("INV-1");
        part1.remoteState = QStringLiteral("COMPLETE");
        part1.mpesaReceipt = QStringLiteral("QC1D5A4TC6");
        part1.createdAt = sale.createdAt;
        part1.updatedAt = sale.createdAt.addSecs(30);
        part1.saleRef = saleRef;
        part1.salePart = 1;
        part1.saleParts = 2;
        QVERIFY(journal->addPayment(part1, &sale));
    }
    test::TestStack t({}, QString(), Journal::open(path, &error));
    QSignalSpy found(&t.sales(), &SaleDesk::openSaleFound);
    t.till().resume();
    t.sales().resume();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().first().value<Payment>().saleRef, saleRef);
    QVERIFY(!t.sales().isRunning(saleRef));
    t.clock.advance(10min);
    QCOMPARE(t.pushesOnceIdle(), 0); // nothing until the cashier asks
    QString refusal;
    // Asked about part 3 (a stale question): refused; about part 2: sent.
    QVERIFY(t.sales().sendNext(saleRef, test::phoneEndingIn('5'), 3, &refusal).isEmpty());
    QVERIFY2(refusal.contains(QStringLiteral("part 2 is next")), qPrintable(refusal));
    QCOMPARE(t.pushesOnceIdle(), 0);
    const QString second = t.sales().sendNext(saleRef, test::phoneEndingIn('5'), 2, &refusal);
    QVERIFY2(!second.isEmpty(), qPrintable(refusal));
    QVERIFY(untilSettled(t, saleRef));
    QCOMPARE(pushedShillings(t), (QList<qint64>{50'000}));
    QVERIFY(!t.sales().sale(saleRef)->isOpen());
}

namespace {

// Part 1 of a 200,000 sale turned down twice (the first attempt and its resend), and then the first attempt
// found paid at IntaSend after all (by a reconciliation, say): part 1 is paid, its latest attempt is not.
struct LatePaidPart {
    QString saleRef;
    Payment first;
    Payment resent;
};

} // namespace

static std::optional<LatePaidPart> partOnePaidLate(test::TestStack& t, QObject* context)
{
    t.simulator.scriptNextCustomers({cancels(), cancels()});
    const QString firstRef = t.sales().start(Money::fromShillings(200'000), test::phoneEndingIn('5'));
    const QString saleRef = saleOf(t, firstRef);
    if (!t.advanceUntil([&] { return t.journal().find(firstRef)->state == PaymentState::Failed; }, 3min))
        return std::nullopt;
    std::optional<ResendCheck> check;
    t.resends().prepare(firstRef, context, [&](const ResendCheck& c) { check = c; });
    if (!QTest::qWaitFor([&] { return check.has_value(); }, 5000) ||
        check->verdict == ResendCheck::Verdict::Refused)
        return std::nullopt;
    const QString resentRef = t.resends().resend(firstRef);
    if (resentRef.isEmpty() ||
        !t.advanceUntil([&] { return t.journal().find(resentRef)->state == PaymentState::Failed; }, 3min))
        return std::nullopt;
    Payment first = *t.journal().find(firstRef);
    wire::Invoice paid;
    paid.invoiceId = first.invoiceId;
    paid.apiRef = first.localRef;
    paid.rawState = QStringLiteral("COMPLETE");
    paid.state = wire::RemoteState::Complete;
    paid.mpesaReference = QStringLiteral("QLATE12345");
    if (!t.till().recordPaidAtIntaSend(first, paid))
        return std::nullopt;
    return LatePaidPart{saleRef, *t.journal().find(firstRef), *t.journal().find(resentRef)};
}

void TestSales::aPartPaidLateIsNeverTakenAgain()
{
    test::TestStack t;
    const std::optional<LatePaidPart> sale = partOnePaidLate(t, this);
    QVERIFY(sale);
    const SaleProgress progress = progressOf(t, sale->saleRef);
    QCOMPARE(progress.paid, Money::fromShillings(150'000));
    QCOMPARE(progress.outstanding, Money::fromShillings(50'000));
    QCOMPARE(progress.latest->localRef, sale->resent.localRef);
    QVERIFY(progress.latestPartSettled);
    QCOMPARE(progress.nextPart(), 2);
    // Its turned-down resend is neither sent again (150,000 more) nor settled in cash.
    const ResendCheck check = lastCheck(t, sale->resent.localRef);
    QCOMPARE(check.verdict, ResendCheck::Verdict::Refused);
    QVERIFY2(check.reason.contains(QStringLiteral("already paid")), qPrintable(check.reason));
    QVERIFY(t.resends().resend(sale->resent.localRef).isEmpty());
    QString refusal = QStringLiteral("not called");
    t.cash().settle(sale->resent.localRef, this, [&](const Payment&, const QString& r) { refusal = r; });
    QTRY_VERIFY2(refusal.contains(QStringLiteral("already paid")), qPrintable(refusal));
    QCOMPARE(t.journal().find(sale->resent.localRef)->state, PaymentState::Failed);
    // What is left goes as part 2: 50,000.
    const QString second = t.sales().sendNext(sale->saleRef, test::phoneEndingIn('5'), 2, &refusal);
    QVERIFY2(!second.isEmpty(), qPrintable(refusal));
    QVERIFY(untilSettled(t, sale->saleRef));
    QCOMPARE(pushedShillings(t), (QList<qint64>{150'000, 150'000, 50'000}));
    QCOMPARE(progressOf(t, sale->saleRef).paid, Money::fromShillings(200'000));
    QVERIFY(!t.sales().sale(sale->saleRef)->isOpen());
}

void TestSales::aPartPaidLateThenTheRestInCash()
{
    test::TestStack t;
    const std::optional<Shift> shift = t.shifts().open(QStringLiteral("Akinyi"));
    const std::optional<LatePaidPart> sale = partOnePaidLate(t, this);
    QVERIFY(sale);
    QString refusal = QStringLiteral("not called");
    t.sales().settleRestInCash(sale->saleRef, Money::fromShillings(50'000), this,
                               [&](const QString& r) { refusal = r; });
    QTRY_COMPARE(refusal, QString());
    // The rest is a cash part of 50,000: not the turned-down resend settled as 150,000.
    const QList<Payment> parts = t.journal().partsOf(sale->saleRef);
    QCOMPARE(parts.size(), 3);
    QCOMPARE(parts.at(1).state, PaymentState::Failed);
    QCOMPARE(parts.at(2).state, PaymentState::Cash);
    QCOMPARE(parts.at(2).amount, Money::fromShillings(50'000));
    QCOMPARE(parts.at(2).salePart, 2);
    const ShiftReport x = ShiftReport::build(t.journal(), *shift, ShiftReport::Kind::X, {}, t.clock.now());
    QCOMPARE(x.mpesaTotal, Money::fromShillings(150'000));
    QCOMPARE(x.cashTotal, Money::fromShillings(50'000));
    QVERIFY(!t.sales().sale(sale->saleRef)->isOpen());
}

void TestSales::cashForTheRestIsRefusedWhenTheSaleMovedOnMeanwhile()
{
    // 400,000: 150,000 + 150,000 + 100,000. The cashier is asked about cash for the rest (250,000) while
    // part 2 waits; the customer approves part 2 before the cashier answers.
    test::TestStack t;
    const QString first = t.sales().start(Money::fromShillings(400'000), test::phoneEndingIn('5'));
    const QString saleRef = saleOf(t, first);
    QVERIFY(t.advanceUntil([&] { return progressOf(t, saleRef).latest->salePart == 2; }, 3min));
    t.sales().holdBack(saleRef); // the question is open
    QVERIFY(
        t.advanceUntil([&] { return progressOf(t, saleRef).paid == Money::fromShillings(300'000); }, 3min));
    QCoreApplication::processEvents();
    QCOMPARE(t.pushesOnceIdle(), 2); // no part 3 while the cashier is asked
    QString refusal = QStringLiteral("not called");
    t.sales().settleRestInCash(saleRef, Money::fromShillings(250'000), this,
                               [&](const QString& r) { refusal = r; });
    QTRY_VERIFY2(refusal.contains(QStringLiteral("100,000 is left")), qPrintable(refusal));
    QCOMPARE(progressOf(t, saleRef).cash, Money{});
    // "Keep waiting": the sale runs on, and part 3 goes by itself.
    t.sales().letRun(saleRef);
    QVERIFY(untilSettled(t, saleRef));
    QCOMPARE(pushedShillings(t), (QList<qint64>{150'000, 150'000, 100'000}));
    QVERIFY(!t.sales().sale(saleRef)->isOpen());
}

void TestSales::aPartPaidTwiceOverStillLetsTheNextPartsGoByThemselves()
{
    // Part 1's "paid" heard again (its receipt code arriving in a later answer) while part 2 waits: the
    // sale goes on by itself to part 3 all the same.
    test::TestStack t;
    const QString firstRef = t.sales().start(Money::fromShillings(450'000), test::phoneEndingIn('5'));
    const QString saleRef = saleOf(t, firstRef);
    QVERIFY(t.advanceUntil([&] { return progressOf(t, saleRef).latest->salePart == 2; }, 3min));
    QVERIFY(t.waitForNetwork());
    Payment first = *t.journal().find(firstRef);
    QCOMPARE(first.state, PaymentState::Complete);
    wire::Invoice again;
    again.invoiceId = first.invoiceId;
    again.apiRef = first.localRef;
    again.rawState = QStringLiteral("COMPLETE");
    again.state = wire::RemoteState::Complete;
    again.mpesaReference = QStringLiteral("QAGAIN1234");
    QVERIFY(t.till().recordPaidAtIntaSend(first, again));
    QCoreApplication::processEvents();
    QVERIFY(t.sales().isRunning(saleRef));
    QVERIFY(untilSettled(t, saleRef));
    QCOMPARE(pushedShillings(t), (QList<qint64>{150'000, 150'000, 150'000}));
    QVERIFY(!t.sales().sale(saleRef)->isOpen());
}

QTEST_MAIN(TestSales)
#include "tst_sales.moc"
