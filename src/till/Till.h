#pragma once

#include "Clock.h"
#include "IntaSendClient.h"
#include "Journal.h"
#include "Payment.h"
#include "Printouts.h"
#include "StatusPoller.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>

namespace lipa {

enum class ConnectionState {
    NotYetUsed, // nothing sent since start-up
    Online,     // IntaSend answered the last call (even with an error)
    Offline,    // the last call got no answer
};

// Whether a payment may be sent again, decided after a last look at the earlier attempt.
struct ResendCheck {
    enum Verdict {
        MaySend,            // the earlier attempt did not charge the customer
        MaySendWithWarning, // it cannot be known for sure: the cashier must ask the customer first
        Refused,            // paid after all, still waiting, already resent, or it could not be checked
    };
    Verdict verdict = Refused;
    Payment payment; // the earlier attempt as it now stands
    QString reason;  // for the cashier: why, in plain words
};

// Runs a charge end to end: journal first, then the push, then polling until the payment is final.
// At start-up resume() picks up every payment a previous run left open. The one place that moves a
// payment from state to state.
class Till : public QObject {
    Q_OBJECT
public:
    Till(IntaSendClient& client, Journal& journal, StatusPoller& poller, Clock& clock, QString tillName,
         QObject* parent = nullptr);

    // Records the payment, then sends the STK push. Returns the payment's local reference (also its
    // api_ref), or an empty string if it could not be recorded (and so was not sent).
    QString charge(Money amount, const PhoneNumber& phone);
    // The newest payment of this sale (phone and amount) that may still charge the customer, if any: a
    // second charge needs the cashier's confirmation.
    std::optional<Payment> openPaymentFor(const PhoneNumber& phone, Money amount) const;
    // Asks IntaSend about the payment once more (when it knows it and it is not final) and reports it as
    // it then stands; checked says whether IntaSend answered.
    void lookAgain(const QString& localRef, QObject* context,
                   std::function<void(const Payment&, bool checked)> done);
    // Looks at a failed, expired, unknown or not-sent payment one last time (a status check where
    // IntaSend knows it) and reports whether it may be sent again. Reports once, through done.
    void prepareResend(const QString& localRef, QObject* context,
                       std::function<void(const ResendCheck&)> done);
    // Sends a new attempt for a payment prepareResend cleared, linked to it in the journal. Returns the
    // new attempt's reference, or an empty string (with a notice) if it may not be sent.
    QString resend(const QString& localRef);
    // Records the sale as paid in cash instead (the cashier's "Use cash"), after a last status check where
    // IntaSend knows the payment: refused (with the reason) if M-Pesa has paid it. An M-Pesa request still
    // open is checked on until it ends; if it ends paid, the payment becomes Complete and the cashier is
    // told to give the cash back. Refused while another attempt of the same sale may still charge the
    // customer (the cash goes on that one), or when the journal cannot record it. Reports once, through
    // done, with an empty refusal on success.
    void settleInCash(const QString& localRef, QObject* context,
                      std::function<void(const Payment&, const QString& refusal)> done);
    // Picks up what a previous run left open: polls pending payments again, checks the rest once.
    void resume();
    // Asks IntaSend about a payment now (the cashier's "Check now").
    void checkNow(const QString& localRef);
    // Whether IntaSend can be asked about the payment now: it knows it, and it may still change (waiting
    // for the customer, unknown, expired, or settled in cash with its M-Pesa request still open).
    static bool isCheckable(const Payment& payment);

    // Shifts: a cashier opens one, prints X reports while it runs, and closes it with a Z report that is
    // kept in the journal. Payments are taken with or without an open shift.
    std::optional<Shift> openShift(const QString& cashier);
    std::optional<Shift> currentShift() const { return m_journal.currentShift(); }
    // The open shift's figures now; nullopt when no shift is open.
    std::optional<ShiftReport> xReport() const;
    // Closes the open shift and keeps its Z report in the journal. Nullopt (with a notice) if it could not.
    std::optional<ShiftReport> closeShift();
    QString tillName() const { return m_tillName; }

    ConnectionState connectionState() const { return m_connection; }
    // What stands in the way of payments right now (keys refused, IntaSend unreachable, asked to slow
    // down), in the cashier's words; empty when nothing does.
    QString serviceTrouble() const { return m_troubleText; }
    // Calls to IntaSend sent and not yet answered.
    int requestsInFlight() const { return m_requestsInFlight; }
    DayTotals todaysTotals() const;
    const Journal& journal() const { return m_journal; }
    Clock& clock() const { return m_clock; }
    // When a payment made at createdAt stops being waited for (shown as Expired).
    QDateTime expiresAt(const QDateTime& createdAt) const
    {
        return createdAt.addMSecs(m_poller.schedule().expiry.count());
    }

Q_SIGNALS:
    // The payment is durably in the journal and its request is about to leave.
    void paymentRecorded(const lipa::Payment& payment);
    // A new payment for the views (emitted once its request is on its way).
    void paymentAdded(const lipa::Payment& payment);
    void paymentChanged(const lipa::Payment& payment);
    void connectionStateChanged(lipa::ConnectionState state);
    void serviceTroubleChanged(const QString& message);
    // Something the cashier or owner should read (bad keys, an answer we did not understand).
    void notice(const QString& message);
    // A sale settled in cash was then paid by M-Pesa as well: the customer must get their cash back.
    // Emitted before the payment's move to Complete (and its paymentChanged), so that it is announced as
    // a warning rather than as an ordinary payment.
    void paidTwice(const lipa::Payment& payment);

private:
    QString send(Money amount, const PhoneNumber& phone, const QString& replacesRef);
    void onPushFinished(const QString& localRef, const CallResult& result);
    void onCheckDue(const QString& localRef);
    void sendStatusCheck(const QString& localRef, const QString& invoiceId);
    void onStatusFinished(const QString& localRef, const CallResult& result);
    void onExpired(const QString& localRef);

    // Applies IntaSend's view of the invoice to the payment.
    void applyInvoice(Payment payment, const wire::Invoice& invoice);
    // Moves the payment to `to` (if the state table allows it), journal first, then the views. True when
    // the journal now holds the payment in state `to`; false when the move was refused or could not be
    // recorded (with a notice): the payment keeps its recorded state.
    bool moveTo(Payment payment, PaymentState to, const QString& detail);
    // Polls the payment while it waits for the customer; stops when it no longer does.
    void keepTrack(const QString& localRef, std::chrono::milliseconds notBefore);
    void noteConnection(const CallResult& result, bool push);
    void updateTrouble();
    void reportUnknownState(const QString& rawState);
    // One status check outside the poller: records what IntaSend says, then calls then.
    void askAgain(const Payment& payment, std::function<void(const CallResult&)> then);
    // Why this sale must not be sent again while another attempt of it is open; empty when none is.
    QString otherOpenAttempt(const Payment& payment) const;
    // As otherOpenAttempt, and also when the payment itself was sent again: why the sale must not be
    // settled on this attempt.
    QString openAttemptElsewhere(const Payment& payment) const;
    // Why nothing may be sent now (IntaSend's Retry-After); empty when it may.
    QString slowDownNotice() const;
    void finishResendCheck(const QString& localRef, const CallResult& result,
                           const std::function<void(const ResendCheck&)>& done);

    IntaSendClient& m_client;
    Journal& m_journal;
    StatusPoller& m_poller;
    Clock& m_clock;
    QString m_tillName;
    ConnectionState m_connection = ConnectionState::NotYetUsed;
    QSet<QString> m_oneOffChecks; // payments checked outside the poller, while the check is in flight
    int m_requestsInFlight = 0;

    // Calls in a row that got no usable answer; past kTroubleAfterFailures the till says it is offline.
    int m_failuresInARow = 0;
    bool m_pushKeysRefused = false;   // IntaSend refused the keys a push sends (the secret, if any)
    bool m_statusKeysRefused = false; // …or the public key a status check sends
    std::chrono::milliseconds m_slowDownUntil{0}; // monotonic: IntaSend's Retry-After
    std::unique_ptr<Alarm> m_slowDownAlarm;
    QString m_troubleText;
    // Payments cleared for a resend by their last check, with when (monotonic): the clearance is short-lived.
    QHash<QString, std::chrono::milliseconds> m_clearedForResend;
};

} // namespace lipa
