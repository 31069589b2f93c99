// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Settings.h"

#include <QGroupBox>

#include <memory>

class QComboBox;
class QSpinBox;

namespace Ui {
class TillSettingsPage;
}

namespace lipa {

// The till's own part of Settings: its name, the largest payment, how waiting payments are checked,
// sound, language, receipt paper and text size. Ranges, lengths and choices come from SettingsSchema.
class TillSettingsPage : public QGroupBox {
    Q_OBJECT
public:
    explicit TillSettingsPage(const Settings& settings, QWidget* parent = nullptr);
    ~TillSettingsPage() override;

    // The fields into settings.
    void writeInto(Settings& settings) const;

private:
    // The number and choice fields, each with the settings-file key it edits.
    QList<std::pair<QSpinBox*, QString>> spinBoxes() const;
    QList<std::pair<QComboBox*, QString>> comboBoxes() const;
    static QString choiceLabel(const QString& value);

    std::unique_ptr<Ui::TillSettingsPage> m_ui;
};

} // namespace lipa
