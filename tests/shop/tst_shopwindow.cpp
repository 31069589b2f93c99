// SPDX-License-Identifier: GPL-3.0-or-later
// Several tills, one shop database, seen through the real main window: the owner's shop view at one counter
// shows what another counter takes as it happens, and a cashier charging a customer who is already waiting
// at another counter is asked first — while a shop database that does not answer never holds up a charge.

#include "CashierDriver.h"
#include "MainWindow.h"
#include "ShopLink.h"
#include "ShopNotice.h"
#include "ShopPaymentModel.h"
#include "ShopService.h"
#include "ShopTesting.h"
#include "ShopView.h"
#include "TcpProxy.h"
#include "TestStack.h"
#include "TestWindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace lipa;
using namespace std::chrono_literals;

namespace {

// A row of a QTableWidget as its texts.
QStringList rowTexts(const QTableWidget* table, int row)
{
    QStringList texts;
    for (int column = 0; column < table->columnCount(); ++column) {
        const QTableWidgetItem* item = table->item(row, column);
        texts.append(item ? item->text() : QString());
    }
    return texts;
}

// The texts of the row whose first cell is name; empty when there is none.
QStringList rowNamed(const QTableWidget* table, const QString& name)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (const QStringList texts = rowTexts(table, row); texts.value(0) == name)
            return texts;
    }
    return {};
}

} // namespace

class TestShopWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void paymentAtOneTillAppearsInTheOthersShopView();
    void chargeNamesTheOpenPaymentAtAnotherCounter();
    void chargeGoesAheadWhenTheShopDatabaseHangs();
    void guardAnswersAtOnceFromTheDatabasesLastWord();

private:
    test::ShopServer m_shop;
};

void TestShopWindow::initTestCase()
{
    QVERIFY2(m_shop.start(), qPrintable(m_shop.error()));
}

void TestShopWindow::init()
{
    m_shop.newDatabase();
    QVERIFY2(m_shop.error().isEmpty(), qPrintable(m_shop.error()));
}

void TestShopWindow::paymentAtOneTillAppearsInTheOthersShopView()
{
    test::ShopCounter one(QStringLiteral("Counter 1")), two(QStringLiteral("Counter 2"));
    one.connect(m_shop.url());
    two.connect(m_shop.url());
    QTRY_VERIFY_WITH_TIMEOUT(one.inSync() && two.inSync(), 20000);

    // The owner, at counter 2, opens View → Shop.
    const std::unique_ptr<MainWindow> window = test::makeWindow(two.stack);
    QVERIFY(test::showActive(*window));
    const test::CashierDriver owner(window.get());
    auto* shopAction = owner.find<QAction>("shopViewAction");
    QVERIFY(shopAction);
    shopAction->trigger();
    auto* view = owner.shown<ShopView>("shopView", 20000);
    QVERIFY(view);
    auto* table = view->findChild<QTableView*>(QStringLiteral("shopTable"));
    QVERIFY(table);
    QAbstractItemModel* model = table->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto* status = view->findChild<QLabel*>(QStringLiteral("shopStatus"));
    QVERIFY(status);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Live")) && !view->model()->isLoading(),
                             20000);
    QCOMPARE(model->rowCount(), 0);

    // A customer at counter 1.
    const QString ref = one.stack.till().charge(Money::fromShillings(1500), test::phoneEndingIn('8'));
    QVERIFY(!ref.isEmpty());
    QVERIFY(one.stack.waitForNetwork());

    // It shows at counter 2 without anyone refreshing anything.
    const auto cell = [model](int row, int column) { return model->index(row, column).data().toString(); };
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(0, ShopPaymentModel::TillColumn), QStringLiteral("Counter 1"), 20000);
    QCOMPARE(cell(0, ShopPaymentModel::AmountColumn), QStringLiteral("KES 1,500"));
    QCOMPARE(cell(0, ShopPaymentModel::PhoneColumn), test::phoneEndingIn('8').masked());
    QTRY_COMPARE_WITH_TIMEOUT(cell(0, ShopPaymentModel::StateColumn), QStringLiteral("Waiting"), 20000);

    // The customer pays: the row changes in place, and today's totals name counter 1.
    QVERIFY(one.stack.advanceUntil(
        [&] {
            const std::optional<Payment> p = one.journal().find(ref);
            return p && p->state == PaymentState::Complete;
        },
        60s));
    QTRY_COMPARE_WITH_TIMEOUT(cell(0, ShopPaymentModel::StateColumn), QStringLiteral("Paid"), 20000);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(cell(0, ShopPaymentModel::TillColumn), QStringLiteral("Counter 1"));

    auto* tillTotals = view->findChild<QTableWidget*>(QStringLiteral("tillTotals"));
    QVERIFY(tillTotals);
    // Till, branch, paid, taken, …
    QTRY_COMPARE_WITH_TIMEOUT(rowNamed(tillTotals, QStringLiteral("Counter 1")).mid(2, 2),
                              (QStringList{QStringLiteral("1"), QStringLiteral("KES 1,500")}), 20000);
    auto* todayLine = view->findChild<QLabel*>(QStringLiteral("todayLine"));
    QVERIFY(todayLine);
    QVERIFY2(todayLine->text().contains(QStringLiteral("KES 1,500 from 1 payment")),
             qPrintable(todayLine->text()));
    QVERIFY2(!status->text().contains(QStringLiteral("Could not")), qPrintable(status->text()));
}

void TestShopWindow::chargeNamesTheOpenPaymentAtAnotherCounter()
{
    test::ShopCounter one(QStringLiteral("Counter 1")), two(QStringLiteral("Counter 2"));
    one.connect(m_shop.url());
    two.connect(m_shop.url());
    const std::unique_ptr<MainWindow> window = test::makeWindow(two.stack);
    QVERIFY(test::showActive(*window));
    const test::CashierDriver cashier(window.get());

    // At counter 1, a customer whose phone never answers: the payment stays open.
    const PhoneNumber phone = test::phoneEndingIn('9');
    const QString typed = QStringLiteral("0712 345 609"); // how the cashier types that number
    QCOMPARE(PhoneNumber::parse(typed).value().normalised(), phone.normalised());
    const Money amount = Money::fromShillings(1500);
    QVERIFY(!one.stack.till().charge(amount, phone).isEmpty());
    QVERIFY(one.stack.waitForNetwork());
    QTRY_VERIFY_WITH_TIMEOUT(one.inSync(), 20000);
    // Counter 2's guard sees it there once the batch's notification has brought it into its snapshot (as
    // it is at a till that has been open a while: the question on Charge is answered at once).
    std::optional<ShopService::Answer> seen;
    QTRY_VERIFY_WITH_TIMEOUT((seen = two.askGuard(phone, amount)) && seen->answered && seen->found, 20000);
    QCOMPARE(seen->found->tillName, QStringLiteral("Counter 1"));

    // The customer walks over to counter 2, where the cashier types the same sale. (A generous budget for
    // the other tills' answer: a loaded sanitizer build can take longer than a till's 300 ms, and then the
    // charge would rightly go ahead unasked.)
    two.stack.stack->shopCheckBudget = std::chrono::seconds(20);
    cashier.charge(QStringLiteral("1500"), typed);
    QMessageBox* box = cashier.shown<QMessageBox>("duplicateChargeDialog", 20000);
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("at Counter 1")), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QStringLiteral("waiting")), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QStringLiteral("KES 1,500")), qPrintable(box->text()));
    QVERIFY2(box->text().contains(phone.masked()), qPrintable(box->text()));

    // Don't charge: nothing goes to the customer's phone from counter 2.
    auto* dontCharge = box->findChild<QPushButton*>(QStringLiteral("dontCharge"));
    QVERIFY(dontCharge);
    QTest::mouseClick(dontCharge, Qt::LeftButton);
    QTRY_VERIFY(!cashier.shown<QMessageBox>("duplicateChargeDialog", 0));
    QCOMPARE(two.stack.pushesOnceIdle(), 0);
    QCOMPARE(two.journal().paymentCount(), 0);

    // Asked again, and charged on purpose.
    QTest::keyClick(cashier.find<QLineEdit>("phoneEdit"), Qt::Key_Return);
    box = cashier.shown<QMessageBox>("duplicateChargeDialog", 20000);
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("at Counter 1")), qPrintable(box->text()));
    auto* chargeAgain = box->findChild<QPushButton*>(QStringLiteral("chargeAgain"));
    QVERIFY(chargeAgain);
    QTest::mouseClick(chargeAgain, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(two.stack.simulator.pushes().size(), 1, 20000);
    QCOMPARE(two.stack.pushesOnceIdle(), 1);
    QCOMPARE(two.stack.simulator.pushes().first().phone, phone.normalised());
    QCOMPARE(two.stack.simulator.pushes().first().amountShillings, 1500);
}

void TestShopWindow::chargeGoesAheadWhenTheShopDatabaseHangs()
{
    test::ShopCounter two(QStringLiteral("Counter 2"));
    test::TcpProxy proxy;
    QVERIFY(proxy.listen(QStringLiteral("127.0.0.1"), static_cast<quint16>(m_shop.server().port())));
    two.connect(m_shop.url(proxy.port()));
    const std::unique_ptr<MainWindow> window = test::makeWindow(two.stack);
    QVERIFY(test::showActive(*window));
    const test::CashierDriver cashier(window.get());
    QTRY_VERIFY_WITH_TIMEOUT(two.inSync(), 20000);
    // (Until the guard has read the database once: its first read may have come before the schema.)
    std::optional<ShopService::Answer> warm;
    QTRY_VERIFY_WITH_TIMEOUT(
        (warm = two.askGuard(test::phoneEndingIn('8'), Money::fromShillings(700))) && warm->answered, 20000);
    QVERIFY(!warm->found);
    auto* shopLabel = cashier.find<QLabel>("shopLabel");
    QVERIFY(shopLabel);
    QCOMPARE(shopLabel->text(), QStringLiteral("Shop: in sync"));

    // The shop database stops answering (the line stays up): Enter still sends the request.
    proxy.hang(true);
    cashier.charge(QStringLiteral("700"), QStringLiteral("0712345678"));
    QTRY_COMPARE_WITH_TIMEOUT(two.stack.simulator.pushes().size(), 1, 20000);
    QCOMPARE(two.stack.simulator.pushes().first().amountShillings, 700);
    QVERIFY(!cashier.shown<QMessageBox>("duplicateChargeDialog", 0)); // no question: nothing to ask about
    QVERIFY(cashier.find<QLineEdit>("amountEdit")->text().isEmpty()); // ready for the next customer
    QTRY_VERIFY_WITH_TIMEOUT(shopLabel->text().contains(QStringLiteral(" to send")) ||
                                 shopLabel->text().startsWith(QStringLiteral("Shop: offline")),
                             20000);

    // The read the guard made after that question has gone unanswered for longer than the budget: the
    // database is not answering in time.
    two.stack.clock.advance(two.stack.stack->shopCheckBudget);
    QVERIFY(!two.service().guard().answersAtOnce(two.stack.stack->shopCheckBudget));
    // The same sale again at this counter: its own check asks, and says the others could not be asked.
    cashier.charge(QStringLiteral("700"), QStringLiteral("0712345678"));
    QMessageBox* box = cashier.shown<QMessageBox>("duplicateChargeDialog", 20000);
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("was already requested")), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QStringLiteral("other tills could not be asked")), qPrintable(box->text()));
    auto* dontCharge = box->findChild<QPushButton*>(QStringLiteral("dontCharge"));
    QVERIFY(dontCharge);
    QTest::mouseClick(dontCharge, Qt::LeftButton);
    QTRY_VERIFY(!cashier.shown<QMessageBox>("duplicateChargeDialog", 0));
    QCOMPARE(two.stack.pushesOnceIdle(), 1);

    // The till closes (or restarts after Settings) while the shop database still hangs: its shop threads
    // are cut loose instead of waiting for a server that never answers (before, this never returned).
    two.stack.stack->shopService.reset();
    two.stack.stack->shop.reset();
    QVERIFY(proxy.isHung());
}

void TestShopWindow::guardAnswersAtOnceFromTheDatabasesLastWord()
{
    test::ShopCounter one(QStringLiteral("Counter 1")), two(QStringLiteral("Counter 2"));
    test::TcpProxy proxy;
    QVERIFY(proxy.listen(QStringLiteral("127.0.0.1"), static_cast<quint16>(m_shop.server().port())));
    one.connect(m_shop.url());
    two.connect(m_shop.url(proxy.port()));
    const std::chrono::milliseconds budget = two.stack.stack->shopCheckBudget;
    const PhoneNumber phone = test::phoneEndingIn('9'); // never answers: both sales stay open
    const Money first = Money::fromShillings(800);
    const Money second = Money::fromShillings(900);
    ShopGuard& guard = two.service().guard();
    // Its first good read (one made before the first till created the schema fails; a till reads again
    // at the first key of a sale).
    QTRY_VERIFY_WITH_TIMEOUT(guard.answersAtOnce(budget) || (guard.prepare(), false), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!guard.isReading(), 20000);
    QVERIFY(!one.stack.till().charge(first, phone).isEmpty());
    QVERIFY(one.stack.waitForNetwork());
    QTRY_VERIFY_WITH_TIMEOUT(one.inSync(), 20000);
    // Counter 1's batch is announced: counter 2's guard reads it into its snapshot unasked.
    const auto inSnapshot = [&guard](Money amount) {
        return std::any_of(guard.snapshot().cbegin(), guard.snapshot().cend(),
                           [amount](const ShopPayment& p) { return p.payment.amount == amount; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(inSnapshot(first) && !guard.isReading(), 20000);
    // Answered before the question returns: nothing of the event loop between Enter and the request.
    std::optional<ShopService::Answer> seen;
    two.service().openElsewhere(two.identity.id, phone, first, two.stack.clock.now().addDays(-1), budget,
                                nullptr, [&seen](const ShopService::Answer& a) { seen = a; });
    QVERIFY(seen && seen->answered && seen->found);
    QTRY_VERIFY_WITH_TIMEOUT(!guard.isReading() && guard.answersAtOnce(budget), 20000);

    // Counter 2's line to the database stops answering; counter 1 goes on and takes a second sale.
    proxy.hang(true);
    QVERIFY(!one.stack.till().charge(second, phone).isEmpty());
    QVERIFY(one.stack.waitForNetwork());
    QTRY_VERIFY_WITH_TIMEOUT(one.inSync(), 20000);

    // Asked now, counter 2 is answered at once from the database's last word (the database itself cannot
    // be asked: the line hangs, and the manual clock lets no budget run out).
    seen = two.askGuard(phone, first, budget);
    QVERIFY(seen && seen->answered && seen->found);
    QCOMPARE(seen->found->tillName, QStringLiteral("Counter 1"));
    QCOMPARE(seen->found->payment.amount, first);
    // But a sale another till has just announced, not read yet, is not answered from the snapshot: the
    // question waits for the read, and says "not asked" when the budget runs out before it.
    const Money announced = Money::fromShillings(950);
    guard.announced(QUuid::createUuid().toString(QUuid::WithoutBraces),
                    {ShopNotice::saleKey(phone.normalised(), announced.cents())}, false);
    std::optional<ShopService::Answer> waited;
    two.service().openElsewhere(two.identity.id, phone, announced, two.stack.clock.now().addDays(-1), budget,
                                nullptr, [&waited](const ShopService::Answer& a) { waited = a; });
    QVERIFY(!waited);
    seen = two.askGuard(phone, first, budget); // another sale: still at once
    QVERIFY(seen && seen->answered && seen->found);
    QVERIFY(!waited);
    // The read that question started has gone unanswered for the whole budget: the database is not
    // answering in time, and the question says so at once.
    two.stack.clock.advance(budget);
    QVERIFY(waited && !waited->answered && !waited->found);
    QVERIFY(!two.service().guard().answersAtOnce(budget));
    seen = two.askGuard(phone, first, budget);
    QVERIFY(seen && !seen->answered && !seen->found);

    // The line comes back: the read finishes, and the second sale is known too.
    proxy.hang(false);
    QTRY_VERIFY_WITH_TIMEOUT((seen = two.askGuard(phone, second, budget)) && seen->answered && seen->found,
                             20000);
    QCOMPARE(seen->found->payment.amount, second);
    // A sale at counter 2 itself is never "at another counter".
    QVERIFY(!two.stack.till().charge(Money::fromShillings(1000), phone).isEmpty());
    QVERIFY(two.stack.waitForNetwork());
    QTRY_VERIFY_WITH_TIMEOUT(two.inSync(), 20000);
    two.service().guard().refresh(); // a read that surely has counter 2's own sale
    QTRY_VERIFY_WITH_TIMEOUT(!two.service().guard().isReading(), 20000);
    QVERIFY(two.service().guard().answersAtOnce(budget));
    seen = two.askGuard(phone, Money::fromShillings(1000), budget);
    QVERIFY(seen && seen->answered && !seen->found);

    // The database goes away (connections refused): once a read has failed, the question is answered at
    // once, not asked, without waiting for the budget (the manual clock would never end it).
    proxy.cut();
    two.service().guard().refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!two.service().guard().isReading(), 20000);
    seen = two.askGuard(phone, first, budget);
    QVERIFY(seen && !seen->answered);
    // Back again: the read that question started, or the next, finds the database.
    proxy.restore();
    QTRY_VERIFY_WITH_TIMEOUT((seen = two.askGuard(phone, first, budget)) && seen->answered && seen->found,
                             20000);
}

QTEST_MAIN(TestShopWindow)
#include "tst_shopwindow.moc"
