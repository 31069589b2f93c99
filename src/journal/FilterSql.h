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
//
// A page of a time range (no search) is read walking the ids down from the newest one the range can hold
// (Journal::page bounds it with the hour totals), testing each row's time: ids follow creation, so that is
// the next 200 rows of the range, where the creation-time index would have every row of a year looked up
// and sorted to find them. Rare state groups (waiting, needs checking) are found through the state index.
// Totals of a part of an hour still use the creation-time index.
struct FilterSql {
    enum class Purpose { Page, Totals };
    QString where;
    QString groupByState; // for totals
    QString keysetId;     // for paging: "id", or "+id" when another index narrows better
    QVariantMap values;

    explicit FilterSql(const PaymentFilter& filter, Purpose purpose = Purpose::Page);
    void bind(QSqlQuery& query) const;

    // The journal names of states as the inside of an SQL IN (…): 'Pending','Processing'. The states
    // come from the core state table (statesWhere), never from a list written here.
    static QString sqlList(const QList<PaymentState>& states);
};

} // namespace lipa
