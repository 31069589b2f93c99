// SPDX-License-Identifier: GPL-3.0-or-later
#include "SaleAttempts.h"

#include "Journal.h"
#include "Sale.h"

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

QString saleClosed(const Journal& journal, const Payment& payment)
{
    if (!payment.isPartOfSale())
        return {};
    const std::optional<Sale> sale = journal.sales().find(payment.saleRef);
    if (!sale || sale->isOpen())
        return {};
    return sale->closedShort()
               ? QCoreApplication::translate("lipa::SaleAttempts",
                                             "Its sale was closed short (%1): nothing more is taken for it.")
                     .arg(sale->shortReason)
               : QCoreApplication::translate("lipa::SaleAttempts", "Its sale is paid in full.");
}

QString partSettled(const Journal& journal, const Payment& payment)
{
    if (!payment.isPartOfSale())
        return {};
    const std::optional<Sale> sale = journal.sales().find(payment.saleRef);
    bool read = false;
    const QList<Payment> attempts = sale ? journal.partsOf(payment.saleRef, &read) : QList<Payment>();
    if (!sale || !read)
        return QCoreApplication::translate("lipa::SaleAttempts",
                                           "Its sale could not be read from the journal.");
    for (const Payment& attempt : attempts) {
        if (attempt.localRef != payment.localRef && attempt.salePart == payment.salePart &&
            (attempt.state == PaymentState::Complete || attempt.state == PaymentState::Cash))
            return QCoreApplication::translate(
                       "lipa::SaleAttempts", "Part %1 of this sale is already paid (%2). Send the next part "
                                             "instead.")
                .arg(payment.salePart)
                .arg(attempt.state == PaymentState::Cash ? stateDisplayName(attempt.state)
                                                         : attempt.mpesaReceipt);
    }
    const SaleProgress progress = SaleProgress::of(*sale, attempts);
    if (payment.amount > progress.outstanding)
        return QCoreApplication::translate("lipa::SaleAttempts",
                                           "Only %1 is left to pay on this sale, less than this part's %2.")
            .arg(progress.outstanding.toDisplayString(), payment.amount.toDisplayString());
    return {};
}

} // namespace lipa::SaleAttempts
