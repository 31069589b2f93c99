// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageArea.h"

#include "WrappingLabel.h"

#include <QBoxLayout>
#include <QFrame>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace lipa {

using Palette::MessageKind;

namespace {

QLabel* messageLabel(const QString& name, QWidget* parent)
{
    auto* label = new WrappingLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText); // server text is never markup
    return label;
}

} // namespace

MessageArea::MessageArea(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("messageArea"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_information = new QFrame(this);
    m_information->setObjectName(QStringLiteral("bannerFrame"));
    m_information->setStyleSheet(
        Palette::messageStyle(MessageKind::Information, m_information->objectName()));
    auto* informationLayout = new QVBoxLayout(m_information);
    informationLayout->setContentsMargins(6, 6, 6, 6);
    m_informationText = messageLabel(QStringLiteral("banner"), m_information);
    informationLayout->addWidget(m_informationText);
    m_settingsButton = new QPushButton(tr("Open Settings (Ctrl+,)"), m_information);
    m_settingsButton->setObjectName(QStringLiteral("bannerSettingsButton"));
    m_settingsButton->setFocusPolicy(Qt::TabFocus);
    m_settingsButton->hide();
    connect(m_settingsButton, &QPushButton::clicked, this, &MessageArea::settingsRequested);
    informationLayout->addWidget(m_settingsButton, 0, Qt::AlignLeft);
    layout->addWidget(m_information);

    m_trouble = messageLabel(QStringLiteral("serviceTrouble"), this);
    m_trouble->setStyleSheet(Palette::messageStyle(MessageKind::Trouble, m_trouble->objectName()));
    m_trouble->setAccessibleName(tr("Connection problem"));
    layout->addWidget(m_trouble);

    m_warning = new QFrame(this);
    m_warning->setObjectName(QStringLiteral("notice"));
    m_warning->setStyleSheet(Palette::messageStyle(MessageKind::Warning, m_warning->objectName()));
    auto* warningLayout = new QHBoxLayout(m_warning);
    warningLayout->setContentsMargins(6, 4, 4, 4);
    m_warningText = messageLabel(QStringLiteral("noticeText"), m_warning);
    warningLayout->addWidget(m_warningText, 1);
    auto* dismiss = new QToolButton(m_warning);
    dismiss->setObjectName(QStringLiteral("dismissNotice"));
    dismiss->setText(QStringLiteral("\u00d7"));
    dismiss->setAutoRaise(true);
    dismiss->setAccessibleName(tr("Dismiss message"));
    dismiss->setToolTip(tr("Dismiss this message"));
    connect(dismiss, &QToolButton::clicked, this, [this] { clearMessage(MessageKind::Warning); });
    warningLayout->addWidget(dismiss, 0, Qt::AlignTop);
    layout->addWidget(m_warning);

    for (MessageKind kind : {MessageKind::Information, MessageKind::Trouble, MessageKind::Warning})
        frameOf(kind)->hide();
    updateVisibility();
}

void MessageArea::showMessage(MessageKind kind, const QString& text, const QString& whileOpen)
{
    if (kind == MessageKind::Warning)
        m_warningWhileOpen = text.isEmpty() ? QString() : whileOpen;
    textOf(kind)->setText(text);
    frameOf(kind)->setVisible(!text.isEmpty());
    updateVisibility();
}

void MessageArea::clearMessage(MessageKind kind)
{
    showMessage(kind, {});
}

QString MessageArea::message(MessageKind kind) const
{
    return textOf(kind)->text();
}

void MessageArea::paymentFinished(const QString& localRef)
{
    if (!localRef.isEmpty() && localRef == m_warningWhileOpen)
        clearMessage(MessageKind::Warning);
}

void MessageArea::offerSettings(bool offered)
{
    m_settingsButton->setVisible(offered);
}

QWidget* MessageArea::frameOf(MessageKind kind) const
{
    switch (kind) {
    case MessageKind::Information:
        return m_information;
    case MessageKind::Warning:
        return m_warning;
    case MessageKind::Trouble:
        return m_trouble;
    }
    return m_warning;
}

QLabel* MessageArea::textOf(MessageKind kind) const
{
    switch (kind) {
    case MessageKind::Information:
        return m_informationText;
    case MessageKind::Warning:
        return m_warningText;
    case MessageKind::Trouble:
        return m_trouble;
    }
    return m_warningText;
}

void MessageArea::updateVisibility()
{
    // With nothing to say the area takes no room, not even the layout's spacing above the form.
    setVisible(!m_information->isHidden() || !m_trouble->isHidden() || !m_warning->isHidden());
}

} // namespace lipa
