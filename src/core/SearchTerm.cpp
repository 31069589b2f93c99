// SPDX-License-Identifier: GPL-3.0-or-later
#include "SearchTerm.h"

#include "Money.h"
#include "PhoneNumber.h"

namespace lipa {

SearchTerm SearchTerm::parse(const QString& search)
{
    const QString text = search.trimmed();
    if (text.isEmpty())
        return {};
    if (const Result<PhoneNumber> phone = PhoneNumber::parse(text))
        return {Phone, phone->normalised(), 0};
    // Amounts as the cashier types them; ten million is beyond any till's maximum.
    if (const Result<Money> amount = Money::parseShillings(text, 10'000'000))
        return {Amount, text, amount->cents()};
    return {Reference, text, 0};
}

} // namespace lipa
