// SPDX-License-Identifier: GPL-3.0-or-later
#include "IntaSendSimulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>
#include <QUuid>

namespace lipa {

using sim::FaultMode;
using sim::HttpExchange;
using sim::HttpRequest;
using sim::HttpResponse;

namespace {

HttpResponse json(const QJsonObject& body, int status = 200)
{
    return HttpResponse{status, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", {}};
}

// IntaSend's validation error shape: {"type": …, "errors": [{"code", "detail", "attr"}]}.
HttpResponse validationError(const QString& attr, const QString& detail)
{
    const QJsonObject error{{QStringLiteral("code"), QStringLiteral("invalid")},
                            {QStringLiteral("detail"), detail},
                            {QStringLiteral("attr"), attr}};
    const QJsonObject body{{QStringLiteral("type"), QStringLiteral("validation_error")},
                           {QStringLiteral("errors"), QJsonArray{error}}};
    return json(body, 400);
}

QString nairobiTime(const QDateTime& utc)
{
    return utc.toOffsetFromUtc(3 * 3600).toString(Qt::ISODateWithMs);
}

QString randomLetters(int count, const char* alphabet)
{
    const auto size = static_cast<quint32>(qstrlen(alphabet));
    QString text;
    for (int i = 0; i < count; ++i)
        text += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(size)]);
    return text;
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
    , m_server([this](const HttpRequest& request, const std::shared_ptr<HttpExchange>& exchange) {
        handle(request, exchange);
    })
{
}

IntaSendSimulator::~IntaSendSimulator() = default;

bool IntaSendSimulator::listen(quint16 port)
{
    m_port = m_server.listen(port);
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

void IntaSendSimulator::handle(const HttpRequest& request, const std::shared_ptr<HttpExchange>& exchange)
{
    const bool isPush =
        request.path == "/api/v1/payment/collection/" || request.path == "/api/v1/payment/mpesa-stk-push/";
    const bool isStatus = request.path == "/api/v1/payment/status/";
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
    if (!isPush && !isStatus) {
        exchange->answer(json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("Not found.")}}, 404));
        return;
    }
    if (request.method != "POST") {
        exchange->answer(json(
            QJsonObject{
                {QStringLiteral("detail"),
                 QStringLiteral("Method \"%1\" not allowed.").arg(QString::fromLatin1(request.method))}},
            405));
        return;
    }

    const bool faulty = m_fault.mode != FaultMode::None && m_fault.appliesTo(isPush);
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

    // Everything else: the request is processed (a push reaches the customer's phone), and then the
    // answer may go wrong on its way back.
    HttpResponse response =
        isPush ? handlePush(request, request.path.contains("mpesa-stk-push")) : handleStatus(request);
    if (!faulty || response.status != 200) {
        exchange->answer(response);
        return;
    }
    ++m_faultyAnswers;
    deliverFaulty(response, exchange);
}

void IntaSendSimulator::deliverFaulty(HttpResponse response, const std::shared_ptr<HttpExchange>& exchange)
{
    switch (m_fault.mode) {
    case FaultMode::None:
    case FaultMode::Refuse:
    case FaultMode::RateLimited:
    case FaultMode::UnavailableHtml:
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
        response.body = R"({"invoice":{"invoice_id":["X"],"id":{"n":1},"state":7,"value":true,"api_ref":12,)"
                        R"("mpesa_reference":[],"failed_reason":{},"failed_code":[1]}})";
        exchange->answer(response);
        return;
    case FaultMode::UnknownState:
        response.body.replace("\"PENDING\"", "\"ON_HOLD\"")
            .replace("\"PROCESSING\"", "\"ON_HOLD\"")
            .replace("\"COMPLETE\"", "\"ON_HOLD\"")
            .replace("\"FAILED\"", "\"ON_HOLD\"");
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

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("JSON parse error")}}, 400);
    const QJsonObject body = document.object();

    if (!body.value(QStringLiteral("public_key")).toString().startsWith(QStringLiteral("ISPubKey_")))
        return validationError(QStringLiteral("public_key"),
                               QStringLiteral("A valid public key is required."));
    if (body.value(QStringLiteral("currency")).toString() != u"KES")
        return validationError(QStringLiteral("currency"), QStringLiteral("Currency must be KES."));
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

    Invoice invoice;
    invoice.numericId = !stkRoute; // as IntaSend did: numbers on the old route, strings on the new
    invoice.id = newInvoiceId(invoice.numericId);
    invoice.apiRef = body.value(QStringLiteral("api_ref")).toString();
    invoice.phone = phone;
    invoice.amountShillings = static_cast<qint64>(shillings);
    invoice.createdAt = m_clock.now();
    invoice.outcome = sim::scriptedOutcomeFor(phone.back());
    invoice.receipt = randomLetters(1, "QRST") + randomLetters(9, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789");
    m_invoices.insert(invoice.id, invoice);
    m_pushes.append({stkRoute ? QStringLiteral("mpesa-stk-push") : QStringLiteral("collection"),
                     invoice.apiRef, phone, invoice.amountShillings, invoice.id});
    Q_EMIT pushReceived(invoice.apiRef);

    QJsonObject response{{QStringLiteral("invoice"), invoiceJson(invoice)}};
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
    const QString invoiceId = id.isDouble() ? QString::number(id.toInteger()) : id.toString();
    Q_EMIT statusRequested(invoiceId);
    const auto it = m_invoices.constFind(invoiceId);
    if (it == m_invoices.cend())
        return validationError(QStringLiteral("invoice_id"), QStringLiteral("Invoice not found."));

    QJsonObject response{{QStringLiteral("invoice"), invoiceJson(*it)}};
    if (!it->numericId) {
        const QJsonObject customer{{QStringLiteral("phone_number"), it->phone},
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

QJsonObject IntaSendSimulator::invoiceJson(const Invoice& invoice) const
{
    const qint64 elapsed = invoice.createdAt.msecsTo(m_clock.now());
    QString state = QStringLiteral("PENDING");
    QJsonValue failedReason = QJsonValue::Null;
    QJsonValue failedCode = QJsonValue::Null;
    QJsonValue receipt = QJsonValue::Null;
    QDateTime updatedAt = invoice.createdAt;
    if (invoice.outcome.kind != sim::ScriptedOutcome::NeverAnswers) {
        if (elapsed >= m_timing.finalAfter.count()) {
            updatedAt = invoice.createdAt.addMSecs(m_timing.finalAfter.count());
            if (invoice.outcome.kind == sim::ScriptedOutcome::Pays) {
                state = QStringLiteral("COMPLETE");
                receipt = invoice.receipt;
            } else {
                state = QStringLiteral("FAILED");
                failedReason = invoice.outcome.failedReason;
                failedCode = invoice.outcome.failedCode;
            }
        } else if (elapsed >= m_timing.processingAfter.count()) {
            state = QStringLiteral("PROCESSING");
            updatedAt = invoice.createdAt.addMSecs(m_timing.processingAfter.count());
        }
    }

    const QString value = QString::number(invoice.amountShillings) + QStringLiteral(".00");
    QJsonObject json{
        {QStringLiteral("state"), state},
        {QStringLiteral("provider"), QStringLiteral("M-PESA")},
        {QStringLiteral("charges"), QStringLiteral("0.00")},
        {QStringLiteral("net_amount"), value},
        {QStringLiteral("currency"), QStringLiteral("KES")},
        {QStringLiteral("value"), value},
        {QStringLiteral("account"), invoice.phone},
        {QStringLiteral("api_ref"), invoice.apiRef.isEmpty() ? QJsonValue(QJsonValue::Null) : invoice.apiRef},
        {QStringLiteral("mpesa_reference"), receipt},
        {QStringLiteral("host"), baseUrl().toString()},
        {QStringLiteral("failed_reason"), failedReason},
        {QStringLiteral("failed_code"), failedCode},
        {QStringLiteral("created_at"), nairobiTime(invoice.createdAt)},
        {QStringLiteral("updated_at"), nairobiTime(updatedAt)},
    };
    if (invoice.numericId) {
        json.insert(QStringLiteral("id"), invoice.id.toInt());
    } else {
        json.insert(QStringLiteral("id"), invoice.id);
        json.insert(QStringLiteral("invoice_id"), invoice.id);
    }
    return json;
}

QString IntaSendSimulator::newInvoiceId(bool numeric)
{
    if (numeric)
        return QString::number(m_nextNumericId++);
    QString id;
    do {
        id = randomLetters(7, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    } while (m_invoices.contains(id));
    return id;
}

} // namespace lipa
