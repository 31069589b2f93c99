// SPDX-License-Identifier: GPL-3.0-or-later
#include "RefundSlip.h"

#include "PrintHtml.h"
#include "RefundDesk.h"

#include <QCoreApplication>

namespace lipa {

using namespace PrintHtml;

namespace {

QString text(const char* source)
{
    return QCoreApplication::translate("lipa::Printouts", source);
}

// A row whose value is a code read back over the phone (receipt code, IntaSend's id).
QString codeRow(const QString& label, const QString& value)
{
    return QStringLiteral("<tr><td>%1</td><td align='right'><b>%2</b></td></tr>")
        .arg(label.toHtmlEscaped(), code(value));
}

} // namespace

QString refundSlipHtml(const Payment& payment, const Refund& refund, const QString& tillName,
                       const QDateTime& printedAt)
{
    QString html = QStringLiteral("<div align='center'><b>%1</b><br/>%2</div><hr/><table width='100%'>")
                       .arg((tillName.isEmpty() ? QStringLiteral("Lipa Till") : tillName).toHtmlEscaped(),
                            text(QT_TRANSLATE_NOOP("lipa::Printouts", "Refund request")).toHtmlEscaped());
    html += row(text(QT_TRANSLATE_NOOP("lipa::Printouts", "Asked")), localTime(refund.createdAt));
    html += row(text(QT_TRANSLATE_NOOP("lipa::Printouts", "Payment")), payment.amount.toDisplayString());
    html += row(text(QT_TRANSLATE_NOOP("lipa::Printouts", "Paid")), localTime(payment.createdAt));
    html += row(text(QT_TRANSLATE_NOOP("lipa::Printouts", "Phone")), payment.phone.masked());
    if (!payment.mpesaReceipt.isEmpty())
        html += codeRow(text(QT_TRANSLATE_NOOP("lipa::Printouts", "M-Pesa receipt")), payment.mpesaReceipt);
    html += row(text(QT_TRANSLATE_NOOP("lipa::Printouts", "Refund asked")), refund.amount.toDisplayString(),
                true);
    html += row(text(QT_TRANSLATE_NOOP("lipa::Printouts", "Reason")), RefundDesk::reasonName(refund.reason));
    if (!refund.details.isEmpty())
        html += row(text(QT_TRANSLATE_NOOP("lipa::Printouts", "Details")), refund.details);
    if (refund.chargebackId.isEmpty())
        html += row(text(QT_TRANSLATE_NOOP("lipa::Printouts", "IntaSend's request id")),
                    text(QT_TRANSLATE_NOOP("lipa::Printouts", "not given yet")));
    else
        html +=
            codeRow(text(QT_TRANSLATE_NOOP("lipa::Printouts", "IntaSend's request id")), refund.chargebackId);
    html += row(text(QT_TRANSLATE_NOOP("lipa::Printouts", "Status")), refundStateName(refund.state), true);
    if (!refund.resolution.isEmpty())
        html += row(text(QT_TRANSLATE_NOOP("lipa::Printouts", "IntaSend says")), refund.resolution);
    html +=
        QStringLiteral("</table><hr/><p>%1</p><small>%2<br/>%3</small>")
            .arg(text(QT_TRANSLATE_NOOP("lipa::Printouts", "IntaSend's staff process refund requests; the "
                                                           "customer is told when it is done."))
                     .toHtmlEscaped(),
                 text(QT_TRANSLATE_NOOP("lipa::Printouts", "Reference %1"))
                     .toHtmlEscaped()
                     .arg(code(payment.localRef)),
                 text(QT_TRANSLATE_NOOP("lipa::Printouts", "Printed %1"))
                     .arg(localTime(printedAt))
                     .toHtmlEscaped());
    return html;
}

} // namespace lipa
