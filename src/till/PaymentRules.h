// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IntaSendClient.h"
#include "Payment.h"

#include <QDateTime>
#include <QString>

#include <chrono>

namespace lipa {

// The till's decisions about a payment, as pure functions of what is known (the payment, IntaSend's
// answer, the time): no journal, no network, no signals. Till and the desks carry them out.
namespace PaymentRules {

// What a decision does to a payment: the payment as it should be recorded, the state to move it to, and
// what the journal's event says about why.
struct Outcome {
    Payment payment;            // with the fields learnt (invoice id, IntaSend's state, receipt, message)
    PaymentState to;            // may equal payment.state: the fields change, the state does not
    QString detail;             // for the journal's event
    QString mismatch;           // IntaSend reports another amount: for the cashier ("" when it agrees)
    bool foreignAnswer = false; // the answer is about another api_ref: ignore it entirely
    bool paidTwice = false;     // a cash sale was paid by M-Pesa as well: the cash goes back
    bool unknownRemoteState = false; // IntaSend said a state this version does not know, newly
};

// A sale settled in cash whose M-Pesa request IntaSend last showed as still open: the customer may yet
// approve it on the phone, so the till keeps asking until IntaSend says how it ended.
bool cashWithMpesaOpen(const Payment& payment);
// Whether IntaSend can be asked about the payment now: it knows it, and it may still change (waiting for
// the customer, unknown, expired, or settled in cash with its M-Pesa request still open).
bool isCheckable(const Payment& payment);
// Whether a report's totals can trust the payment yet: not while it may still end otherwise than it
// stands (a cash sale whose M-Pesa request is still open may turn out paid twice).
bool needsChecking(const Payment& payment);
// The note on a cash sale whose M-Pesa request IntaSend still shows open after the prompt timed out.
QString cashPromptTimedOutNote();
// Whether the payment was made longer than the expiry window before now.
// How long a payment is waited for: the M-Pesa prompt's expiry, or for a card/QR checkout (whose page stays
// open on the customer's phone while they type a card's details) kCheckoutLifetime, whichever is longer.
inline constexpr std::chrono::minutes kCheckoutLifetime{15};
std::chrono::milliseconds lifetime(const Payment& payment, std::chrono::milliseconds expiry);
bool isPastExpiry(const Payment& payment, const QDateTime& now, std::chrono::milliseconds expiry);

// IntaSend's view of the invoice applied to the payment (a push answer or a status check).
Outcome applyInvoice(const Payment& payment, const wire::Invoice& invoice);
// A push that got no invoice back: nothing charged (Rejected) or nobody knows (Unknown).
Outcome afterFailedPush(const Payment& payment, const CallResult& result);
// The expiry window passed while the payment still waited for the customer.
Outcome afterExpiry(const Payment& payment, std::chrono::milliseconds expiry);
// What goes into the journal's history for a failed call: the reason, and what IntaSend sent back.
QString callDetail(const CallResult& result);

} // namespace PaymentRules

} // namespace lipa
