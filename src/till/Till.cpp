// SPDX-License-Identifier: GPL-3.0-or-later
#include "Till.h"

#include "Journal.h"
#include "PaymentRules.h"
#include "ReferenceFinder.h"
#include "ServiceHealth.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QUuid>

namespace lipa {

Q_LOGGING_CATEGORY(lcTill, "lipa.till")

namespace {

// How far back an expired request still counts as one the customer may have paid late.
constexpr qint64 kLatePaymentWindowSeconds = 24 * 3600;
// How often an invoice id the journal could not take is written again (see Till::holdInvoice).
constexpr std::chrono::seconds kHeldInvoiceRetry{5};

} // namespace

Till::Till(IntaSendClient& client, Journal& journal, StatusPoller& poller, ServiceHealth& health,
           Clock& clock, QString tillName, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
    , m_poller(poller)
    , m_health(health)
    , m_clock(clock)
    , m_tillName(std::move(tillName))
{
    connect(&m_poller, &StatusPoller::checkDue, this, &Till::onCheckDue);
    connect(&m_poller, &StatusPoller::expired, this, &Till::onExpired);
}

QString Till::charge(Money amount, const PhoneNumber& phone)
{
    return send(amount, phone, {});
}

Payment Till::newPayment(Money amount, const PhoneNumber& phone) const
{
    Payment payment;
    payment.localRef = QUuid::createUuid().toString(QUuid::WithoutBraces);
    payment.amount = amount;
    payment.phone = phone;
    payment.state = PaymentState::Sending;
    payment.createdAt = m_clock.now();
    payment.updatedAt = payment.createdAt;
    payment.tillName = m_tillName;
    return payment;
}

QString Till::send(Money amount, const PhoneNumber& phone, const QString& replacesRef, const SalePart& part,
                   Sale* newSale)
{
    if (const QString wait = m_health.slowDownNotice(); !wait.isEmpty()) {
        // IntaSend asked for quiet: sending now would be refused again (and count against the till).
        Q_EMIT notice(wait);
        return {};
    }
    Payment payment = newPayment(amount, phone);
    payment.replacesRef = replacesRef;
    payment.saleRef = part.saleRef;
    payment.salePart = part.part;
    payment.saleParts = part.parts;

    // Journal before wire: if the write fails, nothing is sent.
    if (!m_journal.addPayment(payment, newSale)) {
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
    callStarted();
    m_client.requestStkPush({amount, phone, ref, m_tillName}, this, [this, ref](const CallResult& result) {
        onPushFinished(ref, result);
        callEnded();
    });
    Q_EMIT paymentAdded(payment);
    return ref;
}

QString Till::chargeByCheckout(Money amount, const PhoneNumber& phone)
{
    if (const QString wait = m_health.slowDownNotice(); !wait.isEmpty()) {
        Q_EMIT notice(wait);
        return {};
    }
    Payment payment = newPayment(amount, phone);
    payment.method = PaymentMethod::Checkout;
    // Journal before wire, as for a push: a checkout nobody recorded is never asked for.
    if (!m_journal.addPayment(payment)) {
        Q_EMIT notice(tr("The payment could not be recorded (%1), so it was not sent. Nothing was charged.")
                          .arg(m_journal.lastError()));
        return {};
    }
    Q_EMIT paymentRecorded(payment);
    qCInfo(lcTill) << "checkout" << payment.localRef << amount.toDecimalString() << phone.masked();
    const QString ref = payment.localRef;
    callStarted();
    m_client.createCheckout({amount, phone, ref}, this, [this, ref](const CheckoutResult& result) {
        onCheckoutFinished(ref, result);
        callEnded();
    });
    Q_EMIT paymentAdded(payment);
    return ref;
}

void Till::onCheckoutFinished(const QString& localRef, const CheckoutResult& result)
{
    m_health.noteAnswer(result.call, true);
    std::optional<Payment> payment = m_journal.find(localRef);
    if (!payment)
        return;
    if (!result.ok()) {
        // Whatever became of the request, nobody has the page's address: nobody can pay through it.
        payment->failureMessage = tr("IntaSend did not make the card/QR checkout (%1). Nothing was charged.")
                                      .arg(result.call.message);
        moveTo(*payment, PaymentState::Rejected, QStringLiteral("checkout not made: ") + result.call.message);
        return;
    }
    payment->checkoutId = result.checkout->id;
    payment->checkoutSignature = result.checkout->signature;
    payment->checkoutUrl = result.checkout->url;
    payment->remoteState = QStringLiteral("PENDING");
    // Until the journal holds the checkout, nobody is shown its page: a card/QR payment never exists only in
    // memory.
    if (!moveTo(*payment, PaymentState::Pending, QStringLiteral("checkout ") + result.checkout->id))
        return;
    keepChecking(localRef, {});
}

QDateTime Till::expiresAt(const Payment& payment) const
{
    return payment.createdAt.addMSecs(PaymentRules::lifetime(payment, m_poller.schedule().expiry).count());
}

wire::StatusKey Till::statusKeyOf(const Payment& payment) const
{
    wire::StatusKey key{payment.invoiceId, payment.checkoutId, payment.checkoutSignature};
    if (key.invoiceId.isEmpty())
        key.invoiceId = m_heldInvoices.value(payment.localRef).invoiceId; // still only in memory
    return key;
}

void Till::resume()
{
    const QDateTime now = m_clock.now();
    const auto expiry = m_poller.schedule().expiry;
    for (Payment payment : m_journal.toResume(now.addSecs(-kLatePaymentWindowSeconds))) {
        if (payment.state == PaymentState::Sending) {
            // The previous run stopped before IntaSend answered: the push may have reached the phone.
            payment.failureMessage = tr("The till stopped before IntaSend answered: the request may have "
                                        "reached the customer's phone");
            if (moveTo(payment, PaymentState::Unknown, QStringLiteral("till restarted while sending")) &&
                m_finder)
                m_finder->lookNow(payment.localRef); // IntaSend's records may know whether it arrived
            continue;
        }
        // Waiting for the customer, or settled in cash while its M-Pesa request was open (a late approval
        // must still be caught): watched while the prompt may still be on the phone.
        const bool mayStillBeAnswered =
            isAwaitingCustomer(payment.state) || PaymentRules::cashWithMpesaOpen(payment);
        if (mayStillBeAnswered && !PaymentRules::isPastExpiry(payment, now, expiry))
            m_poller.watch(payment.localRef, payment.createdAt, PaymentRules::lifetime(payment, expiry));
        else if (payment.state == PaymentState::Cash && mayStillBeAnswered)
            checkOnce(payment, [](const CallResult&) {}); // once: what IntaSend says is recorded
        else if (!payment.isFinal() && payment.isKnownToIntaSend())
            // Once: still open afterwards means Expired. (toResume leaves out old Expired ones: they wait
            // for the cashier.)
            check(payment.localRef);
        else if (payment.state == PaymentState::Unknown && m_finder)
            // IntaSend never confirmed it: looked up by its reference where a secret key allows, else it
            // stays under "Needs checking".
            m_finder->lookNow(payment.localRef);
    }
}

void Till::check(const QString& localRef)
{
    if (!recordHeldInvoice(localRef)) {
        keepChecking(localRef, {}); // asked with the invoice id held in memory
        m_poller.checkSoon(localRef);
        return;
    }
    const std::optional<Payment> payment = m_journal.find(localRef);
    if (!payment || (payment->isFinal() && !PaymentRules::isCheckable(*payment)))
        return; // (an open payment IntaSend never confirmed goes on, to the notice below)
    if (const QString wait = m_health.slowDownNotice(); !wait.isEmpty()) {
        Q_EMIT notice(wait); // asking now would only make IntaSend wait longer
        return;
    }
    if (m_poller.isWatching(localRef)) {
        m_poller.checkSoon(localRef);
        return;
    }
    if (!payment->isKnownToIntaSend() && m_finder && m_finder->canLook()) {
        m_finder->lookNow(localRef); // by its reference, in IntaSend's invoice list
        return;
    }
    if (!payment->isKnownToIntaSend()) {
        Q_EMIT notice(tr("IntaSend never confirmed this request, so there is nothing to check. Ask the "
                         "customer whether a payment prompt came or money left their M-Pesa."));
        return;
    }
    if (m_oneOffChecks.contains(localRef))
        return; // one check at a time
    m_oneOffChecks.insert(localRef);
    sendStatusCheck(localRef, statusKeyOf(*payment));
}

std::optional<Payment> Till::openPaymentFor(const PhoneNumber& phone, Money amount) const
{
    // An expired request of today may still have been paid late: it counts until it is looked at again.
    return m_journal.latestOpen(phone, amount, m_clock.now().addSecs(-kLatePaymentWindowSeconds));
}

void Till::check(const Payment& given, QObject* context, std::function<void(const Payment&, bool)> done)
{
    // Whatever happens, done hears of it: whoever asked may be holding back until it does.
    const std::optional<Payment> payment = m_journal.find(given.localRef);
    if (!payment || !PaymentRules::isCheckable(*payment) || !m_health.slowDownNotice().isEmpty()) {
        done(payment.value_or(given), false);
        return;
    }
    checkOnce(*payment, [this, asked = *payment, asker = QPointer<QObject>(context),
                         done = std::move(done)](const CallResult& result) {
        keepChecking(asked.localRef, {});
        const std::optional<Payment> now = m_journal.find(asked.localRef);
        if (asker)
            done(now.value_or(asked), result.ok() && now.has_value());
    });
}

void Till::checkOnce(const Payment& payment, std::function<void(const CallResult&)> then)
{
    // The answer is the till's to record whatever became of whoever asked (their window may be gone).
    const QString localRef = payment.localRef;
    callStarted();
    m_client.checkStatus(
        statusKeyOf(payment), this, [this, localRef, then = std::move(then)](const CallResult& result) {
            m_health.noteAnswer(result, false);
            if (std::optional<Payment> current = m_journal.find(localRef); current && result.ok())
                applyInvoice(*current, *result.invoice);
            then(result);
            callEnded();
        });
}

void Till::onPushFinished(const QString& localRef, const CallResult& result)
{
    m_health.noteAnswer(result, true);
    std::optional<Payment> payment = m_journal.find(localRef);
    if (!payment)
        return;
    if (!result.ok()) {
        PaymentRules::Outcome outcome = PaymentRules::afterFailedPush(*payment, result);
        const bool lost = outcome.to == PaymentState::Unknown;
        if (lost && !(m_finder && m_finder->canLook()))
            outcome.payment.failureMessage +=
                u' ' +
                tr("Finding it in IntaSend's records by its reference needs the secret key (Settings → "
                   "IntaSend).");
        if (moveTo(outcome.payment, outcome.to, outcome.detail) && lost && m_finder)
            m_finder->watch(*m_journal.find(localRef)); // the answer was lost: IntaSend's records may know
        return;
    }
    // IntaSend has the request: record its invoice first, whatever state the answer reports, so the
    // payment can always be checked again.
    payment->invoiceId = result.invoice->invoiceId;
    payment->remoteState = result.invoice->rawState;
    if (!result.invoice->state)
        Q_EMIT notice(tr("IntaSend reported a state this till does not know (\"%1\"); still checking")
                          .arg(result.invoice->rawState),
                      localRef); // applyInvoice below sees it as known already
    moveTo(*payment, PaymentState::Pending, QStringLiteral("invoice ") + result.invoice->invoiceId);
    const std::optional<Payment> recorded = m_journal.find(localRef);
    if (!recorded || recorded->invoiceId.isEmpty())
        holdInvoice(localRef, *result.invoice); // the journal could not take it: never lost
    else
        applyInvoice(*recorded, *result.invoice);
    keepChecking(localRef, {});
}

void Till::holdInvoice(const QString& localRef, const wire::Invoice& invoice)
{
    // In the log too: should the till stop before the journal takes it, the invoice can still be found.
    qCWarning(lcTill) << "payment" << localRef << "has IntaSend invoice" << invoice.invoiceId
                      << "which the journal could not record; kept, and written again";
    m_heldInvoices.insert(localRef, {invoice.invoiceId, invoice.rawState});
    Q_EMIT notice(tr("IntaSend took the request (invoice %1), but the journal could not record it (%2). The "
                     "till keeps the invoice and keeps checking the payment, and records it as soon as the "
                     "journal can be written.")
                      .arg(invoice.invoiceId, m_journal.lastError()),
                  localRef);
    if (!m_heldInvoiceRetry) {
        m_heldInvoiceRetry = m_clock.createAlarm();
        connect(m_heldInvoiceRetry.get(), &Alarm::fired, this, &Till::retryHeldInvoices);
    }
    if (!m_heldInvoiceRetry->isActive())
        m_heldInvoiceRetry->start(kHeldInvoiceRetry);
}

bool Till::recordHeldInvoice(const QString& localRef)
{
    const auto held = m_heldInvoices.constFind(localRef);
    if (held == m_heldInvoices.cend())
        return true;
    const std::optional<Payment> payment = m_journal.find(localRef);
    if (!payment)
        return false;
    if (!payment->invoiceId.isEmpty()) { // recorded meanwhile
        m_heldInvoices.remove(localRef);
        return true;
    }
    // What the push answer would have recorded. Written quietly: the cashier was told when it failed.
    Payment recorded = *payment;
    recorded.invoiceId = held->invoiceId;
    recorded.remoteState = held->remoteState;
    if (recorded.state == PaymentState::Sending)
        recorded.state = PaymentState::Pending;
    recorded.updatedAt = m_clock.now();
    if (!m_journal.updatePayment(recorded, QStringLiteral("invoice %1 (recorded late: the journal could not "
                                                          "take it at first)")
                                               .arg(held->invoiceId)))
        return false;
    qCInfo(lcTill) << "payment" << localRef << stateKey(payment->state) << "->" << stateKey(recorded.state)
                   << "invoice" << recorded.invoiceId << "recorded late";
    m_heldInvoices.remove(localRef);
    Q_EMIT paymentChanged(recorded);
    return true;
}

void Till::retryHeldInvoices()
{
    for (const QString& localRef : m_heldInvoices.keys()) {
        if (recordHeldInvoice(localRef) && !m_poller.isWatching(localRef))
            keepChecking(localRef, {});
    }
    if (!m_heldInvoices.isEmpty())
        m_heldInvoiceRetry->start(kHeldInvoiceRetry);
}

void Till::onCheckDue(const QString& localRef)
{
    recordHeldInvoice(localRef); // an invoice id the journal could not take: written again first
    const std::optional<Payment> payment = m_journal.find(localRef);
    const wire::StatusKey key = payment ? statusKeyOf(*payment) : wire::StatusKey{};
    if (!payment || key.isEmpty()) {
        m_poller.unwatch(localRef);
        return;
    }
    sendStatusCheck(localRef, key);
}

void Till::sendStatusCheck(const QString& localRef, const wire::StatusKey& key)
{
    callStarted();
    m_client.checkStatus(key, this, [this, localRef](const CallResult& result) {
        onStatusFinished(localRef, result);
        callEnded();
    });
}

void Till::onStatusFinished(const QString& localRef, const CallResult& result)
{
    m_health.noteAnswer(result, false);
    m_oneOffChecks.remove(localRef);
    // The answer is about the invoice: it goes onto the payment once the journal holds that invoice.
    if (result.ok() && recordHeldInvoice(localRef)) {
        if (const std::optional<Payment> payment = m_journal.find(localRef))
            applyInvoice(*payment, *result.invoice);
    }
    keepChecking(localRef, std::chrono::duration_cast<std::chrono::milliseconds>(result.retryAfter));
}

void Till::keepChecking(const QString& localRef, std::chrono::milliseconds notBefore)
{
    const std::optional<Payment> payment = m_journal.find(localRef);
    const bool invoiceHeld = m_heldInvoices.contains(localRef); // IntaSend has it, the journal not yet
    if (!payment ||
        !(invoiceHeld || isAwaitingCustomer(payment->state) || PaymentRules::cashWithMpesaOpen(*payment))) {
        m_poller.unwatch(localRef);
        return;
    }
    if (m_poller.isWatching(localRef))
        m_poller.checkFinished(localRef, notBefore);
    else if (PaymentRules::isPastExpiry(*payment, m_clock.now(), m_poller.schedule().expiry))
        onExpired(localRef); // a one-off check (start-up, Check now) found it still open, too late
    else
        m_poller.watch(localRef, payment->createdAt,
                       PaymentRules::lifetime(*payment, m_poller.schedule().expiry));
}

void Till::onExpired(const QString& localRef)
{
    recordHeldInvoice(localRef);
    const std::optional<Payment> payment = m_journal.find(localRef);
    if (!payment)
        return;
    if (payment->state == PaymentState::Cash)
        m_poller.unwatch(localRef); // the M-Pesa prompt has long timed out: the cash sale stands
    const PaymentRules::Outcome outcome = PaymentRules::afterExpiry(*payment, m_poller.schedule().expiry);
    if (outcome.to != payment->state || outcome.payment.failureMessage != payment->failureMessage)
        moveTo(outcome.payment, outcome.to, outcome.detail);
}

bool Till::applyInvoice(const Payment& payment, const wire::Invoice& invoice, const QString& source)
{
    const PaymentRules::Outcome outcome = PaymentRules::applyInvoice(payment, invoice);
    if (outcome.foreignAnswer) {
        qCWarning(lcTill) << "answer for" << payment.localRef << "carries api_ref" << invoice.apiRef
                          << "; ignored";
        Q_EMIT notice(
            tr("IntaSend answered about a different payment (reference %1) when asked about %2 to %3; "
               "the answer was ignored. Check the IntaSend dashboard.")
                .arg(invoice.apiRef, payment.amount.toDisplayString(), payment.phone.masked()));
        return false;
    }
    if (!outcome.mismatch.isEmpty())
        Q_EMIT notice(outcome.mismatch + QStringLiteral(" (") + payment.phone.masked() + u')');
    if (outcome.unknownRemoteState)
        Q_EMIT notice(tr("IntaSend reported a state this till does not know (\"%1\"); still checking")
                          .arg(invoice.rawState),
                      payment.localRef);
    if (outcome.paidTwice) {
        Payment paid = outcome.payment;
        paid.state = PaymentState::Complete;
        Q_EMIT paidTwice(paid);
        Q_EMIT notice(
            tr("%1 from %2 was paid by M-Pesa (receipt %3) after it was settled in cash. Give the "
               "customer their cash back.")
                .arg(payment.amount.toDisplayString(), payment.phone.masked(), invoice.mpesaReference));
    }
    return moveTo(outcome.payment, outcome.to,
                  source.isEmpty() ? outcome.detail : source + QStringLiteral("; ") + outcome.detail);
}

bool Till::recordPaidAtIntaSend(const Payment& payment, const wire::Invoice& invoice)
{
    if (invoice.apiRef != payment.localRef || invoice.state != wire::RemoteState::Complete)
        return false;
    Payment withInvoice = payment;
    if (withInvoice.invoiceId.isEmpty())
        withInvoice.invoiceId = invoice.invoiceId;
    // Polling stops only once the journal holds it paid; otherwise the payment goes on being checked.
    if (!applyInvoice(withInvoice, invoice, QStringLiteral("found paid at IntaSend by reconciliation")))
        return false;
    m_poller.unwatch(payment.localRef);
    return true;
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
                         payment.invoiceId != before->invoiceId || payment.checkoutId != before->checkoutId ||
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

void Till::callStarted()
{
    ++m_requestsInFlight;
}

void Till::callEnded()
{
    if (--m_requestsInFlight == 0)
        Q_EMIT idle();
}

} // namespace lipa
