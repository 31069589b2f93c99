// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Payment.h"
#include "SearchTerm.h"

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

} // namespace lipa
