// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>
#include <span>

namespace lipa {

// Where a payment is in its life. What each state is (final? may it be sent again? does it count as
// taken?) is one row of a table in PaymentState.cpp, and the allowed moves between states are another
// table there: every "what kind of state is this" question reads them.
enum class PaymentState {
    Sending,    // written to the journal, request on its way to IntaSend
    Pending,    // IntaSend has an invoice; waiting for the customer
    Processing, // the customer acted; M-Pesa is processing
    Complete,   // paid (final)
    Failed,     // not paid, with a reason from IntaSend (final)
    Expired,    // not final after the expiry window; still checked before any re-send
    Rejected,   // IntaSend refused the request: nothing was charged (final)
    Unknown,    // the request may have reached the phone; nobody knows
    Cash, // the cashier took cash for this sale instead (final, unless M-Pesa reports it paid after all)
};

// The groups a cashier filters the history by; the totals count by them too.
enum class StateGroup { All, Paid, Waiting, NeedsCheck, Failed };

// How a state's amount counts in the takings.
enum class Taken { No, ByMpesa, InCash };

// The look of a state, for every view (the colour is the GUI's Palette's business).
enum class Tone { Good, Waiting, Attention, Bad, Cash };

// One row of the state table.
struct StateTraits {
    PaymentState state;
    const char* key;         // stable name in the journal and the logs; never translated
    const char* displayName; // what a cashier reads (translated, context "lipa::PaymentState")
    bool isFinal;            // the till no longer waits for it (IntaSend cannot move it)
    bool awaitsCustomer;     // IntaSend has it open: the poller keeps asking
    bool inProgress;         // on its way: sending, or waiting for the customer
    bool mayStillCharge;     // the customer's phone may yet be charged by it: a second charge duplicates
    bool mayBeResent;        // a new attempt may be sent for it (after a last check)
    Taken taken;
    StateGroup group;
    Tone tone;
};

// Every state, in the order reports list them (paid first, failed last).
std::span<const StateTraits> stateTable();
const StateTraits& traitsOf(PaymentState state);
// The states whose traits satisfy pred, in stateTable() order.
template <typename Pred>
QList<PaymentState> statesWhere(Pred pred)
{
    QList<PaymentState> states;
    for (const StateTraits& traits : stateTable()) {
        if (pred(traits))
            states.append(traits.state);
    }
    return states;
}
QList<PaymentState> allPaymentStates();
// The journal names of states, for SQL lists and logs.
QStringList stateKeys(const QList<PaymentState>& states);

bool canTransition(PaymentState from, PaymentState to);
// Complete, Failed, Rejected, Cash: the till no longer waits for them.
inline bool isFinal(PaymentState state)
{
    return traitsOf(state).isFinal;
}
// Pending and Processing: the poller keeps asking IntaSend about them.
inline bool isAwaitingCustomer(PaymentState state)
{
    return traitsOf(state).awaitsCustomer;
}
// Not Sending or Complete: the sale may be settled in cash instead (CashDesk asks IntaSend first).
bool maySettleInCash(PaymentState state);
bool isInGroup(PaymentState state, StateGroup group);
QString stateGroupName(StateGroup group);

// Stable names for storage and logs ("Pending"); never translated.
QString stateKey(PaymentState state);
std::optional<PaymentState> stateFromKey(const QString& key);
// What a cashier reads ("Paid", "Waiting"); translated.
QString stateDisplayName(PaymentState state);

} // namespace lipa

Q_DECLARE_METATYPE(lipa::PaymentState)
