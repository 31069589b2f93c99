// SPDX-License-Identifier: GPL-3.0-or-later
#include "PaymentListModel.h"
#include "TestStack.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace lipa;
using namespace std::chrono_literals;

class TestPaymentListModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsWhatTheCashierReads();
    void newestFirstAndChangedInPlace();
    void loadsHistoryAPageAtATime();
    void keepsOnlyThePagesNearWhatIsShown();
};

void TestPaymentListModel::showsWhatTheCashierReads()
{
    test::TestStack t;
    PaymentListModel model(t.journal(), t.till());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString ref =
        t.till().charge(Money::fromShillings(1500), PhoneNumber::parse(QStringLiteral("0712345678")).value());
    QCOMPARE(model.rowCount(), 1);
    const auto cell = [&](int column, int role = Qt::DisplayRole) {
        return model.index(0, column).data(role);
    };
    QCOMPARE(cell(PaymentListModel::PhoneColumn).toString(),
             QString::fromUtf8("0712 \u2022\u2022\u2022 678"));
    QCOMPARE(cell(PaymentListModel::AmountColumn).toString(), QStringLiteral("KES 1,500"));
    QCOMPARE(cell(PaymentListModel::StateColumn).toString(), QStringLiteral("Sending"));
    QVERIFY(t.waitForNetwork());
    QCOMPARE(cell(PaymentListModel::StateColumn).toString(), QStringLiteral("Waiting"));
    QCOMPARE(cell(PaymentListModel::DetailColumn).toString(),
             QStringLiteral("Waiting for the customer's M-Pesa PIN"));
    QCOMPARE(cell(PaymentListModel::TimeColumn).toString(),
             QStringLiteral("12:00:00")); // 09:00 UTC in Nairobi
    QCOMPARE(cell(PaymentListModel::StateColumn, PaymentListModel::LocalRefRole).toString(), ref);
    QVERIFY(t.advanceUntil([&] { return t.journal().find(ref)->isFinal(); }, 30s));
    QCOMPARE(cell(PaymentListModel::StateColumn).toString(), QStringLiteral("Paid"));
    QVERIFY(cell(PaymentListModel::DetailColumn).toString().isEmpty());
    QCOMPARE(cell(PaymentListModel::StateColumn, PaymentListModel::ToneRole).toInt(),
             static_cast<int>(Tone::Good));
    QCOMPARE(cell(PaymentListModel::ReceiptColumn).toString(), t.journal().find(ref)->mpesaReceipt);
    QCOMPARE(model.headerData(PaymentListModel::ReceiptColumn, Qt::Horizontal).toString(),
             QStringLiteral("M-Pesa receipt"));
}

void TestPaymentListModel::newestFirstAndChangedInPlace()
{
    test::TestStack t;
    PaymentListModel model(t.journal(), t.till());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString first = t.till().charge(Money::fromShillings(10), test::phoneEndingIn('5'));
    const QString second = t.till().charge(Money::fromShillings(20), test::phoneEndingIn('0'));
    QCOMPARE(model.rowOf(second), 0);
    QCOMPARE(model.rowOf(first), 1);

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(t.advanceUntil(
        [&] { return t.journal().find(first)->isFinal() && t.journal().find(second)->isFinal(); }, 30s));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QVERIFY(changed.count() >= 4);
    QCOMPARE(model.index(1, PaymentListModel::StateColumn).data().toString(), QStringLiteral("Paid"));
    QCOMPARE(model.index(0, PaymentListModel::StateColumn).data().toString(), QStringLiteral("Failed"));
    QCOMPARE(model.index(0, PaymentListModel::DetailColumn).data().toString(),
             QStringLiteral("Customer cancelled the request"));
}

void TestPaymentListModel::loadsHistoryAPageAtATime()
{
    test::TestStack t;
    for (int i = 0; i < 450; ++i) {
        Payment payment;
        payment.localRef = QStringLiteral("old-%1").arg(i);
        payment.amount = Money::fromShillings(i + 1);
        payment.phone = test::phoneEndingIn('5');
        payment.state = PaymentState::Complete;
        payment.createdAt = t.clock.now().addSecs(i - 10000);
        QVERIFY(t.journal().addPayment(payment));
    }
    PaymentListModel model(t.journal(), t.till());
    QCOMPARE(model.rowCount(), 0); // nothing is read until a view asks
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), PaymentListModel::kPageSize);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.paymentAt(0).localRef, QStringLiteral("old-449"));
    const QString fresh = t.till().charge(Money::fromShillings(5), test::phoneEndingIn('5'));
    QCOMPARE(model.paymentAt(0).localRef, fresh);
    QCOMPARE(model.rowOf(fresh), 0);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 451);
    QCOMPARE(model.paymentAt(450).localRef, QStringLiteral("old-0"));
    QCOMPARE(model.paymentAt(1).localRef, QStringLiteral("old-449"));
    QStringList refs; // every payment exactly once
    for (int row = 0; row < model.rowCount(); ++row)
        refs.append(model.paymentAt(row).localRef);
    refs.removeDuplicates();
    QCOMPARE(refs.size(), 451);
}

void TestPaymentListModel::keepsOnlyThePagesNearWhatIsShown()
{
    test::TestStack t;
    constexpr int kOld = 20 * PaymentListModel::kPageSize + 37;
    for (int i = 0; i < kOld; ++i) {
        Payment payment;
        payment.localRef = QStringLiteral("old-%1").arg(i);
        payment.amount = Money::fromShillings(i + 1);
        payment.phone = test::phoneEndingIn('5');
        payment.state = i % 3 ? PaymentState::Complete : PaymentState::Expired;
        payment.createdAt = t.clock.now().addSecs(i - 100000);
        QVERIFY(t.journal().addPayment(payment));
    }
    PaymentListModel model(t.journal(), t.till());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), kOld);
    // Twenty pages reached, three (and the page being read) held.
    QVERIFY2(model.cachedRowCount() <= PaymentListModel::kCachedRows + PaymentListModel::kPageSize,
             qPrintable(QString::number(model.cachedRowCount())));

    // The newest rows were let go of: shown again, they are read again, right and in order.
    QCOMPARE(model.index(0, PaymentListModel::AmountColumn).data().toString(),
             Money::fromShillings(kOld).toDisplayString());
    QCOMPARE(model.paymentAt(1).localRef, QStringLiteral("old-%1").arg(kOld - 2));
    QCOMPARE(model.index(kOld - 1, PaymentListModel::StateColumn, {}).data(PaymentListModel::LocalRefRole),
             QVariant(QStringLiteral("old-0")));
    QCOMPARE(model.rowOf(QStringLiteral("old-1000")), kOld - 1 - 1000);
    QCOMPARE(model.rowOfSequence(model.paymentAt(777).sequence), 777);
    QVERIFY(model.cachedRowCount() <= PaymentListModel::kCachedRows + PaymentListModel::kPageSize);

    // A row changed while it is not held shows the change when it is shown again.
    for (int row = 0; row < kOld; row += PaymentListModel::kPageSize)
        (void)model.paymentAt(row); // touch every page: the first ones are let go of
    std::optional<Payment> changed = t.journal().find(QStringLiteral("old-%1").arg(kOld - 2)); // row 1
    QVERIFY(changed && changed->state == PaymentState::Expired);
    changed->state = PaymentState::Complete;
    changed->mpesaReceipt = QStringLiteral("LATE0000A1");
    QVERIFY(t.journal().updatePayment(*changed, QStringLiteral("paid late")));
    QCOMPARE(model.index(1, PaymentListModel::ReceiptColumn).data().toString(), QStringLiteral("LATE0000A1"));

    // A live payment goes on top; everything below keeps its place.
    const QString fresh = t.till().charge(Money::fromShillings(5), test::phoneEndingIn('5'));
    QCOMPARE(model.rowOf(fresh), 0);
    QCOMPARE(model.paymentAt(kOld).localRef, QStringLiteral("old-0"));

    // A new filter lets go of everything.
    PaymentFilter expired;
    expired.group = StateGroup::NeedsCheck;
    model.setFilter(expired);
    QCOMPARE(model.rowCount(), PaymentListModel::kPageSize);
    QCOMPARE(model.cachedRowCount(), PaymentListModel::kPageSize);
}

QTEST_GUILESS_MAIN(TestPaymentListModel)
#include "tst_paymentlistmodel.moc"
