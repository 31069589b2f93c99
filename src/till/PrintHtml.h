// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace lipa {

// The small pieces of HTML the printouts (receipts, shift reports) are made of: one column, short lines,
// narrow enough for a 58 mm roll.
namespace PrintHtml {

// "2 Dec 2026 14:05", in local time.
QString localTime(const QDateTime& utc);
// "14:05", in local time.
QString shortTime(const QDateTime& utc);
// A table row: a label on the left, a value on the right.
QString row(const QString& left, const QString& right, bool bold = false);
// Codes read back over the phone (receipt code, reference) in a monospaced face: no ligature turns
// "ff" into one sign, and 0 and O stay apart.
QString code(const QString& text);

} // namespace PrintHtml

} // namespace lipa
