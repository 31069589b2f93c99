#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace lipa {

// Where a payment is in its life. The allowed moves between states are data (see PaymentState.cpp),
// checked in one place: canTransition().
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

bool canTransition(PaymentState from, PaymentState to);
// Complete, Failed, Rejected, Cash: the till no longer waits for them.
bool isFinal(PaymentState state);
// Pending and Processing: the poller keeps asking IntaSend about them.
bool isAwaitingCustomer(PaymentState state);
// Not Sending or Complete: the sale may be settled in cash instead (Till::useCash asks IntaSend first).
bool maySettleInCash(PaymentState state);

// Stable names for storage and logs ("Pending"); never translated.
QString stateKey(PaymentState state);
std::optional<PaymentState> stateFromKey(const QString& key);
// What a cashier reads ("Paid", "Waiting"); translated.
QString stateDisplayName(PaymentState state);

} // namespace lipa

Q_DECLARE_METATYPE(lipa::PaymentState)
