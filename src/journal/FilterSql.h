// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PaymentFilter.h"

#include <QList>
#include <QString>
#include <QVariantMap>

class QSqlQuery;

namespace lipa {

// Turns a history filter into the WHERE clause of an indexed query on the payments table, with its
// values bound by bind().
//
// Which index serves the query is decided here, not left to SQLite's guess (without statistics it
// picked the state index for "today's paid payments" and read a million rows): a search term is the most
// selective constraint, then a date range, then the state group. The less selective ones are written with
// a unary + ("+state IN (…)"), which SQLite never uses an index for.
struct FilterSql {
    QString where;
    QString groupByState; // for totals
    QString keysetId;     // for paging: "id", or "+id" when another index narrows better
    QVariantMap values;

    explicit FilterSql(const PaymentFilter& filter);
    void bind(QSqlQuery& query) const;

    // The journal names of states as the inside of an SQL IN (…): 'Pending','Processing'. The states
    // come from the core state table (statesWhere), never from a list written here.
    static QString sqlList(const QList<PaymentState>& states);
};

} // namespace lipa
