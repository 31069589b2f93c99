// SPDX-License-Identifier: GPL-3.0-or-later
#include "CashierDriver.h"
#include "ChargePanel.h"
#include "MainWindow.h"
#include "PaymentListModel.h"
#include "TestStack.h"
#include "TestWindow.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace lipa;
using namespace std::chrono_literals;

// The real main window against the simulator, driven from the keyboard and mouse as a cashier would.
class TestChargeFlow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void amountHasFocusAtStart();
    void keyboardPaymentGoesFromWaitingToPaid();
    void cancellingCustomerShowsTheReason();
    void invalidPhoneShowsReasonAndSendsNothing();
    void invalidAmountShowsReasonAndSendsNothing();
    void enterInAmountMovesToPhone();
    void doubleEnterSendsOneRequest();
    void doubleClickOnChargeSendsOneRequest();
    void escapeClearsTheForm();
    void saleStartsAtTheFirstKeyOfEachSale();
    void statusBarShowsEnvironmentAndConnection();
    void noticesArePlainTextAndDismissable();
    void checkNowButtonAsksIntaSend();

private:
    QLineEdit* amountEdit() const { return m_window->findChild<QLineEdit*>(QStringLiteral("amountEdit")); }
    QLineEdit* phoneEdit() const { return m_window->findChild<QLineEdit*>(QStringLiteral("phoneEdit")); }
    QPushButton* chargeButton() const
    {
        return m_window->findChild<QPushButton*>(QStringLiteral("chargeButton"));
    }
    QLabel* label(const char* name) const { return m_window->findChild<QLabel*>(QString::fromLatin1(name)); }
    QString cell(int row, int column) const
    {
        return m_window->paymentModel()->index(row, column).data().toString();
    }
    // Amount, Tab, phone, each where the keyboard focus is by then.
    void typePayment(const QString& amount, const QString& phone)
    {
        test::CashierDriver(m_window.get()).typeAtFocus(amount, phone);
    }

    std::unique_ptr<test::TestStack> m_stack;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
};

void TestChargeFlow::init()
{
    m_stack = std::make_unique<test::TestStack>();
    m_window = test::makeWindow(*m_stack);
    m_modelTester = std::make_unique<QAbstractItemModelTester>(
        m_window->paymentModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(test::showActive(*m_window));
}

void TestChargeFlow::cleanup()
{
    m_modelTester.reset();
    m_window.reset();
    m_stack.reset();
}

void TestChargeFlow::amountHasFocusAtStart()
{
    QCOMPARE(QApplication::focusWidget(), amountEdit());
    QVERIFY(!chargeButton()->isEnabled());
}

void TestChargeFlow::keyboardPaymentGoesFromWaitingToPaid()
{
    typePayment(QStringLiteral("1,500"), QStringLiteral("0712 345 678"));
    QCOMPARE(QApplication::focusWidget(), phoneEdit());
    QCOMPARE(label("phoneHint")->text(), QStringLiteral("0712 345 678"));
    QCOMPARE(label("amountHint")->text(), QStringLiteral("KES 1,500"));
    QVERIFY(chargeButton()->isEnabled());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);

    // Ready for the next customer at once.
    QCOMPARE(QApplication::focusWidget(), amountEdit());
    QVERIFY(amountEdit()->text().isEmpty());
    QVERIFY(phoneEdit()->text().isEmpty());

    QTRY_COMPARE(cell(0, PaymentListModel::StateColumn), QStringLiteral("Waiting"));
    QCOMPARE(cell(0, PaymentListModel::AmountColumn), QStringLiteral("KES 1,500"));
    QCOMPARE(cell(0, PaymentListModel::PhoneColumn), QString::fromUtf8("0712 \u2022\u2022\u2022 678"));
    QCOMPARE(m_stack->pushesOnceIdle(), 1);
    QCOMPARE(m_stack->simulator.pushes().first().phone, QStringLiteral("254712345678"));
    QCOMPARE(m_stack->simulator.pushes().first().amountShillings, 1500);

    QVERIFY(m_stack->advanceUntil([&] { return cell(0, PaymentListModel::StateColumn) == u"Paid"; }, 30s));
    QCOMPARE(cell(0, PaymentListModel::ReceiptColumn).size(), 10);
    QTRY_VERIFY(label("paidTotal")->text().contains(QStringLiteral("KES 1,500")));
    QVERIFY(label("connectionLabel")->text().contains(QStringLiteral("Connected")));
    QCOMPARE(m_window->paymentModel()->rowCount(), 1);
}

void TestChargeFlow::cancellingCustomerShowsTheReason()
{
    typePayment(QStringLiteral("250"), QStringLiteral("0712345670"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Enter); // the keypad's Enter works too
    QVERIFY(m_stack->advanceUntil([&] { return cell(0, PaymentListModel::StateColumn) == u"Failed"; }, 30s));
    QCOMPARE(cell(0, PaymentListModel::DetailColumn), QStringLiteral("Customer cancelled the request"));
    QVERIFY(cell(0, PaymentListModel::ReceiptColumn).isEmpty());
    QTRY_VERIFY(label("waitingTotal")->text().contains(QStringLiteral("Failed: <b>1</b>")));
}

void TestChargeFlow::invalidPhoneShowsReasonAndSendsNothing()
{
    typePayment(QStringLiteral("100"), QStringLiteral("12345"));
    QVERIFY(label("phoneHint")->text().contains(QStringLiteral("Wrong length")));
    QVERIFY(!chargeButton()->isEnabled());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTest::mouseClick(chargeButton(), Qt::LeftButton);
    QVERIFY(m_stack->waitForNetwork());
    QCOMPARE(m_window->paymentModel()->rowCount(), 0);
    QCOMPARE(m_stack->pushesOnceIdle(), 0);
    QCOMPARE(phoneEdit()->text(), QStringLiteral("12345")); // kept, so the cashier can correct it

    QTest::keyClicks(phoneEdit(), QStringLiteral("abc"));
    QVERIFY(label("phoneHint")->text().contains(QStringLiteral("digits only")));
}

void TestChargeFlow::invalidAmountShowsReasonAndSendsNothing()
{
    QTest::keyClicks(amountEdit(), QStringLiteral("10.50"));
    QVERIFY(label("amountHint")->text().contains(QStringLiteral("Whole shillings")));
    QTest::keyClick(amountEdit(), Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), amountEdit()); // stays, with the reason beside it
    amountEdit()->clear();
    QTest::keyClicks(amountEdit(), QStringLiteral("0712 345 678")); // typed in the wrong field
    QCOMPARE(label("amountHint")->text(),
             QStringLiteral("That looks like a phone number: it goes under Customer phone"));
    amountEdit()->clear();
    QTest::keyClicks(amountEdit(), QStringLiteral("0"));
    QVERIFY(label("amountHint")->text().contains(QStringLiteral("more than zero")));
    QTest::keyClick(amountEdit(), Qt::Key_Tab);
    QTest::keyClicks(phoneEdit(), QStringLiteral("0712345678"));
    QTest::keyClick(phoneEdit(), Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), amountEdit()); // sent back to fix the amount
    QCOMPARE(m_stack->pushesOnceIdle(), 0);
}

void TestChargeFlow::enterInAmountMovesToPhone()
{
    QTest::keyClicks(amountEdit(), QStringLiteral("1500"));
    QTest::keyClick(amountEdit(), Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), phoneEdit());
    QCOMPARE(m_stack->pushesOnceIdle(), 0);
}

void TestChargeFlow::doubleEnterSendsOneRequest()
{
    typePayment(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::NoModifier);
    QVERIFY(m_stack->waitForNetwork());
    QTRY_COMPARE(cell(0, PaymentListModel::StateColumn), QStringLiteral("Waiting"));
    QCOMPARE(m_stack->simulator.pushes().size(), 1);
    QCOMPARE(m_window->paymentModel()->rowCount(), 1);
}

void TestChargeFlow::doubleClickOnChargeSendsOneRequest()
{
    typePayment(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QTest::mouseClick(chargeButton(), Qt::LeftButton);
    QTest::mouseDClick(chargeButton(), Qt::LeftButton);
    QTest::mouseClick(chargeButton(), Qt::LeftButton);
    QCOMPARE(m_stack->pushesOnceIdle(), 1);
    QCOMPARE(m_window->paymentModel()->rowCount(), 1);
    QCOMPARE(QApplication::focusWidget(), amountEdit());
}

void TestChargeFlow::escapeClearsTheForm()
{
    typePayment(QStringLiteral("1500"), QStringLiteral("0712"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(amountEdit()->text().isEmpty());
    QVERIFY(phoneEdit()->text().isEmpty());
    QCOMPARE(QApplication::focusWidget(), amountEdit());
}

void TestChargeFlow::saleStartsAtTheFirstKeyOfEachSale()
{
    // What has the shop-wide guard read the other tills while the cashier types.
    auto* panel = m_window->findChild<ChargePanel*>();
    QVERIFY(panel);
    QSignalSpy started(panel, &ChargePanel::saleStarted);
    typePayment(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QCOMPARE(started.size(), 1); // once, at the first key, not at every key
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(started.size(), 1);
    QTest::keyClicks(amountEdit(), QStringLiteral("20"));
    QCOMPARE(started.size(), 2); // the next sale
}

void TestChargeFlow::statusBarShowsEnvironmentAndConnection()
{
    QVERIFY(label("environmentBadge")->text().startsWith(QStringLiteral("DEMO")));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("DEMO"));
    QCOMPARE(label("connectionLabel")->text(), QStringLiteral("Ready"));
    m_stack->simulator.close();
    typePayment(QStringLiteral("10"), QStringLiteral("0712345678"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(label("connectionLabel")->text().contains(QStringLiteral("Offline")));
    QCOMPARE(cell(0, PaymentListModel::StateColumn), QStringLiteral("Not sent"));
    QCOMPARE(cell(0, PaymentListModel::DetailColumn),
             QStringLiteral("Could not reach IntaSend — nothing was charged"));
}

void TestChargeFlow::noticesArePlainTextAndDismissable()
{
    auto* notice = m_window->findChild<QWidget*>(QStringLiteral("notice"));
    QVERIFY(notice);
    QVERIFY(!notice->isVisible());
    m_window->showNotice(QStringLiteral("<b>IntaSend</b> said no"));
    QVERIFY(notice->isVisible());
    QCOMPARE(label("noticeText")->textFormat(), Qt::PlainText);
    QTest::mouseClick(m_window->findChild<QToolButton*>(QStringLiteral("dismissNotice")), Qt::LeftButton);
    QVERIFY(!notice->isVisible());
}

void TestChargeFlow::checkNowButtonAsksIntaSend()
{
    typePayment(QStringLiteral("10"), QStringLiteral("0712345678"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(m_stack->waitForNetwork());
    const int before = m_stack->simulator.statusRequestCount();
    m_window->paymentView()->selectRow(0);
    QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("checkButton")), Qt::LeftButton);
    m_stack->clock.advance(0ms);
    QCOMPARE(m_stack->statusChecksOnceIdle(), before + 1);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    m_stack->clock.advance(0ms);
    QCOMPARE(m_stack->statusChecksOnceIdle(), before + 2);
}

QTEST_MAIN(TestChargeFlow)
#include "tst_chargeflow.moc"
