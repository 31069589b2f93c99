// SPDX-License-Identifier: GPL-3.0-or-later
// bench_charge: how long from the cashier's Enter to the request arriving at (the simulator of) IntaSend,
// through the real window, journal and client, over loopback; and how long the durable journal write
// that precedes every push takes on its own.

#include "ChargePanel.h"
#include "MainWindow.h"
#include "TillStack.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>

using namespace lipa;

namespace {

void printStats(const char* what, QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) {
        return ms.at(std::min<qsizetype>(ms.size() - 1, static_cast<qsizetype>(q * ms.size())));
    };
    std::printf("%s median=%.3f p95=%.3f max=%.3f n=%lld\n", what, at(0.5), at(0.95), ms.last(),
                static_cast<long long>(ms.size()));
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = argc > 1 ? QByteArray(argv[1]).toInt() : 200;
    QTemporaryDir dir(QDir::current().filePath(QStringLiteral("bench-charge-XXXXXX"))); // on the real disk

    // The durable write alone.
    {
        Journal::OpenError error;
        auto journal = Journal::open(dir.filePath(QStringLiteral("write.sqlite")), &error);
        QList<double> ms;
        for (int i = 0; i < runs; ++i) {
            Payment p;
            p.localRef = QStringLiteral("w-%1").arg(i);
            p.amount = Money::fromShillings(100);
            p.phone = PhoneNumber::parse(QStringLiteral("0712345678")).value();
            p.createdAt = p.updatedAt = QDateTime::currentDateTimeUtc();
            QElapsedTimer t;
            t.start();
            journal->addPayment(p);
            ms.append(static_cast<double>(t.nsecsElapsed()) / 1e6);
        }
        printStats("durable_write_ms", ms);
    }

    // The simulator runs as its own process, as IntaSend runs on its own computer; it stamps each push
    // with the system's monotonic clock, which this process reads too.
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_charge RUNS PATH-TO-lipa-till-simulator\n");
        return 2;
    }
    QProcess simulatorProcess;
    simulatorProcess.start(QString::fromLocal8Bit(argv[2]), {});
    simulatorProcess.waitForReadyRead(10000);
    const QString banner = QString::fromUtf8(simulatorProcess.readLine());
    const QUrl simulatorUrl(banner.section(u' ', -1).trimmed());
    SystemClock clock;
    Journal::OpenError error;
    TillStack stack(clock, {simulatorUrl, QStringLiteral("ISPubKey_test_bench"), {}, std::chrono::seconds(5)},
                    Settings{}, Journal::open(dir.filePath(QStringLiteral("journal.sqlite")), &error));
    MainWindow window(stack, Environment::demo(simulatorUrl), 250000);
    window.show();
    QApplication::setActiveWindow(&window);
    auto* amount = window.findChild<QLineEdit*>(QStringLiteral("amountEdit"));
    auto* phone = window.findChild<QLineEdit*>(QStringLiteral("phoneEdit"));

    const auto nowNs = [] {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    };
    QList<double> ms;
    QList<double> synchronous;
    for (int i = 0; i < runs; ++i) {
        amount->setText(QString::number(100 + i));
        phone->setText(QStringLiteral("0712345678"));
        const qint64 enteredAt = nowNs();
        QTest::keyClick(phone, Qt::Key_Return);
        synchronous.append(static_cast<double>(nowNs() - enteredAt) / 1e6);
        QString line;
        while (!line.startsWith(QStringLiteral("push "))) {
            // Never block: the till sends the request body from this thread's event loop.
            while (!simulatorProcess.canReadLine())
                QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
            line = QString::fromUtf8(simulatorProcess.readLine()); // its own time stamp is what counts
        }
        const qint64 receivedAt = line.section(QStringLiteral("t="), 1).section(u' ', 0, 0).toLongLong();
        ms.append(static_cast<double>(receivedAt - enteredAt) / 1e6);
        QCoreApplication::processEvents(); // let the list and totals catch up before the next sale
    }
    printStats("enter_to_request_ms", ms);
    printStats("enter_handling_ms", synchronous);
    simulatorProcess.kill();
    simulatorProcess.waitForFinished();
    return 0;
}
