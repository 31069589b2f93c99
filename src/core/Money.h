// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QMetaType>
#include <QString>
#include <QtGlobal>

#include <compare>

namespace lipa {

// An amount of Kenyan shillings held as integer cents. Never a double.
class Money {
public:
    constexpr Money() = default;
    static constexpr Money fromCents(qint64 cents) { return Money(cents); }
    static constexpr Money fromShillings(qint64 shillings) { return Money(shillings * 100); }

    constexpr qint64 cents() const { return m_cents; }
    constexpr bool isWholeShillings() const { return m_cents % 100 == 0; }
    constexpr qint64 wholeShillings() const { return m_cents / 100; }

    // What a cashier types: whole shillings between 1 and maxShillings. Accepts "1500", "1,500",
    // " 1500 " and "1500.00"; rejects zero, negatives, fractions of a shilling, letters and
    // non-ASCII digits, with a reason fit to show beside the field.
    static Result<Money> parseShillings(const QString& text, qint64 maxShillings);

    // A decimal amount as IntaSend writes it ("10.36", "1500", "0.5"); at most two decimals.
    static Result<Money> parseDecimal(const QString& text);

    // "KES 1,500" for whole shillings, "KES 10.36" otherwise.
    QString toDisplayString() const;
    // "1500.00": plain decimal with two places, for files and the wire.
    QString toDecimalString() const;

    constexpr auto operator<=>(const Money&) const = default;
    constexpr Money operator+(Money other) const { return Money(m_cents + other.m_cents); }
    constexpr Money operator-(Money other) const { return Money(m_cents - other.m_cents); }
    constexpr Money& operator+=(Money other)
    {
        m_cents += other.m_cents;
        return *this;
    }

private:
    constexpr explicit Money(qint64 cents)
        : m_cents(cents)
    {
    }

    qint64 m_cents = 0;
};

} // namespace lipa

Q_DECLARE_METATYPE(lipa::Money)
Q_DECLARE_TYPEINFO(lipa::Money, Q_PRIMITIVE_TYPE);
