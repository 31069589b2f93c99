// SPDX-License-Identifier: GPL-3.0-or-later
// lipa-till-simulator: the built-in IntaSend simulator on its own, for trying the till against it
// with --api-base and for poking at it with curl.

#include "IntaSendSimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <chrono>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace {

// "fault MODE [on WHICH]", typed while the simulator runs.
void applyFaultCommand(lipa::IntaSendSimulator& simulator, const QString& line)
{
    const QStringList words = line.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return;
    const std::optional<lipa::sim::FaultScope> on =
        words.size() == 4 && words[2] == u"on" ? lipa::sim::parseFaultScope(words[3])
        : words.size() == 2                    ? std::optional(lipa::sim::FaultScope::All)
                                               : std::nullopt;
    const std::optional<lipa::sim::Fault> next =
        on && words.value(0) == u"fault" ? lipa::sim::parseFault(words[1], *on) : std::nullopt;
    if (!next) {
        std::printf("? type: fault MODE [on all|push|status|records|refunds]; modes: %s\n",
                    qPrintable(lipa::sim::faultNames().join(QStringLiteral(", "))));
    } else {
        simulator.setFault(*next);
        std::printf("fault %s on %s\n", qPrintable(lipa::sim::faultName(*next)),
                    qPrintable(words.size() == 4 ? words[3] : QStringLiteral("all")));
    }
    std::fflush(stdout);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lipa-till-simulator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LIPA_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A stand-in for IntaSend's M-Pesa collection API on 127.0.0.1. The customer's phone number decides "
        "what happens: last digit 0 cancels, 1 has too little balance, 2 enters a wrong PIN, 3 cannot be "
        "reached, 9 never answers; any other digit pays after a few seconds."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Listen on this port (default: any free port)."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    parser.addOption(port);
    const QCommandLineOption fault(
        QStringLiteral("fault"),
        QStringLiteral("Misbehave from the start: %1. Change it while running by typing \"fault MODE [on "
                       "all|push|status|records|refunds]\" and Enter.")
            .arg(lipa::sim::faultNames().join(QStringLiteral(", "))),
        QStringLiteral("MODE"), QStringLiteral("none"));
    parser.addOption(fault);
    const QCommandLineOption faultOn(
        QStringLiteral("fault-on"),
        QStringLiteral("Which requests the fault hits: all, push, status, records (the invoice list) or "
                       "refunds (refund requests: /api/v1/chargebacks/) (default: all)."),
        QStringLiteral("WHICH"), QStringLiteral("all"));
    parser.addOption(faultOn);
    const QCommandLineOption refundScript(
        QStringLiteral("refund-script"),
        QStringLiteral("The statuses a refund request goes through, each lasting --refund-step; the last one "
                       "stays. Any of %1 (default: PENDING,COMPLETED).")
            .arg(lipa::sim::ChargebackBook::knownStatuses().join(QStringLiteral(", "))),
        QStringLiteral("STATUSES"), QStringLiteral("PENDING,COMPLETED"));
    parser.addOption(refundScript);
    const QCommandLineOption refundStep(
        QStringLiteral("refund-step"),
        QStringLiteral("How long each refund status lasts, in seconds, from 1 to 86400 (default: 60)."),
        QStringLiteral("SECONDS"), QStringLiteral("60"));
    parser.addOption(refundStep);
    parser.process(app);

    const std::optional<lipa::sim::FaultScope> scope = lipa::sim::parseFaultScope(parser.value(faultOn));
    const std::optional<lipa::sim::Fault> startFault =
        scope ? lipa::sim::parseFault(parser.value(fault), *scope) : std::nullopt;
    if (!scope || !startFault) {
        std::fprintf(
            stderr,
            "lipa-till-simulator: unknown --fault or --fault-on; faults: %s; on: all, push, records, "
            "refunds, status\n",
            qPrintable(lipa::sim::faultNames().join(QStringLiteral(", "))));
        return 2;
    }

    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535) {
        std::fprintf(stderr, "lipa-till-simulator: --port must be a number from 0 to 65535\n");
        return 2;
    }

    QStringList statuses;
    for (const QString& status : parser.value(refundScript).split(u',', Qt::SkipEmptyParts))
        statuses << status.trimmed().toUpper();
    const uint stepSeconds = parser.value(refundStep).toUInt(&ok);
    if (!ok || stepSeconds < 1 || stepSeconds > 86400) {
        std::fprintf(stderr,
                     "lipa-till-simulator: --refund-step must be a number of seconds from 1 to 86400\n");
        return 2;
    }

    lipa::SystemClock clock;
    lipa::IntaSendSimulator simulator(clock);
    simulator.setFault(*startFault);
    if (!simulator.setRefundScript(statuses, std::chrono::seconds(stepSeconds))) {
        std::fprintf(stderr,
                     "lipa-till-simulator: --refund-script must list statuses from %s, separated by "
                     "commas\n",
                     qPrintable(lipa::sim::ChargebackBook::knownStatuses().join(QStringLiteral(", "))));
        return 2;
    }
    if (!simulator.listen(static_cast<quint16>(portNumber))) {
        std::fprintf(stderr, "lipa-till-simulator: cannot listen on 127.0.0.1:%u\n", portNumber);
        return 1;
    }
    std::printf("IntaSend simulator listening on %s\n", qPrintable(simulator.baseUrl().toString()));
    if (startFault->mode != lipa::sim::FaultMode::None)
        std::printf("fault %s on %s\n", qPrintable(lipa::sim::faultName(*startFault)),
                    qPrintable(parser.value(faultOn)));
    std::fflush(stdout);

    // "fault MODE [on WHICH]" on standard input switches the fault while the till is running.
#ifdef Q_OS_UNIX
    // Only when standard input is ours: a background job reading the terminal would be stopped.
    const bool ownInput = !isatty(STDIN_FILENO) || tcgetpgrp(STDIN_FILENO) == getpgrp();
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    input.setEnabled(ownInput);
    // Read what is there (one or more lines at once, from a script) and act on each whole line.
    QByteArray pending;
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&simulator, &input, &pending] {
        char chunk[1024];
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n <= 0) {
            input.setEnabled(false); // end of input: keep serving
            return;
        }
        pending.append(chunk, n);
        for (qsizetype end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
            const QByteArray line = pending.left(end);
            pending.remove(0, end + 1);
            applyFaultCommand(simulator, QString::fromLocal8Bit(line));
        }
    });
#endif
    // One line per request, so a person trying the till can see exactly what reached "IntaSend".
    QObject::connect(
        &simulator, &lipa::IntaSendSimulator::pushReceived, &app, [&simulator](const QString& apiRef) {
            const lipa::IntaSendSimulator::ReceivedPush& push = simulator.pushes().constLast();
            // t: the system's monotonic clock in ns, comparable across processes (benchmarks use it).
            const long long t = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                    std::chrono::steady_clock::now().time_since_epoch())
                                    .count();
            std::printf("push #%lld t=%lld route=%s api_ref=%s phone=%s amount=%lld invoice=%s\n",
                        static_cast<long long>(simulator.pushes().size()), t, qPrintable(push.route),
                        qPrintable(apiRef), qPrintable(push.phone),
                        static_cast<long long>(push.amountShillings), qPrintable(push.invoiceId));
            std::fflush(stdout);
        });
    QObject::connect(&simulator, &lipa::IntaSendSimulator::refundReceived, &app,
                     [&simulator](const QString& chargebackId) {
                         const auto& refund = simulator.refunds().constLast();
                         std::printf("refund #%lld id=%s invoice=%s amount=%lld.%02lld\n",
                                     static_cast<long long>(simulator.refunds().size()),
                                     qPrintable(chargebackId), qPrintable(refund.invoiceId),
                                     static_cast<long long>(refund.amountCents / 100),
                                     static_cast<long long>(refund.amountCents % 100));
                         std::fflush(stdout);
                     });
    QObject::connect(&simulator, &lipa::IntaSendSimulator::statusRequested, &app,
                     [](const QString& invoiceId) {
                         std::printf("status invoice=%s\n", qPrintable(invoiceId));
                         std::fflush(stdout);
                     });
    return QCoreApplication::exec();
}
