// SPDX-License-Identifier: GPL-3.0-or-later
#include "CounterPrinter.h"
#include "EscPosPrinter.h"
#include "FakeReceiptPrinter.h"
#include "Receipt.h"
#include "Sale.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lipa;
using namespace std::chrono_literals;
using lipa::test::EscPosPrintout;
using lipa::test::FakeReceiptPrinter;

// The raw ESC/POS printer at the counter, over real loopback TCP to a fake network printer and through a
// device file as a USB printer is: what arrives on the paper, and a clear message when the printer is off,
// out of paper or not there, after which the same job can be printed again.
class TestReceiptPrinter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void receiptOnTheRollFitsItsWidth_data();
    void receiptOnTheRollFitsItsWidth();
    void saleReceiptListsEveryPartOnThePaper();
    void printsOverTcpAndAsksForPaperFirst();
    void outOfPaperSaysSoAndPrintsAgainOnceRefilled();
    void switchedOffSaysSoAndPrintsAgainOnceOn();
    void aPrinterThatDoesNotAnswerStatusStillPrints();
    void jobsGoOutOneAfterTheOtherInOrder();
    void usbPrinterIsWrittenThroughItsDeviceFile();
    void usbPrinterNotPluggedInSaysSo();

private:
    static Payment paidPayment();
};

Payment TestReceiptPrinter::paidPayment()
{
    Payment payment;
    payment.localRef = QStringLiteral("5b0e7a8c-2f0e-4d6b-9c57-1d2e3f4a5b6c");
    payment.amount = Money::fromShillings(1500);
    payment.phone = *PhoneNumber::parse(QStringLiteral("0712345678"));
    payment.state = PaymentState::Complete;
    payment.mpesaReceipt = QStringLiteral("QFC3XKZ2TY");
    payment.createdAt = QDateTime(QDate(2026, 12, 3), QTime(9, 15), Qt::UTC);
    return payment;
}

void TestReceiptPrinter::receiptOnTheRollFitsItsWidth_data()
{
    QTest::addColumn<int>("columns");
    QTest::newRow("58 mm") << 32;
    QTest::newRow("80 mm") << 48;
}

void TestReceiptPrinter::receiptOnTheRollFitsItsWidth()
{
    QFETCH(int, columns);
    const QString html =
        receiptHtml(paidPayment(), QStringLiteral("Duka la Mama Njeri"), paidPayment().createdAt);
    const EscPosPrintout out = EscPosPrintout::decode(CounterPrinter::jobFromHtml(html, columns));
    QVERIFY2(out.ok, qPrintable(out.error));
    for (const QString& line : out.lines)
        QVERIFY2(line.size() <= columns, qPrintable(line));
    QCOMPARE(out.cuts, 1);
    QCOMPARE(out.drawerPulses, 0);
    QVERIFY(out.centredLines.contains(QStringLiteral("Duka la Mama Njeri")));
    QVERIFY(out.boldLines.contains(QStringLiteral("Duka la Mama Njeri")));
    const QString amount = out.lineWith(QStringLiteral("Amount"));
    QVERIFY2(amount.endsWith(QStringLiteral("KES 1,500")), qPrintable(amount));
    QCOMPARE(amount.size(), columns); // label left, value right
    QVERIFY(out.boldLines.contains(amount));
    QVERIFY(out.lineWith(QStringLiteral("M-Pesa receipt")).endsWith(QStringLiteral("QFC3XKZ2TY")));
    // The phone is masked on paper too, in the printer's own characters.
    QVERIFY2(out.lineWith(QStringLiteral("Phone")).endsWith(QStringLiteral("0712 *** 678")),
             qPrintable(out.lineWith(QStringLiteral("Phone"))));
    QVERIFY(!out.contains(QStringLiteral("345")));
    QVERIFY(out.contains(QString(columns, u'-')));
    QVERIFY(out.contains(QStringLiteral("Reference")));
    QVERIFY(out.contains(QStringLiteral("5b0e7a8c"))); // the whole reference, cut on a 58 mm roll
}

void TestReceiptPrinter::saleReceiptListsEveryPartOnThePaper()
{
    Sale sale;
    sale.ref = QStringLiteral("sale-1");
    sale.total = Money::fromShillings(200000);
    sale.parts = 2;
    sale.createdAt = paidPayment().createdAt;
    Payment first = paidPayment();
    first.amount = Money::fromShillings(150000);
    first.saleRef = sale.ref;
    first.salePart = 1;
    first.saleParts = 2;
    Payment second = first;
    second.localRef = QStringLiteral("second");
    second.amount = Money::fromShillings(50000);
    second.salePart = 2;
    second.state = PaymentState::Cash;
    const EscPosPrintout out = EscPosPrintout::decode(
        CounterPrinter::jobFromHtml(saleReceiptHtml(sale, {first, second}, {}, sale.createdAt), 32));
    QVERIFY2(out.ok, qPrintable(out.error));
    QVERIFY(out.lineWith(QStringLiteral("Part 1/2")).endsWith(QStringLiteral("KES 150,000")));
    QVERIFY(out.lineWith(QStringLiteral("Part 2/2")).endsWith(QStringLiteral("KES 50,000")));
    QVERIFY(out.contains(QStringLiteral("M-Pesa 0712 *** 678 QFC3XKZ2TY")));
    QVERIFY(out.lineWith(QStringLiteral("Total")).endsWith(QStringLiteral("KES 200,000")));
    QVERIFY(out.lineWith(QStringLiteral("Paid")).endsWith(QStringLiteral("KES 200,000")));
}

void TestReceiptPrinter::printsOverTcpAndAsksForPaperFirst()
{
    FakeReceiptPrinter fake;
    QVERIFY(fake.listen());
    EscPosPrinter printer(*EscPosTarget::parse(fake.setting()));
    QSignalSpy printed(&printer, &EscPosPrinter::printed);
    QSignalSpy failed(&printer, &EscPosPrinter::failed);
    EscPosJob job(32);
    job.text(QStringLiteral("Asante"));
    job.cut();
    printer.print(job.bytes(), QStringLiteral("The receipt"));
    QTRY_COMPARE(printed.size(), 1);
    QCOMPARE(printed.first().first().toString(), QStringLiteral("The receipt"));
    QCOMPARE(failed.size(), 0);
    QTRY_COMPARE(fake.jobs().size(), 1);
    const EscPosPrintout out = fake.lastPrintout();
    QVERIFY2(out.ok, qPrintable(out.error));
    QCOMPARE(out.statusRequests, 1); // asked for the paper before printing
    QCOMPARE(out.lines, QStringList{QStringLiteral("Asante")});
    QCOMPARE(out.cuts, 1);
    QVERIFY(!printer.isBusy());
}

void TestReceiptPrinter::outOfPaperSaysSoAndPrintsAgainOnceRefilled()
{
    FakeReceiptPrinter fake;
    QVERIFY(fake.listen());
    fake.setPaper(FakeReceiptPrinter::Paper::Out);
    EscPosPrinter printer(*EscPosTarget::parse(fake.setting()));
    QSignalSpy printed(&printer, &EscPosPrinter::printed);
    QSignalSpy failed(&printer, &EscPosPrinter::failed);
    EscPosJob job(32);
    job.text(QStringLiteral("Asante"));
    job.cut();
    printer.print(job.bytes(), QStringLiteral("The receipt"));
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(failed.first().at(1).toString().contains(QStringLiteral("out of paper")),
             qPrintable(failed.first().at(1).toString()));
    QCOMPARE(printed.size(), 0);
    QTRY_COMPARE(fake.jobs().size(), 1);
    QVERIFY(fake.lastPrintout().lines.isEmpty()); // nothing was printed onto no paper
    fake.setPaper(FakeReceiptPrinter::Paper::Present);
    printer.print(job.bytes(), QStringLiteral("The receipt"));
    QTRY_COMPARE(printed.size(), 1);
    QTRY_COMPARE(fake.jobs().size(), 2);
    QCOMPARE(fake.lastPrintout().lines, QStringList{QStringLiteral("Asante")});
}

void TestReceiptPrinter::switchedOffSaysSoAndPrintsAgainOnceOn()
{
    FakeReceiptPrinter fake;
    QVERIFY(fake.listen());
    const QString setting = fake.setting();
    const quint16 port = fake.port();
    fake.switchOff();
    EscPosPrinter printer(*EscPosTarget::parse(setting));
    QSignalSpy printed(&printer, &EscPosPrinter::printed);
    QSignalSpy failed(&printer, &EscPosPrinter::failed);
    EscPosJob job(48);
    job.text(QStringLiteral("Z report"));
    printer.print(job.bytes(), QStringLiteral("The Z report"));
    QTRY_COMPARE(failed.size(), 1);
    const QString reason = failed.first().at(1).toString();
    QVERIFY2(reason.contains(QStringLiteral("cannot be reached")) &&
                 reason.contains(QStringLiteral("switched on")),
             qPrintable(reason));
    QVERIFY(reason.contains(QStringLiteral("127.0.0.1:%1").arg(port)));
    QVERIFY(!printer.isBusy());
    // Switched on again: the same job prints.
    QVERIFY(fake.listen(port));
    printer.print(job.bytes(), QStringLiteral("The Z report"));
    QTRY_COMPARE(printed.size(), 1);
    QTRY_COMPARE(fake.jobs().size(), 1);
    QCOMPARE(fake.lastPrintout().lines, QStringList{QStringLiteral("Z report")});
}

void TestReceiptPrinter::aPrinterThatDoesNotAnswerStatusStillPrints()
{
    FakeReceiptPrinter fake;
    QVERIFY(fake.listen());
    fake.setBehaviour(FakeReceiptPrinter::Behaviour::AnswersNoStatus);
    EscPosPrinter printer(*EscPosTarget::parse(fake.setting()));
    printer.setStatusWait(50ms);
    QSignalSpy printed(&printer, &EscPosPrinter::printed);
    EscPosJob job(32);
    job.text(QStringLiteral("one"));
    printer.print(job.bytes(), QStringLiteral("The receipt"));
    QTRY_COMPARE(printed.size(), 1);
    printer.print(job.bytes(), QStringLiteral("The receipt"));
    QTRY_COMPARE(printed.size(), 2);
    QTRY_COMPARE(fake.jobs().size(), 2);
    // Asked once; a printer that never answers is not asked (and waited for) again.
    QCOMPARE(EscPosPrintout::decode(fake.jobs().at(0)).statusRequests, 1);
    QCOMPARE(EscPosPrintout::decode(fake.jobs().at(1)).statusRequests, 0);
    QCOMPARE(EscPosPrintout::decode(fake.jobs().at(1)).lines, QStringList{QStringLiteral("one")});
}

void TestReceiptPrinter::jobsGoOutOneAfterTheOtherInOrder()
{
    FakeReceiptPrinter fake;
    QVERIFY(fake.listen());
    EscPosPrinter printer(*EscPosTarget::parse(fake.setting()));
    QSignalSpy printed(&printer, &EscPosPrinter::printed);
    for (const char* text : {"first", "second", "third"}) {
        EscPosJob job(32);
        job.text(QString::fromLatin1(text));
        printer.print(job.bytes(), QString::fromLatin1(text));
    }
    QVERIFY(printer.isBusy());
    QTRY_COMPARE(printed.size(), 3);
    QCOMPARE(printed.at(0).first().toString(), QStringLiteral("first"));
    QCOMPARE(printed.at(2).first().toString(), QStringLiteral("third"));
    QTRY_COMPARE(fake.jobs().size(), 3);
    QCOMPARE(EscPosPrintout::decode(fake.jobs().at(1)).lines, QStringList{QStringLiteral("second")});
}

void TestReceiptPrinter::usbPrinterIsWrittenThroughItsDeviceFile()
{
    QTemporaryDir dir;
    const QString device = dir.filePath(QStringLiteral("lp0"));
    QFile file(device);
    QVERIFY(file.open(QIODevice::WriteOnly)); // the device node, as udev makes it
    file.close();
    EscPosPrinter printer(*EscPosTarget::parse(QStringLiteral("usb:") + device));
    QSignalSpy printed(&printer, &EscPosPrinter::printed);
    EscPosJob job(32);
    job.text(QStringLiteral("Asante sana"));
    job.openDrawer();
    printer.print(job.bytes(), QStringLiteral("The receipt"));
    QTRY_COMPARE(printed.size(), 1);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const EscPosPrintout out = EscPosPrintout::decode(file.readAll());
    QVERIFY2(out.ok, qPrintable(out.error));
    QCOMPARE(out.lines, QStringList{QStringLiteral("Asante sana")});
    QCOMPARE(out.drawerPulses, 1);
}

void TestReceiptPrinter::usbPrinterNotPluggedInSaysSo()
{
    EscPosPrinter printer(*EscPosTarget::parse(QStringLiteral("usb:/dev/usb/lp-not-there")));
    QSignalSpy failed(&printer, &EscPosPrinter::failed);
    printer.print(QByteArray("x\n"), QStringLiteral("The receipt"));
    QTRY_COMPARE(failed.size(), 1);
    const QString reason = failed.first().at(1).toString();
    QVERIFY2(reason.contains(QStringLiteral("/dev/usb/lp-not-there")) &&
                 reason.contains(QStringLiteral("plugged in")),
             qPrintable(reason));
    QVERIFY(!printer.isBusy());
}

QTEST_MAIN(TestReceiptPrinter)
#include "tst_receiptprinter.moc"
