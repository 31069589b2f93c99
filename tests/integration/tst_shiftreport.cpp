// SPDX-License-Identifier: GPL-3.0-or-later
#include "Receipt.h"
#include "ShiftReport.h"
#include "TestStack.h"

#include <QSignalSpy>
#include <QTest>

using namespace lipa;
using namespace std::chrono_literals;

// Shifts and their X and Z reports, against a journal seeded with payments of every outcome, some of
// them outside the shift.
class TestShiftReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void xReportCountsTheShiftOnly();
    void zReportClosesTheShiftAndIsKept();
    void oneShiftOpenAtATime();
    void cashCountsInTheShiftThatTookIt();
    void receiptSaysWhatWasPaid();

private:
    // Seeds payments created at `at` + i minutes, in the given states.
    static void seed(Journal& journal, const QDateTime& at, const QList<QPair<PaymentState, qint64>>& sales);
    // A payment IntaSend knows and last showed as waiting for the customer.
    static Payment seededOpenAtIntaSend(const QString& ref, const QDateTime& createdAt);
};

Payment TestShiftReport::seededOpenAtIntaSend(const QString& ref, const QDateTime& createdAt)
{
    Payment p;
    p.localRef = ref;
    p.amount = Money::fromShillings(70);
    p.phone = PhoneNumber::parse(QStringLiteral("0712345999")).value();
    p.state = PaymentState::Pending;
    p.invoiceId = QStringLiteral("7");
    p.remoteState = QStringLiteral("PENDING");
    p.createdAt = createdAt;
    p.updatedAt = createdAt;
    return p;
}

void TestShiftReport::seed(Journal& journal, const QDateTime& at,
                           const QList<QPair<PaymentState, qint64>>& sales)
{
    QList<Payment> payments;
    int minute = 0;
    for (const auto& [state, shillings] : sales) {
        Payment p;
        p.localRef = QUuid::createUuid().toString(QUuid::WithoutBraces);
        p.amount = Money::fromShillings(shillings);
        p.phone = PhoneNumber::parse(QStringLiteral("0712345%1").arg(100 + minute)).value();
        p.state = state;
        p.createdAt = at.addSecs(60 * minute);
        p.updatedAt = p.createdAt;
        if (state == PaymentState::Complete)
            p.mpesaReceipt = QStringLiteral("QREC%1").arg(minute, 6, 10, QLatin1Char('0'));
        payments.append(p);
        ++minute;
    }
    QVERIFY(test::addHistory(journal, payments));
}

void TestShiftReport::xReportCountsTheShiftOnly()
{
    test::TestStack t;
    const QDateTime opening = t.clock.now();
    // Before the shift: not counted.
    seed(t.journal(), opening.addSecs(-3600), {{PaymentState::Complete, 9000}, {PaymentState::Pending, 10}});
    t.clock.advance(1s);
    const std::optional<Shift> shift = t.shifts().open(QStringLiteral("  Wanjiru  "));
    QVERIFY(shift);
    QCOMPARE(shift->cashier, QStringLiteral("Wanjiru"));
    seed(t.journal(), t.clock.now().addSecs(1),
         {{PaymentState::Complete, 1500},
          {PaymentState::Complete, 250},
          {PaymentState::Failed, 700},
          {PaymentState::Rejected, 80},
          {PaymentState::Cash, 400},
          {PaymentState::Unknown, 1200},
          {PaymentState::Expired, 300},
          {PaymentState::Pending, 50}});
    t.clock.advance(30min);

    const std::optional<ShiftReport> x = t.shifts().xReport();
    QVERIFY(x);
    QCOMPARE(x->kind, ShiftReport::Kind::X);
    QCOMPARE(x->paymentCount, 8);
    QCOMPARE(x->mpesaTotal, Money::fromShillings(1750));
    QCOMPARE(x->cashTotal, Money::fromShillings(400));
    QCOMPARE(x->takenTotal(), Money::fromShillings(2150));
    QCOMPARE(x->line(PaymentState::Complete)->count, 2);
    QCOMPARE(x->line(PaymentState::Failed)->sum, Money::fromShillings(700));
    QCOMPARE(x->line(PaymentState::Rejected)->count, 1);
    QVERIFY(!x->line(PaymentState::Processing)); // none in the shift: no line
    QCOMPARE(x->unresolved.size(), 3);           // Unknown, Expired, Pending
    QCOMPARE(x->unresolved.at(0).amount, Money::fromShillings(1200));

    const QString text = x->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Cashier: Wanjiru")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Total taken: KES 2,150")));
    QVERIFY(text.contains(QStringLiteral("Paid × 2: KES 1,750")));
    QVERIFY(!text.contains(QStringLiteral("9,000")));
    // An X report changes nothing: the shift is still open.
    QVERIFY(t.shifts().current());
    QVERIFY(t.journal().shifts().current()->zReport.isEmpty());
}

void TestShiftReport::zReportClosesTheShiftAndIsKept()
{
    test::TestStack t;
    QVERIFY(t.shifts().open(QStringLiteral("Otieno")));
    seed(t.journal(), t.clock.now().addSecs(1), {{PaymentState::Complete, 100}, {PaymentState::Expired, 60}});
    t.clock.advance(8h);
    const std::optional<ShiftReport> z = t.shifts().close();
    QVERIFY(z);
    QCOMPARE(z->kind, ShiftReport::Kind::Z);
    QCOMPARE(z->mpesaTotal, Money::fromShillings(100));
    QCOMPARE(z->unresolved.size(), 1);
    QVERIFY(!t.shifts().current());
    const std::optional<Shift> kept = t.journal().shifts().find(z->shift.id);
    QVERIFY(kept);
    QVERIFY(!kept->isOpen());
    QCOMPARE(kept->closedAt, t.clock.now());
    QCOMPARE(kept->zReport, z->toPlainText());
    QVERIFY(kept->zReport.contains(QStringLiteral("Z report")));
    QVERIFY(kept->zReport.contains(QStringLiteral("Unresolved")));
    // Payments after the close belong to no shift's report.
    seed(t.journal(), t.clock.now().addSecs(5), {{PaymentState::Complete, 5000}});
    QCOMPARE(ShiftReport::build(t.journal(), *kept, ShiftReport::Kind::Z, {}, t.clock.now()).paymentCount, 2);
    // Nothing more to close.
    QVERIFY(!t.shifts().close());
}

void TestShiftReport::cashCountsInTheShiftThatTookIt()
{
    // A sale left waiting at one shift's close and settled in cash in the next: the cash is in the next
    // shift's drawer, so that shift's report must count it.
    test::TestStack t;
    QVERIFY(t.shifts().open(QStringLiteral("Otieno")));
    seed(t.journal(), t.clock.now().addSecs(1), {{PaymentState::Pending, 500}});
    const QString waiting =
        t.journal().paymentsBetween(t.clock.now(), t.clock.now().addSecs(60)).first().localRef;
    t.clock.advance(1h);
    const std::optional<ShiftReport> first = t.shifts().close();
    QVERIFY(first);
    QCOMPARE(first->unresolved.size(), 1);
    QCOMPARE(first->cashTotal, Money());

    t.clock.advance(5min);
    QVERIFY(t.shifts().open(QStringLiteral("Wanjiru")));
    t.clock.advance(1min);
    QString refusal = QStringLiteral("not called");
    t.cash().settle(waiting, this, [&](const Payment&, const QString& r) { refusal = r; });
    QCOMPARE(refusal, QString());
    // Another sale of the first shift, settled in cash now while IntaSend still shows it open.
    Payment stillOpen =
        seededOpenAtIntaSend(QStringLiteral("earlier-open"), first->shift.openedAt.addSecs(120));
    QVERIFY(t.journal().addPayment(stillOpen));
    stillOpen.state = PaymentState::Cash;
    stillOpen.updatedAt = t.clock.now();
    QVERIFY(t.journal().updatePayment(stillOpen, QStringLiteral("settled in cash")));
    // A cash sale of this shift whose M-Pesa request IntaSend still shows open: counted, and listed to check.
    Payment open = seededOpenAtIntaSend(QStringLiteral("cash-mpesa-open"), t.clock.now());
    open.state = PaymentState::Cash;
    QVERIFY(t.journal().addPayment(open));

    t.clock.advance(1min);
    const std::optional<ShiftReport> x = t.shifts().xReport();
    QVERIFY(x);
    QCOMPARE(x->paymentCount, 1);
    QCOMPARE(x->cashTotal, Money::fromShillings(70));
    QCOMPARE(x->earlierSalesInCash.size(), 2);
    QCOMPARE(x->earlierSalesInCash.first().localRef, waiting);
    QCOMPARE(x->earlierCashTotal, Money::fromShillings(570));
    QCOMPARE(x->takenTotal(), Money::fromShillings(640));
    QCOMPARE(x->unresolved.size(), 2);
    QCOMPARE(x->unresolved.at(0).localRef, stillOpen.localRef); // the oldest first
    QCOMPARE(x->unresolved.at(1).localRef, open.localRef);
    QVERIFY2(x->toPlainText().contains(QStringLiteral("Cash for earlier shifts' sales × 2: KES 570")),
             qPrintable(x->toPlainText()));
    QVERIFY(x->toPlainText().contains(waiting));
    QVERIFY(x->toHtml().contains(QStringLiteral("Cash for earlier shifts")));
    // The first shift's kept Z report is not rewritten.
    QCOMPARE(t.journal().shifts().find(first->shift.id)->zReport, first->toPlainText());
}

void TestShiftReport::oneShiftOpenAtATime()
{
    test::TestStack t;
    QVERIFY(t.shifts().open(QStringLiteral("A")));
    QSignalSpy notices(&t.shifts(), &ShiftBook::notice);
    QVERIFY(!t.shifts().open(QStringLiteral("B")));
    QCOMPARE(notices.size(), 1);
    QCOMPARE(t.shifts().current()->cashier, QStringLiteral("A"));
}

void TestShiftReport::receiptSaysWhatWasPaid()
{
    Payment p;
    p.localRef = QStringLiteral("0d5c1a2b-1111-2222-3333-444455556666");
    p.amount = Money::fromShillings(1500);
    p.phone = PhoneNumber::parse(QStringLiteral("0712345678")).value();
    p.state = PaymentState::Complete;
    p.mpesaReceipt = QStringLiteral("QKL4AB12CD");
    p.createdAt = QDateTime(QDate(2026, 11, 23), QTime(9, 5), Qt::UTC);
    const QString paid = receiptHtml(p, QStringLiteral("Duka la Mama <Njeri>"), p.createdAt.addSecs(60));
    QVERIFY(paid.contains(QStringLiteral("Duka la Mama &lt;Njeri&gt;"))); // escaped, never markup
    QVERIFY(paid.contains(QStringLiteral("KES 1,500")));
    QVERIFY(paid.contains(QStringLiteral("0712 \u2022\u2022\u2022 678")));
    QVERIFY(!paid.contains(QStringLiteral("345")));
    QVERIFY(paid.contains(QStringLiteral("QKL4AB12CD")));
    QVERIFY(paid.contains(p.localRef));
    QVERIFY(paid.contains(QStringLiteral("23 Nov 2026 12:05"))); // Nairobi time
    QVERIFY(!paid.contains(QStringLiteral("NOT PAID")));
    p.state = PaymentState::Failed;
    QVERIFY(receiptHtml(p, {}, p.createdAt).contains(QStringLiteral("NOT PAID")));
    p.state = PaymentState::Cash;
    const QString cash = receiptHtml(p, {}, p.createdAt);
    QVERIFY(cash.contains(QStringLiteral("Cash")));
    QVERIFY(!cash.contains(QStringLiteral("NOT PAID")));
}

QTEST_GUILESS_MAIN(TestShiftReport)
#include "tst_shiftreport.moc"
