// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServiceHealth.h"

#include <QLoggingCategory>

namespace lipa {

Q_LOGGING_CATEGORY(lcHealth, "lipa.till")

namespace {

// Calls in a row without a usable answer before the till tells the cashier IntaSend is unreachable: one
// lost answer is a blip, three are an outage.
constexpr int kTroubleAfterFailures = 3;
// When IntaSend says "slow down" without saying for how long.
constexpr std::chrono::seconds kDefaultSlowDown{30};

} // namespace

ServiceHealth::ServiceHealth(Clock& clock, StatusPoller& poller, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_poller(poller)
    , m_slowDownAlarm(clock.createAlarm())
{
    connect(m_slowDownAlarm.get(), &Alarm::fired, this, &ServiceHealth::updateTrouble);
}

void ServiceHealth::noteAnswer(const CallResult& result, bool push)
{
    // Any HTTP answer, even an error, means IntaSend is reachable.
    const ConnectionState now = result.httpStatus > 0 ? ConnectionState::Online : ConnectionState::Offline;
    if (now != m_connection) {
        m_connection = now;
        Q_EMIT connectionStateChanged(now);
    }

    switch (result.failure) {
    case CallFailure::None:
        m_failuresInARow = 0;
        // The keys this kind of call uses were accepted (a status check does not send the secret key, so
        // it cannot vouch for it).
        (push ? m_pushKeysRefused : m_statusKeysRefused) = false;
        break;
    case CallFailure::Refused:
        m_failuresInARow = 0; // IntaSend answered, if only to say no
        break;
    case CallFailure::AuthRefused:
        m_failuresInARow = 0;
        (push ? m_pushKeysRefused : m_statusKeysRefused) = true;
        break;
    case CallFailure::RateLimited: {
        m_failuresInARow = 0;
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(
            result.retryAfter.count() > 0 ? result.retryAfter : kDefaultSlowDown);
        m_slowDownUntil = std::max(m_slowDownUntil, m_clock.monotonic() + wait);
        m_poller.holdAll(m_slowDownUntil);
        m_slowDownAlarm->start(m_slowDownUntil - m_clock.monotonic());
        break;
    }
    case CallFailure::NotSent:
    case CallFailure::Uncertain:
    case CallFailure::BadResponse:
        ++m_failuresInARow;
        break;
    }
    updateTrouble();
}

QString ServiceHealth::slowDownNotice() const
{
    const auto wait = m_slowDownUntil - m_clock.monotonic();
    if (wait.count() <= 0)
        return {};
    return tr("IntaSend asked the till to wait until %1. Nothing was sent; try again then.")
        .arg(m_clock.now().addMSecs(wait.count()).toLocalTime().toString(QStringLiteral("HH:mm:ss")));
}

void ServiceHealth::updateTrouble()
{
    QString text;
    if (m_pushKeysRefused || m_statusKeysRefused) {
        text = tr("IntaSend refused the keys — check Settings. Payments cannot be sent until the keys are "
                  "right.");
    } else if (m_failuresInARow >= kTroubleAfterFailures) {
        text =
            tr("Offline: the last %1 requests to IntaSend failed. Waiting payments are still being checked "
               "and will update by themselves; a new charge may not go through.")
                .arg(m_failuresInARow);
    } else if (const auto wait = m_slowDownUntil - m_clock.monotonic(); wait.count() > 0) {
        text =
            tr("IntaSend asked the till to slow down. Sending and checking resume at %1.")
                .arg(m_clock.now().addMSecs(wait.count()).toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    }
    if (text != m_troubleText) {
        m_troubleText = text;
        qCInfo(lcHealth) << "service trouble:" << (text.isEmpty() ? QStringLiteral("none") : text);
        Q_EMIT troubleChanged(text);
    }
}

} // namespace lipa
