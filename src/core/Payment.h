// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Money.h"
#include "PaymentState.h"
#include "PhoneNumber.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace lipa {

// How the customer is asked to pay: an M-Pesa prompt on their phone (STK push), or an IntaSend checkout
// page they open from a QR code on their own phone and pay by card or M-Pesa there ("card/QR").
enum class PaymentMethod { Mpesa, Checkout };

// One attempt to collect money from one phone: what the journal stores and the list shows.
struct Payment {
    qint64 sequence = 0; // the journal's running number (creation order); 0 until journaled
    QString localRef;    // our UUID, sent to IntaSend as api_ref; the payment's identity
    Money amount;
    PhoneNumber phone;
    PaymentState state = PaymentState::Sending;
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC

    QString invoiceId;      // IntaSend's id, kept as text (it is sometimes a number)
    QString remoteState;    // the raw IntaSend state last seen ("PENDING"), for audits
    QString mpesaReceipt;   // M-Pesa's code from the customer's SMS; empty until paid
    QString failedCode;     // M-Pesa result code as text
    QString failureMessage; // what the cashier reads: why it failed, was rejected or is unknown
    QString tillName;       // which till took it (the narrative sent to IntaSend)
    QString replacesRef;    // the earlier attempt this one re-sends, if any
    // A part of a sale taken in several payments (Sale): the sale's reference, this part's number (from 1;
    // a part sent again keeps its number) and how many parts the sale was planned in. Empty and 0 for a
    // payment that is a sale of its own.
    QString saleRef;
    int salePart = 0;
    int saleParts = 0;
    // IntaSend's fee and what reaches the wallet, as its records say (reconciliation, the list); unknown
    // until then. Never cleared once known.
    std::optional<Money> charges;
    std::optional<Money> netAmount;
    // A card/QR payment: IntaSend's checkout, its signature (which the status call needs with the id until
    // an invoice is known) and the page the QR code shows. Empty for an M-Pesa prompt.
    PaymentMethod method = PaymentMethod::Mpesa;
    QString checkoutId;
    QString checkoutSignature;
    QString checkoutUrl;

    bool isFinal() const { return lipa::isFinal(state); }
    bool isPartOfSale() const { return !saleRef.isEmpty(); }
    bool isCheckout() const { return method == PaymentMethod::Checkout; }
    // IntaSend can be asked about it: it has an invoice, or a checkout to ask with.
    bool isKnownToIntaSend() const { return !invoiceId.isEmpty() || !checkoutId.isEmpty(); }
};

} // namespace lipa

Q_DECLARE_METATYPE(lipa::Payment)
// Every member is relocatable (Qt's implicitly shared types, integers): lists of a million payments grow
// by moving memory, not by moving each payment.
Q_DECLARE_TYPEINFO(lipa::Payment, Q_RELOCATABLE_TYPE);
