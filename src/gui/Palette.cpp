// SPDX-License-Identifier: GPL-3.0-or-later
#include "Palette.h"

namespace lipa::Palette {

namespace {

// The till's colours: strong enough to read across the counter, and on white and on the highlight.
const QColor kGreen(0x1b, 0x7f, 0x3b);
const QColor kRed(0xb3, 0x1d, 0x1d);
const QColor kAmber(0x9a, 0x5b, 0x00);
const QColor kBlue(0x1d, 0x4e, 0xa8);
const QColor kTeal(0x00, 0x66, 0x70); // settled, but not by M-Pesa
const QColor kPurple(0x6b, 0x3f, 0xa0);
const QColor kYellow(0xf2, 0xb7, 0x05);

} // namespace

QColor tone(Tone tone)
{
    switch (tone) {
    case Tone::Good:
        return kGreen;
    case Tone::Waiting:
        return kBlue;
    case Tone::Attention:
        return kAmber;
    case Tone::Bad:
        return kRed;
    case Tone::Cash:
        return kTeal;
    }
    return {};
}

Tone toneOf(ReconcileCategory category)
{
    switch (category) {
    case ReconcileCategory::Matched:
        return Tone::Good;
    case ReconcileCategory::PaidThereOnly:
        return Tone::Attention;
    case ReconcileCategory::PaidHereOnly:
    case ReconcileCategory::AmountDiffers:
        return Tone::Bad;
    case ReconcileCategory::OtherSender:
        return Tone::Waiting;
    }
    return Tone::Attention;
}

Tone toneOf(RefundState state)
{
    switch (state) {
    case RefundState::Completed:
        return Tone::Good;
    case RefundState::Refused:
    case RefundState::Cancelled:
        return Tone::Bad;
    case RefundState::Unconfirmed:
    case RefundState::Disputed:
    case RefundState::Overdue:
        return Tone::Attention;
    case RefundState::Sending:
    case RefundState::Pending:
        return Tone::Waiting;
    }
    return Tone::Attention;
}

QColor onTone()
{
    return Qt::white;
}

QString textStyle(Tone tone, bool bold)
{
    return QStringLiteral("color:%1;%2")
        .arg(Palette::tone(tone).name(), bold ? QStringLiteral(" font-weight:bold;") : QString());
}

QColor badgeBackground(EnvironmentKind kind)
{
    switch (kind) {
    case EnvironmentKind::Live:
        return kRed;
    case EnvironmentKind::Custom:
        return kPurple;
    case EnvironmentKind::Sandbox:
        return kBlue;
    case EnvironmentKind::Demo:
        return kYellow;
    }
    return {};
}

QColor badgeText(EnvironmentKind kind)
{
    return kind == EnvironmentKind::Demo ? QColor(Qt::black) : QColor(Qt::white);
}

QString badgeStyle(EnvironmentKind kind, const QString& selector, const QString& extra)
{
    const QString rules = QStringLiteral("background:%1; color:%2; font-weight:bold; %3")
                              .arg(badgeBackground(kind).name(), badgeText(kind).name(), extra);
    return selector.isEmpty() ? rules : QStringLiteral("%1 { %2 }").arg(selector, rules);
}

QString messageStyle(MessageKind kind, const QString& objectName)
{
    switch (kind) {
    case MessageKind::Information:
        return QStringLiteral("#%1 { background:#fff4cc; border:1px solid #e0c060; border-radius:3px; }")
            .arg(objectName);
    case MessageKind::Warning:
        return QStringLiteral("#%1 { background:#fde2e2; border:1px solid #d08080; border-radius:3px; }")
            .arg(objectName);
    case MessageKind::Trouble:
        return QStringLiteral(
                   "#%1 { background:%2; color:white; font-weight:bold; padding:6px; border-radius:3px; }")
            .arg(objectName, kRed.name());
    }
    return {};
}

} // namespace lipa::Palette
