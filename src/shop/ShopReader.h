// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopQuery.h"
#include "ShopUrl.h"

#include <QMutex>
#include <QObject>
#include <QSqlDriver>

#include <memory>

class QTimer;

namespace lipa {

class ShopConnection;

// Reads the shop database for a window or a question, on a thread of its own (move it there; its
// connection is made there, on the first request, and closed there when it is destroyed), so nobody on
// the GUI thread waits for the server. Requests are queued slots, answered by signals carrying the
// request's id. A connection that broke is made again for the next request; a read that found it broken
// is tried once more on the new one.
class ShopReader : public QObject {
    Q_OBJECT
public:
    // The channel the shop database announces every applied batch on (payload: a ShopNotice).
    static constexpr const char* kChannel = "lipa_shop";

    // purpose names the connection ("view", "guard"). Nothing connects until the first request.
    ShopReader(const ShopUrl& url, const QString& password, const QString& purpose,
               QObject* parent = nullptr);
    // Closes the connection: destroy it in its thread (the owner deletes it when the thread finishes).
    ~ShopReader() override;
    // Ends the connection's socket at once, from any thread: a request blocked on a server that hangs
    // (whose kernel still answers, so that no keepalive ends it) returns, and no new one is made. For
    // the owner's destructor, before it waits for this reader's thread.
    void abortConnection();

    // How often a listening reader checks that its connection still lives (a notification never comes
    // over a dead one) and, when it does not, tries to connect again. Tests shorten it (before listen()).
    // Zero: no check of its own (the guard's reads, made at every sale, find a dead connection instead).
    void setLivenessInterval(std::chrono::milliseconds interval) { m_livenessInterval = interval; }

public Q_SLOTS:
    void requestPage(quint64 requestId, const lipa::ShopFilter& filter,
                     const std::optional<lipa::PageKey>& after, int limit);
    void requestTotals(quint64 requestId, const QDate& localDay);
    // Every till's payments that may still charge a customer, created since `since` (ShopQuery::
    // openPayments): the duplicate guard's snapshot. answered=false when the database could not be asked.
    void requestOpenPayments(quint64 requestId, const QDateTime& since, int limit);
    // Subscribes to the shop's notifications (LISTEN lipa_shop) and keeps subscribed across reconnects.
    void listen();

Q_SIGNALS:
    void pageReady(quint64 requestId, const QList<lipa::ShopPayment>& rows, const QString& error);
    void totalsReady(quint64 requestId, const QList<lipa::TillTotals>& tills,
                     const QList<lipa::CashierTotals>& cashiers, const QString& error);
    // answered: the database was asked and said; rows are then its answer.
    void openPaymentsReady(quint64 requestId, const QList<lipa::ShopPayment>& rows, bool answered);
    // A till's batch arrived (tillId), or, with an empty id, anything may have changed: the connection was
    // made again and notifications may have been missed.
    void changed(const QString& tillId);
    // A till's batch arrived, with the sales in it that may still charge a customer (ShopNotice keys), or
    // everything=true when they are not listed. Sent right after changed(tillId).
    void announced(const QString& tillId, const QStringList& openSales, bool everything);
    // Whether notifications can arrive (listening on a live connection); reason says why not.
    void liveChanged(bool live, const QString& reason);

private:
    void publishSocket(int socket);
    void closeConnection();
    bool ensureOpen(QString* error);
    // Runs read on the connection; reconnects and runs it once more when the connection turns out broken.
    template <typename Read>
    bool withConnection(Read read, QString* error);
    bool isAlive();
    bool subscribe(QString* error);
    void checkLiveness();
    void setLive(bool live, const QString& reason);
    void onNotification(const QString& name, QSqlDriver::NotificationSource source, const QVariant& payload);

    ShopUrl m_url;
    QString m_password; // until the connection is made; then only the connection holds it
    QString m_purpose;
    std::unique_ptr<ShopConnection> m_connection;
    bool m_listening = false;
    bool m_live = false;
    bool m_missed = false; // listening failed since the last live moment: notifications may have been missed
    QTimer* m_liveness = nullptr; // made in listen(), in this object's thread
    std::chrono::milliseconds m_livenessInterval{10000};
    QMutex m_socketLock; // m_socket and m_aborted are shared with abortConnection()'s thread
    int m_socket = -1;
    bool m_aborted = false;
};

// Makes the shop's value types known to Qt's meta-type system (queued connections, QSignalSpy, QVariant).
void registerShopMetaTypes();

} // namespace lipa
