// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <unistd.h>

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
    void simulatorFaultsFromTheCommandLineAndStdin();
    void secondTillOnTheSameFolderExits();
    void selfTestTakesADemoPayment();
    void neverStartsAnEmptyJournalOverADamagedOne();
    void dataFolderThatIsAFileSaysSo();
    void linkInPlaceOfTheJournalIsRefused();
    void linkInPlaceOfTheLockIsRefused();
    void unwritableDataFolderIsNotCalledAnotherTill();

private:
    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QString& program, const QStringList& arguments, const QProcessEnvironment& env = {});
    // The till on the offscreen platform (what is past the command line needs a QApplication).
    Run runTillOffscreen(const QStringList& arguments);
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

TestCommandLine::Run TestCommandLine::runTillOffscreen(const QStringList& arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess till;
    till.setProcessEnvironment(env);
    till.start(QStringLiteral(LIPA_TILL_BINARY), arguments);
    if (!till.waitForFinished(30000)) {
        till.kill();
        till.waitForFinished();
        return {};
    }
    return {till.exitStatus() == QProcess::NormalExit ? till.exitCode() : -1,
            QString::fromUtf8(till.readAllStandardOutput()), QString::fromUtf8(till.readAllStandardError())};
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
    QTest::newRow("http to a private address") << "http://192.168.1.10:8000"
                                               << "plain http";
    QTest::newRow("http to a name that starts like localhost") << "http://localhost.example.com"
                                                               << "plain http";
    QTest::newRow("no host") << "https://"
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

void TestCommandLine::simulatorFaultsFromTheCommandLineAndStdin()
{
    const Run unknown =
        run(QStringLiteral(LIPA_SIMULATOR_BINARY), {QStringLiteral("--fault"), QStringLiteral("explode")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains(QStringLiteral("slow-drip")), qPrintable(unknown.err)); // lists the modes
    QCOMPARE(
        run(QStringLiteral(LIPA_SIMULATOR_BINARY), {QStringLiteral("--fault"), QStringLiteral("delay=soon")})
            .exitCode,
        2);
    QCOMPARE(
        run(QStringLiteral(LIPA_SIMULATOR_BINARY), {QStringLiteral("--fault-on"), QStringLiteral("both")})
            .exitCode,
        2);

    QProcess simulator;
    simulator.start(QStringLiteral(LIPA_SIMULATOR_BINARY),
                    {QStringLiteral("--fault"), QStringLiteral("503-html"), QStringLiteral("--fault-on"),
                     QStringLiteral("push")});
    QVERIFY(simulator.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(simulator.canReadLine(), 10000);
    const QString url = QString::fromUtf8(simulator.readLine()).section(u' ', -1).trimmed();
    QTRY_VERIFY(simulator.canReadLine());
    QCOMPARE(QString::fromUtf8(simulator.readLine()).trimmed(), QStringLiteral("fault 503-html on push"));

    // A push meets the fault.
    const auto post = [&url](const QByteArray& path, const QByteArray& body) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(QUrl(url).port()));
        if (!socket.waitForConnected(5000))
            return QByteArray();
        socket.write("POST " + path +
                     " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "Content-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QByteArray answer;
        while (!answer.contains("\r\n\r\n") && socket.waitForReadyRead(5000))
            answer += socket.readAll();
        return answer.left(answer.indexOf("\r\n"));
    };
    const QByteArray push = R"({"public_key":"ISPubKey_test_x","currency":"KES","method":"M-PESA",)"
                            R"("phone_number":"254712345678","amount":10})";
    const QByteArray status = R"({"public_key":"ISPubKey_test_x","invoice_id":150})";
    const auto nextFaultLine = [&simulator] {
        QString line;
        while (!line.startsWith(u"fault") && simulator.waitForReadyRead(5000)) {
            while (simulator.canReadLine() && !line.startsWith(u"fault"))
                line = QString::fromUtf8(simulator.readLine()).trimmed();
        }
        return line;
    };
    QCOMPARE(post("/api/v1/payment/collection/", push), QByteArray("HTTP/1.1 503 Service Unavailable"));
    // Switched from standard input, as a person trying the till would: now pushes work and status
    // checks get a 500.
    simulator.write("fault 500 on status\n");
    QCOMPARE(nextFaultLine(), QStringLiteral("fault 500 on status"));
    QCOMPARE(post("/api/v1/payment/collection/", push), QByteArray("HTTP/1.1 200 OK"));
    QCOMPARE(post("/api/v1/payment/status/", status), QByteArray("HTTP/1.1 500 Internal Server Error"));
    simulator.write("fault refuse\n");
    QCOMPARE(nextFaultLine(), QStringLiteral("fault refuse on all"));
    QCOMPARE(post("/api/v1/payment/status/", status), QByteArray());
    simulator.write("fault none\n");
    QCOMPARE(nextFaultLine(), QStringLiteral("fault none on all"));
    QCOMPARE(post("/api/v1/payment/status/", status), QByteArray("HTTP/1.1 200 OK"));
    simulator.kill();
    simulator.waitForFinished();
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

void TestCommandLine::dataFolderThatIsAFileSaysSo()
{
    QTemporaryDir dir;
    const QString notAFolder = dir.filePath(QStringLiteral("data"));
    QFile file(notAFolder);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const Run result = run(QStringLiteral(LIPA_TILL_BINARY), {QStringLiteral("--data-dir"), notAFolder});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("lipa-till: cannot create the data directory ")),
             qPrintable(result.err));
}

void TestCommandLine::linkInPlaceOfTheJournalIsRefused()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(data));
    const QString target = dir.filePath(QStringLiteral("someone-elses-file"));
    QFile other(target);
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write("not the till's");
    other.close();
    QVERIFY(QFile::link(target, QDir(data).filePath(QStringLiteral("journal-demo.sqlite"))));

    const Run result = runTillOffscreen({QStringLiteral("--demo"), QStringLiteral("--data-dir"), data});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("lipa-till: The journal ")) &&
                 result.err.contains(QStringLiteral("symbolic link")),
             qPrintable(result.err));
    QVERIFY(other.open(QIODevice::ReadOnly));
    QCOMPARE(other.readAll(), QByteArray("not the till's"));
    QVERIFY(!QFile::exists(target + QStringLiteral("-wal")));
}

void TestCommandLine::linkInPlaceOfTheLockIsRefused()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(data));
    const QString target = dir.filePath(QStringLiteral("someone-elses-file"));
    QFile other(target);
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write("not the till's");
    other.close();
    const QString lock = QDir(data).filePath(QStringLiteral("lipa-till.lock"));
    QVERIFY(QFile::link(target, lock));

    const Run result = runTillOffscreen({QStringLiteral("--demo"), QStringLiteral("--data-dir"), data});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("lipa-till: ") + lock) &&
                 result.err.contains(QStringLiteral("symbolic link")),
             qPrintable(result.err));
    QVERIFY(QFileInfo(lock).isSymLink()); // neither followed nor removed as a stale lock
    QVERIFY(other.open(QIODevice::ReadOnly));
    QCOMPARE(other.readAll(), QByteArray("not the till's"));
    QVERIFY(!QFile::exists(QDir(data).filePath(QStringLiteral("journal-demo.sqlite")))); // it stopped first
}

void TestCommandLine::unwritableDataFolderIsNotCalledAnotherTill()
{
    if (::geteuid() == 0)
        QSKIP("root can write to any folder");
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(data));
    QVERIFY(QFile::setPermissions(data, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const Run result = runTillOffscreen({QStringLiteral("--demo"), QStringLiteral("--data-dir"), data});
    QFile::setPermissions(data, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("lipa-till: the lock file ")) &&
                 result.err.contains(QStringLiteral("cannot be written")),
             qPrintable(result.err));
    QVERIFY2(!result.err.contains(QStringLiteral("already running")), qPrintable(result.err));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
