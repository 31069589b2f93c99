// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChimePlayer.h"

#include <QApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <memory>

namespace lipa {

ChimePlayer::ChimePlayer(QStringList players, QObject* parent)
    : QObject(parent)
    , m_players(std::move(players))
{
}

ChimePlayer::~ChimePlayer()
{
    // A chime still playing when the till closes is cut short: no player outlives the till, and none
    // finishing now may start the next one.
    for (QProcess* process : findChildren<QProcess*>()) {
        process->disconnect(this);
        process->kill();
        process->waitForFinished(1000); // reaped at once after a kill; the bound is for a wedged system
    }
}

QStringList ChimePlayer::systemPlayers()
{
    QStringList found;
    for (const char* player : {"pw-play", "paplay", "aplay"}) {
        if (const QString path = QStandardPaths::findExecutable(QString::fromLatin1(player)); !path.isEmpty())
            found << path;
    }
    return found;
}

void ChimePlayer::play(const QString& file)
{
    tryFrom(0, file);
}

void ChimePlayer::tryFrom(qsizetype index, const QString& file)
{
    if (index >= m_players.size()) {
        QApplication::beep();
        Q_EMIT played({});
        return;
    }
    auto* process = new QProcess(this);
    process->setProgram(m_players.at(index));
    process->setArguments({file});
    // A player's complaints (no sound server) are not the till's log.
    process->setStandardOutputFile(QProcess::nullDevice());
    process->setStandardErrorFile(QProcess::nullDevice());
    auto* deadline = new QTimer(process);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, process, &QProcess::kill);
    // finished() and errorOccurred() can both come for one process: only the first one counts.
    auto settled = std::make_shared<bool>(false);
    const auto settle = [this, process, index, file, settled](bool worked) {
        if (*settled)
            return;
        *settled = true;
        process->deleteLater();
        if (worked)
            Q_EMIT played(m_players.at(index));
        else
            tryFrom(index + 1, file);
    };
    connect(process, &QProcess::finished, this, [settle](int exitCode, QProcess::ExitStatus status) {
        settle(status == QProcess::NormalExit && exitCode == 0);
    });
    connect(process, &QProcess::errorOccurred, this, [settle](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            settle(false); // no finished() follows
    });
    deadline->start(m_deadline);
    process->start();
}

} // namespace lipa
