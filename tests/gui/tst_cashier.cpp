// SPDX-License-Identifier: GPL-3.0-or-later
#include "Accessibility.h"
#include "Announcer.h"
#include "CannedServer.h"
#include "CashierDriver.h"
#include "ChargePanel.h"
#include "ChimePlayer.h"
#include "MainWindow.h"
#include "PaymentListModel.h"
#include "Printout.h"
#include "Receipt.h"
#include "ShiftDesk.h"
#include "TestStack.h"
#include "TestWindow.h"
#include "WaitingCard.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPrintPreviewDialog>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace lipa;
using namespace std::chrono_literals;
using sim::Fault;
using sim::FaultMode;
using sim::FaultScope;

// The cashier's day on the real window: the waiting card in every state, every shortcut, the keypad,
// receipts on paper and in PDF, shifts with their X and Z reports, sound and notifications.
class TestCashier : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void cardShowsEveryState();
    void useCashOnTheCardSettlesTheSale();
    void cashForAnUnconfirmedRequestSaysTheTillCannotSee();
    void paidTwiceIsAWarningThatStays();
    void everyShortcutDoesItsAction();
    void everyShortcutIsInTheSheetAndTheTooltip();
    void keypadTypesIntoTheForm();
    void receiptPdfCarriesTheSale_data();
    void receiptPdfCarriesTheSale();
    void shiftOpensReportsAndCloses();
    void soundFallsBackToAPlayerThatWorks();
    void paidAndFailedAreAnnouncedDifferently();
    void everyControlHasAnAccessibleNameAndIsInTheTabOrder();
    void usableAt1024x600();

private:
    void charge(const QString& amount, const QString& phone);
    QLineEdit* edit(const char* name) const
    {
        return m_window->findChild<QLineEdit*>(QString::fromLatin1(name));
    }
    QLabel* label(const char* name) const { return m_window->findChild<QLabel*>(QString::fromLatin1(name)); }
    QPushButton* button(const char* name) const
    {
        return m_window->findChild<QPushButton*>(QString::fromLatin1(name));
    }
    template <typename T>
    T* visible(const char* name) const
    {
        return test::CashierDriver(m_window.get()).shown<T>(name, 3000);
    }
    void backToWindow();
    QString cardState() const { return label("cardState")->text(); }

    std::unique_ptr<test::TestStack> m_stack;
    std::unique_ptr<MainWindow> m_window;
};

void TestCashier::init()
{
    m_stack = std::make_unique<test::TestStack>(Settings{},
                                                [](ClientConfig& config) { config.transferTimeout = 800ms; });
    m_window = test::makeWindow(*m_stack);
    QVERIFY(test::showActive(*m_window));
}

void TestCashier::cleanup()
{
    m_window.reset();
    m_stack.reset();
}

void TestCashier::charge(const QString& amount, const QString& phone)
{
    backToWindow();
    test::CashierDriver(m_window.get()).charge(amount, phone);
}

void TestCashier::backToWindow()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    if (!m_window->paymentView()->hasFocus())
        m_window->chargePanel()->focusAmount();
}

void TestCashier::cardShowsEveryState()
{
    struct Expect {
        QString word;
        bool check, resend, cash;
    };
    const auto verifyCard = [this](const Expect& e) {
        QTRY_COMPARE(cardState(), e.word);
        QVERIFY(m_window->waitingCard()->isVisible());
        QVERIFY(!label("cardIcon")->pixmap().isNull()); // an icon as well as the word and the colour
        QVERIFY2(button("cardCheck")->isVisibleTo(m_window->waitingCard()) == e.check, qPrintable(e.word));
        QCOMPARE(button("cardResend")->isVisibleTo(m_window->waitingCard()), e.resend);
        QCOMPARE(button("cardCash")->isVisibleTo(m_window->waitingCard()), e.cash);
    };

    // Sending: IntaSend has not answered yet.
    m_stack->simulator.setFault({FaultMode::Delay, 400, FaultScope::Pushes});
    charge(QStringLiteral("100"), QStringLiteral("0712345679"));
    verifyCard({QStringLiteral("Sending"), false, false, false});
    if (QTest::currentTestFailed())
        return;
    // Waiting, with the countdown.
    verifyCard({QStringLiteral("Waiting"), true, false, true});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(label("cardDetail")->text().contains(QStringLiteral("Expires in 3:00")));
    m_stack->simulator.setFault({});
    // Processing, then Paid with the receipt code large.
    charge(QStringLiteral("200"), QStringLiteral("0712345675"));
    QVERIFY(m_stack->advanceUntil([&] { return cardState() == u"Processing"; }, 10s));
    verifyCard({QStringLiteral("Processing"), true, false, true});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_stack->advanceUntil([&] { return cardState() == u"Paid"; }, 10s));
    verifyCard({QStringLiteral("Paid"), false, false, false});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(label("cardReceipt")->isVisible());
    QCOMPARE(label("cardReceipt")->text().size(), 10);
    // Failed, with the reason in plain words.
    charge(QStringLiteral("300"), QStringLiteral("0712345670"));
    QVERIFY(m_stack->advanceUntil([&] { return cardState() == u"Failed"; }, 10s));
    verifyCard({QStringLiteral("Failed"), false, true, true});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(label("cardDetail")->text().contains(QStringLiteral("cancelled")));
    // Not sent: nobody answers on IntaSend's port. The till still holds the kept-alive connection of the
    // calls above; whether the push then fails as "refused" (Not sent) or "dropped" (Unknown) depends on
    // whether Qt's network thread has seen the server hang up first. A till idle for a while holds no
    // connection, which is the case this step is about: drop the idle ones, so the push must connect.
    QVERIFY(m_stack->waitForNetwork());
    // Dropping them is asynchronous (Qt's network thread closes the sockets): wait until the simulator has
    // seen every one go, or the push may still go out on one and end Unknown.
    m_stack->stack->network.clearConnectionCache();
    QTRY_COMPARE(m_stack->simulator.openConnectionCount(), 0);
    m_stack->simulator.setFault({FaultMode::Refuse, 0, FaultScope::All});
    charge(QStringLiteral("400"), QStringLiteral("0712345674"));
    verifyCard({QStringLiteral("Not sent"), false, true, true});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(label("cardDetail")->text().contains(QStringLiteral("nothing was charged")));
    // Unknown: the push went out, the answer never came back.
    m_stack->simulator.setFault({FaultMode::DropAfterRequest, 0, FaultScope::Pushes});
    charge(QStringLiteral("500"), QStringLiteral("0712345673"));
    verifyCard({QStringLiteral("Unknown"), false, true, true});
    if (QTest::currentTestFailed())
        return;
    m_stack->simulator.setFault({});
    // Expired: the customer never answers.
    charge(QStringLiteral("600"), QStringLiteral("0712345679"));
    verifyCard({QStringLiteral("Waiting"), true, false, true});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_stack->advanceUntil([&] { return cardState() == u"Expired"; }, 4min, 5s));
    verifyCard({QStringLiteral("Expired"), true, true, true}); // it may still have been paid late
    if (QTest::currentTestFailed())
        return;
    // Paid in cash (F9 on the card's payment).
    backToWindow();
    QTest::keyClick(edit("amountEdit"), Qt::Key_F9);
    auto* box = visible<QMessageBox>("cashDialog");
    QVERIFY(box);
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("takeCash")), Qt::LeftButton);
    // IntaSend still shows its M-Pesa request open, so a late approval can still be asked about.
    verifyCard({QStringLiteral("Paid in cash"), true, false, false});
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(label("cardDetail")->text().contains(QStringLiteral("Check now (F5)")),
             qPrintable(label("cardDetail")->text()));
}

void TestCashier::useCashOnTheCardSettlesTheSale()
{
    charge(QStringLiteral("750"), QStringLiteral("0712345679")); // a customer who never answers
    QTRY_COMPARE(cardState(), QStringLiteral("Waiting"));
    QTest::mouseClick(button("cardCash"), Qt::LeftButton);
    auto* box = visible<QMessageBox>("cashDialog");
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral("cancel it")));                  // the phone may still ask
    QCOMPARE(box->defaultButton()->objectName(), QStringLiteral("keepWaiting")); // Enter means no
    QTest::keyClick(box, Qt::Key_Return);
    QTRY_VERIFY(!box->isVisible());
    QCOMPARE(cardState(), QStringLiteral("Waiting"));
    QTest::mouseClick(button("cardCash"), Qt::LeftButton);
    box = visible<QMessageBox>("cashDialog");
    QVERIFY(box);
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("takeCash")), Qt::LeftButton);
    QTRY_COMPARE(cardState(), QStringLiteral("Paid in cash"));
    QTRY_COMPARE(m_window->paymentModel()->index(0, PaymentListModel::StateColumn).data().toString(),
                 QStringLiteral("Paid in cash"));
    QCOMPARE(m_stack->todaysTotals().cashSum, Money::fromShillings(750));
    QTRY_VERIFY(label("paidTotal")->text().contains(QStringLiteral("Cash: <b>1</b>")));
}

void TestCashier::cashForAnUnconfirmedRequestSaysTheTillCannotSee()
{
    // The push went out and no answer came back: IntaSend never gave an invoice, so nothing can watch
    // for a late approval. The question must not promise that the till will catch one.
    m_stack->simulator.setFault({FaultMode::DropAfterRequest, 0, FaultScope::Pushes});
    charge(QStringLiteral("500"), QStringLiteral("0712345673"));
    QTRY_COMPARE(cardState(), QStringLiteral("Unknown"));
    QTest::mouseClick(button("cardCash"), Qt::LeftButton);
    auto* box = visible<QMessageBox>("cashDialog");
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("cannot see whether the customer approves it")),
             qPrintable(box->text()));
    QVERIFY2(!box->text().contains(QStringLiteral("the till tells you")), qPrintable(box->text()));
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("takeCash")), Qt::LeftButton);
    QTRY_COMPARE(cardState(), QStringLiteral("Paid in cash"));
    QVERIFY(label("cardDetail")->text().contains(QStringLiteral("never confirmed")));
}

void TestCashier::paidTwiceIsAWarningThatStays()
{
    // IntaSend as canned answers, so the customer can approve after the cash was taken.
    m_window.reset();
    m_stack.reset();
    test::ManualClock clock;
    test::CannedServer server;
    server.answer("/payment/collection/", R"({"invoice":{"id":7,"state":"PENDING"}})");
    server.answer("/payment/status/", R"({"invoice":{"id":7,"state":"PENDING"}})");
    auto stack = test::TestStack::stackFor(clock, server.baseUrl(), QStringLiteral("ISPubKey_test_x"), 5s);
    m_window = test::makeWindow(*stack, Environment::demo(QUrl(server.baseUrl())));
    QVERIFY(test::showActive(*m_window));
    QSignalSpy announced(m_window->announcer(), &Announcer::announced);

    charge(QStringLiteral("90"), QStringLiteral("0712345675"));
    QTRY_COMPARE(cardState(), QStringLiteral("Waiting"));
    QTest::keyClick(edit("amountEdit"), Qt::Key_F9);
    auto* ask = visible<QMessageBox>("cashDialog");
    QVERIFY(ask);
    QTest::mouseClick(ask->findChild<QPushButton*>(QStringLiteral("takeCash")), Qt::LeftButton);
    QTRY_COMPARE(cardState(), QStringLiteral("Paid in cash"));

    // The customer approves the prompt after all.
    server.answer("/payment/status/",
                  R"({"invoice":{"id":7,"state":"COMPLETE","mpesa_reference":"QLATE13579"}})");
    clock.advance(15s);
    auto* warning = visible<QMessageBox>("cashBackDialog");
    QVERIFY(warning);
    QVERIFY2(warning->text().contains(QStringLiteral("give them their cash back")),
             qPrintable(warning->text()));
    QVERIFY(warning->text().contains(QStringLiteral("QLATE13579")));
    QCOMPARE(warning->icon(), QMessageBox::Warning);
    QVERIFY2(!m_window->statusBar()->currentMessage().contains(QStringLiteral("recorded as paid in cash")),
             qPrintable(m_window->statusBar()->currentMessage()));
    // Announced as a warning (the low sound), never as a happy "Paid".
    QTRY_COMPARE(announced.size(), 1);
    QCOMPARE(announced.first().at(0).value<Announcer::Event>(), Announcer::Event::Failed);
    QVERIFY2(announced.first().at(1).toString().startsWith(QStringLiteral("Paid twice: KES 90")),
             qPrintable(announced.first().at(1).toString()));
    // The card keeps saying it too, under the receipt.
    QTRY_COMPARE(cardState(), QStringLiteral("Paid"));
    QVERIFY2(label("cardDetail")->text().contains(QStringLiteral("cash back")),
             qPrintable(label("cardDetail")->text()));
    // It stays until the cashier closes it.
    clock.advance(30s);
    QVERIFY(warning->isVisible());
    const QPointer<QMessageBox> shown = warning;
    QTest::keyClick(warning, Qt::Key_Return);
    QTRY_VERIFY(!shown || !shown->isVisible());
    m_window.reset(); // before the stack it shows
}

void TestCashier::everyShortcutDoesItsAction()
{
    charge(QStringLiteral("1500"), QStringLiteral("0712345670")); // will fail: cancelled
    QVERIFY(m_stack->advanceUntil([&] { return cardState() == u"Failed"; }, 10s));
    backToWindow();
    QWidget* here = edit("amountEdit");

    // F2: the search field.
    QTest::keyClick(here, Qt::Key_F2);
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("searchEdit"));
    // Down goes to the first payment found.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), m_window->paymentView());
    QCOMPARE(m_window->paymentView()->currentIndex().row(), 0);
    m_window->paymentView()->clearSelection();
    m_window->paymentView()->setCurrentIndex({});
    // Esc twice, back in the form: clears, then puts the card away.
    backToWindow();
    QTest::keyClick(edit("amountEdit"), Qt::Key_Escape);
    QVERIFY(!m_window->waitingCard()->isVisible());

    // F5 on a waiting payment asks IntaSend.
    charge(QStringLiteral("20"), QStringLiteral("0712345679"));
    QTRY_COMPARE(cardState(), QStringLiteral("Waiting"));
    const int checks = m_stack->simulator.statusRequestCount();
    QTest::keyClick(edit("amountEdit"), Qt::Key_F5);
    // Sooner than the poller's own next check (3 s after the push).
    QVERIFY(
        m_stack->advanceUntil([&] { return m_stack->simulator.statusRequestCount() > checks; }, 1s, 100ms));

    // F8 on the failed one: the resend question.
    m_window->paymentView()->setFocus();
    m_window->paymentView()->selectRow(1);
    QTest::keyClick(m_window->paymentView(), Qt::Key_F8);
    auto* resend = visible<QMessageBox>("resendDialog");
    QVERIFY(resend);
    resend->reject();
    // F9: use cash.
    backToWindow();
    m_window->paymentView()->setFocus();
    m_window->paymentView()->selectRow(1);
    QTest::keyClick(m_window->paymentView(), Qt::Key_F9);
    auto* cash = visible<QMessageBox>("cashDialog");
    QVERIFY(cash);
    cash->reject();
    // Ctrl+P: the receipt's print preview.
    backToWindow();
    m_window->paymentView()->setFocus();
    m_window->paymentView()->selectRow(1);
    QTest::keyClick(m_window->paymentView(), Qt::Key_P, Qt::ControlModifier);
    auto* preview = visible<QPrintPreviewDialog>("printPreview");
    QVERIFY(preview);
    preview->reject();
    // Ctrl+Shift+P: where to save the receipt's PDF.
    backToWindow();
    QTest::keyClick(edit("amountEdit"), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    auto* save = visible<QFileDialog>("savePdfDialog");
    QVERIFY(save);
    QVERIFY(save->selectedFiles().value(0).endsWith(QStringLiteral(".pdf")));
    save->reject();
    // Ctrl+K: the keypad, and again to hide it.
    backToWindow();
    QTest::keyClick(edit("amountEdit"), Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(m_window->findChild<QWidget*>(QStringLiteral("numericKeypad"))->isVisible());
    QTest::keyClick(edit("amountEdit"), Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(!m_window->findChild<QWidget*>(QStringLiteral("numericKeypad"))->isVisible());
    // Ctrl+O: open a shift; Ctrl+R: its X report; Ctrl+Shift+C: close it.
    QTest::keyClick(edit("amountEdit"), Qt::Key_O, Qt::ControlModifier);
    auto* ask = visible<QInputDialog>("openShiftDialog");
    QVERIFY(ask);
    ask->setTextValue(QStringLiteral("Amina"));
    ask->accept();
    QTRY_VERIFY(m_stack->shifts().current().has_value());
    backToWindow();
    QTest::keyClick(edit("amountEdit"), Qt::Key_R, Qt::ControlModifier);
    auto* report = visible<QDialog>("shiftReportDialog");
    QVERIFY(report);
    report->reject();
    backToWindow();
    QTest::keyClick(edit("amountEdit"), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    auto* close = visible<QMessageBox>("closeShiftDialog");
    QVERIFY(close);
    close->reject();
    QVERIFY(m_stack->shifts().current().has_value());
    // F1: the shortcuts sheet.
    backToWindow();
    QTest::keyClick(edit("amountEdit"), Qt::Key_F1);
    QVERIFY(visible<QMessageBox>("shortcutsSheet"));
}

void TestCashier::everyShortcutIsInTheSheetAndTheTooltip()
{
    backToWindow();
    QTest::keyClick(edit("amountEdit"), Qt::Key_F1);
    auto* sheet = visible<QMessageBox>("shortcutsSheet");
    QVERIFY(sheet);
    const QString listed = sheet->text();
    int actions = 0;
    for (QAction* action : m_window->findChildren<QAction*>()) {
        const QString key = action->shortcut().toString(QKeySequence::NativeText);
        if (key.isEmpty())
            continue;
        ++actions;
        QVERIFY2(listed.contains(QStringLiteral("<b>%1</b>").arg(key.toHtmlEscaped())),
                 qPrintable(QStringLiteral("%1 (%2) is not in the F1 sheet").arg(action->text(), key)));
        QVERIFY2(action->toolTip().contains(key), qPrintable(action->toolTip()));
    }
    QVERIFY(actions >= 15);
    // The buttons say their key too.
    for (const char* name :
         {"checkButton", "resendButton", "cardCheck", "cardResend", "cardCash", "cardStop"}) {
        QPushButton* b = button(name);
        QVERIFY2(b->text().contains(u'(') || b->toolTip().contains(u'('), name);
    }
}

void TestCashier::keypadTypesIntoTheForm()
{
    backToWindow();
    QTest::keyClick(edit("amountEdit"), Qt::Key_K, Qt::ControlModifier);
    auto* keypad = m_window->findChild<QWidget*>(QStringLiteral("numericKeypad"));
    QTRY_VERIFY(keypad->isVisible());
    const auto tap = [keypad](const char* name) {
        QTest::mouseClick(keypad->findChild<QPushButton*>(QString::fromLatin1(name)), Qt::LeftButton);
    };
    tap("key1");
    tap("key5");
    tap("key00");
    tap("key9");
    tap("keyBackspace");
    QCOMPARE(edit("amountEdit")->text().remove(u','), QStringLiteral("1500"));
    QCOMPARE(QApplication::focusWidget(), edit("amountEdit")); // the keys never take the focus
    tap("keyNext");
    QCOMPARE(QApplication::focusWidget(), edit("phoneEdit"));
    for (const char* key : {"key0", "key7", "key1", "key2", "key3", "key4", "key5", "key6", "key7", "key5"})
        tap(key);
    QCOMPARE(edit("phoneEdit")->text().remove(u' '), QStringLiteral("0712345675"));
    tap("keyEnter");
    QCOMPARE(m_stack->pushesOnceIdle(), 1);
    QCOMPARE(m_stack->simulator.pushes().first().phone, QStringLiteral("254712345675"));
    QTRY_COMPARE(cardState(), QStringLiteral("Waiting"));
    QVERIFY(edit("amountEdit")->text().isEmpty()); // ready for the next customer
}

void TestCashier::receiptPdfCarriesTheSale_data()
{
    QTest::addColumn<QString>("paper");
    QTest::addColumn<double>("widthPoints");
    QTest::newRow("58 mm roll") << QStringLiteral("58mm") << 58 / 25.4 * 72;
    QTest::newRow("80 mm roll") << QStringLiteral("80mm") << 80 / 25.4 * 72;
    QTest::newRow("A4") << QStringLiteral("a4") << 210 / 25.4 * 72;
}

void TestCashier::receiptPdfCarriesTheSale()
{
    QFETCH(QString, paper);
    QFETCH(double, widthPoints);
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    const QString pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
    QVERIFY2(!pdftotext.isEmpty() && !pdfinfo.isEmpty(),
             "poppler-utils is needed (scripts/test installs it)");

    charge(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QVERIFY(m_stack->advanceUntil([&] { return cardState() == u"Paid"; }, 10s));
    const Payment paid = *m_stack->journal().find(
        m_window->paymentModel()->index(0, 0).data(PaymentListModel::LocalRefRole).toString());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("receipt.pdf"));
    const Printout printout(receiptHtml(paid, QStringLiteral("Duka la Njeri"), m_stack->clock.now()),
                            Printout::paperFromSetting(paper));
    QVERIFY(printout.savePdf(path));
    // Saved again over the same name: the new printout replaces the old file.
    QVERIFY(printout.savePdf(path));
    // A name that cannot be written (here a folder) is reported, not taken for saved because something
    // already stands there.
    QString error;
    QVERIFY(!printout.savePdf(dir.path(), &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(dir.path())), qPrintable(error));

    QProcess text;
    text.start(pdftotext, {QStringLiteral("-layout"), path, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(20000));
    // Long words wrap on a narrow roll ("…-49ab- bbf8-…"): compared without the spaces.
    const QString content = QString::fromUtf8(text.readAllStandardOutput()).remove(u' ').remove(u'\n');
    for (const QString& expected : {QStringLiteral("Duka la Njeri"), QStringLiteral("KES 1,500"),
                                    QStringLiteral("0712 \u2022\u2022\u2022 678"), paid.mpesaReceipt,
                                    paid.localRef, QStringLiteral("23 Nov 2026 12:00")})
        QVERIFY2(content.contains(QString(expected).remove(u' ')),
                 qPrintable(expected + QStringLiteral(" not in: ") + content));
    QVERIFY(!content.contains(QStringLiteral("345678")));

    QProcess info;
    info.start(pdfinfo, {path});
    QVERIFY(info.waitForFinished(20000));
    const QString pages = QString::fromUtf8(info.readAllStandardOutput());
    const QRegularExpressionMatch size =
        QRegularExpression(QStringLiteral("Page size:\\s+([0-9.]+) x ([0-9.]+) pts")).match(pages);
    QVERIFY2(size.hasMatch(), qPrintable(pages));
    QVERIFY2(std::abs(size.captured(1).toDouble() - widthPoints) < 2.0, qPrintable(pages));
    QVERIFY2(QRegularExpression(QStringLiteral("Pages:\\s+1\\n")).match(pages).hasMatch(), qPrintable(pages));
    if (paper != u"a4")
        QVERIFY2(size.captured(2).toDouble() < 600, qPrintable(pages)); // a roll is as long as the text
}

void TestCashier::shiftOpensReportsAndCloses()
{
    backToWindow();
    QTest::keyClick(edit("amountEdit"), Qt::Key_O, Qt::ControlModifier);
    auto* ask = visible<QInputDialog>("openShiftDialog");
    QVERIFY(ask);
    QTest::keyClicks(ask->findChild<QLineEdit*>(), QStringLiteral("Amina"));
    QTest::keyClick(ask->findChild<QLineEdit*>(), Qt::Key_Return);
    QTRY_VERIFY(
        m_window->findChild<QLabel*>(QStringLiteral("shiftLabel"))->text().contains(QStringLiteral("Amina")));

    charge(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QVERIFY(m_stack->advanceUntil([&] { return cardState() == u"Paid"; }, 10s));
    charge(QStringLiteral("80"), QStringLiteral("0712345679"));
    QTRY_COMPARE(cardState(), QStringLiteral("Waiting"));

    backToWindow();
    QTest::keyClick(edit("amountEdit"), Qt::Key_R, Qt::ControlModifier);
    auto* x = visible<QDialog>("shiftReportDialog");
    QVERIFY(x);
    const QString xText = x->findChild<QTextBrowser*>(QStringLiteral("reportText"))->toPlainText();
    QVERIFY2(xText.contains(QStringLiteral("X report")), qPrintable(xText));
    QVERIFY(xText.contains(QStringLiteral("Amina")));
    QVERIFY(xText.contains(QStringLiteral("KES 1,500")));
    QVERIFY(xText.contains(QStringLiteral("Unresolved")));
    x->reject();

    backToWindow();
    QTest::keyClick(edit("amountEdit"), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    auto* confirm = visible<QMessageBox>("closeShiftDialog");
    QVERIFY(confirm);
    QVERIFY(confirm->text().contains(QStringLiteral("1 payment is still unresolved")));
    QVERIFY(confirm->text().contains(QStringLiteral("Total taken: KES 1,500.")));
    // The waiting sale is paid in cash while the question is open: the figures it quotes follow.
    bool settled = false;
    m_stack->cash().settle(m_window->waitingCard()->localRef(), this,
                           [&](const Payment&, const QString& refusal) { settled = refusal.isEmpty(); });
    QTRY_VERIFY(settled);
    QTRY_VERIFY2(confirm->text().contains(QStringLiteral("Total taken: KES 1,580.")),
                 qPrintable(confirm->text()));
    QTest::mouseClick(confirm->findChild<QPushButton*>(QStringLiteral("closeShift")), Qt::LeftButton);
    QTRY_VERIFY(!m_stack->shifts().current());
    auto* z = visible<QDialog>("shiftReportDialog");
    QVERIFY(z);
    QVERIFY(z->findChild<QTextBrowser*>(QStringLiteral("reportText"))
                ->toPlainText()
                .contains(QStringLiteral("Z report")));
    QVERIFY(m_window->findChild<QLabel*>(QStringLiteral("shiftLabel"))
                ->text()
                .contains(QStringLiteral("No shift")));
}

void TestCashier::paidAndFailedAreAnnouncedDifferently()
{
    QSignalSpy announced(m_window->announcer(), &Announcer::announced);
    charge(QStringLiteral("1500"), QStringLiteral("0712345678"));
    charge(QStringLiteral("700"), QStringLiteral("0712345670"));
    // The window is not the active one: the announcement still happens.
    auto* other = new QWidget;
    other->show();
    other->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(other));
    QVERIFY(m_stack->advanceUntil([&] { return announced.size() == 2; }, 20s));
    // Both end in the same poll round, in either order.
    QMap<Announcer::Event, QString> titles;
    for (const QList<QVariant>& call : std::as_const(announced))
        titles.insert(call.at(0).value<Announcer::Event>(), call.at(1).toString());
    QVERIFY2(titles.value(Announcer::Event::Paid).startsWith(QStringLiteral("Paid: KES 1,500")),
             qPrintable(titles.value(Announcer::Event::Paid)));
    QVERIFY2(titles.value(Announcer::Event::Failed).startsWith(QStringLiteral("Not paid: KES 700")),
             qPrintable(titles.value(Announcer::Event::Failed)));
    delete other;
    // Two different sounds.
    const QString paid = Announcer::soundFile(Announcer::Event::Paid);
    const QString failed = Announcer::soundFile(Announcer::Event::Failed);
    QFile a(paid), b(failed);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    const QByteArray pa = a.readAll(), fa = b.readAll();
    QVERIFY(pa.startsWith("RIFF") && fa.startsWith("RIFF"));
    QVERIFY(pa != fa);
    // Switched off (Settings → sound): nothing more is announced.
    m_window->announcer()->setEnabled(false);
    charge(QStringLiteral("100"), QStringLiteral("0712345675"));
    QVERIFY(m_stack->advanceUntil([&] { return cardState() == u"Paid"; }, 10s));
    QCOMPARE(announced.size(), 2);
}

void TestCashier::everyControlHasAnAccessibleNameAndIsInTheTabOrder()
{
    // Fill the window with what a real day shows: a card with its buttons, rows in the list.
    charge(QStringLiteral("700"), QStringLiteral("0712345670"));
    QVERIFY(m_stack->advanceUntil([&] { return cardState() == u"Failed"; }, 10s));
    backToWindow();
    QStringList unnamed;
    const QList<QWidget*> controls = test::tabbableControls(m_window.get(), &unnamed);
    QVERIFY2(unnamed.isEmpty(),
             qPrintable(QStringLiteral("without an accessible name: ") + unnamed.join(u' ')));
    const QSet<QWidget*> focusable(controls.cbegin(), controls.cend());
    QVERIFY(focusable.size() >= 8);
    // Tab from Amount reaches every one of them and comes back round.
    edit("amountEdit")->setFocus();
    QSet<QWidget*> reached;
    for (int i = 0; i < 60 && reached.size() < focusable.size(); ++i) {
        QWidget* now = QApplication::focusWidget();
        QVERIFY(now);
        reached.insert(now);
        QTest::keyClick(now, Qt::Key_Tab);
    }
    for (QWidget* widget : std::as_const(focusable))
        QVERIFY2(reached.contains(widget),
                 qPrintable(widget->objectName() + QStringLiteral(" is never reached by Tab")));
}

void TestCashier::usableAt1024x600()
{
    m_window->resize(1024, 600);
    QTRY_COMPARE(m_window->size(), QSize(1024, 600)); // nothing forces the window to be larger
    backToWindow();
    QTest::keyClick(edit("amountEdit"), Qt::Key_K, Qt::ControlModifier);
    charge(QStringLiteral("100"), QStringLiteral("0712345679"));
    QTRY_COMPARE(cardState(), QStringLiteral("Waiting"));
    QCOMPARE(m_window->size(), QSize(1024, 600));
    // The form, Charge and the list's buttons are all on screen.
    for (const char* name : {"amountEdit", "phoneEdit", "chargeButton", "checkButton", "resendButton"}) {
        QWidget* widget = m_window->findChild<QWidget*>(QString::fromLatin1(name));
        const QRect inWindow(widget->mapTo(m_window.get(), QPoint(0, 0)), widget->size());
        QVERIFY2(m_window->rect().contains(inWindow), name);
    }
}

void TestCashier::soundFallsBackToAPlayerThatWorks()
{
    // pw-play installed on a PulseAudio desktop fails; paplay then plays. A player stuck on an absent
    // sound server is stopped. With no player working, the till beeps.
    QTemporaryDir dir;
    const auto script = [&dir](const QString& name, const QString& body) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        file.write(("#!/bin/sh\n" + body + "\n").toUtf8());
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return path;
    };
    const QString missing = dir.filePath(QStringLiteral("not-installed"));
    const QString failing =
        script(QStringLiteral("failing"), QStringLiteral("echo 'no sound server' >&2; exit 1"));
    const QString stuck = script(QStringLiteral("stuck"), QStringLiteral("exec sleep 60"));
    const QString working =
        script(QStringLiteral("working"), QStringLiteral("echo \"$1\" > \"$(dirname \"$0\")/played\""));
    const QString sound = Announcer::soundFile(Announcer::Event::Paid);

    ChimePlayer chime({missing, failing, stuck, working});
    chime.setPlayerDeadline(300ms);
    QSignalSpy played(&chime, &ChimePlayer::played);
    chime.play(sound);
    QTRY_COMPARE_WITH_TIMEOUT(played.size(), 1, 10000);
    QCOMPARE(played.at(0).at(0).toString(), working);
    QFile record(dir.filePath(QStringLiteral("played")));
    QVERIFY(record.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(record.readAll()).trimmed(), sound);

    ChimePlayer none({missing, failing});
    QSignalSpy beeped(&none, &ChimePlayer::played);
    none.play(sound);
    QTRY_COMPARE(beeped.size(), 1);
    QCOMPARE(beeped.at(0).at(0).toString(), QString()); // nothing played it: the till beeped

    // A player still going when the till closes is stopped with it, not left behind.
    const QString pidFile = dir.filePath(QStringLiteral("pid"));
    const QString lingering = script(QStringLiteral("lingering"),
                                     QStringLiteral("echo $$ > \"$(dirname \"$0\")/pid\"; exec sleep 60"));
    auto closing = std::make_unique<ChimePlayer>(QStringList{lingering});
    closing->play(sound);
    QTRY_VERIFY(QFileInfo(pidFile).size() > 0);
    QFile pidRecord(pidFile);
    QVERIFY(pidRecord.open(QIODevice::ReadOnly));
    const QString pid = QString::fromUtf8(pidRecord.readAll()).trimmed();
    QVERIFY(QFileInfo::exists(QStringLiteral("/proc/") + pid));
    QTest::failOnWarning(QRegularExpression(QStringLiteral("Destroyed while process")));
    closing.reset();
    QVERIFY2(!QFileInfo::exists(QStringLiteral("/proc/") + pid), qPrintable(pid));
}

QTEST_MAIN(TestCashier)
#include "tst_cashier.moc"
