// SPDX-License-Identifier: GPL-3.0-or-later
#include "StartupPlan.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lipa;

// What the command line and the settings file make of a run, before any window or key store.
class TestStartupPlan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { qunsetenv("LIPA_TILL_SECRET_KEY"); }
    void nothingConfiguredIsAFirstRunInDemo();
    void badOptionsAreRefused();
    void settingsChooseTheEnvironment();
    void storedKeysFillWhatTheCommandLineLeftOpen();
    void missingOrMismatchedKeysAreRefused();
    void selfTestUsesAThrowawayFolder();

private:
    Result<StartupPlan> read(QStringList arguments, const QString& secretKey = {}) const;
    void writeIni(const QByteArray& text) const;
    QTemporaryDir m_dir;
};

Result<StartupPlan> TestStartupPlan::read(QStringList arguments, const QString& secretKey) const
{
    arguments.prepend(QStringLiteral("lipa-till"));
    arguments << QStringLiteral("--data-dir") << m_dir.path();
    return StartupPlan::read(arguments, secretKey);
}

void TestStartupPlan::writeIni(const QByteArray& text) const
{
    QFile file(m_dir.filePath(Settings::fileName()));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write the settings file");
    file.write(text);
}

void TestStartupPlan::nothingConfiguredIsAFirstRunInDemo()
{
    writeIni({});
    const Result<StartupPlan> plan = read({});
    QVERIFY(plan);
    QCOMPARE(plan->environment.kind, EnvironmentKind::Demo);
    QVERIFY(plan->firstRun);
    QVERIFY(!plan->needsStoredKeys());
    QCOMPARE(plan->iniPath(), m_dir.filePath(QStringLiteral("lipa-till.ini")));
}

void TestStartupPlan::badOptionsAreRefused()
{
    writeIni({});
    QVERIFY(
        read({QStringLiteral("--demo"), QStringLiteral("--api-base"), QStringLiteral("https://x.example")})
            .error()
            .contains(QStringLiteral("cannot be used together")));
    QVERIFY(read({QStringLiteral("--api-base"), QStringLiteral("http://192.168.1.10")})
                .error()
                .startsWith(QStringLiteral("--api-base: ")));
    QVERIFY(read({QStringLiteral("stray")}).error().contains(QStringLiteral("unexpected argument")));
    QVERIFY(!read({QStringLiteral("--secret-key"), QStringLiteral("x")}));
}

void TestStartupPlan::settingsChooseTheEnvironment()
{
    writeIni("[intasend]\nenvironment=live\n");
    Result<StartupPlan> plan = read({});
    QVERIFY(plan);
    QCOMPARE(plan->environment.kind, EnvironmentKind::Live);
    QCOMPARE(plan->client.baseUrl, Environment::live().baseUrl);
    QVERIFY(plan->needsStoredKeys());
    QVERIFY(!plan->firstRun);
    // --demo wins over the settings.
    plan = read({QStringLiteral("--demo")});
    QCOMPARE(plan->environment.kind, EnvironmentKind::Demo);
    writeIni("[intasend]\nenvironment=custom\nbase_url=ftp://x.example\n");
    QVERIFY(read({}).error().startsWith(QStringLiteral("intasend/base_url in the settings file: ")));
}

void TestStartupPlan::storedKeysFillWhatTheCommandLineLeftOpen()
{
    writeIni("[intasend]\nenvironment=sandbox\n");
    StartupPlan plan = read({}).value();
    QCOMPARE(
        plan.useStoredKeys({QStringLiteral("ISPubKey_test_stored"), QStringLiteral("ISSecretKey_test_s")}),
        QString());
    QCOMPARE(plan.client.publicKey, QStringLiteral("ISPubKey_test_stored"));
    QCOMPARE(plan.client.secretKey, QStringLiteral("ISSecretKey_test_s"));

    qputenv("LIPA_TILL_SECRET_KEY", " ISSecretKey_test_env ");
    const QString fromEnvironment = StartupPlan::takeSecretKeyFromEnvironment();
    QVERIFY2(!qEnvironmentVariableIsSet("LIPA_TILL_SECRET_KEY"), "a child process would inherit the secret");
    QCOMPARE(StartupPlan::takeSecretKeyFromEnvironment(), QString()); // taken once
    plan = read({QStringLiteral("--public-key"), QStringLiteral("ISPubKey_test_given")}, fromEnvironment)
               .value();
    QCOMPARE(
        plan.useStoredKeys({QStringLiteral("ISPubKey_test_stored"), QStringLiteral("ISSecretKey_test_s")}),
        QString());
    QCOMPARE(plan.client.publicKey, QStringLiteral("ISPubKey_test_given"));
    QCOMPARE(plan.client.secretKey, QStringLiteral("ISSecretKey_test_env"));
}

void TestStartupPlan::missingOrMismatchedKeysAreRefused()
{
    writeIni("[intasend]\nenvironment=sandbox\n");
    StartupPlan plan = read({}).value();
    QVERIFY(plan.useStoredKeys({}).startsWith(QStringLiteral("no IntaSend public key")));
    writeIni("[intasend]\nenvironment=live\npublic_key=ISPubKey_test_abc\n");
    plan = read({}).value();
    QVERIFY(plan.useStoredKeys({}).contains(QStringLiteral("test key cannot be used with live")));
}

void TestStartupPlan::selfTestUsesAThrowawayFolder()
{
    const Result<StartupPlan> plan =
        StartupPlan::read({QStringLiteral("lipa-till"), QStringLiteral("--self-test")});
    QVERIFY(plan);
    QVERIFY(plan->selfTest);
    QVERIFY(plan->dataDir != m_dir.path());
    QCOMPARE(plan->environment.kind, EnvironmentKind::Demo);
    QVERIFY(!plan->needsStoredKeys());
}

QTEST_GUILESS_MAIN(TestStartupPlan)
#include "tst_startupplan.moc"
