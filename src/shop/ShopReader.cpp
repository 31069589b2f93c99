// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopReader.h"

#include "ShopConnection.h"
#include "ShopNotice.h"
#include "ShopSchema.h"

#include <QSqlQuery>
#include <QTimer>

#include <sys/socket.h>

namespace lipa {

void registerShopMetaTypes()
{
    qRegisterMetaType<ShopFilter>();
    qRegisterMetaType<ShopPayment>();
    qRegisterMetaType<QList<ShopPayment>>();
    qRegisterMetaType<PageKey>();
    qRegisterMetaType<std::optional<PageKey>>();
    qRegisterMetaType<TillTotals>();
    qRegisterMetaType<QList<TillTotals>>();
    qRegisterMetaType<CashierTotals>();
    qRegisterMetaType<QList<CashierTotals>>();
}

ShopReader::ShopReader(const ShopUrl& url, const QString& password, const QString& purpose, QObject* parent)
    : QObject(parent)
    , m_url(url)
    , m_password(password)
    , m_purpose(purpose)
{
}

ShopReader::~ShopReader() = default;

void ShopReader::abortConnection()
{
    const QMutexLocker lock(&m_socketLock);
    m_aborted = true;
    if (m_socket >= 0)
        ::shutdown(m_socket, SHUT_RDWR); // the waiting statement sees the connection end
}

void ShopReader::closeConnection()
{
    publishSocket(-1); // the descriptor's number may be reused by anything once it is closed
    m_connection->close();
}

void ShopReader::publishSocket(int socket)
{
    const QMutexLocker lock(&m_socketLock);
    m_socket = socket;
    if (m_aborted && socket >= 0)
        ::shutdown(socket, SHUT_RDWR);
}

bool ShopReader::ensureOpen(QString* error)
{
    if (m_connection && m_connection->isOpen())
        return true;
    if (!m_connection) {
        // Made here, in the reader's thread: the connection and its driver belong to the thread that makes
        // them.
        m_connection = std::make_unique<ShopConnection>(m_url, m_password, m_purpose);
        m_password.clear();
    }
    {
        const QMutexLocker lock(&m_socketLock);
        if (m_aborted) {
            *error = tr("The till is closing its connection to the shop database.");
            return false;
        }
    }
    if (!m_connection->open()) {
        *error = m_connection->error();
        return false;
    }
    publishSocket(m_connection->socketDescriptor());
    // Only a Lipa shop database of the version this till knows is read: anything else would answer with
    // SQL errors, or worse, with someone else's rows.
    const SchemaCheck check = ShopSchema::inspect(m_connection->db());
    if (check.kind != SchemaCheck::Kind::Ready) {
        *error = check.message;
        closeConnection();
        return false;
    }
    if (m_listening && !subscribe(error)) {
        closeConnection();
        return false;
    }
    return true;
}

bool ShopReader::isAlive()
{
    if (!m_connection->isOpen()) // the driver closes a connection it saw break
        return false;
    QSqlQuery probe(m_connection->db());
    return probe.exec(QStringLiteral("SELECT 1"));
}

template <typename Read>
bool ShopReader::withConnection(Read read, QString* error)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!ensureOpen(error))
            return false;
        if (read(m_connection->db(), error))
            return true;
        // A read that failed on a live connection is the answer. One that failed on a broken connection
        // (the server restarted since the last request) gets a new connection and one more try.
        if (isAlive())
            return false;
        closeConnection();
        setLive(false, *error);
    }
    return false;
}

void ShopReader::requestPage(quint64 requestId, const ShopFilter& filter, const std::optional<PageKey>& after,
                             int limit)
{
    QList<ShopPayment> rows;
    QString error;
    withConnection(
        [&](QSqlDatabase& db, QString* readError) {
            rows = ShopQuery::page(db, filter, after, limit, readError);
            return readError->isEmpty();
        },
        &error);
    Q_EMIT pageReady(requestId, rows, error);
}

void ShopReader::requestTotals(quint64 requestId, const QDate& localDay)
{
    ShopTotals totals;
    QString error;
    withConnection(
        [&](QSqlDatabase& db, QString* readError) {
            totals = ShopQuery::totalsOfDay(db, localDay, readError);
            return readError->isEmpty();
        },
        &error);
    Q_EMIT totalsReady(requestId, totals.tills, totals.cashiers, error);
}

void ShopReader::requestOpenPayments(quint64 requestId, const QDateTime& since, int limit)
{
    QList<ShopPayment> rows;
    QString error;
    const bool answered = withConnection(
        [&](QSqlDatabase& db, QString* readError) {
            rows = ShopQuery::openPayments(db, since, limit, readError);
            return readError->isEmpty();
        },
        &error);
    if (!answered)
        qCInfo(lcShop) << "Could not ask the shop database about other tills:" << error;
    Q_EMIT openPaymentsReady(requestId, rows, answered);
}

void ShopReader::listen()
{
    if (m_listening)
        return;
    m_listening = true;
    if (m_livenessInterval > std::chrono::milliseconds::zero()) {
        m_liveness = new QTimer(this);
        connect(m_liveness, &QTimer::timeout, this, &ShopReader::checkLiveness);
        m_liveness->start(m_livenessInterval);
    }
    QString error;
    const bool subscribed = m_connection && m_connection->isOpen()
                                ? subscribe(&error)
                                : ensureOpen(&error); // ensureOpen subscribes
    if (!subscribed) {
        if (m_connection)
            closeConnection();
        m_missed = true;
        qCInfo(lcShop) << "Live shop updates unavailable:" << error;
        Q_EMIT liveChanged(false, error); // not a change, but whoever listens must hear why
    }
}

bool ShopReader::subscribe(QString* error)
{
    QSqlDriver* driver = m_connection->db().driver();
    connect(driver, &QSqlDriver::notification, this, &ShopReader::onNotification, Qt::UniqueConnection);
    const QString channel = QString::fromLatin1(kChannel);
    // Closing the connection dropped the subscription (the driver forgets it); a reopened connection
    // subscribes again.
    if (!driver->subscribedToNotifications().contains(channel) && !driver->subscribeToNotification(channel)) {
        *error = driver->lastError().text();
        return false;
    }
    setLive(true, {});
    return true;
}

void ShopReader::checkLiveness()
{
    // A dead connection says nothing: the notifications simply stop. Asking is the only way to know.
    if (m_connection && m_connection->isOpen() && isAlive())
        return;
    if (m_connection)
        closeConnection();
    QString error;
    if (!ensureOpen(&error))
        setLive(false, error);
}

void ShopReader::setLive(bool live, const QString& reason)
{
    if (live == m_live || !m_listening)
        return;
    m_live = live;
    if (!live)
        qCInfo(lcShop) << "Live shop updates paused:" << reason;
    Q_EMIT liveChanged(live, reason);
    // What arrived while the connection was down was announced to nobody.
    if (live && m_missed)
        Q_EMIT changed(QString());
    m_missed = !live;
}

void ShopReader::onNotification(const QString& name, QSqlDriver::NotificationSource source,
                                const QVariant& payload)
{
    Q_UNUSED(source) // the reader never notifies: every notification is a till's
    if (name != QLatin1String(kChannel))
        return;
    const ShopNotice notice = ShopNotice::fromPayload(payload.toString());
    Q_EMIT changed(notice.tillId);
    Q_EMIT announced(notice.tillId, notice.openSales, notice.everything);
}

} // namespace lipa
