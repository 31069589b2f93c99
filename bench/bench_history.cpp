// SPDX-License-Identifier: GPL-3.0-or-later
// bench_history JOURNAL: how the till's history behaves on a big journal. Opens the journal, builds the
// real main window on it (offscreen unless a display is given), and times: opening the journal, the
// window's first screen, loading all of it by scrolling page by page, searches and totals. Prints RSS.

#include "IntaSendSimulator.h"
#include "MainWindow.h"
#include "PaymentListModel.h"
#include "TillStack.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPixmapCache>
#include <QTableView>

#include <algorithm>
#include <cstdio>

using namespace lipa;

namespace {

long rssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

void report(const char* what, double ms)
{
    std::printf("%-44s %10.2f ms\n", what, ms);
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_history JOURNAL\n");
        return 2;
    }
    std::printf("RSS before anything: %ld KiB\n", rssKiB());
    QElapsedTimer timer;
    timer.start();
    Journal::OpenError error;
    std::unique_ptr<Journal> journal = Journal::open(QString::fromLocal8Bit(argv[1]), &error);
    if (!journal) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    report("open journal", static_cast<double>(timer.nsecsElapsed()) / 1e6);

    SystemClock clock;
    IntaSendSimulator simulator(clock);
    simulator.listen();
    ClientConfig config{
        simulator.baseUrl(), QStringLiteral("ISPubKey_test_bench"), {}, std::chrono::seconds(5)};
    TillStack stack(clock, config, Settings{}, std::move(journal));

    timer.restart();
    MainWindow window(stack, Environment::demo(simulator.baseUrl()), 250000);
    window.show();
    QApplication::processEvents();
    report("main window shown (today's payments)", static_cast<double>(timer.nsecsElapsed()) / 1e6);
    std::printf("RSS with the window shown: %ld KiB\n", rssKiB());

    PaymentListModel* model = window.paymentModel();
    PaymentFilter all;
    timer.restart();
    model->setFilter(all);
    QApplication::processEvents();
    report("switch to all time (first page)", static_cast<double>(timer.nsecsElapsed()) / 1e6);

    timer.restart();
    const Totals totals = stack.journal.totals(all);
    report("all-time totals", static_cast<double>(timer.nsecsElapsed()) / 1e6);

    // Scroll to the end the way a view does: one page each time the bottom is reached.
    timer.restart();
    int pages = 0;
    double worstPage = 0;
    QElapsedTimer page;
    while (model->canFetchMore({})) {
        page.start();
        model->fetchMore({});
        worstPage = std::max(worstPage, static_cast<double>(page.nsecsElapsed()) / 1e6);
        ++pages;
    }
    window.paymentView()->scrollToBottom();
    QApplication::processEvents();
    report("load every page (scroll to the end)", static_cast<double>(timer.nsecsElapsed()) / 1e6);
    report("  slowest single page of 200", worstPage);
    std::printf("  %d pages, %d rows, %d paid totalling %s\n", pages, model->rowCount(), totals.paidCount,
                qPrintable(totals.paidSum.toDisplayString()));
    std::printf("RSS with every row reached: %ld KiB\n", rssKiB());

    // Back to the top and down again a page at a time, each screen painted: the rows the model let go of
    // are read again from the journal as they are shown.
    QTableView* view = window.paymentView();
    QList<double> screens;
    const auto showRow = [&](int row) {
        page.start();
        view->scrollTo(model->index(row, 0));
        view->viewport()->repaint();
        screens.append(static_cast<double>(page.nsecsElapsed()) / 1e6);
    };
    timer.restart();
    // Five pages a step: every screen shown is one the model no longer holds.
    constexpr int kStep = 5 * PaymentListModel::kPageSize;
    for (int row = model->rowCount() - 1; row >= 0; row -= kStep)
        showRow(row);
    showRow(0);
    for (int row = 0; row < model->rowCount(); row += kStep)
        showRow(row);
    report("scroll back to the top and down again", static_cast<double>(timer.nsecsElapsed()) / 1e6);
    // The same screens again with Qt's pixmap cache emptied before each, as the till empties it whenever
    // its event loop goes to sleep (keepIdleQuiet): what an idle till's quiet costs a repaint.
    QList<double> plainScreens = screens;
    screens.clear();
    const auto showRowAfterSleep = [&](int row) {
        QPixmapCache::clear();
        showRow(row);
    };
    for (int row = model->rowCount() - 1; row >= 0; row -= kStep)
        showRowAfterSleep(row);
    for (int row = 0; row < model->rowCount(); row += kStep)
        showRowAfterSleep(row);
    std::sort(plainScreens.begin(), plainScreens.end());
    report("  slowest screen, pixmap cache kept", plainScreens.last());
    report("  median screen, pixmap cache kept", plainScreens.at(plainScreens.size() / 2));
    std::sort(screens.begin(), screens.end());
    report("  median screen (pixmap cache emptied first)", screens.at(screens.size() / 2));
    report("  slowest screen (scroll + paint)", screens.last());
    report("  99th percentile screen", screens.at(screens.size() * 99 / 100));
    std::printf("  screens over 16 ms: %lld of %lld\n",
                static_cast<long long>(
                    std::count_if(screens.cbegin(), screens.cend(), [](double ms) { return ms > 16; })),
                static_cast<long long>(screens.size()));
    std::printf("  payments held by the list: %d\n", model->cachedRowCount());
    std::printf("RSS after scrolling: %ld KiB\n", rssKiB());

    {
        // Paid yesterday: a state group and a closed date range together.
        PaymentFilter paidYesterday;
        paidYesterday.group = StateGroup::Paid;
        const QDate today = QDate::currentDate();
        paidYesterday.from = today.addDays(-1).startOfDay().toUTC();
        paidYesterday.to = today.startOfDay().toUTC();
        timer.restart();
        model->setFilter(paidYesterday);
        const Totals found = stack.journal.totals(paidYesterday);
        std::printf("%-44s %10.2f ms (%d rows shown, %d paid)\n", "paid yesterday + totals",
                    static_cast<double>(timer.nsecsElapsed()) / 1e6, model->rowCount(), found.paidCount);
    }
    {
        // Every range the filter bar offers (and a year of dates) with every state group: the list's first
        // page and the totals, as the window asks for them when the filter changes.
        const QDate today = QDate::currentDate();
        const QList<std::pair<const char*, std::pair<QDateTime, QDateTime>>> ranges = {
            {"today", {today.startOfDay().toUTC(), {}}},
            {"yesterday", {today.addDays(-1).startOfDay().toUTC(), today.startOfDay().toUTC()}},
            {"this week", {today.addDays(1 - today.dayOfWeek()).startOfDay().toUTC(), {}}},
            {"a year of dates", {today.addDays(-365).startOfDay().toUTC(), today.startOfDay().toUTC()}},
            {"all time", {{}, {}}}};
        double worst = 0;
        QString worstName;
        for (const auto& [name, range] : ranges) {
            for (const StateGroup group : {StateGroup::All, StateGroup::Paid, StateGroup::Waiting,
                                           StateGroup::NeedsCheck, StateGroup::Failed}) {
                PaymentFilter filter;
                filter.group = group;
                filter.from = range.first;
                filter.to = range.second;
                timer.restart();
                model->setFilter(filter);
                const Totals found = stack.journal.totals(filter);
                const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
                if (ms > worst) {
                    worst = ms;
                    worstName = QStringLiteral("%1, %2 (%3 paid)")
                                    .arg(QLatin1String(name), stateGroupName(group))
                                    .arg(found.paidCount);
                }
            }
        }
        std::printf("%-44s %10.2f ms (%s)\n", "slowest range x group + totals", worst, qPrintable(worstName));
    }
    for (const char* search : {"0710000037", "1,500", "S0000000A1", "gen-00500000"}) {
        PaymentFilter filter;
        filter.search = QString::fromLatin1(search);
        timer.restart();
        model->setFilter(filter);
        const Totals found = stack.journal.totals(filter);
        const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        std::printf("%-44s %10.2f ms (%d rows shown, %d paid)\n",
                    qPrintable(QStringLiteral("search \"%1\" + totals").arg(QLatin1String(search))), ms,
                    model->rowCount(), found.paidCount);
    }
    std::printf("RSS at the end: %ld KiB\n", rssKiB());
    return 0;
}
