// SPDX-License-Identifier: GPL-3.0-or-later
#include "TcpProxy.h"

#include <QDeadlineTimer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <deque>
#include <utility>

namespace lipa::test {

// One client connection and its connection to the target: two pipes, each a queue of chunks that leave
// when their delay is up.
class TcpProxy::Link : public QObject {
public:
    Link(TcpProxy& proxy, QTcpSocket* client);
    void open();
    // Closes both sides at once and goes, without a word to the proxy.
    void drop();
    void pumpAll()
    {
        pump(m_toTarget);
        pump(m_toClient);
    }

private:
    struct Chunk {
        QDeadlineTimer due;
        QByteArray data;
    };
    struct Pipe {
        QTcpSocket* from = nullptr;
        QTcpSocket* to = nullptr;
        std::deque<Chunk> queue;
        QTimer timer;
        bool sourceClosed = false;
    };

    void watch(Pipe& pipe);
    void receive(Pipe& pipe);
    void pump(Pipe& pipe);
    void finishIfDone();

    TcpProxy& m_proxy;
    QTcpSocket* m_client;
    QTcpSocket* m_target;
    Pipe m_toTarget;
    Pipe m_toClient;
    bool m_done = false;
};

TcpProxy::Link::Link(TcpProxy& proxy, QTcpSocket* client)
    : QObject(&proxy)
    , m_proxy(proxy)
    , m_client(client)
    , m_target(new QTcpSocket(this))
{
    m_client->setParent(this);
    m_toTarget.from = m_client;
    m_toTarget.to = m_target;
    m_toClient.from = m_target;
    m_toClient.to = m_client;
    watch(m_toTarget);
    watch(m_toClient);
    // What the client sent before the target answered waits in the queue until then.
    connect(m_target, &QTcpSocket::connected, this, [this] { pump(m_toTarget); });
}

void TcpProxy::Link::open()
{
    m_target->connectToHost(m_proxy.m_targetHost, m_proxy.m_targetPort);
}

void TcpProxy::Link::watch(Pipe& pipe)
{
    pipe.timer.setSingleShot(true);
    pipe.timer.setTimerType(Qt::PreciseTimer);
    connect(&pipe.timer, &QTimer::timeout, this, [this, &pipe] { pump(pipe); });
    connect(pipe.from, &QTcpSocket::readyRead, this, [this, &pipe] { receive(pipe); });
    // Also for a target that never answered, which sends no disconnected().
    connect(pipe.from, &QAbstractSocket::stateChanged, this,
            [this, &pipe](QAbstractSocket::SocketState state) {
                if (state != QAbstractSocket::UnconnectedState || pipe.sourceClosed)
                    return;
                receive(pipe);
                pipe.sourceClosed = true;
                pump(pipe);
            });
}

void TcpProxy::Link::receive(Pipe& pipe)
{
    QByteArray data = pipe.from->readAll();
    if (data.isEmpty())
        return;
    pipe.queue.push_back({QDeadlineTimer(m_proxy.m_delay, Qt::PreciseTimer), std::move(data)});
    pump(pipe);
}

void TcpProxy::Link::pump(Pipe& pipe)
{
    if (m_done || m_proxy.m_hung)
        return;
    const QAbstractSocket::SocketState state = pipe.to->state();
    if (state == QAbstractSocket::ConnectedState) {
        while (!pipe.queue.empty() && pipe.queue.front().due.hasExpired()) {
            pipe.to->write(pipe.queue.front().data);
            pipe.queue.pop_front();
        }
        if (!pipe.queue.empty()) {
            pipe.timer.start(int(std::max<qint64>(0, pipe.queue.front().due.remainingTime())));
            return;
        }
    } else if (state == QAbstractSocket::UnconnectedState) {
        pipe.queue.clear(); // nobody left to take it
    }
    // Still connecting, what waits goes on connected().
    if (pipe.queue.empty() && pipe.sourceClosed && pipe.to->state() != QAbstractSocket::UnconnectedState)
        pipe.to->disconnectFromHost(); // after what is written has gone
    finishIfDone();
}

void TcpProxy::Link::finishIfDone()
{
    if (m_done || m_client->state() != QAbstractSocket::UnconnectedState ||
        m_target->state() != QAbstractSocket::UnconnectedState)
        return;
    m_done = true;
    m_proxy.forget(this);
    deleteLater();
}

void TcpProxy::Link::drop()
{
    m_done = true;
    disconnect(m_client, nullptr, this, nullptr);
    disconnect(m_target, nullptr, this, nullptr);
    m_toTarget.timer.stop();
    m_toClient.timer.stop();
    m_client->abort();
    m_target->abort();
    deleteLater();
}

TcpProxy::TcpProxy(QObject* parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpProxy::accept);
}

TcpProxy::~TcpProxy()
{
    for (Link* link : std::as_const(m_links))
        link->drop();
}

bool TcpProxy::listen(const QString& targetHost, quint16 targetPort)
{
    m_targetHost = targetHost;
    m_targetPort = targetPort;
    return m_server.isListening() || m_server.listen(QHostAddress::LocalHost, 0);
}

void TcpProxy::cut()
{
    m_cut = true;
    const QList<Link*> links = std::exchange(m_links, {});
    for (Link* link : links)
        link->drop();
}

void TcpProxy::restore()
{
    m_cut = false;
}

void TcpProxy::hang(bool hung)
{
    m_hung = hung;
    if (hung)
        return;
    // A link may finish (and leave m_links) while it catches up.
    const QList<Link*> links = m_links;
    for (Link* link : links)
        link->pumpAll();
}

void TcpProxy::accept()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        if (m_cut) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto* link = new Link(*this, socket);
        m_links.append(link);
        link->open();
    }
}

void TcpProxy::forget(Link* link)
{
    m_links.removeOne(link);
}

} // namespace lipa::test
