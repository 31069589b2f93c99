// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopFeed.h"
#include "ShopUrl.h"

#include <QDateTime>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <optional>

namespace lipa {

class Clock;
class Journal;
class ShopWriter;

// Copies this till's journal to the shop database, in order, while the till goes on taking payments.
//
// The journal's outbox numbers every change; the shop database remembers up to which number it has this
// till's journal. On connecting, the link asks it, then sends the rest in batches, one at a time, each
// applied in one transaction on the writer's own thread and connection. A batch the server applied but
// whose answer was lost is sent again after the reconnect and changes nothing (idempotent keys). The
// till never waits for any of it: reading a batch is a few indexed reads of the journal, and everything
// that talks to PostgreSQL runs on the writer's thread.
class ShopLink : public QObject {
    Q_OBJECT
public:
    enum class Status { Connecting, InSync, Sending, Offline, Refused };
    static constexpr int kBatchSize = 500;
    static constexpr std::chrono::seconds kRetryAfterReadFailure{1};
    static constexpr std::chrono::milliseconds kLookAfterWrite{20};

    ShopLink(Journal& journal, Clock& clock, QObject* parent = nullptr);
    // Stops the writer and waits for its thread (the connection is closed there).
    ~ShopLink() override;

    void start(const ShopUrl& url, const QString& password, const TillIdentity& till);
    // The writer's reconnect backoff (tests shorten it).
    void setBackoff(std::chrono::milliseconds first, std::chrono::milliseconds max);
    // How long another running till may hold this till's identity before the link gives up (tests).
    void setIdentityGrace(std::chrono::milliseconds grace);

    Status status() const { return m_status; }
    // Changes not yet in the shop database; nullopt until the database said what it has.
    std::optional<qint64> toSend() const;
    QDateTime offlineSince() const { return m_offlineSince; }
    QString reason() const { return m_reason; }
    // The status bar's words: "Shop: in sync", "Shop: 12 to send", "Shop: offline since 14:02".
    QString statusText() const;
    // Up to where the shop database has this till's journal (the outbox's numbering).
    qint64 acknowledged() const { return m_acknowledged; }

Q_SIGNALS:
    void statusChanged();
    // Once per refusal (a database that is not a Lipa shop's, a newer schema, a second till with this
    // till's identity): the reason, for the cashier's messages.
    void refused(const QString& reason);

private:
    void journalWritten();
    void sendNext();
    void onConnected(qint64 serverLastSeq, const QString& serverLastToken);
    void onApplied(qint64 lastSeq);
    void onOffline(const QString& reason);
    void onRefused(const QString& reason);
    void setStatus(Status status);

    Journal& m_journal;
    Clock& m_clock;
    QThread m_thread;
    ShopWriter* m_writer; // lives on m_thread; deleted there when it finishes
    QTimer m_kick;        // coalesces the writes of one transaction (and of one burst) into one look
    Status m_status = Status::Connecting;
    bool m_connected = false;
    bool m_everConnected = false;
    qint64 m_acknowledged = 0;
    qint64 m_inFlightTo = 0; // the batch the writer has, 0 when none
    QDateTime m_offlineSince;
    QString m_reason;
    QString m_tillId; // as the messages name it
};

} // namespace lipa
