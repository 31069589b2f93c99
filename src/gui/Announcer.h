// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Payment.h"

#include <QObject>
#include <QSet>

class QSystemTrayIcon;
class QWidget;

namespace lipa {

class ChimePlayer;
class Till;

// Tells the cashier a payment ended even when the till's window is behind another one: a sound (a
// rising chime for Paid, a low falling one for Failed) and a desktop notification. Each payment is
// announced once. Switched on and off by the setting till/sound.
class Announcer : public QObject {
    Q_OBJECT
public:
    enum class Event { Paid, Failed };
    Q_ENUM(Event)

    Announcer(Till& till, QWidget* window, bool enabled);
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }

    // The WAV file played for an event (written to the cache folder the first time it is needed).
    static QString soundFile(Event event);

Q_SIGNALS:
    // After an announcement: what was said (for tests and accessibility tools).
    void announced(lipa::Announcer::Event event, const QString& title, const QString& message);

private:
    void onPaymentChanged(const Payment& payment);
    void onPaidTwice(const Payment& payment);
    void announce(Event event, const QString& title, const QString& message);

    QWidget* m_window;
    bool m_enabled;
    ChimePlayer* m_chime; // the first of the system's players that works
    QSystemTrayIcon* m_tray = nullptr;
    QSet<QString> m_announced;
};

} // namespace lipa
