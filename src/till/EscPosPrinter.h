// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EscPos.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTimer>

#include <chrono>

class QIODevice;
class QSocketNotifier;

namespace lipa {

// Sends ESC/POS jobs to a raw receipt printer (printer/escpos): over TCP (port 9100), a serial line or a
// USB printer's device file, one job at a time, never blocking the till. Before a job it asks a printer
// that answers status whether the paper has run out. Each job ends in printed or failed, with the reason
// in words a cashier can act on; a failed job can be sent again.
class EscPosPrinter : public QObject {
    Q_OBJECT
public:
    explicit EscPosPrinter(EscPosTarget target, QObject* parent = nullptr);
    ~EscPosPrinter() override;

    const EscPosTarget& target() const { return m_target; }
    // Queues the job; `what` names it in the messages ("The receipt").
    void print(const QByteArray& job, const QString& what);
    bool isBusy() const { return m_current.has_value(); }
    // How long a job may take from connecting to the last byte (8 s by default).
    void setDeadline(std::chrono::milliseconds deadline) { m_deadline.setInterval(deadline); }
    // How long a printer may take to answer the paper-status request before it is written to anyway
    // (1.5 s by default; a printer that lets it go unanswered is not asked again).
    void setStatusWait(std::chrono::milliseconds wait) { m_statusWait.setInterval(wait); }

Q_SIGNALS:
    void printed(const QString& what);
    void failed(const QString& what, const QString& reason);

private:
    struct Job {
        QByteArray bytes;
        QString what;
    };

    void startNext();
    void openTcp();
    void openSerial();
    void openUsb();
    // Connected: asks for the paper status where the printer answers it, else writes.
    void connected();
    void statusAnswered();
    void write();
    void writeUsb();
    void bytesWritten(qint64 count);
    void finish(const QString& failure);
    void closeDevice();

    EscPosTarget m_target;
    QList<Job> m_queue;
    std::optional<Job> m_current;
    qint64 m_left = 0;
    QIODevice* m_device = nullptr; // TCP socket or serial port, while a job runs
    int m_usbFd = -1;
    QSocketNotifier* m_usbNotifier = nullptr;
    qsizetype m_usbWritten = 0;
    bool m_askingStatus = false;
    bool m_answersStatus = true; // until a printer lets a status request go unanswered
    QTimer m_deadline;           // runs only while a job does
    QTimer m_statusWait;
};

} // namespace lipa
