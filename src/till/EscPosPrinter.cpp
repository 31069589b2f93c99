// SPDX-License-Identifier: GPL-3.0-or-later
#include "EscPosPrinter.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSerialPort>
#include <QSocketNotifier>
#include <QTcpSocket>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcPrinter, "lipa.printer")

namespace lipa {

using namespace std::chrono_literals;

EscPosPrinter::EscPosPrinter(EscPosTarget target, QObject* parent)
    : QObject(parent)
    , m_target(std::move(target))
{
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(8s);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        finish(m_left > 0 && m_left < (m_current ? m_current->bytes.size() : 0)
                   ? tr("%1 stopped taking it halfway. Check it has paper and is not jammed.")
                         .arg(m_target.describe())
                   : tr("%1 does not answer. Check it is switched on, plugged in and has paper.")
                         .arg(m_target.describe()));
    });
    // A printer that does not answer status requests is written to anyway, after this long.
    m_statusWait.setSingleShot(true);
    m_statusWait.setInterval(1500ms);
    connect(&m_statusWait, &QTimer::timeout, this, [this] {
        m_answersStatus = false;
        m_askingStatus = false;
        write();
    });
}

EscPosPrinter::~EscPosPrinter()
{
    closeDevice();
}

void EscPosPrinter::print(const QByteArray& job, const QString& what)
{
    m_queue.append({job, what});
    if (!m_current)
        startNext();
}

void EscPosPrinter::startNext()
{
    if (m_queue.isEmpty())
        return;
    m_current = m_queue.takeFirst();
    m_left = m_current->bytes.size();
    m_deadline.start();
    switch (m_target.kind) {
    case EscPosTarget::Kind::Tcp:
        openTcp();
        break;
    case EscPosTarget::Kind::Serial:
        openSerial();
        break;
    case EscPosTarget::Kind::Usb:
        openUsb();
        break;
    }
}

void EscPosPrinter::openTcp()
{
    auto* socket = new QTcpSocket(this);
    m_device = socket;
    connect(socket, &QTcpSocket::connected, this, &EscPosPrinter::connected);
    connect(socket, &QTcpSocket::readyRead, this, &EscPosPrinter::statusAnswered);
    connect(socket, &QTcpSocket::bytesWritten, this, &EscPosPrinter::bytesWritten);
    connect(socket, &QTcpSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::RemoteHostClosedError && m_left == 0)
            return; // the printer closed after taking everything
        finish(tr("%1 cannot be reached (%2). Check it is switched on and on the network.")
                   .arg(m_target.describe(), socket->errorString()));
    });
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        if (m_left == 0 && m_current)
            finish({});
    });
    socket->connectToHost(m_target.host, m_target.port);
}

void EscPosPrinter::openSerial()
{
    auto* port = new QSerialPort(m_target.device, this);
    m_device = port;
    port->setBaudRate(m_target.baud);
    port->setDataBits(QSerialPort::Data8);
    port->setParity(QSerialPort::NoParity);
    port->setStopBits(QSerialPort::OneStop);
    port->setFlowControl(QSerialPort::NoFlowControl);
    connect(port, &QSerialPort::readyRead, this, &EscPosPrinter::statusAnswered);
    connect(port, &QSerialPort::bytesWritten, this, &EscPosPrinter::bytesWritten);
    if (!port->open(QIODevice::ReadWrite)) {
        finish(tr("%1 cannot be opened (%2). Check it is plugged in.")
                   .arg(m_target.describe(), port->errorString()));
        return;
    }
    connected();
}

void EscPosPrinter::openUsb()
{
    // Non-blocking, watched by a notifier: a printer that stops taking data never blocks the till.
    m_usbFd = ::open(QFile::encodeName(m_target.device).constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    if (m_usbFd < 0) {
        const int error = errno;
        finish(tr("%1 cannot be opened (%2). Check it is switched on and plugged in.")
                   .arg(m_target.describe(), QString::fromLocal8Bit(std::strerror(error))));
        return;
    }
    m_usbWritten = 0;
    m_usbNotifier = new QSocketNotifier(m_usbFd, QSocketNotifier::Write, this);
    connect(m_usbNotifier, &QSocketNotifier::activated, this, &EscPosPrinter::writeUsb);
}

void EscPosPrinter::writeUsb()
{
    const QByteArray& bytes = m_current->bytes;
    while (m_usbWritten < bytes.size()) {
        const ssize_t n = ::write(m_usbFd, bytes.constData() + m_usbWritten,
                                  static_cast<size_t>(bytes.size() - m_usbWritten));
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            return; // the notifier calls again when the printer takes more
        if (n < 0) {
            const int error = errno;
            finish(tr("%1 refused the %2 (%3). Check it has paper and is switched on.")
                       .arg(m_target.describe(), m_current->what.toLower(),
                            QString::fromLocal8Bit(std::strerror(error))));
            return;
        }
        m_usbWritten += n;
        m_left = bytes.size() - m_usbWritten;
    }
    finish({});
}

void EscPosPrinter::connected()
{
    if (!m_current)
        return;
    if (!m_answersStatus) {
        write();
        return;
    }
    m_askingStatus = true;
    m_device->write(EscPosStatus::kPaperRequest, sizeof EscPosStatus::kPaperRequest);
    m_statusWait.start();
}

void EscPosPrinter::statusAnswered()
{
    const QByteArray answer = m_device->readAll();
    if (!m_askingStatus || answer.isEmpty())
        return;
    m_askingStatus = false;
    m_statusWait.stop();
    if (EscPosStatus::paperOut(answer.back())) {
        finish(tr("%1 is out of paper. Put in a new roll, then print again.").arg(m_target.describe()));
        return;
    }
    write();
}

void EscPosPrinter::write()
{
    if (m_current && m_device)
        m_device->write(m_current->bytes);
}

void EscPosPrinter::bytesWritten(qint64 count)
{
    if (!m_current || m_askingStatus || m_statusWait.isActive())
        return; // the status request itself
    m_left -= count;
    if (m_left > 0)
        return;
    if (auto* socket = qobject_cast<QTcpSocket*>(m_device))
        socket->disconnectFromHost(); // done when the printer has it all: disconnected
    else
        finish({});
}

void EscPosPrinter::finish(const QString& failure)
{
    if (!m_current)
        return;
    m_deadline.stop();
    m_statusWait.stop();
    m_askingStatus = false;
    const Job job = *m_current;
    m_current.reset();
    closeDevice();
    if (failure.isEmpty()) {
        qCInfo(lcPrinter) << "printed" << job.bytes.size() << "bytes to" << m_target.describe();
        Q_EMIT printed(job.what);
    } else {
        qCWarning(lcPrinter).noquote() << job.what << "not printed:" << failure;
        Q_EMIT failed(job.what, failure);
    }
    startNext();
}

void EscPosPrinter::closeDevice()
{
    if (m_device) {
        m_device->disconnect(this);
        if (auto* socket = qobject_cast<QTcpSocket*>(m_device))
            socket->abort();
        else
            m_device->close();
        m_device->deleteLater();
        m_device = nullptr;
    }
    if (m_usbNotifier) {
        m_usbNotifier->setEnabled(false);
        m_usbNotifier->deleteLater();
        m_usbNotifier = nullptr;
    }
    if (m_usbFd >= 0) {
        ::close(m_usbFd);
        m_usbFd = -1;
    }
}

} // namespace lipa
