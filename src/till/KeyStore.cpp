#include "KeyStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace lipa {

Q_LOGGING_CATEGORY(lcKeys, "lipa.keys")

namespace {

const QString kService = QStringLiteral("Lipa Till");
constexpr std::chrono::seconds kKeyringPatience{5};

// Keyring entries are per data folder (two tills on one computer keep their own keys) and environment.
QString entryName(const QString& dataDir, const QString& environment, const char* which)
{
    const QByteArray folder =
        QCryptographicHash::hash(QDir(dataDir).absolutePath().toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(12);
    return QStringLiteral("%1/%2/%3").arg(QString::fromLatin1(folder), environment, QLatin1String(which));
}

// Runs a keychain job to its end on a local event loop (bounded: a keyring that never answers is no
// keyring).
void runJob(QKeychain::Job& job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(kKeyringPatience, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

struct KeychainAnswer {
    QKeychain::Error error = QKeychain::OtherError;
    QString text;
};

KeychainAnswer readEntry(const QString& key)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(key);
    runJob(job);
    return {job.error(), job.error() == QKeychain::NoError ? job.textData() : QString()};
}

QKeychain::Error writeEntry(const QString& key, const QString& value)
{
    if (value.isEmpty()) {
        QKeychain::DeletePasswordJob job(kService);
        job.setKey(key);
        runJob(job);
        return job.error() == QKeychain::EntryNotFound ? QKeychain::NoError : job.error();
    }
    QKeychain::WritePasswordJob job(kService);
    job.setKey(key);
    job.setTextData(value);
    runJob(job);
    return job.error();
}

} // namespace

KeyStore::KeyStore(QString dataDir)
    : m_dataDir(std::move(dataDir))
{
    if (QProcessEnvironment::systemEnvironment().value(QStringLiteral("LIPA_TILL_KEYRING")) == u"file") {
        m_backend = Backend::File;
        m_probed = true;
    }
}

QString KeyStore::filePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("lipa-till-keys.ini"));
}

QString KeyStore::describe() const
{
    if (m_backend == Backend::Keyring)
        return QCoreApplication::translate("lipa::KeyStore", "The keys are kept in this computer's keyring.");
    return QCoreApplication::translate(
               "lipa::KeyStore",
               "This computer has no keyring: the keys are kept in %1, which only this user can read.")
        .arg(QDir::toNativeSeparators(filePath()));
}

bool KeyStore::keyringUsable()
{
    if (!m_probed) {
        m_probed = true;
        // A read tells whether there is a keyring at all: "not found" is an answer, silence is not.
        const KeychainAnswer probe = readEntry(entryName(m_dataDir, QStringLiteral("probe"), "public"));
        if (probe.error != QKeychain::NoError && probe.error != QKeychain::EntryNotFound) {
            qCInfo(lcKeys) << "no usable keyring (error" << probe.error << "); keys go to" << filePath();
            m_backend = Backend::File;
        }
    }
    return m_backend == Backend::Keyring;
}

IntaSendKeys KeyStore::load(const QString& environment)
{
    IntaSendKeys keys;
    if (keyringUsable()) {
        keys.publicKey = readEntry(entryName(m_dataDir, environment, "public")).text;
        keys.secretKey = readEntry(entryName(m_dataDir, environment, "secret")).text;
        if (!keys.publicKey.isEmpty() || !keys.secretKey.isEmpty())
            return keys;
    }
    // Also where a keyring-less till left them, before a keyring appeared.
    const QSettings file(filePath(), QSettings::IniFormat);
    keys.publicKey = file.value(environment + QStringLiteral("/public_key")).toString();
    keys.secretKey = file.value(environment + QStringLiteral("/secret_key")).toString();
    if (!keys.publicKey.isEmpty() || !keys.secretKey.isEmpty())
        m_backend = Backend::File; // they are kept there (a keyring that would not take them); say so
    return keys;
}

bool KeyStore::save(const QString& environment, const IntaSendKeys& keys, QString* error)
{
    if (keyringUsable()) {
        const QKeychain::Error publicError =
            writeEntry(entryName(m_dataDir, environment, "public"), keys.publicKey);
        const QKeychain::Error secretError =
            writeEntry(entryName(m_dataDir, environment, "secret"), keys.secretKey);
        if (publicError == QKeychain::NoError && secretError == QKeychain::NoError)
            return true;
        qCWarning(lcKeys) << "the keyring did not take the keys (errors" << publicError << secretError
                          << "); using" << filePath();
        m_backend = Backend::File;
    }

    // The file exists, readable by its owner only, before a key is written to it; QSettings then
    // rewrites it through a save file that keeps those permissions.
    QFile file(filePath());
    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if ((!file.exists() && !file.open(QIODevice::WriteOnly)) || !file.setPermissions(ownerOnly)) {
        *error = QCoreApplication::translate("lipa::KeyStore", "The keys could not be saved to %1: %2")
                     .arg(QDir::toNativeSeparators(filePath()), file.errorString());
        return false;
    }
    file.close();
    QSettings settings(filePath(), QSettings::IniFormat);
    for (const auto& [name, value] : {std::pair{QStringLiteral("/public_key"), keys.publicKey},
                                      std::pair{QStringLiteral("/secret_key"), keys.secretKey}}) {
        if (value.isEmpty())
            settings.remove(environment + name);
        else
            settings.setValue(environment + name, value);
    }
    settings.sync();
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (settings.status() != QSettings::NoError || (QFile::permissions(filePath()) & others) != 0) {
        *error = QCoreApplication::translate("lipa::KeyStore", "The keys could not be saved safely to %1")
                     .arg(QDir::toNativeSeparators(filePath()));
        return false;
    }
    return true;
}

} // namespace lipa
