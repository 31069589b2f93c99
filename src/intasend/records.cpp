// SPDX-License-Identifier: GPL-3.0-or-later
#include "records.h"

#include "JsonFields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QUrlQuery>

namespace lipa::wire {

using json::dateOf;
using json::idOf;
using json::moneyOf;
using json::textOf;

namespace {

QString notJson(const QJsonParseError& error)
{
    return QCoreApplication::translate("lipa::wire", "IntaSend sent an answer that is not JSON (%1)")
        .arg(error.errorString());
}

// A page's items: {"results": […]} (IntaSend's paging), or a bare array.
std::optional<QJsonArray> itemsOf(const QJsonDocument& document, QString* next)
{
    if (document.isArray())
        return document.array();
    if (!document.isObject() || !document.object().value(QLatin1String("results")).isArray())
        return std::nullopt;
    const QJsonObject page = document.object();
    *next = page.value(QLatin1String("next")).toString().trimmed();
    return page.value(QLatin1String("results")).toArray();
}

Result<Chargeback> chargebackFrom(const QJsonObject& json)
{
    Chargeback chargeback;
    chargeback.id = idOf(json.value(QLatin1String("id")));
    if (chargeback.id.isEmpty())
        return Result<Chargeback>::error(
            QCoreApplication::translate("lipa::wire", "IntaSend sent a refund request without an id"));
    const QJsonValue status = json.value(QLatin1String("status"));
    if (!status.isString())
        return Result<Chargeback>::error(
            QCoreApplication::translate("lipa::wire", "IntaSend sent a refund request without a status"));
    chargeback.rawStatus = status.toString();
    chargeback.status = parseChargebackStatus(chargeback.rawStatus);
    // "invoice" is the invoice's id, or the invoice object itself in some answers.
    const QJsonValue invoice = json.value(QLatin1String("invoice"));
    chargeback.invoiceId =
        invoice.isObject() ? idOf(invoice.toObject().value(QLatin1String("invoice_id"))) : idOf(invoice);
    chargeback.amount = moneyOf(json.value(QLatin1String("amount")));
    chargeback.resolution = textOf(json.value(QLatin1String("resolution"))).trimmed();
    chargeback.createdAt = dateOf(json.value(QLatin1String("created_at")));
    chargeback.updatedAt = dateOf(json.value(QLatin1String("updated_at")));
    return Result<Chargeback>::ok(std::move(chargeback));
}

} // namespace

QString invoicesPath()
{
    return QStringLiteral("/api/v1/invoices/");
}

QString chargebacksPath()
{
    return QStringLiteral("/api/v1/chargebacks/");
}

QUrl invoiceListUrl(const QUrl& baseUrl, const InvoiceQuery& query)
{
    QUrl url = baseUrl;
    QString path = url.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + invoicesPath());
    QUrlQuery items;
    if (!query.apiRef.isEmpty())
        items.addQueryItem(QStringLiteral("api_ref"), query.apiRef);
    if (!query.state.isEmpty())
        items.addQueryItem(QStringLiteral("state"), query.state);
    items.addQueryItem(QStringLiteral("page"), QString::number(query.page));
    items.addQueryItem(QStringLiteral("page_size"), QString::number(query.pageSize));
    url.setQuery(items);
    return url;
}

bool isOnBase(const QUrl& link, const QUrl& baseUrl)
{
    return link.isValid() && !link.isRelative() &&
           link.scheme().compare(baseUrl.scheme(), Qt::CaseInsensitive) == 0 &&
           link.host().compare(baseUrl.host(), Qt::CaseInsensitive) == 0 &&
           link.port(link.scheme() == u"https" ? 443 : 80) ==
               baseUrl.port(baseUrl.scheme() == u"https" ? 443 : 80) &&
           link.userInfo().isEmpty();
}

Result<InvoicePage> parseInvoicePage(const QByteArray& body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Result<InvoicePage>::error(notJson(parseError));
    InvoicePage page;
    const std::optional<QJsonArray> items = itemsOf(document, &page.next);
    if (!items)
        return Result<InvoicePage>::error(
            QCoreApplication::translate("lipa::wire", "IntaSend sent an invoice list without its results"));
    if (document.isObject()) {
        const QJsonValue count = document.object().value(QLatin1String("count"));
        if (count.isDouble() && count.toDouble() >= 0 && count.toDouble() <= 1e9)
            page.count = static_cast<int>(count.toDouble());
    }
    for (const QJsonValue& item : *items) {
        Result<Invoice> invoice = item.isObject()
                                      ? parseInvoiceObject(item.toObject())
                                      : Result<Invoice>::error(QCoreApplication::translate(
                                            "lipa::wire", "an item of the list is not an invoice"));
        if (invoice)
            page.invoices.append(std::move(invoice).value());
        else
            page.unreadable.append(invoice.error());
    }
    return Result<InvoicePage>::ok(std::move(page));
}

std::optional<ChargebackStatus> parseChargebackStatus(const QString& text)
{
    const QString status = text.trimmed().toUpper();
    if (status == u"PENDING")
        return ChargebackStatus::Pending;
    if (status == u"CANCELLED" || status == u"CANCELED")
        return ChargebackStatus::Cancelled;
    if (status == u"DISPUTED")
        return ChargebackStatus::Disputed;
    if (status == u"OVERDUE")
        return ChargebackStatus::Overdue;
    if (status == u"COMPLETE" || status == u"COMPLETED")
        return ChargebackStatus::Completed;
    return std::nullopt;
}

bool isFinal(ChargebackStatus status)
{
    return status == ChargebackStatus::Cancelled || status == ChargebackStatus::Completed;
}

QByteArray buildChargebackBody(const ChargebackRequest& request)
{
    // A number, as the official SDKs send it: whole shillings exactly, cents as a decimal fraction.
    const qint64 cents = request.amount.cents();
    const QJsonValue amount = cents % 100 == 0 ? QJsonValue(cents / 100) : QJsonValue(double(cents) / 100.0);
    QJsonObject body{{QStringLiteral("invoice"), request.invoiceId},
                     {QStringLiteral("amount"), amount},
                     {QStringLiteral("reason"), request.reason}};
    if (!request.details.isEmpty())
        body.insert(QStringLiteral("reason_details"), request.details);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

Result<Chargeback> parseChargeback(const QByteArray& body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Result<Chargeback>::error(notJson(parseError));
    if (!document.isObject())
        return Result<Chargeback>::error(
            QCoreApplication::translate("lipa::wire", "IntaSend sent a refund answer that is not an object"));
    return chargebackFrom(document.object());
}

Result<QList<Chargeback>> parseChargebackList(const QByteArray& body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Result<QList<Chargeback>>::error(notJson(parseError));
    QString next;
    const std::optional<QJsonArray> items = itemsOf(document, &next);
    if (!items)
        return Result<QList<Chargeback>>::error(
            QCoreApplication::translate("lipa::wire", "IntaSend sent a refund list without its results"));
    QList<Chargeback> chargebacks;
    for (const QJsonValue& item : *items) {
        if (!item.isObject())
            continue;
        if (Result<Chargeback> chargeback = chargebackFrom(item.toObject()))
            chargebacks.append(std::move(chargeback).value());
    }
    return Result<QList<Chargeback>>::ok(std::move(chargebacks));
}

} // namespace lipa::wire
