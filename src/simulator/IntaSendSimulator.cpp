#include "IntaSendSimulator.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QUuid>

namespace lipa {

namespace {

using Status = QHttpServerResponse::StatusCode;

// IntaSend's validation error shape: {"type": …, "errors": [{"code", "detail", "attr"}]}.
QHttpServerResponse validationError(const QString& attr, const QString& detail)
{
    const QJsonObject error{{QStringLiteral("code"), QStringLiteral("invalid")},
                            {QStringLiteral("detail"), detail},
                            {QStringLiteral("attr"), attr}};
    const QJsonObject body{{QStringLiteral("type"), QStringLiteral("validation_error")},
                           {QStringLiteral("errors"), QJsonArray{error}}};
    return QHttpServerResponse(body, Status::BadRequest);
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
{
    using Method = QHttpServerRequest::Method;
    m_server.route(QStringLiteral("/api/v1/payment/collection/"), Method::Post,
                   [this](const QHttpServerRequest& request) { return handlePush(request, false); });
    m_server.route(QStringLiteral("/api/v1/payment/mpesa-stk-push/"), Method::Post,
                   [this](const QHttpServerRequest& request) { return handlePush(request, true); });
    m_server.route(QStringLiteral("/api/v1/payment/status/"), Method::Post,
                   [this](const QHttpServerRequest& request) { return handleStatus(request); });
}

IntaSendSimulator::~IntaSendSimulator() = default;

bool IntaSendSimulator::listen(quint16 port)
{
    m_port = m_server.listen(QHostAddress::LocalHost, port);
    return m_port != 0;
}

void IntaSendSimulator::close()
{
    const QList<QTcpServer*> servers = m_server.servers();
    for (QTcpServer* server : servers)
        server->close();
}

QUrl IntaSendSimulator::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QHttpServerResponse IntaSendSimulator::handlePush(const QHttpServerRequest& request, bool stkRoute)
{
    if (stkRoute) {
        const QByteArray authorization = request.value("Authorization");
        if (authorization.isEmpty())
            return QHttpServerResponse(
                QJsonObject{{QStringLiteral("detail"),
                             QStringLiteral("Authentication credentials were not provided.")}},
                Status::Unauthorized);
        if (!authorization.startsWith("Bearer ISSecretKey_"))
            return QHttpServerResponse(
                QJsonObject{{QStringLiteral("detail"), QStringLiteral("Invalid token.")}},
                Status::Unauthorized);
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return QHttpServerResponse(
            QJsonObject{{QStringLiteral("detail"), QStringLiteral("JSON parse error")}}, Status::BadRequest);
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
    return QHttpServerResponse(response, Status::Ok);
}

QHttpServerResponse IntaSendSimulator::handleStatus(const QHttpServerRequest& request)
{
    ++m_statusRequests;
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
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
    return QHttpServerResponse(response, Status::Ok);
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
