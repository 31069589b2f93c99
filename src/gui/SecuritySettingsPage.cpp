// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecuritySettingsPage.h"

#include "ManagerPin.h"
#include "ui_SecuritySettingsPage.h"

#include <QRegularExpressionValidator>

namespace lipa {

SecuritySettingsPage::SecuritySettingsPage(const Settings& settings, QWidget* parent)
    : QGroupBox(parent)
    , m_ui(std::make_unique<Ui::SecuritySettingsPage>())
{
    m_ui->setupUi(this);
    const bool hasPin = !settings.managerPinHash.isEmpty();
    for (QLineEdit* edit : {m_ui->newPinEdit, m_ui->newPinAgainEdit}) {
        edit->setValidator(
            new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,8}")), edit));
        connect(edit, &QLineEdit::textChanged, this, &SecuritySettingsPage::changed);
    }
    m_ui->newPinEdit->setPlaceholderText(hasPin ? tr("empty: keep the current PIN")
                                                : tr("4 to 8 digits; empty: no PIN"));
    m_ui->removePinCheck->setVisible(hasPin);
    connect(m_ui->removePinCheck, &QCheckBox::toggled, this, &SecuritySettingsPage::changed);
}

SecuritySettingsPage::~SecuritySettingsPage() = default;

QString SecuritySettingsPage::problem() const
{
    const QString pin = m_ui->newPinEdit->text();
    if (m_ui->removePinCheck->isChecked() || pin.isEmpty())
        return {};
    if (!ManagerPin::isAcceptable(pin))
        return tr("The PIN must be 4 to 8 digits.");
    if (pin != m_ui->newPinAgainEdit->text())
        return tr("The two PINs are not the same.");
    return {};
}

void SecuritySettingsPage::writeInto(Settings& settings) const
{
    if (m_ui->removePinCheck->isChecked())
        settings.managerPinHash.clear();
    else if (!m_ui->newPinEdit->text().isEmpty())
        settings.managerPinHash = ManagerPin::hash(m_ui->newPinEdit->text());
}

} // namespace lipa
