// SPDX-License-Identifier: GPL-3.0-or-later
#include "Clock.h"

#include <QTimer>

namespace lipa {

namespace {

class TimerAlarm final : public Alarm {
public:
    TimerAlarm()
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::CoarseTimer);
        connect(&m_timer, &QTimer::timeout, this, &Alarm::fired);
    }
    void start(std::chrono::milliseconds delay) override
    {
        m_timer.start(std::max(delay, decltype(delay)(0)));
    }
    void stop() override { m_timer.stop(); }
    bool isActive() const override { return m_timer.isActive(); }

private:
    QTimer m_timer;
};

} // namespace

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

std::chrono::milliseconds SystemClock::monotonic() const
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now().time_since_epoch());
}

std::unique_ptr<Alarm> SystemClock::createAlarm()
{
    return std::make_unique<TimerAlarm>();
}

} // namespace lipa
