// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopSettingsPage.h"

#include "SettingsSchema.h"
#include "ShopUrl.h"
#include "ui_ShopSettingsPage.h"

namespace lipa {

ShopSettingsPage::ShopSettingsPage(const Settings& settings, KeyStore& keys, QWidget* parent)
    : QGroupBox(parent)
    , m_ui(std::make_unique<Ui::ShopSettingsPage>())
    , m_keys(keys)
{
    m_ui->setupUi(this);
    m_ui->shopDatabaseEdit->setMaxLength(SettingsSchema::key(QStringLiteral("shop/database")).maxLength);
    m_ui->shopDatabaseEdit->setText(settings.shopDatabase);
    m_ui->shopBranchEdit->setMaxLength(SettingsSchema::key(QStringLiteral("shop/branch")).maxLength);
    m_ui->shopBranchEdit->setText(settings.shopBranch);
    m_ui->tillIdLabel->setText(settings.tillId.isEmpty() ? tr("made at first start") : settings.tillId);
    connect(m_ui->shopDatabaseEdit, &QLineEdit::textChanged, this, &ShopSettingsPage::changed);
    connect(m_ui->forgetShopPasswordBox, &QCheckBox::toggled, this, [this](bool forget) {
        m_ui->shopPasswordEdit->setEnabled(!forget);
        Q_EMIT changed();
    });

    // Whether a password is stored decides what an empty field means to the shop owner; the key store
    // answers when it can (the keyring may take a moment).
    m_ui->forgetShopPasswordBox->setVisible(false);
    m_keys.loadShopPassword(this, [this](const QString& stored) {
        showStored(!stored.isEmpty());
        Q_EMIT notesChanged();
    });
}

ShopSettingsPage::~ShopSettingsPage() = default;

void ShopSettingsPage::showStored(bool hasPassword)
{
    m_ui->shopPasswordEdit->setPlaceholderText(hasPassword ? tr("empty: keep the stored password")
                                                           : tr("none stored"));
    m_ui->forgetShopPasswordBox->setVisible(hasPassword);
}

QString ShopSettingsPage::problem() const
{
    const QString url = m_ui->shopDatabaseEdit->text().trimmed();
    if (url.isEmpty())
        return {};
    return ShopUrl::parse(url).error();
}

void ShopSettingsPage::writeInto(Settings& settings) const
{
    settings.shopDatabase = m_ui->shopDatabaseEdit->text().trimmed();
    settings.shopBranch = m_ui->shopBranchEdit->text().trimmed();
}

std::optional<QString> ShopSettingsPage::password() const
{
    if (m_ui->forgetShopPasswordBox->isChecked())
        return QString();
    // Exactly as typed: a password may begin or end with a blank.
    const QString typed = m_ui->shopPasswordEdit->text();
    if (typed.isEmpty())
        return std::nullopt;
    return typed;
}

void ShopSettingsPage::savePassword(QObject* context, KeyStore::Saved done)
{
    const std::optional<QString> typed = password();
    if (!typed) {
        done({});
        return;
    }
    m_keys.saveShopPassword(*typed, context, [done = std::move(done)](const QString& error) {
        done(error.isEmpty() ? error : tr("The shop database password was not stored. %1").arg(error));
    });
}

} // namespace lipa
