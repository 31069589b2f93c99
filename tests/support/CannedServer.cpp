// SPDX-License-Identifier: GPL-3.0-or-later
#include "CannedServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <memory>

namespace lipa::test {

CannedServer::CannedServer()
{
    if (!m_server.listen(QHostAddress::LocalHost))
        qFatal("CannedServer could not listen");
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                buffer->append(socket->readAll());
                serve(socket, *buffer);
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

QString CannedServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port());
}

void CannedServer::on(const QByteArray& pathPart, Reply reply)
{
    m_rules.append({pathPart, std::move(reply)});
}

int CannedServer::requestCount(const QByteArray& pathPart) const
{
    int count = 0;
    for (const QByteArray& request : m_requests)
        count += request.left(request.indexOf('\n')).contains(pathPart) ? 1 : 0;
    return count;
}

void CannedServer::serve(QTcpSocket* socket, QByteArray& buffer)
{
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray& line : buffer.left(headerEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + length)
            return;
        const QByteArray requestLine = buffer.left(buffer.indexOf("\r\n"));
        const QByteArray path = requestLine.split(' ').value(1);
        const QByteArray body = buffer.mid(headerEnd + 4, length);
        const QByteArray whole = buffer.left(headerEnd + 4 + length);
        buffer.remove(0, headerEnd + 4 + length);
        m_requests.append(requestLine.split(' ').value(0) + ' ' + path + '\n' + body);

        Reply reply{Behaviour::Answer, 404, R"({"detail":"Not found."})"};
        for (const auto& [pathPart, rule] : std::as_const(m_rules)) {
            if (path.contains(pathPart))
                reply = rule;
        }
        if (reply.behaviour == Behaviour::HangUp) {
            socket->disconnectFromHost();
            return;
        }
        if (reply.behaviour == Behaviour::Silent)
            continue;
        if (reply.behaviour == Behaviour::Echo)
            reply.body += whole;
        if (reply.behaviour == Behaviour::EchoAsJson)
            reply.body =
                QJsonDocument(QJsonObject{{QStringLiteral("detail"), QString::fromUtf8(reply.body + whole)}})
                    .toJson(QJsonDocument::Compact);
        socket->write(
            "HTTP/1.1 " + QByteArray::number(reply.status) +
            " Canned\r\nContent-Type: application/json\r\nConnection: keep-alive\r\nContent-Length: " +
            QByteArray::number(reply.body.size()) + "\r\n\r\n" + reply.body);
    }
}

} // namespace lipa::test
