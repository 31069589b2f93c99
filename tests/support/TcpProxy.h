// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>

#include <chrono>

namespace lipa::test {

// A loopback TCP proxy that a test controls: it listens on 127.0.0.1 and forwards each connection to a
// target, and can cut the line, slow it down or stop answering — the network faults between a till and
// its shop database. Event-driven in the thread that owns it, so the client it serves must not block that
// thread (a QSqlDatabase client belongs on a thread of its own).
class TcpProxy : public QObject {
    Q_OBJECT
public:
    explicit TcpProxy(QObject* parent = nullptr);
    ~TcpProxy() override;

    // Listens on a free port of 127.0.0.1 and forwards to targetHost:targetPort; false (errorString())
    // if it cannot listen.
    bool listen(const QString& targetHost, quint16 targetPort);
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }

    // Closes every open connection and, until restore(), closes each new one as soon as it is accepted.
    void cut();
    void restore();
    bool isCut() const { return m_cut; }
    // Holds every chunk this long before passing it on, in both directions; order is kept. Applies to
    // chunks that arrive from now on.
    void setDelay(std::chrono::milliseconds delay) { m_delay = delay; }
    // While hung, connections are accepted and read but nothing is passed on, closes included: a server
    // that does not answer. Unhanging passes on what was held, in order.
    void hang(bool hung);
    bool isHung() const { return m_hung; }
    // Connections open through the proxy now.
    int connectionCount() const { return int(m_links.size()); }

private:
    class Link;
    void accept();
    void forget(Link* link);

    QTcpServer m_server;
    QString m_targetHost;
    quint16 m_targetPort = 0;
    bool m_cut = false;
    bool m_hung = false;
    std::chrono::milliseconds m_delay{0};
    QList<Link*> m_links;
};

} // namespace lipa::test
