// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyStore.h"

#include "PrivateFiles.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QPointer>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>

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

struct KeychainAnswer {
    QKeychain::Error error = QKeychain::OtherError;
    QString text;
};

// Starts a keychain job and calls done once, unless owner is gone first: with its answer, or with an
// error after kKeyringPatience, as a keyring that never answers is no keyring.
// The job has no parent and deletes itself when it ends, however late: never before. QtKeychain's
// libsecret backend hands the keyring a bare pointer to the job, so a job deleted while the keyring is
// still thinking (its owner gone after the wait, as the start-up's key store is) would be written to
// after it was freed when the answer comes: memory corruption, and at best an abort.
void runJob(QKeychain::Job* job, QObject* owner, std::function<void(const KeychainAnswer&)> done)
{
    auto answered = std::make_shared<bool>(false);
    auto answer = [answered, done = std::move(done)](const KeychainAnswer& result) {
        if (*answered)
            return;
        *answered = true;
        done(result);
    };
    QObject::connect(job, &QKeychain::Job::finished, owner, [answer](QKeychain::Job* finished) {
        const auto* read = qobject_cast<const QKeychain::ReadPasswordJob*>(finished);
        answer({finished->error(),
                read && finished->error() == QKeychain::NoError ? read->textData() : QString()});
    });
    QTimer::singleShot(kKeyringPatience, owner, [answer] { answer({}); });
    job->setAutoDelete(true);
    job->start();
}

void readEntry(const QString& key, QObject* owner, std::function<void(const KeychainAnswer&)> done)
{
    auto* job = new QKeychain::ReadPasswordJob(kService); // see runJob
    job->setKey(key);
    runJob(job, owner, std::move(done));
}

// An empty value removes the entry (one that is not there is removed already).
void writeEntry(const QString& key, const QString& value, QObject* owner,
                std::function<void(QKeychain::Error)> done)
{
    if (value.isEmpty()) {
        auto* job = new QKeychain::DeletePasswordJob(kService);
        job->setKey(key);
        runJob(job, owner, [done = std::move(done)](const KeychainAnswer& answer) {
            done(answer.error == QKeychain::EntryNotFound ? QKeychain::NoError : answer.error);
        });
        return;
    }
    auto* job = new QKeychain::WritePasswordJob(kService);
    job->setKey(key);
    job->setTextData(value);
    runJob(job, owner, [done = std::move(done)](const KeychainAnswer& answer) { done(answer.error); });
}

} // namespace

KeyStore::KeyStore(QString dataDir, QObject* parent)
    : QObject(parent)
    , m_dataDir(std::move(dataDir))
{
    if (QProcessEnvironment::systemEnvironment().value(QStringLiteral("LIPA_TILL_KEYRING")) == u"file") {
        m_backend = Backend::File;
        m_probed = true;
    }
}

QString KeyStore::filePathIn(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("lipa-till-keys.ini"));
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

void KeyStore::whenProbed(std::function<void()> next)
{
    if (m_probed) {
        next();
        return;
    }
    m_waitingForProbe.append(std::move(next));
    if (m_waitingForProbe.size() > 1)
        return; // the keyring is being asked already
    // A read tells whether there is a keyring at all: "not found" is an answer, silence is not.
    readEntry(
        entryName(m_dataDir, QStringLiteral("probe"), "public"), this, [this](const KeychainAnswer& probe) {
            if (probe.error != QKeychain::NoError && probe.error != QKeychain::EntryNotFound) {
                qCInfo(lcKeys) << "no usable keyring (error" << probe.error << "); keys go to" << filePath();
                m_backend = Backend::File;
            }
            m_probed = true;
            for (const std::function<void()>& waiting : std::exchange(m_waitingForProbe, {}))
                waiting();
        });
}

void KeyStore::load(EnvironmentKind environment, QObject* context, Loaded done)
{
    loadNamed(environmentKey(environment), context, std::move(done));
}

void KeyStore::save(EnvironmentKind environment, const IntaSendKeys& keys, QObject* context, Saved done)
{
    saveNamed(environmentKey(environment), keys, context, std::move(done));
}

// The shop database's password is kept like a secret key, under an entry of its own.
void KeyStore::loadShopPassword(QObject* context, std::function<void(const QString&)> done)
{
    loadNamed(QStringLiteral("shop"), context,
              [done = std::move(done)](const IntaSendKeys& keys) { done(keys.secretKey); });
}

void KeyStore::saveShopPassword(const QString& password, QObject* context, Saved done)
{
    saveNamed(QStringLiteral("shop"), {{}, password}, context, std::move(done));
}

void KeyStore::loadNamed(const QString& name, QObject* context, Loaded done)
{
    const QPointer<QObject> receiver(context);
    auto answer = [receiver, done = std::move(done)](const IntaSendKeys& keys) {
        if (receiver)
            done(keys);
    };
    whenProbed([this, name, answer] {
        if (m_backend != Backend::Keyring) {
            answer(readFile(name));
            return;
        }
        readKeyring(name, [this, name, answer](const IntaSendKeys& keys) {
            // Not in the keyring: perhaps where a keyring-less till left them, before a keyring appeared.
            answer(keys.publicKey.isEmpty() && keys.secretKey.isEmpty() ? readFile(name) : keys);
        });
    });
}

void KeyStore::saveNamed(const QString& name, const IntaSendKeys& keys, QObject* context, Saved done)
{
    const QPointer<QObject> receiver(context);
    auto answer = [receiver, done = std::move(done)](const QString& error) {
        if (receiver)
            done(error);
    };
    whenProbed([this, name, keys, answer] {
        if (m_backend != Backend::Keyring) {
            answer(writeFile(name, keys));
            return;
        }
        writeKeyring(name, keys, [this, name, keys, answer](bool stored) {
            if (stored) {
                answer({});
                return;
            }
            m_backend = Backend::File;
            answer(writeFile(name, keys));
        });
    });
}

void KeyStore::readKeyring(const QString& environment, std::function<void(const IntaSendKeys&)> done)
{
    readEntry(entryName(m_dataDir, environment, "public"), this,
              [this, environment, done = std::move(done)](const KeychainAnswer& publicKey) {
                  readEntry(entryName(m_dataDir, environment, "secret"), this,
                            [publicKey, done](const KeychainAnswer& secretKey) {
                                done({publicKey.text, secretKey.text});
                            });
              });
}

void KeyStore::writeKeyring(const QString& environment, const IntaSendKeys& keys,
                            std::function<void(bool)> done)
{
    writeEntry(entryName(m_dataDir, environment, "public"), keys.publicKey, this,
               [this, environment, keys, done = std::move(done)](QKeychain::Error publicError) {
                   writeEntry(entryName(m_dataDir, environment, "secret"), keys.secretKey, this,
                              [this, publicError, done](QKeychain::Error secretError) {
                                  const bool stored =
                                      publicError == QKeychain::NoError && secretError == QKeychain::NoError;
                                  if (!stored)
                                      qCWarning(lcKeys)
                                          << "the keyring did not take the keys (errors" << publicError
                                          << secretError << "); using" << filePath();
                                  done(stored);
                              });
               });
}

IntaSendKeys KeyStore::readFile(const QString& environment)
{
    // Keys read through a link could be anyone's (payments would go to their account): none are read.
    if (const QString refused = PrivateFiles::refusal(filePath()); !refused.isEmpty()) {
        qCWarning(lcKeys) << "not reading" << filePath() << ":" << refused;
        return {};
    }
    const QSettings file(filePath(), QSettings::IniFormat);
    IntaSendKeys keys;
    keys.publicKey = file.value(environment + QStringLiteral("/public_key")).toString();
    keys.secretKey = file.value(environment + QStringLiteral("/secret_key")).toString();
    if (!keys.publicKey.isEmpty() || !keys.secretKey.isEmpty())
        m_backend = Backend::File; // they are kept there (a keyring that would not take them); say so
    return keys;
}

QString KeyStore::writeFile(const QString& environment, const IntaSendKeys& keys)
{
    // The file exists, readable by its owner only and not a link, before a key is written to it (made
    // with O_NOFOLLOW); QSettings then rewrites it through a save file that keeps those permissions, and
    // its own lock and save files are made owner-only too.
    if (const QString problem = PrivateFiles::makeFile(filePath()); !problem.isEmpty()) {
        return QCoreApplication::translate("lipa::KeyStore", "The keys could not be saved to %1: %2")
            .arg(QDir::toNativeSeparators(filePath()), problem);
    }
    const PrivateFiles::OwnerOnlyCreation ownerOnly;
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
        return QCoreApplication::translate("lipa::KeyStore", "The keys could not be saved safely to %1")
            .arg(QDir::toNativeSeparators(filePath()));
    }
    return {};
}

} // namespace lipa
