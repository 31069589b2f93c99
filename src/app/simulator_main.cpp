// lipa-till-simulator: the built-in IntaSend simulator on its own, for trying the till against it
// with --api-base and for poking at it with curl.

#include "IntaSendSimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <chrono>
#include <cstdio>

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
    parser.process(app);

    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535) {
        std::fprintf(stderr, "lipa-till-simulator: --port must be a number from 0 to 65535\n");
        return 2;
    }

    lipa::SystemClock clock;
    lipa::IntaSendSimulator simulator(clock);
    if (!simulator.listen(static_cast<quint16>(portNumber))) {
        std::fprintf(stderr, "lipa-till-simulator: cannot listen on 127.0.0.1:%u\n", portNumber);
        return 1;
    }
    std::printf("IntaSend simulator listening on %s\n", qPrintable(simulator.baseUrl().toString()));
    std::fflush(stdout);
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
    QObject::connect(&simulator, &lipa::IntaSendSimulator::statusRequested, &app,
                     [](const QString& invoiceId) {
                         std::printf("status invoice=%s\n", qPrintable(invoiceId));
                         std::fflush(stdout);
                     });
    return QCoreApplication::exec();
}
