// SPDX-License-Identifier: GPL-3.0-or-later
#include "CashDesk.h"

#include "Journal.h"
#include "PaymentRules.h"
#include "SaleAttempts.h"
#include "ServiceHealth.h"
#include "StatusPoller.h"
#include "Till.h"

#include <QPointer>

namespace lipa {

CashDesk::CashDesk(Till& till, Journal& journal, StatusPoller& poller, const ServiceHealth& health,
                   QObject* parent)
    : QObject(parent)
    , m_till(till)
    , m_journal(journal)
    , m_poller(poller)
    , m_health(health)
{
}

void CashDesk::settle(const QString& localRef, QObject* context,
                      std::function<void(const Payment&, const QString& refusal)> done)
{
    const std::optional<Payment> payment = m_journal.find(localRef);
    if (!payment) {
        done(Payment{}, tr("This payment is not in the journal."));
        return;
    }
    if (!maySettleInCash(payment->state)) {
        done(*payment, payment->state == PaymentState::Complete
                           ? tr("This payment is paid by M-Pesa (receipt %1). Do not take cash.")
                                 .arg(payment->mpesaReceipt)
                       : payment->state == PaymentState::Cash
                           ? tr("This sale is already settled in cash.")
                           : tr("This request is still being sent. Wait for IntaSend's answer."));
        return;
    }
    if (const QString closed = SaleAttempts::saleClosed(m_journal, *payment); !closed.isEmpty()) {
        done(*payment, closed);
        return;
    }
    if (const QString settled = SaleAttempts::partSettled(m_journal, *payment); !settled.isEmpty()) {
        done(*payment, settled);
        return;
    }
    // Cash settles the sale, so it goes on the attempt that may still charge the customer: settling an
    // earlier one would leave the open one free to take the money a second time, unflagged.
    if (const QString other = SaleAttempts::openElsewhere(m_journal, *payment); !other.isEmpty()) {
        done(*payment, other);
        return;
    }
    // From here on done is always called, with the payment as last read if the journal cannot be read
    // again: the cashier's window waits for the answer.
    if (!PaymentRules::isCheckable(*payment) || !m_health.slowDownNotice().isEmpty()) {
        const QString refusal = record(localRef, false);
        done(m_journal.find(localRef).value_or(*payment), refusal);
        return;
    }
    // A last look first: a customer who approved a moment ago must not pay again in cash.
    m_till.checkOnce(*payment, [this, asked = *payment, asker = QPointer<QObject>(context),
                                done = std::move(done)](const CallResult& result) {
        const QString refusal = record(asked.localRef, result.ok());
        if (asker)
            done(m_journal.find(asked.localRef).value_or(asked), refusal);
    });
}

QString CashDesk::record(const QString& localRef, bool wasChecked)
{
    std::optional<Payment> now = m_journal.find(localRef);
    if (!now)
        return tr("This payment is not in the journal.");
    if (now->state == PaymentState::Complete)
        return tr("IntaSend says this payment is paid by M-Pesa after all (receipt %1). Do not take cash.")
            .arg(now->mpesaReceipt);
    if (!maySettleInCash(now->state))
        return tr("This payment can no longer be settled in cash (%1).").arg(stateDisplayName(now->state));
    if (const QString other = SaleAttempts::openElsewhere(m_journal, *now); !other.isEmpty())
        return other; // resent while the last check was out
    if (const QString settled = SaleAttempts::partSettled(m_journal, *now); !settled.isEmpty())
        return settled; // another attempt at the part was paid while the last check was out
    // A late approval is caught only where IntaSend knows the request and last showed it open: by the
    // poller while the prompt may still be on the phone, by Check now (and at start-up) after that.
    Payment settled = *now;
    settled.state = PaymentState::Cash;
    const bool openAtIntaSend = PaymentRules::cashWithMpesaOpen(settled);
    const bool watched = openAtIntaSend && !PaymentRules::isPastExpiry(settled, m_till.clock().now(),
                                                                       m_poller.schedule().expiry);
    if (watched)
        now->failureMessage = tr("Settled in cash. The M-Pesa request was still open: the till keeps "
                                 "checking it in case the customer approves it anyway.");
    else if (openAtIntaSend)
        now->failureMessage = PaymentRules::cashPromptTimedOutNote();
    else if (now->state == PaymentState::Unknown && !now->isKnownToIntaSend())
        now->failureMessage = tr("Settled in cash. IntaSend never confirmed the M-Pesa request, so the "
                                 "till cannot see whether the customer approves it.");
    else
        now->failureMessage.clear();
    if (!m_till.moveTo(*now, PaymentState::Cash,
                       wasChecked ? QStringLiteral("settled in cash by the cashier, after a last check")
                                  : QStringLiteral("settled in cash by the cashier")))
        return tr("The cash sale could not be recorded (%1). Do not take the cash until it is.")
            .arg(m_journal.lastError());
    // A poller already watching the M-Pesa request goes on (see Till::keepChecking). One that is not (an
    // Unknown payment IntaSend knows of) starts now, so a late approval is caught in this run.
    if (watched && !m_poller.isWatching(localRef))
        m_poller.watch(localRef, settled.createdAt,
                       PaymentRules::lifetime(settled, m_poller.schedule().expiry));
    return QString();
}

} // namespace lipa
