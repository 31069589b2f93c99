// SPDX-License-Identifier: GPL-3.0-or-later
#include "Environment.h"

#include <QTest>

using namespace lipa;

class TestEnvironment : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void acceptsHttpsAndLoopbackHttp_data();
    void acceptsHttpsAndLoopbackHttp();
    void refusesOtherBaseUrls_data();
    void refusesOtherBaseUrls();
    void checksKeysAgainstEnvironment();
    void namesRoundTrip();
};

void TestEnvironment::acceptsHttpsAndLoopbackHttp_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("cleaned");
    QTest::newRow("sandbox") << "https://sandbox.intasend.com"
                             << "https://sandbox.intasend.com";
    QTest::newRow("trailing slash") << "https://payment.intasend.com/"
                                    << "https://payment.intasend.com";
    QTest::newRow("loopback http") << "http://127.0.0.1:8080"
                                   << "http://127.0.0.1:8080";
    QTest::newRow("loopback range") << "http://127.5.0.1:80/"
                                    << "http://127.5.0.1:80";
    QTest::newRow("localhost") << "http://localhost:9000"
                               << "http://localhost:9000";
    QTest::newRow("ipv6 loopback") << "http://[::1]:9000"
                                   << "http://[::1]:9000";
    QTest::newRow("path prefix") << "https://proxy.example/intasend/"
                                 << "https://proxy.example/intasend";
}

void TestEnvironment::acceptsHttpsAndLoopbackHttp()
{
    QFETCH(QString, text);
    QFETCH(QString, cleaned);
    const auto url = parseBaseUrl(text);
    QVERIFY2(url.isOk(), qPrintable(url.error()));
    QCOMPARE(url->toString(), cleaned);
}

void TestEnvironment::refusesOtherBaseUrls_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reasonContains");
    QTest::newRow("ftp") << "ftp://sandbox.intasend.com"
                         << "only https";
    QTest::newRow("http remote") << "http://sandbox.intasend.com"
                                 << "plain http";
    QTest::newRow("http private lan") << "http://192.168.1.10:8080"
                                      << "plain http";
    QTest::newRow("garbage") << "not a url"
                             << "not a URL";
    QTest::newRow("empty") << ""
                           << "not a URL";
    QTest::newRow("no host") << "https://"
                             << "not a URL";
    QTest::newRow("user info") << "https://user:pw@example.com"
                               << "must not carry";
    QTest::newRow("query") << "https://example.com/?a=b"
                           << "must not carry";
}

void TestEnvironment::refusesOtherBaseUrls()
{
    QFETCH(QString, text);
    QFETCH(QString, reasonContains);
    const auto url = parseBaseUrl(text);
    QVERIFY(!url.isOk());
    QVERIFY2(url.error().contains(reasonContains), qPrintable(url.error()));
}

void TestEnvironment::checksKeysAgainstEnvironment()
{
    QVERIFY(
        keyEnvironmentMismatch(EnvironmentKind::Sandbox, QStringLiteral("ISPubKey_test_abc"), {}).isEmpty());
    QVERIFY(keyEnvironmentMismatch(EnvironmentKind::Live, QStringLiteral("ISPubKey_live_abc"),
                                   QStringLiteral("ISSecretKey_live_abc"))
                .isEmpty());
    QVERIFY(
        !keyEnvironmentMismatch(EnvironmentKind::Live, QStringLiteral("ISPubKey_test_abc"), {}).isEmpty());
    QVERIFY(
        !keyEnvironmentMismatch(EnvironmentKind::Sandbox, QStringLiteral("ISPubKey_live_abc"), {}).isEmpty());
    QVERIFY(!keyEnvironmentMismatch(EnvironmentKind::Live, QStringLiteral("ISPubKey_live_abc"),
                                    QStringLiteral("ISSecretKey_test_abc"))
                 .isEmpty());
    QVERIFY(!keyEnvironmentMismatch(EnvironmentKind::Sandbox, QStringLiteral("hello"), {}).isEmpty());
    QVERIFY(keyEnvironmentMismatch(EnvironmentKind::Custom, QStringLiteral("anything"), {}).isEmpty());
}

void TestEnvironment::namesRoundTrip()
{
    for (auto kind :
         {EnvironmentKind::Demo, EnvironmentKind::Sandbox, EnvironmentKind::Live, EnvironmentKind::Custom})
        QCOMPARE(environmentFromKey(environmentKey(kind)), kind);
    QCOMPARE(environmentFromKey(QStringLiteral("LIVE")), EnvironmentKind::Live);
    QCOMPARE(environmentFromKey(QStringLiteral("production")), std::nullopt);
    QCOMPARE(Environment::live().badge(), QStringLiteral("LIVE"));
    QCOMPARE(Environment::sandbox().baseUrl.host(), QStringLiteral("sandbox.intasend.com"));
    QCOMPARE(Environment::live().baseUrl.host(), QStringLiteral("payment.intasend.com"));
}

QTEST_GUILESS_MAIN(TestEnvironment)
#include "tst_environment.moc"
