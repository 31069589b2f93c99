// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Money.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace lipa {

// Where a refund request stands: first the till's own steps (recorded, sent or not), then IntaSend's
// chargeback status once IntaSend has it. IntaSend's staff decide a refund later; nothing is reversed at
// once.
enum class RefundState {
    Sending,     // recorded; the request is on its way (a crash here leaves it Unconfirmed)
    Unconfirmed, // it may or may not have reached IntaSend: the cashier must confirm before it is sent again
    Refused,     // IntaSend said no (or the cashier withdrew an unconfirmed one): nothing will be refunded
    Pending,     // IntaSend has it (PENDING)
    Disputed,    // IntaSend's DISPUTED: still open
    Overdue,     // IntaSend's OVERDUE: still open
    Cancelled,   // IntaSend's CANCELLED: final, nothing refunded
    Completed,   // IntaSend's COMPLETED: final, the money went back
};

// The journal's word for the state ("Pending"), and back.
QString refundStateKey(RefundState state);
std::optional<RefundState> refundStateFromKey(const QString& key);
// What the cashier reads ("Refund requested", "Refunded", …), translated.
QString refundStateName(RefundState state);
// Nothing more will happen to it.
bool isFinal(RefundState state);
// Whether its amount still counts against what may be refunded of the payment: every request except
// those that ended with nothing refunded.
bool holdsAmount(RefundState state);
// IntaSend's chargeback status word (PENDING, COMPLETED, …) → the state; nullopt for an unknown word.
std::optional<RefundState> refundStateFromIntaSend(const QString& status);

// One request to IntaSend to give (part of) a paid M-Pesa payment back to the customer.
struct Refund {
    qint64 id = 0;      // the journal's number; 0 until journaled
    QString paymentRef; // the payment's localRef
    QString invoiceId;  // IntaSend's invoice the refund is asked of
    Money amount;
    QString reason;  // one of the short list, as sent to IntaSend
    QString details; // the cashier's free text (reason_details)
    RefundState state = RefundState::Sending;
    QString chargebackId; // IntaSend's id once it answered
    QString rawStatus;    // IntaSend's status word as last seen
    QString resolution;   // IntaSend's words once decided
    QString message;      // why it was refused or is unconfirmed, for the cashier
    QString cashier;      // who asked (the open shift's cashier), may be empty
    QDateTime createdAt;  // UTC
    QDateTime updatedAt;  // UTC
};

} // namespace lipa

Q_DECLARE_METATYPE(lipa::Refund)
