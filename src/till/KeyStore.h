// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Environment.h"

#include <QObject>
#include <QString>

#include <functional>

namespace lipa {

// IntaSend keys for one environment. Both are secrets to the till: neither is ever logged or written
// anywhere but the key store.
struct IntaSendKeys {
    QString publicKey;
    QString secretKey; // optional
};

// Keeps the IntaSend keys out of the settings file: in the system keyring (libsecret, KWallet, Windows
// Credential Store, through QtKeychain), or, on a till with no keyring, in a file in the data folder that
// only the till's user can read (0600). LIPA_TILL_KEYRING=file chooses the file from the start.
// Asynchronous only: a keyring answers over D-Bus, in a fraction of a second or (when it does not answer)
// after a few seconds, and the till never waits for it on a nested event loop.
class KeyStore : public QObject {
    Q_OBJECT
public:
    enum class Backend { Keyring, File };
    using Loaded = std::function<void(const IntaSendKeys& keys)>;
    using Saved = std::function<void(const QString& error)>; // error: empty when the keys were stored

    explicit KeyStore(QString dataDir, QObject* parent = nullptr);

    // Asks for the keys kept for an environment; done gets them (empty when none are kept), once, unless
    // context is gone first. From the file the answer comes before load returns; from the keyring, when
    // the keyring answers.
    void load(EnvironmentKind environment, QObject* context, Loaded done);
    // Stores the keys (empty ones are removed); done gets why neither place could take them, or nothing.
    void save(EnvironmentKind environment, const IntaSendKeys& keys, QObject* context, Saved done);
    // The shop database's password (empty when none is kept), kept the same way as the keys.
    void loadShopPassword(QObject* context, std::function<void(const QString& password)> done);
    void saveShopPassword(const QString& password, QObject* context, Saved done);

    Backend backend() const { return m_backend; }
    QString filePath() const { return filePathIn(m_dataDir); }
    // Where a till with no keyring keeps the keys for this data folder.
    static QString filePathIn(const QString& dataDir);
    // Where the keys are, in words for the Settings dialog.
    QString describe() const;

private:
    // Runs next once it is known whether there is a keyring (asking it, the first time).
    void loadNamed(const QString& name, QObject* context, Loaded done);
    void saveNamed(const QString& name, const IntaSendKeys& keys, QObject* context, Saved done);
    void whenProbed(std::function<void()> next);
    void readKeyring(const QString& environment, std::function<void(const IntaSendKeys&)> done);
    void writeKeyring(const QString& environment, const IntaSendKeys& keys, std::function<void(bool)> done);
    IntaSendKeys readFile(const QString& environment);
    QString writeFile(const QString& environment, const IntaSendKeys& keys);

    QString m_dataDir;
    Backend m_backend = Backend::Keyring;
    bool m_probed = false;
    QList<std::function<void()>> m_waitingForProbe; // non-empty while the keyring is being asked
};

} // namespace lipa
