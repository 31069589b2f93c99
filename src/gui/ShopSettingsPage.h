// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "KeyStore.h"
#include "Settings.h"

#include <QGroupBox>

#include <memory>
#include <optional>

namespace Ui {
class ShopSettingsPage;
}

namespace lipa {

// The shop database part of Settings: its URL, its password (to and from the key store, never the
// settings file), the branch, and this till's identity, shown but not edited.
class ShopSettingsPage : public QGroupBox {
    Q_OBJECT
public:
    ShopSettingsPage(const Settings& settings, KeyStore& keys, QWidget* parent = nullptr);
    ~ShopSettingsPage() override;

    // Why the URL cannot be saved as it is; empty when it can (an empty URL: no shop database).
    QString problem() const;
    // The URL and the branch into settings; the password never goes into the settings file.
    void writeInto(Settings& settings) const;
    // The password to store: nullopt leaves the stored one as it is, an empty one removes it.
    std::optional<QString> password() const;
    // Stores password() when there is one to store; done gets why not, or nothing.
    void savePassword(QObject* context, KeyStore::Saved done);

Q_SIGNALS:
    // Something problem() looks at has changed.
    void changed();
    // A field appeared or a note changed (and may need more room).
    void notesChanged();

private:
    void showStored(bool hasPassword);

    std::unique_ptr<Ui::ShopSettingsPage> m_ui;
    KeyStore& m_keys;
};

} // namespace lipa
