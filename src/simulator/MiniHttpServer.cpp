// SPDX-License-Identifier: GPL-3.0-or-later
#include "MiniHttpServer.h"

#include "HttpConnection.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>
#include <utility>

namespace lipa::sim {

namespace {

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
    case 408:
        return "Request Timeout";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 417:
        return "Expectation Failed";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

// A QTcpServer whose sockets have a bounded read buffer from the start: the one it holds back until there
// is room must not buffer whatever its client sends meanwhile.
class Listener : public QTcpServer {
public:
    Listener(qsizetype readBufferBytes, QObject* parent)
        : QTcpServer(parent)
        , m_readBufferBytes(readBufferBytes)
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto* socket = new QTcpSocket(this);
        socket->setReadBufferSize(m_readBufferBytes);
        socket->setSocketDescriptor(descriptor);
        addPendingConnection(socket);
    }

private:
    qsizetype m_readBufferBytes;
};

} // namespace

QByteArray HttpResponse::serialized() const
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    head += "Content-Type: " + contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto& [name, value] : extraHeaders)
        head += name + ": " + value + "\r\n";
    return head + "\r\n" + body;
}

HttpExchange::HttpExchange(HttpConnection* connection)
    : m_connection(connection)
{
}

HttpExchange::~HttpExchange()
{
    // Dropped unanswered (the simulator went away): do not leave the client waiting on a busy connection.
    if (!m_done && m_connection)
        m_connection->abort();
}

void HttpExchange::answer(const HttpResponse& response)
{
    if (m_done)
        return;
    m_done = true;
    if (m_connection)
        m_connection->answer(response);
}

void HttpExchange::answerRawAndClose(const QByteArray& bytes)
{
    if (m_done)
        return;
    m_done = true;
    if (m_connection)
        m_connection->answerRawAndClose(bytes);
}

void HttpExchange::drip(const HttpResponse& response, std::chrono::milliseconds interval)
{
    if (m_done)
        return;
    m_done = true; // nothing else may be written on this connection meanwhile
    if (m_connection)
        m_connection->drip(response, interval);
}

void HttpExchange::hangUp()
{
    if (m_done)
        return;
    m_done = true;
    if (m_connection)
        m_connection->abort();
}

MiniHttpServer::MiniHttpServer(Handler handler, QObject* parent)
    : MiniHttpServer(std::move(handler), HttpServerLimits(), parent)
{
}

MiniHttpServer::MiniHttpServer(Handler handler, const HttpServerLimits& limits, QObject* parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_limits(limits)
    , m_listener(new Listener(limits.maxUnreadInput, this))
{
    m_limits.maxConnections = std::max(m_limits.maxConnections, 2);
    // One accepted connection at a time: when there is no room for it, the listener holds it back and
    // stops accepting, and the others wait in the kernel's backlog without using descriptors.
    m_listener->setMaxPendingConnections(1);
    m_acceptRetry.setSingleShot(true);
    connect(m_listener, &QTcpServer::newConnection, this, &MiniHttpServer::takeConnections);
    connect(m_listener, &QTcpServer::acceptError, this, [this] {
        // Out of descriptors, say. Qt has paused accepting; try again in a while, rather than at once (a
        // busy loop while the backlog stays full) or never (a server that no longer answers).
        ++m_acceptErrors;
        m_acceptRetry.start(m_limits.acceptRetry);
        updateAccepting();
    });
    connect(&m_acceptRetry, &QTimer::timeout, this, &MiniHttpServer::updateAccepting);
}

MiniHttpServer::~MiniHttpServer()
{
    // The connections before the rest: an exchange still held somewhere must find its connection gone, not
    // half destroyed.
    const QList<HttpConnection*> connections = std::exchange(m_connections, {});
    for (HttpConnection* connection : connections) {
        connection->disconnect(this);
        delete connection;
    }
}

quint16 MiniHttpServer::listen(quint16 port)
{
    return listen(QHostAddress(QHostAddress::LocalHost), port);
}

quint16 MiniHttpServer::listen(const QHostAddress& address, quint16 port)
{
    if (!m_listener->listen(address, port))
        return 0;
    updateAccepting();
    return m_listener->serverPort();
}

void MiniHttpServer::close()
{
    m_acceptRetry.stop();
    m_listener->close(); // and the connection it held back
    // Gone means gone: a client's kept-alive connection must not reach it either.
    const QList<HttpConnection*> connections = m_connections;
    for (HttpConnection* connection : connections)
        connection->abort();
}

bool MiniHttpServer::isListening() const
{
    return m_listener->isListening();
}

int MiniHttpServer::connectionCount() const
{
    return int(m_connections.size()) + (m_listener->hasPendingConnections() ? 1 : 0);
}

qsizetype MiniHttpServer::bufferedBytes() const
{
    qsizetype bytes = 0;
    for (const HttpConnection* connection : m_connections)
        bytes += connection->bufferedBytes();
    return bytes;
}

qsizetype MiniHttpServer::peakConnectionBytes() const
{
    qsizetype peak = m_peakClosedBytes;
    for (const HttpConnection* connection : m_connections)
        peak = std::max(peak, connection->peakBufferedBytes());
    return peak;
}

int MiniHttpServer::stalledConnectionCount() const
{
    return int(std::count_if(m_connections.cbegin(), m_connections.cend(),
                             [](const HttpConnection* connection) { return connection->isStalled(); }));
}

void MiniHttpServer::takeConnections()
{
    // Up to the cap less one: the connection the listener holds back is the last.
    while (m_connections.size() < m_limits.maxConnections - 1 && m_listener->hasPendingConnections()) {
        auto* connection = new HttpConnection(m_listener->nextPendingConnection(), m_limits, m_handler, this);
        m_connections.append(connection);
        connect(connection, &HttpConnection::closed, this, [this, connection] { forget(connection); });
    }
    m_peakConnections = std::max(m_peakConnections, connectionCount());
    updateAccepting();
}

void MiniHttpServer::updateAccepting()
{
    if (!m_listener->isListening())
        return;
    if (connectionCount() < m_limits.maxConnections && !m_acceptRetry.isActive())
        m_listener->resumeAccepting();
    else
        m_listener->pauseAccepting();
}

void MiniHttpServer::forget(HttpConnection* connection)
{
    m_peakClosedBytes = std::max(m_peakClosedBytes, connection->peakBufferedBytes());
    m_connections.removeOne(connection);
    connection->deleteLater();
    takeConnections();
}

} // namespace lipa::sim
