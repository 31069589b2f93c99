// SPDX-License-Identifier: GPL-3.0-or-later
#include "Sale.h"

#include <QRandomGenerator>
#include <QTest>

using namespace lipa;

class TestSale : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void splitsIntoTheLargestPartsThenTheRest_data();
    void splitsIntoTheLargestPartsThenTheRest();
    void partsAlwaysAddUpToTheTotalInWholeShillings();
    void describesTheSplitUnderTheAmount();
    void progressFollowsEveryAttempt();

private:
    static Payment part(int number, qint64 shillings, PaymentState state, qint64 sequence);
};

namespace {

QList<qint64> shillingsOf(const QList<Money>& parts)
{
    QList<qint64> list;
    for (Money part : parts)
        list.append(part.wholeShillings());
    return list;
}

Sale saleOf(qint64 total, int parts)
{
    Sale sale;
    sale.ref = QStringLiteral("sale");
    sale.total = Money::fromShillings(total);
    sale.parts = parts;
    return sale;
}

} // namespace

Payment TestSale::part(int number, qint64 shillings, PaymentState state, qint64 sequence)
{
    Payment p;
    p.sequence = sequence;
    p.amount = Money::fromShillings(shillings);
    p.state = state;
    p.saleRef = QStringLiteral("sale");
    p.salePart = number;
    p.saleParts = 2;
    p.mpesaReceipt = state == PaymentState::Complete ? QStringLiteral("QC%1").arg(number) : QString();
    return p;
}

void TestSale::splitsIntoTheLargestPartsThenTheRest_data()
{
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("largest");
    QTest::addColumn<QList<qint64>>("parts");
    QTest::newRow("200,000 with 150,000")
        << qint64(200'000) << qint64(150'000) << QList<qint64>{150'000, 50'000};
    QTest::newRow("450,000: three") << qint64(450'000) << qint64(150'000)
                                    << QList<qint64>{150'000, 150'000, 150'000};
    QTest::newRow("at the limit: one") << qint64(150'000) << qint64(150'000) << QList<qint64>{150'000};
    QTest::newRow("a shilling over") << qint64(150'001) << qint64(150'000) << QList<qint64>{150'000, 1};
    QTest::newRow("1,000,000") << qint64(1'000'000) << qint64(150'000)
                               << QList<qint64>{150'000, 150'000, 150'000, 150'000,
                                                150'000, 150'000, 100'000};
}

void TestSale::splitsIntoTheLargestPartsThenTheRest()
{
    QFETCH(qint64, total);
    QFETCH(qint64, largest);
    QFETCH(QList<qint64>, parts);
    QCOMPARE(shillingsOf(SalePlan::split(Money::fromShillings(total), Money::fromShillings(largest))), parts);
}

void TestSale::partsAlwaysAddUpToTheTotalInWholeShillings()
{
    QRandomGenerator random(18);
    for (int i = 0; i < 5000; ++i) {
        const Money total = Money::fromShillings(random.bounded(1, 100'000'000));
        const Money largest = Money::fromShillings(random.bounded(1, 1'000'000));
        const QList<Money> parts = SalePlan::split(total, largest);
        Money sum;
        for (Money part : parts) {
            QVERIFY(part.isWholeShillings());
            QVERIFY(part.cents() > 0);
            QVERIFY(part <= largest);
            sum += part;
        }
        QCOMPARE(sum, total);
        QCOMPARE(parts.size(), (total.cents() + largest.cents() - 1) / largest.cents());
    }
    QVERIFY(SalePlan::split(Money(), Money::fromShillings(10)).isEmpty());
}

void TestSale::describesTheSplitUnderTheAmount()
{
    const Money limit = Money::fromShillings(150'000);
    QCOMPARE(SalePlan::describe(Money::fromShillings(200'000), limit),
             QStringLiteral("KES 200,000 in 2 M-Pesa payments: 150,000 + 50,000"));
    QCOMPARE(SalePlan::describe(Money::fromShillings(450'000), limit),
             QStringLiteral("KES 450,000 in 3 M-Pesa payments: 150,000 + 150,000 + 150,000"));
    QCOMPARE(SalePlan::describe(Money::fromShillings(1'000'000), limit),
             QStringLiteral("KES 1,000,000 in 7 M-Pesa payments: 6 × 150,000 + 100,000"));
    QCOMPARE(SalePlan::describe(Money::fromShillings(900'000), limit),
             QStringLiteral("KES 900,000 in 6 M-Pesa payments: 6 × 150,000"));
}

void TestSale::progressFollowsEveryAttempt()
{
    const Sale sale = saleOf(200'000, 2);
    const Money limit = Money::fromShillings(150'000);
    SaleProgress p = SaleProgress::of(sale, {});
    QCOMPARE(p.nextPart(), 1);
    QCOMPARE(p.outstanding, Money::fromShillings(200'000));

    p = SaleProgress::of(sale, {part(1, 150'000, PaymentState::Pending, 1)});
    QVERIFY(p.inProgress);
    QCOMPARE(p.summary(sale), QStringLiteral("KES 0 of 200,000 paid — part 1 of 2 waiting"));

    p = SaleProgress::of(
        sale, {part(1, 150'000, PaymentState::Complete, 1), part(2, 50'000, PaymentState::Pending, 2)});
    QCOMPARE(p.paid, Money::fromShillings(150'000));
    QCOMPARE(p.partsPaid, 1);
    QCOMPARE(p.summary(sale), QStringLiteral("KES 150,000 of 200,000 paid — part 2 of 2 waiting"));

    // Part 2 failed: it is part 2 that goes again, for what is left.
    p = SaleProgress::of(
        sale, {part(1, 150'000, PaymentState::Complete, 1), part(2, 50'000, PaymentState::Failed, 2)});
    QVERIFY(!p.inProgress);
    QCOMPARE(p.nextPart(), 2);
    QCOMPARE(p.nextAmount(limit), Money::fromShillings(50'000));
    QCOMPARE(p.summary(sale), QStringLiteral("KES 150,000 of 200,000 paid — KES 50,000 still to pay"));

    // Paid in full after a resend; the failed attempt counts for nothing.
    p = SaleProgress::of(sale, {part(1, 150'000, PaymentState::Complete, 1),
                                part(2, 50'000, PaymentState::Failed, 2),
                                part(2, 50'000, PaymentState::Complete, 3)});
    QCOMPARE(p.outstanding, Money());
    QCOMPARE(p.latest->sequence, 3);
    QCOMPARE(p.summary(sale), QStringLiteral("KES 200,000 of 200,000 paid — sale complete"));

    // The rest in cash.
    p = SaleProgress::of(
        sale, {part(1, 150'000, PaymentState::Complete, 1), part(2, 50'000, PaymentState::Cash, 2)});
    QCOMPARE(p.cash, Money::fromShillings(50'000));
    QCOMPARE(p.outstanding, Money());
    QCOMPARE(p.summary(sale), QStringLiteral("KES 200,000 of 200,000 paid (50,000 in cash) — sale complete"));

    // 450,000 after part 1: the next part is 150,000, then 150,000.
    const Sale big = saleOf(450'000, 3);
    p = SaleProgress::of(big, {part(1, 150'000, PaymentState::Complete, 1)});
    QCOMPARE(p.nextPart(), 2);
    QCOMPARE(p.nextAmount(limit), Money::fromShillings(150'000));

    Sale closed = sale;
    closed.closedAt = QDateTime::currentDateTimeUtc();
    closed.shortReason = QStringLiteral("customer left");
    p = SaleProgress::of(closed, {part(1, 150'000, PaymentState::Complete, 1)});
    QCOMPARE(p.summary(closed), QStringLiteral("KES 150,000 of 200,000 paid — closed short"));
}

QTEST_GUILESS_MAIN(TestSale)
#include "tst_sale.moc"
