// SPDX-License-Identifier: GPL-3.0-or-later
#include "CashierDriver.h"
#include "MainWindow.h"
#include "PaymentListModel.h"
#include "SettingsDialog.h"
#include "TestStack.h"
#include "TestWindow.h"

#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace lipa;
using namespace std::chrono_literals;
using sim::FaultMode;
using sim::FaultScope;

namespace {

// Test keys nobody would type by chance: any of these in anything the till wrote is a leak.
const QString kPublicKey = QStringLiteral("ISPubKey_test_LEAK-CHECK-pub7Q");
const QString kSecretKey = QStringLiteral("ISSecretKey_test_LEAK-CHECK-sec9Z");
const QList<QByteArray> kTell{"LEAK-CHECK-pub7Q", "LEAK-CHECK-sec9Z"};

QString g_log; // every message the till logged, at every level

void captureMessage(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    g_log += QString::fromLatin1(context.category ? context.category : "") + u' ' + message + u'\n';
}

} // namespace

// Runs the till through payments, failures, a connection test, Settings and an export with real test
// keys, then searches everything it wrote (files, journal, log, what the screen shows) for them.
class TestSecrets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keysAppearNowhereButTheKeyStore();
};

void TestSecrets::keysAppearNowhereButTheKeyStore()
{
    qputenv("LIPA_TILL_KEYRING", "file");
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true\nlipa.*=true"));
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);

    QTemporaryDir dataDir;
    Journal::OpenError error;
    std::unique_ptr<Journal> journal =
        Journal::open(dataDir.filePath(QStringLiteral("journal-sandbox.sqlite")), &error);
    QVERIFY(journal);
    auto stack = std::make_unique<test::TestStack>(
        Settings{},
        [](ClientConfig& config) {
            config.publicKey = kPublicKey;
            config.secretKey = kSecretKey;
            config.transferTimeout = 800ms;
        },
        std::move(journal));
    KeyStore keys(dataDir.path());
    std::optional<QString> saveError; // the store answers through a callback (empty: stored)
    keys.save(EnvironmentKind::Custom, {kPublicKey, kSecretKey}, &keys,
              [&saveError](const QString& error) { saveError = error; });
    QTRY_VERIFY(saveError.has_value());
    QVERIFY2(saveError->isEmpty(), qPrintable(*saveError));
    Settings settings;
    settings.environment = EnvironmentKind::Custom;
    settings.baseUrl = stack->simulator.baseUrl().toString();
    auto window = test::makeWindow(*stack->stack, Environment::custom(stack->simulator.baseUrl()));
    window->setSettingsAccess(settings, dataDir.filePath(Settings::fileName()), &keys);
    QVERIFY(test::showActive(*window));

    const auto charge = [&](const QString& phone) {
        test::CashierDriver(window.get()).charge(QStringLiteral("150"), phone);
        return stack->waitForNetwork();
    };
    // Paid, failed, unknown (a 500 with a body), and status checks failing.
    QVERIFY(charge(QStringLiteral("0712345678")));
    QVERIFY(charge(QStringLiteral("0712345670")));
    QVERIFY(stack->advanceUntil([&] { return stack->todaysTotals().paidCount == 1; }, 30s));
    stack->simulator.setFault({FaultMode::ServerError, 0, FaultScope::Pushes});
    QVERIFY(charge(QStringLiteral("0712345671")));
    stack->simulator.setFault({FaultMode::DropAfterRequest, 0, FaultScope::StatusChecks});
    QVERIFY(charge(QStringLiteral("0712345672")));
    QVERIFY(stack->advanceUntil([&] { return !stack->health().trouble().isEmpty(); }, 60s));
    stack->simulator.setFault({});
    QCOMPARE(stack->simulator.pushes().first().route,
             QStringLiteral("mpesa-stk-push")); // the secret was used

    // Settings: the keys shown (masked), tested, saved; a picture of the dialog and the window.
    QTest::keyClick(window.get(), Qt::Key_Comma, Qt::ControlModifier);
    SettingsDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<SettingsDialog*>()) && dialog->isVisible());
    auto* publicEdit = dialog->findChild<QLineEdit*>(QStringLiteral("publicKeyEdit"));
    auto* secretEdit = dialog->findChild<QLineEdit*>(QStringLiteral("secretKeyEdit"));
    QCOMPARE(publicEdit->text(), kPublicKey); // loaded from the key store…
    QCOMPARE(secretEdit->text(), kSecretKey);
    for (QLineEdit* edit : {publicEdit, secretEdit}) // …but never shown
        QVERIFY(!edit->displayText().contains(QStringLiteral("LEAK-CHECK")));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("testButton")), Qt::LeftButton);
    QTRY_VERIFY(!dialog->findChild<QLabel*>(QStringLiteral("testResult"))
                     ->text()
                     .startsWith(QStringLiteral("Asking")));
    QVERIFY(dialog->grab().save(dataDir.filePath(QStringLiteral("settings.png"))));
    QSignalSpy restart(window.get(), &MainWindow::restartRequested);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_COMPARE(restart.size(), 1);
    QVERIFY(window->grab().save(dataDir.filePath(QStringLiteral("window.png"))));
    QVERIFY(window->exportCsv(dataDir.filePath(QStringLiteral("export.csv"))));

    window.reset();
    stack.reset(); // the journal is closed and its WAL checkpointed
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());

    QVERIFY2(g_log.contains(QStringLiteral("HTTP 500")), "the log was captured");
    for (const QByteArray& tell : kTell)
        QVERIFY2(!g_log.toUtf8().contains(tell),
                 qPrintable(QStringLiteral("the log holds a key:\n") + g_log));

    int searched = 0;
    QDirIterator files(dataDir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        if (path == keys.filePath())
            continue; // the one place the keys belong (0600, see tst_keystore)
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        for (const QByteArray& tell : kTell) {
            QVERIFY2(!bytes.contains(tell), qPrintable(path + QStringLiteral(" holds a key")));
            QVERIFY2(!bytes.contains(tell.toBase64()),
                     qPrintable(path + QStringLiteral(" holds a key (base64)")));
        }
        ++searched;
    }
    QVERIFY2(searched >= 4, "journal, settings, export and pictures were all searched");
    QFile keyFile(keys.filePath());
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    QVERIFY2(keyFile.readAll().contains(kTell.last()), "the keys were really in play");
}

QTEST_MAIN(TestSecrets)
#include "tst_secrets.moc"
