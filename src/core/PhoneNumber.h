// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QMetaType>
#include <QString>

namespace lipa {

// A Kenyan mobile number, always held in the one form IntaSend accepts: "2547XXXXXXXX" or "2541XXXXXXXX".
// Normalised once, where the cashier types it; everything else passes this value around.
class PhoneNumber {
public:
    PhoneNumber() = default;

    // Accepts 0712345678, 0112345678, +254712345678, 254712345678 and 712345678, with spaces or dashes.
    static Result<PhoneNumber> parse(const QString& text);
    // For values this program wrote itself (the journal, the simulator): the normalised form only.
    static Result<PhoneNumber> fromNormalised(const QString& digits);

    bool isValid() const { return !m_digits.isEmpty(); }
    // "254712345678": the wire format.
    QString normalised() const { return m_digits; }
    // "0712 345 678": how Kenyans write it.
    QString toDisplayString() const;
    // "0712 ••• 678": safe to show across the counter and on receipts.
    QString masked() const;
    QChar lastDigit() const { return m_digits.isEmpty() ? QChar() : m_digits.back(); }

    friend bool operator==(const PhoneNumber&, const PhoneNumber&) = default;

private:
    explicit PhoneNumber(QString digits)
        : m_digits(std::move(digits))
    {
    }

    QString m_digits;
};

} // namespace lipa

Q_DECLARE_METATYPE(lipa::PhoneNumber)
Q_DECLARE_TYPEINFO(lipa::PhoneNumber, Q_RELOCATABLE_TYPE);
