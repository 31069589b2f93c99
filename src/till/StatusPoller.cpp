#include "StatusPoller.h"

#include <QStringList>

namespace lipa {

using std::chrono::milliseconds;

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
    const QDateTime now = m_clock.now();
    Entry entry;
    entry.expiresAt = createdAt.addMSecs(m_schedule.expiry.count());
    entry.interval = m_schedule.firstCheck;
    entry.nextCheck = now.addMSecs(m_schedule.firstCheck.count());
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
    it->nextCheck = m_clock.now().addMSecs(std::max(it->interval, notBefore).count());
    reschedule();
}

void StatusPoller::checkSoon(const QString& localRef)
{
    const auto it = m_entries.find(localRef);
    if (it == m_entries.end() || it->inFlight)
        return;
    it->nextCheck = m_clock.now();
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
    const QDateTime now = m_clock.now();
    QStringList due;
    QStringList expired;
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->inFlight)
            continue; // its answer decides; expiry waits for it
        if (now >= it->expiresAt) {
            expired.append(it.key());
        } else if (now >= it->nextCheck) {
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
    QDateTime earliest;
    for (const Entry& entry : std::as_const(m_entries)) {
        if (entry.inFlight)
            continue;
        const QDateTime wake = std::min(entry.nextCheck, entry.expiresAt);
        if (!earliest.isValid() || wake < earliest)
            earliest = wake;
    }
    if (!earliest.isValid()) {
        m_alarm->stop();
        return;
    }
    m_alarm->start(milliseconds(std::max<qint64>(0, m_clock.now().msecsTo(earliest))));
}

} // namespace lipa
