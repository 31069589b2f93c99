// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsDialog.h"

#include "AskFirst.h"
#include "IntaSendSettingsPage.h"
#include "Palette.h"
#include "SecuritySettingsPage.h"
#include "ShopSettingsPage.h"
#include "TillSettingsPage.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace lipa {

SettingsDialog::SettingsDialog(Settings settings, QString iniPath, KeyStore& keys, QWidget* parent)
    : QDialog(parent)
    , m_settings(std::move(settings))
    , m_iniPath(std::move(iniPath))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    // The pages scroll on a small screen (a 1024×600 touch till); the problem and the buttons stay in
    // view below them.
    auto* outer = new QVBoxLayout(this);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("settingsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* pages = new QWidget(scroll);
    auto* layout = new QVBoxLayout(pages);
    layout->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll, 1);
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 80);

    m_intasend = new IntaSendSettingsPage(m_settings, keys, pages);
    m_till = new TillSettingsPage(m_settings, pages);
    m_security = new SecuritySettingsPage(m_settings, pages);
    m_shop = new ShopSettingsPage(m_settings, keys, pages);
    for (QWidget* page : std::initializer_list<QWidget*>{m_intasend, m_till, m_security, m_shop})
        layout->addWidget(page);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("settingsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setStyleSheet(Palette::textStyle(Tone::Bad));
    scroll->setWidget(pages);
    outer->addWidget(m_problem);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_saveButton = buttons->button(QDialogButtonBox::Save);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_saveButton->setText(tr("&Save"));
    outer->addWidget(buttons);
    // As tall as the settings need, but never taller than the screen.
    scroll->setMinimumWidth(pages->sizeHint().width() + scroll->verticalScrollBar()->sizeHint().width());
    const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1024, 600);
    resize(sizeHint().width(), std::min(pages->sizeHint().height() + 120, screen.height() - 40));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_intasend, &IntaSendSettingsPage::changed, this, &SettingsDialog::updateProblem);
    connect(m_intasend, &IntaSendSettingsPage::notesChanged, this, &SettingsDialog::fitContents);
    connect(m_security, &SecuritySettingsPage::changed, this, &SettingsDialog::updateProblem);
    connect(m_shop, &ShopSettingsPage::changed, this, &SettingsDialog::updateProblem);
    connect(m_shop, &ShopSettingsPage::notesChanged, this, &SettingsDialog::fitContents);
    fitContents();
    updateProblem();
}

SettingsDialog::~SettingsDialog() = default;

QString SettingsDialog::problem() const
{
    if (const QString intasend = m_intasend->problem(); !intasend.isEmpty())
        return intasend;
    if (const QString security = m_security->problem(); !security.isEmpty())
        return security;
    return m_shop->problem();
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
    m_saveButton->setEnabled(text.isEmpty() && !m_saving);
}

Settings SettingsDialog::editedSettings() const
{
    Settings settings = m_settings;
    m_intasend->writeInto(settings);
    m_till->writeInto(settings);
    m_security->writeInto(settings);
    m_shop->writeInto(settings);
    return settings;
}

IntaSendKeys SettingsDialog::editedKeys() const
{
    return m_intasend->keys();
}

void SettingsDialog::save()
{
    if (!problem().isEmpty() || m_saving)
        return;
    if (m_intasend->switchesToLive()) {
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
    // The secrets first: a settings file that names an environment whose keys were not stored, or a shop
    // database whose new password was not, would start a till that cannot take payments or cannot reach
    // the shop.
    m_saving = true;
    updateProblem();
    const Settings settings = editedSettings();
    m_intasend->saveKeys(this, [this, settings](const QString& keysError) {
        if (!keysError.isEmpty()) {
            showSaveError(keysError);
            return;
        }
        m_shop->savePassword(this, [this, settings](const QString& passwordError) {
            QString error = passwordError;
            if (error.isEmpty() && settings.save(m_iniPath, &error)) {
                m_saving = false;
                Q_EMIT saved();
                accept();
                return;
            }
            showSaveError(error);
        });
    });
}

void SettingsDialog::showSaveError(const QString& error)
{
    m_saving = false;
    updateProblem();
    m_problem->setText(error);
}

} // namespace lipa
