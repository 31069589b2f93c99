// SPDX-License-Identifier: GPL-3.0-or-later
#include "RefundDesk.h"

#include "Journal.h"
#include "Till.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <array>

namespace lipa {

Q_LOGGING_CATEGORY(lcRefunds, "lipa.refunds")

namespace {

constexpr std::array kReasons = {
    QT_TRANSLATE_NOOP("lipa::RefundDesk", "Customer charged twice"),
    QT_TRANSLATE_NOOP("lipa::RefundDesk", "Wrong amount charged"),
    QT_TRANSLATE_NOOP("lipa::RefundDesk", "Goods returned"),
    QT_TRANSLATE_NOOP("lipa::RefundDesk", "Goods or service not delivered"),
    QT_TRANSLATE_NOOP("lipa::RefundDesk", "Other"),
};

} // namespace

RefundDesk::RefundDesk(IntaSendClient& client, Journal& journal, Till& till, Clock& clock, Schedule schedule,
                       QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
    , m_till(till)
    , m_clock(clock)
    , m_schedule(schedule)
    , m_alarm(clock.createAlarm())
{
    connect(m_alarm.get(), &Alarm::fired, this, &RefundDesk::followNow);
}

RefundDesk::~RefundDesk() = default;

QStringList RefundDesk::reasons()
{
    QStringList list;
    for (const char* reason : kReasons)
        list.append(QString::fromLatin1(reason));
    return list;
}

QString RefundDesk::reasonName(const QString& reason)
{
    return QCoreApplication::translate("lipa::RefundDesk", reason.toUtf8().constData());
}

bool RefundDesk::canRequest() const
{
    return !m_client.config().secretKey.isEmpty();
}

QString RefundDesk::whyNot(const Payment& payment) const
{
    if (payment.state != PaymentState::Complete)
        return tr("Only a paid M-Pesa payment can be refunded.");
    if (payment.invoiceId.isEmpty())
        return tr("IntaSend's invoice for this payment is not known.");
    if (!canRequest())
        return tr("A refund request needs IntaSend's secret key (Settings → IntaSend).");
    if (!m_journal.refunds().requestedOf(payment.localRef))
        return tr("The journal could not be read (%1).").arg(m_journal.lastError());
    if (refundable(payment) <= Money())
        return tr("The whole amount has already been asked back.");
    return {};
}

Money RefundDesk::refundable(const Payment& payment) const
{
    if (payment.state != PaymentState::Complete || payment.invoiceId.isEmpty())
        return {};
    const std::optional<Money> requested = m_journal.refunds().requestedOf(payment.localRef);
    if (!requested)
        return {}; // unreadable: asking now might ask twice
    const Money left = payment.amount - *requested;
    return left > Money() ? left : Money();
}

Result<Refund> RefundDesk::request(const QString& paymentRef, Money amount, const QString& reason,
                                   const QString& details, const QString& cashier)
{
    const std::optional<Payment> payment = m_journal.find(paymentRef);
    if (!payment)
        return Result<Refund>::error(tr("There is no such payment."));
    if (const QString why = whyNot(*payment); !why.isEmpty())
        return Result<Refund>::error(why);
    if (amount <= Money())
        return Result<Refund>::error(tr("Enter the amount to refund."));
    const Money most = refundable(*payment);
    if (amount > most)
        return Result<Refund>::error(
            tr("At most %1 can be refunded on this payment.").arg(most.toDisplayString()));
    if (reason.trimmed().isEmpty())
        return Result<Refund>::error(tr("Choose a reason."));
    if (reason == reasons().constLast() && details.trimmed().isEmpty())
        return Result<Refund>::error(tr("Say what the reason is."));

    Refund refund;
    refund.paymentRef = paymentRef;
    refund.invoiceId = payment->invoiceId;
    refund.amount = amount;
    refund.reason = reason.trimmed();
    refund.details = details.trimmed();
    refund.state = RefundState::Sending;
    refund.cashier = cashier;
    refund.createdAt = m_clock.now();
    refund.updatedAt = refund.createdAt;
    // Recorded, and on disk, before anything leaves: a crash now leaves it for the cashier to confirm.
    if (!m_journal.refunds().add(refund))
        return Result<Refund>::error(
            tr("The refund request could not be recorded (%1); it was not sent.").arg(m_journal.lastError()));
    qCInfo(lcRefunds) << "refund" << refund.id << "of" << paymentRef << amount.toDecimalString()
                      << "recorded";
    Q_EMIT refundChanged(refund);
    send(refund);
    return Result<Refund>::ok(refund);
}

void RefundDesk::send(Refund refund)
{
    m_inFlight.insert(refund.id);
    const qint64 id = refund.id;
    m_till.callStarted();
    m_client.requestChargeback({refund.invoiceId, refund.amount, refund.reason, refund.details}, this,
                               [this, id](const ChargebackResult& result) {
                                   onSent(id, result);
                                   m_till.callEnded();
                               });
}

void RefundDesk::onSent(qint64 refundId, const ChargebackResult& result)
{
    m_inFlight.remove(refundId);
    std::optional<Refund> refund = m_journal.refunds().find(refundId);
    if (!refund)
        return;
    if (result.ok()) {
        applyChargeback(*refund, *result.chargeback);
        rearm();
        return;
    }
    switch (result.call.failure) {
    case CallFailure::Uncertain:
    case CallFailure::BadResponse:
        // It may be at IntaSend: asking again could ask twice.
        save(*refund, RefundState::Unconfirmed,
             tr("No clear answer from IntaSend (%1). Check IntaSend's dashboard for this refund request "
                "before sending it again.")
                 .arg(result.call.message));
        break;
    default:
        save(*refund, RefundState::Refused,
             tr("Not requested: %1")
                 .arg(result.call.message.isEmpty() ? tr("IntaSend refused it") : result.call.message));
        break;
    }
    Q_EMIT notice(tr("Refund request of %1: %2").arg(refund->amount.toDisplayString(), refund->message));
}

bool RefundDesk::save(Refund& refund, RefundState state, const QString& message)
{
    refund.state = state;
    refund.message = message;
    refund.updatedAt = m_clock.now();
    if (!m_journal.refunds().update(refund)) {
        Q_EMIT notice(tr("A refund request's change could not be recorded (%1).").arg(m_journal.lastError()));
        return false;
    }
    qCInfo(lcRefunds) << "refund" << refund.id << "->" << refundStateKey(state);
    Q_EMIT refundChanged(refund);
    return true;
}

void RefundDesk::applyChargeback(Refund& refund, const wire::Chargeback& chargeback)
{
    refund.chargebackId = chargeback.id;
    refund.rawStatus = chargeback.rawStatus;
    refund.resolution = chargeback.resolution;
    const std::optional<RefundState> state = refundStateFromIntaSend(chargeback.rawStatus);
    // A status this version does not know: IntaSend has the request; keep following it.
    const RefundState to = state.value_or(RefundState::Pending);
    const QString message =
        state ? QString()
              : tr("IntaSend reported a status this till does not know (\"%1\")").arg(chargeback.rawStatus);
    save(refund, to, message);
}

bool RefundDesk::sendAgain(qint64 refundId)
{
    std::optional<Refund> refund = m_journal.refunds().find(refundId);
    if (!refund || refund->state != RefundState::Unconfirmed || m_inFlight.contains(refundId))
        return false;
    if (!save(*refund, RefundState::Sending, tr("Sent again after the cashier checked IntaSend's dashboard")))
        return false;
    send(*refund);
    return true;
}

bool RefundDesk::withdraw(qint64 refundId)
{
    std::optional<Refund> refund = m_journal.refunds().find(refundId);
    if (!refund || refund->state != RefundState::Unconfirmed || m_inFlight.contains(refundId))
        return false;
    return save(*refund, RefundState::Refused, tr("Withdrawn by the cashier"));
}

void RefundDesk::resume()
{
    bool ok = false;
    const QList<Refund> open = m_journal.refunds().open(&ok);
    for (Refund refund : open) {
        if (refund.state == RefundState::Sending && !m_inFlight.contains(refund.id))
            save(refund, RefundState::Unconfirmed,
                 tr("The till stopped while this refund request was being sent. Check IntaSend's dashboard "
                    "before sending it again."));
    }
    followNow();
}

void RefundDesk::followNow()
{
    bool ok = false;
    const QList<Refund> open = m_journal.refunds().open(&ok);
    for (const Refund& refund : open)
        follow(refund);
    rearm();
}

void RefundDesk::follow(const Refund& refund)
{
    if (refund.chargebackId.isEmpty() || isFinal(refund.state) || m_inFlight.contains(refund.id) ||
        !canRequest())
        return;
    m_inFlight.insert(refund.id);
    const qint64 id = refund.id;
    m_till.callStarted();
    m_client.checkChargeback(refund.chargebackId, this, [this, id](const ChargebackResult& result) {
        onFollowed(id, result);
        m_till.callEnded();
    });
}

void RefundDesk::onFollowed(qint64 refundId, const ChargebackResult& result)
{
    m_inFlight.remove(refundId);
    std::optional<Refund> refund = m_journal.refunds().find(refundId);
    if (!refund)
        return;
    if (!result.ok()) {
        qCInfo(lcRefunds) << "refund" << refundId << "not followed:" << result.call.message;
        rearm();
        return;
    }
    const QString before = refund->rawStatus;
    const RefundState beforeState = refund->state;
    if (result.chargeback->rawStatus != before || refund->resolution != result.chargeback->resolution) {
        applyChargeback(*refund, *result.chargeback);
        if (refund->state != beforeState && isFinal(refund->state))
            Q_EMIT notice(tr("Refund request of %1: %2")
                              .arg(refund->amount.toDisplayString(), refundStateName(refund->state)));
    }
    rearm();
}

int RefundDesk::followedCount() const
{
    int count = 0;
    bool ok = false;
    for (const Refund& refund : m_journal.refunds().open(&ok)) {
        if (!refund.chargebackId.isEmpty())
            ++count;
    }
    return count;
}

void RefundDesk::rearm()
{
    // Idle means idle: the alarm runs only while a request waits for IntaSend's decision.
    if (followedCount() > 0 && canRequest()) {
        if (!m_alarm->isActive())
            m_alarm->start(m_schedule.follow);
    } else {
        m_alarm->stop();
    }
}

} // namespace lipa
