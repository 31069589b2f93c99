// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes (as UTF-8) as an amount the cashier types (Money::parseShillings, under each maximum a till
// uses) and as an amount IntaSend sends (Money::parseDecimal). Must not crash, hang or trip a sanitizer
// (signed overflow included); an accepted amount must be in range and survive the till's own formats.

#include "FuzzCheck.h"
#include "Money.h"

#include <QString>

#include <optional>

using namespace lipa;

namespace {

volatile qint64 g_sink = 0;

// till/max_amount's smallest, default and largest values, and the history search's limit.
constexpr qint64 kMaxima[] = {1, 250000, 999999, 10000000};

bool sameCents(const Result<Money>& result, Money expected)
{
    return result && result->cents() == expected.cents();
}

void checkShillings(const QString& text)
{
    std::optional<Money> acceptedUnderSmallerMax;
    for (const qint64 max : kMaxima) {
        const Result<Money> result = Money::parseShillings(text, max);
        if (!result) {
            LIPA_FUZZ_CHECK(!result.error().isEmpty());
            // A larger maximum never rejects what a smaller one took.
            LIPA_FUZZ_CHECK(!acceptedUnderSmallerMax);
            continue;
        }
        const Money money = *result;
        LIPA_FUZZ_CHECK(!acceptedUnderSmallerMax || *acceptedUnderSmallerMax == money);
        acceptedUnderSmallerMax = money;

        // Whole shillings between 1 and the maximum.
        LIPA_FUZZ_CHECK(money.isWholeShillings());
        LIPA_FUZZ_CHECK(money.wholeShillings() >= 1 && money.wholeShillings() <= max);
        LIPA_FUZZ_CHECK(money.cents() == money.wholeShillings() * 100);

        // The till's own formats read back as the same amount: "1500.00" on the wire and in files (both
        // parsers), "1500" and "1,500" (the display string without "KES ") in the amount field.
        const QString decimal = money.toDecimalString();
        LIPA_FUZZ_CHECK(sameCents(Money::parseDecimal(decimal), money));
        LIPA_FUZZ_CHECK(sameCents(Money::parseShillings(decimal, max), money));
        LIPA_FUZZ_CHECK(
            sameCents(Money::parseShillings(QString::number(money.wholeShillings()), max), money));
        const QString display = money.toDisplayString();
        LIPA_FUZZ_CHECK(display.startsWith(u"KES "));
        LIPA_FUZZ_CHECK(sameCents(Money::parseShillings(display.mid(4), max), money));
        g_sink = money.cents() + display.size();
    }
}

void checkDecimal(const QString& text)
{
    const Result<Money> result = Money::parseDecimal(text);
    if (!result) {
        LIPA_FUZZ_CHECK(!result.error().isEmpty());
        return;
    }
    const Money money = *result;
    // Digits and at most two decimals: never negative, and toDecimalString() reads back as the same cents.
    LIPA_FUZZ_CHECK(money.cents() >= 0);
    const QString decimal = money.toDecimalString();
    LIPA_FUZZ_CHECK(sameCents(Money::parseDecimal(decimal), money));
    LIPA_FUZZ_CHECK(!money.toDisplayString().isEmpty());
    g_sink = money.cents() + decimal.size();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    checkShillings(text);
    checkDecimal(text);
    return 0;
}
