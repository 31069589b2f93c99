// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Clock.h"
#include "IntaSendClient.h"
#include "Payment.h"
#include "Refund.h"
#include "Result.h"

#include <QObject>
#include <QSet>
#include <QStringList>

#include <chrono>
#include <memory>

namespace lipa {

class Journal;
class Till;

// Refund requests on paid M-Pesa payments: checks what may be refunded, records the request (synced to
// disk) before it is sent, sends it once, and follows IntaSend's decision on a slow schedule (and at
// start-up) until it is final. A request whose answer was lost, or that a crash left between recording and
// sending, is Unconfirmed: it is never sent again without the cashier.
class RefundDesk : public QObject {
    Q_OBJECT
public:
    struct Schedule {
        std::chrono::milliseconds follow{10 * 60 * 1000}; // between checks of an open request
    };

    RefundDesk(IntaSendClient& client, Journal& journal, Till& till, Clock& clock, Schedule schedule,
               QObject* parent = nullptr);
    ~RefundDesk() override;

    // The short list of reasons the dialog offers, in English as sent to IntaSend (its staff read them);
    // the last one is "Other", which needs details. reasonName() is what the cashier reads.
    static QStringList reasons();
    static QString reasonName(const QString& reason);
    // Whether refunds can be requested at all (a secret key is configured).
    bool canRequest() const;
    // What may still be refunded of the payment: what was paid less what is already requested; zero for
    // a payment that is not a paid M-Pesa payment with an invoice.
    Money refundable(const Payment& payment) const;
    // Why a refund cannot be requested on the payment; empty when it can.
    QString whyNot(const Payment& payment) const;
    // Checks, records (state Sending) and sends the request. The refund as recorded, or why it was not
    // (nothing recorded, nothing sent).
    Result<Refund> request(const QString& paymentRef, Money amount, const QString& reason,
                           const QString& details, const QString& cashier = {});
    // The cashier checked IntaSend's dashboard: an Unconfirmed request is not there. Sends it again.
    bool sendAgain(qint64 refundId);
    // The cashier withdraws an Unconfirmed request (it is at IntaSend after all, or no longer wanted).
    bool withdraw(qint64 refundId);
    // Start-up: a request left Sending by a crash becomes Unconfirmed; open ones are followed now.
    void resume();
    // Asks IntaSend now about every open request it has (F5, start-up).
    void followNow();
    int followedCount() const;
    void setSchedule(Schedule schedule) { m_schedule = schedule; }

Q_SIGNALS:
    void refundChanged(const lipa::Refund& refund);
    void notice(const QString& message);

private:
    void send(Refund refund);
    void onSent(qint64 refundId, const ChargebackResult& result);
    void follow(const Refund& refund);
    void onFollowed(qint64 refundId, const ChargebackResult& result);
    bool save(Refund& refund, RefundState state, const QString& message);
    void applyChargeback(Refund& refund, const wire::Chargeback& chargeback);
    void rearm();

    IntaSendClient& m_client;
    Journal& m_journal;
    Till& m_till; // counts the calls in flight: a restart waits for them
    Clock& m_clock;
    Schedule m_schedule;
    std::unique_ptr<Alarm> m_alarm;
    QSet<qint64> m_inFlight; // requests with a call on its way
};

} // namespace lipa
