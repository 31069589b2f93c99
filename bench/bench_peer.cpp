// SPDX-License-Identifier: GPL-3.0-or-later
// bench_peer URL [N]: N sequential STK push + status round trips through IntaSendClient against the
// simulator at URL (another process), on the current (secret-key) route, as the intasend-node harness
// does. Prints the total and per-round-trip time.

#include "IntaSendClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>

#include <cstdio>

using namespace lipa;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_peer URL [N]\n");
        return 2;
    }
    const int count = argc > 2 ? QByteArray(argv[2]).toInt() : 200;
    QNetworkAccessManager network;
    IntaSendClient client(network,
                          {QUrl(QString::fromLocal8Bit(argv[1])), QStringLiteral("ISPubKey_test_bench"),
                           QStringLiteral("ISSecretKey_test_bench"), std::chrono::seconds(10)});
    const PhoneNumber phone = PhoneNumber::parse(QStringLiteral("0712345678")).value();
    int done = 0;
    int failures = 0;
    QElapsedTimer timer;
    std::function<void()> next = [&] {
        if (done == count) {
            QCoreApplication::quit();
            return;
        }
        client.requestStkPush({Money::fromShillings(10), phone, QStringLiteral("peer-%1").arg(done), {}},
                              &app, [&](const CallResult& pushed) {
                                  if (!pushed.ok()) {
                                      ++failures;
                                      ++done;
                                      next();
                                      return;
                                  }
                                  client.checkStatus(pushed.invoice->invoiceId, &app,
                                                     [&](const CallResult& checked) {
                                                         failures += checked.ok() ? 0 : 1;
                                                         ++done;
                                                         next();
                                                     });
                              });
    };
    timer.start();
    next();
    QCoreApplication::exec();
    const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    std::printf("lipa_round_trips=%d total_ms=%.1f per_round_trip_ms=%.3f failures=%d\n", count, ms,
                ms / count, failures);
    return failures == 0 ? 0 : 1;
}
