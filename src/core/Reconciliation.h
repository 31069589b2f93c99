// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Money.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace lipa {

// How one payment or one IntaSend invoice came out of a reconciliation.
enum class ReconcileCategory {
    Matched,       // both say paid, for the same amount (or both say not paid)
    PaidThereOnly, // IntaSend has it paid, the till did not: recorded now, with its receipt, and flagged
    PaidHereOnly,  // the till has it paid, IntaSend does not (not found, or not COMPLETE)
    AmountDiffers, // both say paid, for different amounts
    OtherSender,   // at IntaSend with an api_ref this till never sent: another till or system
};

// The journal's word for the category ("PaidThereOnly"), and back; what the owner reads.
QString reconcileCategoryKey(ReconcileCategory category);
std::optional<ReconcileCategory> reconcileCategoryFromKey(const QString& key);
QString reconcileCategoryName(ReconcileCategory category);

// One line of a reconciliation worth a look: every category but Matched (matched payments are counted).
struct ReconcileItem {
    ReconcileCategory category = ReconcileCategory::Matched;
    QString apiRef;     // the payment's localRef (for OtherSender: the api_ref IntaSend holds, maybe empty)
    QString invoiceId;  // empty when IntaSend has no invoice for it
    QString stateHere;  // the journal's state key; empty for OtherSender
    QString stateThere; // IntaSend's state word; empty when not found there
    std::optional<Money> amountHere;
    std::optional<Money> amountThere;
    QString mpesaReference;
    std::optional<Money> charges;
    QDateTime createdAt; // the payment's, else the invoice's (UTC)
};

// A reconciliation's figures, kept in the journal like a Z report.
struct ReconcileSummary {
    QDateTime from; // the period, [from, to), UTC
    QDateTime to;
    QDateTime startedAt;
    QDateTime finishedAt;
    bool complete = false;    // every page back to before the period was read
    QString incompleteReason; // why not, when not
    int invoicesRead = 0;     // IntaSend items read (all pages)
    int requests = 0;         // HTTP requests made
    int paymentsHere = 0;     // journal payments in the period
    int matched = 0;
    int paidThereOnly = 0;
    int paidHereOnly = 0;
    int amountDiffers = 0;
    int otherSender = 0;
    Money paidAtIntaSend; // this till's invoices COMPLETE at IntaSend in the period
    Money charges;        // IntaSend's fees on them
    Money net;            // what reaches the wallet
    Money otherSenderSum; // COMPLETE invoices of other tills or systems: listed, not counted

    bool agrees() const { return complete && paidThereOnly == 0 && paidHereOnly == 0 && amountDiffers == 0; }
};

struct Reconciliation {
    qint64 id = 0; // the journal's number; 0 until kept
    QString tillName;
    QString cashier;
    ReconcileSummary summary;
    QList<ReconcileItem> items;
};

} // namespace lipa

Q_DECLARE_METATYPE(lipa::Reconciliation)
