// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpRequestParser.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>

class QTcpServer;

namespace lipa::sim {

class HttpConnection;

struct HttpResponse {
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<QPair<QByteArray, QByteArray>> extraHeaders;

    // The whole message as it goes on the wire.
    QByteArray serialized() const;
};

// How much of the server one client, or many, may take. The defaults suit the simulator in a till's
// demo mode; tests use small ones.
struct HttpServerLimits {
    HttpParserLimits request;
    int maxConnections = 128;               // open connections, the one the listener holds back included
    qsizetype maxUnreadInput = 64 * 1024;   // received and not parsed yet, per connection
    qsizetype maxPendingOutput = 64 * 1024; // answers not sent yet: no more requests are read until the
                                            // client takes them
    std::chrono::milliseconds idleTimeout{30'000};    // silent before a request, or not reading its answers
    std::chrono::milliseconds requestTimeout{10'000}; // from a request's first byte to its last
    std::chrono::milliseconds acceptRetry{100};       // pause after accept() fails (out of descriptors)
    std::chrono::milliseconds linger{2'000};          // reading (and dropping) after the server closes
};

// One request waiting for its answer. The simulator may answer at once, later, badly or never; the
// connection takes its next request only after this one is answered.
class HttpExchange {
public:
    ~HttpExchange();
    HttpExchange(const HttpExchange&) = delete;
    HttpExchange& operator=(const HttpExchange&) = delete;

    void answer(const HttpResponse& response);
    // Writes these bytes as they are, then closes the connection (a truncated or garbled answer).
    void answerRawAndClose(const QByteArray& bytes);
    // Sends the headers, then the body one byte per `interval`: a server that is alive, but barely.
    void drip(const HttpResponse& response, std::chrono::milliseconds interval);
    // Closes the connection without a word.
    void hangUp();
    bool isDone() const { return m_done; }

private:
    friend class HttpConnection;
    explicit HttpExchange(HttpConnection* connection);
    QPointer<HttpConnection> m_connection;
    bool m_done = false;
};

// A small HTTP/1.1 server on 127.0.0.1: requests framed by HttpRequestParser (Content-Length and chunked
// bodies, Expect: 100-continue, pipelining answered in order, keep-alive and Connection: close), and
// bounded whatever clients do: a cap on connections, per-connection input and output limits, and
// deadlines for silent, slow and non-reading clients. Full control over how (and whether) each answer
// goes out, which Qt's QHttpServer 6.4 does not give.
class MiniHttpServer : public QObject {
    Q_OBJECT
public:
    using Handler = std::function<void(const HttpRequest&, const std::shared_ptr<HttpExchange>&)>;

    explicit MiniHttpServer(Handler handler, QObject* parent = nullptr);
    MiniHttpServer(Handler handler, const HttpServerLimits& limits, QObject* parent = nullptr);
    ~MiniHttpServer() override;

    // Port 0: any free port. Returns the port, or 0 when it cannot listen.
    quint16 listen(quint16 port);
    // The same on another address than 127.0.0.1.
    quint16 listen(const QHostAddress& address, quint16 port);
    // Stops listening and drops every open connection.
    void close();
    bool isListening() const;
    const HttpServerLimits& limits() const { return m_limits; }

    // What it holds now, for tests and diagnostics.
    // Open connections: those being served and the one the listener may hold back until there is room.
    int connectionCount() const;
    int peakConnectionCount() const { return m_peakConnections; }
    // Bytes held for all connections: unread input, requests being read, answers not sent yet.
    qsizetype bufferedBytes() const;
    // The most that any one connection has held.
    qsizetype peakConnectionBytes() const;
    // Connections that stopped reading because their client does not read its answers.
    int stalledConnectionCount() const;
    // Times accept() failed (out of descriptors, say); each pauses accepting for limits().acceptRetry.
    int acceptErrorCount() const { return m_acceptErrors; }

private:
    void takeConnections();
    void updateAccepting();
    void forget(HttpConnection* connection);

    Handler m_handler;
    HttpServerLimits m_limits;
    QTcpServer* m_listener;
    QList<HttpConnection*> m_connections;
    QTimer m_acceptRetry;
    int m_peakConnections = 0;
    qsizetype m_peakClosedBytes = 0;
    int m_acceptErrors = 0;
};

} // namespace lipa::sim
