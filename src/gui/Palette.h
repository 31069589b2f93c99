// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Environment.h"
#include "PaymentState.h"
#include "Reconciliation.h"
#include "Refund.h"

#include <QColor>
#include <QString>

namespace lipa {

// Every colour the till shows, in one place: the states' tones, the environment badges, the message
// area's kinds. Nothing else in the GUI writes a colour.
namespace Palette {

// The colour of text and icons in a tone (green for paid, red for failed…).
QColor tone(Tone tone);
inline QColor ofState(PaymentState state)
{
    return Palette::tone(traitsOf(state).tone);
}
// How a reconciliation's category reads: matched is good, paid here and not at IntaSend (or for another
// amount) is bad, paid there and recorded now wants a look, another till's invoice is only information.
Tone toneOf(ReconcileCategory category);
inline QColor ofCategory(ReconcileCategory category)
{
    return Palette::tone(toneOf(category));
}
// A refund request's tone: refunded is good, refused or cancelled bad, unconfirmed wants the cashier,
// the rest wait for IntaSend's staff.
Tone toneOf(RefundState state);
// What is drawn on a tone's colour (the symbol on a state's icon).
QColor onTone();
// Style sheet text colour for a label that reports a good or a bad outcome ("color:#1b7f3b;").
QString textStyle(Tone tone, bool bold = false);

// The DEMO / SANDBOX / LIVE / CUSTOM badge: background and text.
QColor badgeBackground(EnvironmentKind kind);
QColor badgeText(EnvironmentKind kind);
// A style sheet for a badge or strip in the environment's colours (selector may be empty).
QString badgeStyle(EnvironmentKind kind, const QString& selector = {}, const QString& extra = {});

// The kinds of message the till shows above the form.
enum class MessageKind {
    Information, // a standing note about how the till runs (demo mode, settings problems)
    Warning,     // something that just happened and needs reading, until dismissed
    Trouble,     // what stands in the way of payments now (keys refused, offline)
};
// The style sheet of a message of that kind, for the frame named objectName.
QString messageStyle(MessageKind kind, const QString& objectName);

} // namespace Palette

} // namespace lipa
