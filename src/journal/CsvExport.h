// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PaymentFilter.h"

#include <QList>
#include <QString>

#include <functional>

namespace lipa {

class Journal;

// Writes the payments matching a filter as CSV, for the shop's books: UTF-8, one header row, ISO times
// with their UTC offset, amounts as 1500.00. Written atomically (a half-written file never replaces a
// good one) and safe to open in a spreadsheet: no cell can start a formula.
class CsvExport {
public:
    static QStringList header();
    static QStringList row(const Payment& payment);
    // One CSV cell: quoted when it must be, and defused when a spreadsheet would read it as a formula.
    static QString cell(const QString& text);

    // Returns the number of payments written, or -1 (with *error set).
    static qint64 write(const Journal& journal, const PaymentFilter& filter, const QString& path,
                        QString* error);

    // Where the payments come from: a page of them, newest first, with a sequence below `before`;
    // *ok false (with *error set) when they could not be read.
    using PageReader = std::function<QList<Payment>(qint64 before, int limit, bool* ok, QString* error)>;
    // As above, reading through readPage (the journal, or a test's reader that fails on purpose).
    static qint64 write(const PageReader& readPage, const QString& path, QString* error);
};

} // namespace lipa
