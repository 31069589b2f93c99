#include "SettingsDialog.h"

#include "AskFirst.h"
#include "ManagerPin.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace lipa {

namespace {

using std::chrono::duration_cast;
using std::chrono::seconds;

QLineEdit* keyEdit(const QString& name, const QString& placeholder, QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(name);
    // Masked: a key must not show on a screen a customer can see, nor in a screenshot.
    edit->setEchoMode(QLineEdit::Password);
    edit->setPlaceholderText(placeholder);
    edit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    edit->setMaxLength(200);
    return edit;
}

QSpinBox* spin(const QString& name, int min, int max, int value, const QString& suffix, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(min, max);
    box->setValue(std::clamp(value, min, max));
    box->setSuffix(suffix);
    return box;
}

} // namespace

SettingsDialog::SettingsDialog(Settings settings, QString iniPath, KeyStore& keys, QWidget* parent)
    : QDialog(parent)
    , m_settings(std::move(settings))
    , m_iniPath(std::move(iniPath))
    , m_keys(keys)
    , m_savedEnvironment(m_settings.environment.value_or(EnvironmentKind::Demo))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    // The settings scroll on a small screen (a 1024×600 touch till); the problem and the buttons stay in
    // view below them.
    auto* outer = new QVBoxLayout(this);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("settingsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* page = new QWidget(scroll);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll, 1);
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 80);

    auto* intasend = new QGroupBox(tr("IntaSend"), this);
    auto* intasendLayout = new QVBoxLayout(intasend);
    auto* intasendForm = new QFormLayout;
    intasendLayout->addLayout(intasendForm);
    m_environment = new QComboBox(intasend);
    m_environment->setObjectName(QStringLiteral("environmentBox"));
    m_environment->addItem(tr("Demo — built-in simulator, no real money"),
                           static_cast<int>(EnvironmentKind::Demo));
    m_environment->addItem(tr("Sandbox — IntaSend's test service"),
                           static_cast<int>(EnvironmentKind::Sandbox));
    m_environment->addItem(tr("LIVE — real money"), static_cast<int>(EnvironmentKind::Live));
    m_environment->addItem(tr("Custom URL"), static_cast<int>(EnvironmentKind::Custom));
    m_environment->setCurrentIndex(m_environment->findData(static_cast<int>(m_savedEnvironment)));
    intasendForm->addRow(tr("&Environment"), m_environment);
    m_baseUrl = new QLineEdit(m_settings.baseUrl, intasend);
    m_baseUrl->setObjectName(QStringLiteral("baseUrlEdit"));
    m_baseUrl->setPlaceholderText(QStringLiteral("https://…"));
    intasendForm->addRow(tr("Base &URL"), m_baseUrl);
    m_publicKey = keyEdit(QStringLiteral("publicKeyEdit"), QStringLiteral("ISPubKey_test_…"), intasend);
    intasendForm->addRow(tr("&Public key"), m_publicKey);
    m_secretKey = keyEdit(QStringLiteral("secretKeyEdit"), tr("optional: ISSecretKey_test_…"), intasend);
    intasendForm->addRow(tr("&Secret key"), m_secretKey);
    m_keysNote = new QLabel(intasend);
    m_keysNote->setObjectName(QStringLiteral("keysNote"));
    m_keysNote->setWordWrap(true);
    m_keysNote->setTextFormat(Qt::PlainText);
    intasendLayout->addWidget(m_keysNote);
    m_testButton = new QPushButton(tr("&Test connection"), intasend);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_testButton->setToolTip(tr("Make one harmless call to IntaSend with these keys"));
    m_testResult = new QLabel(intasend);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    intasendLayout->addWidget(m_testButton, 0, Qt::AlignLeft);
    intasendLayout->addWidget(m_testResult);
    layout->addWidget(intasend);

    auto* till = new QGroupBox(tr("Till"), this);
    auto* tillForm = new QFormLayout(till);
    m_tillName = new QLineEdit(m_settings.tillName, till);
    m_tillName->setObjectName(QStringLiteral("tillNameEdit"));
    m_tillName->setMaxLength(40);
    m_tillName->setToolTip(tr("Sent to IntaSend with each payment and printed on receipts"));
    tillForm->addRow(tr("Till &name"), m_tillName);
    m_maxAmount = spin(QStringLiteral("maxAmountSpin"), 1, 999999,
                       static_cast<int>(m_settings.maxAmountShillings), QString(), till);
    m_maxAmount->setPrefix(QStringLiteral("KES "));
    m_maxAmount->setGroupSeparatorShown(true);
    tillForm->addRow(tr("&Largest payment"), m_maxAmount);
    m_pollInterval = spin(QStringLiteral("pollIntervalSpin"), 1, 300,
                          static_cast<int>(duration_cast<seconds>(m_settings.polling.maxInterval).count()),
                          tr(" s"), till);
    m_pollInterval->setToolTip(tr("How often a waiting payment is checked, at most"));
    tillForm->addRow(tr("Check &every"), m_pollInterval);
    m_expiry =
        spin(QStringLiteral("expirySpin"), 30, 3600,
             static_cast<int>(duration_cast<seconds>(m_settings.polling.expiry).count()), tr(" s"), till);
    m_expiry->setToolTip(
        tr("After this long without an answer from the customer a payment shows as expired"));
    tillForm->addRow(tr("E&xpire after"), m_expiry);
    m_sound = new QCheckBox(tr("A sound and a desktop notification when a payment is paid or fails"), till);
    m_sound->setObjectName(QStringLiteral("soundCheck"));
    m_sound->setChecked(m_settings.sound);
    tillForm->addRow(tr("S&ound"), m_sound);
    m_language = new QComboBox(till);
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Kiswahili"), QStringLiteral("sw"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_settings.language)));
    tillForm->addRow(tr("Lan&guage"), m_language);
    m_receiptPaper = new QComboBox(till);
    m_receiptPaper->setObjectName(QStringLiteral("receiptPaperBox"));
    m_receiptPaper->addItem(tr("58 mm roll"), QStringLiteral("58mm"));
    m_receiptPaper->addItem(tr("80 mm roll"), QStringLiteral("80mm"));
    m_receiptPaper->addItem(tr("A4 sheet"), QStringLiteral("a4"));
    m_receiptPaper->setCurrentIndex(std::max(0, m_receiptPaper->findData(m_settings.receiptPaper)));
    tillForm->addRow(tr("&Receipt paper"), m_receiptPaper);
    m_textSize = spin(QStringLiteral("textSizeSpin"), 80, 250, m_settings.textSizePercent, tr(" %"), till);
    m_textSize->setSingleStep(10);
    m_textSize->setToolTip(tr("Larger text for big screens read from across the counter"));
    tillForm->addRow(tr("&Text size"), m_textSize);
    layout->addWidget(till);

    auto* security = new QGroupBox(tr("Manager PIN"), this);
    auto* securityForm = new QFormLayout(security);
    const auto pinEdit = [security](const QString& name) {
        auto* edit = new QLineEdit(security);
        edit->setObjectName(name);
        edit->setEchoMode(QLineEdit::Password);
        edit->setMaxLength(8);
        edit->setValidator(
            new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,8}")), edit));
        return edit;
    };
    m_pin = pinEdit(QStringLiteral("newPinEdit"));
    m_pin->setPlaceholderText(m_settings.managerPinHash.isEmpty() ? tr("4 to 8 digits; empty: no PIN")
                                                                  : tr("empty: keep the current PIN"));
    securityForm->addRow(tr("New P&IN"), m_pin);
    m_pinAgain = pinEdit(QStringLiteral("newPinAgainEdit"));
    securityForm->addRow(tr("New PIN a&gain"), m_pinAgain);
    m_removePin = new QCheckBox(tr("Remove the PIN"), security);
    m_removePin->setObjectName(QStringLiteral("removePinCheck"));
    m_removePin->setVisible(!m_settings.managerPinHash.isEmpty());
    securityForm->addRow(QString(), m_removePin);
    auto* pinNote = new QLabel(
        tr("The PIN protects Settings, the CSV export and manual changes to a payment."), security);
    pinNote->setWordWrap(true);
    securityForm->addRow(QString(), pinNote);
    layout->addWidget(security);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("settingsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setStyleSheet(QStringLiteral("color:#b31d1d;"));
    scroll->setWidget(page);
    outer->addWidget(m_problem);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_saveButton = buttons->button(QDialogButtonBox::Save);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_saveButton->setText(tr("&Save"));
    outer->addWidget(buttons);
    // As tall as the settings need, but never taller than the screen.
    scroll->setMinimumWidth(page->sizeHint().width() + scroll->verticalScrollBar()->sizeHint().width());
    const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1024, 600);
    resize(sizeHint().width(), std::min(page->sizeHint().height() + 120, screen.height() - 40));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_environment, &QComboBox::currentIndexChanged, this, &SettingsDialog::onEnvironmentChosen);
    connect(m_testButton, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    for (QLineEdit* edit : {m_baseUrl, m_publicKey, m_secretKey, m_pin, m_pinAgain})
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::updateProblem);
    connect(m_removePin, &QCheckBox::toggled, this, &SettingsDialog::updateProblem);
    onEnvironmentChosen();
}

SettingsDialog::~SettingsDialog() = default;

EnvironmentKind SettingsDialog::chosenEnvironment() const
{
    return static_cast<EnvironmentKind>(m_environment->currentData().toInt());
}

void SettingsDialog::onEnvironmentChosen()
{
    const EnvironmentKind kind = chosenEnvironment();
    const bool demo = kind == EnvironmentKind::Demo;
    m_baseUrl->setEnabled(kind == EnvironmentKind::Custom);
    for (QWidget* widget : {static_cast<QWidget*>(m_publicKey), static_cast<QWidget*>(m_secretKey),
                            static_cast<QWidget*>(m_testButton)})
        widget->setEnabled(!demo);
    // Each environment keeps its own keys: test keys for the sandbox, live keys for live.
    const IntaSendKeys stored = demo ? IntaSendKeys{} : m_keys.load(environmentKey(kind));
    m_publicKey->setText(stored.publicKey.isEmpty() && kind == m_savedEnvironment ? m_settings.publicKey
                                                                                  : stored.publicKey);
    m_secretKey->setText(stored.secretKey);
    m_keysNote->setText(demo ? tr("Demo mode needs no keys.") : m_keys.describe());
    m_testResult->clear();
    fitContents();
    setStyleSheet(
        kind == EnvironmentKind::Live
            ? QStringLiteral("#environmentBox { background:#b31d1d; color:white; font-weight:bold; }")
            : QString());
    updateProblem();
}

QString SettingsDialog::problem() const
{
    const EnvironmentKind kind = chosenEnvironment();
    if (kind == EnvironmentKind::Custom) {
        const Result<QUrl> url = parseBaseUrl(m_baseUrl->text());
        if (!url)
            return tr("Base URL: %1").arg(url.error());
    }
    if (kind != EnvironmentKind::Demo) {
        if (m_publicKey->text().trimmed().isEmpty())
            return tr("Enter the IntaSend public key for this environment.");
        if (!m_publicKey->text().trimmed().startsWith(QStringLiteral("ISPubKey_")))
            return tr("The public key should start with ISPubKey_.");
        const QString secret = m_secretKey->text().trimmed();
        if (!secret.isEmpty() && !secret.startsWith(QStringLiteral("ISSecretKey_")))
            return tr("The secret key should start with ISSecretKey_.");
        const QString mismatch = keyEnvironmentMismatch(kind, m_publicKey->text().trimmed(), secret);
        if (!mismatch.isEmpty())
            return mismatch;
    }
    if (!m_removePin->isChecked() && !m_pin->text().isEmpty()) {
        if (!ManagerPin::isAcceptable(m_pin->text()))
            return tr("The PIN must be 4 to 8 digits.");
        if (m_pin->text() != m_pinAgain->text())
            return tr("The two PINs are not the same.");
    }
    return {};
}

void SettingsDialog::fitContents()
{
    // Word-wrapped notes change height with their text; grow the dialog to show them whole (once the
    // layout has taken the new text in).
    QTimer::singleShot(0, this, [this] {
        if (height() < sizeHint().height())
            resize(width(), sizeHint().height());
    });
}

void SettingsDialog::updateProblem()
{
    const QString text = problem();
    m_problem->setText(text);
    m_saveButton->setEnabled(text.isEmpty());
}

Settings SettingsDialog::editedSettings() const
{
    Settings settings = m_settings;
    settings.environment = chosenEnvironment();
    settings.baseUrl = m_baseUrl->text().trimmed();
    settings.publicKey.clear(); // the key store holds it from now on
    settings.tillName = m_tillName->text().trimmed();
    settings.maxAmountShillings = m_maxAmount->value();
    settings.polling.maxInterval = seconds(m_pollInterval->value());
    settings.polling.firstCheck = std::min(settings.polling.firstCheck, settings.polling.maxInterval);
    settings.polling.expiry = seconds(m_expiry->value());
    settings.sound = m_sound->isChecked();
    settings.language = m_language->currentData().toString();
    settings.receiptPaper = m_receiptPaper->currentData().toString();
    settings.textSizePercent = m_textSize->value();
    if (m_removePin->isChecked())
        settings.managerPinHash.clear();
    else if (!m_pin->text().isEmpty())
        settings.managerPinHash = ManagerPin::hash(m_pin->text());
    return settings;
}

IntaSendKeys SettingsDialog::editedKeys() const
{
    return {m_publicKey->text().trimmed(), m_secretKey->text().trimmed()};
}

void SettingsDialog::testConnection()
{
    const EnvironmentKind kind = chosenEnvironment();
    ClientConfig config;
    if (kind == EnvironmentKind::Live) {
        config.baseUrl = Environment::live().baseUrl;
    } else if (kind == EnvironmentKind::Sandbox) {
        config.baseUrl = Environment::sandbox().baseUrl;
    } else if (const Result<QUrl> url = parseBaseUrl(m_baseUrl->text())) {
        config.baseUrl = url.value();
    }
    if (config.baseUrl.isEmpty()) {
        m_testResult->setText(tr("Enter a valid base URL first."));
        return;
    }
    config.publicKey = editedKeys().publicKey;
    config.secretKey = editedKeys().secretKey;
    config.transferTimeout = m_settings.requestTimeout;
    m_testClient = std::make_unique<IntaSendClient>(m_network, config);
    m_testButton->setEnabled(false);
    m_testResult->setStyleSheet({});
    m_testResult->setText(tr("Asking IntaSend…"));
    m_testClient->testConnection(this, [this](const IntaSendClient::ConnectionTest& test) {
        m_testButton->setEnabled(chosenEnvironment() != EnvironmentKind::Demo);
        m_testResult->setStyleSheet(test.ok ? QStringLiteral("color:#1b7f3b;")
                                            : QStringLiteral("color:#b31d1d;"));
        m_testResult->setText(test.message);
        fitContents();
    });
}

void SettingsDialog::save()
{
    if (!problem().isEmpty())
        return;
    if (chosenEnvironment() == EnvironmentKind::Live && m_savedEnvironment != EnvironmentKind::Live) {
        Question question;
        question.dialogName = QStringLiteral("confirmLiveDialog");
        question.title = tr("Switch to LIVE?");
        question.text =
            tr("In LIVE mode every payment takes real money from customers' M-Pesa accounts. Switch "
               "this till to LIVE?");
        question.doText = tr("Switch to &LIVE");
        question.doName = QStringLiteral("switchToLive");
        question.dontText = tr("Cancel");
        question.dontName = QStringLiteral("stayOffLive");
        askFirst(this, question, [this] { write(); });
        return;
    }
    write();
}

void SettingsDialog::write()
{
    const Settings settings = editedSettings();
    QString error;
    if (settings.environment != EnvironmentKind::Demo &&
        !m_keys.save(environmentKey(*settings.environment), editedKeys(), &error)) {
        m_problem->setText(error);
        return;
    }
    if (!settings.save(m_iniPath, &error)) {
        m_problem->setText(error);
        return;
    }
    Q_EMIT saved();
    accept();
}

} // namespace lipa
