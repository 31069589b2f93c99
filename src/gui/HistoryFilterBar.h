// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PaymentFilter.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLineEdit;

namespace lipa {

class Clock;

// The controls above the transaction list: a search box, a state filter and a date range (today,
// yesterday, this week, all time, or a custom range). Emits the filter they describe whenever one changes.
class HistoryFilterBar : public QWidget {
    Q_OBJECT
public:
    enum class Range { Today, Yesterday, ThisWeek, AllTime, Custom };

    HistoryFilterBar(const Clock& clock, QWidget* parent = nullptr);

    PaymentFilter filter() const;
    void focusSearch();
    void setRange(Range range);

    // The [from, to) of a range in UTC, for the day `now` falls on in local time; weeks start on Monday.
    static std::pair<QDateTime, QDateTime> bounds(Range range, const QDateTime& now, const QDate& customFrom,
                                                  const QDate& customTo);

Q_SIGNALS:
    void filterChanged(const lipa::PaymentFilter& filter);

private:
    void onRangeChanged();

    const Clock& m_clock;
    QLineEdit* m_search = nullptr;
    QComboBox* m_group = nullptr;
    QComboBox* m_range = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
};

} // namespace lipa
