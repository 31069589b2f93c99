// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Journal.h"
#include "Payment.h"
#include "Reconciliation.h"
#include "Sale.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace lipa {

// A shift's figures: an X report (any time, the shift goes on) or the Z report that closes it; as HTML
// for QTextDocument (printed or saved as PDF by the GUI) and, for the Z report, as plain text kept in the
// journal. Narrow enough for a 58 mm roll.
struct ShiftReport {
    enum class Kind { X, Z };
    struct Line {
        PaymentState state;
        int count = 0;
        Money sum;
    };

    Kind kind = Kind::X;
    Shift shift;
    QString tillName;
    QDateTime printedAt; // UTC; for a Z report, when the shift closed
    QList<Line> byState; // every state seen in the shift, in a fixed order
    int paymentCount = 0;
    Money mpesaTotal; // paid by M-Pesa (Complete, from a prompt on the phone)
    Money cardTotal;  // paid through a card/QR checkout (Complete; by card or M-Pesa on the checkout page)
    int cardCount = 0;
    Money cashTotal; // settled in cash instead
    // Sales of earlier shifts settled in cash during this one: their cash is in this shift's drawer.
    QList<Payment> earlierSalesInCash;
    Money earlierCashTotal;
    // Still waiting, unknown or expired, or paid in cash while IntaSend still shows the M-Pesa request
    // open: to be checked before they are trusted.
    QList<Payment> unresolved;
    // Sales taken in several payments, started in the shift (their parts are among the payments above,
    // by how they were paid); those still open are unresolved, with what is left to pay.
    struct OpenSale {
        Sale sale;
        Money outstanding;
    };
    int salesInParts = 0;
    Money salesInPartsTotal;
    QList<OpenSale> openSales;
    // Refund requests made during the shift: all that still hold an amount, and those IntaSend completed.
    int refundsRequested = 0;
    Money refundsRequestedSum;
    int refundsCompleted = 0;
    Money refundsCompletedSum;
    // With a secret key the till can reconcile with IntaSend: the newest reconciliation covering the
    // shift, or none (the report says it was not reconciled).
    bool reconciliationExpected = false;
    std::optional<ReconcileSummary> reconciliation;

    // The shift's payments (created from its opening until `at`) as the journal has them now.
    static ShiftReport build(const Journal& journal, const Shift& shift, Kind kind, const QString& tillName,
                             const QDateTime& at, bool* ok = nullptr, bool withReconciliation = false);
    Money takenTotal() const { return mpesaTotal + cardTotal + cashTotal + earlierCashTotal; }
    const Line* line(PaymentState state) const;

    QString title() const;
    QString toHtml() const;
    QString toPlainText() const;
    QString refundsLine() const;
    QString salesLine() const;
};

} // namespace lipa
