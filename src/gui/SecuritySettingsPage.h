// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Settings.h"

#include <QGroupBox>

#include <memory>

namespace Ui {
class SecuritySettingsPage;
}

namespace lipa {

// The manager PIN part of Settings: a new PIN typed twice, or the current one removed. Only the PIN's
// hash ever leaves the page.
class SecuritySettingsPage : public QGroupBox {
    Q_OBJECT
public:
    explicit SecuritySettingsPage(const Settings& settings, QWidget* parent = nullptr);
    ~SecuritySettingsPage() override;

    // Why the PIN fields cannot be saved as they are; empty when they can.
    QString problem() const;
    // The new PIN's hash (or none) into settings; untouched fields keep the current PIN.
    void writeInto(Settings& settings) const;

Q_SIGNALS:
    // Something problem() looks at has changed.
    void changed();

private:
    std::unique_ptr<Ui::SecuritySettingsPage> m_ui;
};

} // namespace lipa
