// SPDX-License-Identifier: GPL-3.0-or-later
#include "MiniHttpServer.h"

#include <QTcpSocket>
#include <QTimer>

namespace lipa::sim {

namespace {

constexpr qsizetype kMaxHeaderBytes = 16 * 1024;
constexpr qsizetype kMaxBodyBytes = 1024 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

// What a connection has received and not yet served. Owned by its socket, so it goes when the socket does.
class ConnectionBuffer : public QObject {
public:
    using QObject::QObject;
    QByteArray data;
    bool busy = false;         // a request is waiting for its answer
    bool continueSent = false; // "100 Continue" went out for the request being read
};

ChunkedBody decodeChunked(const QByteArray& data, qsizetype from, qsizetype maxBody)
{
    // RFC 9112 §7.1: chunk = size in hex [; extensions] CRLF data CRLF …, then 0 CRLF, trailers, CRLF.
    ChunkedBody result;
    qsizetype at = from;
    for (;;) {
        const qsizetype lineEnd = data.indexOf("\r\n", at);
        if (lineEnd < 0) {
            result.status =
                data.size() - at > 64 ? ChunkedBody::Status::Malformed : ChunkedBody::Status::Incomplete;
            return result;
        }
        QByteArray sizeText = data.mid(at, lineEnd - at);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText.truncate(semicolon);
        sizeText = sizeText.trimmed();
        bool ok = false;
        const qint64 size = sizeText.toLongLong(&ok, 16);
        if (!ok || size < 0 || sizeText.size() > 8 || result.body.size() + size > maxBody) {
            result.status = ChunkedBody::Status::Malformed;
            return result;
        }
        at = lineEnd + 2;
        if (size == 0) {
            // Trailers (ignored) up to an empty line.
            for (;;) {
                const qsizetype end = data.indexOf("\r\n", at);
                if (end < 0) {
                    result.status = data.size() - at > 8 * 1024 ? ChunkedBody::Status::Malformed
                                                                : ChunkedBody::Status::Incomplete;
                    return result;
                }
                const bool last = end == at;
                at = end + 2;
                if (last) {
                    result.status = ChunkedBody::Status::Complete;
                    result.end = at;
                    return result;
                }
            }
        }
        if (data.size() < at + size + 2) {
            result.status = ChunkedBody::Status::Incomplete;
            return result;
        }
        if (data.mid(at + size, 2) != "\r\n") {
            result.status = ChunkedBody::Status::Malformed;
            return result;
        }
        result.body += data.mid(at, size);
        at += size + 2;
    }
}

QByteArray HttpResponse::serialized() const
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    head += "Content-Type: " + contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto& [name, value] : extraHeaders)
        head += name + ": " + value + "\r\n";
    return head + "\r\n" + body;
}

HttpExchange::HttpExchange(QTcpSocket* socket)
    : m_socket(socket)
{
}

HttpExchange::~HttpExchange()
{
    // Dropped unanswered (the simulator went away): do not leave the client waiting on a busy connection.
    if (!m_done && m_socket)
        m_socket->abort();
}

void HttpExchange::answer(const HttpResponse& response)
{
    if (m_done || !m_socket)
        return;
    m_socket->write(response.serialized());
    finish();
}

void HttpExchange::answerRawAndClose(const QByteArray& bytes)
{
    if (m_done || !m_socket)
        return;
    m_socket->write(bytes);
    m_socket->disconnectFromHost();
    m_done = true;
}

void HttpExchange::drip(const HttpResponse& response, std::chrono::milliseconds interval)
{
    if (m_done || !m_socket)
        return;
    m_done = true; // nothing else may be written on this connection meanwhile
    auto* timer = new QTimer(m_socket);
    // The status line and headers at once, the body byte by byte: the client sees progress, slowly.
    const QByteArray whole = response.serialized();
    m_socket->write(whole.left(whole.size() - response.body.size()));
    auto remaining = std::make_shared<QByteArray>(response.body);
    QObject::connect(timer, &QTimer::timeout, m_socket, [socket = m_socket, timer, remaining, next = m_next] {
        socket->write(remaining->left(1));
        remaining->remove(0, 1);
        if (remaining->isEmpty()) {
            timer->deleteLater();
            if (next)
                next();
        }
    });
    timer->start(interval);
}

void HttpExchange::hangUp()
{
    if (m_done || !m_socket)
        return;
    m_socket->abort();
    m_done = true;
}

void HttpExchange::finish()
{
    m_done = true;
    if (m_next)
        m_next();
}

MiniHttpServer::MiniHttpServer(Handler handler, QObject* parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            auto* buffer = new ConnectionBuffer(socket);
            m_connections.removeIf([](const QPointer<QTcpSocket>& gone) { return gone.isNull(); });
            m_connections.append(socket);
            connect(socket, &QTcpSocket::readyRead, this,
                    [this, socket, buffer] { serveNext(socket, buffer); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

quint16 MiniHttpServer::listen(quint16 port)
{
    if (!m_server.listen(QHostAddress::LocalHost, port))
        return 0;
    return m_server.serverPort();
}

void MiniHttpServer::close()
{
    m_server.close();
    // Gone means gone: a client's kept-alive connection must not reach it either.
    for (const QPointer<QTcpSocket>& socket : std::as_const(m_connections)) {
        if (socket)
            socket->abort();
    }
    m_connections.clear();
}

void MiniHttpServer::serveNext(QTcpSocket* socket, ConnectionBuffer* buffer)
{
    buffer->data += socket->readAll();
    if (buffer->busy)
        return;
    const QByteArray& data = buffer->data;

    // Empty lines before a request are allowed (RFC 9112 2.2) and ignored.
    while (buffer->data.startsWith("\r\n"))
        buffer->data.remove(0, 2);
    // Not HTTP at all (a TLS handshake, say): answer as a web server does, so the other side fails now
    // rather than after its timeout.
    const qsizetype space = data.indexOf(' ');
    const bool methodSoFar = std::all_of(data.cbegin(), space < 0 ? data.cend() : data.cbegin() + space,
                                         [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!methodSoFar || space > 10 || (space < 0 && data.size() > 10)) {
        buffer->data.clear();
        buffer->busy = true; // nothing more is read from this connection
        socket->write(
            HttpResponse{400, R"({"detail":"Not an HTTP request"})", "application/json", {}}.serialized());
        socket->disconnectFromHost();
        return;
    }
    const qsizetype headerEnd = data.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (data.size() > kMaxHeaderBytes)
            socket->abort();
        return;
    }
    HttpRequest request;
    const QList<QByteArray> lines = data.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    const QByteArray target = requestLine.value(1);
    const qsizetype question = target.indexOf('?');
    request.path = target.left(question < 0 ? target.size() : question);
    request.query = question < 0 ? QByteArray() : target.mid(question + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                   lines[i].mid(colon + 1).trimmed());
    }
    const auto refuse = [&](const QByteArray& detail) {
        buffer->data.clear();
        buffer->busy = true; // nothing more is read from this connection
        socket->write(
            HttpResponse{400, "{\"detail\":\"" + detail + "\"}", "application/json", {}}.serialized());
        socket->disconnectFromHost();
    };
    // A body is either chunked or Content-Length long (RFC 9112 §6); a request with both is refused, as
    // a smuggled one would be.
    const bool chunked = request.header("transfer-encoding").toLower().contains("chunked");
    bool lengthOk = true;
    const qsizetype length = request.headers.contains("content-length")
                                 ? request.header("content-length").toLongLong(&lengthOk)
                                 : 0;
    if ((chunked && request.headers.contains("content-length")) ||
        (request.headers.contains("transfer-encoding") && !chunked)) {
        refuse("Bad Transfer-Encoding");
        return;
    }
    if (!lengthOk || length < 0 || length > kMaxBodyBytes) {
        refuse("Bad Content-Length");
        return;
    }
    // "Expect: 100-continue": the client waits for a word before it sends the body.
    if (request.header("expect").toLower() == "100-continue" && !buffer->continueSent) {
        buffer->continueSent = true;
        socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
    qsizetype end = headerEnd + 4 + length;
    if (chunked) {
        const ChunkedBody body = decodeChunked(data, headerEnd + 4, kMaxBodyBytes);
        if (body.status == ChunkedBody::Status::Incomplete)
            return;
        if (body.status == ChunkedBody::Status::Malformed) {
            refuse("Bad chunked body");
            return;
        }
        request.body = body.body;
        end = body.end;
    } else {
        if (data.size() < end)
            return;
        request.body = data.mid(headerEnd + 4, length);
    }
    buffer->data.remove(0, end);
    buffer->continueSent = false;
    buffer->busy = true;

    auto exchange = std::make_shared<HttpExchange>(socket);
    exchange->m_next = [this, socket = QPointer<QTcpSocket>(socket), buffer] {
        if (!socket)
            return;
        buffer->busy = false;
        // The next request may already be waiting in the buffer.
        QTimer::singleShot(0, socket, [this, socket, buffer] { serveNext(socket, buffer); });
    };
    m_handler(request, exchange);
}

} // namespace lipa::sim
