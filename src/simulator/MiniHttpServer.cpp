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
    bool busy = false; // a request is waiting for its answer
};

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
    bool lengthOk = true;
    const qsizetype length = request.headers.contains("content-length")
                                 ? request.header("content-length").toLongLong(&lengthOk)
                                 : 0;
    if (!lengthOk || length < 0 || length > kMaxBodyBytes) {
        socket->write(
            HttpResponse{400, R"({"detail":"Bad Content-Length"})", "application/json", {}}.serialized());
        socket->disconnectFromHost();
        return;
    }
    if (data.size() < headerEnd + 4 + length)
        return;
    request.body = data.mid(headerEnd + 4, length);
    buffer->data.remove(0, headerEnd + 4 + length);
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
