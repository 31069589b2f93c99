// SPDX-License-Identifier: GPL-3.0-or-later
#include "CashierDriver.h"
#include "CounterPrinter.h"
#include "CustomerDisplay.h"
#include "FakeReceiptPrinter.h"
#include "MainWindow.h"
#include "PaymentListModel.h"
#include "TestStack.h"
#include "TestWindow.h"
#include "WaitingCard.h"
#include "WindowFit.h"

#define ZX_USE_UTF8 // zxing-cpp 1.4: text() as UTF-8
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <ZXing/ReadBarcode.h>

using namespace lipa;
using namespace std::chrono_literals;
using lipa::test::FakeReceiptPrinter;

// At the counter: the real main window on a 1024×600 terminal with a small second screen facing the
// customer (the offscreen platform, given those two screens), the customer's display through a whole
// payment, and receipts and the cash drawer on a raw network receipt printer.
class TestCounter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void placementOnEveryKindOfScreen();
    void windowFitsA1024x600Terminal();
    void fullScreenForAKiosk();
    void customerDisplayOnTheSecondScreenFollowsThePayment();
    void customerDisplayTellsWhyInTheCustomersLanguage();
    void customerDisplayOnAScreenThatIsNotThere();
    void receiptGoesStraightToThePrinterWithNoDialog();
    void drawerOpensForCashNeverForMpesa();
    void printerOffIsSaidAndTheReceiptPrintsAgain();
    void cardOrQrShowsACodeThatOpensTheCheckoutPage();
    void cardOrQrForAnOpenSaleInPartsAsksFirst();

private:
    void open(Settings settings);
    test::CashierDriver driver() const { return test::CashierDriver(m_window.get()); }
    QStringList customerSees() const { return m_window->customerDisplay()->lines(); }
    QString notice() const
    {
        auto* text = m_window->findChild<QLabel*>(QStringLiteral("noticeText"));
        return text && text->isVisible() ? text->text() : QString();
    }

    std::unique_ptr<test::TestStack> m_stack;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<FakeReceiptPrinter> m_printer;
    QTemporaryDir m_dir;
};

void TestCounter::init()
{
    m_printer = std::make_unique<FakeReceiptPrinter>();
    QVERIFY(m_printer->listen());
}

void TestCounter::cleanup()
{
    m_window.reset();
    m_stack.reset();
    m_printer.reset();
}

void TestCounter::open(Settings settings)
{
    settings.tillName = QStringLiteral("Duka la Mama Njeri");
    m_stack = std::make_unique<test::TestStack>(settings);
    m_window = test::makeWindow(*m_stack);
    m_window->setSettingsAccess(settings, m_dir.filePath(QStringLiteral("lipa-till.ini")), nullptr);
}

void TestCounter::placementOnEveryKindOfScreen()
{
    using State = WindowFit::Placement::State;
    const QSize wanted(1100, 640);
    const QRect desktop(0, 0, 1920, 1080);
    const QRect desktopFree(0, 0, 1920, 1040); // a panel at the bottom
    WindowFit::Placement p = WindowFit::place(wanted, desktop, desktopFree, true, false);
    QCOMPARE(p.state, State::Normal);
    QCOMPARE(p.geometry.size(), wanted);
    QCOMPARE(p.geometry.center(), desktopFree.center());
    // The same screen with no window manager: nothing could move or resize it.
    p = WindowFit::place(wanted, desktop, desktop, false, false);
    QCOMPARE(p.state, State::Maximized);
    QCOMPARE(p.geometry, desktop);
    // Small terminals, with or without a window manager.
    for (const QRect small : {QRect(0, 0, 1024, 600), QRect(0, 0, 800, 480), QRect(0, 0, 1280, 600)}) {
        p = WindowFit::place(wanted, small, small.adjusted(0, 0, 0, -30), true, false);
        QCOMPARE(p.state, State::Maximized);
        QCOMPARE(p.geometry, small.adjusted(0, 0, 0, -30));
    }
    // A screen a little smaller than the window: never larger than the free area.
    const QRect medium(0, 0, 1280, 720);
    p = WindowFit::place(QSize(1400, 800), medium, medium, true, false);
    QVERIFY(medium.contains(p.geometry));
    // Kiosk: the whole screen, whatever the rest.
    p = WindowFit::place(wanted, desktop, desktopFree, true, true);
    QCOMPARE(p.state, State::FullScreen);
    QCOMPARE(p.geometry, desktop);
}

void TestCounter::windowFitsA1024x600Terminal()
{
    open(Settings{});
    QScreen* screen = QGuiApplication::primaryScreen();
    QCOMPARE(screen->geometry().size(), QSize(1024, 600));
    WindowFit::show(*m_window, false);
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY(m_window->isMaximized());
    QVERIFY2(screen->availableGeometry().contains(m_window->geometry()),
             qPrintable(QStringLiteral("%1,%2 %3×%4")
                            .arg(m_window->x())
                            .arg(m_window->y())
                            .arg(m_window->width())
                            .arg(m_window->height())));
    // Everything a cashier needs is on the screen: the DEMO/LIVE badge, the connection, the list's buttons.
    const QRect inWindow = m_window->rect();
    for (const char* name : {"environmentBadge", "connectionLabel", "resendButton", "checkButton",
                             "exportButton", "chargeButton", "amountEdit"}) {
        auto* widget = m_window->findChild<QWidget*>(QString::fromLatin1(name));
        QVERIFY2(widget, name);
        QVERIFY2(widget->isVisible(), name);
        const QRect place(widget->mapTo(m_window.get(), QPoint(0, 0)), widget->size());
        QVERIFY2(inWindow.contains(place), name);
    }
}

void TestCounter::fullScreenForAKiosk()
{
    open(Settings{});
    WindowFit::show(*m_window, true);
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY(m_window->isFullScreen());
    QCOMPARE(m_window->geometry(), QGuiApplication::primaryScreen()->geometry());
}

void TestCounter::customerDisplayOnTheSecondScreenFollowsThePayment()
{
    Settings settings;
    settings.customerDisplay = QStringLiteral("screen:2");
    open(settings);
    QVERIFY(test::showActive(*m_window));
    CustomerDisplay* display = m_window->customerDisplay();
    QVERIFY(display);
    QTRY_VERIFY(display->isVisible());
    QCOMPARE(display->screen(), QGuiApplication::screens().at(1));
    QTRY_VERIFY(display->isFullScreen());
    QCOMPARE(display->geometry(), QGuiApplication::screens().at(1)->geometry());
    QVERIFY(m_window->findChild<QAction*>(QStringLiteral("customerDisplayAction"))->isChecked());
    QCOMPARE(customerSees(), (QStringList{QStringLiteral("Duka la Mama Njeri"), QStringLiteral("Welcome")}));
    QCOMPARE(QApplication::activeWindow(), m_window.get()); // the cashier keeps the keyboard

    driver().charge(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QTRY_COMPARE(customerSees().value(1),
                 QString::fromUtf8("Enter your M-Pesa PIN on 0712 \u2022\u2022\u2022 678"));
    QCOMPARE(customerSees().value(0), QStringLiteral("KES 1,500"));
    QCOMPARE(customerSees().value(2), QStringLiteral("Time left 3:00"));
    m_stack->clock.advance(61s);
    QTRY_COMPARE(customerSees().value(2), QStringLiteral("Time left 1:59"));
    QVERIFY(m_stack->advanceUntil([&] { return customerSees().value(1) == u"Paid — thank you"; }, 3min));
    const QString receipt = customerSees().value(2);
    QVERIFY2(receipt.startsWith(QStringLiteral("M-Pesa receipt ")) && receipt.size() == 25,
             qPrintable(receipt));
    // Nothing of the cashier's screen, and never the whole phone number.
    for (const QString& line : customerSees())
        QVERIFY2(!line.contains(QStringLiteral("345")), qPrintable(line));
    QVERIFY(display->findChildren<QPushButton*>().isEmpty());
    // The card put away (Esc on an empty form): the shop's name again.
    QTest::keyClick(driver().find<QWidget>("amountEdit"), Qt::Key_Escape);
    QTRY_COMPARE(customerSees().value(0), QStringLiteral("Duka la Mama Njeri"));
    // View → Customer display hides it, and shows it again.
    m_window->findChild<QAction*>(QStringLiteral("customerDisplayAction"))->trigger();
    QVERIFY(!display->isVisible());
    m_window->findChild<QAction*>(QStringLiteral("customerDisplayAction"))->trigger();
    QTRY_VERIFY(display->isVisible());
}

void TestCounter::customerDisplayTellsWhyInTheCustomersLanguage()
{
    Settings settings;
    settings.customerDisplay = QStringLiteral("window");
    settings.customerLanguage = QStringLiteral("sw");
    open(settings);
    QVERIFY(test::showActive(*m_window));
    QTRY_VERIFY(m_window->customerDisplay() && m_window->customerDisplay()->isVisible());
    QVERIFY(!m_window->customerDisplay()->isFullScreen());
    QCOMPARE(customerSees().value(1), QStringLiteral("Karibu"));
    // The customer cancels on the phone (a number ending in 0): why, in Kiswahili; the cashier's in English.
    driver().charge(QStringLiteral("2500"), QStringLiteral("0712345670"));
    QTRY_VERIFY(customerSees().value(1).startsWith(QStringLiteral("Weka PIN yako ya M-Pesa")));
    QVERIFY(m_stack->advanceUntil([&] { return customerSees().value(1) == u"Haijalipwa"; }, 3min));
    QCOMPARE(customerSees().value(2), QStringLiteral("Ombi lilighairiwa kwenye simu yako."));
    QCOMPARE(m_window->findChild<QLabel*>(QStringLiteral("cardState"))->text(), QStringLiteral("Failed"));
}

void TestCounter::customerDisplayOnAScreenThatIsNotThere()
{
    Settings settings;
    settings.customerDisplay = QStringLiteral("screen:3");
    open(settings);
    QVERIFY(test::showActive(*m_window));
    QTRY_VERIFY(m_window->customerDisplay() && m_window->customerDisplay()->isVisible());
    QVERIFY(!m_window->customerDisplay()->isFullScreen());
    QVERIFY2(notice().contains(QStringLiteral("no screen 3")), qPrintable(notice()));
}

void TestCounter::receiptGoesStraightToThePrinterWithNoDialog()
{
    Settings settings;
    settings.escposPrinter = m_printer->setting();
    settings.receiptPaper = QStringLiteral("58mm");
    open(settings);
    QVERIFY(test::showActive(*m_window));
    driver().charge(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QVERIFY(m_stack->advanceUntil(
        [&] { return m_window->findChild<QLabel*>(QStringLiteral("cardState"))->text() == u"Paid"; }, 3min));
    const QString code = m_window->findChild<QLabel*>(QStringLiteral("cardReceipt"))->text();
    QCOMPARE(code.size(), 10);
    QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_P));
    QTRY_COMPARE(m_printer->jobs().size(), 1);
    QVERIFY(QApplication::activeModalWidget() == nullptr); // no print dialog, no preview
    const test::EscPosPrintout paper = m_printer->lastPrintout();
    QVERIFY2(paper.ok, qPrintable(paper.error));
    QVERIFY(paper.lineWith(QStringLiteral("M-Pesa receipt")).endsWith(code));
    QVERIFY(paper.lineWith(QStringLiteral("Amount")).endsWith(QStringLiteral("KES 1,500")));
    for (const QString& line : paper.lines)
        QVERIFY2(line.size() <= 32, qPrintable(line)); // 58 mm
    QCOMPARE(paper.cuts, 1);
    QCOMPARE(paper.drawerPulses, 0);
    QTRY_COMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Receipt printed"));
}

void TestCounter::drawerOpensForCashNeverForMpesa()
{
    Settings settings;
    settings.escposPrinter = m_printer->setting();
    settings.cashDrawer = true;
    open(settings);
    QVERIFY(test::showActive(*m_window));
    // Paid by M-Pesa: the drawer stays shut.
    driver().charge(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QVERIFY(m_stack->advanceUntil(
        [&] { return m_window->findChild<QLabel*>(QStringLiteral("cardState"))->text() == u"Paid"; }, 3min));
    QVERIFY(m_stack->waitForNetwork());
    QCOMPARE(m_printer->jobs().size(), 0);
    // Turned down, then settled in cash (F9): the drawer opens, once.
    QTest::keyClick(driver().find<QWidget>("amountEdit"), Qt::Key_Escape);
    driver().charge(QStringLiteral("700"), QStringLiteral("0712345670"));
    QVERIFY(m_stack->advanceUntil(
        [&] { return m_window->findChild<QLabel*>(QStringLiteral("cardState"))->text() == u"Failed"; },
        3min));
    QTest::keyClick(driver().find<QWidget>("amountEdit"), Qt::Key_F9);
    auto* box = driver().shown<QMessageBox>("cashDialog");
    QVERIFY(box);
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("takeCash")), Qt::LeftButton);
    QTRY_COMPARE(m_printer->jobs().size(), 1);
    test::EscPosPrintout pulse = m_printer->lastPrintout();
    QVERIFY2(pulse.ok, qPrintable(pulse.error));
    QCOMPARE(pulse.drawerPulses, 1);
    QVERIFY(pulse.lines.isEmpty());
    QCOMPARE(pulse.cuts, 0);
    // Payment → Open cash drawer (no manager PIN set here).
    auto* action = m_window->findChild<QAction*>(QStringLiteral("drawerAction"));
    QVERIFY(action && action->isVisible());
    action->trigger();
    QTRY_COMPARE(m_printer->jobs().size(), 2);
    QCOMPARE(m_printer->lastPrintout().drawerPulses, 1);
}

void TestCounter::printerOffIsSaidAndTheReceiptPrintsAgain()
{
    Settings settings;
    settings.escposPrinter = m_printer->setting();
    open(settings);
    QVERIFY(test::showActive(*m_window));
    const quint16 port = m_printer->port();
    driver().charge(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QVERIFY(m_stack->advanceUntil(
        [&] { return m_window->findChild<QLabel*>(QStringLiteral("cardState"))->text() == u"Paid"; }, 3min));
    m_printer->switchOff();
    QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_P));
    QTRY_VERIFY2(notice().contains(QStringLiteral("cannot be reached")), qPrintable(notice()));
    QVERIFY(notice().contains(QStringLiteral("Receipt was not printed")));
    QVERIFY(notice().contains(QStringLiteral("Ctrl+P")));
    QVERIFY(m_printer->listen(port)); // switched on again
    QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_P));
    QTRY_COMPARE(m_printer->jobs().size(), 1);
    QVERIFY(m_printer->lastPrintout().contains(QStringLiteral("M-Pesa receipt")));
}

namespace {

// What a phone's camera reads from the widget as it is on the screen: zxing-cpp, a decoder no one here
// wrote, on a grab() of the widget. Empty when it finds no QR code.
QString decodeQr(QWidget* widget)
{
    const QImage image = widget->grab().toImage().convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(image.constBits(), image.width(), image.height(), ZXing::ImageFormat::Lum,
                                static_cast<int>(image.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    return result.isValid() ? QString::fromStdString(result.text()) : QString();
}

// The customer's phone pressing a button on the checkout page.
bool pressOnPage(const QString& url, const QByteArray& button)
{
    QNetworkAccessManager network;
    QNetworkReply* reply =
        network.post(QNetworkRequest(QUrl(url + QString::fromLatin1(button))), QByteArray());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    const bool ok = finished.wait(5000) && reply->error() == QNetworkReply::NoError;
    reply->deleteLater();
    return ok;
}

} // namespace

void TestCounter::cardOrQrShowsACodeThatOpensTheCheckoutPage()
{
    Settings settings;
    settings.customerDisplay = QStringLiteral("screen:2");
    open(settings);
    QVERIFY(test::showActive(*m_window));
    // F6 with the form empty: nothing is made, the cashier is told what to type.
    QTest::keyClick(driver().find<QWidget>("amountEdit"), Qt::Key_F6);
    QVERIFY(m_stack->simulator.checkouts().isEmpty());
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("F6")));
    driver().typeSale(QStringLiteral("2500"), QStringLiteral("0712345678"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QVERIFY(m_stack->waitForNetwork());
    QCOMPARE(m_stack->simulator.checkouts().size(), 1);
    QVERIFY(m_stack->simulator.pushes().isEmpty()); // no M-Pesa prompt
    auto* qr = m_window->findChild<QLabel*>(QStringLiteral("cardQr"));
    QTRY_VERIFY(qr->isVisible());
    const Payment payment = *m_stack->journal().find(m_window->waitingCard()->localRef());
    QVERIFY(payment.isCheckout());
    QVERIFY(payment.checkoutUrl.startsWith(m_stack->simulator.baseUrl().toString()));
    // The code on the card and on the customer's display both open the checkout page.
    QCOMPARE(decodeQr(qr), payment.checkoutUrl);
    QTRY_COMPARE(customerSees().value(1), QStringLiteral("Scan to pay by card or M-Pesa"));
    QCOMPARE(customerSees().value(0), QStringLiteral("KES 2,500"));
    auto* customerQr = m_window->customerDisplay()->findChild<QLabel*>(QStringLiteral("customerQr"));
    QVERIFY(customerQr->isVisible());
    QCOMPARE(decodeQr(customerQr), payment.checkoutUrl);
    QVERIFY(
        m_window->findChild<QLabel*>(QStringLiteral("cardSale"))->text().contains(QStringLiteral("card/QR")));
    QCOMPARE(m_window->paymentModel()->index(0, PaymentListModel::ReceiptColumn).data().toString(),
             QStringLiteral("card/QR"));
    // The customer pays by card on their phone: paid, and the code goes away.
    QVERIFY(pressOnPage(payment.checkoutUrl, "pay-card"));
    QVERIFY(m_stack->advanceUntil(
        [&] { return m_window->findChild<QLabel*>(QStringLiteral("cardState"))->text() == u"Paid"; }, 2min));
    QVERIFY(!qr->isVisible());
    QTRY_COMPARE(customerSees().value(1), QStringLiteral("Paid — thank you"));
    QVERIFY(!customerQr->isVisible());
}

void TestCounter::cardOrQrForAnOpenSaleInPartsAsksFirst()
{
    open(Settings{});
    QVERIFY(test::showActive(*m_window));
    // 200,000 by M-Pesa in parts: part 1 waits on the customer's phone.
    driver().charge(QStringLiteral("200000"), QStringLiteral("0712345678"));
    QVERIFY(m_stack->waitForNetwork());
    QCOMPARE(m_stack->simulator.pushes().size(), 1);
    // The same sale by card or QR: asked first, and nothing is made when the cashier says no.
    driver().typeSale(QStringLiteral("200000"), QStringLiteral("0712345678"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    auto* box = driver().shown<QMessageBox>("duplicateChargeDialog");
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("sale in parts")) &&
                 box->text().contains(QStringLiteral("cancel")),
             qPrintable(box->text()));
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("dontCharge")), Qt::LeftButton);
    QVERIFY(m_stack->waitForNetwork());
    QVERIFY(m_stack->simulator.checkouts().isEmpty());
    // And the other way round: 300,000 open by card or QR, then the same by M-Pesa (a sale in parts).
    QTest::keyClick(driver().find<QWidget>("amountEdit"), Qt::Key_Escape);
    driver().typeSale(QStringLiteral("300000"), QStringLiteral("0722000126"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QVERIFY(m_stack->waitForNetwork());
    QCOMPARE(m_stack->simulator.checkouts().size(), 1);
    driver().charge(QStringLiteral("300000"), QStringLiteral("0722000126"));
    box = driver().shown<QMessageBox>("duplicateChargeDialog");
    QVERIFY(box);
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("dontCharge")), Qt::LeftButton);
    QVERIFY(m_stack->waitForNetwork());
    QCOMPARE(m_stack->simulator.pushes().size(), 1); // only the first sale's part 1
}

// A counter terminal: a 1024×600 screen, and an 800×480 one beside it facing the customer.
int main(int argc, char* argv[])
{
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screens.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write(R"({"screens": [
        {"name": "counter", "x": 0, "y": 0, "width": 1024, "height": 600, "logicalDpi": 96, "dpr": 1},
        {"name": "customer", "x": 1024, "y": 0, "width": 800, "height": 480, "logicalDpi": 96, "dpr": 1}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", QByteArray("offscreen:configfile=") + QFile::encodeName(config));
    QApplication app(argc, argv);
    TestCounter test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_counter.moc"
