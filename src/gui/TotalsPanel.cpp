// SPDX-License-Identifier: GPL-3.0-or-later
#include "TotalsPanel.h"

#include "Till.h"
#include "WrappingLabel.h"

#include <QBoxLayout>
#include <QLabel>

namespace lipa {

namespace {

QLabel* totalLabel(const QString& name, QWidget* parent)
{
    auto* label = new WrappingLabel(parent); // longer words in Kiswahili, large text: wrap inside the column
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.25);
    label->setFont(font);
    label->setTextFormat(Qt::RichText);
    label->setObjectName(name);
    return label;
}

} // namespace

TotalsPanel::TotalsPanel(const Journal& journal, const Clock& clock, const Till& till, QWidget* parent)
    : QFrame(parent)
    , m_journal(journal)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("totals"));
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Today"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);
    layout->addWidget(title);
    m_paid = totalLabel(QStringLiteral("paidTotal"), this);
    m_waiting = totalLabel(QStringLiteral("waitingTotal"), this);
    layout->addWidget(m_paid);
    layout->addWidget(m_waiting);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(100);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        updateToday();
        updateFilterLine();
    });
    connect(&till, &Till::paymentAdded, &m_refresh, qOverload<>(&QTimer::start));
    connect(&till, &Till::paymentChanged, &m_refresh, qOverload<>(&QTimer::start));
    updateToday();
}

void TotalsPanel::setFilterLine(QLabel* label)
{
    m_filterLine = label;
    m_filterLine->setTextFormat(Qt::RichText);
    // However long the summary gets (more states, another language), it wraps: the window never grows
    // past the screen.
    m_filterLine->setWordWrap(true);
    m_filterLine->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

void TotalsPanel::setFilter(const PaymentFilter& filter)
{
    m_filter = filter;
    updateFilterLine();
}

Totals TotalsPanel::today() const
{
    return m_journal.totalsOfDay(m_clock.now().toLocalTime().date());
}

void TotalsPanel::updateToday()
{
    const Totals totals = today();
    QString paid =
        tr("Paid: <b>%1</b> &nbsp; %2").arg(totals.paidCount).arg(totals.paidSum.toDisplayString());
    if (totals.cashCount > 0)
        paid += QStringLiteral("<br/>") +
                tr("Cash: <b>%1</b> &nbsp; %2").arg(totals.cashCount).arg(totals.cashSum.toDisplayString());
    m_paid->setText(paid);
    QString waiting = tr("Waiting: <b>%1</b>").arg(totals.pendingCount);
    if (totals.attentionCount > 0)
        waiting += QStringLiteral(" &nbsp; ") + tr("Check: <b>%1</b>").arg(totals.attentionCount);
    if (totals.failedCount > 0)
        waiting += QStringLiteral(" &nbsp; ") + tr("Failed: <b>%1</b>").arg(totals.failedCount);
    m_waiting->setText(waiting);
}

void TotalsPanel::updateFilterLine()
{
    if (!m_filterLine)
        return;
    const Totals totals = m_journal.totals(m_filter);
    QStringList parts;
    parts << tr("Shown: <b>%1</b> paid, %2").arg(totals.paidCount).arg(totals.paidSum.toDisplayString());
    if (totals.cashCount > 0)
        parts << tr("%1 in cash, %2").arg(totals.cashCount).arg(totals.cashSum.toDisplayString());
    if (totals.pendingCount > 0)
        parts << tr("%1 waiting").arg(totals.pendingCount);
    if (totals.attentionCount > 0)
        parts << tr("%1 to check").arg(totals.attentionCount);
    if (totals.failedCount > 0)
        parts << tr("%1 failed").arg(totals.failedCount);
    m_filterLine->setText(parts.join(QStringLiteral(" · ")));
}

} // namespace lipa
