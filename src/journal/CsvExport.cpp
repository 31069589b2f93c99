// SPDX-License-Identifier: GPL-3.0-or-later
#include "CsvExport.h"

#include "Journal.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <limits>

namespace lipa {

namespace {

QString isoWithOffset(const QDateTime& utc)
{
    return utc.toLocalTime().toOffsetFromUtc(utc.toLocalTime().offsetFromUtc()).toString(Qt::ISODate);
}

} // namespace

QStringList CsvExport::header()
{
    return {QStringLiteral("sequence"),       QStringLiteral("created_at"),    QStringLiteral("updated_at"),
            QStringLiteral("local_ref"),      QStringLiteral("phone"),         QStringLiteral("amount_kes"),
            QStringLiteral("state"),          QStringLiteral("mpesa_receipt"), QStringLiteral("invoice_id"),
            QStringLiteral("intasend_state"), QStringLiteral("failed_code"),   QStringLiteral("details"),
            QStringLiteral("till_name"),      QStringLiteral("replaces_ref")};
}

QStringList CsvExport::row(const Payment& p)
{
    return {QString::number(p.sequence),
            isoWithOffset(p.createdAt),
            isoWithOffset(p.updatedAt),
            p.localRef,
            p.phone.normalised(),
            p.amount.toDecimalString(),
            stateKey(p.state),
            p.mpesaReceipt,
            p.invoiceId,
            p.remoteState,
            p.failedCode,
            p.failureMessage,
            p.tillName,
            p.replacesRef};
}

QString CsvExport::cell(const QString& text)
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

qint64 CsvExport::write(const Journal& journal, const PaymentFilter& filter, const QString& path,
                        QString* error)
{
    return write(
        [&](qint64 before, int limit, bool* ok, QString* readError) {
            QList<Payment> page = journal.page(filter, before, limit, ok);
            if (!*ok)
                *readError = journal.lastError();
            return page;
        },
        path, error);
}

qint64 CsvExport::write(const PageReader& readPage, const QString& path, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return -1;
    }
    const auto writeLine = [&file](const QStringList& cells) {
        QStringList escaped;
        for (const QString& text : cells)
            escaped.append(cell(text));
        file.write(escaped.join(u',').toUtf8() + "\r\n");
    };
    writeLine(header());
    qint64 written = 0;
    qint64 before = std::numeric_limits<qint64>::max();
    for (;;) {
        bool read = true;
        const QList<Payment> page = readPage(before, 1000, &read, error);
        if (!read) {
            file.cancelWriting(); // a short file must not pass for the whole export
            return -1;
        }
        for (const Payment& payment : page)
            writeLine(row(payment));
        written += page.size();
        if (page.size() < 1000)
            break;
        before = page.last().sequence;
    }
    if (!file.commit()) {
        *error = file.errorString();
        return -1;
    }
    return written;
}

} // namespace lipa
