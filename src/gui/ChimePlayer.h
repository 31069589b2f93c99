// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

#include <chrono>

namespace lipa {

// Plays a sound file with the first of the system's players that works. A player can be installed and
// still fail: pw-play on a desktop where PulseAudio runs instead of PipeWire, paplay with no sound
// server at all. Each try runs in a process of its own, so the till never waits for audio; when every
// player fails (or there is none), the till beeps.
class ChimePlayer : public QObject {
    Q_OBJECT
public:
    explicit ChimePlayer(QStringList players, QObject* parent = nullptr);
    ~ChimePlayer() override;

    // pw-play, paplay and aplay, those of them installed, in that order.
    static QStringList systemPlayers();

    void play(const QString& file);

    // How long a player may take before it is stopped and counts as failed (a chime lasts under a
    // second; a player stuck on an absent sound server would otherwise keep the chime from being heard).
    void setPlayerDeadline(std::chrono::milliseconds deadline) { m_deadline = deadline; }

Q_SIGNALS:
    // After each play: the player that played it, or empty when the till beeped instead.
    void played(const QString& player);

private:
    void tryFrom(qsizetype index, const QString& file);

    QStringList m_players;
    std::chrono::milliseconds m_deadline{5000};
};

} // namespace lipa
