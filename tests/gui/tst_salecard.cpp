// SPDX-License-Identifier: GPL-3.0-or-later
#include "CashierDriver.h"
#include "ChargePanel.h"
#include "MainWindow.h"
#include "PaymentListModel.h"
#include "Receipt.h"
#include "TestStack.h"
#include "TestWindow.h"
#include "WaitingCard.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTextDocument>

using namespace lipa;
using namespace std::chrono_literals;

// A sale above the largest single M-Pesa payment, in the real main window: what the line under Amount
// says, the card through the whole sale and its keys, the list's parts and the sale's receipt.
class TestSaleCard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void lineUnderAmountSaysHowTheSaleWillBePaid();
    void cardFollowsTheWholeSale();
    void partNotPaidThenTheRestInCashWithF9();
    void theRestFromAnotherPhone();
    void sameSaleAgainAsksAndShowsTheOpenOne();
    void closedShortWithAReason();
    void saleReceiptListsEveryPart();

private:
    QLabel* label(const char* name) const { return m_window->findChild<QLabel*>(QString::fromLatin1(name)); }
    QPushButton* button(const char* name) const
    {
        return m_window->findChild<QPushButton*>(QString::fromLatin1(name));
    }
    QString cell(int row, int column) const
    {
        return m_window->paymentModel()->index(row, column).data().toString();
    }
    QString progress() const { return label("cardSaleProgress")->text(); }
    test::CashierDriver driver() const { return test::CashierDriver(m_window.get()); }
    // Charges 200,000 whose part 2 the customer turns down, and waits until it has.
    void saleWithPartTwoTurnedDown();
    void answer(const char* dialog, const char* buttonName);

    std::unique_ptr<test::TestStack> m_stack;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
};

void TestSaleCard::init()
{
    m_stack = std::make_unique<test::TestStack>();
    m_window = test::makeWindow(*m_stack);
    m_modelTester = std::make_unique<QAbstractItemModelTester>(
        m_window->paymentModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(test::showActive(*m_window));
}

void TestSaleCard::cleanup()
{
    m_modelTester.reset();
    m_window.reset();
    m_stack.reset();
}

void TestSaleCard::answer(const char* dialog, const char* buttonName)
{
    auto* box = driver().shown<QMessageBox>(dialog);
    QVERIFY2(box, dialog);
    auto* choice = box->findChild<QPushButton*>(QString::fromLatin1(buttonName));
    QVERIFY2(choice, buttonName);
    QTest::mouseClick(choice, Qt::LeftButton);
}

void TestSaleCard::saleWithPartTwoTurnedDown()
{
    m_stack->simulator.scriptNextCustomers(
        {{sim::ScriptedOutcome::Pays, {}, {}},
         {sim::ScriptedOutcome::Fails, QStringLiteral("1032"), QStringLiteral("Request cancelled by user")}});
    driver().charge(QStringLiteral("200000"), QStringLiteral("0712345678"));
    QVERIFY(m_stack->advanceUntil(
        [&] { return progress() == QStringLiteral("KES 150,000 of 200,000 paid — KES 50,000 still to pay"); },
        5min));
}

void TestSaleCard::lineUnderAmountSaysHowTheSaleWillBePaid()
{
    auto* amount = driver().find<QLineEdit>("amountEdit");
    QTest::keyClicks(amount, QStringLiteral("150000"));
    QCOMPARE(label("amountHint")->text(), QStringLiteral("KES 150,000")); // one payment
    QTest::keyClicks(amount, QStringLiteral("0"));                        // 1,500,000: above the largest sale
    QVERIFY(label("amountHint")->text().contains(QStringLiteral("1,000,000")));
    amount->clear();
    QTest::keyClicks(amount, QStringLiteral("200,000"));
    QCOMPARE(label("amountHint")->text(),
             QStringLiteral("KES 200,000 in 2 M-Pesa payments: 150,000 + 50,000"));
    amount->clear();
    QTest::keyClicks(amount, QStringLiteral("450000"));
    const QString hint = label("amountHint")->text();
    QVERIFY2(
        hint.startsWith(QStringLiteral("KES 450,000 in 3 M-Pesa payments: 150,000 + 150,000 + 150,000\n")),
        qPrintable(hint));
    QVERIFY(hint.contains(QStringLiteral("300,000 a day")));
    QTest::keyClick(amount, Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("0712345678"));
    QVERIFY(button("chargeButton")->isEnabled());
}

void TestSaleCard::cardFollowsTheWholeSale()
{
    driver().charge(QStringLiteral("200000"), QStringLiteral("0712345678"));
    QVERIFY(m_window->waitingCard()->isVisible());
    QTRY_COMPARE(progress(), QStringLiteral("KES 0 of 200,000 paid — part 1 of 2 waiting"));
    QCOMPARE(cell(0, PaymentListModel::AmountColumn), QStringLiteral("1/2 · KES 150,000"));
    // Part 1 paid: the card moves on to part 2, sent by itself, with part 1's receipt code.
    QVERIFY(m_stack->advanceUntil(
        [&] { return progress() == QStringLiteral("KES 150,000 of 200,000 paid — part 2 of 2 waiting"); },
        3min));
    const QString firstReceipt = cell(1, PaymentListModel::ReceiptColumn);
    QCOMPARE(firstReceipt.size(), 10);
    QVERIFY(label("cardSaleParts")->text().contains(firstReceipt));
    QCOMPARE(cell(0, PaymentListModel::AmountColumn), QStringLiteral("2/2 · KES 50,000"));
    QCOMPARE(cell(1, PaymentListModel::AmountColumn), QStringLiteral("1/2 · KES 150,000"));
    QCOMPARE(label("cardSale")->text(), QString::fromUtf8("KES 50,000 from 0712 \u2022\u2022\u2022 678"));
    QVERIFY(!button("cardResend")->isVisible()); // nothing to do while a part waits
    QVERIFY(!button("cardCloseShort")->isVisible());
    QVERIFY(m_stack->advanceUntil(
        [&] { return progress() == QStringLiteral("KES 200,000 of 200,000 paid — sale complete"); }, 3min));
    QCOMPARE(label("cardState")->text(), QStringLiteral("Paid"));
    const QString parts = label("cardSaleParts")->text();
    QVERIFY(parts.contains(firstReceipt));
    QVERIFY(parts.contains(cell(0, PaymentListModel::ReceiptColumn)));
    for (const char* name : {"cardResend", "cardCash", "cardOtherPhone", "cardCloseShort"})
        QVERIFY2(!button(name)->isVisible(), name);
    QCOMPARE(m_stack->pushesOnceIdle(), 2);
}

void TestSaleCard::partNotPaidThenTheRestInCashWithF9()
{
    saleWithPartTwoTurnedDown();
    QCOMPARE(label("cardState")->text(), QStringLiteral("Failed"));
    QVERIFY(button("cardResend")->isVisible());
    QCOMPARE(button("cardResend")->text(), QStringLiteral("Send the rest again (F8)"));
    QCOMPARE(button("cardCash")->text(), QStringLiteral("Rest in cash (F9)"));
    QVERIFY(button("cardOtherPhone")->isVisible());
    QVERIFY(button("cardCloseShort")->isVisible());
    QTest::keyClick(m_window.get(), Qt::Key_F9);
    auto* box = driver().shown<QMessageBox>("cashDialog");
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("Record KES 50,000, the rest of the sale of KES 200,000")),
             qPrintable(box->text()));
    answer("cashDialog", "takeCash");
    QTRY_COMPARE(progress(), QStringLiteral("KES 200,000 of 200,000 paid (50,000 in cash) — sale complete"));
    QCOMPARE(cell(0, PaymentListModel::StateColumn), QStringLiteral("Paid in cash"));
    QCOMPARE(m_stack->pushesOnceIdle(), 2);
}

void TestSaleCard::theRestFromAnotherPhone()
{
    saleWithPartTwoTurnedDown();
    QTest::mouseClick(button("cardOtherPhone"), Qt::LeftButton);
    auto* ask = driver().shown<QInputDialog>("otherPhoneDialog");
    QVERIFY(ask);
    QVERIFY(ask->labelText().contains(QStringLiteral("KES 50,000")));
    auto* field = ask->findChild<QLineEdit*>();
    QTest::keyClicks(field, QStringLiteral("0722 000 116"));
    QTest::keyClick(field, Qt::Key_Return);
    auto* box = driver().shown<QMessageBox>("resendDialog");
    QVERIFY(box);
    QVERIFY2(box->text().contains(QString::fromUtf8("It goes to 0722 \u2022\u2022\u2022 116")),
             qPrintable(box->text()));
    answer("resendDialog", "sendAgain");
    QCOMPARE(m_stack->pushesOnceIdle(), 3);
    QCOMPARE(m_stack->simulator.pushes().last().phone, QStringLiteral("254722000116"));
    QCOMPARE(m_stack->simulator.pushes().last().amountShillings, 50'000);
    QVERIFY(
        m_stack->advanceUntil([&] { return progress().endsWith(QStringLiteral("sale complete")); }, 3min));
}

void TestSaleCard::sameSaleAgainAsksAndShowsTheOpenOne()
{
    saleWithPartTwoTurnedDown();
    m_window->waitingCard()->stopWaiting();
    m_window->chargePanel()->focusAmount();
    driver().charge(QStringLiteral("200000"), QStringLiteral("0712345678"));
    auto* box = driver().shown<QMessageBox>("duplicateSaleDialog");
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("KES 150,000 of 200,000 paid")), qPrintable(box->text()));
    answer("duplicateSaleDialog", "showOpenSale");
    QTRY_VERIFY(m_window->waitingCard()->isVisible());
    QCOMPARE(progress(), QStringLiteral("KES 150,000 of 200,000 paid — KES 50,000 still to pay"));
    QCOMPARE(m_stack->pushesOnceIdle(), 2); // nothing sent
}

void TestSaleCard::closedShortWithAReason()
{
    saleWithPartTwoTurnedDown();
    QTest::mouseClick(button("cardCloseShort"), Qt::LeftButton); // no manager PIN set: no PIN asked
    auto* ask = driver().shown<QInputDialog>("closeShortDialog");
    QVERIFY(ask);
    auto* field = ask->findChild<QLineEdit*>();
    QTest::keyClicks(field, QStringLiteral("Customer paid the rest by bank transfer"));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_COMPARE(progress(), QStringLiteral("KES 150,000 of 200,000 paid — closed short"));
    const std::optional<Sale> sale =
        m_stack->sales().sale(m_stack->journal().find(m_window->waitingCard()->localRef())->saleRef);
    QCOMPARE(sale->shortReason, QStringLiteral("Customer paid the rest by bank transfer"));
    for (const char* name : {"cardResend", "cardCash", "cardOtherPhone", "cardCloseShort"})
        QVERIFY2(!button(name)->isVisible(), name);
}

void TestSaleCard::saleReceiptListsEveryPart()
{
    driver().charge(QStringLiteral("200000"), QStringLiteral("0712345678"));
    QVERIFY(
        m_stack->advanceUntil([&] { return progress().endsWith(QStringLiteral("sale complete")); }, 5min));
    const QString saleRef = m_stack->journal().find(m_window->waitingCard()->localRef())->saleRef;
    const QList<Payment> parts = m_stack->sales().parts(saleRef);
    QTextDocument document;
    document.setHtml(saleReceiptHtml(*m_stack->sales().sale(saleRef), parts, QStringLiteral("Duka"),
                                     m_stack->clock.now()));
    const QString text = document.toPlainText();
    QVERIFY(text.contains(QStringLiteral("Sale receipt")));
    QVERIFY(text.contains(QStringLiteral("KES 200,000")));
    QVERIFY(text.contains(QStringLiteral("Part 1/2")));
    QVERIFY(text.contains(QStringLiteral("Part 2/2")));
    QVERIFY(text.contains(parts.at(0).mpesaReceipt));
    QVERIFY(text.contains(parts.at(1).mpesaReceipt));
    QVERIFY(text.contains(QStringLiteral("KES 150,000")));
    QVERIFY(text.contains(QStringLiteral("KES 50,000")));
    QVERIFY(!text.contains(QStringLiteral("NOT PAID")));
}

QTEST_MAIN(TestSaleCard)
#include "tst_salecard.moc"
