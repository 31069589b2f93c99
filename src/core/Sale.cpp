// SPDX-License-Identifier: GPL-3.0-or-later
#include "Sale.h"

#include <QCoreApplication>

namespace lipa {

namespace {

// "150,000": an amount without the currency, for lists of parts.
QString bare(Money amount)
{
    return amount.toDisplayString().mid(4);
}

} // namespace

QList<Money> SalePlan::split(Money total, Money largestPart)
{
    QList<Money> parts;
    if (total.cents() <= 0 || largestPart.cents() <= 0)
        return parts;
    // Whole shillings: the largest part is rounded down to a shilling, and so every part but the last is
    // whole; the last is the rest (whole too when the total is).
    const qint64 largest = std::max<qint64>(100, largestPart.cents() / 100 * 100);
    qint64 left = total.cents();
    while (left > largest) {
        parts.append(Money::fromCents(largest));
        left -= largest;
    }
    parts.append(Money::fromCents(left));
    return parts;
}

QString SalePlan::describe(Money total, Money largestPart)
{
    const QList<Money> parts = split(total, largestPart);
    if (parts.size() < 2)
        return total.toDisplayString();
    QString list;
    if (parts.size() <= 4) {
        QStringList amounts;
        for (Money part : parts)
            amounts.append(bare(part));
        list = amounts.join(QStringLiteral(" + "));
    } else {
        // "6 × 150,000 + 100,000": a long sale in a line that fits under the field.
        const qsizetype equal = parts.last() == parts.first() ? parts.size() : parts.size() - 1;
        list = QStringLiteral("%1 × %2").arg(equal).arg(bare(parts.first()));
        if (equal < parts.size())
            list += QStringLiteral(" + ") + bare(parts.last());
    }
    return QCoreApplication::translate("lipa::Sale", "%1 in %2 M-Pesa payments: %3")
        .arg(total.toDisplayString())
        .arg(parts.size())
        .arg(list);
}

SaleProgress SaleProgress::of(const Sale& sale, const QList<Payment>& attempts)
{
    SaleProgress progress;
    for (const Payment& attempt : attempts) {
        if (attempt.state == PaymentState::Complete) {
            progress.paid += attempt.amount;
            ++progress.partsPaid;
        } else if (attempt.state == PaymentState::Cash) {
            progress.cash += attempt.amount;
        }
        if (traitsOf(attempt.state).inProgress)
            progress.inProgress = true;
        if (!progress.latest || attempt.sequence > progress.latest->sequence)
            progress.latest = attempt;
    }
    progress.outstanding = sale.total - progress.paid - progress.cash;
    if (progress.latest) {
        for (const Payment& attempt : attempts) {
            if (attempt.salePart == progress.latest->salePart &&
                (attempt.state == PaymentState::Complete || attempt.state == PaymentState::Cash))
                progress.latestPartSettled = true;
        }
    }
    return progress;
}

int SaleProgress::nextPart() const
{
    if (!latest)
        return 1;
    return latest->salePart + (latestPartSettled ? 1 : 0);
}

Money SaleProgress::nextAmount(Money largestPart) const
{
    if (outstanding.cents() <= 0)
        return {};
    return std::min(outstanding, Money::fromCents(std::max<qint64>(100, largestPart.cents() / 100 * 100)));
}

QString SaleProgress::summary(const Sale& sale) const
{
    const QString taken = cash.cents() > 0
                              ? QCoreApplication::translate("lipa::Sale", "%1 of %2 paid (%3 in cash)")
                                    .arg((paid + cash).toDisplayString(), bare(sale.total), bare(cash))
                              : QCoreApplication::translate("lipa::Sale", "%1 of %2 paid")
                                    .arg(paid.toDisplayString(), bare(sale.total));
    if (sale.closedShort())
        return QCoreApplication::translate("lipa::Sale", "%1 — closed short").arg(taken);
    if (outstanding.cents() <= 0)
        return QCoreApplication::translate("lipa::Sale", "%1 — sale complete").arg(taken);
    const int part = nextPart();
    const int of = std::max(sale.parts, part);
    if (latest && latest->salePart == part && traitsOf(latest->state).inProgress)
        return QCoreApplication::translate("lipa::Sale", "%1 — part %2 of %3 waiting")
            .arg(taken)
            .arg(part)
            .arg(of);
    return QCoreApplication::translate("lipa::Sale", "%1 — %2 still to pay")
        .arg(taken, outstanding.toDisplayString());
}

} // namespace lipa
