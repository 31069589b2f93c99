// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Payment.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace lipa {

// The layout of a payments CSV, shared by the till's own export and the shop's: UTF-8, one header row,
// ISO times with their UTC offset, amounts as 1500.00, and cells a spreadsheet can never run as formulas.
class CsvFormat {
public:
    static QStringList header();
    static QStringList row(const Payment& payment);
    // One CSV cell: quoted when it must be, and defused when a spreadsheet would read it as a formula.
    static QString cell(const QString& text);
    // A whole line, cells escaped and joined, with the CRLF end spreadsheets expect.
    static QByteArray line(const QStringList& cells);
    // A time as the files write it: local time with its UTC offset ("2024-05-01T14:02:11+03:00").
    static QString time(const QDateTime& utc);
};

} // namespace lipa
