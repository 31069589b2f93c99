#include "Journal.h"

namespace lipa {

bool Journal::addPayment(const Payment& payment)
{
    if (payment.localRef.isEmpty() || m_indexByRef.contains(payment.localRef))
        return false;
    m_indexByRef.insert(payment.localRef, m_rows.size());
    m_rows.append(payment);
    m_events.append(
        {payment.localRef, payment.createdAt, payment.state, payment.state, {}, QStringLiteral("created")});
    return true;
}

bool Journal::updatePayment(const Payment& payment, const QString& detail)
{
    const auto it = m_indexByRef.constFind(payment.localRef);
    if (it == m_indexByRef.cend())
        return false;
    Payment& row = m_rows[*it];
    m_events.append(
        {payment.localRef, payment.updatedAt, row.state, payment.state, payment.remoteState, detail});
    row = payment;
    return true;
}

std::optional<Payment> Journal::find(const QString& localRef) const
{
    const auto it = m_indexByRef.constFind(localRef);
    if (it == m_indexByRef.cend())
        return std::nullopt;
    return m_rows.at(*it);
}

QList<Payment> Journal::newestFirst(int offset, int limit) const
{
    QList<Payment> page;
    const qsizetype first = m_rows.size() - 1 - offset;
    for (qsizetype i = first; i >= 0 && page.size() < limit; --i)
        page.append(m_rows.at(i));
    return page;
}

QList<Payment> Journal::unfinished() const
{
    QList<Payment> open;
    for (const Payment& payment : m_rows) {
        if (!payment.isFinal())
            open.append(payment);
    }
    return open;
}

QList<PaymentEvent> Journal::events(const QString& localRef) const
{
    QList<PaymentEvent> found;
    for (const PaymentEvent& event : m_events) {
        if (event.localRef == localRef)
            found.append(event);
    }
    return found;
}

DayTotals Journal::totals(const QDateTime& from, const QDateTime& to) const
{
    DayTotals totals;
    for (const Payment& payment : m_rows) {
        if (payment.createdAt < from || payment.createdAt >= to)
            continue;
        switch (payment.state) {
        case PaymentState::Complete:
            ++totals.paidCount;
            totals.paidSum += payment.amount;
            break;
        case PaymentState::Sending:
        case PaymentState::Pending:
        case PaymentState::Processing:
            ++totals.pendingCount;
            break;
        case PaymentState::Unknown:
        case PaymentState::Expired:
            ++totals.attentionCount;
            break;
        case PaymentState::Failed:
        case PaymentState::Rejected:
            ++totals.failedCount;
            break;
        }
    }
    return totals;
}

} // namespace lipa
