// SPDX-License-Identifier: GPL-3.0-or-later
#include "PaymentState.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace lipa {

namespace {

using S = PaymentState;
using G = StateGroup;

// What every state is. A new state is a row here, its moves below, and its translation; its icon and
// colour follow from its tone.
// Columns: key, name, final, awaits customer, in progress, may still charge, may be resent, taken, group,
// tone.
constexpr std::array kStates = {
    StateTraits{S::Complete, "Complete", QT_TRANSLATE_NOOP("lipa::PaymentState", "Paid"), true, false, false,
                false, false, Taken::ByMpesa, G::Paid, Tone::Good},
    StateTraits{S::Cash, "Cash", QT_TRANSLATE_NOOP("lipa::PaymentState", "Paid in cash"), true, false, false,
                false, false, Taken::InCash, G::Paid, Tone::Cash},
    StateTraits{S::Sending, "Sending", QT_TRANSLATE_NOOP("lipa::PaymentState", "Sending"), false, false, true,
                true, false, Taken::No, G::Waiting, Tone::Waiting},
    StateTraits{S::Pending, "Pending", QT_TRANSLATE_NOOP("lipa::PaymentState", "Waiting"), false, true, true,
                true, false, Taken::No, G::Waiting, Tone::Waiting},
    StateTraits{S::Processing, "Processing", QT_TRANSLATE_NOOP("lipa::PaymentState", "Processing"), false,
                true, true, true, false, Taken::No, G::Waiting, Tone::Waiting},
    StateTraits{S::Unknown, "Unknown", QT_TRANSLATE_NOOP("lipa::PaymentState", "Unknown"), false, false,
                false, true, true, Taken::No, G::NeedsCheck, Tone::Attention},
    // Expired may still charge (a late approval), but only for a while: the journal asks with a time.
    StateTraits{S::Expired, "Expired", QT_TRANSLATE_NOOP("lipa::PaymentState", "Expired"), false, false,
                false, false, true, Taken::No, G::NeedsCheck, Tone::Attention},
    StateTraits{S::Failed, "Failed", QT_TRANSLATE_NOOP("lipa::PaymentState", "Failed"), true, false, false,
                false, true, Taken::No, G::Failed, Tone::Bad},
    StateTraits{S::Rejected, "Rejected", QT_TRANSLATE_NOOP("lipa::PaymentState", "Not sent"), true, false,
                false, false, true, Taken::No, G::Failed, Tone::Bad},
};

// Every allowed move: ARCHITECTURE.md's diagram plus the cash moves at the end. A move that is not here
// is a bug or a bad answer from the server, and the till refuses it. Unknown may resolve to anything a
// later status check reports.
constexpr std::array kTransitions = {
    std::pair{S::Sending, S::Pending},
    std::pair{S::Sending, S::Rejected},
    std::pair{S::Sending, S::Unknown},
    std::pair{S::Pending, S::Processing},
    std::pair{S::Pending, S::Complete},
    std::pair{S::Pending, S::Failed},
    std::pair{S::Pending, S::Expired},
    std::pair{S::Processing, S::Complete},
    std::pair{S::Processing, S::Failed},
    std::pair{S::Processing, S::Expired},
    std::pair{S::Expired, S::Complete},
    std::pair{S::Expired, S::Failed},
    std::pair{S::Unknown, S::Pending},
    std::pair{S::Unknown, S::Processing},
    std::pair{S::Unknown, S::Complete},
    std::pair{S::Unknown, S::Failed},
    // Looked up by its reference in IntaSend's records after the window, completely, and not there.
    std::pair{S::Unknown, S::Rejected},
    // A reconciliation read IntaSend's own records and found it paid: the money was taken, whatever the
    // till last heard. Only a reconciliation makes these moves (a final payment is not checked otherwise).
    std::pair{S::Failed, S::Complete},
    std::pair{S::Rejected, S::Complete},
    // The cashier took cash instead. Only from states where no M-Pesa money has been seen; and M-Pesa
    // may still report the sale paid afterwards (the customer approved late): that is recorded, and the
    // cashier told to give the cash back.
    std::pair{S::Pending, S::Cash},
    std::pair{S::Processing, S::Cash},
    std::pair{S::Unknown, S::Cash},
    std::pair{S::Expired, S::Cash},
    std::pair{S::Failed, S::Cash},
    std::pair{S::Rejected, S::Cash},
    std::pair{S::Cash, S::Complete},
};

} // namespace

std::span<const StateTraits> stateTable()
{
    return kStates;
}

const StateTraits& traitsOf(PaymentState state)
{
    for (const StateTraits& traits : kStates) {
        if (traits.state == state)
            return traits;
    }
    Q_UNREACHABLE();
}

QList<PaymentState> allPaymentStates()
{
    return statesWhere([](const StateTraits&) { return true; });
}

QStringList stateKeys(const QList<PaymentState>& states)
{
    QStringList keys;
    keys.reserve(states.size());
    for (PaymentState state : states)
        keys.append(stateKey(state));
    return keys;
}

bool canTransition(PaymentState from, PaymentState to)
{
    for (const auto& [f, t] : kTransitions) {
        if (f == from && t == to)
            return true;
    }
    return false;
}

bool maySettleInCash(PaymentState state)
{
    return canTransition(state, S::Cash);
}

bool isInGroup(PaymentState state, StateGroup group)
{
    return group == G::All || traitsOf(state).group == group;
}

QString stateGroupName(StateGroup group)
{
    switch (group) {
    case G::All:
        return QCoreApplication::translate("lipa::StateGroup", "All");
    case G::Paid:
        return QCoreApplication::translate("lipa::StateGroup", "Paid");
    case G::Waiting:
        return QCoreApplication::translate("lipa::StateGroup", "Waiting");
    case G::NeedsCheck:
        return QCoreApplication::translate("lipa::StateGroup", "Needs checking");
    case G::Failed:
        return QCoreApplication::translate("lipa::StateGroup", "Failed or not sent");
    }
    return {};
}

QString stateKey(PaymentState state)
{
    return QString::fromLatin1(traitsOf(state).key);
}

std::optional<PaymentState> stateFromKey(const QString& key)
{
    for (const StateTraits& traits : kStates) {
        if (key == QLatin1String(traits.key))
            return traits.state;
    }
    return std::nullopt;
}

QString stateDisplayName(PaymentState state)
{
    return QCoreApplication::translate("lipa::PaymentState", traitsOf(state).displayName);
}

} // namespace lipa
