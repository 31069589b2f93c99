#pragma once

#include "PaymentFilter.h"

#include <QString>

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
};

} // namespace lipa
