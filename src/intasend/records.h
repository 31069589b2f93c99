// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// IntaSend's own records as pure functions, like wire.h: the invoice list (find a payment by its
// api_ref, reconcile a day) and refund requests (chargebacks). All of them need the secret key (Bearer).
// See ../shared/intasend-api.md, sections 3 and 5.

#include "Money.h"
#include "Result.h"
#include "wire.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace lipa::wire {

QString invoicesPath();
QString chargebacksPath();

// What to ask the invoice list for. Empty fields are left out of the query.
struct InvoiceQuery {
    QString apiRef;
    QString state; // IntaSend's word, e.g. "COMPLETE"
    int page = 1;
    int pageSize = 100;
};
// The list's URL for the query, on the given base URL.
QUrl invoiceListUrl(const QUrl& baseUrl, const InvoiceQuery& query);
// Whether a `next` link may be followed: the same scheme, host and port as the configured base URL
// (a list that points elsewhere must not receive the secret key).
bool isOnBase(const QUrl& link, const QUrl& baseUrl);

// One page of the invoice list, newest first.
struct InvoicePage {
    int count = -1; // how many invoices match, as IntaSend says; -1 when not said
    QString next;   // the next page's absolute URL; empty on the last page
    QList<Invoice> invoices;
    // Items that could not be read, with why: a look that skipped one is not a complete look.
    QStringList unreadable;
};
// Parses {"count", "next", "previous", "results": [invoice, …]}. Not JSON, or no results list: an error.
Result<InvoicePage> parseInvoicePage(const QByteArray& body);

enum class ChargebackStatus { Pending, Cancelled, Disputed, Overdue, Completed };
// "PENDING", "COMPLETE", "COMPLETED", … → the status; nullopt for one this client does not know.
std::optional<ChargebackStatus> parseChargebackStatus(const QString& text);
// Whether IntaSend has finished with the request (it is not followed any more).
bool isFinal(ChargebackStatus status);

// A refund request as IntaSend keeps it.
struct Chargeback {
    QString id;
    QString invoiceId;
    std::optional<Money> amount;
    QString rawStatus;
    std::optional<ChargebackStatus> status;
    QString resolution; // IntaSend's words once it is decided; empty until then
    QDateTime createdAt;
    QDateTime updatedAt;
};

// What the till files to ask IntaSend for a refund of (part of) a paid invoice.
struct ChargebackRequest {
    QString invoiceId;
    Money amount;
    QString reason;
    QString details;
};
QByteArray buildChargebackBody(const ChargebackRequest& request);
// One chargeback ({"id", "invoice", "amount", "status", …}). No id or no status: an error.
Result<Chargeback> parseChargeback(const QByteArray& body);
// The chargeback list: a page ({"results": […], "next"}) or a bare array. Unreadable items are skipped.
Result<QList<Chargeback>> parseChargebackList(const QByteArray& body);

} // namespace lipa::wire
