// SPDX-License-Identifier: GPL-3.0-or-later
#include "TillSettingsPage.h"

#include "SettingsSchema.h"
#include "ui_TillSettingsPage.h"

namespace lipa {

TillSettingsPage::TillSettingsPage(const Settings& settings, QWidget* parent)
    : QGroupBox(parent)
    , m_ui(std::make_unique<Ui::TillSettingsPage>())
{
    m_ui->setupUi(this);
    m_ui->tillNameEdit->setMaxLength(SettingsSchema::key(QStringLiteral("till/name")).maxLength);
    m_ui->tillNameEdit->setText(settings.tillName);
    for (const auto& [box, name] : spinBoxes()) {
        const SettingsSchema::Key& key = SettingsSchema::key(name);
        box->setRange(static_cast<int>(key.min), static_cast<int>(key.max));
        box->setValue(key.read(settings).toInt());
    }
    m_ui->soundCheck->setChecked(settings.sound);
    for (const auto& [box, name] : comboBoxes()) {
        const SettingsSchema::Key& key = SettingsSchema::key(name);
        for (const QString& value : key.values())
            box->addItem(choiceLabel(value), value);
        box->setCurrentIndex(std::max(0, box->findData(key.read(settings))));
    }
}

TillSettingsPage::~TillSettingsPage() = default;

QList<std::pair<QSpinBox*, QString>> TillSettingsPage::spinBoxes() const
{
    return {{m_ui->maxAmountSpin, QStringLiteral("till/max_amount")},
            {m_ui->maxSaleSpin, QStringLiteral("till/max_sale")},
            {m_ui->pollIntervalSpin, QStringLiteral("polling/max_interval_seconds")},
            {m_ui->expirySpin, QStringLiteral("polling/expiry_seconds")},
            {m_ui->textSizeSpin, QStringLiteral("till/text_size")}};
}

QList<std::pair<QComboBox*, QString>> TillSettingsPage::comboBoxes() const
{
    return {{m_ui->languageBox, QStringLiteral("till/language")},
            {m_ui->receiptPaperBox, QStringLiteral("till/receipt_paper")}};
}

QString TillSettingsPage::choiceLabel(const QString& value)
{
    // Each language by its own name, so that a till set to the wrong one can be set back.
    if (value == u"en")
        return QStringLiteral("English");
    if (value == u"sw")
        return QStringLiteral("Kiswahili");
    if (value == u"system")
        return tr("Follow the system");
    if (value == u"58mm")
        return tr("58 mm roll");
    if (value == u"80mm")
        return tr("80 mm roll");
    if (value == u"a4")
        return tr("A4 sheet");
    return value;
}

void TillSettingsPage::writeInto(Settings& settings) const
{
    settings.tillName = m_ui->tillNameEdit->text().trimmed();
    for (const auto& [box, name] : spinBoxes())
        SettingsSchema::key(name).write(settings, QString::number(box->value()));
    // The first check never waits longer than the longest wait between checks.
    settings.polling.firstCheck = std::min(settings.polling.firstCheck, settings.polling.maxInterval);
    settings.sound = m_ui->soundCheck->isChecked();
    for (const auto& [box, name] : comboBoxes())
        SettingsSchema::key(name).write(settings, box->currentData().toString());
}

} // namespace lipa
