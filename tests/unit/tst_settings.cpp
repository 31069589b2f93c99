// SPDX-License-Identifier: GPL-3.0-or-later
#include "Settings.h"
#include "SettingsSchema.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lipa;
using namespace std::chrono_literals;

class TestSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void largestSaleIsNeverBelowTheLargestPayment();
    void missingFileGivesDefaults();
    void readsEveryKey();
    void badValuesFallBackWithAProblem();
    void counterKeys();
    void saveThenLoadGivesTheSameSettings();
    void schemaDefaultsAreTheDefaults();
    void checksBackOffNoFasterThanTheFirstCheck();
    void unsetValuesAreNotWritten();

private:
    QString writeIni(const QByteArray& text);
    QTemporaryDir m_dir;
};

QString TestSettings::writeIni(const QByteArray& text)
{
    const QString path = m_dir.filePath(Settings::fileName());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(text);
    return path;
}

void TestSettings::missingFileGivesDefaults()
{
    QStringList problems;
    const Settings settings = Settings::load(m_dir.filePath(QStringLiteral("absent.ini")), &problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(settings.environment, std::nullopt);
    QCOMPARE(settings.maxAmountShillings, 150000); // IntaSend's default limit for one M-Pesa payment
    QCOMPARE(settings.maxSaleShillings, 1000000);
    QCOMPARE(settings.polling.firstCheck, 3s);
    QCOMPARE(settings.polling.maxInterval, 10s);
    QCOMPARE(settings.polling.expiry, 180s);
    QCOMPARE(settings.polling.backoff, 1.5);
    QCOMPARE(settings.requestTimeout, 30s);
}

void TestSettings::readsEveryKey()
{
    QStringList problems;
    const Settings settings =
        Settings::load(writeIni("[intasend]\nenvironment=sandbox\npublic_key=ISPubKey_test_1\n"
                                "base_url=https://x.example\ntimeout_seconds=20\n"
                                "[till]\nname=Duka la Mama\nmax_amount=70000\n"
                                "[polling]\nfirst_check_seconds=2\nmax_interval_seconds=15\n"
                                "expiry_seconds=300\nbackoff_percent=200\n"
                                "[till]\nreceipt_paper=58MM\ntext_size=150\nkeypad=on\n"),
                       &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(settings.environment, EnvironmentKind::Sandbox);
    QCOMPARE(settings.publicKey, QStringLiteral("ISPubKey_test_1"));
    QCOMPARE(settings.baseUrl, QStringLiteral("https://x.example"));
    QCOMPARE(settings.requestTimeout, 20s);
    QCOMPARE(settings.tillName, QStringLiteral("Duka la Mama"));
    QCOMPARE(settings.maxAmountShillings, 70000);
    QCOMPARE(settings.polling.firstCheck, 2s);
    QCOMPARE(settings.polling.maxInterval, 15s);
    QCOMPARE(settings.polling.expiry, 300s);
    QCOMPARE(settings.polling.backoff, 2.0);
    QCOMPARE(settings.receiptPaper, QStringLiteral("58mm"));
    QCOMPARE(settings.textSizePercent, 150);
    QCOMPARE(settings.keypad, true);
}

void TestSettings::badValuesFallBackWithAProblem()
{
    QStringList problems;
    const Settings settings = Settings::load(
        writeIni("[intasend]\nenvironment=production\n"
                 "[till]\nmax_amount=lots\n"
                 "[polling]\nfirst_check_seconds=0\nexpiry_seconds=99999\n"
                 "[till]\nsound=loud\nlanguage=klingon\nreceipt_paper=letter\ntext_size=900\n"),
        &problems);
    QCOMPARE(problems.size(), 8);
    QCOMPARE(settings.receiptPaper, QStringLiteral("80mm"));
    QCOMPARE(settings.textSizePercent, 100);
    QCOMPARE(settings.keypad, false);
    QCOMPARE(settings.sound, true);
    QCOMPARE(settings.language, QStringLiteral("system"));
    QCOMPARE(settings.environment, EnvironmentKind::Demo); // an unknown environment moves no money
    QCOMPARE(settings.maxAmountShillings, 150000);
    QCOMPARE(settings.polling.firstCheck, 3s);
    QCOMPARE(settings.polling.expiry, 180s);
    QVERIFY(problems.join(u'\n').contains(QStringLiteral("till/max_amount")));
    QVERIFY(problems.join(u'\n').contains(QStringLiteral("running in demo mode")));
}

// The counter's keys: read as written, and anything else reported and replaced by what changes nothing.
void TestSettings::counterKeys()
{
    QStringList problems;
    Settings settings = Settings::load(writeIni("[till]\nfullscreen=on\ncustomer_display=Screen:2\n"
                                                "customer_language=sw\n"
                                                "[printer]\nescpos=serial:/dev/ttyUSB0:9600\ndrawer=on\n"),
                                       &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(settings.fullScreen, true);
    QCOMPARE(settings.customerDisplay, QStringLiteral("screen:2"));
    QCOMPARE(settings.customerLanguage, QStringLiteral("sw"));
    QCOMPARE(settings.escposPrinter, QStringLiteral("serial:/dev/ttyUSB0:9600"));
    QCOMPARE(settings.cashDrawer, true);

    settings = Settings::load(writeIni("[till]\nfullscreen=yes\ncustomer_display=screen:0\n"
                                       "customer_language=fr\n"
                                       "[printer]\nescpos=LPT1\ndrawer=always\n"),
                              &problems);
    QCOMPARE(problems.size(), 5);
    const QString all = problems.join(u'\n');
    for (const char* key : {"till/fullscreen", "till/customer_display", "till/customer_language",
                            "printer/escpos", "printer/drawer"})
        QVERIFY2(all.contains(QLatin1String(key)), key);
    QCOMPARE(settings.fullScreen, false);
    QCOMPARE(settings.customerDisplay, QStringLiteral("off"));
    QCOMPARE(settings.customerLanguage, QStringLiteral("till"));
    QCOMPARE(settings.escposPrinter, QString()); // the print dialog, as before
    QCOMPARE(settings.cashDrawer, false);
}

void TestSettings::saveThenLoadGivesTheSameSettings()
{
    Settings settings;
    settings.environment = EnvironmentKind::Custom;
    settings.baseUrl = QStringLiteral("http://127.0.0.1:8765");
    settings.requestTimeout = 45s;
    settings.tillName = QStringLiteral("Duka la Mama");
    settings.maxAmountShillings = 70000;
    settings.polling.firstCheck = 2s;
    settings.polling.maxInterval = 20s;
    settings.polling.backoff = 2.0;
    settings.polling.expiry = 300s;
    settings.sound = false;
    settings.language = QStringLiteral("sw");
    settings.receiptPaper = QStringLiteral("a4");
    settings.textSizePercent = 200;
    settings.keypad = true;
    settings.managerPinHash = QStringLiteral("pbkdf2-sha256$100000$c2FsdA==$aGFzaA==");
    const QString path = m_dir.filePath(QStringLiteral("round-trip.ini"));
    QString error;
    QVERIFY(settings.save(path, &error));

    QStringList problems;
    const Settings loaded = Settings::load(path, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(loaded.environment, settings.environment);
    QCOMPARE(loaded.baseUrl, settings.baseUrl);
    QCOMPARE(loaded.requestTimeout, settings.requestTimeout);
    QCOMPARE(loaded.tillName, settings.tillName);
    QCOMPARE(loaded.maxAmountShillings, settings.maxAmountShillings);
    QCOMPARE(loaded.polling.firstCheck, settings.polling.firstCheck);
    QCOMPARE(loaded.polling.maxInterval, settings.polling.maxInterval);
    QCOMPARE(loaded.polling.backoff, settings.polling.backoff);
    QCOMPARE(loaded.polling.expiry, settings.polling.expiry);
    QCOMPARE(loaded.sound, false);
    QCOMPARE(loaded.language, QStringLiteral("sw"));
    QCOMPARE(loaded.receiptPaper, QStringLiteral("a4"));
    QCOMPARE(loaded.textSizePercent, 200);
    QCOMPARE(loaded.keypad, true);
    QCOMPARE(loaded.managerPinHash, settings.managerPinHash);
    QVERIFY(loaded.publicKey.isEmpty());
}

void TestSettings::schemaDefaultsAreTheDefaults()
{
    // A Settings made in code (tests, the self-test) starts where a missing settings file does.
    const Settings defaults;
    for (const SettingsSchema::Key& key : SettingsSchema::keys())
        QVERIFY2(key.read(defaults) == key.defaultValue,
                 qPrintable(QStringLiteral("%1: the schema says \"%2\", Settings has \"%3\"")
                                .arg(key.name, key.defaultValue, key.read(defaults))));
}

void TestSettings::checksBackOffNoFasterThanTheFirstCheck()
{
    QStringList problems;
    // The longest wait left at its default (10 s), below a first check the file sets.
    const Settings settings = Settings::load(writeIni("[polling]\nfirst_check_seconds=20\n"), &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().contains(QStringLiteral("polling/max_interval_seconds is shorter")));
    QCOMPARE(settings.polling.firstCheck, 20s);
    QCOMPARE(settings.polling.maxInterval, 20s);
}

void TestSettings::unsetValuesAreNotWritten()
{
    Settings settings;
    settings.tillName = QStringLiteral("Duka");
    const QString path = m_dir.filePath(QStringLiteral("unset.ini"));
    QString error;
    QVERIFY(settings.save(path, &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(!text.contains("environment="));
    QVERIFY(!text.contains("public_key="));
    QVERIFY(!text.contains("manager_pin="));
    QVERIFY(text.contains("name=Duka"));
    QVERIFY(text.contains("max_amount=150000"));
    QVERIFY(text.contains("max_sale=1000000"));
}

void TestSettings::largestSaleIsNeverBelowTheLargestPayment()
{
    QStringList problems;
    Settings settings = Settings::load(writeIni("[till]\nmax_amount=70000\nmax_sale=500000\n"), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(settings.maxAmountShillings, 70000);
    QCOMPARE(settings.maxSaleShillings, 500000);
    settings = Settings::load(writeIni("[till]\nmax_amount=70000\nmax_sale=50000\n"), &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().contains(QStringLiteral("till/max_sale")));
    QCOMPARE(settings.maxSaleShillings, 70000);
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
