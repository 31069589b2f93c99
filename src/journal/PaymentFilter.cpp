// SPDX-License-Identifier: GPL-3.0-or-later
#include "PaymentFilter.h"

namespace lipa {

bool PaymentFilter::matches(const Payment& payment) const
{
    if (!isInGroup(payment.state, group))
        return false;
    if (from.isValid() && payment.createdAt < from)
        return false;
    if (to.isValid() && payment.createdAt >= to)
        return false;
    const SearchTerm term = SearchTerm::parse(search);
    switch (term.kind) {
    case SearchTerm::None:
        return true;
    case SearchTerm::Phone:
        return payment.phone.normalised() == term.text;
    case SearchTerm::Amount:
        return payment.amount.cents() == term.cents || payment.invoiceId == term.text ||
               payment.localRef.startsWith(term.text);
    case SearchTerm::Reference:
        return payment.localRef.startsWith(term.text) || payment.invoiceId == term.text ||
               payment.mpesaReceipt.compare(term.text, Qt::CaseInsensitive) == 0;
    }
    return false;
}

} // namespace lipa
