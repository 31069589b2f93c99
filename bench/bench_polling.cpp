// SPDX-License-Identifier: GPL-3.0-or-later
// bench_polling URL [N] [SECONDS]: N payments waiting at once (phones ending in 9 never answer), polled
// by the real till against the simulator at URL (another process), while a 1 ms timer measures how late
// the event loop is: the longest stall a cashier typing at that moment would feel.

#include "TillStack.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace lipa;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_polling URL [N] [SECONDS]\n");
        return 2;
    }
    const int count = argc > 2 ? QByteArray(argv[2]).toInt() : 1000;
    const int seconds = argc > 3 ? QByteArray(argv[3]).toInt() : 30;
    QTemporaryDir dir(QDir::current().filePath(QStringLiteral("bench-polling-XXXXXX")));
    SystemClock clock;
    Journal::OpenError error;
    Settings settings;
    settings.polling.expiry = std::chrono::minutes(10);
    TillStack stack(clock,
                    {QUrl(QString::fromLocal8Bit(argv[1])),
                     QStringLiteral("ISPubKey_test_bench"),
                     {},
                     std::chrono::seconds(10)},
                    settings, Journal::open(dir.filePath(QStringLiteral("journal.sqlite")), &error));
    for (int i = 0; i < count; ++i)
        stack.till.charge(Money::fromShillings(10 + i),
                          PhoneNumber::parse(QStringLiteral("0712345679")).value());

    QList<qint64> lateness; // microseconds past the expected tick
    QElapsedTimer since;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    qint64 expected = 0;
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        const qint64 now = since.nsecsElapsed() / 1000;
        lateness.append(std::max<qint64>(0, now - expected));
        expected = now + 1000;
    });
    QTimer::singleShot(std::chrono::seconds(seconds), &app, &QCoreApplication::quit);
    since.start();
    expected = 1000;
    tick.start(1);
    QCoreApplication::exec();

    std::sort(lateness.begin(), lateness.end());
    std::printf(
        "polling_payments=%d seconds=%d ticks=%lld stall_max_ms=%.2f stall_p99_ms=%.2f stall_median_ms=%.3f "
        "still_waiting=%d\n",
        count, seconds, static_cast<long long>(lateness.size()), lateness.last() / 1000.0,
        lateness.at(lateness.size() * 99 / 100) / 1000.0, lateness.at(lateness.size() / 2) / 1000.0,
        stack.poller.watchedCount());
    return 0;
}
