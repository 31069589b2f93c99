// SPDX-License-Identifier: GPL-3.0-or-later
#include "Receipt.h"

#include "PrintHtml.h"

#include <QCoreApplication>

namespace lipa {

using namespace PrintHtml;

QString receiptHtml(const Payment& payment, const QString& tillName, const QDateTime& printedAt)
{
    QString html =
        QStringLiteral("<div align='center'><b>%1</b><br/>%2</div><hr/><table width='100%'>")
            .arg((tillName.isEmpty() ? QStringLiteral("Lipa Till") : tillName).toHtmlEscaped(),
                 QCoreApplication::translate("lipa::Printouts", "Payment receipt").toHtmlEscaped());
    html += row(QCoreApplication::translate("lipa::Printouts", "Time"), localTime(payment.createdAt));
    html +=
        row(QCoreApplication::translate("lipa::Printouts", "Amount"), payment.amount.toDisplayString(), true);
    html += row(QCoreApplication::translate("lipa::Printouts", "Phone"), payment.phone.masked());
    if (payment.state == PaymentState::Complete) {
        html += row(QCoreApplication::translate("lipa::Printouts", "Paid by"),
                    payment.isCheckout()
                        ? QCoreApplication::translate("lipa::Printouts", "Card/QR (IntaSend checkout)")
                        : QStringLiteral("M-Pesa"));
        if (!payment.mpesaReceipt.isEmpty() || !payment.isCheckout())
            html += QStringLiteral("<tr><td>%1</td><td align='right'><b>%2</b></td></tr>")
                        .arg(QCoreApplication::translate("lipa::Printouts", "M-Pesa receipt").toHtmlEscaped(),
                             code(payment.mpesaReceipt));
        else
            html +=
                row(QCoreApplication::translate("lipa::Printouts", "IntaSend invoice"), payment.invoiceId);
    } else if (payment.state == PaymentState::Cash) {
        html += row(QCoreApplication::translate("lipa::Printouts", "Paid by"),
                    QCoreApplication::translate("lipa::Printouts", "Cash"));
    } else {
        html += row(QCoreApplication::translate("lipa::Printouts", "State"), stateDisplayName(payment.state),
                    true);
    }
    html += QStringLiteral("</table><hr/><small>%1<br/>%2</small>")
                .arg(QCoreApplication::translate("lipa::Printouts", "Reference %1")
                         .toHtmlEscaped()
                         .arg(code(payment.localRef)),
                     QCoreApplication::translate("lipa::Printouts", "Printed %1")
                         .arg(localTime(printedAt))
                         .toHtmlEscaped());
    if (traitsOf(payment.state).taken == Taken::No)
        html += QStringLiteral("<p align='center'><b>%1</b></p>")
                    .arg(QCoreApplication::translate("lipa::Printouts",
                                                     "NOT PAID — this is not a receipt for payment")
                             .toHtmlEscaped());
    return html;
}

QString saleReceiptHtml(const Sale& sale, const QList<Payment>& attempts, const QString& tillName,
                        const QDateTime& printedAt)
{
    const SaleProgress progress = SaleProgress::of(sale, attempts);
    QString html = QStringLiteral("<div align='center'><b>%1</b><br/>%2</div><hr/><table width='100%'>")
                       .arg((tillName.isEmpty() ? QStringLiteral("Lipa Till") : tillName).toHtmlEscaped(),
                            QCoreApplication::translate("lipa::Printouts", "Sale receipt").toHtmlEscaped());
    html += row(QCoreApplication::translate("lipa::Printouts", "Time"), localTime(sale.createdAt));
    html += row(QCoreApplication::translate("lipa::Printouts", "Total"), sale.total.toDisplayString(), true);
    html += QStringLiteral("</table><hr/><table width='100%'>");
    for (const Payment& part : attempts) {
        if (part.state != PaymentState::Complete && part.state != PaymentState::Cash)
            continue; // an attempt that took nothing is not on the customer's receipt
        const QString label = QCoreApplication::translate("lipa::Printouts", "Part %1/%2")
                                  .arg(part.salePart)
                                  .arg(part.saleParts);
        const QString how =
            part.state == PaymentState::Complete
                ? QStringLiteral("M-Pesa %1 %2").arg(part.phone.masked(), code(part.mpesaReceipt))
                : QCoreApplication::translate("lipa::Printouts", "Cash").toHtmlEscaped();
        html += QStringLiteral("<tr><td>%1<br/><small>%2</small></td><td align='right'>%3</td></tr>")
                    .arg(label.toHtmlEscaped(), how, part.amount.toDisplayString().toHtmlEscaped());
    }
    html += QStringLiteral("</table><hr/><table width='100%'>");
    html += row(QCoreApplication::translate("lipa::Printouts", "Paid"),
                (progress.paid + progress.cash).toDisplayString(), true);
    if (progress.outstanding.cents() > 0)
        html += row(sale.closedShort()
                        ? QCoreApplication::translate("lipa::Printouts", "Not paid (sale closed short)")
                        : QCoreApplication::translate("lipa::Printouts", "Still to pay"),
                    progress.outstanding.toDisplayString(), true);
    html +=
        QStringLiteral("</table><hr/><small>%1<br/>%2</small>")
            .arg(
                QCoreApplication::translate("lipa::Printouts", "Sale %1").toHtmlEscaped().arg(code(sale.ref)),
                QCoreApplication::translate("lipa::Printouts", "Printed %1")
                    .arg(localTime(printedAt))
                    .toHtmlEscaped());
    if (progress.outstanding.cents() > 0 && !sale.closedShort())
        html += QStringLiteral("<p align='center'><b>%1</b></p>")
                    .arg(QCoreApplication::translate(
                             "lipa::Printouts", "NOT PAID IN FULL — this is not a receipt for the whole sale")
                             .toHtmlEscaped());
    return html;
}

} // namespace lipa
