// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTcpServer>

namespace lipa::test {

// What a stream of ESC/POS bytes asks of a printer, read back command by command: the lines of text as
// the paper would show them, which of them were bold or centred, the cuts and the drawer pulses. Unknown
// commands fail the decoding (ok is false), so a job with a wrong byte cannot pass as printed.
struct EscPosPrintout {
    bool ok = true;
    QString error;
    QStringList lines;
    QStringList boldLines;
    QStringList centredLines;
    int cuts = 0;
    int drawerPulses = 0;
    int statusRequests = 0;

    static EscPosPrintout decode(const QByteArray& bytes);
    bool contains(const QString& text) const;
    // The line holding text, or an empty string.
    QString lineWith(const QString& text) const;
};

// A network receipt printer on a loopback port (like one on port 9100): keeps every byte each connection
// sent, answers the paper-status request as told, or not at all (printers that do not answer status).
class FakeReceiptPrinter : public QObject {
    Q_OBJECT
public:
    enum class Paper { Present, Out };
    enum class Behaviour { Prints, AnswersNoStatus };

    explicit FakeReceiptPrinter(QObject* parent = nullptr);
    // On a free loopback port, or on that port (a printer switched on again).
    bool listen(quint16 port = 0);
    quint16 port() const { return m_server.serverPort(); }
    QString setting() const { return QStringLiteral("tcp://127.0.0.1:%1").arg(port()); }

    void setPaper(Paper paper) { m_paper = paper; }
    void setBehaviour(Behaviour behaviour) { m_behaviour = behaviour; }
    // Stops listening: a printer switched off.
    void switchOff() { m_server.close(); }

    // The bytes of every job that ended (the connection closed), oldest first.
    const QList<QByteArray>& jobs() const { return m_jobs; }
    EscPosPrintout lastPrintout() const
    {
        return m_jobs.isEmpty() ? EscPosPrintout{} : EscPosPrintout::decode(m_jobs.last());
    }

Q_SIGNALS:
    void jobReceived();

private:
    void accept();

    QTcpServer m_server;
    QList<QByteArray> m_jobs;
    Paper m_paper = Paper::Present;
    Behaviour m_behaviour = Behaviour::Prints;
};

} // namespace lipa::test
