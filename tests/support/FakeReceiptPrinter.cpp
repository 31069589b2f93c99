// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeReceiptPrinter.h"

#include <QTcpSocket>

namespace lipa::test {

EscPosPrintout EscPosPrintout::decode(const QByteArray& bytes)
{
    EscPosPrintout out;
    QByteArray line;
    bool bold = false;
    int align = 0;
    bool lineBold = false;
    const auto fail = [&out](const QString& why) {
        out.ok = false;
        out.error = why;
        return out;
    };
    const auto need = [&bytes](qsizetype at, qsizetype count) { return at + count <= bytes.size(); };
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c == '\n') {
            const QString text = QString::fromLatin1(line);
            out.lines.append(text);
            if (lineBold)
                out.boldLines.append(text);
            if (align == 1)
                out.centredLines.append(text);
            line.clear();
            lineBold = bold;
            continue;
        }
        if (c == '\x1b') {
            if (!need(i, 2))
                return fail(QStringLiteral("ESC at the end"));
            const char command = bytes.at(i + 1);
            if (command == '@') {
                bold = false;
                align = 0;
                i += 1;
            } else if (command == 't' || command == 'a' || command == 'E' || command == 'd') {
                if (!need(i, 3))
                    return fail(QStringLiteral("ESC %1 cut short").arg(QLatin1Char(command)));
                const char n = bytes.at(i + 2);
                if (command == 'a')
                    align = n;
                if (command == 'E') {
                    bold = n != 0;
                    lineBold = lineBold || bold;
                }
                if (command == 'd')
                    for (int k = 0; k < n; ++k)
                        out.lines.append(QString());
                i += 2;
            } else if (command == 'p') {
                if (!need(i, 5))
                    return fail(QStringLiteral("ESC p cut short"));
                ++out.drawerPulses;
                i += 4;
            } else {
                return fail(QStringLiteral("unknown ESC %1").arg(int(command)));
            }
            continue;
        }
        if (c == '\x1d') {
            if (!need(i, 3))
                return fail(QStringLiteral("GS cut short"));
            const char command = bytes.at(i + 1);
            if (command == '!') {
                i += 2;
            } else if (command == 'V') {
                const char m = bytes.at(i + 2);
                ++out.cuts;
                i += (m == 'A' || m == 'B') ? 3 : 2;
            } else {
                return fail(QStringLiteral("unknown GS %1").arg(int(command)));
            }
            continue;
        }
        if (c == '\x10') {
            if (!need(i, 3) || bytes.at(i + 1) != '\x04')
                return fail(QStringLiteral("unknown DLE"));
            ++out.statusRequests;
            i += 2;
            continue;
        }
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e)
            return fail(QStringLiteral("byte %1 is not printable ASCII").arg(static_cast<unsigned char>(c)));
        line += c;
    }
    if (!line.isEmpty())
        return fail(QStringLiteral("text left without a line feed: %1").arg(QString::fromLatin1(line)));
    return out;
}

bool EscPosPrintout::contains(const QString& text) const
{
    return !lineWith(text).isEmpty();
}

QString EscPosPrintout::lineWith(const QString& text) const
{
    for (const QString& line : lines) {
        if (line.contains(text))
            return line;
    }
    return {};
}

FakeReceiptPrinter::FakeReceiptPrinter(QObject* parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeReceiptPrinter::accept);
}

bool FakeReceiptPrinter::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

void FakeReceiptPrinter::accept()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        auto* received = new QByteArray;
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, received] {
            const QByteArray bytes = socket->readAll();
            // A paper-status request (DLE EOT 4) is answered at once, as printers do.
            if (m_behaviour == Behaviour::Prints && bytes.contains(QByteArray("\x10\x04\x04", 3)))
                socket->write(QByteArray(1, m_paper == Paper::Out ? '\x72' : '\x12'));
            *received += bytes;
        });
        connect(socket, &QTcpSocket::disconnected, socket, [this, socket, received] {
            *received += socket->readAll();
            m_jobs.append(*received);
            delete received;
            socket->deleteLater();
            Q_EMIT jobReceived();
        });
    }
}

} // namespace lipa::test
