// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The IntaSend wire format as pure functions: request bodies in, response bodies out. No I/O, so every
// function here can be unit-tested against IntaSend's documented samples and fuzzed.

#include "Money.h"
#include "PhoneNumber.h"
#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace lipa::wire {

// Which STK push endpoint to use. IntaSend's Collection API document describes the first; the official
// SDKs have used the second (with a secret key) since 2023.
enum class StkRoute {
    Collection, // POST /api/v1/payment/collection/, no Authorization
    StkPush,    // POST /api/v1/payment/mpesa-stk-push/, Authorization: Bearer <secret key>
};

QString stkPushPath(StkRoute route);
QString statusPath();
// GET with the secret key: lists the account's wallets; harmless, so the settings' connection test uses it.
QString walletsPath();

struct ChargeRequest {
    Money amount; // whole shillings: M-Pesa rejects fractions
    PhoneNumber phone;
    QString apiRef;    // our unique reference for this attempt
    QString narrative; // the till's name; sent on the StkPush route only
};

QByteArray buildStkPushBody(const QString& publicKey, const ChargeRequest& request, StkRoute route);
QByteArray buildStatusBody(const QString& publicKey, const QString& invoiceId);

// What a status call asks about: an invoice, or (a card/QR payment before its invoice is known) a checkout
// by its id and signature.
struct StatusKey {
    QString invoiceId;
    QString checkoutId;
    QString signature;
    bool isEmpty() const { return invoiceId.isEmpty() && checkoutId.isEmpty(); }
};
QByteArray buildStatusBody(const QString& publicKey, const StatusKey& key);

// A checkout (card or M-Pesa on the customer's own phone, from a QR code): POST /api/v1/checkout/ with the
// public key in the body. The business pays the fees, so the customer pays exactly the amount shown.
QString checkoutPath();
struct CheckoutRequest {
    Money amount; // whole shillings
    PhoneNumber phone;
    QString apiRef;
};
QByteArray buildCheckoutBody(const QString& publicKey, const CheckoutRequest& request);
struct Checkout {
    QString id;        // "id", a number becomes its decimal text
    QString url;       // the page the customer opens: http(s) only
    QString signature; // needed with the id by the status call
};
// {"id", "url", "signature", …}; an answer without all three (or with a URL that is not http/https) is an
// error.
Result<Checkout> parseCheckoutResponse(const QByteArray& body);

enum class RemoteState { Pending, Processing, Retry, Complete, Failed };

// "PENDING", "COMPLETED", ... → the state, or nullopt for a state this client does not know.
std::optional<RemoteState> parseRemoteState(const QString& text);

// IntaSend's invoice object, as far as the till needs it. Unknown fields are ignored.
struct Invoice {
    QString invoiceId;                // invoice_id, else id (a number becomes its decimal text)
    QString rawState;                 // exactly as sent, for the journal
    std::optional<RemoteState> state; // nullopt: a state we do not know (keep polling, report it)
    std::optional<Money> value;
    QString currency;
    QString provider;
    QString account;
    QString apiRef;
    QString mpesaReference; // empty when null
    QString failedReason;   // empty when null
    QString failedCode;     // text, whether sent as string or number; empty when null
    QDateTime createdAt;
    QDateTime updatedAt;
    // In the invoice list (IntaSend's records): its fee, what reaches the wallet, and whether it has.
    std::optional<Money> charges;
    std::optional<Money> netAmount;
    QString clearingStatus; // e.g. "AVAILABLE"; empty when not sent
};

// Parses a push response ({"invoice":{…}} or {"id":…, "invoice":{…}, …}) or a status response
// ({"invoice":{…}, "meta":{…}}). A missing invoice or a missing/non-text id is an error.
Result<Invoice> parseInvoiceResponse(const QByteArray& body);
// A status answer about a checkout: as parseInvoiceResponse, except that a checkout nobody has paid yet
// may come without an invoice ("invoice": null): that reads as still pending, with no invoice id.
Result<Invoice> parseCheckoutStatusResponse(const QByteArray& body);
// The invoice object itself (inside a push or status answer, or an item of the invoice list).
Result<Invoice> parseInvoiceObject(const QJsonObject& json);

// The most specific human text in an IntaSend error body: errors[].detail, then detail, then message.
// Empty when the body has none (HTML, empty, not JSON).
QString parseErrorBody(const QByteArray& body);

// What the cashier reads for a failed payment: plain words for the M-Pesa result codes we know,
// IntaSend's own text otherwise.
QString cashierFailureMessage(const QString& failedCode, const QString& failedReason);

} // namespace lipa::wire
