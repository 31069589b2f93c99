// SPDX-License-Identifier: GPL-3.0-or-later
// lipa-make-journal N PATH: writes a journal of N synthetic payments (for benchmarks and trying the
// history by hand: lipa-till --data-dir DIR with DIR/journal.sqlite).

#include "JournalGenerator.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: lipa-make-journal N PATH\n");
        return 2;
    }
    const qint64 count = args.at(1).toLongLong();
    lipa::Journal::OpenError error;
    std::unique_ptr<lipa::Journal> journal = lipa::Journal::open(args.at(2), &error);
    if (!journal) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    if (!lipa::test::JournalGenerator().fill(*journal, count, QDateTime::currentDateTimeUtc())) {
        std::fprintf(stderr, "could not write: %s\n", qPrintable(journal->lastError()));
        return 1;
    }
    std::printf("%lld payments written to %s in %.1f s\n", static_cast<long long>(count),
                qPrintable(args.at(2)), timer.elapsed() / 1000.0);
    return 0;
}
