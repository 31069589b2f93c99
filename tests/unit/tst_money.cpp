// SPDX-License-Identifier: GPL-3.0-or-later
#include "Money.h"

#include <QTest>

using lipa::Money;

class TestMoney : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void acceptsWhatCashiersType_data();
    void acceptsWhatCashiersType();
    void rejectsWithAReason_data();
    void rejectsWithAReason();
    void maximumIsASetting();
    void parsesIntaSendDecimals_data();
    void parsesIntaSendDecimals();
    void formatsForDisplayAndFiles();
};

void TestMoney::acceptsWhatCashiersType_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("shillings");
    QTest::newRow("plain") << "1500" << qint64(1500);
    QTest::newRow("thousands comma") << "1,500" << qint64(1500);
    QTest::newRow("spaces around") << " 1500 " << qint64(1500);
    QTest::newRow("one shilling") << "1" << qint64(1);
    QTest::newRow("the maximum") << "250,000" << qint64(250000);
    QTest::newRow("maximum no comma") << "250000" << qint64(250000);
    QTest::newRow("zero cents") << "1500.00" << qint64(1500);
    QTest::newRow("leading zero") << "0150" << qint64(150);
}

void TestMoney::acceptsWhatCashiersType()
{
    QFETCH(QString, text);
    QFETCH(qint64, shillings);
    const auto result = Money::parseShillings(text, 250000);
    QVERIFY2(result.isOk(), qPrintable(result.error()));
    QCOMPARE(result->cents(), shillings * 100);
}

void TestMoney::rejectsWithAReason_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reasonContains");
    QTest::newRow("empty") << ""
                           << "Enter an amount";
    QTest::newRow("blank") << "   "
                           << "Enter an amount";
    QTest::newRow("zero") << "0"
                          << "more than zero";
    QTest::newRow("zeros") << "000"
                           << "more than zero";
    QTest::newRow("negative") << "-50"
                              << "more than zero";
    QTest::newRow("fraction") << "10.50"
                              << "Whole shillings";
    QTest::newRow("three decimals") << "10.000"
                                    << "Whole shillings";
    QTest::newRow("trailing dot") << "10."
                                  << "Whole shillings";
    QTest::newRow("letters") << "12a"
                             << "digits only";
    QTest::newRow("words") << "abc"
                           << "digits only";
    QTest::newRow("arabic-indic digits") << QString::fromUtf8("\u0661\u0662\u0663") << "digits 0 to 9";
    QTest::newRow("fullwidth digits") << QString::fromUtf8("\uff11\uff12") << "digits 0 to 9";
    QTest::newRow("emoji") << QString::fromUtf8("100\U0001F4B0") << "digits only";
    QTest::newRow("too much") << "250,001"
                              << "KES 250,000";
    QTest::newRow("fifty digits") << QString(50, u'9') << "KES 250,000";
    QTest::newRow("bad comma") << "15,00"
                               << "Misplaced comma";
    QTest::newRow("leading comma") << ",500"
                                   << "Misplaced comma";
    QTest::newRow("only commas") << ",,,"
                                 << "Misplaced comma";
    QTest::newRow("plus sign") << "+100"
                               << "digits only";
    QTest::newRow("two dots") << "1.0.0"
                              << "digits only";
}

void TestMoney::rejectsWithAReason()
{
    QFETCH(QString, text);
    QFETCH(QString, reasonContains);
    const auto result = Money::parseShillings(text, 250000);
    QVERIFY(!result.isOk());
    QVERIFY2(result.error().contains(reasonContains), qPrintable(result.error()));
}

void TestMoney::maximumIsASetting()
{
    QVERIFY(Money::parseShillings(QStringLiteral("70,000"), 70000).isOk());
    QVERIFY(!Money::parseShillings(QStringLiteral("70,001"), 70000).isOk());
    QVERIFY(Money::parseShillings(QStringLiteral("999999"), 999999).isOk());
}

void TestMoney::parsesIntaSendDecimals_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("cents");
    QTest::newRow("two places") << "10.36" << qint64(1036);
    QTest::newRow("whole") << "1500" << qint64(150000);
    QTest::newRow("one place") << "0.5" << qint64(50);
    QTest::newRow("trailing zeros") << "10.360" << qint64(1036);
}

void TestMoney::parsesIntaSendDecimals()
{
    QFETCH(QString, text);
    QFETCH(qint64, cents);
    const auto result = Money::parseDecimal(text);
    QVERIFY2(result.isOk(), qPrintable(result.error()));
    QCOMPARE(result->cents(), cents);
    QVERIFY(!Money::parseDecimal(QStringLiteral("10.365")).isOk());
    QVERIFY(!Money::parseDecimal(QStringLiteral("ten")).isOk());
    QVERIFY(!Money::parseDecimal(QStringLiteral("")).isOk());
    QVERIFY(!Money::parseDecimal(QStringLiteral("-1")).isOk());
}

void TestMoney::formatsForDisplayAndFiles()
{
    QCOMPARE(Money::fromShillings(1500).toDisplayString(), QStringLiteral("KES 1,500"));
    QCOMPARE(Money::fromShillings(250000).toDisplayString(), QStringLiteral("KES 250,000"));
    QCOMPARE(Money::fromShillings(1234567).toDisplayString(), QStringLiteral("KES 1,234,567"));
    QCOMPARE(Money::fromCents(1036).toDisplayString(), QStringLiteral("KES 10.36"));
    QCOMPARE(Money::fromCents(5).toDisplayString(), QStringLiteral("KES 0.05"));
    QCOMPARE(Money::fromShillings(1500).toDecimalString(), QStringLiteral("1500.00"));
    QCOMPARE(Money::fromCents(1036).toDecimalString(), QStringLiteral("10.36"));
    QCOMPARE(Money::fromCents(-250).toDecimalString(), QStringLiteral("-2.50"));
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
