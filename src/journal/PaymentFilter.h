// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Payment.h"

#include <QDateTime>
#include <QString>

namespace lipa {

// What the history shows: a search term, a state group and a time range. The journal turns it into an
// indexed query; matches() applies the same rules to a payment in memory (for rows arriving live).
struct PaymentFilter {
    QString search; // a phone number (any form the form accepts), an amount, a local reference (or its
                    // start), an invoice id or an M-Pesa receipt code
    StateGroup group = StateGroup::All;
    QDateTime from; // UTC, inclusive; invalid: no lower bound
    QDateTime to;   // UTC, exclusive; invalid: no upper bound

    bool matches(const Payment& payment) const;
    bool isEmpty() const
    {
        return search.trimmed().isEmpty() && group == StateGroup::All && !from.isValid() && !to.isValid();
    }
};

// How a search term is read, in this order: phone number, amount, reference/id/receipt.
struct SearchTerm {
    enum Kind { None, Phone, Amount, Reference };
    Kind kind = None;
    QString text;     // Phone: normalised; Amount and Reference: as typed, trimmed
    qint64 cents = 0; // Amount

    static SearchTerm parse(const QString& search);
};

} // namespace lipa
