// SPDX-License-Identifier: GPL-3.0-or-later
#include "PaymentRules.h"

#include <QCoreApplication>

namespace lipa::PaymentRules {

bool cashWithMpesaOpen(const Payment& payment)
{
    if (payment.state != PaymentState::Cash || !payment.isKnownToIntaSend())
        return false;
    const std::optional<wire::RemoteState> remote = wire::parseRemoteState(payment.remoteState);
    return !remote || *remote == wire::RemoteState::Pending || *remote == wire::RemoteState::Processing ||
           *remote == wire::RemoteState::Retry;
}

bool isCheckable(const Payment& payment)
{
    return payment.isKnownToIntaSend() && (!payment.isFinal() || cashWithMpesaOpen(payment));
}

bool needsChecking(const Payment& payment)
{
    return !payment.isFinal() || (payment.state == PaymentState::Cash && isCheckable(payment));
}

QString cashPromptTimedOutNote()
{
    return QCoreApplication::translate("lipa::PaymentRules",
                                       "Settled in cash. IntaSend still showed the M-Pesa request as open, "
                                       "though the prompt on the phone has timed out. Check now (F5) asks "
                                       "IntaSend again.");
}

std::chrono::milliseconds lifetime(const Payment& payment, std::chrono::milliseconds expiry)
{
    return payment.isCheckout() ? std::max<std::chrono::milliseconds>(expiry, kCheckoutLifetime) : expiry;
}

bool isPastExpiry(const Payment& payment, const QDateTime& now, std::chrono::milliseconds expiry)
{
    return payment.createdAt.msecsTo(now) >= lifetime(payment, expiry).count();
}

QString callDetail(const CallResult& result)
{
    QString detail = result.message;
    if (result.httpStatus > 0)
        detail += QStringLiteral(" [HTTP %1]").arg(result.httpStatus);
    if (!result.rawBody.isEmpty())
        detail += QStringLiteral(" body: ") + QString::fromUtf8(result.rawBody);
    return detail;
}

Outcome applyInvoice(const Payment& before, const wire::Invoice& invoice)
{
    Outcome out{before, before.state, {}, {}};
    if (!invoice.apiRef.isEmpty() && invoice.apiRef != before.localRef) {
        // An answer about somebody else's payment must not settle this one.
        out.foreignAnswer = true;
        return out;
    }
    Payment& payment = out.payment;
    if (invoice.value && *invoice.value != payment.amount)
        out.mismatch =
            QCoreApplication::translate("lipa::PaymentRules", "IntaSend reports %1 for this payment of %2")
                .arg(invoice.value->toDisplayString(), payment.amount.toDisplayString());
    const QString previousRemoteState = payment.remoteState;
    payment.remoteState = invoice.rawState;
    if (!invoice.mpesaReference.isEmpty())
        payment.mpesaReceipt = invoice.mpesaReference;
    if (payment.invoiceId.isEmpty()) // a card/QR checkout learns its invoice from the status answer
        payment.invoiceId = invoice.invoiceId;

    const bool notYetConfirmed =
        before.state == PaymentState::Sending || before.state == PaymentState::Unknown;
    if (!invoice.state) {
        // A state this version does not know: report it (once, not at every check), keep polling, guess
        // nothing.
        out.unknownRemoteState = invoice.rawState != previousRemoteState;
        if (notYetConfirmed)
            out.to = PaymentState::Pending;
    } else {
        switch (*invoice.state) {
        case wire::RemoteState::Pending:
        case wire::RemoteState::Retry:
            if (notYetConfirmed)
                out.to = PaymentState::Pending;
            break;
        case wire::RemoteState::Processing:
            if (before.state != PaymentState::Expired && before.state != PaymentState::Cash)
                out.to = PaymentState::Processing;
            break;
        case wire::RemoteState::Complete:
            out.to = PaymentState::Complete;
            payment.failureMessage.clear();
            if (before.state == PaymentState::Cash) {
                // The customer approved the prompt after paying cash: they have paid twice.
                out.paidTwice = true;
                payment.failureMessage = QCoreApplication::translate(
                    "lipa::PaymentRules",
                    "Paid by M-Pesa as well, after the sale was settled in cash: give the customer "
                    "their cash back.");
            }
            break;
        case wire::RemoteState::Failed:
            if (before.state == PaymentState::Cash)
                break; // the M-Pesa request ended unpaid: the cash sale stands
            out.to = PaymentState::Failed;
            payment.failedCode = invoice.failedCode;
            payment.failureMessage = wire::cashierFailureMessage(invoice.failedCode, invoice.failedReason);
            break;
        }
    }

    if (!out.mismatch.isEmpty())
        payment.failureMessage =
            payment.failureMessage.isEmpty() ? out.mismatch : payment.failureMessage + u' ' + out.mismatch;
    out.detail = invoice.rawState;
    if (!invoice.mpesaReference.isEmpty())
        out.detail += QStringLiteral(" receipt=") + invoice.mpesaReference;
    if (!invoice.failedCode.isEmpty() || !invoice.failedReason.isEmpty())
        out.detail += QStringLiteral(" code=%1 reason=%2").arg(invoice.failedCode, invoice.failedReason);
    return out;
}

Outcome afterFailedPush(const Payment& before, const CallResult& result)
{
    Outcome out{before, before.state, callDetail(result), {}};
    switch (result.failure) {
    case CallFailure::NotSent:
        out.to = PaymentState::Rejected;
        out.payment.failureMessage = QCoreApplication::translate(
            "lipa::PaymentRules", "Could not reach IntaSend — nothing was charged");
        break;
    case CallFailure::Refused:
    case CallFailure::AuthRefused:
        out.to = PaymentState::Rejected;
        out.payment.failureMessage = result.message;
        break;
    case CallFailure::RateLimited:
        out.to = PaymentState::Rejected;
        out.payment.failureMessage = QCoreApplication::translate(
            "lipa::PaymentRules", "IntaSend asked the till to slow down — nothing was charged");
        break;
    case CallFailure::Uncertain:
    case CallFailure::BadResponse:
        out.to = PaymentState::Unknown;
        out.payment.failureMessage =
            QCoreApplication::translate("lipa::PaymentRules",
                                        "The request may have reached the customer's phone (%1). Do not "
                                        "charge again before checking with the customer.")
                .arg(result.message);
        break;
    case CallFailure::None:
        break;
    }
    return out;
}

Outcome afterExpiry(const Payment& before, std::chrono::milliseconds expiry)
{
    Outcome out{before, before.state, QStringLiteral("expiry window passed"), {}};
    if (before.state == PaymentState::Cash) {
        // The M-Pesa prompt has long timed out: the cash sale stands, and its note no longer says
        // "keeps checking".
        if (cashWithMpesaOpen(before))
            out.payment.failureMessage = cashPromptTimedOutNote();
        return out;
    }
    if (!isAwaitingCustomer(before.state))
        return out;
    const qint64 minutes = lifetime(before, expiry).count() / 60000;
    // Spelt out rather than tr()'s %n plural, which needs a translation file even for English.
    out.payment.failureMessage =
        minutes == 1
            ? QCoreApplication::translate(
                  "lipa::PaymentRules",
                  "No answer from the customer within a minute. Check again before charging again.")
            : QCoreApplication::translate(
                  "lipa::PaymentRules",
                  "No answer from the customer within %1 minutes. Check again before charging again.")
                  .arg(minutes);
    out.to = PaymentState::Expired;
    return out;
}

} // namespace lipa::PaymentRules
