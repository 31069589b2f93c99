// SPDX-License-Identifier: GPL-3.0-or-later
#include "CashierDriver.h"
#include "ChargePanel.h"
#include "MainWindow.h"
#include "ManagerPin.h"
#include "PaymentListModel.h"
#include "RefundDialog.h"
#include "TestStack.h"
#include "TestWindow.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace lipa;
using namespace std::chrono_literals;

namespace {

const QString kSecretKey = QStringLiteral("ISSecretKey_test_refund-window");

} // namespace

// Request refund on the real main window, against the simulator with a secret key: only for a paid
// payment, the amount prefilled and checked, a confirmation whose Enter sends nothing, the request in
// the payment's details, and the manager PIN in front of it all.
class TestRefundDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void requestsARefundOfAChosenPaidPayment();
    void onlyAPaidPaymentCanBeRefunded();
    void theManagerPinComesFirst();
    void amountsAreCheckedAgainstWhatMayBeRefunded();

private:
    [[nodiscard]] bool backToWindow();
    // Charges the sale and waits until it is paid; its local reference.
    QString chargePaid(const QString& amount, const QString& phone);
    // Chooses the payment's row in the list, as a cashier does with the arrow keys.
    void choose(const QString& localRef);
    void pressRefundKey();
    QString cardState() const { return m_window->findChild<QLabel*>(QStringLiteral("cardState"))->text(); }
    QAction* requestAction() const
    {
        return m_window->findChild<QAction*>(QStringLiteral("requestRefundAction"));
    }
    // The shown widget of that name once it shows (0: only if it is shown now).
    template <typename T>
    T* visible(const char* name, int timeoutMs = 3000) const
    {
        return test::CashierDriver(m_window.get()).shown<T>(name, timeoutMs);
    }
    template <typename T = QWidget>
    static T* child(QWidget* parent, const char* name)
    {
        return parent->findChild<T*>(QString::fromLatin1(name));
    }

    std::unique_ptr<test::TestStack> m_stack;
    std::unique_ptr<MainWindow> m_window;
};

void TestRefundDialog::init()
{
    m_stack = std::make_unique<test::TestStack>(Settings{}, kSecretKey);
    m_window = test::makeWindow(*m_stack);
    QVERIFY(test::showActive(*m_window));
}

void TestRefundDialog::cleanup()
{
    m_window.reset(); // before the stack it shows
    m_stack.reset();
}

bool TestRefundDialog::backToWindow()
{
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window.get()))
        return false;
    m_window->chargePanel()->focusAmount();
    return true;
}

QString TestRefundDialog::chargePaid(const QString& amount, const QString& phone)
{
    if (!backToWindow())
        return {};
    test::CashierDriver(m_window.get()).charge(amount, phone);
    if (!m_stack->advanceUntil([&] { return cardState() == u"Paid"; }, 15s))
        return {};
    return m_window->paymentModel()->index(0, 0).data(PaymentListModel::LocalRefRole).toString();
}

void TestRefundDialog::choose(const QString& localRef)
{
    QVERIFY(backToWindow());
    QTableView* view = m_window->paymentView();
    view->setFocus();
    view->selectRow(m_window->paymentModel()->rowOf(localRef));
    QCOMPARE(view->currentIndex().data(PaymentListModel::LocalRefRole).toString(), localRef);
}

void TestRefundDialog::pressRefundKey()
{
    QTest::keyClick(m_window->paymentView(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
}

void TestRefundDialog::requestsARefundOfAChosenPaidPayment()
{
    const QString paid = chargePaid(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QVERIFY(!paid.isEmpty());
    choose(paid);
    QTRY_VERIFY(requestAction()->isEnabled());
    pressRefundKey();
    auto* dialog = visible<RefundDialog>("refundDialog");
    QVERIFY(dialog);
    auto* amount = child<QLineEdit>(dialog, "refundAmountEdit");
    QCOMPARE(amount->text(), QStringLiteral("1500")); // all of it, unless the cashier says less
    QCOMPARE(child<QLabel>(dialog, "refundable")->text(), QStringLiteral("KES 1,500"));
    QCOMPARE(child<QLabel>(dialog, "refundPhone")->text(), QStringLiteral("0712 \u2022\u2022\u2022 678"));
    QCOMPARE(child<QLabel>(dialog, "refundReceipt")->text(), m_stack->journal().find(paid)->mpesaReceipt);

    // More than was paid: said beside the form, nothing asked, nothing sent.
    amount->clear();
    QTest::keyClicks(amount, QStringLiteral("2000"));
    QTest::keyClick(amount, Qt::Key_Return);
    auto* error = child<QLabel>(dialog, "refundError");
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("KES 1,500")), qPrintable(error->text()));
    QVERIFY(!visible<QMessageBox>("refundConfirmDialog", 0));
    QVERIFY(dialog->isVisible());

    // A valid amount and reason: the question, whose Enter means "don't".
    amount->clear();
    QTest::keyClicks(amount, QStringLiteral("500"));
    QVERIFY(!error->isVisible()); // gone as the cashier corrects it
    auto* reason = child<QComboBox>(dialog, "refundReason");
    reason->setCurrentIndex(0);
    QTest::keyClick(amount, Qt::Key_Return);
    QPointer<QMessageBox> confirm = visible<QMessageBox>("refundConfirmDialog");
    QVERIFY(confirm);
    QCOMPARE(confirm->defaultButton()->objectName(), QStringLiteral("dontRequest"));
    QCOMPARE(confirm->escapeButton()->objectName(), QStringLiteral("dontRequest"));
    QVERIFY2(confirm->text().contains(
                 QStringLiteral("Ask IntaSend to refund KES 500 to 0712 \u2022\u2022\u2022 678?")),
             qPrintable(confirm->text()));
    QTest::keyClick(confirm, Qt::Key_Return);
    QTRY_VERIFY(!confirm || !confirm->isVisible());
    QVERIFY(dialog->isVisible());
    QVERIFY(m_stack->waitForNetwork());
    QCOMPARE(m_stack->simulator.refundRequestCount(), 0);
    QVERIFY(m_stack->journal().refunds().ofPayment(paid).isEmpty());

    // Asked again and confirmed: the request goes to IntaSend and the dialog closes.
    QTest::keyClick(amount, Qt::Key_Return);
    confirm = visible<QMessageBox>("refundConfirmDialog");
    QVERIFY(confirm);
    QTest::mouseClick(confirm->findChild<QPushButton*>(QStringLiteral("confirmRefund")), Qt::LeftButton);
    QTRY_COMPARE(m_stack->simulator.refundRequestCount(), 1);
    QTRY_VERIFY(!m_window->findChild<RefundDialog*>(QStringLiteral("refundDialog")) ||
                !m_window->findChild<RefundDialog*>(QStringLiteral("refundDialog"))->isVisible());
    QCOMPARE(m_stack->simulator.refunds().first().amountCents, qint64(50000));

    // The details of the payment list it, as IntaSend has it.
    choose(paid);
    QTest::keyClick(m_window->paymentView(), Qt::Key_Return);
    auto* details = visible<QDialog>("paymentDetails");
    QVERIFY(details);
    auto* refunds = child<QTableWidget>(details, "refundsTable");
    QVERIFY(refunds->isVisible());
    QCOMPARE(refunds->rowCount(), 1);
    QCOMPARE(refunds->item(0, 1)->text(), QStringLiteral("KES 500"));
    QTRY_COMPARE(refunds->item(0, 2)->text(), QStringLiteral("Refund requested"));
    QVERIFY(child<QPushButton>(details, "printRefundSlip")->isVisible());
    details->reject();

    // What is left may still be asked for, and no more.
    choose(paid);
    QTRY_VERIFY(requestAction()->isEnabled());
    pressRefundKey();
    auto* again = visible<RefundDialog>("refundDialog");
    QVERIFY(again);
    QCOMPARE(child<QLineEdit>(again, "refundAmountEdit")->text(), QStringLiteral("1000"));
    QCOMPARE(child<QLabel>(again, "refundRequested")->text(), QStringLiteral("KES 500"));
    again->reject();
}

void TestRefundDialog::onlyAPaidPaymentCanBeRefunded()
{
    QVERIFY(backToWindow());
    test::CashierDriver(m_window.get()).charge(QStringLiteral("700"), QStringLiteral("0712345670"));
    QVERIFY(m_stack->advanceUntil([&] { return cardState() == u"Failed"; }, 15s));
    const QString failed =
        m_window->paymentModel()->index(0, 0).data(PaymentListModel::LocalRefRole).toString();
    choose(failed);
    QTRY_VERIFY(!requestAction()->isEnabled());
    // The tooltip says why, and keeps the key.
    QVERIFY2(requestAction()->toolTip().contains(QStringLiteral("paid")),
             qPrintable(requestAction()->toolTip()));
    QVERIFY(requestAction()->toolTip().contains(QStringLiteral("Ctrl+Shift+B")));
    pressRefundKey();
    QVERIFY(!visible<RefundDialog>("refundDialog", 0));
    QVERIFY(!visible<QDialog>("pinDialog", 0));
    // Nothing chosen: nothing to refund.
    m_window->paymentView()->selectionModel()->clear();
    QTRY_VERIFY(!requestAction()->isEnabled());
}

void TestRefundDialog::theManagerPinComesFirst()
{
    Settings settings;
    settings.managerPinHash = ManagerPin::hash(QStringLiteral("2468"));
    m_window->setSettingsAccess(settings, QString(), nullptr);
    const QString paid = chargePaid(QStringLiteral("900"), QStringLiteral("0712345678"));
    QVERIFY(!paid.isEmpty());
    choose(paid);
    QTRY_VERIFY(requestAction()->isEnabled());

    pressRefundKey();
    auto* pin = visible<QDialog>("pinDialog");
    QVERIFY(pin);
    QVERIFY(!m_window->findChild<RefundDialog*>());
    // A wrong PIN: still no dialog.
    QTest::keyClicks(child<QLineEdit>(pin, "pinEdit"), QStringLiteral("1111"));
    QTest::keyClick(child<QLineEdit>(pin, "pinEdit"), Qt::Key_Return);
    QTRY_VERIFY(!child<QLabel>(pin, "pinMessage")->text().isEmpty());
    QVERIFY(!m_window->findChild<RefundDialog*>());
    // Given up: still none.
    const QPointer<QDialog> first = pin;
    pin->reject();
    QTRY_VERIFY(!first || !first->isVisible());
    QVERIFY(!m_window->findChild<RefundDialog*>());

    // The right PIN opens it.
    choose(paid);
    pressRefundKey();
    pin = visible<QDialog>("pinDialog");
    QVERIFY(pin);
    QTest::keyClicks(child<QLineEdit>(pin, "pinEdit"), QStringLiteral("2468"));
    QTest::keyClick(child<QLineEdit>(pin, "pinEdit"), Qt::Key_Return);
    auto* dialog = visible<RefundDialog>("refundDialog");
    QVERIFY(dialog);
    QCOMPARE(child<QLineEdit>(dialog, "refundAmountEdit")->text(), QStringLiteral("900"));
    dialog->reject();
    QCOMPARE(m_stack->simulator.refundRequestCount(), 0);
}

void TestRefundDialog::amountsAreCheckedAgainstWhatMayBeRefunded()
{
    const Money most = Money::fromShillings(1500);
    QCOMPARE(RefundDialog::parseAmount(QStringLiteral("1500"), most).value(), most);
    QCOMPARE(RefundDialog::parseAmount(QStringLiteral("1,000"), most).value(), Money::fromShillings(1000));
    QVERIFY(!RefundDialog::parseAmount(QString(), most));
    QVERIFY(!RefundDialog::parseAmount(QStringLiteral("0"), most));
    QVERIFY(!RefundDialog::parseAmount(QStringLiteral("-5"), most));
    QVERIFY(!RefundDialog::parseAmount(QStringLiteral("12.50"), most));
    QVERIFY(!RefundDialog::parseAmount(QStringLiteral("abc"), most));
    const Result<Money> over = RefundDialog::parseAmount(QStringLiteral("1501"), most);
    QVERIFY(!over);
    QCOMPARE(over.error(), QStringLiteral("The most that can be refunded is KES 1,500"));
}

QTEST_MAIN(TestRefundDialog)
#include "tst_refunddialog.moc"
