// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "KeyStore.h"
#include "Settings.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace lipa {

class IntaSendSettingsPage;
class SecuritySettingsPage;
class ShopSettingsPage;
class TillSettingsPage;

// Where a shop owner sets the till up: one page each for IntaSend (environment, keys, connection test),
// the till itself, the manager PIN and the shop database, one under the other. Saves to the key store and
// the settings file; the till then restarts its session with them.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(Settings settings, QString iniPath, KeyStore& keys, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    // The settings as the fields stand, and the keys typed for the chosen environment.
    Settings editedSettings() const;
    IntaSendKeys editedKeys() const;
    // Why the fields cannot be saved as they are; empty when they can.
    QString problem() const;

Q_SIGNALS:
    // Written to the file and the key store.
    void saved();

private:
    void updateProblem();
    void fitContents();
    void save();
    void write();
    void showSaveError(const QString& error);

    Settings m_settings;
    QString m_iniPath;
    bool m_saving = false; // the key store has the keys or the password and has not answered yet

    IntaSendSettingsPage* m_intasend = nullptr;
    TillSettingsPage* m_till = nullptr;
    SecuritySettingsPage* m_security = nullptr;
    ShopSettingsPage* m_shop = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_saveButton = nullptr;
};

} // namespace lipa
