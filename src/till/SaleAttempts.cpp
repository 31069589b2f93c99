// SPDX-License-Identifier: GPL-3.0-or-later
#include "SaleAttempts.h"

#include "Journal.h"

#include <QCoreApplication>

namespace lipa::SaleAttempts {

QString otherOpen(const Journal& journal, const Payment& payment)
{
    const std::optional<Payment> open = journal.latestOpen(payment.phone, payment.amount);
    if (!open || open->localRef == payment.localRef)
        return {};
    return QCoreApplication::translate("lipa::SaleAttempts",
                                       "Another request for this sale (%1 to %2, at %3) "
                                       "is still open: %4. Wait for it, or check it.")
        .arg(open->amount.toDisplayString(), open->phone.masked(),
             open->createdAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
             stateDisplayName(open->state));
}

QString openElsewhere(const Journal& journal, const Payment& payment)
{
    if (const std::optional<Payment> newer = journal.replacementOf(payment.localRef))
        return QCoreApplication::translate("lipa::SaleAttempts",
                                           "This payment was sent again (%1, %2). Settle that one instead.")
            .arg(stateDisplayName(newer->state),
                 newer->createdAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    return otherOpen(journal, payment);
}

} // namespace lipa::SaleAttempts
