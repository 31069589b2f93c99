#pragma once

#include "Environment.h"
#include "IntaSendClient.h"
#include "KeyStore.h"
#include "Settings.h"

#include <QDialog>
#include <QNetworkAccessManager>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace lipa {

// Where a shop owner sets the till up: IntaSend environment and keys (with a connection test), the
// till's name and limits, polling, sound, language and the manager PIN. Saves to the settings file and
// the key store; the till then restarts its session with them.
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
    EnvironmentKind chosenEnvironment() const;
    void onEnvironmentChosen();
    void updateProblem();
    void fitContents();
    void testConnection();
    void save();
    void write();

    Settings m_settings;
    QString m_iniPath;
    KeyStore& m_keys;
    EnvironmentKind m_savedEnvironment;
    QNetworkAccessManager m_network;
    std::unique_ptr<IntaSendClient> m_testClient;

    QComboBox* m_environment = nullptr;
    QLineEdit* m_baseUrl = nullptr;
    QLineEdit* m_publicKey = nullptr;
    QLineEdit* m_secretKey = nullptr;
    QLabel* m_keysNote = nullptr;
    QPushButton* m_testButton = nullptr;
    QLabel* m_testResult = nullptr;
    QLineEdit* m_tillName = nullptr;
    QSpinBox* m_maxAmount = nullptr;
    QSpinBox* m_pollInterval = nullptr;
    QSpinBox* m_expiry = nullptr;
    QCheckBox* m_sound = nullptr;
    QComboBox* m_language = nullptr;
    QComboBox* m_receiptPaper = nullptr;
    QSpinBox* m_textSize = nullptr;
    QLineEdit* m_pin = nullptr;
    QLineEdit* m_pinAgain = nullptr;
    QCheckBox* m_removePin = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_saveButton = nullptr;
};

} // namespace lipa
