// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReconcileReport.h"

#include "CsvExport.h"
#include "PaymentState.h"
#include "PrintHtml.h"

#include <QCoreApplication>

namespace lipa::ReconcileReport {

using namespace PrintHtml;

namespace {

QString money(const std::optional<Money>& amount)
{
    return amount ? amount->toDisplayString() : QStringLiteral("—");
}

QString stateHere(const ReconcileItem& item)
{
    if (item.stateHere.isEmpty())
        return QStringLiteral("—");
    const std::optional<PaymentState> state = stateFromKey(item.stateHere);
    return state ? stateDisplayName(*state) : item.stateHere;
}

// The summary as (label, value, stands out) lines, shared by every form of the report.
struct Line {
    QString label;
    QString value;
    bool bold = false;
};

QList<Line> summaryLines(const ReconcileSummary& s)
{
    QList<Line> lines;
    lines.append({QCoreApplication::translate("lipa::ReconcileReport", "Period"),
                  localTime(s.from) + QStringLiteral(" – ") + localTime(s.to)});
    lines.append({QCoreApplication::translate("lipa::ReconcileReport", "Reconciled"),
                  localTime(s.finishedAt.isValid() ? s.finishedAt : s.startedAt)});
    if (!s.complete)
        lines.append(
            {QCoreApplication::translate("lipa::ReconcileReport", "INCOMPLETE"), s.incompleteReason, true});
    lines.append({QCoreApplication::translate("lipa::ReconcileReport", "Payments here"),
                  QString::number(s.paymentsHere)});
    lines.append(
        {QCoreApplication::translate("lipa::ReconcileReport", "Matched"), QString::number(s.matched)});
    lines.append({reconcileCategoryName(ReconcileCategory::PaidThereOnly), QString::number(s.paidThereOnly),
                  s.paidThereOnly > 0});
    lines.append({reconcileCategoryName(ReconcileCategory::PaidHereOnly), QString::number(s.paidHereOnly),
                  s.paidHereOnly > 0});
    lines.append({reconcileCategoryName(ReconcileCategory::AmountDiffers), QString::number(s.amountDiffers),
                  s.amountDiffers > 0});
    lines.append({QCoreApplication::translate("lipa::ReconcileReport", "Paid at IntaSend"),
                  s.paidAtIntaSend.toDisplayString(), true});
    lines.append({QCoreApplication::translate("lipa::ReconcileReport", "IntaSend's charges"),
                  s.charges.toDisplayString()});
    lines.append({QCoreApplication::translate("lipa::ReconcileReport", "Net to the wallet"),
                  s.net.toDisplayString(), true});
    if (s.otherSender > 0)
        lines.append(
            {QCoreApplication::translate("lipa::ReconcileReport", "Other tills or systems (not counted) × %1")
                 .arg(s.otherSender),
             s.otherSenderSum.toDisplayString()});
    lines.append({QCoreApplication::translate("lipa::ReconcileReport", "Invoices read"),
                  QStringLiteral("%1 (%2 requests)").arg(s.invoicesRead).arg(s.requests)});
    return lines;
}

} // namespace

QString title(const Reconciliation& reconciliation)
{
    Q_UNUSED(reconciliation);
    return QCoreApplication::translate("lipa::ReconcileReport", "Reconciliation with IntaSend");
}

QString summaryText(const ReconcileSummary& summary)
{
    QStringList text;
    text << (summary.agrees()
                 ? QCoreApplication::translate("lipa::ReconcileReport", "IntaSend agrees with this till.")
                 : QCoreApplication::translate(
                       "lipa::ReconcileReport",
                       "IntaSend does NOT fully agree with this till: see the reconciliation."));
    for (const Line& line : summaryLines(summary))
        text << QStringLiteral("  %1: %2").arg(line.label, line.value);
    return text.join(u'\n');
}

QString summaryHtml(const ReconcileSummary& summary)
{
    QString html;
    for (const Line& line : summaryLines(summary))
        html += row(line.label, line.value, line.bold);
    return html;
}

QString toHtml(const Reconciliation& r)
{
    QString html =
        QStringLiteral("<div align='center'><b>%1</b><br/><b>%2</b></div><hr/><table width='100%'>")
            .arg((r.tillName.isEmpty() ? QStringLiteral("Lipa Till") : r.tillName).toHtmlEscaped(),
                 title(r).toHtmlEscaped());
    html += summaryHtml(r.summary);
    html += QStringLiteral("</table><hr/>");
    if (r.items.isEmpty()) {
        html += QStringLiteral("<p>%1</p>")
                    .arg(QCoreApplication::translate("lipa::ReconcileReport",
                                                     "Nothing to look at: every payment matched.")
                             .toHtmlEscaped());
        return html;
    }
    for (const ReconcileItem& item : r.items) {
        html += QStringLiteral("<p><b>%1</b><br/>%2<br/>%3</p><table width='100%'>")
                    .arg(reconcileCategoryName(item.category).toHtmlEscaped(), localTime(item.createdAt),
                         code(item.apiRef.isEmpty() ? QStringLiteral("—") : item.apiRef));
        html += row(QCoreApplication::translate("lipa::ReconcileReport", "Here"),
                    stateHere(item) + QStringLiteral(" ") + money(item.amountHere));
        html +=
            row(QCoreApplication::translate("lipa::ReconcileReport", "At IntaSend"),
                (item.stateThere.isEmpty() ? QCoreApplication::translate("lipa::ReconcileReport", "not found")
                                           : item.stateThere) +
                    QStringLiteral(" ") + money(item.amountThere));
        if (!item.mpesaReference.isEmpty())
            html += row(QCoreApplication::translate("lipa::ReconcileReport", "M-Pesa"), item.mpesaReference);
        if (!item.invoiceId.isEmpty())
            html += row(QCoreApplication::translate("lipa::ReconcileReport", "Invoice"), item.invoiceId);
        html += QStringLiteral("</table>");
    }
    return html;
}

QByteArray toCsv(const Reconciliation& r)
{
    const auto line = [](const QStringList& cells) {
        QStringList escaped;
        for (const QString& text : cells)
            escaped.append(CsvExport::cell(text));
        return escaped.join(u',').toUtf8() + "\r\n";
    };
    const auto decimal = [](const std::optional<Money>& m) { return m ? m->toDecimalString() : QString(); };
    QByteArray csv =
        line({QStringLiteral("category"), QStringLiteral("created_at"), QStringLiteral("api_ref"),
              QStringLiteral("invoice_id"), QStringLiteral("state_here"), QStringLiteral("state_at_intasend"),
              QStringLiteral("amount_here"), QStringLiteral("amount_at_intasend"), QStringLiteral("charges"),
              QStringLiteral("mpesa_reference")});
    for (const ReconcileItem& item : r.items)
        csv += line({reconcileCategoryKey(item.category), item.createdAt.toLocalTime().toString(Qt::ISODate),
                     item.apiRef, item.invoiceId, item.stateHere, item.stateThere, decimal(item.amountHere),
                     decimal(item.amountThere), decimal(item.charges), item.mpesaReference});
    return csv;
}

} // namespace lipa::ReconcileReport
