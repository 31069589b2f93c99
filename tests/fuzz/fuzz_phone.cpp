// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes (as UTF-8) typed into the phone field. Must not crash, hang or trip a sanitizer; a number it
// accepts must be in the one normalised form and read back the same from every form the till writes.

#include "FuzzCheck.h"
#include "PhoneNumber.h"

#include <QString>

#include <algorithm>

using namespace lipa;

namespace {

volatile qsizetype g_sink = 0;

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// parse(text) succeeds and gives exactly `expected`.
bool parsesTo(const QString& text, const PhoneNumber& expected)
{
    const Result<PhoneNumber> result = PhoneNumber::parse(text);
    return result && *result == expected;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));

    // What the journal and the simulator read back (the normalised form) the cashier may also type.
    if (const Result<PhoneNumber> stored = PhoneNumber::fromNormalised(text))
        LIPA_FUZZ_CHECK(parsesTo(text, *stored));

    const Result<PhoneNumber> result = PhoneNumber::parse(text);
    if (!result) {
        LIPA_FUZZ_CHECK(!result.error().isEmpty());
        return 0;
    }

    const PhoneNumber& phone = *result;
    const QString digits = phone.normalised();
    LIPA_FUZZ_CHECK(phone.isValid());
    // "2547XXXXXXXX" or "2541XXXXXXXX", ASCII digits only.
    LIPA_FUZZ_CHECK(digits.size() == 12);
    LIPA_FUZZ_CHECK(digits.startsWith(u"254"));
    LIPA_FUZZ_CHECK(digits.at(3) == u'7' || digits.at(3) == u'1');
    LIPA_FUZZ_CHECK(std::all_of(digits.begin(), digits.end(), isAsciiDigit));
    LIPA_FUZZ_CHECK(phone.lastDigit() == digits.back());

    // Normalising is idempotent, and each form the till shows or stores reads back as the same number.
    LIPA_FUZZ_CHECK(parsesTo(digits, phone));
    LIPA_FUZZ_CHECK(parsesTo(u'+' + digits, phone));
    LIPA_FUZZ_CHECK(parsesTo(phone.toDisplayString(), phone));
    const Result<PhoneNumber> stored = PhoneNumber::fromNormalised(digits);
    LIPA_FUZZ_CHECK(stored && *stored == phone);

    // The masked form is shown across the counter: something, but never the whole subscriber number.
    const QString masked = phone.masked();
    LIPA_FUZZ_CHECK(!masked.isEmpty());
    LIPA_FUZZ_CHECK(!masked.contains(digits.mid(3)));

    g_sink = masked.size() + phone.toDisplayString().size();
    return 0;
}
