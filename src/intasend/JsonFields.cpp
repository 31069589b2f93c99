// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonFields.h"

#include <cmath>

namespace lipa::wire::json {

namespace {

// Whole numbers a double holds exactly; ids and codes beyond this are not numbers IntaSend sends.
constexpr double kLargestExactWhole = 9007199254740992.0; // 2^53

} // namespace
// A JSON value that IntaSend sends as either a string or a number, as text: numbers in the shortest
// form that reads back the same ("150", "10.36"), so "10.365" stays visibly wrong for a money parser.
// Null, other types, and numbers outside what a double holds exactly: empty.
QString textOf(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (!std::isfinite(number) || std::abs(number) >= kLargestExactWhole)
            return {};
        if (number == std::floor(number))
            return QString::number(static_cast<qint64>(number));
        return QString::number(number, 'g', 15);
    }
    return {};
}

// An id: a non-empty string, or a whole non-negative number.
QString idOf(const QJsonValue& value)
{
    if (value.isString())
        return value.toString().trimmed();
    if (value.isDouble() && value.toDouble() >= 0 && value.toDouble() == std::floor(value.toDouble()))
        return textOf(value);
    return {};
}

QDateTime dateOf(const QJsonValue& value)
{
    if (!value.isString())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

std::optional<Money> moneyOf(const QJsonValue& value)
{
    const QString text = textOf(value);
    if (text.isEmpty())
        return std::nullopt;
    Result<Money> money = Money::parseDecimal(text);
    if (!money)
        return std::nullopt;
    return money.value();
}

} // namespace lipa::wire::json
