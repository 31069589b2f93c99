// SPDX-License-Identifier: GPL-3.0-or-later
#include "JournalTesting.h"
#include "ReconcileReport.h"
#include "TestStack.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace lipa;
using namespace std::chrono_literals;
using sim::Fault;
using sim::FaultMode;
using sim::FaultScope;

// Reconciling the till's journal with IntaSend's records, on the manual clock against the simulator: every
// category, the figures checked against the journal, paging politely through a thousand invoices with a
// "slow down" in the middle, cancelling, and a refused key.
class TestReconcile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyCategoryIsFoundAndKept();
    void thousandInvoicesArePagedPolitely();
    void cancelledRunKeepsNothingAndAsksNoMore();
    void refusedKeyEndsIncompleteWithAClearMessage();
    void refusedKeyLeavesALostPaymentAsItWas();
    void zReportCarriesTheSummary();

private:
    static std::unique_ptr<test::TestStack>
    stackWithSecret(const QString& key = QStringLiteral("ISSecretKey_test_rec-ncile"))
    {
        return std::make_unique<test::TestStack>(Settings{}, key);
    }
    static Payment paymentOf(test::TestStack& t, const QString& ref) { return *t.journal().find(ref); }
    // Runs a reconciliation of today to the end and returns it.
    static std::optional<Reconciliation> reconcileToday(test::TestStack& t)
    {
        QSignalSpy finished(&t.stack->reconciler, &Reconciler::finished);
        const QDateTime now = t.clock.now();
        if (!t.stack->reconciler.start(now.toLocalTime().date().startOfDay().toUTC(), now.addSecs(1)))
            return std::nullopt;
        if (!t.advanceUntil([&] { return !finished.isEmpty(); }, 10min, 250ms))
            return std::nullopt;
        return finished.first().first().value<Reconciliation>();
    }
    static void setAmount(Journal& journal, const QString& ref, qint64 cents)
    {
        QSqlQuery q(QSqlDatabase::database(journal.connectionName()));
        q.prepare(QStringLiteral("UPDATE payments SET amount_cents = ? WHERE local_ref = ?"));
        q.addBindValue(cents);
        q.addBindValue(ref);
        QVERIFY(q.exec());
    }
};

void TestReconcile::everyCategoryIsFoundAndKept()
{
    const auto t = stackWithSecret();
    t->clock.setWallClock(QDateTime(QDate(2026, 12, 2), QTime(10, 0)).toUTC());
    // Matched: an ordinary paid sale.
    const QString matched = t->till().charge(Money::fromShillings(1000), test::phoneEndingIn('5'));
    QVERIFY(t->advanceUntil([&] { return paymentOf(*t, matched).state == PaymentState::Complete; }, 30s));
    // Both say not paid: a customer who cancelled.
    const QString cancelled = t->till().charge(Money::fromShillings(300), test::phoneEndingIn('0'));
    QVERIFY(t->advanceUntil([&] { return paymentOf(*t, cancelled).state == PaymentState::Failed; }, 30s));
    // Amount differs: paid, but the journal says another amount.
    const QString differs = t->till().charge(Money::fromShillings(2000), test::phoneEndingIn('6'));
    QVERIFY(t->advanceUntil([&] { return paymentOf(*t, differs).state == PaymentState::Complete; }, 30s));
    setAmount(t->journal(), differs, 190000);
    // Paid here, not at IntaSend: a payment the journal has paid that IntaSend never saw.
    Payment ghost;
    ghost.localRef = QStringLiteral("ghost-0001");
    ghost.amount = Money::fromShillings(450);
    ghost.phone = test::phoneEndingIn('7');
    ghost.state = PaymentState::Complete;
    ghost.createdAt = t->clock.now();
    ghost.updatedAt = ghost.createdAt;
    ghost.invoiceId = QStringLiteral("NOPE42");
    ghost.mpesaReceipt = QStringLiteral("QX1234GHST");
    QVERIFY(test::addHistory(t->journal(), {ghost}));
    // Another till on the same account sells to the same phone for the same amount, and is paid.
    auto other = test::TestStack::stackFor(t->clock, t->simulator.baseUrl().toString(),
                                           QStringLiteral("ISPubKey_test_other"), 10s);
    const QString othersRef = other->till.charge(Money::fromShillings(1000), test::phoneEndingIn('5'));
    for (int step = 0; step < 60 && other->journal.find(othersRef)->state != PaymentState::Complete; ++step) {
        QVERIFY(QTest::qWaitFor([&] { return other->till.requestsInFlight() == 0; }, 10000));
        t->clock.advance(500ms);
    }
    QCOMPARE(other->journal.find(othersRef)->state, PaymentState::Complete);
    // Paid at IntaSend, not here: the push's answer was lost and the customer paid.
    t->simulator.setFault({FaultMode::DropAfterRequest, 0, FaultScope::Pushes});
    const QString lost = t->till().charge(Money::fromShillings(800), test::phoneEndingIn('8'));
    QVERIFY(t->waitForNetwork());
    t->simulator.setFault({});
    QCOMPARE(paymentOf(*t, lost).state, PaymentState::Unknown);
    t->clock.advance(6s); // paid at IntaSend; the till has not looked it up yet (15 s)
    QVERIFY(t->waitForNetwork());
    QCOMPARE(paymentOf(*t, lost).state, PaymentState::Unknown);

    const std::optional<Reconciliation> r = reconcileToday(*t);
    QVERIFY(r);
    const ReconcileSummary& s = r->summary;
    QVERIFY2(s.complete, qPrintable(s.incompleteReason));
    QCOMPARE(s.paymentsHere, 5);
    QCOMPARE(s.matched, 2); // the paid sale, and the cancelled one both sides call unpaid
    QCOMPARE(s.paidThereOnly, 1);
    QCOMPARE(s.paidHereOnly, 1);
    QCOMPARE(s.amountDiffers, 1);
    QCOMPARE(s.otherSender, 1);
    QCOMPARE(s.otherSenderSum, Money::fromShillings(1000));
    QVERIFY(!s.agrees());
    // IntaSend's figures: this till's paid invoices (1,000 + 2,000 + 800), 3 % fees in the simulator.
    QCOMPARE(s.paidAtIntaSend, Money::fromShillings(3800));
    QCOMPARE(s.charges, Money::fromCents(3800 * 3));
    QCOMPARE(s.net, Money::fromCents(380000 - 3800 * 3));
    QCOMPARE(s.invoicesRead, 5); // ours four, and the other till's one
    QCOMPARE(s.requests, 1);

    const auto item = [&](ReconcileCategory category) {
        for (const ReconcileItem& i : r->items) {
            if (i.category == category)
                return i;
        }
        return ReconcileItem{};
    };
    QCOMPARE(item(ReconcileCategory::PaidThereOnly).apiRef, lost);
    QCOMPARE(item(ReconcileCategory::PaidHereOnly).apiRef, ghost.localRef);
    QVERIFY(item(ReconcileCategory::PaidHereOnly).stateThere.isEmpty()); // not found at all
    QCOMPARE(item(ReconcileCategory::AmountDiffers).apiRef, differs);
    QCOMPARE(item(ReconcileCategory::AmountDiffers).amountHere, Money::fromShillings(1900));
    QCOMPARE(item(ReconcileCategory::AmountDiffers).amountThere, Money::fromShillings(2000));
    QCOMPARE(item(ReconcileCategory::OtherSender).amountThere, Money::fromShillings(1000));
    QVERIFY(item(ReconcileCategory::OtherSender).apiRef != matched);

    // Paid at IntaSend: recorded now, with its receipt, and flagged in its history.
    const Payment found = paymentOf(*t, lost);
    QCOMPARE(found.state, PaymentState::Complete);
    QCOMPARE(found.mpesaReceipt, t->simulator.receiptFor(found.invoiceId));
    QString history;
    for (const PaymentEvent& event : t->journal().events(lost))
        history += event.detail + u'\n';
    QVERIFY2(history.contains(QStringLiteral("found paid at IntaSend by reconciliation")),
             qPrintable(history));
    QCOMPARE(t->pushesOnceIdle(), 5); // four of ours and the other till's: nothing was charged again

    // IntaSend's fees kept on the payments; the figures agree with the journal.
    QCOMPARE(paymentOf(*t, matched).charges, Money::fromCents(3000));
    QCOMPARE(paymentOf(*t, matched).netAmount, Money::fromCents(97000));
    QVERIFY(!paymentOf(*t, cancelled).charges);
    Money feesInJournal;
    Money paidInJournalAtIntaSend;
    for (const Payment& p : t->journal().paymentsBetween(s.from, s.to)) {
        feesInJournal += p.charges.value_or(Money());
        if (p.charges)
            paidInJournalAtIntaSend += p.netAmount.value_or(Money()) + *p.charges;
    }
    QCOMPARE(feesInJournal, s.charges);
    QCOMPARE(paidInJournalAtIntaSend, s.paidAtIntaSend);

    // Kept like a Z report.
    const QList<Reconciliation> kept = t->journal().reconciliations().latest(5);
    QCOMPARE(kept.size(), 1);
    const std::optional<Reconciliation> again = t->journal().reconciliations().find(kept.first().id);
    QVERIFY(again);
    QCOMPARE(again->summary.paidThereOnly, 1);
    QCOMPARE(again->summary.net, s.net);
    QCOMPARE(again->items.size(), r->items.size());
    // And its report says it.
    const QString text = ReconcileReport::summaryText(again->summary);
    QVERIFY2(text.contains(QStringLiteral("NOT fully agree")), qPrintable(text));
    const QByteArray csv = ReconcileReport::toCsv(*again);
    QCOMPARE(csv.count("\r\n"), 5); // header and four items
    QVERIFY(csv.contains(ghost.localRef.toUtf8()));
}

void TestReconcile::thousandInvoicesArePagedPolitely()
{
    const auto t = stackWithSecret();
    t->clock.setWallClock(QDateTime(QDate(2026, 12, 2), QTime(9, 0)).toUTC());
    QList<QString> refs;
    // In batches, a little apart: a thousand pushes queued at once outlast their 10 s transfer timeout on a
    // slow machine (the sanitizer build), and a thousand status checks due at once outlast waitForNetwork.
    for (int i = 0; i < 1000; ++i) {
        refs.append(t->till().charge(Money::fromShillings(100 + i), test::phoneEndingIn('5')));
        if (i % 100 == 99) {
            QVERIFY(t->waitForNetwork());
            t->clock.advance(300ms); // each batch's status checks then fall due apart from the others'
        }
    }
    QVERIFY(t->advanceUntil([&] { return t->todaysTotals().paidCount == 1000; }, 60s, 250ms));
    const int before = t->simulator.recordRequestCount();

    // IntaSend says "slow down" at the fourth page, once; the run waits as told and goes on.
    QSignalSpy progress(&t->stack->reconciler, &Reconciler::progress);
    QSignalSpy waiting(&t->stack->reconciler, &Reconciler::waiting);
    QSignalSpy finished(&t->stack->reconciler, &Reconciler::finished);
    connect(&t->stack->reconciler, &Reconciler::progress, this, [&](int pages) {
        if (pages == 3)
            t->simulator.setFault({FaultMode::RateLimited, 20, FaultScope::Records});
    });
    connect(&t->stack->reconciler, &Reconciler::waiting, this, [&] { t->simulator.setFault({}); });
    const QDateTime now = t->clock.now();
    QVERIFY(t->stack->reconciler.start(now.addSecs(-3600), now.addSecs(1)));
    QVERIFY(!t->stack->reconciler.start(now.addSecs(-3600), now.addSecs(1))); // one at a time
    // Polite: never two requests within the pace's interval.
    QVERIFY(t->waitForNetwork());
    QCOMPARE(t->simulator.recordRequestCount(), before + 1);
    t->clock.advance(200ms);
    QVERIFY(t->waitForNetwork());
    QCOMPARE(t->simulator.recordRequestCount(), before + 1);
    QVERIFY(t->advanceUntil([&] { return !finished.isEmpty(); }, 5min, 250ms));
    QCOMPARE(waiting.size(), 1);
    QCOMPARE(waiting.first().first().value<std::chrono::seconds>(), 20s);
    const Reconciliation r = finished.first().first().value<Reconciliation>();
    QVERIFY2(r.summary.complete, qPrintable(r.summary.incompleteReason));
    QCOMPARE(r.summary.matched, 1000);
    QCOMPARE(r.summary.invoicesRead, 1000);
    QCOMPARE(r.summary.requests, 11); // ten pages of 100, one asked twice
    // The simulator counts the lists it served: the one answered "slow down" was turned away at the door.
    QCOMPARE(t->simulator.recordRequestCount(), before + 10);
    QCOMPARE(progress.last().at(2).toInt(), 1000); // IntaSend's count
    // The pace: 10 pages at 250 ms, and the 20 s wait.
    QVERIFY(r.summary.finishedAt >= r.summary.startedAt.addSecs(20));
    QVERIFY(r.items.isEmpty());
}

void TestReconcile::cancelledRunKeepsNothingAndAsksNoMore()
{
    const auto t = stackWithSecret();
    for (int i = 0; i < 300; ++i) {
        t->till().charge(Money::fromShillings(100 + i), test::phoneEndingIn('5'));
        if (i % 100 == 99)
            QVERIFY(t->waitForNetwork());
    }
    QVERIFY(t->advanceUntil([&] { return t->todaysTotals().paidCount == 300; }, 60s, 1s));
    QSignalSpy cancelled(&t->stack->reconciler, &Reconciler::cancelled);
    QSignalSpy finished(&t->stack->reconciler, &Reconciler::finished);
    const QDateTime now = t->clock.now();
    QVERIFY(t->stack->reconciler.start(now.addSecs(-3600), now.addSecs(1)));
    QVERIFY(t->waitForNetwork());
    t->stack->reconciler.cancel();
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(!t->stack->reconciler.isRunning());
    const int asked = t->simulator.recordRequestCount();
    t->clock.advance(1min);
    QVERIFY(t->waitForNetwork());
    QCOMPARE(t->simulator.recordRequestCount(), asked);
    QVERIFY(finished.isEmpty());
    QVERIFY(t->journal().reconciliations().latest(1).isEmpty());
}

void TestReconcile::refusedKeyEndsIncompleteWithAClearMessage()
{
    const auto t = stackWithSecret(QStringLiteral("not-a-secret-key"));
    const std::optional<Reconciliation> r = reconcileToday(*t);
    QVERIFY(r);
    QVERIFY(!r->summary.complete);
    QVERIFY2(r->summary.incompleteReason.contains(QStringLiteral("key"), Qt::CaseInsensitive),
             qPrintable(r->summary.incompleteReason));
    QCOMPARE(r->summary.requests, 1); // refused keys are not tried again and again
    QVERIFY(!ReconcileReport::summaryText(r->summary).contains(QStringLiteral("not-a-secret-key")));
}

void TestReconcile::refusedKeyLeavesALostPaymentAsItWas()
{
    // A push whose answer was lost, then the till restarts with a secret key IntaSend refuses (revoked).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    Journal::OpenError error;
    const auto t = std::make_unique<test::TestStack>(Settings{}, QStringLiteral("ISSecretKey_test_rec-ncile"),
                                                     Journal::open(path, &error));
    t->simulator.setFault({FaultMode::DropAfterRequest, 0, FaultScope::Pushes});
    const QString ref = t->till().charge(Money::fromShillings(640), test::phoneEndingIn('5'));
    QVERIFY(t->waitForNetwork());
    t->simulator.setFault({});
    QCOMPARE(paymentOf(*t, ref).state, PaymentState::Unknown);
    t->stack.reset();
    ClientConfig revoked;
    revoked.baseUrl = t->simulator.baseUrl();
    revoked.publicKey = QStringLiteral("ISPubKey_test_unit");
    revoked.secretKey = QStringLiteral("revoked-key");
    revoked.transferTimeout = 10s;
    t->stack = std::make_unique<TillStack>(t->clock, revoked, Settings{}, Journal::open(path, &error));
    QVERIFY(t->stack->journal.find(ref));
    const int looks = t->simulator.recordRequestCount();
    t->till().resume(); // looks again at start-up
    QVERIFY(t->waitForNetwork());
    QVERIFY(t->advanceUntil(
        [&] { return paymentOf(*t, ref).failureMessage.contains(QStringLiteral("could not be searched")); },
        30s));
    const Payment after = paymentOf(*t, ref);
    QCOMPARE(after.state, PaymentState::Unknown);
    QVERIFY(after.invoiceId.isEmpty());
    QVERIFY2(after.failureMessage.contains(QStringLiteral("key"), Qt::CaseInsensitive),
             qPrintable(after.failureMessage));
    QVERIFY(!after.failureMessage.contains(QStringLiteral("revoked-key")));
    QVERIFY(t->simulator.recordRequestCount() > looks); // it asked, and was refused
    QCOMPARE(t->pushesOnceIdle(), 1);
}

void TestReconcile::zReportCarriesTheSummary()
{
    const auto t = stackWithSecret();
    QVERIFY(t->shifts().open(QStringLiteral("Wanjiru")));
    t->clock.advance(1s);
    const QString paid = t->till().charge(Money::fromShillings(1200), test::phoneEndingIn('5'));
    QVERIFY(t->advanceUntil([&] { return paymentOf(*t, paid).state == PaymentState::Complete; }, 30s));
    // Not reconciled yet: the X report says so.
    const std::optional<ShiftReport> x = t->shifts().xReport();
    QVERIFY(x);
    QVERIFY(x->reconciliationExpected);
    QVERIFY(x->toPlainText().contains(QStringLiteral("Not reconciled with IntaSend")));
    // Reconcile the shift, then close it: the Z report kept in the journal carries the summary.
    QSignalSpy finished(&t->stack->reconciler, &Reconciler::finished);
    QVERIFY(t->stack->reconciler.start(t->shifts().current()->openedAt, t->clock.now().addMSecs(1)));
    QVERIFY(t->advanceUntil([&] { return !finished.isEmpty(); }, 1min, 250ms));
    t->clock.advance(30s);
    const std::optional<ShiftReport> z = t->shifts().close();
    QVERIFY(z);
    QVERIFY(z->reconciliation);
    QCOMPARE(z->reconciliation->matched, 1);
    QCOMPARE(z->reconciliation->charges, Money::fromCents(3600));
    const QString kept = t->journal().shifts().find(z->shift.id)->zReport;
    QVERIFY2(kept.contains(QStringLiteral("IntaSend agrees with this till.")), qPrintable(kept));
    QVERIFY2(kept.contains(Money::fromCents(116400).toDisplayString()), qPrintable(kept)); // net
}

QTEST_GUILESS_MAIN(TestReconcile)
#include "tst_reconcile.moc"
