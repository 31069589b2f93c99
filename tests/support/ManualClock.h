// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Clock.h"

#include <QList>
#include <QPointer>

#include <chrono>

namespace lipa::test {

// A clock that moves only when a test says so. Alarms fire, in time order, as advance() passes them,
// so minutes of polling run in microseconds and always the same way.
class ManualClock final : public Clock {
public:
    explicit ManualClock(QDateTime start = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC));
    ~ManualClock() override;

    QDateTime now() const override { return m_now; }
    std::chrono::milliseconds monotonic() const override { return m_monotonic; }
    // Sets the wall clock, as NTP or a cashier might; monotonic time does not move.
    void setWallClock(const QDateTime& now) { m_now = now; }
    std::unique_ptr<Alarm> createAlarm() override;

    // Moves time forward, firing every alarm that falls due on the way.
    void advance(std::chrono::milliseconds by);
    int activeAlarmCount() const;

private:
    class ManualAlarm;
    friend class ManualAlarm;

    QDateTime m_now;
    std::chrono::milliseconds m_monotonic{1000000};
    QList<ManualAlarm*> m_alarms;
};

} // namespace lipa::test
