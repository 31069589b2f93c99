#pragma once

#include <QString>

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
class KeyStore {
public:
    enum class Backend { Keyring, File };

    explicit KeyStore(QString dataDir);

    // Keys kept for an environment ("sandbox", "live", "custom"); empty when none are. Waits for the
    // keyring (a fraction of a second; at most a few seconds when it does not answer) on a local event
    // loop, so it belongs before the window opens or behind a button press.
    IntaSendKeys load(const QString& environment);
    // Stores the keys (empty ones are removed). False, with *error, when neither place could take them.
    bool save(const QString& environment, const IntaSendKeys& keys, QString* error);

    Backend backend() const { return m_backend; }
    QString filePath() const;
    // Where the keys are, in words for the Settings dialog.
    QString describe() const;

private:
    bool keyringUsable();
    QString m_dataDir;
    Backend m_backend = Backend::Keyring;
    bool m_probed = false;
};

} // namespace lipa
