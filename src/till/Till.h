// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Clock.h"
#include "IntaSendClient.h"
#include "Payment.h"
#include "Sale.h"
#include "StatusPoller.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

namespace lipa {

class Journal;
class ReferenceFinder;

// Which sale a payment is a part of, and which part (empty for a payment that is a sale of its own).
struct SalePart {
    QString saleRef;
    int part = 0;
    int parts = 0;
};
class ServiceHealth;

// The life of a charge: journal first, then the push, then status checks until the payment is final;
// and at start-up, resume() picks up every payment a previous run left open. The one place that moves a
// payment from state to state (the resend and cash desks move payments through it).
class Till : public QObject {
    Q_OBJECT
public:
    Till(IntaSendClient& client, Journal& journal, StatusPoller& poller, ServiceHealth& health, Clock& clock,
         QString tillName, QObject* parent = nullptr);

    // Records the payment, then sends the STK push. Returns the payment's local reference (also its
    // api_ref), or an empty string if it could not be recorded (and so was not sent).
    QString charge(Money amount, const PhoneNumber& phone);
    // A card/QR payment: records it, then asks IntaSend for a checkout page (which the customer opens from
    // a QR code and pays by card or M-Pesa), then follows it with status checks like any payment. Returns
    // its local reference, or an empty string if it could not be recorded (and so was not asked for).
    QString chargeByCheckout(Money amount, const PhoneNumber& phone);
    // The newest payment of this sale (phone and amount) that may still charge the customer, if any: a
    // second charge needs the cashier's confirmation.
    std::optional<Payment> openPaymentFor(const PhoneNumber& phone, Money amount) const;
    // Asks IntaSend about a payment now (the cashier's "Check now", F5).
    void check(const QString& localRef);
    // Asks IntaSend about the payment once more (when it is checkable) and reports it as it then stands;
    // checked says whether IntaSend answered and the journal could be read again afterwards. done is always
    // called (unless context is gone first): with the payment as given when the journal cannot be read.
    void check(const Payment& payment, QObject* context,
               std::function<void(const Payment&, bool checked)> done);
    // Picks up what a previous run left open: polls pending payments again, checks the rest once.
    void resume();
    // A reconciliation found the payment paid in IntaSend's records (the invoice, COMPLETE) although the
    // till had not recorded it paid: records it now, with its receipt, flagged in its history. False when
    // the invoice is another payment's or the change could not be recorded.
    bool recordPaidAtIntaSend(const Payment& payment, const wire::Invoice& invoice);
    // Who looks up, in IntaSend's records, the payments whose push answer was lost (TillStack sets it).
    void setReferenceFinder(ReferenceFinder* finder) { m_finder = finder; }

    QString tillName() const { return m_tillName; }
    Clock& clock() const { return m_clock; }
    // Calls to IntaSend sent and not yet answered.
    int requestsInFlight() const { return m_requestsInFlight; }
    // When a payment made at createdAt stops being waited for (shown as Expired).
    QDateTime expiresAt(const QDateTime& createdAt) const
    {
        return createdAt.addMSecs(m_poller.schedule().expiry.count());
    }
    // The same for this payment (a card/QR checkout is waited for longer: PaymentRules::lifetime).
    QDateTime expiresAt(const Payment& payment) const;

Q_SIGNALS:
    // The payment is durably in the journal and its request is about to leave.
    void paymentRecorded(const lipa::Payment& payment);
    // A new payment for the views (emitted once its request is on its way).
    void paymentAdded(const lipa::Payment& payment);
    void paymentChanged(const lipa::Payment& payment);
    // Something the cashier or owner should read (bad keys, an answer we did not understand).
    // whileOpen: the payment it is about when it holds only while that payment is open ("still
    // checking"); it may be withdrawn once the payment is final.
    void notice(const QString& message, const QString& whileOpen = QString());
    // A sale settled in cash was then paid by M-Pesa as well: the customer must get their cash back.
    // Emitted before the payment's move to Complete (and its paymentChanged), so that it is announced as
    // a warning rather than as an ordinary payment.
    void paidTwice(const lipa::Payment& payment);
    // The last call to IntaSend in flight was answered: nothing is on its way now.
    void idle();

private:
    friend class ResendDesk;
    friend class CashDesk;
    friend class ReferenceFinder;
    friend class Reconciler;
    friend class RefundDesk;
    friend class SaleDesk;

    // newSale: the payment is the first part of this sale, recorded with it.
    QString send(Money amount, const PhoneNumber& phone, const QString& replacesRef,
                 const SalePart& part = {}, Sale* newSale = nullptr);
    // A new attempt, not yet recorded: a fresh reference (its api_ref), Sending, now, this till.
    Payment newPayment(Money amount, const PhoneNumber& phone) const;
    void onPushFinished(const QString& localRef, const CallResult& result);
    void onCheckoutFinished(const QString& localRef, const CheckoutResult& result);
    // What a status call asks with: the invoice once known, else a checkout's id and signature.
    wire::StatusKey statusKeyOf(const Payment& payment) const;
    void onCheckDue(const QString& localRef);
    void sendStatusCheck(const QString& localRef, const wire::StatusKey& key);
    void onStatusFinished(const QString& localRef, const CallResult& result);
    void onExpired(const QString& localRef);
    // One status check outside the poller: records what IntaSend says, then calls then.
    void checkOnce(const Payment& payment, std::function<void(const CallResult&)> then);
    // Applies IntaSend's view of the invoice to the payment; source, when given, says where the view came
    // from (kept in the payment's history). True when the journal holds the outcome.
    bool applyInvoice(const Payment& payment, const wire::Invoice& invoice, const QString& source = {});
    // Moves the payment to `to` (if the state table allows it), journal first, then the views. True when
    // the journal now holds the payment in state `to`; false when the move was refused or could not be
    // recorded (with a notice): the payment keeps its recorded state.
    bool moveTo(Payment payment, PaymentState to, const QString& detail);
    // Polls the payment while it waits for the customer; stops when it no longer does.
    void keepChecking(const QString& localRef, std::chrono::milliseconds notBefore);
    // The invoice of a push IntaSend took that the journal could not record: kept here, polled with, and
    // written again (on each check and every few seconds) until the journal holds it. Never dropped.
    void holdInvoice(const QString& localRef, const wire::Invoice& invoice);
    // Writes a held invoice id; true when the journal now holds it (or none was held).
    bool recordHeldInvoice(const QString& localRef);
    void retryHeldInvoices();
    void callStarted();
    void callEnded();

    IntaSendClient& m_client;
    Journal& m_journal;
    StatusPoller& m_poller;
    ServiceHealth& m_health;
    Clock& m_clock;
    QString m_tillName;
    QSet<QString> m_oneOffChecks; // payments checked outside the poller, while the check is in flight
    struct HeldInvoice {
        QString invoiceId;
        QString remoteState;
    };
    QHash<QString, HeldInvoice> m_heldInvoices; // by local reference (see holdInvoice)
    std::unique_ptr<Alarm> m_heldInvoiceRetry;
    int m_requestsInFlight = 0;
    ReferenceFinder* m_finder = nullptr;
};

} // namespace lipa
