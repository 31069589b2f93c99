// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Clock.h"
#include "IntaSendClient.h"
#include "StatusPoller.h"

#include <QObject>
#include <QString>

#include <chrono>
#include <memory>

namespace lipa {

enum class ConnectionState {
    NotYetUsed, // nothing sent since start-up
    Online,     // IntaSend answered the last call (even with an error)
    Offline,    // the last call got no answer
};

// Whether IntaSend can be used right now, learnt from the answers to every call: online or offline,
// keys refused, asked to slow down (Retry-After). Says what stands in the way of payments, in the
// cashier's words.
class ServiceHealth : public QObject {
    Q_OBJECT
public:
    ServiceHealth(Clock& clock, StatusPoller& poller, QObject* parent = nullptr);

    // What one call's answer says about the service. push: the call sent the secret key (a push).
    void noteAnswer(const CallResult& result, bool push);

    ConnectionState connectionState() const { return m_connection; }
    // What stands in the way of payments (keys refused, IntaSend unreachable, asked to slow down);
    // empty when nothing does.
    QString trouble() const { return m_troubleText; }
    // Why nothing may be sent now (IntaSend's Retry-After); empty when it may.
    QString slowDownNotice() const;

Q_SIGNALS:
    void connectionStateChanged(lipa::ConnectionState state);
    void troubleChanged(const QString& message);

private:
    void updateTrouble();

    Clock& m_clock;
    StatusPoller& m_poller;
    ConnectionState m_connection = ConnectionState::NotYetUsed;
    // Calls in a row that got no usable answer; past a few the till says it is offline.
    int m_failuresInARow = 0;
    bool m_pushKeysRefused = false;   // IntaSend refused the keys a push sends (the secret, if any)
    bool m_statusKeysRefused = false; // …or the public key a status check sends
    std::chrono::milliseconds m_slowDownUntil{0}; // monotonic: IntaSend's Retry-After
    std::unique_ptr<Alarm> m_slowDownAlarm;
    QString m_troubleText;
};

} // namespace lipa
