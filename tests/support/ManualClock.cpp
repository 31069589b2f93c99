// SPDX-License-Identifier: GPL-3.0-or-later
#include "ManualClock.h"

namespace lipa::test {

class ManualClock::ManualAlarm final : public Alarm {
public:
    explicit ManualAlarm(ManualClock* clock)
        : m_clock(clock)
    {
        m_clock->m_alarms.append(this);
    }
    ~ManualAlarm() override
    {
        if (m_clock)
            m_clock->m_alarms.removeOne(this);
    }
    void start(std::chrono::milliseconds delay) override
    {
        m_due = m_clock->m_monotonic + std::max(delay, std::chrono::milliseconds(0));
        m_active = true;
    }
    void stop() override { m_active = false; }
    bool isActive() const override { return m_active; }

    ManualClock* m_clock;
    std::chrono::milliseconds m_due{0};
    bool m_active = false;
};

ManualClock::ManualClock(QDateTime start)
    : m_now(std::move(start))
{
}

ManualClock::~ManualClock()
{
    for (ManualAlarm* alarm : std::as_const(m_alarms))
        alarm->m_clock = nullptr;
}

std::unique_ptr<Alarm> ManualClock::createAlarm()
{
    return std::make_unique<ManualAlarm>(this);
}

void ManualClock::advance(std::chrono::milliseconds by)
{
    const std::chrono::milliseconds target = m_monotonic + by;
    for (;;) {
        ManualAlarm* next = nullptr;
        for (ManualAlarm* alarm : std::as_const(m_alarms)) {
            if (alarm->m_active && alarm->m_due <= target && (!next || alarm->m_due < next->m_due))
                next = alarm;
        }
        if (!next)
            break;
        if (next->m_due > m_monotonic) {
            m_now = m_now.addMSecs((next->m_due - m_monotonic).count());
            m_monotonic = next->m_due;
        }
        next->m_active = false;
        Q_EMIT next->fired();
    }
    m_now = m_now.addMSecs((target - m_monotonic).count());
    m_monotonic = target;
}

int ManualClock::activeAlarmCount() const
{
    return static_cast<int>(
        std::count_if(m_alarms.begin(), m_alarms.end(), [](const ManualAlarm* a) { return a->m_active; }));
}

} // namespace lipa::test
