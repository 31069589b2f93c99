#include "KeyStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lipa;

// The key store on a till without a keyring (as in CI: no D-Bus session), and forced to the file.
class TestKeyStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fallsBackToAnOwnerOnlyFileWithoutAKeyring();
    void keepsKeysPerEnvironmentAndRemovesEmptyOnes();
    void forcedFileNeverAsksTheKeyring();
};

namespace {

QFileDevice::Permissions othersCanDo(const QString& path)
{
    return QFile::permissions(path) &
           (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
            QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther);
}

} // namespace

void TestKeyStore::fallsBackToAnOwnerOnlyFileWithoutAKeyring()
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/lipa-test-bus");
    qunsetenv("LIPA_TILL_KEYRING");
    QTemporaryDir dir;
    KeyStore store(dir.path());
    QString error;
    QVERIFY2(store.save(QStringLiteral("sandbox"),
                        {QStringLiteral("ISPubKey_test_abc"), QStringLiteral("ISSecretKey_test_def")},
                        &error),
             qPrintable(error));
    QCOMPARE(store.backend(), KeyStore::Backend::File);
    QVERIFY(store.describe().contains(QStringLiteral("no keyring")));
    QVERIFY(QFile::exists(store.filePath()));
    QCOMPARE(othersCanDo(store.filePath()), QFileDevice::Permissions());
    QVERIFY(QFile::permissions(store.filePath()) & QFileDevice::ReadOwner);

    KeyStore again(dir.path());
    const IntaSendKeys keys = again.load(QStringLiteral("sandbox"));
    QCOMPARE(keys.publicKey, QStringLiteral("ISPubKey_test_abc"));
    QCOMPARE(keys.secretKey, QStringLiteral("ISSecretKey_test_def"));
}

void TestKeyStore::keepsKeysPerEnvironmentAndRemovesEmptyOnes()
{
    qputenv("LIPA_TILL_KEYRING", "file");
    QTemporaryDir dir;
    KeyStore store(dir.path());
    QString error;
    QVERIFY(store.save(QStringLiteral("sandbox"),
                       {QStringLiteral("ISPubKey_test_s"), QStringLiteral("ISSecretKey_test_s")}, &error));
    QVERIFY(store.save(QStringLiteral("live"), {QStringLiteral("ISPubKey_live_l"), QString()}, &error));
    QCOMPARE(store.load(QStringLiteral("live")).publicKey, QStringLiteral("ISPubKey_live_l"));
    QCOMPARE(store.load(QStringLiteral("sandbox")).secretKey, QStringLiteral("ISSecretKey_test_s"));
    // The secret key taken away again: gone from the file, not just blank.
    QVERIFY(store.save(QStringLiteral("sandbox"), {QStringLiteral("ISPubKey_test_s"), QString()}, &error));
    QVERIFY(store.load(QStringLiteral("sandbox")).secretKey.isEmpty());
    QFile file(store.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("ISSecretKey_test_s"));
    QCOMPARE(othersCanDo(store.filePath()), QFileDevice::Permissions());
    QVERIFY(store.load(QStringLiteral("custom")).publicKey.isEmpty());
}

void TestKeyStore::forcedFileNeverAsksTheKeyring()
{
    qputenv("LIPA_TILL_KEYRING", "file");
    QTemporaryDir dir;
    KeyStore store(dir.path());
    QCOMPARE(store.backend(), KeyStore::Backend::File);
    QVERIFY(store.describe().contains(dir.path()));
}

QTEST_GUILESS_MAIN(TestKeyStore)
#include "tst_keystore.moc"
