// SPDX-License-Identifier: GPL-3.0-or-later
#include "wire.h"

#include "JsonFields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QUrl>

namespace lipa::wire {

using json::dateOf;
using json::idOf;
using json::moneyOf;
using json::textOf;

QString stkPushPath(StkRoute route)
{
    return route == StkRoute::Collection ? QStringLiteral("/api/v1/payment/collection/")
                                         : QStringLiteral("/api/v1/payment/mpesa-stk-push/");
}

QString statusPath()
{
    return QStringLiteral("/api/v1/payment/status/");
}

QString walletsPath()
{
    return QStringLiteral("/api/v1/wallets/");
}

QByteArray buildStkPushBody(const QString& publicKey, const ChargeRequest& request, StkRoute route)
{
    Q_ASSERT(request.amount.isWholeShillings());
    QJsonObject body{
        {QStringLiteral("public_key"), publicKey},
        {QStringLiteral("currency"), QStringLiteral("KES")},
        {QStringLiteral("method"), QStringLiteral("M-PESA")},
        // A JSON number of whole shillings; qint64 shillings below 2^53 are exact in a double.
        {QStringLiteral("amount"), static_cast<double>(request.amount.wholeShillings())},
        {QStringLiteral("phone_number"), request.phone.normalised()},
        {QStringLiteral("api_ref"), request.apiRef},
    };
    if (route == StkRoute::StkPush && !request.narrative.isEmpty())
        body.insert(QStringLiteral("narrative"), request.narrative);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray buildStatusBody(const QString& publicKey, const QString& invoiceId)
{
    const QJsonObject body{
        {QStringLiteral("public_key"), publicKey},
        {QStringLiteral("invoice_id"), invoiceId},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray buildStatusBody(const QString& publicKey, const StatusKey& key)
{
    if (!key.invoiceId.isEmpty())
        return buildStatusBody(publicKey, key.invoiceId);
    const QJsonObject body{
        {QStringLiteral("public_key"), publicKey},
        {QStringLiteral("checkout_id"), key.checkoutId},
        {QStringLiteral("signature"), key.signature},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString checkoutPath()
{
    return QStringLiteral("/api/v1/checkout/");
}

QByteArray buildCheckoutBody(const QString& publicKey, const CheckoutRequest& request)
{
    Q_ASSERT(request.amount.isWholeShillings());
    const QJsonObject body{
        {QStringLiteral("public_key"), publicKey},
        {QStringLiteral("currency"), QStringLiteral("KES")},
        {QStringLiteral("amount"), static_cast<double>(request.amount.wholeShillings())},
        {QStringLiteral("phone_number"), request.phone.normalised()},
        {QStringLiteral("api_ref"), request.apiRef},
        // IntaSend's own spelling ("tarrif"): the business pays, the customer pays the amount on the screen.
        {QStringLiteral("card_tarrif"), QStringLiteral("BUSINESS-PAYS")},
        {QStringLiteral("mobile_tarrif"), QStringLiteral("BUSINESS-PAYS")},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

Result<Checkout> parseCheckoutResponse(const QByteArray& body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Result<Checkout>::error(
            QCoreApplication::translate("lipa::wire", "IntaSend sent an answer without a checkout"));
    const QJsonObject json = document.object();
    Checkout checkout;
    checkout.id = idOf(json.value(QLatin1String("id")));
    checkout.url = textOf(json.value(QLatin1String("url")));
    checkout.signature = textOf(json.value(QLatin1String("signature")));
    const QUrl url(checkout.url, QUrl::StrictMode);
    if (checkout.id.isEmpty() || checkout.signature.isEmpty() || !url.isValid() || url.host().isEmpty() ||
        (url.scheme() != u"https" && url.scheme() != u"http"))
        return Result<Checkout>::error(QCoreApplication::translate(
            "lipa::wire", "IntaSend's checkout answer has no id, signature or page address"));
    return Result<Checkout>::ok(std::move(checkout));
}

Result<Invoice> parseCheckoutStatusResponse(const QByteArray& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        const QJsonValue invoice = document.object().value(QLatin1String("invoice"));
        if (invoice.isNull() || invoice.isUndefined()) {
            Invoice pending;
            pending.rawState = QStringLiteral("PENDING");
            pending.state = RemoteState::Pending;
            return Result<Invoice>::ok(std::move(pending));
        }
    }
    return parseInvoiceResponse(body);
}

std::optional<RemoteState> parseRemoteState(const QString& text)
{
    const QString state = text.trimmed().toUpper();
    if (state == u"PENDING")
        return RemoteState::Pending;
    if (state == u"PROCESSING")
        return RemoteState::Processing;
    if (state == u"RETRY")
        return RemoteState::Retry;
    if (state == u"COMPLETE" || state == u"COMPLETED")
        return RemoteState::Complete;
    if (state == u"FAILED")
        return RemoteState::Failed;
    return std::nullopt;
}

Result<Invoice> parseInvoiceResponse(const QByteArray& body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Result<Invoice>::error(
            QCoreApplication::translate("lipa::wire", "IntaSend sent an answer that is not JSON (%1)")
                .arg(parseError.errorString()));
    if (!document.isObject())
        return Result<Invoice>::error(
            QCoreApplication::translate("lipa::wire", "IntaSend sent an answer without an invoice"));
    const QJsonValue invoiceValue = document.object().value(QLatin1String("invoice"));
    if (!invoiceValue.isObject())
        return Result<Invoice>::error(
            QCoreApplication::translate("lipa::wire", "IntaSend sent an answer without an invoice"));
    return parseInvoiceObject(invoiceValue.toObject());
}

Result<Invoice> parseInvoiceObject(const QJsonObject& json)
{
    Invoice invoice;
    invoice.invoiceId = idOf(json.value(QLatin1String("invoice_id")));
    if (invoice.invoiceId.isEmpty())
        invoice.invoiceId = idOf(json.value(QLatin1String("id")));
    if (invoice.invoiceId.isEmpty())
        return Result<Invoice>::error(
            QCoreApplication::translate("lipa::wire", "IntaSend sent an invoice without an id"));

    const QJsonValue state = json.value(QLatin1String("state"));
    if (!state.isString())
        return Result<Invoice>::error(
            QCoreApplication::translate("lipa::wire", "IntaSend sent an invoice without a state"));
    invoice.rawState = state.toString();
    invoice.state = parseRemoteState(invoice.rawState);

    invoice.value = moneyOf(json.value(QLatin1String("value")));
    invoice.currency = textOf(json.value(QLatin1String("currency")));
    invoice.provider = textOf(json.value(QLatin1String("provider")));
    invoice.account = textOf(json.value(QLatin1String("account")));
    invoice.apiRef = textOf(json.value(QLatin1String("api_ref")));
    invoice.mpesaReference = textOf(json.value(QLatin1String("mpesa_reference"))).trimmed();
    invoice.failedReason = textOf(json.value(QLatin1String("failed_reason"))).trimmed();
    invoice.failedCode = textOf(json.value(QLatin1String("failed_code"))).trimmed();
    invoice.createdAt = dateOf(json.value(QLatin1String("created_at")));
    invoice.updatedAt = dateOf(json.value(QLatin1String("updated_at")));
    invoice.charges = moneyOf(json.value(QLatin1String("charges")));
    invoice.netAmount = moneyOf(json.value(QLatin1String("net_amount")));
    invoice.clearingStatus = textOf(json.value(QLatin1String("clearing_status"))).trimmed();
    return Result<Invoice>::ok(std::move(invoice));
}

QString parseErrorBody(const QByteArray& body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return {};
    const QJsonObject json = document.object();

    QStringList details;
    const QJsonArray errors = json.value(QLatin1String("errors")).toArray();
    for (const QJsonValue& error : errors) {
        const QString detail = textOf(error.toObject().value(QLatin1String("detail"))).trimmed();
        if (!detail.isEmpty() && !details.contains(detail))
            details.append(detail);
    }
    if (!details.isEmpty())
        return details.join(QStringLiteral("; "));

    for (const QLatin1String key : {QLatin1String("detail"), QLatin1String("message")}) {
        const QString text = textOf(json.value(key)).trimmed();
        if (!text.isEmpty())
            return text;
    }
    return {};
}

QString cashierFailureMessage(const QString& failedCode, const QString& failedReason)
{
    const QString code = failedCode.trimmed();
    if (code == u"1")
        return QCoreApplication::translate("lipa::wire", "Customer's M-Pesa balance is too low");
    if (code == u"1032")
        return QCoreApplication::translate("lipa::wire", "Customer cancelled the request");
    if (code == u"1037")
        return QCoreApplication::translate(
            "lipa::wire", "Customer's phone could not be reached (off or no network) — try again");
    if (code == u"2001")
        return QCoreApplication::translate("lipa::wire", "Wrong M-Pesa PIN entered");
    if (code == u"1019")
        return QCoreApplication::translate("lipa::wire", "The request expired before the customer answered");
    if (code == u"1001")
        return QCoreApplication::translate(
            "lipa::wire", "Customer has another M-Pesa payment in progress — wait, then try again");
    if (code == u"17" || code == u"26" || code == u"1025" || code == u"9999")
        return QCoreApplication::translate("lipa::wire", "M-Pesa system error — try again");
    if (!failedReason.trimmed().isEmpty())
        return failedReason.trimmed();
    return QCoreApplication::translate("lipa::wire", "Payment failed (no reason given)");
}

} // namespace lipa::wire
