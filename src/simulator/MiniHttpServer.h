// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTcpServer>

#include <chrono>
#include <functional>
#include <memory>

class QTcpSocket;

namespace lipa::sim {

struct HttpRequest {
    QByteArray method;
    QByteArray path;                       // without the query
    QByteArray query;                      // after the '?', still percent-encoded
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;

    QByteArray header(const QByteArray& lowerCaseName) const { return headers.value(lowerCaseName); }
};

// A chunked request body (RFC 9112 §7.1) read from data at from: the body once complete, and where the
// request ends.
struct ChunkedBody {
    enum class Status { Incomplete, Malformed, Complete };
    Status status = Status::Incomplete;
    QByteArray body;
    qsizetype end = 0; // Complete: the index just past the request
};
ChunkedBody decodeChunked(const QByteArray& data, qsizetype from, qsizetype maxBody);

struct HttpResponse {
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<QPair<QByteArray, QByteArray>> extraHeaders;

    // The whole message as it goes on the wire.
    QByteArray serialized() const;
};

// One request waiting for its answer. The simulator may answer at once, later, badly or never; the
// connection takes its next request only after this one is answered.
class HttpExchange {
public:
    explicit HttpExchange(QTcpSocket* socket);
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
    friend class MiniHttpServer;
    QPointer<QTcpSocket> m_socket;
    std::function<void()> m_next; // lets the connection read its next request
    bool m_done = false;
    void finish();
};

// A small HTTP/1.1 server on 127.0.0.1, with keep-alive and Content-Length bodies: just what a stand-in
// for IntaSend needs, and full control over how (and whether) each answer goes out, which Qt's
// QHttpServer 6.4 does not give.
class MiniHttpServer : public QObject {
    Q_OBJECT
public:
    using Handler = std::function<void(const HttpRequest&, const std::shared_ptr<HttpExchange>&)>;

    explicit MiniHttpServer(Handler handler, QObject* parent = nullptr);

    // Port 0: any free port. Returns the port, or 0 when it cannot listen.
    quint16 listen(quint16 port);
    // Stops listening and drops every open connection.
    void close();
    bool isListening() const { return m_server.isListening(); }

private:
    void serveNext(QTcpSocket* socket, class ConnectionBuffer* buffer);

    Handler m_handler;
    QTcpServer m_server;
    QList<QPointer<QTcpSocket>> m_connections;
};

} // namespace lipa::sim
