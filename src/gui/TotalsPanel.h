// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Journal.h"
#include "PaymentFilter.h"

#include <QFrame>
#include <QTimer>

class QLabel;

namespace lipa {

class Clock;
class Till;

// Today's takings beside the form (paid, in cash, waiting, to check, failed) and the one-line summary
// of the payments the list shows. Both are journal queries: they are refreshed once, a moment after the
// till reports changes, so a burst of changes (or a sale) never waits for them.
class TotalsPanel : public QFrame {
    Q_OBJECT
public:
    TotalsPanel(const Journal& journal, const Clock& clock, const Till& till, QWidget* parent = nullptr);

    // The label under the list that summarises what it shows (filled by setFilter).
    void setFilterLine(QLabel* label);
    // The list now shows the payments matching filter: its summary follows at once.
    void setFilter(const PaymentFilter& filter);

private:
    // The totals of the payments made since the start of the local day the clock is on.
    Totals today() const;
    void updateToday();
    void updateFilterLine();

    const Journal& m_journal;
    const Clock& m_clock;
    PaymentFilter m_filter;
    QLabel* m_paid = nullptr;
    QLabel* m_waiting = nullptr;
    QLabel* m_filterLine = nullptr;
    QTimer m_refresh; // single shot: no timer runs while nothing changes
};

} // namespace lipa
