// SPDX-License-Identifier: GPL-3.0-or-later
#include "PinDialog.h"

#include "ManagerPin.h"
#include "Palette.h"

#include <QBoxLayout>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>

namespace lipa {

void PinDialog::ask(ManagerPin& pin, const QString& purpose, QWidget* parent, std::function<void()> granted)
{
    if (!pin.isSet()) {
        granted();
        return;
    }
    auto* dialog = new PinDialog(pin, purpose, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, parent, [granted = std::move(granted)] { granted(); });
    dialog->open();
}

PinDialog::PinDialog(ManagerPin& pin, const QString& purpose, QWidget* parent)
    : QDialog(parent)
    , m_pin(pin)
{
    setObjectName(QStringLiteral("pinDialog"));
    setWindowTitle(tr("Manager PIN"));
    auto* layout = new QVBoxLayout(this);
    auto* prompt = new QLabel(tr("%1 needs the manager PIN.").arg(purpose), this);
    prompt->setTextFormat(Qt::PlainText);
    layout->addWidget(prompt);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("pinEdit"));
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setMaxLength(8);
    m_edit->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_edit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,8}")), m_edit));
    m_edit->setAccessibleName(tr("Manager PIN"));
    layout->addWidget(m_edit);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("pinMessage"));
    m_message->setStyleSheet(Palette::textStyle(Tone::Bad));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("OK"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &PinDialog::tryPin);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (const auto wait = m_pin.lockedFor(); wait.count() > 0)
        m_message->setText(tr("Too many wrong PINs. Try again in %1 seconds.").arg(wait.count()));
}

void PinDialog::tryPin()
{
    const ManagerPin::Attempt attempt = m_pin.check(m_edit->text());
    m_edit->clear();
    switch (attempt.verdict) {
    case ManagerPin::Verdict::Accepted:
        accept();
        return;
    case ManagerPin::Verdict::Wrong:
        m_message->setText(attempt.wait.count() > 0
                               ? tr("Wrong PIN. Try again in %1 seconds.").arg(attempt.wait.count())
                               : tr("Wrong PIN."));
        return;
    case ManagerPin::Verdict::LockedOut:
        m_message->setText(tr("Too many wrong PINs. Try again in %1 seconds.").arg(attempt.wait.count()));
        return;
    }
}

} // namespace lipa
