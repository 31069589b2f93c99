// SPDX-License-Identifier: GPL-3.0-or-later
#include "ResendDesk.h"

#include "Journal.h"
#include "SaleAttempts.h"
#include "ServiceHealth.h"
#include "Till.h"

#include <QCoreApplication>
#include <QPointer>

namespace lipa {

namespace {

// A card/QR checkout's page stays open on the customer's phone: another request on top of it could be the
// second payment of one sale.
QString checkoutNotSentAgain()
{
    return QCoreApplication::translate(
        "lipa::ResendDesk",
        "A card/QR payment is not sent again: its page may still be open on the customer's phone. Check it "
        "(F5); if the customer did not pay, charge the sale again (Enter or F6), and the till asks first.");
}

} // namespace

namespace {

// How long a resend stays cleared after its last check: long enough to read the confirmation, too
// short for the earlier attempt to change its mind unseen.
constexpr std::chrono::minutes kResendClearance{2};

} // namespace

ResendDesk::ResendDesk(Till& till, const Journal& journal, const ServiceHealth& health, Clock& clock,
                       QObject* parent)
    : QObject(parent)
    , m_till(till)
    , m_journal(journal)
    , m_health(health)
    , m_clock(clock)
{
}

void ResendDesk::prepare(const QString& localRef, QObject* context,
                         std::function<void(const ResendCheck&)> done)
{
    m_cleared.remove(localRef);
    const std::optional<Payment> payment = m_journal.find(localRef);
    ResendCheck check;
    if (!payment) {
        check.reason = tr("This payment is not in the journal.");
        done(check);
        return;
    }
    check.payment = *payment;
    if (const std::optional<Payment> newer = m_journal.replacementOf(localRef)) {
        check.reason = tr("This payment was already sent again (%1, %2). Use that one.")
                           .arg(stateDisplayName(newer->state),
                                newer->createdAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
        done(check);
        return;
    }
    if (!traitsOf(payment->state).mayBeResent) {
        check.reason = payment->state == PaymentState::Complete ? tr("This payment is paid.")
                       : payment->state == PaymentState::Cash   ? tr("This sale was settled in cash.")
                       : payment->state == PaymentState::Sending
                           ? tr("This request is still being sent. Wait for IntaSend's answer.")
                           : tr("This payment is still waiting for the customer. Wait for it to end, or "
                                "check it now.");
        done(check);
        return;
    }
    if (payment->isCheckout()) {
        check.reason = checkoutNotSentAgain();
        done(check);
        return;
    }
    if (const QString closed = SaleAttempts::saleClosed(m_journal, *payment); !closed.isEmpty()) {
        check.reason = closed;
        done(check);
        return;
    }
    if (const QString settled = SaleAttempts::partSettled(m_journal, *payment); !settled.isEmpty()) {
        check.reason = settled;
        done(check);
        return;
    }
    if (const QString other = SaleAttempts::otherOpen(m_journal, *payment); !other.isEmpty()) {
        check.reason = other;
        done(check);
        return;
    }
    if (const QString wait = m_health.slowDownNotice(); !wait.isEmpty()) {
        check.reason = wait;
        done(check);
        return;
    }
    const bool checkable = payment->isKnownToIntaSend() && (payment->state == PaymentState::Expired ||
                                                            payment->state == PaymentState::Unknown);
    if (!checkable) {
        if (payment->state == PaymentState::Unknown) {
            check.verdict = ResendCheck::Verdict::MaySendWithWarning;
            check.reason = tr("IntaSend never confirmed this request, so the till cannot check it. Ask the "
                              "customer: if a payment prompt came, or money left their M-Pesa, do not send "
                              "again.");
        } else {
            check.verdict = ResendCheck::Verdict::MaySend;
            check.reason = payment->state == PaymentState::Rejected
                               ? tr("Nothing was charged: the request never reached the customer.")
                               : tr("The customer was not charged: %1").arg(payment->failureMessage);
        }
        m_cleared.insert(localRef, m_clock.monotonic());
        done(check);
        return;
    }
    // One last look, straight to IntaSend: what it says now decides.
    m_till.checkOnce(*payment, [this, localRef, asker = QPointer<QObject>(context),
                                done = std::move(done)](const CallResult& result) {
        finish(localRef, result, [asker, &done](const ResendCheck& check) {
            if (asker)
                done(check);
        });
    });
}

void ResendDesk::finish(const QString& localRef, const CallResult& result,
                        const std::function<void(const ResendCheck&)>& done)
{
    ResendCheck check;
    const std::optional<Payment> payment = m_journal.find(localRef);
    if (!payment) {
        done(check);
        return;
    }
    check.payment = *payment;
    if (!result.ok()) {
        check.reason = tr("The earlier request could not be checked (%1). Send again only when IntaSend "
                          "can be asked.")
                           .arg(result.message);
    } else if (payment->state == PaymentState::Complete) {
        check.reason = tr("IntaSend says this payment is paid after all (receipt %1). Do not charge again.")
                           .arg(payment->mpesaReceipt.isEmpty() ? tr("not given") : payment->mpesaReceipt);
    } else if (payment->state == PaymentState::Failed) {
        check.verdict = ResendCheck::Verdict::MaySend;
        check.reason = tr("IntaSend confirms the customer was not charged: %1").arg(payment->failureMessage);
    } else if (isAwaitingCustomer(payment->state)) {
        m_till.keepChecking(localRef, {});
        check.reason = tr("IntaSend says the customer can still answer this request. Wait for it.");
    } else {
        // Expired here, and IntaSend still shows it open: the prompt on the phone has long timed out
        // (M-Pesa gives about a minute), but IntaSend has not said so.
        check.verdict = ResendCheck::Verdict::MaySendWithWarning;
        check.reason =
            tr("IntaSend still shows the earlier request as not finished (%1), though the prompt "
               "on the phone has timed out. Ask the customer whether they paid before sending again.")
                .arg(payment->remoteState.isEmpty() ? tr("no state") : payment->remoteState);
    }
    if (check.verdict != ResendCheck::Verdict::Refused)
        m_cleared.insert(localRef, m_clock.monotonic());
    done(check);
}

QString ResendDesk::resend(const QString& localRef, const std::optional<PhoneNumber>& otherPhone)
{
    const std::optional<Payment> payment = m_journal.find(localRef);
    if (!payment)
        return {};
    if (const QString wait = m_health.slowDownNotice(); !wait.isEmpty()) {
        Q_EMIT notice(wait); // the clearance stays: the same confirmation works once the wait is over
        return {};
    }
    const auto cleared = m_cleared.constFind(localRef);
    const bool fresh = cleared != m_cleared.cend() && m_clock.monotonic() - *cleared <= kResendClearance;
    m_cleared.remove(localRef);
    QString refusal;
    if (m_journal.replacementOf(localRef))
        refusal = tr("This payment was already sent again.");
    else if (!traitsOf(payment->state).mayBeResent)
        refusal = payment->state == PaymentState::Complete ? tr("This payment is paid.")
                                                           : tr("This payment is still in progress.");
    else if (payment->isCheckout())
        refusal = checkoutNotSentAgain();
    else if (const QString closed = SaleAttempts::saleClosed(m_journal, *payment); !closed.isEmpty())
        refusal = closed;
    else if (const QString settled = SaleAttempts::partSettled(m_journal, *payment); !settled.isEmpty())
        refusal = settled;
    else if (const QString other = SaleAttempts::otherOpen(m_journal, *payment); !other.isEmpty())
        refusal = other;
    else if (!fresh)
        refusal = tr("It was checked too long ago; press Resend (F8) to check it again.");
    if (!refusal.isEmpty()) {
        Q_EMIT notice(tr("Not sent again. %1").arg(refusal));
        return {};
    }
    return m_till.send(payment->amount, otherPhone.value_or(payment->phone), localRef,
                       {payment->saleRef, payment->salePart, payment->saleParts});
}

} // namespace lipa
