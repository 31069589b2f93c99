// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopUrl.h"

#include <QTest>

using lipa::ShopUrl;

class TestShopUrl : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsEveryPart_data();
    void readsEveryPart();
    void passesKnownParametersThrough_data();
    void passesKnownParametersThrough();
    void refusesAPasswordWithoutRepeatingIt_data();
    void refusesAPasswordWithoutRepeatingIt();
    void refusesWhatItCannotUse_data();
    void refusesWhatItCannotUse();
    void displaysWithoutParametersOrPassword();
};

void TestShopUrl::readsEveryPart_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::newRow("all parts") << "postgresql://till1@db.shop.lan:5433/shop"
                               << "till1"
                               << "db.shop.lan" << 5433 << "shop";
    QTest::newRow("default port") << "postgresql://till1@10.0.0.5/shop"
                                  << "till1"
                                  << "10.0.0.5" << 5432 << "shop";
    QTest::newRow("empty port is the default") << "postgresql://till1@10.0.0.5:/shop"
                                               << "till1"
                                               << "10.0.0.5" << 5432 << "shop";
    QTest::newRow("postgres scheme") << "postgres://till1@localhost:6000/shop"
                                     << "till1"
                                     << "localhost" << 6000 << "shop";
    QTest::newRow("scheme in capitals") << "POSTGRESQL://till1@localhost/shop"
                                        << "till1"
                                        << "localhost" << 5432 << "shop";
    QTest::newRow("IPv6") << "postgresql://till1@[::1]:5433/shop"
                          << "till1"
                          << "::1" << 5433 << "shop";
    QTest::newRow("encoded names") << "postgresql://till%40counter@localhost/my%20shop"
                                   << "till@counter"
                                   << "localhost" << 5432 << "my shop";
    QTest::newRow("blanks around") << "  postgresql://till1@localhost/shop \n"
                                   << "till1"
                                   << "localhost" << 5432 << "shop";
    QTest::newRow("highest port") << "postgresql://till1@localhost:65535/shop"
                                  << "till1"
                                  << "localhost" << 65535 << "shop";
}

void TestShopUrl::readsEveryPart()
{
    QFETCH(QString, text);
    QFETCH(QString, user);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, database);
    const auto url = ShopUrl::parse(text);
    QVERIFY2(url.isOk(), qPrintable(url.error()));
    QCOMPARE(url->user, user);
    QCOMPARE(url->host, host);
    QCOMPARE(url->port, port);
    QCOMPARE(url->database, database);
    QCOMPARE(url->connectOptions, QString());
}

void TestShopUrl::passesKnownParametersThrough_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("connectOptions");
    QTest::newRow("sslmode") << "sslmode=require"
                             << "sslmode=require";
    QTest::newRow("verify-full") << "sslmode=verify-full"
                                 << "sslmode=verify-full";
    QTest::newRow("connect_timeout") << "connect_timeout=10"
                                     << "connect_timeout=10";
    QTest::newRow("three, in order") << "application_name=counter2&sslmode=disable&connect_timeout=3"
                                     << "application_name=counter2;sslmode=disable;connect_timeout=3";
    QTest::newRow("a blank is quoted") << "application_name=Counter%202"
                                       << "application_name='Counter 2'";
    QTest::newRow("quote and backslash escaped") << "application_name=O'Neil%5C"
                                                 << "application_name='O\\'Neil\\\\'";
}

void TestShopUrl::passesKnownParametersThrough()
{
    QFETCH(QString, query);
    QFETCH(QString, connectOptions);
    const auto url = ShopUrl::parse(QStringLiteral("postgresql://till1@localhost/shop?") + query);
    QVERIFY2(url.isOk(), qPrintable(url.error()));
    QCOMPARE(url->connectOptions, connectOptions);
}

void TestShopUrl::refusesAPasswordWithoutRepeatingIt_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("password") << "postgresql://till1:Secret-77@localhost/shop";
    QTest::newRow("empty password") << "postgresql://till1:@localhost/shop";
    QTest::newRow("password and a bad port") << "postgresql://till1:Secret-77@localhost:99999/shop";
    QTest::newRow("password with an @") << "postgres://till1:Sec@ret-77@localhost/shop";
    QTest::newRow("password and parameters") << "postgresql://till1:Secret-77@localhost/shop?sslmode=require";
}

void TestShopUrl::refusesAPasswordWithoutRepeatingIt()
{
    QFETCH(QString, text);
    const auto url = ShopUrl::parse(text);
    QVERIFY(!url.isOk());
    QVERIFY2(url.error().contains(QLatin1String("LIPA_TILL_SHOP_DB_PASSWORD")), qPrintable(url.error()));
    QVERIFY2(!url.error().contains(QLatin1String("Secret")), qPrintable(url.error()));
    QVERIFY2(!url.error().contains(QLatin1String("ret-77")), qPrintable(url.error()));
}

void TestShopUrl::refusesWhatItCannotUse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reasonContains");
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("junk") << "hello"
                          << "postgresql://";
    QTest::newRow("another scheme") << "http://till1@localhost/shop"
                                    << "postgresql://";
    QTest::newRow("libpq key=value form") << "host=localhost dbname=shop"
                                          << "postgresql://";
    QTest::newRow("no user") << "postgresql://localhost/shop"
                             << "no user";
    QTest::newRow("empty user") << "postgresql://@localhost/shop"
                                << "no user";
    QTest::newRow("no host") << "postgresql://till1@/shop"
                             << "no host";
    QTest::newRow("no database") << "postgresql://till1@localhost"
                                 << "no database";
    QTest::newRow("only a slash") << "postgresql://till1@localhost/"
                                  << "no database";
    QTest::newRow("two path parts") << "postgresql://till1@localhost/shop/x"
                                    << "'/'";
    QTest::newRow("port too high") << "postgresql://till1@localhost:65536/shop"
                                   << "port";
    QTest::newRow("port not a number") << "postgresql://till1@localhost:abc/shop"
                                       << "port";
    QTest::newRow("port zero") << "postgresql://till1@localhost:0/shop"
                               << "port 0";
    QTest::newRow("blank in host") << "postgresql://till1@local host/shop"
                                   << "host name";
    QTest::newRow("fragment") << "postgresql://till1@localhost/shop#x"
                              << "'#'";
    QTest::newRow("unknown parameter") << "postgresql://till1@localhost/shop?options=-c%20x%3D1"
                                       << "\"options\"";
    QTest::newRow("password as a parameter") << "postgresql://till1@localhost/shop?password=x"
                                             << "LIPA_TILL_SHOP_DB_PASSWORD";
    QTest::newRow("parameter without a value") << "postgresql://till1@localhost/shop?sslmode"
                                               << "sslmode must be";
    QTest::newRow("unknown sslmode") << "postgresql://till1@localhost/shop?sslmode=maybe"
                                     << "sslmode must be";
    QTest::newRow("parameter twice") << "postgresql://till1@localhost/shop?sslmode=require&sslmode=disable"
                                     << "twice";
    QTest::newRow("timeout zero") << "postgresql://till1@localhost/shop?connect_timeout=0"
                                  << "connect_timeout";
    QTest::newRow("timeout not a number") << "postgresql://till1@localhost/shop?connect_timeout=soon"
                                          << "connect_timeout";
    QTest::newRow("semicolon in application_name")
        << "postgresql://till1@localhost/shop?application_name=a%3Bb"
        << "';'";
}

void TestShopUrl::refusesWhatItCannotUse()
{
    QFETCH(QString, text);
    QFETCH(QString, reasonContains);
    const auto url = ShopUrl::parse(text);
    QVERIFY2(!url.isOk(), qPrintable(url.isOk() ? url->display() : QString()));
    QVERIFY2(url.error().contains(reasonContains), qPrintable(url.error()));
}

void TestShopUrl::displaysWithoutParametersOrPassword()
{
    const auto url = ShopUrl::parse(QStringLiteral("postgres://till1@db.shop.lan/shop?sslmode=require"));
    QVERIFY2(url.isOk(), qPrintable(url.error()));
    QCOMPARE(url->display(), QStringLiteral("postgresql://till1@db.shop.lan:5432/shop"));

    const auto ipv6 = ShopUrl::parse(QStringLiteral("postgresql://till1@[::1]:5433/my%20shop"));
    QVERIFY2(ipv6.isOk(), qPrintable(ipv6.error()));
    QCOMPARE(ipv6->display(), QStringLiteral("postgresql://till1@[::1]:5433/my shop"));
}

QTEST_GUILESS_MAIN(TestShopUrl)
#include "tst_shopurl.moc"
