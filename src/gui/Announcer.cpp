// SPDX-License-Identifier: GPL-3.0-or-later
#include "Announcer.h"

#include "ChimePlayer.h"
#include "Till.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QWidget>
#include <QtEndian>

#include <cmath>
#include <numbers>

namespace lipa {

namespace {

// A 16-bit mono WAV of tones played one after another, with soft edges so they do not click.
QByteArray chime(const QList<QPair<double, int>>& tones)
{
    constexpr int kRate = 22050;
    QByteArray samples;
    for (const auto& [hertz, ms] : tones) {
        const int count = kRate * ms / 1000;
        for (int i = 0; i < count; ++i) {
            const double edge = std::min({1.0, i / 400.0, (count - i) / 400.0});
            const double value = 0.35 * edge * std::sin(2 * std::numbers::pi * hertz * i / kRate);
            const auto sample = static_cast<qint16>(value * 32767);
            char bytes[2];
            qToLittleEndian(sample, bytes);
            samples.append(bytes, 2);
        }
    }
    QByteArray wav;
    const auto put32 = [&wav](quint32 v) {
        char b[4];
        qToLittleEndian(v, b);
        wav.append(b, 4);
    };
    const auto put16 = [&wav](quint16 v) {
        char b[2];
        qToLittleEndian(v, b);
        wav.append(b, 2);
    };
    wav.append("RIFF", 4);
    put32(36 + static_cast<quint32>(samples.size()));
    wav.append("WAVEfmt ", 8);
    put32(16);
    put16(1); // PCM
    put16(1); // mono
    put32(kRate);
    put32(kRate * 2);
    put16(2);
    put16(16);
    wav.append("data", 4);
    put32(static_cast<quint32>(samples.size()));
    wav.append(samples);
    return wav;
}

} // namespace

Announcer::Announcer(Till& till, QWidget* window, bool enabled)
    : QObject(window)
    , m_window(window)
    , m_enabled(enabled)
    , m_chime(new ChimePlayer(ChimePlayer::systemPlayers(), this))
{
    connect(&till, &Till::paymentChanged, this, &Announcer::onPaymentChanged);
    connect(&till, &Till::paidTwice, this, &Announcer::onPaidTwice);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(QStringLiteral("Lipa Till"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, window, [window] {
            window->showNormal();
            window->raise();
            window->activateWindow();
        });
        m_tray->show();
    }
}

QString Announcer::soundFile(Event event)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    QDir().mkpath(folder);
    const QString path = QDir(folder).filePath(event == Event::Paid ? QStringLiteral("paid.wav")
                                                                    : QStringLiteral("failed.wav"));
    if (!QFile::exists(path)) {
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(event == Event::Paid ? chime({{880.0, 110}, {1175.0, 110}, {1568.0, 220}})
                                            : chime({{392.0, 260}, {262.0, 420}}));
    }
    return path;
}

void Announcer::onPaymentChanged(const Payment& payment)
{
    if (!m_enabled || m_announced.contains(payment.localRef))
        return;
    const QString sale = tr("%1 from %2").arg(payment.amount.toDisplayString(), payment.phone.masked());
    if (payment.state == PaymentState::Complete) {
        m_announced.insert(payment.localRef);
        announce(Event::Paid, tr("Paid: %1").arg(sale), tr("M-Pesa receipt %1").arg(payment.mpesaReceipt));
    } else if (payment.state == PaymentState::Failed) {
        m_announced.insert(payment.localRef);
        announce(Event::Failed, tr("Not paid: %1").arg(sale), payment.failureMessage);
    }
}

void Announcer::onPaidTwice(const Payment& payment)
{
    if (!m_enabled)
        return;
    // Money to hand back, not a sale to celebrate: the warning sound, and no "Paid" after it.
    m_announced.insert(payment.localRef);
    announce(Event::Failed,
             tr("Paid twice: %1 from %2").arg(payment.amount.toDisplayString(), payment.phone.masked()),
             tr("M-Pesa receipt %1 came after the cash. Give the customer their cash back.")
                 .arg(payment.mpesaReceipt));
}

void Announcer::announce(Event event, const QString& title, const QString& message)
{
    m_chime->play(soundFile(event));
    if (m_tray)
        m_tray->showMessage(title, message,
                            event == Event::Paid ? QSystemTrayIcon::Information : QSystemTrayIcon::Critical,
                            event == Event::Paid ? 5000 : 15000);
    if (!m_window->isActiveWindow())
        QApplication::alert(m_window); // the taskbar entry asks for attention
    Q_EMIT announced(event, title, message);
}

} // namespace lipa
