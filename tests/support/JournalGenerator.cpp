// SPDX-License-Identifier: GPL-3.0-or-later
#include "JournalGenerator.h"

#include "JournalTesting.h"

#include <QRandomGenerator>

namespace lipa::test {

Payment JournalGenerator::synthetic(qint64 index, quint32 random, const QDateTime& createdAt)
{
    Payment p;
    p.localRef =
        QStringLiteral("gen-%1-%2").arg(index, 8, 10, QLatin1Char('0')).arg(random, 8, 16, QLatin1Char('0'));
    // 2,000 regular customers: searches by phone find several payments each.
    const int customer = static_cast<int>((random >> 12) % 2000);
    p.phone = PhoneNumber::fromNormalised(
                  QStringLiteral("2547%1").arg(10000000 + customer * 37, 8, 10, QLatin1Char('0')))
                  .value();
    p.amount = Money::fromShillings(10 + (random / 7) % 5000);
    p.createdAt = createdAt;
    p.updatedAt = createdAt.addSecs(8);
    p.invoiceId = QString::number(100000 + index);
    p.tillName = QStringLiteral("Generated");
    switch (random % 20) {
    case 0:
        p.state = PaymentState::Failed;
        p.remoteState = QStringLiteral("FAILED");
        p.failedCode = QStringLiteral("1032");
        p.failureMessage = QStringLiteral("Customer cancelled the request");
        break;
    case 1:
        p.state = PaymentState::Failed;
        p.remoteState = QStringLiteral("FAILED");
        p.failedCode = QStringLiteral("1");
        p.failureMessage = QStringLiteral("Customer's M-Pesa balance is too low");
        break;
    case 2:
        p.state = PaymentState::Expired;
        p.remoteState = QStringLiteral("PENDING");
        break;
    default:
        p.state = PaymentState::Complete;
        p.remoteState = QStringLiteral("COMPLETE");
        p.mpesaReceipt = QStringLiteral("S%1").arg(index, 9, 36, QLatin1Char('0')).toUpper().right(10);
        break;
    }
    return p;
}

bool JournalGenerator::fill(Journal& journal, qint64 count, const QDateTime& until)
{
    QRandomGenerator random(m_seed);
    // Oldest first, about one payment a minute back from `until`.
    const QDateTime start = until.addSecs(-60 * count);
    constexpr qint64 kBatch = 20000;
    for (qint64 first = 0; first < count; first += kBatch) {
        QList<Payment> batch;
        batch.reserve(kBatch);
        for (qint64 i = first; i < std::min(count, first + kBatch); ++i)
            batch.append(synthetic(i, random.generate(), start.addSecs(60 * i)));
        if (!addHistory(journal, batch))
            return false;
    }
    return true;
}

} // namespace lipa::test
