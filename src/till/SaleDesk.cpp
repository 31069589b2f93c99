// SPDX-License-Identifier: GPL-3.0-or-later
#include "SaleDesk.h"

#include "CashDesk.h"
#include "Journal.h"
#include "Till.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QUuid>

namespace lipa {

Q_LOGGING_CATEGORY(lcSales, "lipa.sales")

SaleDesk::SaleDesk(Till& till, Journal& journal, CashDesk& cash, Clock& clock, Money largestPart,
                   QObject* parent)
    : QObject(parent)
    , m_till(till)
    , m_journal(journal)
    , m_cash(cash)
    , m_clock(clock)
    , m_largestPart(largestPart)
{
    connect(&m_till, &Till::paymentRecorded, this, &SaleDesk::onPaymentRecorded);
    connect(&m_till, &Till::paymentChanged, this, &SaleDesk::onPaymentChanged);
}

std::optional<Sale> SaleDesk::sale(const QString& saleRef) const
{
    return saleRef.isEmpty() ? std::nullopt : m_journal.sales().find(saleRef);
}

QList<Payment> SaleDesk::parts(const QString& saleRef) const
{
    return m_journal.partsOf(saleRef);
}

SaleProgress SaleDesk::progress(const Sale& sale) const
{
    return SaleProgress::of(sale, m_journal.partsOf(sale.ref));
}

QString SaleDesk::start(Money total, const PhoneNumber& phone)
{
    const QList<Money> parts = SalePlan::split(total, m_largestPart);
    Sale sale;
    sale.ref = QUuid::createUuid().toString(QUuid::WithoutBraces);
    sale.total = total;
    sale.parts = static_cast<int>(parts.size());
    sale.phone = phone;
    sale.tillName = m_till.tillName();
    sale.createdAt = m_clock.now();
    qCInfo(lcSales) << "sale" << sale.ref << total.toDecimalString() << "in" << sale.parts << "parts";
    return m_till.send(parts.first(), phone, {}, {sale.ref, 1, sale.parts}, &sale);
}

void SaleDesk::onPaymentRecorded(const Payment& payment)
{
    if (!payment.isPartOfSale())
        return;
    // A part the cashier sent (the first, again, from another phone, after a restart) or the desk did:
    // the sale runs on by itself from here.
    m_running.insert(payment.saleRef);
    Q_EMIT saleChanged(payment.saleRef);
}

void SaleDesk::onPaymentChanged(const Payment& payment)
{
    if (!payment.isPartOfSale())
        return;
    const std::optional<Sale> sale = m_journal.sales().find(payment.saleRef);
    if (!sale)
        return;
    if (payment.state == PaymentState::Complete && m_running.contains(sale->ref) && sale->isOpen()) {
        // Not from inside the till's own change: the next push goes out from the event loop, after every
        // view has seen this part paid.
        QMetaObject::invokeMethod(
            this, [this, ref = sale->ref] { sendNextByItself(ref); }, Qt::QueuedConnection);
    } else if (!traitsOf(payment.state).inProgress) {
        // Failed, expired, unknown, not sent, or settled in cash: the sale stops here; the cashier decides.
        if (m_running.remove(sale->ref))
            qCInfo(lcSales) << "sale" << sale->ref << "stopped at part" << payment.salePart
                            << stateKey(payment.state);
    }
    closeIfPaid(*sale);
    Q_EMIT saleChanged(sale->ref);
}

void SaleDesk::sendNextByItself(const QString& saleRef)
{
    if (!m_running.contains(saleRef) || m_heldBack.contains(saleRef))
        return;
    const std::optional<Sale> sale = m_journal.sales().find(saleRef);
    bool read = false;
    const QList<Payment> attempts = sale ? m_journal.partsOf(saleRef, &read) : QList<Payment>();
    const SaleProgress progress = SaleProgress::of(sale.value_or(Sale{}), attempts);
    // A second word that a part is paid (its receipt code arriving later, say) while the next part is
    // already on its way: that part's own ending decides what follows.
    if (sale && read && progress.inProgress)
        return;
    // Only after a paid part, with nothing else on its way, and something left to pay: never twice.
    if (!sale || !read || !sale->isOpen() || progress.outstanding.cents() <= 0 || !progress.latest ||
        progress.latest->state != PaymentState::Complete) {
        m_running.remove(saleRef);
        return;
    }
    const int part = progress.nextPart();
    qCInfo(lcSales) << "sale" << saleRef << "sending part" << part << "by itself";
    if (m_till
            .send(progress.nextAmount(m_largestPart), progress.latest->phone, {},
                  {saleRef, part, sale->parts})
            .isEmpty()) {
        m_running.remove(saleRef);
        Q_EMIT notice(tr("Part %1 of the sale of %2 was not sent (see above). Send it with Resend (F8).")
                          .arg(part)
                          .arg(sale->total.toDisplayString()));
        Q_EMIT saleChanged(saleRef);
    }
}

QString SaleDesk::sendNext(const QString& saleRef, const PhoneNumber& phone, int part, QString* refusal)
{
    const std::optional<Sale> sale = m_journal.sales().find(saleRef);
    bool read = false;
    const QList<Payment> attempts = sale ? m_journal.partsOf(saleRef, &read) : QList<Payment>();
    const SaleProgress progress = SaleProgress::of(sale.value_or(Sale{}), attempts);
    QString why;
    if (!sale || !read)
        why = tr("This sale could not be read from the journal (%1).").arg(m_journal.lastError());
    else if (!sale->isOpen())
        why = sale->closedShort() ? tr("This sale was closed short.") : tr("This sale is paid in full.");
    else if (progress.inProgress)
        why = tr("A part of this sale is still waiting for the customer. Wait for it, or check it.");
    else if (progress.outstanding.cents() <= 0)
        why = tr("Nothing is left to pay on this sale.");
    else if (progress.latest && !progress.latestPartSettled)
        why = tr("Part %1 was not paid: send it again (F8) instead.").arg(progress.latest->salePart);
    else if (progress.nextPart() != part)
        why = tr("The sale has moved on since you were asked (part %1 is next now). Look at the card, then "
                 "ask again.")
                  .arg(progress.nextPart());
    if (!why.isEmpty()) {
        if (refusal)
            *refusal = why;
        return {};
    }
    return m_till.send(progress.nextAmount(m_largestPart), phone, {},
                       {saleRef, progress.nextPart(), sale->parts});
}

void SaleDesk::holdBack(const QString& saleRef)
{
    m_heldBack.insert(saleRef);
}

void SaleDesk::letRun(const QString& saleRef)
{
    if (!m_heldBack.remove(saleRef) || !m_running.contains(saleRef))
        return;
    // A part paid while the cashier was asked: its next part goes now, as it would have then.
    QMetaObject::invokeMethod(
        this, [this, saleRef] { sendNextByItself(saleRef); }, Qt::QueuedConnection);
}

void SaleDesk::settleRestInCash(const QString& saleRef, Money expected, QObject* context,
                                std::function<void(const QString&)> done)
{
    // Refused before any cash is recorded: a sale held back for the question runs on by itself.
    const auto refuse = [this, &saleRef, &done](const QString& why) {
        letRun(saleRef);
        done(why);
    };
    const std::optional<Sale> sale = m_journal.sales().find(saleRef);
    if (!sale) {
        refuse(tr("This sale is not in the journal."));
        return;
    }
    if (!sale->isOpen()) {
        refuse(sale->closedShort() ? tr("This sale was closed short.") : tr("This sale is paid in full."));
        return;
    }
    const SaleProgress progress = this->progress(*sale);
    if (progress.outstanding.cents() <= 0) {
        refuse(tr("Nothing is left to pay on this sale."));
        return;
    }
    if (progress.outstanding != expected) {
        // A part was paid (or sent) while the cashier was asked: the cash asked for is no longer the rest.
        refuse(tr("The sale changed while you were asked: %1 is left to pay now, not %2. Ask again.")
                   .arg(progress.outstanding.toDisplayString(), expected.toDisplayString()));
        return;
    }
    const std::optional<Payment> latest = progress.latest;
    if (latest && latest->state == PaymentState::Sending) {
        refuse(tr("A part of this sale is still being sent. Wait for IntaSend's answer."));
        return;
    }
    if (latest && progress.latestPartSettled && traitsOf(latest->state).mayStillCharge) {
        // Its part was paid by an earlier attempt, and this later one may still reach the phone: cash on top
        // of both could be the third payment of one part.
        refuse(tr("Part %1 was paid by an earlier attempt, and a later attempt at it may still reach the "
                  "customer's phone. Check it (F5) or wait for it to end, then take the rest in cash.")
                   .arg(latest->salePart));
        return;
    }
    m_heldBack.remove(saleRef);
    m_running.remove(saleRef); // cash ends the M-Pesa parts
    if (!latest || progress.latestPartSettled || !maySettleInCash(latest->state)) {
        done(recordCashRest(saleRef));
        return;
    }
    // The latest part is unpaid: it is settled in cash as Use cash settles a payment (a last check, and a
    // late M-Pesa approval flagged as paid twice), then what it does not cover.
    m_cash.settle(latest->localRef, this,
                  [this, saleRef, asker = QPointer<QObject>(context),
                   done = std::move(done)](const Payment&, const QString& refusal) {
                      const QString why = refusal.isEmpty() ? recordCashRest(saleRef) : refusal;
                      if (asker)
                          done(why);
                  });
}

QString SaleDesk::recordCashRest(const QString& saleRef)
{
    const std::optional<Sale> sale = m_journal.sales().find(saleRef);
    bool read = false;
    const QList<Payment> attempts = sale ? m_journal.partsOf(saleRef, &read) : QList<Payment>();
    if (!sale || !read)
        return tr("This sale could not be read from the journal (%1).").arg(m_journal.lastError());
    const SaleProgress progress = SaleProgress::of(*sale, attempts);
    if (progress.outstanding.cents() > 0) {
        Payment cash;
        cash.localRef = QUuid::createUuid().toString(QUuid::WithoutBraces);
        cash.amount = progress.outstanding;
        cash.phone = progress.latest ? progress.latest->phone : sale->phone;
        cash.state = PaymentState::Cash;
        cash.createdAt = m_clock.now();
        cash.updatedAt = cash.createdAt;
        cash.tillName = m_till.tillName();
        cash.failureMessage = tr("The rest of the sale, paid in cash.");
        cash.saleRef = saleRef;
        cash.salePart = progress.nextPart();
        cash.saleParts = sale->parts;
        if (!m_journal.addPayment(cash))
            return tr("The cash could not be recorded (%1). Do not take the cash until it is.")
                .arg(m_journal.lastError());
        qCInfo(lcSales) << "sale" << saleRef << "rest in cash" << cash.amount.toDecimalString();
        Q_EMIT m_till.paymentAdded(cash);
    }
    closeIfPaid(*sale);
    Q_EMIT saleChanged(saleRef);
    return {};
}

void SaleDesk::closeIfPaid(const Sale& sale)
{
    if (!sale.isOpen())
        return;
    const SaleProgress progress = this->progress(sale);
    if (progress.outstanding.cents() > 0 || progress.inProgress)
        return;
    m_running.remove(sale.ref);
    if (!m_journal.sales().close(sale.ref, m_clock.now())) {
        qCWarning(lcSales) << "sale" << sale.ref << "could not be closed:" << m_journal.lastError();
        return; // closed at the next start (resume) instead: its parts say it is paid
    }
    qCInfo(lcSales) << "sale" << sale.ref << "paid in full";
    if (progress.outstanding.cents() < 0)
        Q_EMIT notice(tr("The sale of %1 to %2 was paid %3 more than its total. Give the customer the "
                         "difference back.")
                          .arg(sale.total.toDisplayString(), sale.phone.masked(),
                               Money::fromCents(-progress.outstanding.cents()).toDisplayString()));
}

bool SaleDesk::closeShort(const QString& saleRef, const QString& reason, const QString& closedBy,
                          QString* refusal)
{
    const std::optional<Sale> sale = m_journal.sales().find(saleRef);
    QString why;
    if (!sale)
        why = tr("This sale is not in the journal.");
    else if (!sale->isOpen())
        why = sale->closedShort() ? tr("This sale was closed short.") : tr("This sale is paid in full.");
    else if (reason.trimmed().isEmpty())
        why = tr("Say why the sale is closed short.");
    else if (progress(*sale).inProgress)
        why = tr("A part of this sale is still waiting for the customer. Wait for it, or check it.");
    else if (!m_journal.sales().close(saleRef, m_clock.now(), reason.trimmed(), closedBy))
        why = tr("The sale could not be closed (%1).").arg(m_journal.lastError());
    if (!why.isEmpty()) {
        if (refusal)
            *refusal = why;
        return false;
    }
    m_running.remove(saleRef);
    qCInfo(lcSales) << "sale" << saleRef << "closed short";
    Q_EMIT saleChanged(saleRef);
    return true;
}

void SaleDesk::resume()
{
    std::optional<Payment> newest;
    for (const Sale& sale : m_journal.sales().open()) {
        closeIfPaid(sale);
        const std::optional<Sale> now = m_journal.sales().find(sale.ref);
        if (!now || !now->isOpen())
            continue;
        const SaleProgress progress = this->progress(*now);
        if (progress.latest && (!newest || progress.latest->sequence > newest->sequence))
            newest = progress.latest;
    }
    if (newest)
        Q_EMIT openSaleFound(*newest);
}

} // namespace lipa
