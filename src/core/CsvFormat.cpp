// SPDX-License-Identifier: GPL-3.0-or-later
#include "CsvFormat.h"

namespace lipa {

QString CsvFormat::time(const QDateTime& utc)
{
    return utc.toLocalTime().toOffsetFromUtc(utc.toLocalTime().offsetFromUtc()).toString(Qt::ISODate);
}

QStringList CsvFormat::header()
{
    return {QStringLiteral("sequence"),       QStringLiteral("created_at"),    QStringLiteral("updated_at"),
            QStringLiteral("local_ref"),      QStringLiteral("phone"),         QStringLiteral("amount_kes"),
            QStringLiteral("state"),          QStringLiteral("mpesa_receipt"), QStringLiteral("invoice_id"),
            QStringLiteral("intasend_state"), QStringLiteral("failed_code"),   QStringLiteral("details"),
            QStringLiteral("till_name"),      QStringLiteral("replaces_ref"),  QStringLiteral("sale_ref"),
            QStringLiteral("sale_part"),      QStringLiteral("method")};
}

QStringList CsvFormat::row(const Payment& p)
{
    return {QString::number(p.sequence), time(p.createdAt), time(p.updatedAt), p.localRef,
            p.phone.normalised(), p.amount.toDecimalString(), stateKey(p.state), p.mpesaReceipt, p.invoiceId,
            p.remoteState, p.failedCode, p.failureMessage, p.tillName, p.replacesRef, p.saleRef,
            p.isPartOfSale() ? QStringLiteral("%1/%2").arg(p.salePart).arg(p.saleParts) : QString(),
            // How the customer was asked to pay: an M-Pesa prompt, or a card/QR checkout page.
            p.isCheckout() ? QStringLiteral("card/qr") : QStringLiteral("mpesa")};
}

QString CsvFormat::cell(const QString& text)
{
    QString value = text;
    // A leading =, +, - or @ (or a tab or carriage return before one) makes spreadsheets evaluate the
    // cell; text from IntaSend or a till name must never run as a formula.
    if (!value.isEmpty() && QStringLiteral("=+-@\t\r").contains(value.front()))
        value.prepend(u'\'');
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n') || value.contains(u'\r')) {
        value.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        value = u'"' + value + u'"';
    }
    return value;
}

QByteArray CsvFormat::line(const QStringList& cells)
{
    QStringList escaped;
    escaped.reserve(cells.size());
    for (const QString& text : cells)
        escaped.append(cell(text));
    return escaped.join(u',').toUtf8() + "\r\n";
}

} // namespace lipa
