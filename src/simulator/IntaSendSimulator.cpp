// SPDX-License-Identifier: GPL-3.0-or-later
#include "IntaSendSimulator.h"

#include "JsonAnswer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <cmath>
#include <optional>

namespace lipa {

using sim::FaultMode;
using sim::HttpExchange;
using sim::HttpRequest;
using sim::HttpResponse;

using sim::json;
using sim::refusedPaymentBody;
using sim::validationError;

namespace {

// A body that is not JSON, as IntaSend (Django REST framework) refuses it.
HttpResponse notJsonError()
{
    const QJsonObject error{{QStringLiteral("code"), QStringLiteral("parse_error")},
                            {QStringLiteral("detail"), QStringLiteral("JSON parse error")},
                            {QStringLiteral("attr"), QJsonValue::Null}};
    const QJsonObject body{{QStringLiteral("type"), QStringLiteral("client_error")},
                           {QStringLiteral("errors"), QJsonArray{error}}};
    return json(body, 400);
}

HttpResponse notAuthenticated()
{
    return json(QJsonObject{{QStringLiteral("detail"),
                             QStringLiteral("Authentication credentials were not provided.")}},
                401);
}

bool hasSecretKey(const HttpRequest& request)
{
    return request.header("authorization").startsWith("Bearer ISSecretKey_");
}

// The page and page size a list is asked for (1 and 100 when not said); nullopt for ones it cannot serve.
struct PageAsked {
    int page = 1;
    int size = 100;
};
std::optional<PageAsked> pageAsked(const QUrlQuery& query)
{
    bool pageOk = true;
    bool sizeOk = true;
    PageAsked asked;
    if (query.hasQueryItem(QStringLiteral("page")))
        asked.page = query.queryItemValue(QStringLiteral("page")).toInt(&pageOk);
    if (query.hasQueryItem(QStringLiteral("page_size")))
        asked.size = query.queryItemValue(QStringLiteral("page_size")).toInt(&sizeOk);
    // Far past any page there could be: refused before page + 1 can overflow.
    if (!pageOk || !sizeOk || asked.page < 1 || asked.page > 1'000'000 || asked.size < 1 || asked.size > 500)
        return std::nullopt;
    return asked;
}

// A list's link to another page: absolute, as IntaSend sends them; null when there is no such page.
QJsonValue pageLink(const QUrl& baseUrl, const QString& path, const QUrlQuery& query, int page, int pageSize,
                    int count)
{
    if (page < 1 || qint64(page - 1) * pageSize >= count)
        return QJsonValue::Null;
    QUrlQuery other(query);
    other.removeAllQueryItems(QStringLiteral("page"));
    other.addQueryItem(QStringLiteral("page"), QString::number(page));
    QUrl url = baseUrl;
    url.setPath(path);
    url.setQuery(other);
    return url.toString();
}

// An amount in shillings, as a number or a numeric string with at most two decimals, in cents (negative
// amounts too); nullopt when it is not one.
std::optional<qint64> centsOf(const QJsonValue& value)
{
    if (value.isDouble()) {
        const double scaled = value.toDouble() * 100.0;
        if (!std::isfinite(scaled) || std::abs(scaled) > 1e11)
            return std::nullopt;
        const double rounded = std::round(scaled);
        if (std::abs(scaled - rounded) > 1e-4)
            return std::nullopt;
        return static_cast<qint64>(rounded);
    }
    if (!value.isString())
        return std::nullopt;
    static const QRegularExpression pattern(QStringLiteral("^(-?)([0-9]{1,9})(?:\\.([0-9]{1,2}))?$"));
    const QRegularExpressionMatch match = pattern.match(value.toString().trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    QString fraction = match.captured(3);
    if (fraction.size() == 1)
        fraction += QLatin1Char('0');
    const qint64 cents =
        match.captured(2).toLongLong() * 100 + (fraction.isEmpty() ? 0 : fraction.toLongLong());
    return match.captured(1).isEmpty() ? cents : -cents;
}

// 5000 → "50.00".
QString shillingsText(qint64 cents)
{
    const QString sign = cents < 0 ? QStringLiteral("-") : QString();
    const qint64 magnitude = cents < 0 ? -cents : cents;
    return sign + QStringLiteral("%1.%2").arg(magnitude / 100).arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

QString nairobiTime(const QDateTime& utc)
{
    return utc.toOffsetFromUtc(3 * 3600).toString(Qt::ISODateWithMs);
}

const QRegularExpression& kenyanMobile()
{
    static const QRegularExpression pattern(QStringLiteral("^254[17][0-9]{8}$"));
    return pattern;
}

} // namespace

IntaSendSimulator::IntaSendSimulator(Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_book(clock)
    , m_chargebacks(clock)
    , m_server([this](const HttpRequest& request, const std::shared_ptr<HttpExchange>& exchange) {
        handle(request, exchange);
    })
{
}

IntaSendSimulator::~IntaSendSimulator() = default;

bool IntaSendSimulator::listen(quint16 port)
{
    m_port = m_server.listen(port);
    m_book.setHost(baseUrl().toString());
    if (m_port != 0 && m_fault.mode == FaultMode::Refuse)
        m_server.close(); // the port is ours, but nobody answers on it
    return m_port != 0;
}

void IntaSendSimulator::close()
{
    m_server.close();
}

void IntaSendSimulator::setFault(sim::Fault fault)
{
    const bool wasRefusing = m_fault.mode == FaultMode::Refuse;
    m_fault = fault;
    if (m_port == 0)
        return;
    if (fault.mode == FaultMode::Refuse)
        m_server.close();
    else if (wasRefusing && !m_server.isListening())
        m_server.listen(m_port);
}

bool IntaSendSimulator::servePagesOn(const QHostAddress& address, QString* where)
{
    m_pageServer = std::make_unique<sim::MiniHttpServer>(
        [this](const HttpRequest& request, const std::shared_ptr<HttpExchange>& exchange) {
            exchange->answer(sim::CheckoutDesk::isPagePath(request.path)
                                 ? m_checkouts.page(request)
                                 : HttpResponse{404, "Not found", "text/plain", {}});
        });
    const quint16 port = m_pageServer->listen(address, 0);
    if (port == 0) {
        m_pageServer.reset();
        return false;
    }
    QUrl host;
    host.setScheme(QStringLiteral("http"));
    host.setHost(address.toString());
    host.setPort(port);
    m_checkouts.setPageHost(host.toString());
    if (where)
        *where = host.toString();
    return true;
}

void IntaSendSimulator::handle(const HttpRequest& request, const std::shared_ptr<HttpExchange>& exchange)
{
    // The checkout's page, for the customer's phone (a browser, not the till).
    if (sim::CheckoutDesk::isPagePath(request.path)) {
        exchange->answer(m_checkouts.page(request));
        return;
    }
    const bool isCheckout = request.path == "/api/v1/checkout/";
    const bool isPush =
        request.path == "/api/v1/payment/collection/" || request.path == "/api/v1/payment/mpesa-stk-push/";
    const bool isStatus = request.path == "/api/v1/payment/status/";
    const bool isRecords = request.path.startsWith("/api/v1/invoices/") && request.method == "GET";
    const bool isRefunds = request.path.startsWith("/api/v1/chargebacks/");
    if (request.path == "/api/v1/wallets/" && request.method == "GET") {
        // What the settings' connection test asks, with the secret key: the account's wallets.
        const QByteArray authorization = request.header("authorization");
        if (!authorization.startsWith("Bearer ISSecretKey_")) {
            exchange->answer(
                json(QJsonObject{{QStringLiteral("detail"),
                                  authorization.isEmpty()
                                      ? QStringLiteral("Authentication credentials were not provided.")
                                      : QStringLiteral("Invalid token.")}},
                     401));
            return;
        }
        const QJsonObject wallet{{QStringLiteral("wallet_id"), QStringLiteral("SIMWALLET")},
                                 {QStringLiteral("currency"), QStringLiteral("KES")},
                                 {QStringLiteral("available_balance"), 0}};
        exchange->answer(
            json(QJsonObject{{QStringLiteral("count"), 1}, {QStringLiteral("results"), QJsonArray{wallet}}}));
        return;
    }
    if (!isPush && !isCheckout && !isStatus && !isRecords && !isRefunds) {
        exchange->answer(json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("Not found.")}}, 404));
        return;
    }
    // Refund requests are filed at the list's address and read anywhere under it.
    const bool refundMethodAllowed =
        request.method == "GET" || (request.method == "POST" && request.path == "/api/v1/chargebacks/");
    if (isRefunds ? !refundMethodAllowed : (!isRecords && request.method != "POST")) {
        exchange->answer(json(
            QJsonObject{
                {QStringLiteral("detail"),
                 QStringLiteral("Method \"%1\" not allowed.").arg(QString::fromLatin1(request.method))}},
            405));
        return;
    }

    const sim::Route route = isPush || isCheckout ? sim::Route::Push
                             : isStatus           ? sim::Route::Status
                             : isRecords          ? sim::Route::Records
                                                  : sim::Route::Refunds;
    const bool faulty = m_fault.mode != FaultMode::None && m_fault.appliesTo(route);
    // Faults where IntaSend turns the request away before doing anything with it.
    if (faulty && m_fault.mode == FaultMode::RateLimited) {
        HttpResponse response =
            json(QJsonObject{{QStringLiteral("detail"),
                              QStringLiteral("Request was throttled. Expected available in %1 seconds.")
                                  .arg(m_fault.parameter)}},
                 429);
        response.extraHeaders.append({"Retry-After", QByteArray::number(m_fault.parameter)});
        ++m_faultyAnswers;
        exchange->answer(response);
        return;
    }
    if (faulty && m_fault.mode == FaultMode::UnavailableHtml) {
        ++m_faultyAnswers;
        exchange->answer(HttpResponse{503,
                                      "<html><head><title>503 Service Temporarily Unavailable</title></head>"
                                      "<body><center><h1>503 Service Temporarily Unavailable</h1></center>"
                                      "<hr><center>nginx</center></body></html>",
                                      "text/html",
                                      {}});
        return;
    }

    // Everything else: the request is processed (a push reaches the customer's phone, a refund request is
    // filed), and then the answer may go wrong on its way back.
    HttpResponse response = isCheckout  ? m_checkouts.create(request)
                            : isPush    ? handlePush(request, request.path.contains("mpesa-stk-push"))
                            : isStatus  ? handleStatus(request)
                            : isRecords ? handleRecords(request)
                                        : handleRefunds(request);
    const bool succeeded = response.status >= 200 && response.status < 300;
    if (!faulty || !succeeded || m_fault.mode == FaultMode::IgnoreFilters) {
        exchange->answer(response);
        return;
    }
    ++m_faultyAnswers;
    deliverFaulty(response, exchange, route);
}

void IntaSendSimulator::deliverFaulty(HttpResponse response, const std::shared_ptr<HttpExchange>& exchange,
                                      sim::Route route)
{
    switch (m_fault.mode) {
    case FaultMode::None:
    case FaultMode::Refuse:
    case FaultMode::RateLimited:
    case FaultMode::UnavailableHtml:
    case FaultMode::IgnoreFilters:
        exchange->answer(response);
        return;
    case FaultMode::Delay:
        QTimer::singleShot(std::chrono::milliseconds(m_fault.parameter), this,
                           [exchange, response] { exchange->answer(response); });
        return;
    case FaultMode::DropAfterRequest:
        exchange->hangUp();
        return;
    case FaultMode::ServerError:
        exchange->answer(
            json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("A server error occurred.")}}, 500));
        return;
    case FaultMode::MalformedJson:
        response.body.chop(response.body.size() / 2);
        response.body += ",,}";
        exchange->answer(response);
        return;
    case FaultMode::TruncatedBody: {
        // Promises the whole answer, sends half, hangs up.
        const QByteArray whole = response.serialized();
        exchange->answerRawAndClose(whole.left(whole.size() - response.body.size() / 2));
        return;
    }
    case FaultMode::WrongTypes:
        if (route == sim::Route::Refunds) {
            response.body = R"({"id":["X"],"transaction":7,"invoice":{"n":1},"amount":"lots","status":7,)"
                            R"("resolution":[],"staff_created":"no","created_at":12,"updated_at":{}})";
            exchange->answer(response);
            return;
        }
        response.body = R"({"invoice":{"invoice_id":["X"],"id":{"n":1},"state":7,"value":true,"api_ref":12,)"
                        R"("mpesa_reference":[],"failed_reason":{},"failed_code":[1]}})";
        exchange->answer(response);
        return;
    case FaultMode::UnknownState:
        response.body.replace("\"PENDING\"", "\"ON_HOLD\"")
            .replace("\"PROCESSING\"", "\"ON_HOLD\"")
            .replace("\"COMPLETE\"", "\"ON_HOLD\"")
            .replace("\"FAILED\"", "\"ON_HOLD\"")
            .replace("\"COMPLETED\"", "\"ON_HOLD\"")
            .replace("\"CANCELLED\"", "\"ON_HOLD\"")
            .replace("\"DISPUTED\"", "\"ON_HOLD\"")
            .replace("\"OVERDUE\"", "\"ON_HOLD\"");
        exchange->answer(response);
        return;
    case FaultMode::SlowDrip:
        exchange->drip(response, std::chrono::milliseconds(m_fault.parameter));
        return;
    case FaultMode::OversizeBody: {
        // A valid answer padded past any sane size: a misconfigured proxy, or not IntaSend at all.
        QByteArray padded = response.body;
        padded.chop(1);
        padded += R"(,"padding":")" + QByteArray(3 * 1024 * 1024, 'x') + "\"}";
        response.body = padded;
        exchange->answer(response);
        return;
    }
    }
}

QUrl IntaSendSimulator::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

HttpResponse IntaSendSimulator::handlePush(const HttpRequest& request, bool stkRoute)
{
    if (stkRoute) {
        const QByteArray authorization = request.header("authorization");
        if (authorization.isEmpty())
            return json(QJsonObject{{QStringLiteral("detail"),
                                     QStringLiteral("Authentication credentials were not provided.")}},
                        401);
        if (!authorization.startsWith("Bearer ISSecretKey_"))
            return json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("Invalid token.")}}, 401);
    }

    QJsonObject body;
    if (std::optional<HttpResponse> refused = refusedPaymentBody(request.body, &body))
        return *refused;
    if (body.value(QStringLiteral("method")).toString() != u"M-PESA")
        return validationError(QStringLiteral("method"), QStringLiteral("Method must be M-PESA."));
    const QString phone = body.value(QStringLiteral("phone_number")).toString();
    if (!kenyanMobile().match(phone).hasMatch())
        return validationError(QStringLiteral("phone_number"), QStringLiteral("Enter a valid phone number."));
    const QJsonValue amount = body.value(QStringLiteral("amount"));
    const double shillings = amount.isString() ? amount.toString().toDouble() : amount.toDouble();
    if (shillings < 1 || shillings != static_cast<double>(static_cast<qint64>(shillings)))
        return validationError(QStringLiteral("amount"),
                               QStringLiteral("Amount must be a whole number above 0."));

    if (static_cast<qint64>(shillings) > m_limits.perPaymentShillings)
        return validationError(QStringLiteral("amount"),
                               QStringLiteral("Amount exceeds the maximum of KES %1 per M-Pesa transaction.")
                                   .arg(m_limits.perPaymentShillings));
    const sim::ScriptedOutcome outcome =
        m_nextCustomers.isEmpty() ? sim::scriptedOutcomeFor(phone.back()) : m_nextCustomers.takeFirst();
    // What a paying customer's M-Pesa account has paid today counts against its daily limit.
    const QString day = phone + m_clock.now().toOffsetFromUtc(3 * 3600).date().toString(Qt::ISODate);
    if (outcome.kind == sim::ScriptedOutcome::Pays && m_limits.perPhonePerDayShillings > 0) {
        if (m_paidToday.value(day) + static_cast<qint64>(shillings) > m_limits.perPhonePerDayShillings)
            return validationError(
                QStringLiteral("amount"),
                QStringLiteral("Amount exceeds the daily M-Pesa limit of KES %1 for this phone number.")
                    .arg(m_limits.perPhonePerDayShillings));
        m_paidToday[day] += static_cast<qint64>(shillings);
    }
    // As IntaSend did: numbers for ids on the old route, strings on the new.
    const sim::InvoiceBook::Invoice& invoice =
        m_book.add(!stkRoute, body.value(QStringLiteral("api_ref")).toString(), phone,
                   static_cast<qint64>(shillings), outcome);
    m_pushes.append({stkRoute ? QStringLiteral("mpesa-stk-push") : QStringLiteral("collection"),
                     invoice.apiRef, phone, invoice.amountShillings, invoice.id});
    Q_EMIT pushReceived(invoice.apiRef);

    QJsonObject response{{QStringLiteral("invoice"), m_book.json(invoice)}};
    if (stkRoute) {
        response.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        response.insert(QStringLiteral("customer"), QJsonObject{{QStringLiteral("phone_number"), phone}});
        response.insert(QStringLiteral("payment_link"), QJsonValue::Null);
        response.insert(QStringLiteral("refundable"), false);
        response.insert(QStringLiteral("created_at"), nairobiTime(invoice.createdAt));
    }
    return json(response, 200);
}

HttpResponse IntaSendSimulator::handleStatus(const HttpRequest& request)
{
    ++m_statusRequests;
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (!body.value(QStringLiteral("public_key")).toString().startsWith(QStringLiteral("ISPubKey_")))
        return validationError(QStringLiteral("public_key"),
                               QStringLiteral("A valid public key is required."));
    const QJsonValue id = body.value(QStringLiteral("invoice_id"));
    QString invoiceId = id.isDouble() ? QString::number(id.toInteger()) : id.toString();
    if (invoiceId.isEmpty() && body.contains(QStringLiteral("checkout_id"))) {
        // A checkout is asked about by its id and signature, until its invoice is known.
        const sim::CheckoutDesk::Checkout* checkout =
            m_checkouts.find(body.value(QStringLiteral("checkout_id")).toString(),
                             body.value(QStringLiteral("signature")).toString());
        if (!checkout)
            return validationError(QStringLiteral("signature"),
                                   QStringLiteral("Invalid checkout or signature."));
        invoiceId = checkout->invoiceId;
    }
    Q_EMIT statusRequested(invoiceId);
    const sim::InvoiceBook::Invoice* invoice = m_book.find(invoiceId);
    if (!invoice)
        return validationError(QStringLiteral("invoice_id"), QStringLiteral("Invoice not found."));

    QJsonObject response{{QStringLiteral("invoice"), m_book.json(*invoice)}};
    if (!invoice->numericId) {
        const QJsonObject customer{{QStringLiteral("phone_number"), invoice->phone},
                                   {QStringLiteral("country"), QStringLiteral("KE")},
                                   {QStringLiteral("provider"), QStringLiteral("M-PESA")}};
        response.insert(
            QStringLiteral("meta"),
            QJsonObject{{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                        {QStringLiteral("customer"), customer},
                        {QStringLiteral("customer_comment"), QString()}});
    }
    return json(response, 200);
}

HttpResponse IntaSendSimulator::handleRecords(const HttpRequest& request)
{
    ++m_recordRequests;
    Q_EMIT recordsRequested();
    if (!request.header("authorization").startsWith("Bearer ISSecretKey_"))
        return json(QJsonObject{{QStringLiteral("detail"),
                                 QStringLiteral("Authentication credentials were not provided.")}},
                    401);
    const QString rest = QString::fromLatin1(request.path.mid(qsizetype(qstrlen("/api/v1/invoices/"))));
    if (!rest.isEmpty()) {
        // One invoice: /api/v1/invoices/{id}/
        const sim::InvoiceBook::Invoice* invoice = m_book.find(rest.chopped(rest.endsWith(u'/') ? 1 : 0));
        if (!invoice)
            return json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("Not found.")}}, 404);
        return json(m_book.listItem(*invoice));
    }
    const QUrlQuery query(QString::fromLatin1(request.query));
    sim::InvoiceBook::ListQuery list;
    if (m_fault.mode != FaultMode::IgnoreFilters || !m_fault.appliesTo(sim::Route::Records)) {
        list.apiRef = query.queryItemValue(QStringLiteral("api_ref"), QUrl::FullyDecoded);
        list.state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    }
    const std::optional<PageAsked> asked = pageAsked(query);
    if (!asked)
        return json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("Invalid page.")}}, 404);
    list.page = asked->page;
    list.pageSize = asked->size;
    int count = 0;
    QJsonArray results;
    for (const sim::InvoiceBook::Invoice* invoice : m_book.page(list, &count))
        results.append(m_book.listItem(*invoice));
    const QString path = QStringLiteral("/api/v1/invoices/");
    return json(QJsonObject{
        {QStringLiteral("count"), count},
        {QStringLiteral("next"), pageLink(baseUrl(), path, query, list.page + 1, list.pageSize, count)},
        {QStringLiteral("previous"), pageLink(baseUrl(), path, query, list.page - 1, list.pageSize, count)},
        {QStringLiteral("results"), results}});
}

HttpResponse IntaSendSimulator::handleRefunds(const HttpRequest& request)
{
    const bool filing = request.method == "POST";
    if (filing)
        ++m_refundRequests;
    if (!hasSecretKey(request))
        return notAuthenticated();
    if (filing)
        return fileRefund(request);

    const QString rest = QString::fromLatin1(request.path.mid(qsizetype(qstrlen("/api/v1/chargebacks/"))));
    if (!rest.isEmpty()) {
        // One refund request: /api/v1/chargebacks/{id}/
        const sim::ChargebackBook::Chargeback* chargeback =
            m_chargebacks.find(rest.chopped(rest.endsWith(u'/') ? 1 : 0));
        if (!chargeback)
            return json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("Not found.")}}, 404);
        return json(m_chargebacks.json(*chargeback));
    }
    const QUrlQuery query(QString::fromLatin1(request.query));
    const std::optional<PageAsked> asked = pageAsked(query);
    if (!asked)
        return json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("Invalid page.")}}, 404);
    int count = 0;
    QJsonArray results;
    for (const sim::ChargebackBook::Chargeback* chargeback :
         m_chargebacks.page(asked->page, asked->size, &count))
        results.append(m_chargebacks.json(*chargeback));
    const QString path = QStringLiteral("/api/v1/chargebacks/");
    return json(QJsonObject{
        {QStringLiteral("count"), count},
        {QStringLiteral("next"), pageLink(baseUrl(), path, query, asked->page + 1, asked->size, count)},
        {QStringLiteral("previous"), pageLink(baseUrl(), path, query, asked->page - 1, asked->size, count)},
        {QStringLiteral("results"), results}});
}

HttpResponse IntaSendSimulator::fileRefund(const HttpRequest& request)
{
    QJsonParseError parseFailure;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseFailure);
    if (parseFailure.error != QJsonParseError::NoError || !document.isObject())
        return notJsonError();
    const QJsonObject body = document.object();

    const QJsonValue invoiceValue = body.value(QLatin1String("invoice"));
    const QString invoiceId = invoiceValue.isDouble() ? QString::number(invoiceValue.toInteger())
                                                      : invoiceValue.toString().trimmed();
    if (invoiceId.isEmpty())
        return validationError(QStringLiteral("invoice"), QStringLiteral("This field is required."));
    const sim::InvoiceBook::Invoice* invoice = m_book.find(invoiceId);
    if (!invoice)
        return validationError(QStringLiteral("invoice"),
                               QStringLiteral("Invalid pk \"%1\" - object does not exist.").arg(invoiceId));
    const QString state = m_book.stateOf(*invoice);
    if (state != u"COMPLETE")
        return validationError(
            QStringLiteral("invoice"),
            QStringLiteral("Only a completed payment can be refunded; this invoice is %1.").arg(state));

    const QJsonValue amountValue = body.value(QLatin1String("amount"));
    if (amountValue.isUndefined() || amountValue.isNull() ||
        (amountValue.isString() && amountValue.toString().trimmed().isEmpty()))
        return validationError(QStringLiteral("amount"), QStringLiteral("This field is required."));
    const std::optional<qint64> cents = centsOf(amountValue);
    if (!cents)
        return validationError(QStringLiteral("amount"),
                               QStringLiteral("A valid number with at most 2 decimal places is required."));
    if (*cents <= 0)
        return validationError(QStringLiteral("amount"),
                               QStringLiteral("Ensure this value is greater than 0."));
    const qint64 balance = invoice->amountShillings * 100 - m_chargebacks.requestedOf(invoice->id);
    if (*cents > balance)
        return validationError(
            QStringLiteral("amount"),
            QStringLiteral("Amount exceeds the refundable balance of KES %1").arg(shillingsText(balance)));

    const QString reason = body.value(QLatin1String("reason")).toString().trimmed();
    if (reason.isEmpty())
        return validationError(QStringLiteral("reason"), QStringLiteral("This field may not be blank."));

    // The transaction IntaSend names is the payment being refunded: here, its M-Pesa receipt.
    const sim::ChargebackBook::Chargeback& chargeback =
        m_chargebacks.add(invoice->receipt, invoice->id, *cents, reason,
                          body.value(QLatin1String("reason_details")).toString());
    const ReceivedRefund received{chargeback.id, chargeback.invoiceId, chargeback.amountCents,
                                  chargeback.reason, chargeback.reasonDetails};
    HttpResponse response = json(m_chargebacks.json(chargeback), 201);
    m_refunds.append(received);
    Q_EMIT refundReceived(received.chargebackId);
    return response;
}

} // namespace lipa
