// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryFilterBar.h"

#include "Clock.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>

namespace lipa {

HistoryFilterBar::HistoryFilterBar(const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_clock(clock)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search: phone, amount, M-Pesa receipt, reference (F2)"));
    m_search->setAccessibleName(tr("Search payments"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaxLength(64);
    layout->addWidget(m_search, 3);

    m_group = new QComboBox(this);
    m_group->setObjectName(QStringLiteral("stateFilter"));
    m_group->setAccessibleName(tr("Show payments that are"));
    for (StateGroup group :
         {StateGroup::All, StateGroup::Paid, StateGroup::Waiting, StateGroup::NeedsCheck, StateGroup::Failed})
        m_group->addItem(stateGroupName(group), static_cast<int>(group));
    layout->addWidget(m_group, 1);

    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("rangeFilter"));
    m_range->setAccessibleName(tr("Time range"));
    m_range->addItem(tr("Today"), static_cast<int>(Range::Today));
    m_range->addItem(tr("Yesterday"), static_cast<int>(Range::Yesterday));
    m_range->addItem(tr("This week"), static_cast<int>(Range::ThisWeek));
    m_range->addItem(tr("All time"), static_cast<int>(Range::AllTime));
    m_range->addItem(tr("Dates…"), static_cast<int>(Range::Custom));
    layout->addWidget(m_range, 1);

    const QDate today = clock.now().toLocalTime().date();
    m_from = new QDateEdit(today, this);
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_from->setAccessibleName(tr("From"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(today, this);
    m_to->setObjectName(QStringLiteral("toDate"));
    m_to->setAccessibleName(tr("To"));
    m_to->setCalendarPopup(true);
    layout->addWidget(m_from);
    layout->addWidget(m_to);
    m_from->hide();
    m_to->hide();

    const auto emitFilter = [this] { Q_EMIT filterChanged(filter()); };
    connect(m_search, &QLineEdit::textChanged, this, emitFilter);
    connect(m_group, &QComboBox::currentIndexChanged, this, emitFilter);
    connect(m_range, &QComboBox::currentIndexChanged, this, &HistoryFilterBar::onRangeChanged);
    connect(m_from, &QDateEdit::dateChanged, this, emitFilter);
    connect(m_to, &QDateEdit::dateChanged, this, emitFilter);
}

void HistoryFilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void HistoryFilterBar::setRange(Range range)
{
    m_range->setCurrentIndex(m_range->findData(static_cast<int>(range)));
}

void HistoryFilterBar::onRangeChanged()
{
    const bool custom = static_cast<Range>(m_range->currentData().toInt()) == Range::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    Q_EMIT filterChanged(filter());
}

PaymentFilter HistoryFilterBar::filter() const
{
    PaymentFilter filter;
    filter.search = m_search->text();
    filter.group = static_cast<StateGroup>(m_group->currentData().toInt());
    const auto [from, to] = bounds(static_cast<Range>(m_range->currentData().toInt()), m_clock.now(),
                                   m_from->date(), m_to->date());
    filter.from = from;
    filter.to = to;
    return filter;
}

std::pair<QDateTime, QDateTime> HistoryFilterBar::bounds(Range range, const QDateTime& now,
                                                         const QDate& customFrom, const QDate& customTo)
{
    const QDate today = now.toLocalTime().date();
    const auto day = [](const QDate& date) { return date.startOfDay().toUTC(); };
    switch (range) {
    // Ranges that reach today stay open at the top: a till running past midnight keeps showing new
    // payments until the cashier changes the filter.
    case Range::Today:
        return {day(today), {}};
    case Range::Yesterday:
        return {day(today.addDays(-1)), day(today)};
    case Range::ThisWeek:
        return {day(today.addDays(1 - today.dayOfWeek())), {}};
    case Range::AllTime:
        return {};
    case Range::Custom:
        return {day(std::min(customFrom, customTo)), day(std::max(customFrom, customTo).addDays(1))};
    }
    return {};
}

} // namespace lipa
