#include "Till.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QUuid>

namespace lipa {

Q_LOGGING_CATEGORY(lcTill, "lipa.till")

namespace {

bool isPastExpiry(const Payment& payment, const QDateTime& now, const PollSchedule& schedule)
{
    return payment.createdAt.msecsTo(now) >= schedule.expiry.count();
}

// Calls in a row without a usable answer before the till tells the cashier IntaSend is unreachable: one
// lost answer is a blip, three are an outage.
constexpr int kTroubleAfterFailures = 3;
// How long a resend stays cleared after its last check: long enough to read the confirmation, too
// short for the earlier attempt to change its mind unseen.
constexpr std::chrono::minutes kResendClearance{2};
// When IntaSend says "slow down" without saying for how long.
constexpr std::chrono::seconds kDefaultSlowDown{30};

bool mayBeResent(PaymentState state)
{
    return state == PaymentState::Failed || state == PaymentState::Expired ||
           state == PaymentState::Unknown || state == PaymentState::Rejected;
}

// A sale settled in cash whose M-Pesa request IntaSend last showed as still open: the customer may
// yet approve it on the phone, so the till keeps asking until IntaSend says how it ended.
bool cashWithMpesaOpen(const Payment& payment)
{
    if (payment.state != PaymentState::Cash || payment.invoiceId.isEmpty())
        return false;
    const std::optional<wire::RemoteState> remote = wire::parseRemoteState(payment.remoteState);
    return !remote || *remote == wire::RemoteState::Pending || *remote == wire::RemoteState::Processing ||
           *remote == wire::RemoteState::Retry;
}

// The note on a cash sale whose M-Pesa request IntaSend still shows open after the prompt timed out.
QString cashWithTimedOutPromptMessage()
{
    return Till::tr("Settled in cash. IntaSend still showed the M-Pesa request as open, though the prompt on "
                    "the phone has timed out. Check now (F5) asks IntaSend again.");
}

// What goes into the journal's history for a failed call: the reason, and what IntaSend sent back.
QString logDetail(const CallResult& result)
{
    QString detail = result.message;
    if (result.httpStatus > 0)
        detail += QStringLiteral(" [HTTP %1]").arg(result.httpStatus);
    if (!result.rawBody.isEmpty())
        detail += QStringLiteral(" body: ") + QString::fromUtf8(result.rawBody);
    return detail;
}

} // namespace

Till::Till(IntaSendClient& client, Journal& journal, StatusPoller& poller, Clock& clock, QString tillName,
           QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
    , m_poller(poller)
    , m_clock(clock)
    , m_tillName(std::move(tillName))
{
    connect(&m_poller, &StatusPoller::checkDue, this, &Till::onCheckDue);
    connect(&m_poller, &StatusPoller::expired, this, &Till::onExpired);
    m_slowDownAlarm = m_clock.createAlarm();
    connect(m_slowDownAlarm.get(), &Alarm::fired, this, &Till::updateTrouble);
}

QString Till::charge(Money amount, const PhoneNumber& phone)
{
    return send(amount, phone, {});
}

QString Till::send(Money amount, const PhoneNumber& phone, const QString& replacesRef)
{
    if (const QString wait = slowDownNotice(); !wait.isEmpty()) {
        // IntaSend asked for quiet: sending now would be refused again (and count against the till).
        Q_EMIT notice(wait);
        return {};
    }
    Payment payment;
    payment.localRef = QUuid::createUuid().toString(QUuid::WithoutBraces);
    payment.amount = amount;
    payment.phone = phone;
    payment.state = PaymentState::Sending;
    payment.createdAt = m_clock.now();
    payment.updatedAt = payment.createdAt;
    payment.tillName = m_tillName;
    payment.replacesRef = replacesRef;

    // Journal before wire: if the write fails, nothing is sent.
    if (!m_journal.addPayment(payment)) {
        Q_EMIT notice(tr("The payment could not be recorded (%1), so it was not sent. Nothing was charged.")
                          .arg(m_journal.lastError()));
        return {};
    }
    Q_EMIT paymentRecorded(payment);
    if (const std::optional<Payment> earlier =
            replacesRef.isEmpty() ? std::nullopt : m_journal.find(replacesRef))
        m_journal.updatePayment(*earlier, QStringLiteral("sent again as ") + payment.localRef);

    // The request first, the views after: the customer's phone should not wait for the list to redraw.
    // (The answer always arrives later, through the event loop, so paymentAdded still precedes it.)
    qCInfo(lcTill) << "push" << payment.localRef << amount.toDecimalString() << phone.masked();
    const QString ref = payment.localRef;
    ++m_requestsInFlight;
    m_client.requestStkPush({amount, phone, ref, m_tillName}, this, [this, ref](const CallResult& result) {
        --m_requestsInFlight;
        onPushFinished(ref, result);
    });
    Q_EMIT paymentAdded(payment);
    return ref;
}

void Till::resume()
{
    const QDateTime now = m_clock.now();
    for (Payment payment : m_journal.toResume(now.addSecs(-24 * 3600))) {
        switch (payment.state) {
        case PaymentState::Sending:
            // The previous run stopped before IntaSend answered: the push may have reached the phone.
            payment.failureMessage = tr("The till stopped before IntaSend answered: the request may have "
                                        "reached the customer's phone");
            moveTo(payment, PaymentState::Unknown, QStringLiteral("till restarted while sending"));
            break;
        case PaymentState::Pending:
        case PaymentState::Processing:
            if (!isPastExpiry(payment, now, m_poller.schedule()))
                m_poller.watch(payment.localRef, payment.createdAt);
            else
                checkNow(payment.localRef); // once; still open afterwards means Expired
            break;
        case PaymentState::Unknown:
            // Only one IntaSend knows of can be checked; the others stay under "Needs checking".
            if (!payment.invoiceId.isEmpty())
                checkNow(payment.localRef);
            break;
        case PaymentState::Expired:
            // Checked once more at start-up while the customer might still have paid late (toResume
            // leaves out the older ones: they wait for the cashier).
            checkNow(payment.localRef);
            break;
        case PaymentState::Cash:
            // Settled in cash while its M-Pesa request was open: a late approval must still be caught.
            if (!cashWithMpesaOpen(payment))
                break;
            if (!isPastExpiry(payment, now, m_poller.schedule()))
                m_poller.watch(payment.localRef, payment.createdAt);
            else
                askAgain(payment, [](const CallResult&) {}); // once: what IntaSend says is recorded
            break;
        case PaymentState::Complete:
        case PaymentState::Failed:
        case PaymentState::Rejected:
            break;
        }
    }
}

bool Till::isCheckable(const Payment& payment)
{
    return !payment.invoiceId.isEmpty() && (!payment.isFinal() || cashWithMpesaOpen(payment));
}

void Till::checkNow(const QString& localRef)
{
    const std::optional<Payment> payment = m_journal.find(localRef);
    if (!payment || (payment->isFinal() && !isCheckable(*payment)))
        return; // (an open payment IntaSend never confirmed goes on, to the notice below)
    if (const QString wait = slowDownNotice(); !wait.isEmpty()) {
        Q_EMIT notice(wait); // asking now would only make IntaSend wait longer
        return;
    }
    if (m_poller.isWatching(localRef)) {
        m_poller.checkSoon(localRef);
        return;
    }
    if (payment->invoiceId.isEmpty()) {
        Q_EMIT notice(tr("IntaSend never confirmed this request, so there is nothing to check. Ask the "
                         "customer whether a payment prompt came or money left their M-Pesa."));
        return;
    }
    if (m_oneOffChecks.contains(localRef))
        return; // one check at a time
    m_oneOffChecks.insert(localRef);
    sendStatusCheck(localRef, payment->invoiceId);
}

DayTotals Till::todaysTotals() const
{
    const QDateTime startOfDay = m_clock.now().toLocalTime().date().startOfDay();
    return m_journal.totals(startOfDay.toUTC(), startOfDay.addDays(1).toUTC());
}

std::optional<Payment> Till::openPaymentFor(const PhoneNumber& phone, Money amount) const
{
    // An expired request of today may still have been paid late: it counts until it is looked at again.
    return m_journal.latestOpen(phone, amount, m_clock.now().addSecs(-24 * 3600));
}

void Till::lookAgain(const QString& localRef, QObject* context,
                     std::function<void(const Payment&, bool)> done)
{
    const std::optional<Payment> payment = m_journal.find(localRef);
    if (!payment)
        return;
    if (!isCheckable(*payment) || !slowDownNotice().isEmpty()) {
        done(*payment, false);
        return;
    }
    askAgain(*payment, [this, localRef, asker = QPointer<QObject>(context),
                        done = std::move(done)](const CallResult& result) {
        keepTrack(localRef, {});
        const std::optional<Payment> now = m_journal.find(localRef);
        if (asker && now)
            done(*now, result.ok());
    });
}

void Till::askAgain(const Payment& payment, std::function<void(const CallResult&)> then)
{
    // The answer is the till's to record whatever became of whoever asked (their window may be gone).
    const QString localRef = payment.localRef;
    ++m_requestsInFlight;
    m_client.checkStatus(
        payment.invoiceId, this, [this, localRef, then = std::move(then)](const CallResult& result) {
            --m_requestsInFlight;
            noteConnection(result, false);
            if (std::optional<Payment> current = m_journal.find(localRef); current && result.ok())
                applyInvoice(*current, *result.invoice);
            then(result);
        });
}

void Till::prepareResend(const QString& localRef, QObject* context,
                         std::function<void(const ResendCheck&)> done)
{
    m_clearedForResend.remove(localRef);
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
    if (!mayBeResent(payment->state)) {
        check.reason = payment->state == PaymentState::Complete ? tr("This payment is paid.")
                       : payment->state == PaymentState::Cash   ? tr("This sale was settled in cash.")
                       : payment->state == PaymentState::Sending
                           ? tr("This request is still being sent. Wait for IntaSend's answer.")
                           : tr("This payment is still waiting for the customer. Wait for it to end, or "
                                "check it now.");
        done(check);
        return;
    }
    if (const QString other = otherOpenAttempt(*payment); !other.isEmpty()) {
        check.reason = other;
        done(check);
        return;
    }
    if (const QString wait = slowDownNotice(); !wait.isEmpty()) {
        check.reason = wait;
        done(check);
        return;
    }
    const bool checkable = !payment->invoiceId.isEmpty() && (payment->state == PaymentState::Expired ||
                                                             payment->state == PaymentState::Unknown);
    if (!checkable) {
        if (payment->state == PaymentState::Unknown) {
            check.verdict = ResendCheck::MaySendWithWarning;
            check.reason = tr("IntaSend never confirmed this request, so the till cannot check it. Ask the "
                              "customer: if a payment prompt came, or money left their M-Pesa, do not send "
                              "again.");
        } else {
            check.verdict = ResendCheck::MaySend;
            check.reason = payment->state == PaymentState::Rejected
                               ? tr("Nothing was charged: the request never reached the customer.")
                               : tr("The customer was not charged: %1").arg(payment->failureMessage);
        }
        m_clearedForResend.insert(localRef, m_clock.monotonic());
        done(check);
        return;
    }
    // One last look, straight to IntaSend: what it says now decides.
    askAgain(*payment, [this, localRef, asker = QPointer<QObject>(context),
                        done = std::move(done)](const CallResult& result) {
        finishResendCheck(localRef, result, [asker, &done](const ResendCheck& check) {
            if (asker)
                done(check);
        });
    });
}

void Till::settleInCash(const QString& localRef, QObject* context,
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
    // Cash settles the sale, so it goes on the attempt that may still charge the customer: settling an
    // earlier one would leave the open one free to take the money a second time, unflagged.
    if (const QString other = openAttemptElsewhere(*payment); !other.isEmpty()) {
        done(*payment, other);
        return;
    }
    const auto record = [this, localRef](bool wasChecked) {
        std::optional<Payment> now = m_journal.find(localRef);
        if (!now)
            return tr("This payment is not in the journal.");
        if (now->state == PaymentState::Complete)
            return tr("IntaSend says this payment is paid by M-Pesa after all (receipt %1). Do not take "
                      "cash.")
                .arg(now->mpesaReceipt);
        if (!maySettleInCash(now->state))
            return tr("This payment can no longer be settled in cash (%1).")
                .arg(stateDisplayName(now->state));
        if (const QString other = openAttemptElsewhere(*now); !other.isEmpty())
            return other; // resent while the last check was out
        // A late approval is caught only where IntaSend knows the request and last showed it open: by the
        // poller while the prompt may still be on the phone, by Check now (and at start-up) after that.
        Payment settled = *now;
        settled.state = PaymentState::Cash;
        const bool openAtIntaSend = cashWithMpesaOpen(settled);
        const bool watched = openAtIntaSend && !isPastExpiry(settled, m_clock.now(), m_poller.schedule());
        if (watched)
            now->failureMessage = tr("Settled in cash. The M-Pesa request was still open: the till keeps "
                                     "checking it in case the customer approves it anyway.");
        else if (openAtIntaSend)
            now->failureMessage = cashWithTimedOutPromptMessage();
        else if (now->state == PaymentState::Unknown && now->invoiceId.isEmpty())
            now->failureMessage = tr("Settled in cash. IntaSend never confirmed the M-Pesa request, so the "
                                     "till cannot see whether the customer approves it.");
        else
            now->failureMessage.clear();
        if (!moveTo(*now, PaymentState::Cash,
                    wasChecked ? QStringLiteral("settled in cash by the cashier, after a last check")
                               : QStringLiteral("settled in cash by the cashier")))
            return tr("The cash sale could not be recorded (%1). Do not take the cash until it is.")
                .arg(m_journal.lastError());
        // A poller already watching the M-Pesa request goes on (see keepTrack). One that is not (an
        // Unknown payment IntaSend knows of) starts now, so a late approval is caught in this run.
        if (watched && !m_poller.isWatching(localRef))
            m_poller.watch(localRef, settled.createdAt);
        return QString();
    };
    if (!isCheckable(*payment) || !slowDownNotice().isEmpty()) {
        const QString refusal = record(false);
        if (const std::optional<Payment> now = m_journal.find(localRef))
            done(*now, refusal);
        return;
    }
    // A last look first: a customer who approved a moment ago must not pay again in cash.
    askAgain(*payment, [this, localRef, record, asker = QPointer<QObject>(context),
                        done = std::move(done)](const CallResult& result) {
        const QString refusal = record(result.ok());
        const std::optional<Payment> now = m_journal.find(localRef);
        if (asker && now)
            done(*now, refusal);
    });
}

QString Till::openAttemptElsewhere(const Payment& payment) const
{
    if (const std::optional<Payment> newer = m_journal.replacementOf(payment.localRef))
        return tr("This payment was sent again (%1, %2). Settle that one instead.")
            .arg(stateDisplayName(newer->state),
                 newer->createdAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    return otherOpenAttempt(payment);
}

QString Till::otherOpenAttempt(const Payment& payment) const
{
    const std::optional<Payment> open = m_journal.latestOpen(payment.phone, payment.amount);
    if (!open || open->localRef == payment.localRef)
        return {};
    return tr("Another request for this sale (%1 to %2, at %3) is still open: %4. Wait for it, or check it.")
        .arg(open->amount.toDisplayString(), open->phone.masked(),
             open->createdAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
             stateDisplayName(open->state));
}

QString Till::slowDownNotice() const
{
    const auto wait = m_slowDownUntil - m_clock.monotonic();
    if (wait.count() <= 0)
        return {};
    return tr("IntaSend asked the till to wait until %1. Nothing was sent; try again then.")
        .arg(m_clock.now().addMSecs(wait.count()).toLocalTime().toString(QStringLiteral("HH:mm:ss")));
}

void Till::finishResendCheck(const QString& localRef, const CallResult& result,
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
        check.verdict = ResendCheck::MaySend;
        check.reason = tr("IntaSend confirms the customer was not charged: %1").arg(payment->failureMessage);
    } else if (isAwaitingCustomer(payment->state)) {
        keepTrack(localRef, {});
        check.reason = tr("IntaSend says the customer can still answer this request. Wait for it.");
    } else {
        // Expired here, and IntaSend still shows it open: the prompt on the phone has long timed out
        // (M-Pesa gives about a minute), but IntaSend has not said so.
        check.verdict = ResendCheck::MaySendWithWarning;
        check.reason =
            tr("IntaSend still shows the earlier request as not finished (%1), though the prompt "
               "on the phone has timed out. Ask the customer whether they paid before sending again.")
                .arg(payment->remoteState.isEmpty() ? tr("no state") : payment->remoteState);
    }
    if (check.verdict != ResendCheck::Refused)
        m_clearedForResend.insert(localRef, m_clock.monotonic());
    done(check);
}

QString Till::resend(const QString& localRef)
{
    const std::optional<Payment> payment = m_journal.find(localRef);
    if (!payment)
        return {};
    if (const QString wait = slowDownNotice(); !wait.isEmpty()) {
        Q_EMIT notice(wait); // the clearance stays: the same confirmation works once the wait is over
        return {};
    }
    const auto cleared = m_clearedForResend.constFind(localRef);
    const bool fresh =
        cleared != m_clearedForResend.cend() && m_clock.monotonic() - *cleared <= kResendClearance;
    m_clearedForResend.remove(localRef);
    QString refusal;
    if (m_journal.replacementOf(localRef))
        refusal = tr("This payment was already sent again.");
    else if (!mayBeResent(payment->state))
        refusal = payment->state == PaymentState::Complete ? tr("This payment is paid.")
                                                           : tr("This payment is still in progress.");
    else if (const QString other = otherOpenAttempt(*payment); !other.isEmpty())
        refusal = other;
    else if (!fresh)
        refusal = tr("It was checked too long ago; press Resend (F8) to check it again.");
    if (!refusal.isEmpty()) {
        Q_EMIT notice(tr("Not sent again. %1").arg(refusal));
        return {};
    }
    return send(payment->amount, payment->phone, localRef);
}

void Till::onPushFinished(const QString& localRef, const CallResult& result)
{
    noteConnection(result, true);
    std::optional<Payment> payment = m_journal.find(localRef);
    if (!payment)
        return;
    if (result.ok()) {
        // IntaSend has the request: record its invoice first, whatever state the answer reports, so the
        // payment can always be checked again.
        payment->invoiceId = result.invoice->invoiceId;
        payment->remoteState = result.invoice->rawState;
        if (!result.invoice->state)
            reportUnknownState(result.invoice->rawState); // applyInvoice below sees it as known already
        moveTo(*payment, PaymentState::Pending, QStringLiteral("invoice ") + result.invoice->invoiceId);
        if (const std::optional<Payment> recorded = m_journal.find(localRef))
            applyInvoice(*recorded, *result.invoice);
        keepTrack(localRef, {});
        return;
    }

    switch (result.failure) {
    case CallFailure::NotSent:
        payment->failureMessage = tr("Could not reach IntaSend — nothing was charged");
        moveTo(*payment, PaymentState::Rejected, logDetail(result));
        break;
    case CallFailure::Refused:
    case CallFailure::AuthRefused:
        payment->failureMessage = result.message;
        moveTo(*payment, PaymentState::Rejected, logDetail(result));
        break;
    case CallFailure::RateLimited:
        payment->failureMessage = tr("IntaSend asked the till to slow down — nothing was charged");
        moveTo(*payment, PaymentState::Rejected, logDetail(result));
        break;
    case CallFailure::Uncertain:
    case CallFailure::BadResponse:
        payment->failureMessage =
            tr("The request may have reached the customer's phone (%1). Do not charge again before "
               "checking with the customer.")
                .arg(result.message);
        moveTo(*payment, PaymentState::Unknown, logDetail(result));
        break;
    case CallFailure::None:
        break;
    }
}

void Till::onCheckDue(const QString& localRef)
{
    const std::optional<Payment> payment = m_journal.find(localRef);
    if (!payment || payment->invoiceId.isEmpty()) {
        m_poller.unwatch(localRef);
        return;
    }
    sendStatusCheck(localRef, payment->invoiceId);
}

void Till::sendStatusCheck(const QString& localRef, const QString& invoiceId)
{
    ++m_requestsInFlight;
    m_client.checkStatus(invoiceId, this, [this, localRef](const CallResult& result) {
        --m_requestsInFlight;
        onStatusFinished(localRef, result);
    });
}

void Till::onStatusFinished(const QString& localRef, const CallResult& result)
{
    noteConnection(result, false);
    m_oneOffChecks.remove(localRef);
    if (const std::optional<Payment> payment = m_journal.find(localRef); payment && result.ok())
        applyInvoice(*payment, *result.invoice);
    keepTrack(localRef, std::chrono::duration_cast<std::chrono::milliseconds>(result.retryAfter));
}

void Till::keepTrack(const QString& localRef, std::chrono::milliseconds notBefore)
{
    const std::optional<Payment> payment = m_journal.find(localRef);
    if (!payment || !(isAwaitingCustomer(payment->state) || cashWithMpesaOpen(*payment))) {
        m_poller.unwatch(localRef);
        return;
    }
    if (m_poller.isWatching(localRef))
        m_poller.checkFinished(localRef, notBefore);
    else if (isPastExpiry(*payment, m_clock.now(), m_poller.schedule()))
        onExpired(localRef); // a one-off check (start-up, Check now) found it still open, too late
    else
        m_poller.watch(localRef, payment->createdAt);
}

void Till::onExpired(const QString& localRef)
{
    std::optional<Payment> payment = m_journal.find(localRef);
    if (payment && payment->state == PaymentState::Cash) {
        m_poller.unwatch(localRef); // the M-Pesa prompt has long timed out: the cash sale stands
        if (cashWithMpesaOpen(*payment)) {
            payment->failureMessage = cashWithTimedOutPromptMessage(); // no longer "keeps checking"
            moveTo(*payment, PaymentState::Cash, QStringLiteral("expiry window passed"));
        }
        return;
    }
    if (!payment || !isAwaitingCustomer(payment->state))
        return;
    const qint64 minutes = m_poller.schedule().expiry.count() / 60000;
    // Spelt out rather than tr()'s %n plural, which needs a translation file even for English.
    payment->failureMessage =
        minutes == 1 ? tr("No answer from the customer within a minute. Check again before charging again.")
                     : tr("No answer from the customer within %1 minutes. Check again before charging again.")
                           .arg(minutes);
    moveTo(*payment, PaymentState::Expired, QStringLiteral("expiry window passed"));
}

void Till::applyInvoice(Payment payment, const wire::Invoice& invoice)
{
    if (!invoice.apiRef.isEmpty() && invoice.apiRef != payment.localRef) {
        // An answer about somebody else's payment must not settle this one.
        qCWarning(lcTill) << "answer for" << payment.localRef << "carries api_ref" << invoice.apiRef
                          << "; ignored";
        Q_EMIT notice(
            tr("IntaSend answered about a different payment (reference %1) when asked about %2 to %3; "
               "the answer was ignored. Check the IntaSend dashboard.")
                .arg(invoice.apiRef, payment.amount.toDisplayString(), payment.phone.masked()));
        return;
    }
    QString mismatch;
    if (invoice.value && *invoice.value != payment.amount) {
        mismatch = tr("IntaSend reports %1 for this payment of %2")
                       .arg(invoice.value->toDisplayString(), payment.amount.toDisplayString());
        Q_EMIT notice(mismatch + QStringLiteral(" (") + payment.phone.masked() + u')');
    }
    const QString previousRemoteState = payment.remoteState;
    payment.remoteState = invoice.rawState;
    if (!invoice.mpesaReference.isEmpty())
        payment.mpesaReceipt = invoice.mpesaReference;

    PaymentState to = payment.state;
    if (!invoice.state) {
        // A state this version does not know: report it (once, not at every check), keep polling, guess
        // nothing.
        if (invoice.rawState != previousRemoteState)
            reportUnknownState(invoice.rawState);
        if (payment.state == PaymentState::Sending || payment.state == PaymentState::Unknown)
            to = PaymentState::Pending;
    } else {
        switch (*invoice.state) {
        case wire::RemoteState::Pending:
        case wire::RemoteState::Retry:
            if (payment.state == PaymentState::Sending || payment.state == PaymentState::Unknown)
                to = PaymentState::Pending;
            break;
        case wire::RemoteState::Processing:
            if (payment.state != PaymentState::Expired && payment.state != PaymentState::Cash)
                to = PaymentState::Processing;
            break;
        case wire::RemoteState::Complete:
            to = PaymentState::Complete;
            payment.failureMessage.clear();
            if (payment.state == PaymentState::Cash) {
                // The customer approved the prompt after paying cash: they have paid twice.
                payment.failureMessage =
                    tr("Paid by M-Pesa as well, after the sale was settled in cash: give the customer "
                       "their cash back.");
                Payment paid = payment;
                paid.state = PaymentState::Complete;
                Q_EMIT paidTwice(paid);
                Q_EMIT notice(tr("%1 from %2 was paid by M-Pesa (receipt %3) after it was settled in cash. "
                                 "Give the customer their cash back.")
                                  .arg(payment.amount.toDisplayString(), payment.phone.masked(),
                                       invoice.mpesaReference));
            }
            break;
        case wire::RemoteState::Failed:
            if (payment.state == PaymentState::Cash)
                break; // the M-Pesa request ended unpaid: the cash sale stands
            to = PaymentState::Failed;
            payment.failedCode = invoice.failedCode;
            payment.failureMessage = wire::cashierFailureMessage(invoice.failedCode, invoice.failedReason);
            break;
        }
    }

    if (!mismatch.isEmpty())
        payment.failureMessage =
            payment.failureMessage.isEmpty() ? mismatch : payment.failureMessage + u' ' + mismatch;
    QString detail = invoice.rawState;
    if (!invoice.mpesaReference.isEmpty())
        detail += QStringLiteral(" receipt=") + invoice.mpesaReference;
    if (!invoice.failedCode.isEmpty() || !invoice.failedReason.isEmpty())
        detail += QStringLiteral(" code=%1 reason=%2").arg(invoice.failedCode, invoice.failedReason);
    moveTo(payment, to, detail);
}

void Till::reportUnknownState(const QString& rawState)
{
    Q_EMIT notice(
        tr("IntaSend reported a state this till does not know (\"%1\"); still checking").arg(rawState));
}

bool Till::moveTo(Payment payment, PaymentState to, const QString& detail)
{
    const std::optional<Payment> before = m_journal.find(payment.localRef);
    if (!before)
        return false;
    const PaymentState requested = to;
    QString note = detail;
    if (to != before->state && !canTransition(before->state, to)) {
        // Keep what was learnt (invoice id, IntaSend's state) but not the move itself.
        qCWarning(lcTill) << "refused move" << payment.localRef << stateKey(before->state) << "->"
                          << stateKey(to);
        note = QStringLiteral("refused move to %1: %2").arg(stateKey(to), detail);
        to = before->state;
    }
    payment.state = to;
    payment.updatedAt = m_clock.now();
    const bool changed = to != before->state || payment.remoteState != before->remoteState ||
                         payment.invoiceId != before->invoiceId ||
                         payment.mpesaReceipt != before->mpesaReceipt ||
                         payment.failureMessage != before->failureMessage;
    if (!changed)
        return to == requested;
    if (!m_journal.updatePayment(payment, note)) {
        Q_EMIT notice(tr("A payment change could not be recorded (%1). The payment keeps its last recorded "
                         "state and is checked again when the till restarts.")
                          .arg(m_journal.lastError()));
        return false;
    }
    qCInfo(lcTill) << "payment" << payment.localRef << stateKey(before->state) << "->" << stateKey(to)
                   << note;
    Q_EMIT paymentChanged(payment);
    return to == requested;
}

void Till::noteConnection(const CallResult& result, bool push)
{
    // Any HTTP answer, even an error, means IntaSend is reachable.
    const ConnectionState now = result.httpStatus > 0 ? ConnectionState::Online : ConnectionState::Offline;
    if (now != m_connection) {
        m_connection = now;
        Q_EMIT connectionStateChanged(now);
    }

    switch (result.failure) {
    case CallFailure::None:
        m_failuresInARow = 0;
        // The keys this kind of call uses were accepted (a status check does not send the secret key, so
        // it cannot vouch for it).
        (push ? m_pushKeysRefused : m_statusKeysRefused) = false;
        break;
    case CallFailure::Refused:
        m_failuresInARow = 0; // IntaSend answered, if only to say no
        break;
    case CallFailure::AuthRefused:
        m_failuresInARow = 0;
        (push ? m_pushKeysRefused : m_statusKeysRefused) = true;
        break;
    case CallFailure::RateLimited: {
        m_failuresInARow = 0;
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(
            result.retryAfter.count() > 0 ? result.retryAfter : kDefaultSlowDown);
        m_slowDownUntil = std::max(m_slowDownUntil, m_clock.monotonic() + wait);
        m_poller.holdAll(m_slowDownUntil);
        m_slowDownAlarm->start(m_slowDownUntil - m_clock.monotonic());
        break;
    }
    case CallFailure::NotSent:
    case CallFailure::Uncertain:
    case CallFailure::BadResponse:
        ++m_failuresInARow;
        break;
    }
    updateTrouble();
}

void Till::updateTrouble()
{
    QString text;
    if (m_pushKeysRefused || m_statusKeysRefused) {
        text = tr("IntaSend refused the keys — check Settings. Payments cannot be sent until the keys are "
                  "right.");
    } else if (m_failuresInARow >= kTroubleAfterFailures) {
        text =
            tr("Offline: the last %1 requests to IntaSend failed. Waiting payments are still being checked "
               "and will update by themselves; a new charge may not go through.")
                .arg(m_failuresInARow);
    } else if (const auto wait = m_slowDownUntil - m_clock.monotonic(); wait.count() > 0) {
        text =
            tr("IntaSend asked the till to slow down. Sending and checking resume at %1.")
                .arg(m_clock.now().addMSecs(wait.count()).toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    }
    if (text != m_troubleText) {
        m_troubleText = text;
        qCInfo(lcTill) << "service trouble:" << (text.isEmpty() ? QStringLiteral("none") : text);
        Q_EMIT serviceTroubleChanged(text);
    }
}

std::optional<Shift> Till::openShift(const QString& cashier)
{
    std::optional<Shift> shift = m_journal.openShift(cashier.trimmed(), m_clock.now());
    if (!shift)
        Q_EMIT notice(tr("The shift could not be opened: %1").arg(m_journal.lastError()));
    else
        qCInfo(lcTill) << "shift" << shift->id << "opened";
    return shift;
}

std::optional<ShiftReport> Till::xReport() const
{
    const std::optional<Shift> shift = m_journal.currentShift();
    if (!shift)
        return std::nullopt;
    return ShiftReport::build(m_journal, *shift, ShiftReport::Kind::X, m_tillName, m_clock.now());
}

std::optional<ShiftReport> Till::closeShift()
{
    std::optional<Shift> shift = m_journal.currentShift();
    if (!shift)
        return std::nullopt;
    shift->closedAt = m_clock.now();
    bool read = false;
    ShiftReport report =
        ShiftReport::build(m_journal, *shift, ShiftReport::Kind::Z, m_tillName, shift->closedAt, &read);
    if (!read || !m_journal.closeShift(shift->id, shift->closedAt, report.toPlainText())) {
        Q_EMIT notice(tr("The shift could not be closed: %1. It stays open.").arg(m_journal.lastError()));
        return std::nullopt;
    }
    report.shift.zReport = report.toPlainText();
    qCInfo(lcTill) << "shift" << shift->id << "closed with" << report.paymentCount << "payments";
    return report;
}

} // namespace lipa
