// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopFeed.h"
#include "ShopUrl.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <memory>

class QSqlError;

namespace lipa {

class ShopConnection;
struct ShopNotice;

// Copies this till's journal into the shop database: one OutboxBatch at a time, each in one transaction,
// idempotently (keys are the till's id with the journal's numbers). It lives on a thread of its own (the
// owner moves it there) with a connection of its own, never touches the journal, and blocks nobody but
// its thread: batches come in through queued calls, answers go out as signals.
//
// The conversation: start() → connected(n, token), the server has this till's journal up to n → the owner
// sends the batch after n → applied(last) → the next batch … A batch that does not follow what the server has
// is not applied; connected(n) is sent again instead (send from n). When the server or the network fails:
// offline(reason), batches that arrive meanwhile are dropped, and it reconnects with backoff until
// connected(n) comes again. refused(reason) ends it for good: a database that is not a Lipa shop's or is
// newer than this till, or this till's identity in use by another till.
//
// While connected with nothing to do it does nothing: no timer, no query.
class ShopWriter : public QObject {
    Q_OBJECT
public:
    explicit ShopWriter(QObject* parent = nullptr);
    // Closes the connection; call stop() on the writer's thread first (QSqlDatabase's one-thread rule).
    ~ShopWriter() override;

    // The reconnect delays: first, doubling up to max (1 s … 30 s). A refused password, an unknown user
    // or database wait max at once: someone has to change a setting first.
    void setBackoff(std::chrono::milliseconds first, std::chrono::milliseconds max);
    // How long another session may hold this till's identity before the writer gives up (20 s). The server
    // drops the session of a till that vanished within ~15 s (ShopConnection's keepalives); a session that
    // stays longer belongs to a till that runs.
    void setIdentityGrace(std::chrono::milliseconds grace);

    // Any thread: ends the connection under a statement that waits for a server which stopped answering
    // (a hung server's kernel still acknowledges, so no timeout notices), and every connection made after
    // it until the next start(). For the owner, right before it queues stop() behind that statement.
    void abortConnection();

    // Connects and keeps connecting. localLastSeq: the newest outbox number in this till's journal; a
    // server that has more of "this" till than that is refused. The password stays in the connection.
    Q_INVOKABLE void start(lipa::ShopUrl url, QString password, lipa::TillIdentity till, qint64 localLastSeq);

public Q_SLOTS:
    // Writes one batch, in order (see above), then applied(batch.lastSeq). A batch the server already has
    // changes nothing and is answered at once.
    void apply(lipa::OutboxBatch batch);
    // Closes the connection (ending the claim on the till's identity) and stops retrying.
    void stop();

Q_SIGNALS:
    // serverLastToken: the token of the outbox item at serverLastSeq as the database has it (empty when it
    // has none, or has it from a till of before the tokens); the owner compares it with its journal's.
    void connected(qint64 serverLastSeq, const QString& serverLastToken);
    void applied(qint64 lastSeq);
    void offline(const QString& reason);
    void refused(const QString& reason);

private:
    enum class State { Stopped, Waiting, Connected, Refused };
    enum class Backoff { Next, Longest };
    struct Statements;

    void connectNow();
    bool claimIdentity();
    bool prepareStatements();
    bool registerTill(qint64* serverLastSeq, QString* serverLastToken);
    bool write(const OutboxBatch& batch);
    // What the batch's commit announces to the other tills.
    ShopNotice noticeOf(const OutboxBatch& batch) const;

    void retryLater(const QString& reason, Backoff backoff = Backoff::Next);
    void retryAfter(const QSqlError& error, const char* what);
    void refuse(const QString& reason);
    void closeConnection();
    // Tells abortConnection() which socket to end (-1: none), before the connection closes it.
    void publishSocket(int socket);

    State m_state = State::Stopped;
    ShopUrl m_url;
    TillIdentity m_till;
    QString m_tillId; // as PostgreSQL writes a uuid
    qint64 m_localLastSeq = 0;
    qint64 m_serverLastSeq = 0;
    QString m_serverLastToken;
    std::unique_ptr<ShopConnection> m_connection;
    std::unique_ptr<Statements> m_statements; // prepared on m_connection; inert once it closes
    QTimer m_retry;
    std::chrono::milliseconds m_firstDelay{1000};
    std::chrono::milliseconds m_maxDelay{30000};
    std::chrono::milliseconds m_nextDelay{1000};
    std::chrono::milliseconds m_identityGrace{20000};
    QElapsedTimer m_identityConflictSince;
    qint64 m_ownBackendPid = 0; // the server process of this writer's last session
    QString m_lastReason;       // logged once, not at every retry

    QMutex m_socketLock; // m_socket and m_aborted are shared with abortConnection()'s thread
    int m_socket = -1;
    bool m_aborted = false;
};

} // namespace lipa
