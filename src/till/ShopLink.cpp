// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopLink.h"

#include "Clock.h"
#include "Journal.h"
#include "ShopConnection.h"
#include "ShopWriter.h"

#include <QLocale>

namespace lipa {

ShopLink::ShopLink(Journal& journal, Clock& clock, QObject* parent)
    : QObject(parent)
    , m_journal(journal)
    , m_clock(clock)
    , m_writer(new ShopWriter)
{
    qRegisterMetaType<OutboxBatch>();
    m_thread.setObjectName(QStringLiteral("shop writer"));
    m_writer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    connect(m_writer, &ShopWriter::connected, this, &ShopLink::onConnected);
    connect(m_writer, &ShopWriter::applied, this, &ShopLink::onApplied);
    connect(m_writer, &ShopWriter::offline, this, &ShopLink::onOffline);
    connect(m_writer, &ShopWriter::refused, this, &ShopLink::onRefused);
    m_kick.setSingleShot(true);
    // A few milliseconds, not the next turn: a charge's journal write comes right before its request to
    // IntaSend, and reading the outbox then put a millisecond between Enter and the wire.
    m_kick.setInterval(kLookAfterWrite);
    connect(&m_kick, &QTimer::timeout, this, &ShopLink::sendNext);
    m_journal.setOnWrite([this] { journalWritten(); });
    m_thread.start();
}

ShopLink::~ShopLink()
{
    m_journal.setOnWrite({});
    // A statement blocked on a server that hangs (but whose kernel still answers) would hold the writer's
    // thread, and so this destructor, for as long as the server likes: cut it short first.
    m_writer->abortConnection();
    QMetaObject::invokeMethod(m_writer, &ShopWriter::stop, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void ShopLink::start(const ShopUrl& url, const QString& password, const TillIdentity& till)
{
    m_tillId = till.id.toString(QUuid::WithoutBraces);
    const std::optional<qint64> localLast = m_journal.outbox().lastSeq();
    if (!localLast) {
        // Not 0 for a journal that could not be read: the database would seem to have more of this till
        // than its journal, and the till would be refused as a copy.
        QTimer::singleShot(kRetryAfterReadFailure, this,
                           [this, url, password, till] { start(url, password, till); });
        return;
    }
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, url, password, till, last = *localLast] {
        writer->start(url, password, till, last);
    });
}

void ShopLink::setBackoff(std::chrono::milliseconds first, std::chrono::milliseconds max)
{
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, first, max] { writer->setBackoff(first, max); });
}

void ShopLink::setIdentityGrace(std::chrono::milliseconds grace)
{
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, grace] { writer->setIdentityGrace(grace); });
}

std::optional<qint64> ShopLink::toSend() const
{
    if (!m_everConnected)
        return std::nullopt;
    return std::max<qint64>(0, m_journal.outbox().lastSeq().value_or(m_acknowledged) - m_acknowledged);
}

QString ShopLink::statusText() const
{
    switch (m_status) {
    case Status::Connecting:
        return tr("Shop: connecting…");
    case Status::InSync:
        return tr("Shop: in sync");
    case Status::Sending:
        return tr("Shop: %n to send", nullptr, static_cast<int>(toSend().value_or(0)));
    case Status::Offline: {
        // The time alone on the day it began; with the date after midnight ("since 23 Nov 14:02").
        const QDateTime since = m_offlineSince.toLocalTime();
        const bool today = since.date() == m_clock.now().toLocalTime().date();
        return tr("Shop: offline since %1")
            .arg(QLocale().toString(since, today ? QStringLiteral("HH:mm") : QStringLiteral("d MMM HH:mm")));
    }
    case Status::Refused:
        return tr("Shop: not connected");
    }
    return {};
}

void ShopLink::journalWritten()
{
    // Called in the middle of the writer's transaction: look once it is done, on the next turn.
    if (m_connected && !m_kick.isActive())
        m_kick.start();
}

void ShopLink::sendNext()
{
    if (!m_connected || m_inFlightTo != 0)
        return;
    const std::optional<OutboxBatch> batch = m_journal.outbox().after(m_acknowledged, kBatchSize);
    if (!batch) { // the journal could not be read (busy, a disk hiccup): look again soon
        QTimer::singleShot(kRetryAfterReadFailure, this, &ShopLink::sendNext);
        return;
    }
    if (batch->isEmpty()) {
        setStatus(Status::InSync);
        return;
    }
    m_inFlightTo = batch->lastSeq;
    setStatus(Status::Sending);
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, b = *batch] { writer->apply(b); });
}

void ShopLink::onConnected(qint64 serverLastSeq, const QString& serverLastToken)
{
    if (m_status == Status::Refused)
        return;
    if (serverLastSeq > 0 && !serverLastToken.isEmpty()) {
        const std::optional<QString> ours = m_journal.outbox().tokenAt(serverLastSeq);
        if (!ours) { // the journal could not be read: look again soon, sending nothing meanwhile
            m_connected = false;
            QTimer::singleShot(kRetryAfterReadFailure, this, [this, serverLastSeq, serverLastToken] {
                onConnected(serverLastSeq, serverLastToken);
            });
            return;
        }
        if (*ours != serverLastToken) {
            // The database has this till's journal up to a change this journal does not have (or has
            // differently): a copy of its data folder went its own way, on this computer or the other.
            // Sending on would mix two journals under one identity and skip what this one holds there.
            QMetaObject::invokeMethod(m_writer, &ShopWriter::stop, Qt::QueuedConnection);
            qCWarning(lcShop) << "the shop database's token of change" << serverLastSeq << "is"
                              << serverLastToken << "; this journal's is" << *ours << ": refused as a copy";
            onRefused(
                tr("The shop database has this till's journal up to change %1, and this till's journal "
                   "has a different change %1 (till/id %2): was this till's data folder copied and used "
                   "on two computers, or its journal replaced by an older copy? Replication stopped; "
                   "give this till a new identity.")
                    .arg(serverLastSeq)
                    .arg(m_tillId));
            return;
        }
    }
    m_connected = true;
    m_everConnected = true;
    m_acknowledged = serverLastSeq;
    m_inFlightTo = 0;
    m_offlineSince = {};
    m_reason.clear();
    sendNext();
    if (m_inFlightTo == 0 && m_status != Status::InSync)
        setStatus(Status::InSync);
}

void ShopLink::onApplied(qint64 lastSeq)
{
    if (lastSeq != m_inFlightTo) // an answer from before a reconnect: the connect said where we are
        return;
    m_acknowledged = std::max(m_acknowledged, lastSeq);
    m_inFlightTo = 0;
    sendNext();
    if (m_status == Status::Sending)
        Q_EMIT statusChanged(); // fewer to send
}

void ShopLink::onOffline(const QString& reason)
{
    if (m_status == Status::Refused)
        return; // the writer's stop() is on its way: a refusal is not undone by what it said meanwhile
    m_connected = false;
    m_inFlightTo = 0;
    m_reason = reason;
    if (!m_offlineSince.isValid())
        m_offlineSince = m_clock.now();
    setStatus(Status::Offline);
}

void ShopLink::onRefused(const QString& reason)
{
    m_connected = false;
    m_inFlightTo = 0;
    m_reason = reason;
    setStatus(Status::Refused);
    Q_EMIT refused(reason);
}

void ShopLink::setStatus(Status status)
{
    if (status == m_status && status != Status::Offline)
        return;
    m_status = status;
    Q_EMIT statusChanged();
}

} // namespace lipa
