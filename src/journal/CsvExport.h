// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PaymentFilter.h"

#include <QList>
#include <QString>

#include <functional>

namespace lipa {

class Journal;

// Writes the payments matching a filter as CSV, for the shop's books, in CsvFormat's layout (UTF-8, one
// header row, ISO times with their UTC offset, amounts as 1500.00, no cell that can start a formula).
// Written atomically: a half-written file never replaces a good one.
class CsvExport {
public:
    // CsvFormat's, kept here for the callers that know this class.
    static QStringList header();
    static QStringList row(const Payment& payment);
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
