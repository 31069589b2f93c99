// SPDX-License-Identifier: GPL-3.0-or-later
// bench_reconcile URL [N] [OTHERS]: a day of N payments (all paid) taken by the real till against the
// simulator at URL (another process), and OTHERS by another till on the same IntaSend account, then
// reconciled with the simulator's invoice list at the Reconciler's real pace, while a 1 ms timer measures how
// late the event loop is: the longest stall a cashier would feel while it runs. Prints wall time, requests
// made and the stall.

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
        std::fprintf(stderr, "usage: bench_reconcile URL [N] [OTHERS]\n");
        return 2;
    }
    const int count = argc > 2 ? QByteArray(argv[2]).toInt() : 5000;
    const int others = argc > 3 ? QByteArray(argv[3]).toInt() : 0;
    QTemporaryDir dir(QDir::current().filePath(QStringLiteral("bench-reconcile-XXXXXX")));
    SystemClock clock;
    Journal::OpenError error;
    Settings settings;
    settings.polling.expiry = std::chrono::minutes(30);
    ClientConfig client{QUrl(QString::fromLocal8Bit(argv[1])), QStringLiteral("ISPubKey_test_bench"),
                        QStringLiteral("ISSecretKey_test_bench"), std::chrono::seconds(30)};
    TillStack stack(clock, client, settings,
                    Journal::open(dir.filePath(QStringLiteral("journal.sqlite")), &error));
    const QDateTime dayStart = clock.now().addSecs(-1);
    TillStack other(clock, client, settings, Journal::openInMemory());

    // The day's sales: all paid (phones ending in 5), taken in bursts the simulator keeps up with.
    QElapsedTimer setup;
    setup.start();
    int charged = 0;
    int otherCharged = 0;
    QTimer burst;
    QObject::connect(&burst, &QTimer::timeout, &app, [&] {
        for (int i = 0; i < 50 && charged < count; ++i, ++charged)
            stack.till.charge(Money::fromShillings(10 + charged),
                              PhoneNumber::parse(QStringLiteral("0712345675")).value());
        for (int i = 0; i < 50 && otherCharged < others; ++i, ++otherCharged)
            other.till.charge(Money::fromShillings(10 + otherCharged),
                              PhoneNumber::parse(QStringLiteral("0712345675")).value());
        if (charged >= count && otherCharged >= others)
            burst.stop();
    });
    burst.start(20);
    QTimer settled;
    QObject::connect(&settled, &QTimer::timeout, &app, [&] {
        if (charged >= count && otherCharged >= others &&
            stack.journal.totals(dayStart, clock.now().addSecs(1)).paidCount >= count &&
            other.journal.totals(dayStart, clock.now().addSecs(1)).paidCount >= others)
            QCoreApplication::quit();
    });
    settled.start(200);
    QCoreApplication::exec();
    settled.stop();
    std::fprintf(stderr, "%d payments paid in %.1f s\n", count, setup.elapsed() / 1000.0);

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
    Reconciliation result;
    QObject::connect(&stack.reconciler, &Reconciler::finished, &app, [&](const Reconciliation& r, bool) {
        result = r;
        // A moment more: the tick after the last piece of work is the one that measures its stall.
        QTimer::singleShot(50, &app, &QCoreApplication::quit);
    });
    since.start();
    expected = 1000;
    tick.start(1);
    if (!stack.reconciler.start(dayStart, clock.now().addSecs(1))) {
        std::fprintf(stderr, "could not start\n");
        return 1;
    }
    QCoreApplication::exec();
    const double wall = since.elapsed() / 1000.0;
    std::sort(lateness.begin(), lateness.end());
    const ReconcileSummary& s = result.summary;
    std::printf("reconcile_payments=%d others=%d wall_s=%.2f requests=%d invoices=%d matched=%d "
                "other_sender=%d complete=%d stall_max_ms=%.2f stall_p99_ms=%.2f\n",
                count, others, wall, s.requests, s.invoicesRead, s.matched, s.otherSender, s.complete ? 1 : 0,
                lateness.last() / 1000.0, lateness.at(lateness.size() * 99 / 100) / 1000.0);
    return s.complete && s.matched == count && s.otherSender == others ? 0 : 1;
}
