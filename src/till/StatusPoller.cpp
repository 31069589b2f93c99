// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusPoller.h"

#include <QStringList>

#include <optional>

namespace lipa {

using std::chrono::milliseconds;

namespace {
// At most this many checks start in one go; the rest follow on the next turn of the event loop, so a
// thousand payments falling due together never freeze the window (measured: 34 ms → see bench).
constexpr qsizetype kChecksPerTick = 16;
} // namespace

StatusPoller::StatusPoller(Clock& clock, PollSchedule schedule, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_schedule(schedule)
    , m_alarm(clock.createAlarm())
{
    connect(m_alarm.get(), &Alarm::fired, this, &StatusPoller::onAlarm);
}

StatusPoller::~StatusPoller() = default;

void StatusPoller::watch(const QString& localRef, const QDateTime& createdAt)
{
    watch(localRef, createdAt, m_schedule.expiry);
}

void StatusPoller::watch(const QString& localRef, const QDateTime& createdAt, milliseconds lifetime)
{
    if (m_entries.contains(localRef))
        return; // already watched: a second entry could put two checks in flight
    // The payment's age comes from wall time (it may have been created by an earlier run); from here
    // on only monotonic time counts.
    const milliseconds age{std::clamp<qint64>(createdAt.msecsTo(m_clock.now()), 0, lifetime.count())};
    const milliseconds now = m_clock.monotonic();
    Entry entry;
    entry.expiresAt = now + lifetime - age;
    entry.interval = m_schedule.firstCheck;
    entry.nextCheck = std::max(now + m_schedule.firstCheck, m_holdUntil);
    m_entries.insert(localRef, entry);
    reschedule();
}

void StatusPoller::unwatch(const QString& localRef)
{
    if (m_entries.remove(localRef) > 0)
        reschedule();
}

void StatusPoller::checkFinished(const QString& localRef, milliseconds notBefore)
{
    const auto it = m_entries.find(localRef);
    if (it == m_entries.end())
        return;
    const auto grown =
        milliseconds(static_cast<qint64>(static_cast<double>(it->interval.count()) * m_schedule.backoff));
    it->interval = std::min(grown, m_schedule.maxInterval);
    it->inFlight = false;
    it->nextCheck = std::max(m_clock.monotonic() + std::max(it->interval, notBefore), m_holdUntil);
    reschedule();
}

void StatusPoller::holdAll(milliseconds until)
{
    for (Entry& entry : m_entries)
        entry.nextCheck = std::max(entry.nextCheck, until);
    // Checks in flight now come back with their own notBefore; checkFinished keeps to the hold as well.
    m_holdUntil = std::max(m_holdUntil, until);
    reschedule();
}

void StatusPoller::checkSoon(const QString& localRef)
{
    const auto it = m_entries.find(localRef);
    if (it == m_entries.end() || it->inFlight)
        return;
    it->nextCheck = std::max(m_clock.monotonic(), m_holdUntil); // not even the cashier jumps IntaSend's wait
    reschedule();
}

bool StatusPoller::isInFlight(const QString& localRef) const
{
    const auto it = m_entries.constFind(localRef);
    return it != m_entries.cend() && it->inFlight;
}

bool StatusPoller::isAlarmSet() const
{
    return m_alarm->isActive();
}

void StatusPoller::onAlarm()
{
    const milliseconds now = m_clock.monotonic();
    QStringList due;
    QStringList expired;
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->inFlight)
            continue; // its answer decides; expiry waits for it
        if (now >= it->expiresAt) {
            expired.append(it.key());
        } else if (now >= it->nextCheck && due.size() < kChecksPerTick) {
            it->inFlight = true;
            due.append(it.key());
        }
    }
    for (const QString& ref : std::as_const(expired))
        m_entries.remove(ref);
    reschedule();
    // Signals last: a receiver may call back into the poller.
    for (const QString& ref : std::as_const(expired))
        Q_EMIT this->expired(ref);
    for (const QString& ref : std::as_const(due))
        Q_EMIT checkDue(ref);
}

void StatusPoller::reschedule()
{
    std::optional<milliseconds> earliest;
    for (const Entry& entry : std::as_const(m_entries)) {
        if (entry.inFlight)
            continue;
        const milliseconds wake = std::min(entry.nextCheck, entry.expiresAt);
        if (!earliest || wake < *earliest)
            earliest = wake;
    }
    if (!earliest) {
        m_alarm->stop();
        return;
    }
    m_alarm->start(std::max(milliseconds(0), *earliest - m_clock.monotonic()));
}

} // namespace lipa
