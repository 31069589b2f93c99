// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace lipa;

// The key store on a till without a keyring (as in CI: no D-Bus session), and forced to the file.
class TestKeyStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fallsBackToAnOwnerOnlyFileWithoutAKeyring();
    void keepsKeysPerEnvironmentAndRemovesEmptyOnes();
    void forcedFileNeverAsksTheKeyring();
    void fileAnswersBeforeLoadReturns();
};

namespace {

QFileDevice::Permissions othersCanDo(const QString& path)
{
    return QFile::permissions(path) &
           (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
            QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther);
}

// The store answers through a callback; a test may wait for the answer (the till never does).
bool saveAndWait(KeyStore& store, EnvironmentKind environment, const IntaSendKeys& keys, QString* error)
{
    std::optional<QString> answer;
    store.save(environment, keys, &store, [&answer](const QString& why) { answer = why; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 15000)) {
        *error = QStringLiteral("the key store did not answer");
        return false;
    }
    *error = *answer;
    return answer->isEmpty();
}

IntaSendKeys loadAndWait(KeyStore& store, EnvironmentKind environment)
{
    std::optional<IntaSendKeys> answer;
    store.load(environment, &store, [&answer](const IntaSendKeys& keys) { answer = keys; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 15000))
        qWarning("the key store did not answer");
    return answer.value_or(IntaSendKeys{});
}

} // namespace

void TestKeyStore::fallsBackToAnOwnerOnlyFileWithoutAKeyring()
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/lipa-test-bus");
    qunsetenv("LIPA_TILL_KEYRING");
    QTemporaryDir dir;
    KeyStore store(dir.path());
    QString error;
    QVERIFY2(saveAndWait(store, EnvironmentKind::Sandbox,
                         {QStringLiteral("ISPubKey_test_abc"), QStringLiteral("ISSecretKey_test_def")},
                         &error),
             qPrintable(error));
    QCOMPARE(store.backend(), KeyStore::Backend::File);
    QVERIFY(store.describe().contains(QStringLiteral("no keyring")));
    QVERIFY(QFile::exists(store.filePath()));
    QCOMPARE(othersCanDo(store.filePath()), QFileDevice::Permissions());
    QVERIFY(QFile::permissions(store.filePath()) & QFileDevice::ReadOwner);

    KeyStore again(dir.path());
    const IntaSendKeys keys = loadAndWait(again, EnvironmentKind::Sandbox);
    QCOMPARE(keys.publicKey, QStringLiteral("ISPubKey_test_abc"));
    QCOMPARE(keys.secretKey, QStringLiteral("ISSecretKey_test_def"));
}

void TestKeyStore::keepsKeysPerEnvironmentAndRemovesEmptyOnes()
{
    qputenv("LIPA_TILL_KEYRING", "file");
    QTemporaryDir dir;
    KeyStore store(dir.path());
    QString error;
    QVERIFY(saveAndWait(store, EnvironmentKind::Sandbox,
                        {QStringLiteral("ISPubKey_test_s"), QStringLiteral("ISSecretKey_test_s")}, &error));
    QVERIFY(
        saveAndWait(store, EnvironmentKind::Live, {QStringLiteral("ISPubKey_live_l"), QString()}, &error));
    QCOMPARE(loadAndWait(store, EnvironmentKind::Live).publicKey, QStringLiteral("ISPubKey_live_l"));
    QCOMPARE(loadAndWait(store, EnvironmentKind::Sandbox).secretKey, QStringLiteral("ISSecretKey_test_s"));
    // The secret key taken away again: gone from the file, not just blank.
    QVERIFY(
        saveAndWait(store, EnvironmentKind::Sandbox, {QStringLiteral("ISPubKey_test_s"), QString()}, &error));
    QVERIFY(loadAndWait(store, EnvironmentKind::Sandbox).secretKey.isEmpty());
    QFile file(store.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("ISSecretKey_test_s"));
    QCOMPARE(othersCanDo(store.filePath()), QFileDevice::Permissions());
    QVERIFY(loadAndWait(store, EnvironmentKind::Custom).publicKey.isEmpty());
}

void TestKeyStore::forcedFileNeverAsksTheKeyring()
{
    qputenv("LIPA_TILL_KEYRING", "file");
    QTemporaryDir dir;
    KeyStore store(dir.path());
    QCOMPARE(store.backend(), KeyStore::Backend::File);
    QVERIFY(store.describe().contains(dir.path()));
}

void TestKeyStore::fileAnswersBeforeLoadReturns()
{
    // The Settings dialog and start-up take the file's answer at once: nothing to wait for, no flicker.
    qputenv("LIPA_TILL_KEYRING", "file");
    QTemporaryDir dir;
    KeyStore store(dir.path());
    QString error;
    QVERIFY(saveAndWait(store, EnvironmentKind::Sandbox, {QStringLiteral("ISPubKey_test_now"), QString()},
                        &error));
    std::optional<IntaSendKeys> answer;
    store.load(EnvironmentKind::Sandbox, &store, [&answer](const IntaSendKeys& keys) { answer = keys; });
    QVERIFY(answer.has_value());
    QCOMPARE(answer->publicKey, QStringLiteral("ISPubKey_test_now"));
}

QTEST_GUILESS_MAIN(TestKeyStore)
#include "tst_keystore.moc"
