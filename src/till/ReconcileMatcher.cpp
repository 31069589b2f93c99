// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReconcileMatcher.h"

#include <algorithm>
#include <vector>

namespace lipa {

namespace {

bool isPaid(const wire::Invoice& invoice)
{
    return invoice.state == wire::RemoteState::Complete;
}

// Of two invoices with the same api_ref (a push IntaSend recorded twice), the one that says paid wins:
// money taken once is what matters.
bool better(const wire::Invoice& candidate, const std::optional<wire::Invoice>& current)
{
    return !current || (isPaid(candidate) && !isPaid(*current));
}

ReconcileItem itemFor(ReconcileCategory category, const Payment& payment, const wire::Invoice* invoice)
{
    ReconcileItem item;
    item.category = category;
    item.apiRef = payment.localRef;
    item.stateHere = stateKey(payment.state);
    item.amountHere = payment.amount;
    item.createdAt = payment.createdAt;
    item.mpesaReference = payment.mpesaReceipt;
    if (invoice) {
        item.invoiceId = invoice->invoiceId;
        item.stateThere = invoice->rawState;
        item.amountThere = invoice->value;
        item.charges = invoice->charges;
        if (!invoice->mpesaReference.isEmpty())
            item.mpesaReference = invoice->mpesaReference;
    }
    return item;
}

} // namespace

ReconcileMatcher::ReconcileMatcher(const QList<Payment>& payments, QDateTime from, QDateTime to,
                                   std::function<bool(const QString& apiRef)> knownHere,
                                   std::chrono::minutes margin)
    : m_from(std::move(from))
    , m_to(std::move(to))
    , m_knownHere(std::move(knownHere))
    , m_margin(margin)
{
    addPayments(payments);
}

void ReconcileMatcher::addPayments(const QList<Payment>& payments)
{
    // No reserve(): called a slice at a time, an exact reserve would copy everything on every slice.
    for (const Payment& payment : payments) {
        if (m_index.contains(payment.localRef))
            continue;
        m_index.insert(payment.localRef, m_seen.size());
        m_seen.append({payment, std::nullopt, {}});
    }
}

QList<PaymentFees> ReconcileMatcher::add(const QList<wire::Invoice>& invoices)
{
    QList<PaymentFees> fees;
    const QDateTime start = m_from.addSecs(-std::chrono::seconds(m_margin).count());
    for (const wire::Invoice& invoice : invoices) {
        ++m_invoicesRead;
        if (invoice.createdAt.isValid() && invoice.createdAt < start)
            m_reachedStart = true; // newest first: what follows is older still
        const auto found = m_index.constFind(invoice.apiRef);
        if (invoice.apiRef.isEmpty() || found == m_index.cend()) {
            takeOther(invoice);
            continue;
        }
        Seen* seen = &m_seen[*found];
        if (better(invoice, seen->invoice))
            seen->invoice = invoice;
        if (isPaid(invoice) &&
            std::none_of(seen->paid.cbegin(), seen->paid.cend(), [&](const wire::Invoice& i) {
                return i.invoiceId == invoice.invoiceId; // the same one again, across a page boundary
            }))
            seen->paid.append(invoice);
        if (isPaid(invoice) && invoice.charges)
            fees.append({invoice.apiRef, *invoice.charges, invoice.netAmount, invoice.mpesaReference});
    }
    return fees;
}

void ReconcileMatcher::takeOther(const wire::Invoice& invoice)
{
    // Only the period's own: an invoice of a payment this till made before the period is not another's.
    if (!invoice.createdAt.isValid() || invoice.createdAt < m_from || invoice.createdAt >= m_to)
        return;
    if (!invoice.apiRef.isEmpty() && m_knownHere && m_knownHere(invoice.apiRef))
        return;
    if (m_otherIds.contains(invoice.invoiceId))
        return; // a page boundary moved while reading: the same invoice twice
    m_otherIds.insert(invoice.invoiceId);
    m_others.append(invoice);
}

ReconcileMatcher::Outcome ReconcileMatcher::finish(bool complete) const
{
    Outcome out;
    ReconcileSummary& sum = out.summary;
    sum.from = m_from;
    sum.to = m_to;
    sum.complete = complete;
    sum.invoicesRead = m_invoicesRead;
    sum.paymentsHere = static_cast<int>(m_seen.size());
    // The report lists them oldest first, whatever order they were read in (the journal gives them newest
    // first). Sorted by index: comparing through the hash copied a payment at every step.
    std::vector<const Seen*> order;
    order.reserve(m_seen.size());
    for (const Seen& seen : m_seen)
        order.push_back(&seen);
    std::stable_sort(order.begin(), order.end(), [](const Seen* a, const Seen* b) {
        return a->payment.createdAt.toMSecsSinceEpoch() < b->payment.createdAt.toMSecsSinceEpoch();
    });
    for (const Seen* each : order) {
        const Seen& seen = *each;
        const Payment& payment = seen.payment;
        const wire::Invoice* invoice = seen.invoice ? &*seen.invoice : nullptr;
        const bool paidHere = payment.state == PaymentState::Complete;
        const bool paidThere = !seen.paid.isEmpty();
        // A push IntaSend recorded twice and the customer approved twice: every paid invoice counts, and
        // what IntaSend took is their sum (so it differs from the sale).
        Money takenThere;
        for (const wire::Invoice& paid : seen.paid) {
            const Money value = paid.value.value_or(payment.amount);
            takenThere += value;
            sum.paidAtIntaSend += value;
            if (paid.charges)
                sum.charges += *paid.charges;
            sum.net += paid.netAmount.value_or(value - paid.charges.value_or(Money()));
        }
        const auto withTaken = [&](ReconcileItem item) {
            if (seen.paid.size() > 1)
                item.amountThere = takenThere;
            return item;
        };
        if (paidHere && paidThere) {
            if (takenThere != payment.amount) {
                ++sum.amountDiffers;
                out.items.append(withTaken(itemFor(ReconcileCategory::AmountDiffers, payment, invoice)));
            } else {
                ++sum.matched;
            }
        } else if (paidThere) {
            ++sum.paidThereOnly;
            out.items.append(withTaken(itemFor(ReconcileCategory::PaidThereOnly, payment, invoice)));
            out.toRecord.append({payment, *invoice});
        } else if (paidHere && (invoice || complete)) {
            // Not found at all is only known after a complete read; found and not paid is known at once.
            ++sum.paidHereOnly;
            out.items.append(itemFor(ReconcileCategory::PaidHereOnly, payment, invoice));
        } else if (!paidHere) {
            ++sum.matched; // neither says paid: they agree
        }
    }
    for (const wire::Invoice& other : m_others) {
        ++sum.otherSender;
        if (isPaid(other) && other.value)
            sum.otherSenderSum += *other.value;
        ReconcileItem item;
        item.category = ReconcileCategory::OtherSender;
        item.apiRef = other.apiRef;
        item.invoiceId = other.invoiceId;
        item.stateThere = other.rawState;
        item.amountThere = other.value;
        item.mpesaReference = other.mpesaReference;
        item.charges = other.charges;
        item.createdAt = other.createdAt;
        out.items.append(item);
    }
    return out;
}

} // namespace lipa
