// SPDX-License-Identifier: GPL-3.0-or-later
#include "Redact.h"

#include <QTest>
#include <QUrl>

using namespace lipa;

// The one redaction step: whatever shape a key comes back in, it does not come out.
class TestRedact : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void removesKeys_data();
    void removesKeys();
    void leavesOrdinaryAnswersAlone();
};

namespace {
const QString kSecret = QStringLiteral("ISSecretKey_test_R3dact-me-9Zq");
const QString kPublic = QStringLiteral("ISPubKey_test_Pub-R3dact-7Q");
} // namespace

void TestRedact::removesKeys_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("whole secret") << QStringLiteral("you sent %1, which is wrong").arg(kSecret);
    QTest::newRow("whole public key") << QStringLiteral("{\"detail\":\"bad key %1\"}").arg(kPublic);
    QTest::newRow("bearer header") << QStringLiteral("Authorization: Bearer %1\r\nHost: x").arg(kSecret);
    QTest::newRow("bearer, any token") << QStringLiteral("authorization: bearer abc.DEF-123_456~+/=");
    QTest::newRow("json field") << QStringLiteral("{\"public_key\": \"%1\", \"x\": 1}").arg(kPublic);
    QTest::newRow("json secret field, unknown key") << QStringLiteral("{\"secret\":\"zz-not-ours-zz\"}");
    QTest::newRow("form field") << QStringLiteral("a=1&token=zz-not-ours-zz&b=2");
    QTest::newRow("url-encoded")
        << QStringLiteral("GET /?k=%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(kSecret)));
    QTest::newRow("cut short") << QStringLiteral("...INTASEND_PUBLIC_API_KEY: %1").arg(kSecret.left(21));
}

void TestRedact::removesKeys()
{
    QFETCH(QString, text);
    const Redactor redactor({kSecret, kPublic});
    const QString out = redactor.text(text);
    QVERIFY2(out.contains(QStringLiteral("[key]")), qPrintable(out));
    for (const QString& secret :
         {kSecret, kPublic, QStringLiteral("zz-not-ours-zz"), QStringLiteral("abc.DEF-123_456")}) {
        for (qsizetype at = 0; at + 10 <= secret.size(); ++at)
            QVERIFY2(!out.contains(secret.mid(at, 10)), qPrintable(out));
    }
    QCOMPARE(QString::fromUtf8(redactor.bytes(text.toUtf8())), out);
}

void TestRedact::leavesOrdinaryAnswersAlone()
{
    const Redactor redactor({kSecret, kPublic});
    for (const QString& text :
         {QStringLiteral(
              "{\"invoice\":{\"invoice_id\":\"NR5XKGY\",\"state\":\"PENDING\",\"api_ref\":\"abc\"}}"),
          QStringLiteral("Invalid phone number"),
          QStringLiteral("{\"errors\":[{\"detail\":\"Amount too low\"}]}")})
        QCOMPARE(redactor.text(text), text);
    QCOMPARE(Redactor({QStringLiteral("short")}).text(QStringLiteral("a short note")),
             QStringLiteral("a short note"));
}

QTEST_GUILESS_MAIN(TestRedact)
#include "tst_redact.moc"
