// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpConnection.h"

#include <QTcpSocket>

#include <algorithm>
#include <memory>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace lipa::sim {

namespace {

// Fed to the parser at a time, and only when it needs more: what it holds stays near one request.
constexpr qint64 kReadChunk = 16 * 1024;

} // namespace

HttpConnection::HttpConnection(QTcpSocket* socket, const HttpServerLimits& limits,
                               MiniHttpServer::Handler handler, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
    , m_handler(std::move(handler))
    , m_parser(limits.request)
{
    socket->setParent(this);
    // Qt stops reading from the kernel when this is full: a client that sends faster than it is served
    // is held back by TCP itself.
    socket->setReadBufferSize(limits.maxUnreadInput);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &HttpConnection::onDeadline);
    connect(socket, &QTcpSocket::readyRead, this, [this] {
        if (m_closed)
            return;
        if (m_closing) {
            m_socket->readAll(); // no more requests: what comes is dropped
            return;
        }
        notePeak();
        pump();
    });
    connect(socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            onDisconnected();
    });
    if (socket->state() != QAbstractSocket::ConnectedState) {
        // Gone while it waited to be taken.
        QMetaObject::invokeMethod(this, &HttpConnection::onDisconnected, Qt::QueuedConnection);
        return;
    }
    rearm();
    schedulePump(); // bytes may have come while it waited
}

HttpConnection::~HttpConnection()
{
    m_socket->disconnect(this);
}

qsizetype HttpConnection::bufferedBytes() const
{
    return m_socket->bytesAvailable() + m_parser.bufferedBytes() + m_socket->bytesToWrite();
}

void HttpConnection::abort()
{
    if (m_closed)
        return;
    m_socket->abort();
    onDisconnected();
}

void HttpConnection::answer(const HttpResponse& response)
{
    if (m_closed)
        return;
    m_socket->write(serializedAnswer(response));
    notePeak();
    finishExchange();
}

void HttpConnection::answerRawAndClose(const QByteArray& bytes)
{
    if (m_closed)
        return;
    m_socket->write(bytes);
    closeAfterWriting();
}

void HttpConnection::drip(const HttpResponse& response, std::chrono::milliseconds interval)
{
    if (m_closed)
        return;
    // The status line and headers at once, the body byte by byte: the client sees progress, slowly.
    const QByteArray whole = serializedAnswer(response);
    const qsizetype bodySize = m_headOnly ? 0 : response.body.size();
    m_socket->write(whole.left(whole.size() - bodySize));
    auto remaining = std::make_shared<QByteArray>(whole.right(bodySize));
    auto* timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, [this, timer, remaining] {
        if (m_closed) {
            timer->deleteLater();
            return;
        }
        if (!remaining->isEmpty()) {
            m_socket->write(remaining->left(1));
            remaining->remove(0, 1);
        }
        if (remaining->isEmpty()) {
            timer->deleteLater();
            finishExchange();
        }
    });
    timer->start(interval);
}

void HttpConnection::pump()
{
    m_pumpQueued = false;
    if (m_closing || m_exchangeOpen || m_inPump)
        return;
    m_inPump = true;
    while (!m_closing && !m_exchangeOpen) {
        // A client that does not read its answers gets no more of them: its requests wait in the socket,
        // and then in the kernel, and then in the client.
        if (m_socket->bytesToWrite() > m_limits.maxPendingOutput)
            break;
        const HttpRequestParser::Event event = m_parser.next();
        if (event == HttpRequestParser::Event::NeedMore) {
            if (m_socket->bytesAvailable() <= 0)
                break;
            m_parser.feed(m_socket->read(kReadChunk));
            continue;
        }
        if (event == HttpRequestParser::Event::Continue) {
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            continue;
        }
        if (event == HttpRequestParser::Event::Error) {
            refuse(m_parser.error().status, m_parser.error().reason);
            break;
        }
        const HttpRequest request = m_parser.takeRequest();
        m_exchangeOpen = true;
        m_keepAlive = request.keepAlive;
        m_headOnly = request.method == "HEAD";
        m_minorVersion = request.minorVersion;
        rearm();
        notePeak();
        // Answered now (the loop goes on with the next request), later (finishExchange schedules it) or
        // never (the exchange aborts the connection when it is dropped).
        m_handler(request, std::shared_ptr<HttpExchange>(new HttpExchange(this)));
    }
    m_inPump = false;
    notePeak();
    rearm();
}

void HttpConnection::schedulePump()
{
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    // Not at once: the handler that answered is still on the stack.
    QMetaObject::invokeMethod(this, &HttpConnection::pump, Qt::QueuedConnection);
}

void HttpConnection::refuse(int status, const QByteArray& reason)
{
    m_keepAlive = false;
    m_headOnly = false;
    m_socket->write(
        serializedAnswer(HttpResponse{status, "{\"detail\":\"" + reason + "\"}", "application/json", {}}));
    closeAfterWriting();
}

QByteArray HttpConnection::serializedAnswer(HttpResponse response) const
{
    if (!m_keepAlive)
        response.extraHeaders.append({QByteArrayLiteral("Connection"), QByteArrayLiteral("close")});
    else if (m_minorVersion == 0)
        response.extraHeaders.append({QByteArrayLiteral("Connection"), QByteArrayLiteral("keep-alive")});
    QByteArray bytes = response.serialized();
    if (m_headOnly)
        bytes.chop(response.body.size());
    return bytes;
}

void HttpConnection::finishExchange()
{
    m_exchangeOpen = false;
    if (!m_keepAlive) {
        closeAfterWriting();
        return;
    }
    if (!m_inPump)
        schedulePump();
}

void HttpConnection::closeAfterWriting()
{
    if (m_closing)
        return;
    m_closing = true;
    m_exchangeOpen = false;
    rearm();
    if (m_socket->bytesToWrite() == 0)
        shutDownWriting();
}

void HttpConnection::shutDownWriting()
{
    if (m_writeShut || m_closed)
        return;
    m_writeShut = true;
#ifdef Q_OS_UNIX
    // A lingering close (RFC 9112 §9.6): the client gets its whole answer and then the end of the stream,
    // while the server goes on reading, and dropping, until the client closes too. Closed with input
    // unread, the kernel would reset the connection and could destroy the answer before it is read.
    if (::shutdown(int(m_socket->socketDescriptor()), SHUT_WR) == 0) {
        m_socket->readAll();
        m_deadline.start(m_limits.linger);
        return;
    }
#endif
    m_socket->disconnectFromHost();
}

void HttpConnection::rearm()
{
    if (m_closed)
        return;
    Waiting next = Waiting::Request;
    if (m_closing)
        next = Waiting::Closing;
    else if (m_exchangeOpen)
        next = Waiting::Handler;
    else if (m_socket->bytesToWrite() > m_limits.maxPendingOutput)
        next = Waiting::ClientReading;
    else if (m_parser.isMidRequest() || m_socket->bytesAvailable() > 0)
        next = Waiting::RequestEnd;
    // A deadline already running keeps running: more bytes of a slow request do not buy it more time.
    if (next == m_waiting && (next == Waiting::Handler || m_deadline.isActive()))
        return;
    m_waiting = next;
    switch (next) {
    case Waiting::Handler:
        m_deadline.stop(); // the handler's time is its own (the simulator's delays and drips)
        break;
    case Waiting::Request:
    case Waiting::ClientReading:
    case Waiting::Closing:
        m_deadline.start(m_limits.idleTimeout);
        break;
    case Waiting::RequestEnd:
        m_deadline.start(m_limits.requestTimeout);
        break;
    }
}

void HttpConnection::onBytesWritten()
{
    if (m_closing) {
        if (m_writeShut)
            return;
        if (m_socket->bytesToWrite() == 0)
            shutDownWriting();
        else
            m_deadline.start(m_limits.idleTimeout); // it reads, slowly
        return;
    }
    if (m_waiting != Waiting::ClientReading)
        return;
    if (m_socket->bytesToWrite() <= m_limits.maxPendingOutput)
        pump();
    else
        m_deadline.start(m_limits.idleTimeout);
}

void HttpConnection::onDeadline()
{
    switch (m_waiting) {
    case Waiting::Handler:
        return;
    case Waiting::RequestEnd:
        // Part of a request came, and the rest not in time (RFC 9110 §15.5.9).
        refuse(408, "Request timeout");
        return;
    case Waiting::Request:       // silent since it connected, or kept alive and unused
    case Waiting::ClientReading: // does not read its answers
    case Waiting::Closing:       // does not read its last answer, or does not close
        abort();
        return;
    }
}

void HttpConnection::onDisconnected()
{
    if (m_closed)
        return;
    m_closed = true;
    m_closing = true;
    m_deadline.stop();
    notePeak();
    Q_EMIT closed();
}

void HttpConnection::notePeak()
{
    m_peakBytes = std::max(m_peakBytes, bufferedBytes());
}

} // namespace lipa::sim
