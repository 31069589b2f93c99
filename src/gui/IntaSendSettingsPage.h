// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Environment.h"
#include "KeyStore.h"
#include "Settings.h"

#include <QGroupBox>

#include <chrono>
#include <memory>

namespace Ui {
class IntaSendSettingsPage;
}

namespace lipa {

class ConnectionTest;

// The IntaSend part of Settings: the environment, its base URL and its keys (from and to the key store),
// and the connection test. The one settings page that knows about environments, keys and connections.
class IntaSendSettingsPage : public QGroupBox {
    Q_OBJECT
public:
    IntaSendSettingsPage(const Settings& settings, KeyStore& keys, QWidget* parent = nullptr);
    ~IntaSendSettingsPage() override;

    EnvironmentKind environment() const;
    // The keys as typed, for the chosen environment.
    IntaSendKeys keys() const;
    // Saving would move the till to LIVE from another environment: worth asking first.
    bool switchesToLive() const;
    // Why the environment, URL or keys cannot be saved as they are; empty when they can.
    QString problem() const;
    // The environment and base URL into settings; the keys never go into the settings file.
    void writeInto(Settings& settings) const;
    // Stores the keys for the chosen environment (demo has none); done gets why not, or nothing.
    void saveKeys(QObject* context, KeyStore::Saved done);

Q_SIGNALS:
    // Something problem() looks at has changed.
    void changed();
    // A word-wrapped note has new text (and may need more room).
    void notesChanged();

private:
    static QString environmentLabel(EnvironmentKind kind);
    void onEnvironmentChosen();
    void showKeys(const IntaSendKeys& stored);
    void testConnection();

    std::unique_ptr<Ui::IntaSendSettingsPage> m_ui;
    KeyStore& m_keys;
    ConnectionTest* m_test = nullptr;
    QString m_fileKey; // a public key a shop put in the settings file by hand
    EnvironmentKind m_savedEnvironment;
    std::chrono::milliseconds m_timeout;
    quint64 m_keysAsked = 0;  // which question to the key store the fields wait for
    IntaSendKeys m_keysShown; // what the fields showed when the key store was asked
};

} // namespace lipa
