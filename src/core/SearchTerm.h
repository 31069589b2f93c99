// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace lipa {

// How a search term is read, in this order: phone number, amount, reference/id/receipt. One reading for
// the till's own history and the shop view, so F2 finds the same things in both.
struct SearchTerm {
    enum Kind { None, Phone, Amount, Reference };
    Kind kind = None;
    QString text;     // Phone: normalised; Amount and Reference: as typed, trimmed
    qint64 cents = 0; // Amount

    static SearchTerm parse(const QString& search);
};

} // namespace lipa
