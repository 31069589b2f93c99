// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;

namespace lipa {

class ManagerPin;

// Asks for the manager PIN before a protected action (Settings, CSV export, manual status changes).
// Wrong PINs are told plainly, and the wait that follows them is shown.
class PinDialog : public QDialog {
    Q_OBJECT
public:
    // Runs `granted` at once when no PIN is set, else after the right PIN (the dialog is asynchronous).
    static void ask(ManagerPin& pin, const QString& purpose, QWidget* parent, std::function<void()> granted);

private:
    PinDialog(ManagerPin& pin, const QString& purpose, QWidget* parent);
    void tryPin();

    ManagerPin& m_pin;
    QLineEdit* m_edit = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace lipa
