// SPDX-License-Identifier: GPL-3.0-or-later
#include "EscPos.h"
#include "FakeReceiptPrinter.h"

#include <QTest>

using namespace lipa;
using lipa::test::EscPosPrintout;

// The ESC/POS job as bytes, read back by an independent decoder: lines within the paper's width, code page
// text only, a cut, a drawer pulse; and the printer/escpos setting's three forms.
class TestEscPos : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void targets_data();
    void targets();
    void textIsWrappedToTheColumns();
    void pairsAreJustifiedOrBroken();
    void outsideAsciiBecomesItsNearestAscii();
    void cutAndDrawer();
};

void TestEscPos::targets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("where");
    QTest::addColumn<int>("number");
    using K = EscPosTarget::Kind;
    QTest::newRow("usb") << "usb:/dev/usb/lp0" << true << int(K::Usb) << "/dev/usb/lp0" << 0;
    QTest::newRow("serial") << "serial:/dev/ttyUSB0:9600" << true << int(K::Serial) << "/dev/ttyUSB0" << 9600;
    QTest::newRow("serial 115200") << " serial:/dev/ttyS1:115200 " << true << int(K::Serial) << "/dev/ttyS1"
                                   << 115200;
    QTest::newRow("tcp") << "tcp://192.168.1.50:9100" << true << int(K::Tcp) << "192.168.1.50" << 9100;
    QTest::newRow("tcp other port") << "tcp://printer.local:9101" << true << int(K::Tcp) << "printer.local"
                                    << 9101;
    QTest::newRow("tcp default port") << "tcp://10.0.0.9" << true << int(K::Tcp) << "10.0.0.9" << 9100;
    QTest::newRow("usb relative") << "usb:lp0" << false << 0 << "" << 0;
    QTest::newRow("serial no baud") << "serial:/dev/ttyUSB0" << false << 0 << "" << 0;
    QTest::newRow("serial bad baud") << "serial:/dev/ttyUSB0:fast" << false << 0 << "" << 0;
    QTest::newRow("tcp no host") << "tcp://:9100" << false << 0 << "" << 0;
    QTest::newRow("tcp path") << "tcp://host:9100/print" << false << 0 << "" << 0;
    QTest::newRow("http") << "http://host:9100" << false << 0 << "" << 0;
    QTest::newRow("bare path") << "/dev/usb/lp0" << false << 0 << "" << 0;
}

void TestEscPos::targets()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const std::optional<EscPosTarget> target = EscPosTarget::parse(text);
    QCOMPARE(target.has_value(), valid);
    if (!valid)
        return;
    QFETCH(int, kind);
    QFETCH(QString, where);
    QFETCH(int, number);
    QCOMPARE(int(target->kind), kind);
    if (target->kind == EscPosTarget::Kind::Tcp) {
        QCOMPARE(target->host, where);
        QCOMPARE(int(target->port), number);
        QVERIFY(target->describe().contains(QStringLiteral("%1:%2").arg(where).arg(number)));
    } else {
        QCOMPARE(target->device, where);
        QCOMPARE(target->baud, number);
        QVERIFY(target->describe().contains(where));
    }
}

void TestEscPos::textIsWrappedToTheColumns()
{
    for (const int columns : {32, 48}) {
        EscPosJob job(columns);
        const QString text =
            QStringLiteral("NOT PAID IN FULL — this is not a receipt for the whole sale, and a "
                           "word longer than the paper: ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                           "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        job.text(text, EscPosJob::Align::Center, true);
        const EscPosPrintout out = EscPosPrintout::decode(job.bytes());
        QVERIFY2(out.ok, qPrintable(out.error));
        QVERIFY(out.lines.size() >= 3);
        for (const QString& line : out.lines)
            QVERIFY2(line.size() <= columns, qPrintable(line));
        QCOMPARE(out.boldLines, out.lines);
        QCOMPARE(out.centredLines, out.lines);
        // Nothing lost: the words come back in order.
        QCOMPARE(out.lines.join(u' ').remove(u' '),
                 QString(text).replace(QStringLiteral("—"), QStringLiteral("-")).remove(u' '));
    }
}

void TestEscPos::pairsAreJustifiedOrBroken()
{
    EscPosJob job(32);
    job.pair(QStringLiteral("Amount"), QStringLiteral("KES 1,500"), true);
    job.pair(QStringLiteral("A label far too long to share a line"), QStringLiteral("KES 150,000.00"));
    const EscPosPrintout out = EscPosPrintout::decode(job.bytes());
    QVERIFY2(out.ok, qPrintable(out.error));
    QCOMPARE(out.lines.first(), QStringLiteral("Amount                 KES 1,500"));
    QCOMPARE(out.lines.first().size(), 32);
    QCOMPARE(out.boldLines, QStringList{out.lines.first()});
    QCOMPARE(out.lines.size(), 4);
    QCOMPARE(out.lines.at(1), QStringLiteral("A label far too long to share a"));
    QCOMPARE(out.lines.at(2), QStringLiteral("line"));
    QCOMPARE(out.lines.at(3), QStringLiteral("                  KES 150,000.00")); // right-aligned
}

void TestEscPos::outsideAsciiBecomesItsNearestAscii()
{
    QCOMPARE(EscPosJob::encode(QStringLiteral("0712 ••• 678")), QByteArray("0712 *** 678"));
    QCOMPARE(EscPosJob::encode(QStringLiteral("Café — 2 × 3 “ok” …")), QByteArray("Cafe - 2 x 3 \"ok\" ..."));
    QCOMPARE(EscPosJob::encode(QStringLiteral("漢")), QByteArray("?"));
}

void TestEscPos::cutAndDrawer()
{
    EscPosJob job(48);
    job.text(QStringLiteral("Lipa Till"));
    job.rule();
    job.cut();
    EscPosPrintout out = EscPosPrintout::decode(job.bytes());
    QVERIFY2(out.ok, qPrintable(out.error));
    QCOMPARE(out.cuts, 1);
    QCOMPARE(out.drawerPulses, 0);
    QCOMPARE(out.lines.at(1), QString(48, u'-'));
    EscPosJob drawer(48);
    drawer.openDrawer();
    out = EscPosPrintout::decode(drawer.bytes());
    QVERIFY2(out.ok, qPrintable(out.error));
    QCOMPARE(out.drawerPulses, 1);
    QCOMPARE(out.cuts, 0);
    QVERIFY(out.lines.isEmpty());
    // The pulse itself: ESC p, pin 2, 50 ms on, 500 ms off.
    QVERIFY(drawer.bytes().endsWith(QByteArray("\x1bp\x00\x19\xfa", 5)));
}

QTEST_GUILESS_MAIN(TestEscPos)
#include "tst_escpos.moc"
