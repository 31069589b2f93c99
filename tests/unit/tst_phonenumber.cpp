// SPDX-License-Identifier: GPL-3.0-or-later
#include "PhoneNumber.h"

#include <QTest>

using lipa::PhoneNumber;

class TestPhoneNumber : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void normalisesEveryAcceptedForm_data();
    void normalisesEveryAcceptedForm();
    void rejectsWithAReason_data();
    void rejectsWithAReason();
    void displaysAndMasks();
    void acceptsOnlyNormalisedFromStorage();
};

void TestPhoneNumber::normalisesEveryAcceptedForm_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("07 local") << "0712345678"
                              << "254712345678";
    QTest::newRow("01 local") << "0112345678"
                              << "254112345678";
    QTest::newRow("plus 254") << "+254712345678"
                              << "254712345678";
    QTest::newRow("254") << "254712345678"
                         << "254712345678";
    QTest::newRow("254 with 1") << "254112345678"
                                << "254112345678";
    QTest::newRow("nine digits") << "712345678"
                                 << "254712345678";
    QTest::newRow("nine digits 1") << "112345678"
                                   << "254112345678";
    QTest::newRow("spaces") << "0712 345 678"
                            << "254712345678";
    QTest::newRow("dashes") << "0712-345-678"
                            << "254712345678";
    QTest::newRow("plus with spaces") << "+254 712 345 678"
                                      << "254712345678";
    QTest::newRow("surrounding blanks") << "  0712345678 "
                                        << "254712345678";
    QTest::newRow("no-break space") << QString::fromUtf8("0712\u00a0345\u00a0678") << "254712345678";
}

void TestPhoneNumber::normalisesEveryAcceptedForm()
{
    QFETCH(QString, text);
    QFETCH(QString, normalised);
    const auto result = PhoneNumber::parse(text);
    QVERIFY2(result.isOk(), qPrintable(result.error()));
    QCOMPARE(result->normalised(), normalised);
}

void TestPhoneNumber::rejectsWithAReason_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reasonContains");
    QTest::newRow("empty") << ""
                           << "Enter the customer";
    QTest::newRow("too short") << "071234567"
                               << "Wrong length";
    QTest::newRow("too long") << "07123456789"
                              << "Wrong length";
    QTest::newRow("254 too short") << "25471234567"
                                   << "Wrong length";
    QTest::newRow("fifty digits") << QString(50, u'7') << "Wrong length";
    QTest::newRow("landline") << "0201234567"
                              << "Not a Kenyan mobile";
    QTest::newRow("nine digits landline") << "201234567"
                                          << "Not a Kenyan mobile";
    QTest::newRow("254 landline") << "254201234567"
                                  << "Not a Kenyan mobile";
    QTest::newRow("other country") << "+255712345678"
                                   << "must start with +254";
    QTest::newRow("letters") << "07123abc78"
                             << "digits only";
    QTest::newRow("plus in middle") << "0712+345678"
                                    << "digits only";
    QTest::newRow("two pluses") << "++254712345678"
                                << "digits only";
    QTest::newRow("arabic-indic digits")
        << QString::fromUtf8("\u0660\u0667\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668")
        << "digits 0 to 9";
    QTest::newRow("emoji") << QString::fromUtf8("0712345678\U0001F4F1") << "digits only";
    QTest::newRow("double zero") << "00712345678"
                                 << "Wrong length";
}

void TestPhoneNumber::rejectsWithAReason()
{
    QFETCH(QString, text);
    QFETCH(QString, reasonContains);
    const auto result = PhoneNumber::parse(text);
    QVERIFY(!result.isOk());
    QVERIFY2(result.error().contains(reasonContains), qPrintable(result.error()));
}

void TestPhoneNumber::displaysAndMasks()
{
    const PhoneNumber phone = PhoneNumber::parse(QStringLiteral("+254712345678")).value();
    QCOMPARE(phone.toDisplayString(), QStringLiteral("0712 345 678"));
    QCOMPARE(phone.masked(), QString::fromUtf8("0712 \u2022\u2022\u2022 678"));
    QCOMPARE(phone.lastDigit(), QChar(u'8'));
    QVERIFY(!phone.masked().contains(QStringLiteral("345")));
}

void TestPhoneNumber::acceptsOnlyNormalisedFromStorage()
{
    QVERIFY(PhoneNumber::fromNormalised(QStringLiteral("254712345678")).isOk());
    QVERIFY(!PhoneNumber::fromNormalised(QStringLiteral("0712345678")).isOk());
    QVERIFY(!PhoneNumber::fromNormalised(QStringLiteral("254212345678")).isOk());
}

QTEST_GUILESS_MAIN(TestPhoneNumber)
#include "tst_phonenumber.moc"
