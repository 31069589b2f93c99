// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpRequestParser.h"
#include "MiniHttpServer.h"

#include <QObject>
#include <QTimer>

#include <chrono>

class QTcpSocket;

namespace lipa::sim {

// One client's connection to MiniHttpServer: reads its requests one at a time, hands each to the handler,
// writes the answers in order, and closes it when the client asked, sent something that is not HTTP,
// went quiet, is too slow, or does not read what it is sent. Reads from the socket only when the parser
// needs more and the client has taken its answers, so what it holds stays bounded.
class HttpConnection : public QObject {
    Q_OBJECT
public:
    // Takes the socket over (it becomes a child).
    HttpConnection(QTcpSocket* socket, const HttpServerLimits& limits, MiniHttpServer::Handler handler,
                   QObject* parent = nullptr);
    ~HttpConnection() override;

    // Bytes held now: unread input, the request being read, answers not sent yet.
    qsizetype bufferedBytes() const;
    qsizetype peakBufferedBytes() const { return m_peakBytes; }
    // Reading stopped because the client does not read its answers.
    bool isStalled() const { return m_waiting == Waiting::ClientReading; }
    // Drops the connection at once.
    void abort();

Q_SIGNALS:
    // The connection is over; it may be deleted (later).
    void closed();

private:
    friend class HttpExchange;
    // What the deadline is counting down for.
    enum class Waiting { Handler, Request, RequestEnd, ClientReading, Closing };

    void answer(const HttpResponse& response);
    void answerRawAndClose(const QByteArray& bytes);
    void drip(const HttpResponse& response, std::chrono::milliseconds interval);

    void pump();
    void schedulePump();
    void refuse(int status, const QByteArray& reason);
    // The head of an answer to the current request, with the Connection field it needs.
    QByteArray serializedAnswer(HttpResponse response) const;
    void finishExchange();
    void closeAfterWriting();
    void shutDownWriting();
    void rearm();
    void onBytesWritten();
    void onDeadline();
    void onDisconnected();
    void notePeak();

    QTcpSocket* m_socket;
    HttpServerLimits m_limits;
    MiniHttpServer::Handler m_handler;
    HttpRequestParser m_parser;
    QTimer m_deadline;
    Waiting m_waiting = Waiting::Handler;
    bool m_exchangeOpen = false;
    bool m_keepAlive = true;  // of the request being answered
    bool m_headOnly = false;  // it was a HEAD request: the answer goes without its body
    int m_minorVersion = 1;   // of the request being answered
    bool m_closing = false;   // no more requests: the last answer goes out, then the connection closes
    bool m_writeShut = false; // the server's side is closed; the client's input is read and dropped
    bool m_closed = false;
    bool m_inPump = false;
    bool m_pumpQueued = false;
    qsizetype m_peakBytes = 0;
};

} // namespace lipa::sim
