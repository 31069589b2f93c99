#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// The installed binaries' command line: what shops' scripts rely on. Runs the real executables.
class TestCommandLine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void versionAndHelpNeedNoDisplay();
    void refusesBadApiBase_data();
    void refusesBadApiBase();
    void refusesMismatchedKey();
    void refusesUnknownOption();
    void simulatorPrintsItsUrl();
    void secondTillOnTheSameFolderExits();
    void selfTestTakesADemoPayment();
    void neverStartsAnEmptyJournalOverADamagedOne();

private:
    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QString& program, const QStringList& arguments, const QProcessEnvironment& env = {});
    QTemporaryDir m_dataDir;
};

TestCommandLine::Run TestCommandLine::run(const QString& program, const QStringList& arguments,
                                          const QProcessEnvironment& env)
{
    QProcess process;
    QProcessEnvironment environment = env.isEmpty() ? QProcessEnvironment::systemEnvironment() : env;
    environment.remove(QStringLiteral("DISPLAY")); // none of these may need a desktop
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(30000))
        qFatal("%s did not finish", qPrintable(program));
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void TestCommandLine::versionAndHelpNeedNoDisplay()
{
    const Run version = run(QStringLiteral(LIPA_TILL_BINARY), {QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(version.out.contains(QRegularExpression(QStringLiteral("^lipa-till \\d+\\.\\d+\\.\\d+"))),
             qPrintable(version.out));
    const Run help = run(QStringLiteral(LIPA_TILL_BINARY), {QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char* option : {"--demo", "--api-base", "--public-key", "--data-dir", "LIPA_TILL_SECRET_KEY"})
        QVERIFY2(help.out.contains(QLatin1String(option)), option);
}

void TestCommandLine::refusesBadApiBase_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("reason");
    QTest::newRow("ftp") << "ftp://sandbox.intasend.com"
                         << "only https";
    QTest::newRow("http to a remote host") << "http://sandbox.intasend.com"
                                           << "plain http";
    QTest::newRow("garbage") << "::garbage::"
                             << "not a URL";
}

void TestCommandLine::refusesBadApiBase()
{
    QFETCH(QString, url);
    QFETCH(QString, reason);
    const Run result = run(QStringLiteral(LIPA_TILL_BINARY),
                           {QStringLiteral("--data-dir"), m_dataDir.path(), QStringLiteral("--api-base"), url,
                            QStringLiteral("--public-key"), QStringLiteral("ISPubKey_test_x")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(reason), qPrintable(result.err));
}

void TestCommandLine::refusesMismatchedKey()
{
    QTemporaryDir dir;
    QFile ini(dir.filePath(QStringLiteral("lipa-till.ini")));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("[intasend]\nenvironment=live\npublic_key=ISPubKey_test_abc\n");
    ini.close();
    const Run result = run(QStringLiteral(LIPA_TILL_BINARY), {QStringLiteral("--data-dir"), dir.path()});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("test key cannot be used with live")),
             qPrintable(result.err));
}

void TestCommandLine::refusesUnknownOption()
{
    const Run result =
        run(QStringLiteral(LIPA_TILL_BINARY), {QStringLiteral("--secret-key"), QStringLiteral("x")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains(QStringLiteral("secret-key")));
}

void TestCommandLine::simulatorPrintsItsUrl()
{
    QProcess simulator;
    simulator.start(QStringLiteral(LIPA_SIMULATOR_BINARY), {QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY(simulator.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(simulator.canReadLine(), 10000);
    const QString line = QString::fromUtf8(simulator.readLine());
    QVERIFY2(line.contains(QRegularExpression(QStringLiteral("http://127\\.0\\.0\\.1:\\d+"))),
             qPrintable(line));
    simulator.kill();
    simulator.waitForFinished();
    const Run badPort =
        run(QStringLiteral(LIPA_SIMULATOR_BINARY), {QStringLiteral("--port"), QStringLiteral("99999")});
    QCOMPARE(badPort.exitCode, 2);
}

void TestCommandLine::secondTillOnTheSameFolderExits()
{
    QTemporaryDir dir;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess first;
    first.setProcessEnvironment(env);
    first.start(QStringLiteral(LIPA_TILL_BINARY),
                {QStringLiteral("--demo"), QStringLiteral("--data-dir"), dir.path()});
    QVERIFY(first.waitForStarted());
    // Running once its journal exists (it is created after the lock is taken).
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir.filePath(QStringLiteral("journal-demo.sqlite"))), 20000);

    QProcess second;
    second.setProcessEnvironment(env);
    second.start(QStringLiteral(LIPA_TILL_BINARY),
                 {QStringLiteral("--demo"), QStringLiteral("--data-dir"), dir.path()});
    QVERIFY(second.waitForFinished(20000));
    QCOMPARE(second.exitCode(), 3);
    QVERIFY2(QString::fromUtf8(second.readAllStandardError()).contains(QStringLiteral("already running")),
             "the second till did not say why it stopped");
    QCOMPARE(first.state(), QProcess::Running); // the first till carries on
    first.kill();
    first.waitForFinished();
}

void TestCommandLine::selfTestTakesADemoPayment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess till;
    till.setProcessEnvironment(env);
    till.start(QStringLiteral(LIPA_TILL_BINARY), {QStringLiteral("--self-test")});
    QVERIFY(till.waitForFinished(60000));
    const QString out = QString::fromUtf8(till.readAllStandardOutput());
    QCOMPARE(till.exitCode(), 0);
    QVERIFY2(out.contains(QRegularExpression(
                 QStringLiteral("self-test: paid KES 10 from 0712 \\S+ 678, M-Pesa receipt "
                                "[A-Z0-9]{10}"))),
             qPrintable(out));
}

void TestCommandLine::neverStartsAnEmptyJournalOverADamagedOne()
{
    // A damaged journal was moved aside on an earlier start, and the cashier chose Quit.
    QTemporaryDir dir;
    QFile aside(dir.filePath(QStringLiteral("journal-demo.sqlite.damaged-20261123-090000")));
    QVERIFY(aside.open(QIODevice::WriteOnly));
    aside.write("the old, damaged journal");
    aside.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess till;
    till.setProcessEnvironment(env);
    till.start(QStringLiteral(LIPA_TILL_BINARY),
               {QStringLiteral("--demo"), QStringLiteral("--data-dir"), dir.path()});
    QVERIFY(till.waitForFinished(20000));
    QCOMPARE(till.exitCode(), 1);
    QVERIFY(QString::fromUtf8(till.readAllStandardError()).contains(QStringLiteral("found damaged earlier")));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("journal-demo.sqlite")))); // no empty journal made
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
