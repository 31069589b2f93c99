// SPDX-License-Identifier: GPL-3.0-or-later
#include "CsvExport.h"

#include "CsvFormat.h"
#include "Journal.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <limits>

namespace lipa {

QStringList CsvExport::header()
{
    return CsvFormat::header();
}

QStringList CsvExport::row(const Payment& payment)
{
    return CsvFormat::row(payment);
}

QString CsvExport::cell(const QString& text)
{
    return CsvFormat::cell(text);
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
    const auto writeLine = [&file](const QStringList& cells) { file.write(CsvFormat::line(cells)); };
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
