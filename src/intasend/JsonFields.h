// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Money.h"

#include <QDateTime>
#include <QJsonValue>
#include <QString>

#include <optional>

// How the wire format reads IntaSend's loosely typed JSON fields (a number or a string, or null), shared
// by the parsers of the push, status, invoice-list and chargeback answers.
namespace lipa::wire::json {

// A JSON value that IntaSend sends as either a string or a number, as text: numbers in the shortest
// form that reads back the same ("150", "10.36"), so "10.365" stays visibly wrong for a money parser.
// Null, other types, and numbers outside what a double holds exactly: empty.
QString textOf(const QJsonValue& value);
// An id: a non-empty string, or a whole non-negative number.
QString idOf(const QJsonValue& value);
// An ISO-8601 time with its offset; invalid when absent or malformed.
QDateTime dateOf(const QJsonValue& value);
// An amount, as a string or a number ("10.00", 10); nullopt when absent or not an amount.
std::optional<Money> moneyOf(const QJsonValue& value);

} // namespace lipa::wire::json
