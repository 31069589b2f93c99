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
        html += row(QCoreApplication::translate("lipa::Printouts", "Paid by"), QStringLiteral("M-Pesa"));
        html += QStringLiteral("<tr><td>%1</td><td align='right'><b>%2</b></td></tr>")
                    .arg(QCoreApplication::translate("lipa::Printouts", "M-Pesa receipt").toHtmlEscaped(),
                         code(payment.mpesaReceipt));
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

} // namespace lipa
