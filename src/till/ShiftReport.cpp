// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShiftReport.h"

#include "PaymentRules.h"
#include "PrintHtml.h"
#include "ReconcileReport.h"

#include <QCoreApplication>

namespace lipa {

using namespace PrintHtml;

ShiftReport ShiftReport::build(const Journal& journal, const Shift& shift, Kind kind, const QString& tillName,
                               const QDateTime& at, bool* ok, bool withReconciliation)
{
    ShiftReport report;
    report.kind = kind;
    report.shift = shift;
    report.tillName = tillName;
    report.printedAt = at;
    const QDateTime end = shift.isOpen() ? at.addMSecs(1) : shift.closedAt.addMSecs(1);
    bool readPayments = false;
    bool readEarlier = false;
    const QList<Payment> payments = journal.paymentsBetween(shift.openedAt, end, &readPayments);
    report.earlierSalesInCash = journal.settledInCashLater(shift.openedAt, end, &readEarlier);
    if (ok)
        *ok = readPayments && readEarlier;
    for (const Payment& payment : std::as_const(report.earlierSalesInCash)) {
        report.earlierCashTotal += payment.amount;
        if (PaymentRules::needsChecking(payment))
            report.unresolved.append(payment);
    }
    report.paymentCount = static_cast<int>(payments.size());
    // The order lines appear in: money taken first, then what is still open, then what was not paid.
    for (PaymentState state : allPaymentStates()) {
        Line line{state, 0, {}};
        for (const Payment& payment : payments) {
            if (payment.state == state) {
                ++line.count;
                line.sum += payment.amount;
            }
        }
        if (line.count > 0)
            report.byState.append(line);
    }
    for (const Payment& payment : payments) {
        if (payment.state == PaymentState::Complete && payment.isCheckout()) {
            report.cardTotal += payment.amount;
            ++report.cardCount;
        } else if (payment.state == PaymentState::Complete) {
            report.mpesaTotal += payment.amount;
        } else if (payment.state == PaymentState::Cash)
            report.cashTotal += payment.amount;
        if (PaymentRules::needsChecking(payment))
            report.unresolved.append(payment);
    }
    bool readSales = false;
    for (const Sale& sale : journal.sales().between(shift.openedAt, end, &readSales)) {
        ++report.salesInParts;
        report.salesInPartsTotal += sale.total;
        if (sale.isOpen()) {
            const SaleProgress progress = SaleProgress::of(sale, journal.partsOf(sale.ref));
            report.openSales.append({sale, progress.outstanding});
        }
    }
    if (ok)
        *ok = *ok && readSales;
    bool readRefunds = false;
    for (const Refund& refund : journal.refunds().between(shift.openedAt, end, &readRefunds)) {
        if (holdsAmount(refund.state)) {
            ++report.refundsRequested;
            report.refundsRequestedSum += refund.amount;
        }
        if (refund.state == RefundState::Completed) {
            ++report.refundsCompleted;
            report.refundsCompletedSum += refund.amount;
        }
    }
    if (ok)
        *ok = *ok && readRefunds;
    report.reconciliationExpected = withReconciliation;
    if (withReconciliation) {
        // One that covers every payment of the shift (made before the shift closed, it ends before `end`).
        QDateTime lastPayment = shift.openedAt;
        for (const Payment& payment : payments)
            lastPayment = std::max(lastPayment, payment.createdAt);
        if (const std::optional<Reconciliation> r =
                journal.reconciliations().latestCovering(shift.openedAt, lastPayment.addMSecs(1)))
            report.reconciliation = r->summary;
    }
    return report;
}

QString ShiftReport::refundsLine() const
{
    return QCoreApplication::translate("lipa::Printouts", "Refunds requested × %1: %2; completed × %3: %4")
        .arg(refundsRequested)
        .arg(refundsRequestedSum.toDisplayString())
        .arg(refundsCompleted)
        .arg(refundsCompletedSum.toDisplayString());
}

QString ShiftReport::salesLine() const
{
    return QCoreApplication::translate("lipa::Printouts", "Sales in parts × %1: %2")
        .arg(salesInParts)
        .arg(salesInPartsTotal.toDisplayString());
}

namespace {

QString openSaleText(const ShiftReport::OpenSale& open)
{
    return QCoreApplication::translate("lipa::Printouts", "%1 %2 sale of %3, %4 to pay")
        .arg(PrintHtml::shortTime(open.sale.createdAt), open.sale.phone.masked(),
             open.sale.total.toDisplayString(), open.outstanding.toDisplayString());
}

} // namespace

const ShiftReport::Line* ShiftReport::line(PaymentState state) const
{
    for (const Line& l : byState) {
        if (l.state == state)
            return &l;
    }
    return nullptr;
}

QString ShiftReport::title() const
{
    return kind == Kind::X ? QCoreApplication::translate("lipa::Printouts", "X report (shift still open)")
                           : QCoreApplication::translate("lipa::Printouts", "Z report (shift closed)");
}

QString ShiftReport::toHtml() const
{
    QString html =
        QStringLiteral("<div align='center'><b>%1</b><br/><b>%2</b></div><hr/><table width='100%'>")
            .arg((tillName.isEmpty() ? QStringLiteral("Lipa Till") : tillName).toHtmlEscaped(),
                 title().toHtmlEscaped());
    html += row(QCoreApplication::translate("lipa::Printouts", "Cashier"), shift.cashier);
    html += row(QCoreApplication::translate("lipa::Printouts", "Opened"), localTime(shift.openedAt));
    html += row(kind == Kind::Z ? QCoreApplication::translate("lipa::Printouts", "Closed")
                                : QCoreApplication::translate("lipa::Printouts", "Printed"),
                localTime(printedAt));
    html += QStringLiteral("</table><hr/><table width='100%'>");
    html +=
        row(QCoreApplication::translate("lipa::Printouts", "Payments"), QString::number(paymentCount), true);
    for (const Line& l : byState)
        html += row(QStringLiteral("%1 × %2").arg(stateDisplayName(l.state)).arg(l.count),
                    l.sum.toDisplayString());
    if (salesInParts > 0)
        html += row(QCoreApplication::translate("lipa::Printouts", "Sales in parts × %1").arg(salesInParts),
                    salesInPartsTotal.toDisplayString());
    html += QStringLiteral("</table><hr/><table width='100%'>");
    html +=
        row(QCoreApplication::translate("lipa::Printouts", "Paid by M-Pesa"), mpesaTotal.toDisplayString());
    if (cardCount > 0)
        html += row(QCoreApplication::translate("lipa::Printouts", "Paid by card/QR × %1").arg(cardCount),
                    cardTotal.toDisplayString());
    html += row(QCoreApplication::translate("lipa::Printouts", "Paid in cash"), cashTotal.toDisplayString());
    if (!earlierSalesInCash.isEmpty())
        html += row(QCoreApplication::translate("lipa::Printouts", "Cash for earlier shifts' sales × %1")
                        .arg(earlierSalesInCash.size()),
                    earlierCashTotal.toDisplayString());
    html += row(QCoreApplication::translate("lipa::Printouts", "Total taken"), takenTotal().toDisplayString(),
                true);
    html += QStringLiteral("</table><hr/>");
    if (refundsRequested > 0 || refundsCompleted > 0) {
        html += QStringLiteral("<table width='100%'>");
        html += row(
            QCoreApplication::translate("lipa::Printouts", "Refunds requested × %1").arg(refundsRequested),
            refundsRequestedSum.toDisplayString());
        html += row(
            QCoreApplication::translate("lipa::Printouts", "Refunds completed × %1").arg(refundsCompleted),
            refundsCompletedSum.toDisplayString());
        html += QStringLiteral("</table><hr/>");
    }
    if (reconciliationExpected) {
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(QCoreApplication::translate("lipa::Printouts", "IntaSend reconciliation")
                             .toHtmlEscaped());
        if (reconciliation)
            html += QStringLiteral("<table width='100%'>") + ReconcileReport::summaryHtml(*reconciliation) +
                    QStringLiteral("</table>");
        else
            html += QStringLiteral("<p>%1</p>")
                        .arg(QCoreApplication::translate("lipa::Printouts",
                                                         "Not reconciled with IntaSend for this shift.")
                                 .toHtmlEscaped());
        html += QStringLiteral("<hr/>");
    }
    if (!openSales.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p><table width='100%'>")
                    .arg(QCoreApplication::translate("lipa::Printouts", "Open sales — not paid in full:")
                             .toHtmlEscaped());
        for (const OpenSale& open : openSales)
            html += QStringLiteral("<tr><td>%1</td></tr>").arg(openSaleText(open).toHtmlEscaped());
        html += QStringLiteral("</table>");
    }
    if (unresolved.isEmpty()) {
        html += QStringLiteral("<p>%1</p>")
                    .arg(QCoreApplication::translate("lipa::Printouts", "No unresolved payments.")
                             .toHtmlEscaped());
    } else {
        html += QStringLiteral("<p><b>%1</b></p><table width='100%'>")
                    .arg(QCoreApplication::translate("lipa::Printouts",
                                                     "Unresolved — check these before trusting the totals:")
                             .toHtmlEscaped());
        for (const Payment& p : unresolved)
            html += row(QStringLiteral("%1 %2 %3")
                            .arg(shortTime(p.createdAt), p.phone.masked(), stateDisplayName(p.state)),
                        p.amount.toDisplayString());
        html += QStringLiteral("</table>");
    }
    return html;
}

QString ShiftReport::toPlainText() const
{
    QStringList lines;
    lines << (tillName.isEmpty() ? QStringLiteral("Lipa Till") : tillName) << title();
    lines << QCoreApplication::translate("lipa::Printouts", "Cashier") + QStringLiteral(": ") + shift.cashier;
    lines << QCoreApplication::translate("lipa::Printouts", "Opened") + QStringLiteral(": ") +
                 localTime(shift.openedAt);
    lines << (kind == Kind::Z ? QCoreApplication::translate("lipa::Printouts", "Closed")
                              : QCoreApplication::translate("lipa::Printouts", "Printed")) +
                 QStringLiteral(": ") + localTime(printedAt);
    lines << QCoreApplication::translate("lipa::Printouts", "Payments") + QStringLiteral(": ") +
                 QString::number(paymentCount);
    for (const Line& l : byState)
        lines << QStringLiteral("  %1 × %2: %3")
                     .arg(stateDisplayName(l.state))
                     .arg(l.count)
                     .arg(l.sum.toDisplayString());
    lines << QCoreApplication::translate("lipa::Printouts", "Paid by M-Pesa") + QStringLiteral(": ") +
                 mpesaTotal.toDisplayString();
    if (cardCount > 0)
        lines << QCoreApplication::translate("lipa::Printouts", "Paid by card/QR × %1").arg(cardCount) +
                     QStringLiteral(": ") + cardTotal.toDisplayString();
    lines << QCoreApplication::translate("lipa::Printouts", "Paid in cash") + QStringLiteral(": ") +
                 cashTotal.toDisplayString();
    if (!earlierSalesInCash.isEmpty())
        lines << QCoreApplication::translate("lipa::Printouts", "Cash for earlier shifts' sales × %1")
                         .arg(earlierSalesInCash.size()) +
                     QStringLiteral(": ") + earlierCashTotal.toDisplayString();
    for (const Payment& p : earlierSalesInCash)
        lines << QStringLiteral("  %1 %2 %3 %4")
                     .arg(localTime(p.createdAt), p.phone.masked(), p.amount.toDisplayString(), p.localRef);
    lines << QCoreApplication::translate("lipa::Printouts", "Total taken") + QStringLiteral(": ") +
                 takenTotal().toDisplayString();
    if (salesInParts > 0)
        lines << salesLine();
    if (refundsRequested > 0 || refundsCompleted > 0)
        lines << refundsLine();
    if (reconciliationExpected) {
        lines << QCoreApplication::translate("lipa::Printouts", "IntaSend reconciliation");
        lines << (reconciliation ? ReconcileReport::summaryText(*reconciliation)
                                 : QCoreApplication::translate(
                                       "lipa::Printouts", "Not reconciled with IntaSend for this shift."));
    }
    if (!openSales.isEmpty())
        lines << QCoreApplication::translate("lipa::Printouts", "Open sales — not paid in full:");
    for (const OpenSale& open : openSales)
        lines << QStringLiteral("  ") + openSaleText(open) + u' ' + open.sale.ref;
    if (unresolved.isEmpty())
        lines << QCoreApplication::translate("lipa::Printouts", "No unresolved payments.");
    else
        lines << QCoreApplication::translate("lipa::Printouts",
                                             "Unresolved — check these before trusting the totals:");
    for (const Payment& p : unresolved)
        lines << QStringLiteral("  %1 %2 %3 %4 %5")
                     .arg(shortTime(p.createdAt), p.phone.masked(), p.amount.toDisplayString(),
                          stateDisplayName(p.state), p.localRef);
    return lines.join(u'\n');
}

} // namespace lipa
