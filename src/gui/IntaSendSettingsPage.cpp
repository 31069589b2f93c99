// SPDX-License-Identifier: GPL-3.0-or-later
#include "IntaSendSettingsPage.h"

#include "ConnectionTest.h"
#include "Palette.h"
#include "SettingsSchema.h"
#include "ui_IntaSendSettingsPage.h"

namespace lipa {

IntaSendSettingsPage::IntaSendSettingsPage(const Settings& settings, KeyStore& keys, QWidget* parent)
    : QGroupBox(parent)
    , m_ui(std::make_unique<Ui::IntaSendSettingsPage>())
    , m_keys(keys)
    , m_test(new ConnectionTest(this))
    , m_fileKey(settings.publicKey)
    , m_savedEnvironment(settings.environment.value_or(EnvironmentKind::Demo))
    , m_timeout(settings.requestTimeout)
{
    m_ui->setupUi(this);
    for (const QString& value : SettingsSchema::key(QStringLiteral("intasend/environment")).values()) {
        const EnvironmentKind kind = environmentFromKey(value).value_or(EnvironmentKind::Demo);
        m_ui->environmentBox->addItem(environmentLabel(kind), static_cast<int>(kind));
    }
    m_ui->environmentBox->setCurrentIndex(
        m_ui->environmentBox->findData(static_cast<int>(m_savedEnvironment)));
    m_ui->baseUrlEdit->setText(settings.baseUrl);

    connect(m_ui->environmentBox, &QComboBox::currentIndexChanged, this,
            &IntaSendSettingsPage::onEnvironmentChosen);
    connect(m_ui->testButton, &QPushButton::clicked, this, &IntaSendSettingsPage::testConnection);
    for (QLineEdit* edit : {m_ui->baseUrlEdit, m_ui->publicKeyEdit, m_ui->secretKeyEdit})
        connect(edit, &QLineEdit::textChanged, this, &IntaSendSettingsPage::changed);
    onEnvironmentChosen();
}

IntaSendSettingsPage::~IntaSendSettingsPage() = default;

EnvironmentKind IntaSendSettingsPage::environment() const
{
    return static_cast<EnvironmentKind>(m_ui->environmentBox->currentData().toInt());
}

IntaSendKeys IntaSendSettingsPage::keys() const
{
    return {m_ui->publicKeyEdit->text().trimmed(), m_ui->secretKeyEdit->text().trimmed()};
}

QString IntaSendSettingsPage::environmentLabel(EnvironmentKind kind)
{
    switch (kind) {
    case EnvironmentKind::Demo:
        return tr("Demo — built-in simulator, no real money");
    case EnvironmentKind::Sandbox:
        return tr("Sandbox — IntaSend's test service");
    case EnvironmentKind::Live:
        return tr("LIVE — real money");
    case EnvironmentKind::Custom:
        return tr("Custom URL");
    }
    return {};
}

bool IntaSendSettingsPage::switchesToLive() const
{
    return environment() == EnvironmentKind::Live && m_savedEnvironment != EnvironmentKind::Live;
}

void IntaSendSettingsPage::onEnvironmentChosen()
{
    const EnvironmentKind kind = environment();
    const bool demo = kind == EnvironmentKind::Demo;
    m_ui->baseUrlEdit->setEnabled(kind == EnvironmentKind::Custom);
    for (QWidget* widget :
         std::initializer_list<QWidget*>{m_ui->publicKeyEdit, m_ui->secretKeyEdit, m_ui->testButton})
        widget->setEnabled(!demo);
    // Each environment keeps its own keys: test keys for the sandbox, live keys for live. The key store
    // answers when it can (the keyring may take a moment); an answer for an environment chosen before
    // this one is not wanted any more.
    const quint64 asked = ++m_keysAsked;
    showKeys({});
    m_ui->keysNote->setText(demo ? tr("Demo mode needs no keys.") : m_keys.describe());
    m_ui->testResult->clear();
    if (!demo) {
        m_keys.load(kind, this, [this, asked](const IntaSendKeys& stored) {
            if (asked != m_keysAsked)
                return;
            m_ui->keysNote->setText(m_keys.describe()); // it knows now where the keys are
            // Keys typed while the store was asked stay as typed.
            if (m_ui->publicKeyEdit->text() == m_keysShown.publicKey &&
                m_ui->secretKeyEdit->text() == m_keysShown.secretKey)
                showKeys(stored);
            Q_EMIT notesChanged();
        });
    }
    setStyleSheet(kind == EnvironmentKind::Live
                      ? Palette::badgeStyle(EnvironmentKind::Live, QStringLiteral("#environmentBox"))
                      : QString());
    Q_EMIT notesChanged();
    Q_EMIT changed();
}

void IntaSendSettingsPage::showKeys(const IntaSendKeys& stored)
{
    // A key put in the settings file by hand shows for the environment saved there until the key store
    // has one (saving moves it to the store).
    m_keysShown = {stored.publicKey.isEmpty() && environment() == m_savedEnvironment ? m_fileKey
                                                                                     : stored.publicKey,
                   stored.secretKey};
    m_ui->publicKeyEdit->setText(m_keysShown.publicKey);
    m_ui->secretKeyEdit->setText(m_keysShown.secretKey);
}

QString IntaSendSettingsPage::problem() const
{
    const EnvironmentKind kind = environment();
    if (kind == EnvironmentKind::Custom) {
        const Result<QUrl> url = parseBaseUrl(m_ui->baseUrlEdit->text());
        if (!url)
            return tr("Base URL: %1").arg(url.error());
    }
    if (kind == EnvironmentKind::Demo)
        return {};
    const IntaSendKeys typed = keys();
    if (typed.publicKey.isEmpty())
        return tr("Enter the IntaSend public key for this environment.");
    if (!typed.publicKey.startsWith(QStringLiteral("ISPubKey_")))
        return tr("The public key should start with ISPubKey_.");
    if (!typed.secretKey.isEmpty() && !typed.secretKey.startsWith(QStringLiteral("ISSecretKey_")))
        return tr("The secret key should start with ISSecretKey_.");
    return keyEnvironmentMismatch(kind, typed.publicKey, typed.secretKey);
}

void IntaSendSettingsPage::writeInto(Settings& settings) const
{
    settings.environment = environment();
    settings.baseUrl = m_ui->baseUrlEdit->text().trimmed();
    settings.publicKey.clear(); // the key store holds it from now on
}

void IntaSendSettingsPage::saveKeys(QObject* context, KeyStore::Saved done)
{
    if (environment() == EnvironmentKind::Demo) {
        done({});
        return;
    }
    m_keys.save(environment(), keys(), context, std::move(done));
}

void IntaSendSettingsPage::testConnection()
{
    const QUrl baseUrl = ConnectionTest::baseUrlFor(environment(), m_ui->baseUrlEdit->text());
    if (baseUrl.isEmpty()) {
        m_ui->testResult->setText(tr("Enter a valid base URL first."));
        return;
    }
    m_ui->testButton->setEnabled(false);
    m_ui->testResult->setStyleSheet({});
    m_ui->testResult->setText(tr("Asking IntaSend…"));
    m_test->start(baseUrl, keys(), m_timeout, this, [this](const ConnectionTest::Outcome& outcome) {
        m_ui->testButton->setEnabled(environment() != EnvironmentKind::Demo);
        m_ui->testResult->setStyleSheet(Palette::textStyle(outcome.ok ? Tone::Good : Tone::Bad));
        m_ui->testResult->setText(outcome.message);
        Q_EMIT notesChanged();
    });
}

} // namespace lipa
