// SPDX-License-Identifier: GPL-3.0-or-later
#include "Accessibility.h"
#include "MainWindow.h"
#include "ManagerPin.h"
#include "SettingsDialog.h"
#include "TestStack.h"
#include "TestWindow.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace lipa;
using namespace std::chrono_literals;

// The shop owner's way in: the first-run banner, the Settings dialog with its key checks and connection
// test, LIVE's confirmation, the shop database and its password, and the manager PIN in front of Settings
// and the export.
class TestSettingsDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qputenv("LIPA_TILL_KEYRING", "file"); }
    void init();
    void cleanup();

    void firstRunBannerLeadsToSettings();
    void configuresACustomTillEntirelyThroughTheDialog();
    void keysThatContradictTheEnvironmentCannotBeSaved();
    void httpToAnotherHostIsRefused();
    void wrongSecretKeyIsReportedByTheConnectionTest();
    void switchingToLiveAsksFirst();
    void keysAreMasked();
    void eachEnvironmentShowsItsOwnKeys();
    void everyFieldIsNamedAndFitsA1024x600Screen();
    void pinGuardsSettingsAndExportWithGrowingWaits();
    void shopUrlWithAPasswordCannotBeSaved();
    void shopDatabaseIsSavedWithItsPasswordInTheKeyStoreOnly();

private:
    SettingsDialog* openDialog();
    template <typename T>
    T* child(QWidget* parent, const char* name) const
    {
        return parent->findChild<T*>(QString::fromLatin1(name));
    }
    void choose(SettingsDialog* dialog, EnvironmentKind kind);
    QString iniPath() const { return m_dir->filePath(Settings::fileName()); }
    QByteArray everythingWritten() const;
    void saveAndWaitForRestart(SettingsDialog* dialog);
    QString storedShopPassword() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<KeyStore> m_keys;
    std::unique_ptr<test::TestStack> m_stack;
    std::unique_ptr<MainWindow> m_window;
    Settings m_settings;
};

void TestSettingsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_keys = std::make_unique<KeyStore>(m_dir->path());
    m_stack = std::make_unique<test::TestStack>();
    m_window = test::makeWindow(*m_stack);
    m_window->setSettingsAccess(m_settings, iniPath(), m_keys.get());
    QVERIFY(test::showActive(*m_window));
}

void TestSettingsDialog::cleanup()
{
    m_window.reset();
    m_stack.reset();
    m_keys.reset();
    m_dir.reset();
    m_settings = {};
}

SettingsDialog* TestSettingsDialog::openDialog()
{
    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    SettingsDialog* dialog = nullptr;
    (void)QTest::qWaitFor([&] {
        dialog = m_window->findChild<SettingsDialog*>();
        return dialog && dialog->isVisible();
    });
    return dialog;
}

void TestSettingsDialog::choose(SettingsDialog* dialog, EnvironmentKind kind)
{
    auto* box = child<QComboBox>(dialog, "environmentBox");
    box->setCurrentIndex(box->findData(static_cast<int>(kind)));
}

QByteArray TestSettingsDialog::everythingWritten() const
{
    QByteArray all;
    QFile ini(iniPath());
    if (ini.open(QIODevice::ReadOnly))
        all += ini.readAll();
    return all;
}

void TestSettingsDialog::saveAndWaitForRestart(SettingsDialog* dialog)
{
    QSignalSpy restart(m_window.get(), &MainWindow::restartRequested);
    QVERIFY(child<QPushButton>(dialog, "saveButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QTRY_COMPARE(restart.size(), 1);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

QString TestSettingsDialog::storedShopPassword() const
{
    KeyStore store(m_dir->path());
    std::optional<QString> password;
    store.loadShopPassword(&store, [&password](const QString& stored) { password = stored; });
    (void)QTest::qWaitFor([&password] { return password.has_value(); });
    return password.value_or(QStringLiteral("(the key store did not answer)"));
}

void TestSettingsDialog::firstRunBannerLeadsToSettings()
{
    m_window->showBanner(MainWindow::firstRunBanner());
    QCOMPARE(child<QLabel>(m_window.get(), "banner")->text(),
             QStringLiteral("Demo mode — no real money. Open Settings to connect your IntaSend account."));
    auto* button = child<QPushButton>(m_window.get(), "bannerSettingsButton");
    QVERIFY(button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(m_window->findChild<SettingsDialog*>());
}

void TestSettingsDialog::configuresACustomTillEntirelyThroughTheDialog()
{
    SettingsDialog* dialog = openDialog();
    QVERIFY(dialog);
    // In demo the keys are not asked for.
    QVERIFY(!child<QLineEdit>(dialog, "publicKeyEdit")->isEnabled());
    QVERIFY(child<QPushButton>(dialog, "saveButton")->isEnabled());

    choose(dialog, EnvironmentKind::Custom);
    QVERIFY(!child<QPushButton>(dialog, "saveButton")->isEnabled()); // no URL, no key yet
    QTest::keyClicks(child<QLineEdit>(dialog, "baseUrlEdit"), m_stack->simulator.baseUrl().toString());
    QTest::keyClicks(child<QLineEdit>(dialog, "publicKeyEdit"), QStringLiteral("ISPubKey_test_shop42"));
    QTest::keyClicks(child<QLineEdit>(dialog, "secretKeyEdit"), QStringLiteral("ISSecretKey_test_shop42"));
    QVERIFY(child<QLabel>(dialog, "keysNote")->text().contains(QStringLiteral("no keyring")));
    QTest::mouseClick(child<QPushButton>(dialog, "testButton"), Qt::LeftButton);
    QTRY_COMPARE(child<QLabel>(dialog, "testResult")->text(),
                 QStringLiteral("Connected: IntaSend accepted the keys."));

    auto* name = child<QLineEdit>(dialog, "tillNameEdit");
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Duka la Mama"));
    child<QCheckBox>(dialog, "soundCheck")->setChecked(false);
    QTest::keyClicks(child<QLineEdit>(dialog, "newPinEdit"), QStringLiteral("4321"));
    QVERIFY(!child<QPushButton>(dialog, "saveButton")->isEnabled()); // the PIN twice first
    QVERIFY(child<QLabel>(dialog, "settingsProblem")->text().contains(QStringLiteral("not the same")));
    QTest::keyClicks(child<QLineEdit>(dialog, "newPinAgainEdit"), QStringLiteral("4321"));
    QVERIFY(child<QPushButton>(dialog, "saveButton")->isEnabled());

    QSignalSpy restart(m_window.get(), &MainWindow::restartRequested);
    QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QTRY_COMPARE(restart.size(), 1);

    QStringList problems;
    const Settings saved = Settings::load(iniPath(), &problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(saved.environment, EnvironmentKind::Custom);
    QCOMPARE(saved.baseUrl, m_stack->simulator.baseUrl().toString());
    QCOMPARE(saved.tillName, QStringLiteral("Duka la Mama"));
    QCOMPARE(saved.sound, false);
    QVERIFY(ManagerPin::matches(QStringLiteral("4321"), saved.managerPinHash));
    KeyStore store(m_dir->path());
    std::optional<IntaSendKeys> keys;
    store.load(EnvironmentKind::Custom, &store, [&keys](const IntaSendKeys& stored) { keys = stored; });
    QTRY_VERIFY(keys.has_value());
    QCOMPARE(keys->publicKey, QStringLiteral("ISPubKey_test_shop42"));
    QCOMPARE(keys->secretKey, QStringLiteral("ISSecretKey_test_shop42"));
    // The keys are in the key store only, never in the settings file.
    QVERIFY(!everythingWritten().contains("shop42"));
    QVERIFY(!everythingWritten().contains("4321"));
}

void TestSettingsDialog::keysThatContradictTheEnvironmentCannotBeSaved()
{
    SettingsDialog* dialog = openDialog();
    choose(dialog, EnvironmentKind::Live);
    QTest::keyClicks(child<QLineEdit>(dialog, "publicKeyEdit"), QStringLiteral("ISPubKey_test_abc"));
    QVERIFY(!child<QPushButton>(dialog, "saveButton")->isEnabled());
    QVERIFY2(child<QLabel>(dialog, "settingsProblem")->text().contains(QStringLiteral("test key")),
             qPrintable(child<QLabel>(dialog, "settingsProblem")->text()));
    choose(dialog, EnvironmentKind::Sandbox);
    QTest::keyClicks(child<QLineEdit>(dialog, "publicKeyEdit"), QStringLiteral("ISPubKey_test_abc"));
    QTest::keyClicks(child<QLineEdit>(dialog, "secretKeyEdit"), QStringLiteral("ISSecretKey_live_abc"));
    QVERIFY(!child<QPushButton>(dialog, "saveButton")->isEnabled());
    child<QLineEdit>(dialog, "secretKeyEdit")->clear();
    QVERIFY(child<QPushButton>(dialog, "saveButton")->isEnabled());
}

void TestSettingsDialog::httpToAnotherHostIsRefused()
{
    SettingsDialog* dialog = openDialog();
    choose(dialog, EnvironmentKind::Custom);
    QTest::keyClicks(child<QLineEdit>(dialog, "baseUrlEdit"), QStringLiteral("http://192.168.1.20:8000"));
    QTest::keyClicks(child<QLineEdit>(dialog, "publicKeyEdit"), QStringLiteral("ISPubKey_test_abc"));
    QVERIFY(!child<QPushButton>(dialog, "saveButton")->isEnabled());
    QVERIFY(child<QLabel>(dialog, "settingsProblem")->text().contains(QStringLiteral("plain http")));
}

void TestSettingsDialog::wrongSecretKeyIsReportedByTheConnectionTest()
{
    SettingsDialog* dialog = openDialog();
    choose(dialog, EnvironmentKind::Custom);
    QTest::keyClicks(child<QLineEdit>(dialog, "baseUrlEdit"), m_stack->simulator.baseUrl().toString());
    QTest::keyClicks(child<QLineEdit>(dialog, "publicKeyEdit"), QStringLiteral("ISPubKey_test_abc"));
    // A key IntaSend does not know (the simulator knows only ISSecretKey_… ones).
    child<QLineEdit>(dialog, "secretKeyEdit")->setText(QStringLiteral("wrong"));
    QTest::mouseClick(child<QPushButton>(dialog, "testButton"), Qt::LeftButton);
    QTRY_VERIFY(child<QLabel>(dialog, "testResult")
                    ->text()
                    .startsWith(QStringLiteral("IntaSend refused the secret key")));
    // Only the public key: IntaSend is asked about an invoice that cannot exist; a known key is accepted.
    child<QLineEdit>(dialog, "secretKeyEdit")->clear();
    QTest::mouseClick(child<QPushButton>(dialog, "testButton"), Qt::LeftButton);
    QTRY_COMPARE(child<QLabel>(dialog, "testResult")->text(),
                 QStringLiteral("Connected: IntaSend accepted the public key."));
    child<QLineEdit>(dialog, "publicKeyEdit")->setText(QStringLiteral("xyz"));
    QTest::mouseClick(child<QPushButton>(dialog, "testButton"), Qt::LeftButton);
    QTRY_VERIFY(
        child<QLabel>(dialog, "testResult")->text().startsWith(QStringLiteral("IntaSend did not accept")));
    // Nobody there.
    m_stack->simulator.close();
    child<QLineEdit>(dialog, "publicKeyEdit")->setText(QStringLiteral("ISPubKey_test_abc"));
    QTest::mouseClick(child<QPushButton>(dialog, "testButton"), Qt::LeftButton);
    QTRY_VERIFY(
        child<QLabel>(dialog, "testResult")->text().startsWith(QStringLiteral("Could not reach IntaSend")));
}

void TestSettingsDialog::switchingToLiveAsksFirst()
{
    SettingsDialog* dialog = openDialog();
    choose(dialog, EnvironmentKind::Live);
    QTest::keyClicks(child<QLineEdit>(dialog, "publicKeyEdit"), QStringLiteral("ISPubKey_live_abc"));
    QSignalSpy saved(dialog, &SettingsDialog::saved);
    QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QMessageBox* confirm = nullptr;
    QTRY_VERIFY((confirm = dialog->findChild<QMessageBox*>(QStringLiteral("confirmLiveDialog"))) &&
                confirm->isVisible());
    QVERIFY(confirm->text().contains(QStringLiteral("real money")));
    QTest::keyClick(confirm, Qt::Key_Return); // the default is Cancel
    QTRY_VERIFY(!dialog->findChild<QMessageBox*>(QStringLiteral("confirmLiveDialog")));
    QCOMPARE(saved.size(), 0);
    QVERIFY(!QFile::exists(iniPath()));

    QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QTRY_VERIFY((confirm = dialog->findChild<QMessageBox*>(QStringLiteral("confirmLiveDialog"))) &&
                confirm->isVisible());
    QTest::mouseClick(child<QPushButton>(confirm, "switchToLive"), Qt::LeftButton);
    QTRY_COMPARE(saved.size(), 1);
    QStringList problems;
    QCOMPARE(Settings::load(iniPath(), &problems).environment, EnvironmentKind::Live);
}

void TestSettingsDialog::keysAreMasked()
{
    SettingsDialog* dialog = openDialog();
    choose(dialog, EnvironmentKind::Sandbox);
    for (const char* name : {"publicKeyEdit", "secretKeyEdit"}) {
        auto* edit = child<QLineEdit>(dialog, name);
        QTest::keyClicks(edit, QStringLiteral("ISSecretKey_test_visible"));
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QVERIFY(!edit->displayText().contains(QStringLiteral("visible")));
    }
}

void TestSettingsDialog::eachEnvironmentShowsItsOwnKeys()
{
    bool stored = false;
    m_keys->save(EnvironmentKind::Sandbox,
                 {QStringLiteral("ISPubKey_test_s1"), QStringLiteral("ISSecretKey_test_s1")}, m_keys.get(),
                 [&stored](const QString& error) { stored = error.isEmpty(); });
    QTRY_VERIFY(stored);
    stored = false;
    m_keys->save(EnvironmentKind::Live, {QStringLiteral("ISPubKey_live_l1"), QString()}, m_keys.get(),
                 [&stored](const QString& error) { stored = error.isEmpty(); });
    QTRY_VERIFY(stored);

    SettingsDialog* dialog = openDialog();
    auto* publicKey = child<QLineEdit>(dialog, "publicKeyEdit");
    auto* secretKey = child<QLineEdit>(dialog, "secretKeyEdit");
    choose(dialog, EnvironmentKind::Sandbox);
    QTRY_COMPARE(publicKey->text(), QStringLiteral("ISPubKey_test_s1"));
    QCOMPARE(secretKey->text(), QStringLiteral("ISSecretKey_test_s1"));
    choose(dialog, EnvironmentKind::Live);
    QTRY_COMPARE(publicKey->text(), QStringLiteral("ISPubKey_live_l1"));
    QVERIFY(secretKey->text().isEmpty());
    QCOMPARE(dialog->editedKeys().publicKey, QStringLiteral("ISPubKey_live_l1"));
    choose(dialog, EnvironmentKind::Demo);
    QVERIFY(publicKey->text().isEmpty());
    QVERIFY(!publicKey->isEnabled());
    dialog->reject();
}

void TestSettingsDialog::pinGuardsSettingsAndExportWithGrowingWaits()
{
    m_settings.managerPinHash = ManagerPin::hash(QStringLiteral("2468"));
    m_window->setSettingsAccess(m_settings, iniPath(), m_keys.get());
    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    QDialog* pin = nullptr;
    QTRY_VERIFY((pin = m_window->findChild<QDialog*>(QStringLiteral("pinDialog"))) && pin->isVisible());
    QVERIFY(!m_window->findChild<SettingsDialog*>());
    auto* edit = child<QLineEdit>(pin, "pinEdit");
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    for (const char* wrong : {"1111", "2222"}) {
        QTest::keyClicks(edit, QString::fromLatin1(wrong));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(child<QLabel>(pin, "pinMessage")->text(), QStringLiteral("Wrong PIN."));
    }
    QTest::keyClicks(edit, QStringLiteral("3333"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(child<QLabel>(pin, "pinMessage")->text(), QStringLiteral("Wrong PIN. Try again in 5 seconds."));
    QTest::keyClicks(edit, QStringLiteral("2468"));
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(child<QLabel>(pin, "pinMessage")->text().startsWith(QStringLiteral("Too many wrong PINs")));
    QVERIFY(!m_window->findChild<SettingsDialog*>());
    m_stack->clock.advance(5s);
    QTest::keyClicks(edit, QStringLiteral("2468"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY(m_window->findChild<SettingsDialog*>());
    m_window->findChild<SettingsDialog*>()->reject();

    // The export asks too.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
    QTRY_VERIFY((pin = m_window->findChild<QDialog*>(QStringLiteral("pinDialog"))) && pin->isVisible());
    QVERIFY(child<QLabel>(pin, "pinMessage")->text().isEmpty());
    pin->reject();
}

void TestSettingsDialog::everyFieldIsNamedAndFitsA1024x600Screen()
{
    SettingsDialog* dialog = openDialog();
    QVERIFY(dialog);
    QStringList unnamed;
    const int fields = static_cast<int>(test::tabbableControls(dialog, &unnamed).size());
    QVERIFY2(unnamed.isEmpty(),
             qPrintable(QStringLiteral("without an accessible name: ") + unnamed.join(u' ')));
    QVERIFY(fields >= 12);
    // On a 1024x600 screen the settings scroll; Save and Cancel stay in view.
    dialog->resize(dialog->width(), 560);
    QTRY_COMPARE(dialog->height(), 560);
    auto* save = dialog->findChild<QPushButton*>(QStringLiteral("saveButton"));
    QVERIFY(dialog->rect().contains(QRect(save->mapTo(dialog, QPoint(0, 0)), save->size())));
    dialog->reject();
}

void TestSettingsDialog::shopUrlWithAPasswordCannotBeSaved()
{
    SettingsDialog* dialog = openDialog();
    QVERIFY(dialog);
    auto* url = child<QLineEdit>(dialog, "shopDatabaseEdit");
    auto* save = child<QPushButton>(dialog, "saveButton");
    auto* problem = child<QLabel>(dialog, "settingsProblem");
    QCOMPARE(url->placeholderText(), QStringLiteral("postgresql://lipa_till@192.168.1.10:5432/lipa_shop"));
    QCOMPARE(child<QLabel>(dialog, "tillIdLabel")->text(), QStringLiteral("made at first start"));
    QVERIFY(save->isEnabled()); // empty: a till on its own

    QTest::keyClicks(url, QStringLiteral("postgresql://u:secret@h/db"));
    QVERIFY(!save->isEnabled());
    QVERIFY2(problem->text().contains(QStringLiteral("must not contain the password")),
             qPrintable(problem->text()));
    QVERIFY(!problem->text().contains(QStringLiteral("secret"))); // the URL is never quoted back

    url->setText(QStringLiteral("mysql://u@h/db"));
    QVERIFY(!save->isEnabled());
    QVERIFY(problem->text().contains(QStringLiteral("postgresql://")));
    url->setText(QStringLiteral("postgresql://u@h/db"));
    QVERIFY(save->isEnabled());
    QVERIFY(problem->text().isEmpty());
    url->clear();
    QVERIFY(save->isEnabled());
    dialog->reject();
}

void TestSettingsDialog::shopDatabaseIsSavedWithItsPasswordInTheKeyStoreOnly()
{
    m_settings.tillId = QStringLiteral("3f2c8a1e-5b7d-4c9e-a0f1-6d2b8e4c7a95");
    m_window->setSettingsAccess(m_settings, iniPath(), m_keys.get());
    SettingsDialog* dialog = openDialog();
    QVERIFY(dialog);
    QCOMPARE(child<QLabel>(dialog, "tillIdLabel")->text(), m_settings.tillId);
    auto* url = child<QLineEdit>(dialog, "shopDatabaseEdit");
    auto* password = child<QLineEdit>(dialog, "shopPasswordEdit");
    auto* branch = child<QLineEdit>(dialog, "shopBranchEdit");
    QVERIFY(!child<QCheckBox>(dialog, "forgetShopPasswordBox")->isVisibleTo(dialog)); // none stored yet
    // Tab goes from the URL to the password to the branch.
    url->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), url);
    QTest::keyClicks(url,
                     QStringLiteral("postgresql://lipa_till@192.168.1.10:5432/lipa_shop?sslmode=require"));
    QTest::keyClick(url, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), password);
    QTest::keyClicks(password, QStringLiteral("pg-pass-7731"));
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QVERIFY(!password->displayText().contains(QStringLiteral("7731")));
    QTest::keyClick(password, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), branch);
    QTest::keyClicks(branch, QStringLiteral("Kisumu"));
    saveAndWaitForRestart(dialog);

    QStringList problems;
    const Settings saved = Settings::load(iniPath(), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(saved.shopDatabase,
             QStringLiteral("postgresql://lipa_till@192.168.1.10:5432/lipa_shop?sslmode=require"));
    QCOMPARE(saved.shopBranch, QStringLiteral("Kisumu"));
    QCOMPARE(saved.tillId, m_settings.tillId);
    // The password is in the key store only, never in the settings file.
    QVERIFY(everythingWritten().contains("lipa_shop"));
    QVERIFY(!everythingWritten().contains("pg-pass-7731"));
    QCOMPARE(storedShopPassword(), QStringLiteral("pg-pass-7731"));

    // Opened again: an empty password field keeps the stored password.
    m_window->setSettingsAccess(saved, iniPath(), m_keys.get());
    dialog = openDialog();
    QVERIFY(dialog);
    QCOMPARE(child<QLineEdit>(dialog, "shopDatabaseEdit")->text(), saved.shopDatabase);
    QVERIFY(child<QLineEdit>(dialog, "shopPasswordEdit")->text().isEmpty());
    child<QLineEdit>(dialog, "shopBranchEdit")->setText(QStringLiteral("Nakuru"));
    saveAndWaitForRestart(dialog);
    QCOMPARE(Settings::load(iniPath(), &problems).shopBranch, QStringLiteral("Nakuru"));
    QCOMPARE(storedShopPassword(), QStringLiteral("pg-pass-7731"));

    // And the stored password can be removed.
    dialog = openDialog();
    QVERIFY(dialog);
    auto* forget = child<QCheckBox>(dialog, "forgetShopPasswordBox");
    QTRY_VERIFY(forget->isVisibleTo(dialog));
    forget->setChecked(true);
    QVERIFY(!child<QLineEdit>(dialog, "shopPasswordEdit")->isEnabled());
    saveAndWaitForRestart(dialog);
    QCOMPARE(storedShopPassword(), QString());
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
