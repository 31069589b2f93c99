// SPDX-License-Identifier: GPL-3.0-or-later
#include "FilterSql.h"

#include <QSqlQuery>
#include <QStringList>

namespace lipa {

namespace {

QString statesOf(StateGroup group)
{
    return FilterSql::sqlList(
        statesWhere([group](const StateTraits& traits) { return traits.group == group; }));
}

} // namespace

QString FilterSql::sqlList(const QList<PaymentState>& states)
{
    QStringList quoted;
    quoted.reserve(states.size());
    // Journal names are fixed identifiers without quotes, so they can be written into the SQL as they are.
    for (const QString& key : stateKeys(states))
        quoted.append(u'\'' + key + u'\'');
    return quoted.join(u',');
}

FilterSql::FilterSql(const PaymentFilter& filter, Purpose purpose)
{
    QStringList clauses;
    const SearchTerm term = SearchTerm::parse(filter.search);
    const bool hasSearch = term.kind != SearchTerm::None;
    const bool hasRange = filter.from.isValid() || filter.to.isValid();
    const bool pageOfRange = purpose == Purpose::Page && hasRange && !hasSearch;
    const bool rareGroup = filter.group == StateGroup::Waiting || filter.group == StateGroup::NeedsCheck;
    const QString createdAt =
        hasSearch || pageOfRange ? QStringLiteral("+created_at") : QStringLiteral("created_at");
    const bool stateIndexed = !hasSearch && (!hasRange || (pageOfRange && rareGroup));
    if (filter.group != StateGroup::All)
        clauses << QStringLiteral("%1 IN (%2)")
                       .arg(stateIndexed ? QStringLiteral("state") : QStringLiteral("+state"),
                            statesOf(filter.group));
    if (filter.from.isValid()) {
        clauses << createdAt + QStringLiteral(" >= :from");
        values.insert(QStringLiteral(":from"), filter.from.toMSecsSinceEpoch());
    }
    if (filter.to.isValid()) {
        clauses << createdAt + QStringLiteral(" < :to");
        values.insert(QStringLiteral(":to"), filter.to.toMSecsSinceEpoch());
    }
    switch (term.kind) {
    case SearchTerm::None:
        break;
    case SearchTerm::Phone:
        clauses << QStringLiteral("phone = :phone");
        values.insert(QStringLiteral(":phone"), term.text);
        break;
    case SearchTerm::Amount:
        // Digits are an amount, but also what IntaSend's numeric invoice ids and some references
        // look like: each alternative has its own index.
        clauses << QStringLiteral("(amount_cents = :cents OR invoice_id = :ref OR (local_ref >= :ref AND "
                                  "local_ref < :refEnd))");
        values.insert(QStringLiteral(":cents"), term.cents);
        values.insert(QStringLiteral(":ref"), term.text);
        values.insert(QStringLiteral(":refEnd"), term.text + QChar(0xffff));
        break;
    case SearchTerm::Reference:
        // A prefix of the local reference as an index range, or an exact invoice id or receipt code.
        clauses << QStringLiteral("((local_ref >= :ref AND local_ref < :refEnd) OR invoice_id = :ref"
                                  " OR mpesa_receipt = :ref COLLATE NOCASE)");
        values.insert(QStringLiteral(":ref"), term.text);
        values.insert(QStringLiteral(":refEnd"), term.text + QChar(0xffff));
        break;
    }
    where = clauses.isEmpty() ? QStringLiteral("1") : clauses.join(QStringLiteral(" AND "));
    // With nothing to narrow by, the covering (state, amount) index answers the totals; otherwise
    // the narrowing index must win, so the grouping must not tempt SQLite into the state index.
    // The paging bound (id < :before) must not steal the plan from a search or date index either:
    // SQLite 3.40 picked a rowid scan of a million rows for a receipt search.
    keysetId = hasSearch || (hasRange && !pageOfRange) ? QStringLiteral("+id") : QStringLiteral("id");
    groupByState = clauses.isEmpty() || (filter.group != StateGroup::All && !hasSearch && !hasRange)
                       ? QStringLiteral("state")
                       : QStringLiteral("+state");
}

void FilterSql::bind(QSqlQuery& query) const
{
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        query.bindValue(it.key(), it.value());
}

} // namespace lipa
