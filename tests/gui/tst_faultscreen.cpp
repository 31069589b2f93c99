// SPDX-License-Identifier: GPL-3.0-or-later
#include "CannedServer.h"
#include "CashierDriver.h"
#include "ChargePanel.h"
#include "MainWindow.h"
#include "PaymentListModel.h"
#include "TestStack.h"
#include "TestWindow.h"
#include "WaitingCard.h"

#include <QApplication>
#include <QClipboard>
#include <QHelpEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTextDocumentFragment>
#include <QToolTip>

using namespace lipa;
using namespace std::chrono_literals;
using sim::Fault;
using sim::FaultMode;
using sim::FaultScope;

// What the cashier sees when IntaSend or the network misbehaves, and the guards against charging twice,
// on the real main window driven from the keyboard.
class TestFaultScreen : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup();

    void unreachableShowsNothingChargedAndRetries();
    void droppedPushShowsUnknownAndResendNeedsConsent();
    void expiredIsCheckedBeforeResendIsOffered();
    void badRequestShowsIntaSendsWords();
    void refusedKeysRaiseTheSettingsBanner();
    void rateLimitShowsBannerAndHoldsCharges();
    void unreadableAnswerShowsUnknown();
    void failingChecksShowOfflineBannerThatClearsItself();
    void duplicateSaleAsksFirstAndEnterMeansNo();
    void enterHeldDownSendsOneRequest();
    void f1ListsEveryShortcut();
    void expiredSaleTypedAgainIsLookedAtFirst();
    void closingTheViewsStopsNoReconciliation();
    void stopWaitingHidesTheCardOnly();
    void cardShowsTheReceiptOrTheReasonAndOffersResend();
    void pastedBadInputShowsReasonAndSendsNothing_data();
    void pastedBadInputShowsReasonAndSendsNothing();
    void serverWordsAreShownAsWritten();
    void unknownStateNoticeGoesOnceThePaymentIsFinal();
    void expiredSaleTypedAgainIsAskedAboutEvenIfTheJournalCannotBeRead();

private:
    void open(const std::function<void(ClientConfig&)>& configure = {});
    test::CashierDriver cashier() const { return test::CashierDriver(m_window.get()); }
    void chargeByKeyboard(const QString& amount, const QString& phone) const
    {
        cashier().charge(amount, phone);
    }
    QString cell(int row, int column) const
    {
        return m_window->paymentModel()->index(row, column).data().toString();
    }
    QLineEdit* edit(const char* name) const
    {
        return m_window->findChild<QLineEdit*>(QString::fromLatin1(name));
    }
    QLabel* label(const char* name) const { return m_window->findChild<QLabel*>(QString::fromLatin1(name)); }
    // The dialog of that name once it is showing.
    QMessageBox* dialog(const char* name) const { return cashier().shown<QMessageBox>(name); }
    void pressF8OnRow(int row);

    std::unique_ptr<test::TestStack> m_stack;
    std::unique_ptr<MainWindow> m_window;
};

void TestFaultScreen::open(const std::function<void(ClientConfig&)>& configure)
{
    m_stack = std::make_unique<test::TestStack>(Settings{}, [&](ClientConfig& config) {
        config.transferTimeout = 800ms;
        if (configure)
            configure(config);
    });
    m_window = test::makeWindow(*m_stack);
    QVERIFY(test::showActive(*m_window));
}

void TestFaultScreen::cleanup()
{
    m_window.reset();
    m_stack.reset();
}

void TestFaultScreen::pressF8OnRow(int row)
{
    // Back to the main window after a dialog, as the cashier's next key press would be.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->paymentView()->setFocus();
    m_window->paymentView()->selectRow(row);
    QTest::keyClick(m_window->paymentView(), Qt::Key_F8);
}

void TestFaultScreen::unreachableShowsNothingChargedAndRetries()
{
    open();
    m_stack->simulator.setFault({FaultMode::Refuse, 0, FaultScope::All});
    chargeByKeyboard(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QTRY_COMPARE(cell(0, PaymentListModel::StateColumn), QStringLiteral("Not sent"));
    QCOMPARE(cell(0, PaymentListModel::DetailColumn),
             QStringLiteral("Could not reach IntaSend — nothing was charged"));
    QVERIFY(label("connectionLabel")->text().contains(QStringLiteral("Offline")));

    m_stack->simulator.setFault({});
    // Straight from the form, no row chosen: F8 is about the newest payment.
    QCOMPARE(QApplication::focusWidget(), edit("amountEdit"));
    QTest::keyClick(edit("amountEdit"), Qt::Key_F8);
    QMessageBox* box = dialog("resendDialog");
    QVERIFY(box);
    QCOMPARE(box->windowTitle(), QStringLiteral("Try again?"));
    QVERIFY(box->text().contains(QStringLiteral("Nothing was charged")));
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("sendAgain")), Qt::LeftButton);
    QVERIFY(m_stack->waitForNetwork());
    QTRY_COMPARE(m_window->paymentModel()->rowCount(), 2);
    QTRY_COMPARE(cell(0, PaymentListModel::StateColumn), QStringLiteral("Waiting"));
    QVERIFY(cell(0, PaymentListModel::DetailColumn).contains(QStringLiteral("sent again")));
    QCOMPARE(m_stack->pushesOnceIdle(), 1);
    QTRY_COMPARE(m_window->focusWidget(), edit("amountEdit")); // ready for the next sale
}

void TestFaultScreen::droppedPushShowsUnknownAndResendNeedsConsent()
{
    open();
    m_stack->simulator.setFault({FaultMode::DropAfterRequest, 0, FaultScope::Pushes});
    chargeByKeyboard(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QTRY_COMPARE(cell(0, PaymentListModel::StateColumn), QStringLiteral("Unknown"));
    QVERIFY(cell(0, PaymentListModel::DetailColumn)
                .startsWith(QStringLiteral("The request may have reached the customer's phone")));
    QCOMPARE(m_stack->pushesOnceIdle(), 1);

    pressF8OnRow(0);
    QMessageBox* box = dialog("resendDialog");
    QVERIFY(box);
    QCOMPARE(box->icon(), QMessageBox::Warning);
    QVERIFY(box->text().contains(QStringLiteral("Ask the customer")));
    QCOMPARE(box->defaultButton()->objectName(), QStringLiteral("dontSend"));
    QTest::keyClick(box, Qt::Key_Return); // Enter is "don't send"
    QTRY_VERIFY(!m_window->findChild<QMessageBox*>(QStringLiteral("resendDialog")));
    QCOMPARE(m_stack->pushesOnceIdle(), 1);
    QCOMPARE(m_window->paymentModel()->rowCount(), 1);
}

void TestFaultScreen::expiredIsCheckedBeforeResendIsOffered()
{
    open();
    chargeByKeyboard(QStringLiteral("700"), QStringLiteral("0712345679")); // never answers
    QVERIFY(m_stack->advanceUntil([&] { return cell(0, PaymentListModel::StateColumn) == u"Expired"; }, 200s,
                                  5s));
    const int checks = m_stack->simulator.statusRequestCount();
    pressF8OnRow(0);
    QMessageBox* box = dialog("resendDialog");
    QVERIFY(box);
    QCOMPARE(m_stack->statusChecksOnceIdle(), checks + 1); // the last look came first
    QVERIFY(box->text().contains(QStringLiteral("KES 700")));
    QVERIFY(box->text().contains(QStringLiteral("not finished (PENDING)")));
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("sendAgain")), Qt::LeftButton);
    QCOMPARE(m_stack->pushesOnceIdle(), 2);
    QTRY_COMPARE(m_window->paymentModel()->rowCount(), 2);

    // The old one again: already sent again, so only an explanation.
    pressF8OnRow(1);
    box = dialog("resendDialog");
    QVERIFY(box);
    QCOMPARE(box->windowTitle(), QStringLiteral("Not sent again"));
    QVERIFY(box->text().contains(QStringLiteral("already sent again")));
    QTest::keyClick(box, Qt::Key_Return);
    QCOMPARE(m_stack->pushesOnceIdle(), 2);
}

void TestFaultScreen::badRequestShowsIntaSendsWords()
{
    open([](ClientConfig& config) { config.publicKey = QStringLiteral("not-a-key"); });
    chargeByKeyboard(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QTRY_COMPARE(cell(0, PaymentListModel::StateColumn), QStringLiteral("Not sent"));
    QCOMPARE(cell(0, PaymentListModel::DetailColumn), QStringLiteral("A valid public key is required."));
    QVERIFY(!label("serviceTrouble")->isVisible());
}

void TestFaultScreen::refusedKeysRaiseTheSettingsBanner()
{
    open([](ClientConfig& config) { config.secretKey = QStringLiteral("wrong"); });
    QVERIFY(!label("serviceTrouble")->isVisible());
    chargeByKeyboard(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QTRY_COMPARE(cell(0, PaymentListModel::StateColumn), QStringLiteral("Not sent"));
    QTRY_VERIFY(label("serviceTrouble")->isVisible());
    QVERIFY(label("serviceTrouble")
                ->text()
                .startsWith(QStringLiteral("IntaSend refused the keys — check Settings")));
}

void TestFaultScreen::rateLimitShowsBannerAndHoldsCharges()
{
    open();
    m_stack->simulator.setFault({FaultMode::RateLimited, 30, FaultScope::All});
    chargeByKeyboard(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QTRY_COMPARE(cell(0, PaymentListModel::StateColumn), QStringLiteral("Not sent"));
    QCOMPARE(cell(0, PaymentListModel::DetailColumn),
             QStringLiteral("IntaSend asked the till to slow down — nothing was charged"));
    QTRY_VERIFY(label("serviceTrouble")->isVisible());
    QVERIFY(label("serviceTrouble")->text().contains(QStringLiteral("resume at 12:00:30")));

    chargeByKeyboard(QStringLiteral("200"), QStringLiteral("0712345678"));
    QTRY_VERIFY(label("noticeText")->isVisible());
    QVERIFY(label("noticeText")->text().contains(QStringLiteral("Nothing was sent")));
    QCOMPARE(edit("amountEdit")->text(), QStringLiteral("200")); // kept for the next try
    QCOMPARE(m_window->paymentModel()->rowCount(), 1);
    QCOMPARE(m_stack->simulator.faultyAnswerCount(), 1);

    m_stack->clock.advance(31s);
    QTRY_VERIFY(!label("serviceTrouble")->isVisible());
}

void TestFaultScreen::unreadableAnswerShowsUnknown()
{
    open();
    m_stack->simulator.setFault({FaultMode::MalformedJson, 0, FaultScope::Pushes});
    chargeByKeyboard(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QTRY_COMPARE(cell(0, PaymentListModel::StateColumn), QStringLiteral("Unknown"));
    QVERIFY(cell(0, PaymentListModel::DetailColumn).contains(QStringLiteral("not JSON")));
}

void TestFaultScreen::failingChecksShowOfflineBannerThatClearsItself()
{
    open();
    chargeByKeyboard(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QTRY_COMPARE(cell(0, PaymentListModel::StateColumn), QStringLiteral("Waiting"));
    m_stack->simulator.setFault({FaultMode::ServerError, 0, FaultScope::StatusChecks});
    QVERIFY(m_stack->advanceUntil([&] { return label("serviceTrouble")->isVisible(); }, 60s));
    QVERIFY(label("serviceTrouble")->text().startsWith(QStringLiteral("Offline")));
    QCOMPARE(cell(0, PaymentListModel::StateColumn), QStringLiteral("Waiting"));

    m_stack->simulator.setFault({});
    QVERIFY(m_stack->advanceUntil([&] { return cell(0, PaymentListModel::StateColumn) == u"Paid"; }, 30s));
    QVERIFY(!label("serviceTrouble")->isVisible());
    QCOMPARE(m_stack->pushesOnceIdle(), 1);
}

void TestFaultScreen::duplicateSaleAsksFirstAndEnterMeansNo()
{
    open();
    chargeByKeyboard(QStringLiteral("1500"), QStringLiteral("0712345679"));
    QTRY_COMPARE(cell(0, PaymentListModel::StateColumn), QStringLiteral("Waiting"));
    m_stack->clock.advance(40s);
    QVERIFY(m_stack->waitForNetwork());

    chargeByKeyboard(QStringLiteral("1,500"), QStringLiteral("0712 345 679"));
    QMessageBox* box = dialog("duplicateChargeDialog");
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral("KES 1,500")));
    QVERIFY(box->text().contains(QString::fromUtf8("0712 \u2022\u2022\u2022 679")));
    QVERIFY(box->text().contains(QStringLiteral("40 seconds ago")));
    QVERIFY(box->text().contains(QStringLiteral("Waiting")));
    QTest::keyClick(box, Qt::Key_Return); // Enter (or Enter held) is "don't charge"
    QTRY_VERIFY(!m_window->findChild<QMessageBox*>(QStringLiteral("duplicateChargeDialog")));
    QCOMPARE(m_stack->simulator.pushes().size(), 1);
    QCOMPARE(edit("phoneEdit")->text(), QStringLiteral("0712 345 679")); // the sale is kept

    // Asked for on purpose: a second request.
    QTest::keyClick(edit("phoneEdit"), Qt::Key_Return);
    box = dialog("duplicateChargeDialog");
    QVERIFY(box);
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("chargeAgain")), Qt::LeftButton);
    QCOMPARE(m_stack->pushesOnceIdle(), 2);

    // Another amount to the same phone is another sale: no question.
    chargeByKeyboard(QStringLiteral("200"), QStringLiteral("0712345679"));
    QCOMPARE(m_stack->pushesOnceIdle(), 3);
}

void TestFaultScreen::enterHeldDownSendsOneRequest()
{
    open();
    cashier().typeSale(QStringLiteral("1500"), QStringLiteral("0712345678"));
    // A held key: one press, then auto-repeated presses, each to whatever has the focus by then.
    for (int i = 0; i < 8; ++i) {
        QKeyEvent press(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"), i > 0);
        QApplication::sendEvent(QApplication::focusWidget(), &press);
    }
    QKeyEvent release(QEvent::KeyRelease, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
    QApplication::sendEvent(QApplication::focusWidget(), &release);
    QCOMPARE(m_stack->pushesOnceIdle(), 1);
    QCOMPARE(m_window->paymentModel()->rowCount(), 1);
}

void TestFaultScreen::f1ListsEveryShortcut()
{
    open();
    QTest::keyClick(edit("amountEdit"), Qt::Key_F1);
    QMessageBox* sheet = dialog("shortcutsSheet");
    QVERIFY(sheet);
    for (const char* key : {"Enter", "Esc", "F5", "F8", "F2", "Ctrl+E", "Ctrl+,", "F1"})
        QVERIFY2(sheet->text().contains(QStringLiteral("<b>%1</b>").arg(QLatin1String(key))), key);
    QTest::keyClick(sheet, Qt::Key_Escape);
    QTRY_VERIFY(!m_window->findChild<QMessageBox*>(QStringLiteral("shortcutsSheet")));
}

void TestFaultScreen::expiredSaleTypedAgainIsLookedAtFirst()
{
    open();
    IntaSendSimulator::Timing late;
    late.processingAfter = 170s;
    late.finalAfter = 200s; // the customer pays after the till's 3-minute expiry
    m_stack->simulator.setTiming(late);
    chargeByKeyboard(QStringLiteral("900"), QStringLiteral("0712345678"));
    QVERIFY(m_stack->advanceUntil([&] { return cell(0, PaymentListModel::StateColumn) == u"Expired"; }, 200s,
                                  5s));
    m_stack->clock.advance(30s);

    // Typed in again: IntaSend is asked about the expired one first, and it was paid.
    const int checks = m_stack->simulator.statusRequestCount();
    chargeByKeyboard(QStringLiteral("900"), QStringLiteral("0712345678"));
    QMessageBox* box = dialog("alreadyPaidDialog");
    QVERIFY(box);
    QCOMPARE(m_stack->statusChecksOnceIdle(), checks + 1);
    QVERIFY(box->text().contains(QStringLiteral("has been paid")));
    QVERIFY(
        box->text().contains(m_stack->simulator.receiptFor(m_stack->simulator.pushes().first().invoiceId)));
    QTest::keyClick(box, Qt::Key_Return);
    QCOMPARE(m_stack->pushesOnceIdle(), 1);
    QTRY_COMPARE(cell(0, PaymentListModel::StateColumn), QStringLiteral("Paid"));

    // One that never answers: still asked about, then the question names it as expired.
    chargeByKeyboard(QStringLiteral("450"), QStringLiteral("0712345679"));
    QVERIFY(m_stack->advanceUntil([&] { return cell(0, PaymentListModel::StateColumn) == u"Expired"; }, 200s,
                                  5s));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    chargeByKeyboard(QStringLiteral("450"), QStringLiteral("0712345679"));
    box = dialog("duplicateChargeDialog");
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("may still have paid (Expired)")), qPrintable(box->text()));
    QTest::keyClick(box, Qt::Key_Escape);
    QCOMPARE(m_stack->pushesOnceIdle(), 2);
}

void TestFaultScreen::stopWaitingHidesTheCardOnly()
{
    open();
    chargeByKeyboard(QStringLiteral("1500"), QStringLiteral("0712345678"));
    auto* card = m_window->findChild<QWidget*>(QStringLiteral("waitingCard"));
    QVERIFY(card->isVisible());
    QTRY_COMPARE(label("cardState")->text(), QStringLiteral("Waiting"));
    QCOMPARE(label("cardSale")->text(), QString::fromUtf8("KES 1,500 from 0712 \u2022\u2022\u2022 678"));
    QVERIFY(label("cardDetail")->text().contains(QStringLiteral("Expires in 3:00")));
    m_stack->clock.advance(1s);
    QVERIFY(m_stack->waitForNetwork());
    m_window->waitingCard()->refresh();
    QVERIFY(label("cardDetail")->text().contains(QStringLiteral("Expires in 2:59")));

    // Esc on the empty form: the card goes, the payment does not.
    QTest::keyClick(edit("amountEdit"), Qt::Key_Escape);
    QVERIFY(!card->isVisible());
    const QString ref = m_window->paymentModel()->index(0, 0).data(PaymentListModel::LocalRefRole).toString();
    QVERIFY(m_stack->advanceUntil([&] { return cell(0, PaymentListModel::StateColumn) == u"Paid"; }, 30s));
    QCOMPARE(m_stack->journal().find(ref)->state, PaymentState::Complete);
    QVERIFY(!card->isVisible());

    // Esc with something typed clears the form first and leaves the card.
    chargeByKeyboard(QStringLiteral("200"), QStringLiteral("0712345679"));
    QVERIFY(card->isVisible());
    QTest::keyClicks(edit("amountEdit"), QStringLiteral("75"));
    QTest::keyClick(edit("amountEdit"), Qt::Key_Escape);
    QVERIFY(edit("amountEdit")->text().isEmpty());
    QVERIFY(card->isVisible());
    QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("cardStop")), Qt::LeftButton);
    QVERIFY(!card->isVisible());
    QCOMPARE(m_stack->pushesOnceIdle(), 2);
}

void TestFaultScreen::cardShowsTheReceiptOrTheReasonAndOffersResend()
{
    open();
    chargeByKeyboard(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QVERIFY(m_stack->advanceUntil([&] { return label("cardState")->text() == u"Paid"; }, 30s));
    const QString receipt = m_stack->simulator.receiptFor(m_stack->simulator.pushes().last().invoiceId);
    QCOMPARE(label("cardReceipt")->text(), receipt);
    QVERIFY(label("cardReceipt")->isVisible());
    QVERIFY(label("cardReceipt")->font().pointSizeF() > label("cardSale")->font().pointSizeF());
    QVERIFY(!m_window->findChild<QPushButton*>(QStringLiteral("cardResend"))->isVisible());

    chargeByKeyboard(QStringLiteral("250"), QStringLiteral("0712345671"));
    QVERIFY(m_stack->advanceUntil([&] { return label("cardState")->text() == u"Failed"; }, 30s));
    QCOMPARE(label("cardDetail")->text(), QStringLiteral("Customer's M-Pesa balance is too low"));
    QVERIFY(!label("cardReceipt")->isVisible());
    auto* resend = m_window->findChild<QPushButton*>(QStringLiteral("cardResend"));
    QVERIFY(resend->isVisible());
    QTest::mouseClick(resend, Qt::LeftButton);
    QMessageBox* box = dialog("resendDialog");
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral("KES 250")));
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("sendAgain")), Qt::LeftButton);
    QCOMPARE(m_stack->pushesOnceIdle(), 3);
    QTRY_COMPARE(label("cardState")->text(), QStringLiteral("Waiting")); // the card follows the new attempt
}

void TestFaultScreen::closingTheViewsStopsNoReconciliation()
{
    // Whatever the cashier stops watching (a closed window, later a dismissed waiting card), the till
    // keeps asking IntaSend until the payment is final or expired.
    open();
    chargeByKeyboard(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QTRY_COMPARE(cell(0, PaymentListModel::StateColumn), QStringLiteral("Waiting"));
    const QString ref = m_window->paymentModel()->index(0, 0).data(PaymentListModel::LocalRefRole).toString();
    m_window.reset();
    QVERIFY(m_stack->advanceUntil(
        [&] { return m_stack->journal().find(ref)->state == PaymentState::Complete; }, 30s));
}

void TestFaultScreen::pastedBadInputShowsReasonAndSendsNothing_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("pasted");
    QTest::addColumn<QString>("reason");

    QTest::newRow("letters in amount") << "amountEdit"
                                       << "15OO"
                                       << "digits only";
    QTest::newRow("arabic-indic amount")
        << "amountEdit" << QString::fromUtf8("\u0661\u0665\u0660\u0660") << "digits 0 to 9";
    QTest::newRow("plus amount") << "amountEdit"
                                 << "+1500"
                                 << "digits only";
    QTest::newRow("emoji amount") << "amountEdit" << QString::fromUtf8("1500\U0001F4B0") << "digits only";
    QTest::newRow("fifty-digit amount") << "amountEdit" << QString(50, u'9') << "The most one payment can be";
    QTest::newRow("letters in phone") << "phoneEdit"
                                      << "0712 ABC 678"
                                      << "digits only";
    QTest::newRow("fullwidth phone") << "phoneEdit" << QString::fromUtf8("\uff10\uff17\uff11\uff12345678")
                                     << "digits 0 to 9";
    QTest::newRow("fifty-digit phone") << "phoneEdit" << QString(50, u'7') << "Wrong length";
    QTest::newRow("foreign plus") << "phoneEdit"
                                  << "+44 7123 456789"
                                  << "must start with +254";
    QTest::newRow("emoji phone") << "phoneEdit" << QString::fromUtf8("0712345678\U0001F600") << "digits only";
}

void TestFaultScreen::pastedBadInputShowsReasonAndSendsNothing()
{
    QFETCH(QString, field);
    QFETCH(QString, pasted);
    QFETCH(QString, reason);
    open();
    cashier().typeSale(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QLineEdit* target = edit(field.toLatin1().constData());
    target->setFocus();
    target->selectAll();
    QApplication::clipboard()->setText(pasted);
    QTest::keyClick(target, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(target->text(), pasted);
    QLabel* hint = label(field == u"amountEdit" ? "amountHint" : "phoneHint");
    QVERIFY2(hint->text().contains(reason), qPrintable(hint->text()));
    QVERIFY(!m_window->findChild<QPushButton*>(QStringLiteral("chargeButton"))->isEnabled());
    QTest::keyClick(target, Qt::Key_Return);
    QCOMPARE(m_stack->pushesOnceIdle(), 0);
    QCOMPARE(m_window->paymentModel()->rowCount(), 0);

    // A valid phone pasted with its country code is understood.
    if (field == u"phoneEdit") {
        target->selectAll();
        QApplication::clipboard()->setText(QStringLiteral("+254 712 345 678"));
        QTest::keyClick(target, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(hint->text(), QStringLiteral("0712 345 678"));
    }
}

void TestFaultScreen::serverWordsAreShownAsWritten()
{
    // IntaSend's words, or those of whatever answers in its place, are text: markup in them is shown as
    // written, never obeyed (no bold, no image fetched, nothing painted over the list).
    const QString words = QStringLiteral("<b>bold</b><img src=x>");
    test::CannedServer server;
    server.on("/payment/collection/",
              {test::CannedServer::Behaviour::Answer, 400,
               QJsonDocument(QJsonObject{{QStringLiteral("detail"), words}}).toJson(QJsonDocument::Compact)});
    open([&server](ClientConfig& config) { config.baseUrl = QUrl(server.baseUrl()); });
    chargeByKeyboard(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QTRY_COMPARE(cell(0, PaymentListModel::StateColumn), QStringLiteral("Not sent"));
    QCOMPARE(cell(0, PaymentListModel::DetailColumn), words);

    // The list's tooltips, read the way QToolTip reads them: rich text when Qt guesses it is.
    for (int column : {int(PaymentListModel::StateColumn), int(PaymentListModel::DetailColumn)}) {
        const QString tip = m_window->paymentModel()->index(0, column).data(Qt::ToolTipRole).toString();
        const QString shown =
            Qt::mightBeRichText(tip) ? QTextDocumentFragment::fromHtml(tip).toPlainText() : tip;
        QCOMPARE(shown, words);
    }
    // And shown for real, over the row.
    QTableView* view = m_window->paymentView();
    const QRect detail = view->visualRect(m_window->paymentModel()->index(0, PaymentListModel::DetailColumn));
    QHelpEvent hover(QEvent::ToolTip, detail.center(), view->viewport()->mapToGlobal(detail.center()));
    QApplication::sendEvent(view->viewport(), &hover);
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QTextDocumentFragment::fromHtml(QToolTip::text()).toPlainText(), words);
    QToolTip::hideText();

    // The card under the form says it as written too.
    QCOMPARE(label("cardDetail")->textFormat(), Qt::PlainText);
    QVERIFY2(label("cardDetail")->text().contains(words), qPrintable(label("cardDetail")->text()));
}

void TestFaultScreen::unknownStateNoticeGoesOnceThePaymentIsFinal()
{
    open();
    m_stack->simulator.setFault({FaultMode::UnknownState, 0, FaultScope::StatusChecks});
    chargeByKeyboard(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QVERIFY(m_stack->advanceUntil([&] { return label("noticeText")->isVisible(); }, 30s));
    QVERIFY2(label("noticeText")->text().contains(QStringLiteral("ON_HOLD")),
             qPrintable(label("noticeText")->text()));
    QVERIFY(label("noticeText")->text().contains(QStringLiteral("still checking")));

    // IntaSend speaks plainly again and the payment ends: "still checking" is no longer true.
    m_stack->simulator.setFault({});
    QVERIFY(m_stack->advanceUntil([&] { return cell(0, PaymentListModel::StateColumn) == u"Paid"; }, 60s));
    QTRY_VERIFY(!label("noticeText")->isVisible());

    // A notice about something else stays when a payment ends.
    m_window->showNotice(QStringLiteral("The export could not be saved"));
    chargeByKeyboard(QStringLiteral("200"), QStringLiteral("0712345678"));
    QVERIFY(m_stack->advanceUntil([&] { return cell(0, PaymentListModel::StateColumn) == u"Paid"; }, 60s));
    QVERIFY(label("noticeText")->isVisible());
    QCOMPARE(label("noticeText")->text(), QStringLiteral("The export could not be saved"));
}

void TestFaultScreen::expiredSaleTypedAgainIsAskedAboutEvenIfTheJournalCannotBeRead()
{
    open();
    chargeByKeyboard(QStringLiteral("450"), QStringLiteral("0712345679")); // never answers
    QVERIFY(m_stack->advanceUntil([&] { return cell(0, PaymentListModel::StateColumn) == u"Expired"; }, 200s,
                                  5s));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));

    // Typed in again: IntaSend is asked about the expired one, and while the answer is on its way the
    // journal can no longer be read.
    chargeByKeyboard(QStringLiteral("450"), QStringLiteral("0712345679"));
    QVERIFY(test::makeUnreadable(m_stack->journal()));
    QMessageBox* box = dialog("duplicateChargeDialog"); // the look-up answered all the same
    QVERIFY(test::makeReadable(m_stack->journal()));
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("could not ask IntaSend")), qPrintable(box->text()));
    QTest::keyClick(box, Qt::Key_Escape);
    QTRY_VERIFY(!m_window->statusBar()->currentMessage().contains(QStringLiteral("Checking")));

    // Nothing is left waiting: the same sale, still in the form, charged again is looked at again.
    const int checks = m_stack->statusChecksOnceIdle();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QCOMPARE(edit("amountEdit")->text(), QStringLiteral("450")); // "Don't charge" keeps the sale
    edit("amountEdit")->clear();
    edit("phoneEdit")->clear();
    chargeByKeyboard(QStringLiteral("450"), QStringLiteral("0712345679"));
    box = dialog("duplicateChargeDialog");
    QVERIFY(box);
    QCOMPARE(m_stack->statusChecksOnceIdle(), checks + 1);
    QTest::keyClick(box, Qt::Key_Escape);
    QCOMPARE(m_stack->pushesOnceIdle(), 1);
}

QTEST_MAIN(TestFaultScreen)
#include "tst_faultscreen.moc"
