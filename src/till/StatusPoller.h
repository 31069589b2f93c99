// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Clock.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>

#include <chrono>
#include <memory>

namespace lipa {

struct PollSchedule {
    std::chrono::milliseconds firstCheck{3000}; // after the push
    std::chrono::milliseconds maxInterval{10000};
    double backoff = 1.5; // each interval is this much longer than the last, up to maxInterval
    std::chrono::milliseconds expiry{180000}; // from the payment's creation
};

// Decides when each open invoice is checked next. It asks (checkDue) and is told when the check has
// ended (checkFinished); it never has two checks of one payment in flight. One alarm serves every
// payment, and none is set when nothing is watched: an idle till does not wake up.
class StatusPoller : public QObject {
    Q_OBJECT
public:
    StatusPoller(Clock& clock, PollSchedule schedule, QObject* parent = nullptr);
    ~StatusPoller() override;

    const PollSchedule& schedule() const { return m_schedule; }

    // Starts checking a payment created at createdAt (expiry counts from then).
    void watch(const QString& localRef, const QDateTime& createdAt);
    // The same for a payment that waits longer than the schedule's expiry (a card/QR checkout's page).
    void watch(const QString& localRef, const QDateTime& createdAt, std::chrono::milliseconds lifetime);
    void unwatch(const QString& localRef);
    // The check asked for by checkDue has ended. The next one waits the next backoff interval, or
    // at least notBefore (IntaSend's Retry-After).
    void checkFinished(const QString& localRef, std::chrono::milliseconds notBefore = {});
    // No check starts before `until` (the clock's monotonic time): IntaSend asked the till to slow down.
    void holdAll(std::chrono::milliseconds until);
    // Check as soon as possible (the cashier pressed Check now).
    void checkSoon(const QString& localRef);

    bool isWatching(const QString& localRef) const { return m_entries.contains(localRef); }
    bool isInFlight(const QString& localRef) const;
    int watchedCount() const { return static_cast<int>(m_entries.size()); }
    bool isAlarmSet() const;

Q_SIGNALS:
    void checkDue(const QString& localRef);
    void expired(const QString& localRef);

private:
    // Times on the clock's monotonic scale.
    struct Entry {
        std::chrono::milliseconds expiresAt;
        std::chrono::milliseconds nextCheck;
        std::chrono::milliseconds interval;
        bool inFlight = false;
    };

    void onAlarm();
    void reschedule();

    Clock& m_clock;
    PollSchedule m_schedule;
    QHash<QString, Entry> m_entries;
    std::unique_ptr<Alarm> m_alarm;
    std::chrono::milliseconds m_holdUntil{0};
};

} // namespace lipa
