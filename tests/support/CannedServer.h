// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpServer>

namespace lipa::test {

// A tiny HTTP/1.1 server on 127.0.0.1 that answers each request with whatever the test set, or not at
// all: for answers the simulator would never give (wrong references, early final states, hang-ups).
class CannedServer : public QObject {
    Q_OBJECT
public:
    // Echo: answers with the body set, followed by the whole request as it arrived (headers included), as
    // a debug page or a misconfigured proxy would; EchoAsJson: the same as IntaSend's error body
    // ({"detail": "…"}), so that it reaches the message the cashier reads.
    enum class Behaviour { Answer, HangUp, Silent, Echo, EchoAsJson };
    struct Reply {
        Behaviour behaviour = Behaviour::Answer;
        int status = 200;
        QByteArray body;
    };

    CannedServer();
    quint16 port() const { return m_server.serverPort(); }
    QString baseUrl() const;

    // Replies for requests whose path contains `pathPart`; the last matching rule wins.
    void on(const QByteArray& pathPart, Reply reply);
    // The same, for the usual case: a 200 answer with this JSON body.
    void answer(const QByteArray& pathPart, const QByteArray& json)
    {
        on(pathPart, {Behaviour::Answer, 200, json});
    }
    // Every complete request received: "POST /path\n<body>".
    const QList<QByteArray>& requests() const { return m_requests; }
    int requestCount(const QByteArray& pathPart) const;

private:
    void serve(class QTcpSocket* socket, QByteArray& buffer);

    QTcpServer m_server;
    QList<QPair<QByteArray, Reply>> m_rules;
    QList<QByteArray> m_requests;
};

} // namespace lipa::test
