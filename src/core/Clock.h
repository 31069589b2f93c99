// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QObject>

#include <chrono>
#include <memory>

namespace lipa {

// A one-shot alarm made by a Clock. Tests get alarms that fire when a ManualClock is advanced.
class Alarm : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void start(std::chrono::milliseconds delay) = 0;
    virtual void stop() = 0;
    virtual bool isActive() const = 0;

Q_SIGNALS:
    void fired();
};

// The source of time for everything time-based (polling, expiry, the simulator's scripted customers),
// so that tests can run minutes of till time in milliseconds.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // UTC, for records and display: may jump when the clock is set
    // Time that only moves forward, for scheduling: setting the wall clock must not expire or stall polling.
    virtual std::chrono::milliseconds monotonic() const = 0;
    virtual std::unique_ptr<Alarm> createAlarm() = 0;
};

// Wall-clock time and QTimer alarms.
class SystemClock final : public Clock {
public:
    QDateTime now() const override;
    std::chrono::milliseconds monotonic() const override;
    std::unique_ptr<Alarm> createAlarm() override;
};

} // namespace lipa
