// SPDX-License-Identifier: GPL-3.0-or-later
#include "IntaSendClient.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <cstring>

namespace lipa {

Q_LOGGING_CATEGORY(lcClient, "lipa.intasend")

namespace {

// Retry-After is either seconds or an HTTP date.
std::chrono::seconds parseRetryAfter(const QByteArray& header)
{
    bool isNumber = false;
    const qint64 seconds = header.trimmed().toLongLong(&isNumber);
    if (isNumber)
        return std::chrono::seconds(std::clamp<qint64>(seconds, 0, 3600));
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(header.trimmed()), Qt::RFC2822Date);
    if (when.isValid())
        return std::chrono::seconds(
            std::clamp<qint64>(QDateTime::currentDateTimeUtc().secsTo(when), 0, 3600));
    return std::chrono::seconds(0);
}

// Errors Qt reports before a request can have reached the server.
bool failedBeforeSending(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        return true;
    default:
        return false;
    }
}

// A request body that can be read once and never rewound. Qt silently re-sends a request whose
// keep-alive connection drops before the answer; for an STK push that would be a second charge on the
// customer's phone. A body Qt cannot rewind turns that re-send into an error we classify as Uncertain.
class OneShotBody final : public QIODevice {
public:
    OneShotBody(QByteArray data, QObject* parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    bool reset() override { return false; }
    bool seek(qint64) override { return false; }

protected:
    qint64 readData(char* out, qint64 max) override
    {
        const qint64 n = std::min(max, m_data.size() - m_pos);
        std::memcpy(out, m_data.constData() + m_pos, static_cast<size_t>(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

QByteArray truncatedForLog(const QByteArray& body)
{
    constexpr qsizetype kMax = 512;
    return body.size() <= kMax ? body : body.left(kMax) + "…[" + QByteArray::number(body.size()) + " bytes]";
}

// Reads the invoice of an answer with parse into the result: empty, or why it could not be read.
IntaSendClient::BodyReader invoiceReader(Result<wire::Invoice> (*parse)(const QByteArray&))
{
    return [parse](const QByteArray& body, CallResult& result) {
        Result<wire::Invoice> invoice = parse(body);
        if (!invoice)
            return invoice.error();
        result.invoice = std::move(invoice).value();
        return QString();
    };
}

// A push or status answer.
const IntaSendClient::BodyReader readInvoice = invoiceReader(&wire::parseInvoiceResponse);

} // namespace

IntaSendClient::IntaSendClient(QNetworkAccessManager& network, ClientConfig config, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_config(std::move(config))
    , m_redactor({m_config.secretKey, m_config.publicKey})
{
}

IntaSendClient::~IntaSendClient() = default;

wire::StkRoute IntaSendClient::stkRoute() const
{
    return m_config.secretKey.isEmpty() ? wire::StkRoute::Collection : wire::StkRoute::StkPush;
}

void IntaSendClient::requestStkPush(const wire::ChargeRequest& request, QObject* context, Callback done)
{
    const wire::StkRoute route = stkRoute();
    post(wire::stkPushPath(route), wire::buildStkPushBody(m_config.publicKey, request, route),
         route == wire::StkRoute::StkPush, true, context, std::move(done));
}

void IntaSendClient::checkStatus(const QString& invoiceId, QObject* context, Callback done)
{
    // A status check is harmless to repeat: Qt may retry it on a dropped connection.
    post(wire::statusPath(), wire::buildStatusBody(m_config.publicKey, invoiceId), false, false, context,
         std::move(done));
}

void IntaSendClient::checkStatus(const wire::StatusKey& key, QObject* context, Callback done)
{
    if (!key.invoiceId.isEmpty()) {
        checkStatus(key.invoiceId, context, std::move(done));
        return;
    }
    post(wire::statusPath(), wire::buildStatusBody(m_config.publicKey, key), false, false, context,
         invoiceReader(&wire::parseCheckoutStatusResponse), std::move(done));
}

void IntaSendClient::createCheckout(const wire::CheckoutRequest& request, QObject* context,
                                    std::function<void(const CheckoutResult&)> done)
{
    auto checkout = std::make_shared<std::optional<wire::Checkout>>();
    const BodyReader readCheckout = [checkout](const QByteArray& body, CallResult&) {
        Result<wire::Checkout> read = wire::parseCheckoutResponse(body);
        if (!read)
            return read.error();
        *checkout = std::move(read).value();
        return QString();
    };
    post(wire::checkoutPath(), wire::buildCheckoutBody(m_config.publicKey, request), false, true, context,
         readCheckout, [checkout, done = std::move(done)](const CallResult& call) {
             CheckoutResult result;
             result.call = call;
             if (*checkout && call.failure == CallFailure::None)
                 result.checkout = **checkout;
             done(result);
         });
}

QNetworkRequest IntaSendClient::makeRequest(const QString& path, bool withSecret) const
{
    QUrl url = m_config.baseUrl;
    url.setPath(url.path() + path);

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("INTASEND_PUBLIC_API_KEY", m_config.publicKey.toUtf8());
    if (withSecret)
        request.setRawHeader("Authorization", "Bearer " + m_config.secretKey.toUtf8());
    request.setTransferTimeout(static_cast<int>(m_config.transferTimeout.count()));
    // A payment request must never be repeated behind our back: no redirects, no cached answers.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    return request;
}

void IntaSendClient::post(const QString& path, const QByteArray& body, bool withSecret, bool once,
                          QObject* context, Callback done)
{
    post(path, body, withSecret, once, context, readInvoice, std::move(done));
}

void IntaSendClient::post(const QString& path, const QByteArray& body, bool withSecret, bool once,
                          QObject* context, BodyReader readBody, Callback done)
{
    QNetworkRequest request = makeRequest(path, withSecret);
    QNetworkReply* reply = nullptr;
    if (once) {
        // HTTP/2 has retry paths of its own; a push goes over plain HTTP/1.1 where the rule above holds.
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto* device = new OneShotBody(body, nullptr);
        reply = m_network.post(request, device);
        device->setParent(reply);
    } else {
        reply = m_network.post(request, body);
    }
    watch(reply, context,
          [self = QPointer(this), readBody = std::move(readBody),
           done = std::move(done)](QNetworkReply& finished, bool oversize) {
              if (self)
                  done(self->withoutKeys(self->interpret(finished, oversize, readBody)));
          });
}

namespace {

// Reads a chargeback answer into *into; the reader's error text when it is not one.
IntaSendClient::BodyReader chargebackReader(const std::shared_ptr<std::optional<wire::Chargeback>>& into)
{
    return [into](const QByteArray& body, CallResult&) {
        Result<wire::Chargeback> read = wire::parseChargeback(body);
        if (!read)
            return read.error();
        *into = std::move(read).value();
        return QString();
    };
}

} // namespace

void IntaSendClient::requestChargeback(const wire::ChargebackRequest& request, QObject* context,
                                       std::function<void(const ChargebackResult&)> done)
{
    if (m_config.secretKey.isEmpty()) {
        ChargebackResult refused;
        refused.call.failure = CallFailure::NotSent;
        refused.call.message = tr("A refund request needs the secret key (Settings → IntaSend)");
        QTimer::singleShot(0, context, [refused, done = std::move(done)] { done(refused); });
        return;
    }
    auto chargeback = std::make_shared<std::optional<wire::Chargeback>>();
    // once: a refund request, like a push, must never be repeated behind the cashier's back.
    post(wire::chargebacksPath(), wire::buildChargebackBody(request), true, true, context,
         chargebackReader(chargeback), [this, chargeback, done = std::move(done)](const CallResult& call) {
             done(chargebackResult(call, chargeback));
         });
}

void IntaSendClient::checkChargeback(const QString& chargebackId, QObject* context,
                                     std::function<void(const ChargebackResult&)> done)
{
    if (m_config.secretKey.isEmpty()) {
        ChargebackResult refused;
        refused.call.failure = CallFailure::AuthRefused;
        refused.call.message = tr("Following a refund request needs the secret key (Settings → IntaSend)");
        QTimer::singleShot(0, context, [refused, done = std::move(done)] { done(refused); });
        return;
    }
    QNetworkRequest request =
        makeRequest(wire::chargebacksPath() + QUrl::toPercentEncoding(chargebackId) + QLatin1Char('/'), true);
    auto chargeback = std::make_shared<std::optional<wire::Chargeback>>();
    watch(m_network.get(request), context,
          [self = QPointer(this), chargeback, readBody = chargebackReader(chargeback),
           done = std::move(done)](QNetworkReply& finished, bool oversize) {
              if (self)
                  done(self->chargebackResult(
                      self->withoutKeys(self->interpret(finished, oversize, readBody)), chargeback));
          });
}

ChargebackResult
IntaSendClient::chargebackResult(const CallResult& call,
                                 const std::shared_ptr<std::optional<wire::Chargeback>>& read) const
{
    ChargebackResult result;
    result.call = call;
    if (*read && call.failure == CallFailure::None) {
        result.chargeback = **read;
        for (QString* field : {&result.chargeback->id, &result.chargeback->invoiceId,
                               &result.chargeback->rawStatus, &result.chargeback->resolution})
            *field = m_redactor.text(*field);
    }
    return result;
}

void IntaSendClient::listInvoices(const QUrl& url, QObject* context,
                                  std::function<void(const InvoicePageResult&)> done)
{
    InvoicePageResult refused;
    if (m_config.secretKey.isEmpty()) {
        refused.call.failure = CallFailure::AuthRefused;
        refused.call.message = tr("IntaSend's invoice list needs the secret key (Settings → IntaSend)");
    } else if (!wire::isOnBase(url, m_config.baseUrl)) {
        refused.call.failure = CallFailure::NotSent;
        refused.call.message = tr("IntaSend's next page points somewhere else (%1); it was not followed")
                                   .arg(m_redactor.text(url.toDisplayString()));
    }
    if (refused.call.failure != CallFailure::None) {
        // Still asynchronous, like every other answer.
        QTimer::singleShot(0, context, [refused, done = std::move(done)] { done(refused); });
        return;
    }
    QNetworkRequest request = makeRequest({}, true);
    request.setUrl(url);
    auto page = std::make_shared<std::optional<wire::InvoicePage>>();
    const BodyReader readPage = [page](const QByteArray& body, CallResult&) {
        Result<wire::InvoicePage> read = wire::parseInvoicePage(body);
        if (!read)
            return read.error();
        *page = std::move(read).value();
        return QString();
    };
    watch(m_network.get(request), context,
          [self = QPointer(this), page, readPage, done = std::move(done)](QNetworkReply& finished,
                                                                          bool oversize) {
              if (!self)
                  return;
              InvoicePageResult result;
              result.call = self->withoutKeys(self->interpret(finished, oversize, readPage));
              if (*page && result.call.failure == CallFailure::None) {
                  result.page = std::move(**page);
                  for (wire::Invoice& invoice : result.page->invoices)
                      self->redact(invoice);
              }
              done(result);
          });
}

void IntaSendClient::watch(QNetworkReply* reply, QObject* context,
                           std::function<void(QNetworkReply&, bool)> done)
{
    // Qt's transfer timeout restarts with every byte; a server dripping its answer would hold the call
    // (and the payment) open for ever. This deadline counts from the start.
    auto* deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, &QNetworkReply::abort);
    deadline->start(m_config.transferTimeout);
    auto oversize = std::make_shared<bool>(false);
    const qint64 maxBytes = m_config.maxResponseBytes;
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [reply, oversize, maxBytes](qint64 received, qint64) {
                if (received > maxBytes && !*oversize) {
                    *oversize = true;
                    reply->abort();
                }
            });
    // The reply is deleted whatever happens to the context; the callback runs only while the context lives.
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    connect(reply, &QNetworkReply::finished, context,
            [reply, oversize, done = std::move(done)] { done(*reply, *oversize); });
    // Qt starts the transfer from an event it queues behind whatever the window has queued (repaints,
    // the list's updates); deliver just that event now, so the request leaves first. (After the
    // connections above: whatever happens next is heard.)
    QCoreApplication::sendPostedEvents(reply, QEvent::MetaCall);
}

void IntaSendClient::testConnection(QObject* context, std::function<void(const ConnectionTest&)> done)
{
    const bool withSecret = !m_config.secretKey.isEmpty();
    QNetworkReply* reply = nullptr;
    if (withSecret) {
        reply = m_network.get(makeRequest(wire::walletsPath(), true));
    } else {
        // A status check for an invoice that cannot exist: IntaSend checks the public key first.
        reply =
            m_network.post(makeRequest(wire::statusPath(), false),
                           wire::buildStatusBody(m_config.publicKey, QStringLiteral("LIPA-CONNECTION-TEST")));
    }
    watch(
        reply, context,
        [withSecret, redactor = m_redactor, done = std::move(done)](QNetworkReply& finished, bool oversize) {
            const int status = finished.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            // Shown in Settings: an echoing server must not put the keys on the screen.
            const QString detail = redactor.text(wire::parseErrorBody(finished.readAll()));
            ConnectionTest test;
            if (oversize || status == 0) {
                test.message = tr("Could not reach IntaSend: %1").arg(finished.errorString());
            } else if (status == 401 || status == 403) {
                test.message = withSecret ? tr("IntaSend refused the secret key (%1)").arg(detail)
                                          : tr("IntaSend refused the public key (%1)").arg(detail);
            } else if (status >= 500) {
                test.message =
                    tr("IntaSend answered, but had a problem (HTTP %1). Try again later.").arg(status);
            } else if (withSecret && status >= 200 && status < 300) {
                test.ok = true;
                test.message = tr("Connected: IntaSend accepted the keys.");
            } else if (!withSecret && (status == 400 || status == 404) &&
                       detail.contains(QStringLiteral("invoice"), Qt::CaseInsensitive) &&
                       !detail.contains(QStringLiteral("key"), Qt::CaseInsensitive)) {
                // "No such invoice" is the answer we hoped for: the key itself was accepted.
                test.ok = true;
                test.message = tr("Connected: IntaSend accepted the public key.");
            } else if (status == 404) {
                test.message = tr("Nothing answers as IntaSend at this address (HTTP 404). Check the URL.");
            } else if (status == 429) {
                test.message = tr("IntaSend asked the till to slow down; try again in a minute.");
            } else {
                test.message = tr("IntaSend did not accept the keys (HTTP %1%2)")
                                   .arg(status)
                                   .arg(detail.isEmpty() ? QString() : QStringLiteral(": ") + detail);
            }
            done(test);
        });
}

CallResult IntaSendClient::withoutKeys(CallResult result) const
{
    // What comes back is logged, journaled and shown; a proxy or debug page echoing the request must not
    // carry the keys with it. (interpret() already redacted the body before logging it; this catches
    // whatever else an answer put into the result.)
    result.rawBody = m_redactor.bytes(result.rawBody);
    result.message = m_redactor.text(result.message);
    if (result.invoice)
        redact(*result.invoice);
    return result;
}

void IntaSendClient::redact(wire::Invoice& invoice) const
{
    for (QString* field : {&invoice.invoiceId, &invoice.apiRef, &invoice.rawState, &invoice.mpesaReference,
                           &invoice.failedReason, &invoice.failedCode})
        *field = m_redactor.text(*field);
}

CallResult IntaSendClient::interpret(QNetworkReply& reply, bool oversize, const BodyReader& readBody) const
{
    CallResult result;
    const QString what = reply.url().path();
    if (oversize) {
        result.failure = CallFailure::BadResponse;
        result.message = tr("IntaSend's answer was too large to be real (over %1 KiB)")
                             .arg(m_config.maxResponseBytes / 1024);
        qCWarning(lcClient) << what << "answer over" << m_config.maxResponseBytes << "bytes; aborted";
        return result;
    }

    result.httpStatus = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply.isOpen() ? reply.readAll() : QByteArray();
    // Redacted before anything is logged or cut short (a key straddling the cut would survive in part).
    const QByteArray safeBody = m_redactor.bytes(body);

    // A transport failure counts even after a status line arrived: an answer cut off half-way (our
    // deadline, a reset) is no answer.
    const QNetworkReply::NetworkError error = reply.error();
    const bool transportFailed =
        error != QNetworkReply::NoError && (error < 100 || error == QNetworkReply::ContentReSendError);
    if (result.httpStatus == 0 || transportFailed) {
        if (failedBeforeSending(error)) {
            result.failure = CallFailure::NotSent;
            result.message = tr("Could not reach IntaSend (%1)").arg(reply.errorString());
        } else {
            result.failure = CallFailure::Uncertain;
            if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError)
                result.message = tr("IntaSend did not answer in time");
            else if (error == QNetworkReply::ContentReSendError ||
                     error == QNetworkReply::RemoteHostClosedError)
                result.message = tr("The connection to IntaSend dropped before it answered");
            else
                result.message = tr("The connection to IntaSend broke (%1)").arg(reply.errorString());
        }
        if (error == QNetworkReply::ContentReSendError) // Qt's "Unknown error" would hide what happened
            qCWarning(lcClient) << what << "connection dropped before the answer; deliberately not re-sent";
        else
            qCWarning(lcClient) << what << "network error" << error << reply.errorString();
        return result;
    }

    if (result.httpStatus >= 200 && result.httpStatus < 300) {
        if (const QString unreadable = readBody(body, result); !unreadable.isEmpty()) {
            result.failure = CallFailure::BadResponse;
            result.message = unreadable;
            result.rawBody = truncatedForLog(safeBody);
            qCWarning(lcClient) << what << "unreadable answer:" << m_redactor.text(unreadable)
                                << result.rawBody;
        }
        return result;
    }

    const QString detail = m_redactor.text(wire::parseErrorBody(body));
    const int status = result.httpStatus;
    result.rawBody = truncatedForLog(safeBody);
    if (status == 401 || status == 403) {
        result.failure = CallFailure::AuthRefused;
        result.message = tr("IntaSend refused the keys — check Settings");
        if (!detail.isEmpty())
            result.message += QStringLiteral(" (%1)").arg(detail);
    } else if (status == 429) {
        result.failure = CallFailure::RateLimited;
        result.retryAfter = parseRetryAfter(reply.rawHeader("Retry-After"));
        result.message = tr("IntaSend asked the till to slow down");
    } else if (status >= 400 && status < 500) {
        result.failure = CallFailure::Refused;
        // A 400 carries IntaSend's reason; other refusals ("Not found.") mean little without their code.
        result.message = detail.isEmpty() ? tr("IntaSend refused the request (HTTP %1)").arg(status)
                         : status == 400
                             ? detail
                             : tr("IntaSend refused the request (HTTP %1: %2)").arg(status).arg(detail);
    } else {
        result.failure = CallFailure::Uncertain;
        result.message = tr("IntaSend had a problem (HTTP %1)").arg(status);
        if (!detail.isEmpty())
            result.message += QStringLiteral(": %1").arg(detail);
    }
    qCWarning(lcClient) << what << "HTTP" << status << result.rawBody;
    return result;
}

} // namespace lipa
