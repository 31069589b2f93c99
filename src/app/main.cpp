// SPDX-License-Identifier: GPL-3.0-or-later
// lipa-till: wires the start-up plan, the journal and the till's layers into the window, and starts
// the till again in place when Settings are saved.

#include "Environment.h"
#include "IdleQuiet.h"
#include "IntaSendSimulator.h"
#include "JournalRecovery.h"
#include "KeyStore.h"
#include "Language.h"
#include "MainWindow.h"
#include "SelfTest.h"
#include "ShopCsv.h"
#include "ShopLink.h"
#include "StartupPlan.h"
#include "StartupTrace.h"
#include "TillStack.h"
#include "WindowFit.h"

#include <QApplication>
#include <QDir>
#include <QHostAddress>
#include <QNetworkInterface>
#include <QTimer>
#include <QUuid>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <optional>
#include <unistd.h>

using namespace lipa;

namespace {

constexpr int kJournalError = 1;
constexpr int kUsageError = 2;
constexpr int kAlreadyRunning = 3;
constexpr int kRestart = 1000; // the event loop's exit code when Settings were saved

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("LipaTill"));
    QCoreApplication::setApplicationName(QStringLiteral("lipa-till"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LIPA_VERSION));
}

// Whatever stops the till, its reason is on stderr (and so in the system log) with the till's name:
// Qt's fatal messages (a platform plugin that cannot start, a broken invariant), an exception nobody
// caught, and an abort that says nothing of its own.
QtMessageHandler qtMessageHandler = nullptr;

void messageHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "lipa-till: %s\n", qUtf8Printable(message));
        std::fflush(stderr);
        return; // Qt aborts once the handler returns
    }
    if (qtMessageHandler)
        qtMessageHandler(type, context, message);
}

[[noreturn]] void terminateHandler()
{
    const char* what = "an unexpected error";
    try {
        if (const std::exception_ptr current = std::current_exception())
            std::rethrow_exception(current);
    } catch (const std::exception& exception) {
        what = exception.what();
    } catch (...) {
    }
    std::fprintf(stderr, "lipa-till: stopped by an internal error (%s)\n", what);
    std::fflush(stderr);
    std::abort();
}

void abortHandler(int)
{
    // Only what is safe in a signal handler: one write, then the default action (a core dump).
    static const char text[] = "lipa-till: stopped by SIGABRT (see the line above for Qt's or the C "
                               "library's reason, if any)\n";
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, text, sizeof text - 1);
    std::signal(SIGABRT, SIG_DFL);
    std::raise(SIGABRT);
}

void reportFatalErrorsOnStderr()
{
    qtMessageHandler = qInstallMessageHandler(messageHandler);
    std::set_terminate(terminateHandler);
    std::signal(SIGABRT, abortHandler);
}

[[noreturn]] void failUsage(const QString& message)
{
    std::fprintf(stderr, "lipa-till: %s\n", qUtf8Printable(message));
    std::exit(kUsageError);
}

// The plan for one run: the command line and the settings file, then the keys kept for the chosen
// environment. The key store answers asynchronously; until it has, the application's own event loop
// runs (no window exists yet, and no other loop is running that it could nest in).
StartupPlan planFor(const QStringList& arguments, const QString& secretKey)
{
    Result<StartupPlan> read = StartupPlan::read(arguments, secretKey);
    if (!read)
        failUsage(read.error());
    StartupPlan plan = std::move(read).value();
    if (!plan.needsStoredKeys())
        return plan;
    KeyStore keys(plan.dataDir);
    std::optional<IntaSendKeys> stored;
    bool waiting = false;
    keys.load(plan.environment.kind, &keys, [&stored, &waiting](const IntaSendKeys& answer) {
        stored = answer;
        if (waiting)
            QCoreApplication::exit(0);
    });
    waiting = true;
    while (!stored) // nothing else quits this loop; should anything, the till waits on for the keys
        QCoreApplication::exec();
    if (const QString problem = plan.useStoredKeys(*stored); !problem.isEmpty())
        failUsage(problem);
    return plan;
}

// The shop database's password: LIPA_TILL_SHOP_DB_PASSWORD when it was set, else the key store's (Settings
// → Shop). Asked like the keys: the key store may answer later, so the application's loop runs meanwhile.
QString shopPassword(const StartupPlan& plan, const QString& fromEnvironment)
{
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    KeyStore keys(plan.dataDir);
    std::optional<QString> stored;
    bool waiting = false;
    keys.loadShopPassword(&keys, [&stored, &waiting](const QString& password) {
        stored = password;
        if (waiting)
            QCoreApplication::exit(0);
    });
    waiting = true;
    while (!stored)
        QCoreApplication::exec();
    return *stored;
}

// lipa-till --shop-db URL --export-csv FILE --from DAY --to DAY: 0 written, 1 the database could not be
// used (the reason on stderr).
int exportShopCsv(const StartupPlan& plan, const QString& password)
{
    QString error;
    const qint64 written = ShopCsv::exportDays(*plan.shopDatabase, password, plan.exportCsv->from,
                                               plan.exportCsv->to, plan.exportCsv->path, &error);
    if (written < 0) {
        std::fprintf(stderr, "lipa-till: %s\n", qUtf8Printable(error));
        return 1;
    }
    std::fprintf(stdout, "%lld payments written to %s\n", static_cast<long long>(written),
                 qUtf8Printable(QDir::toNativeSeparators(plan.exportCsv->path)));
    return 0;
}

// LIPA_TILL_DEMO_LAN (an address, or "1" for this machine's first network address): the demo simulator also
// serves its checkout pages there, so that a card/QR code can be tried with a phone on the same network. The
// pages only, never the API: and only in demo mode, where no money moves.
void serveDemoCheckoutPagesOnTheNetwork(IntaSendSimulator& simulator)
{
    const QString wanted = qEnvironmentVariable("LIPA_TILL_DEMO_LAN").trimmed();
    if (wanted.isEmpty())
        return;
    // "1" would read as the address 0.0.0.1: the words that mean "this machine's address" come first.
    const bool pick =
        QStringList{QStringLiteral("1"), QStringLiteral("on"), QStringLiteral("yes"), QStringLiteral("auto")}
            .contains(wanted.toLower());
    QHostAddress address(pick ? QString() : wanted);
    if (pick) {
        for (const QHostAddress& candidate : QNetworkInterface::allAddresses()) {
            if (candidate.protocol() == QAbstractSocket::IPv4Protocol && !candidate.isLoopback()) {
                address = candidate;
                break;
            }
        }
    }
    QString where;
    if (address.isNull() || !simulator.servePagesOn(address, &where))
        std::fprintf(stderr, "lipa-till: the demo checkout pages could not be served on %s\n",
                     qUtf8Printable(address.isNull() ? wanted : address.toString()));
    else
        std::fprintf(stderr, "lipa-till: demo checkout pages served at %s for phones on this network\n",
                     qUtf8Printable(where));
}

// This till's identity in the shop database: made once, at the first start, and kept in the settings.
TillIdentity tillIdentity(StartupPlan& plan)
{
    QUuid id = QUuid::fromString(plan.settings.tillId);
    if (id.isNull()) {
        id = QUuid::createUuid();
        plan.settings.tillId = id.toString(QUuid::WithoutBraces);
        QString error;
        if (!Settings::writeKeys(plan.iniPath(), {{QStringLiteral("till/id"), plan.settings.tillId}},
                                 &error)) {
            // An identity that is not kept would be a new till at every start, each sending the whole
            // journal again: no shop database until it can be kept.
            plan.settingsProblems.append(
                QCoreApplication::translate("main", "This till's identity (till/id) could not be saved (%1): "
                                                    "the shop database is not used until it can be.")
                    .arg(error));
            plan.settings.tillId.clear();
            return {};
        }
    }
    return {id, plan.settings.tillName, plan.settings.shopBranch};
}

// Starts the till again with the saved settings, but not while a request is on its way: its answer must
// be heard and recorded first.
void restartWhenIdle(Till& till)
{
    if (till.requestsInFlight() == 0) {
        QCoreApplication::exit(kRestart);
        return;
    }
    QObject::connect(
        &till, &Till::idle, &till, [] { QCoreApplication::exit(kRestart); }, Qt::SingleShotConnection);
}

// One run of the till with this plan: until the window closes (its exit code) or Settings were saved
// (kRestart).
int runTill(StartupPlan& plan, const QString& shopPasswordGiven)
{
    SystemClock clock;
    std::unique_ptr<IntaSendSimulator> simulator;
    if (plan.environment.kind == EnvironmentKind::Demo) {
        simulator = std::make_unique<IntaSendSimulator>(clock);
        if (!simulator->listen()) {
            std::fprintf(stderr, "lipa-till: the demo simulator could not listen on 127.0.0.1\n");
            return 1;
        }
        plan.useSimulator(simulator->baseUrl());
        serveDemoCheckoutPagesOnTheNetwork(*simulator);
        if (plan.selfTest)
            SelfTest::speedUp(*simulator);
        startupStep("demo simulator listening");
    }

    // Before any window or message exists: every string the till shows is translated when made.
    Language::install(plan.settings.language);
    // Text size: a share of the system's font, so large screens can be read from across the counter.
    static const QFont systemFont = QApplication::font();
    QFont font = systemFont;
    font.setPointSizeF(systemFont.pointSizeF() * plan.settings.textSizePercent / 100.0);
    QApplication::setFont(font);
    startupStep("language and font");

    std::unique_ptr<Journal> journal = JournalRecovery::open(plan.dataDir, plan.environment.kind);
    if (!journal)
        return kJournalError;
    startupStep("journal open");
    // Settings (not in a self-test) read and write the keys through their own store.
    const std::unique_ptr<KeyStore> keys = plan.selfTest ? nullptr : std::make_unique<KeyStore>(plan.dataDir);
    TillStack stack(clock, plan.client, plan.settings, std::move(journal));
    startupStep("till's layers");
    // Made at the first start, shop database or not: a till that joins a shop later keeps its identity.
    const TillIdentity identity = plan.selfTest ? TillIdentity{} : tillIdentity(plan);
    // Without a shop database nothing of it runs: no thread, no driver loaded.
    if (plan.shopDatabase && !plan.selfTest && !identity.id.isNull())
        stack.connectShop(*plan.shopDatabase, shopPassword(plan, shopPasswordGiven), identity);
    MainWindow window(stack, plan.environment, plan.settings.maxSaleShillings);
    startupStep("main window built");
    if (keys)
        window.setSettingsAccess(plan.settings, plan.iniPath(), keys.get());
    QStringList banner = plan.settingsProblems;
    if (simulator && plan.firstRun)
        banner.prepend(MainWindow::firstRunBanner());
    else if (simulator)
        banner.prepend(
            MainWindow::tr("Demo mode — no real money. Payments go to the built-in IntaSend simulator."));
    window.showBanner(banner.join(u'\n'));
    QObject::connect(&window, &MainWindow::restartRequested, &window,
                     [&stack] { restartWhenIdle(stack.till); });
    // Never larger than the screen; maximized on a small counter terminal or without a window manager.
    WindowFit::show(window, plan.settings.fullScreen);
    window.activateWindow(); // a kiosk till may have no window manager to give it the keyboard
    startupStep("window shown");
    // The first pass of the event loop paints the window: the till is usable when it is done.
    QTimer::singleShot(0, &window, [] { startupStep("first pass of the event loop (window painted)"); });
    if (plan.quitAfterReady) {
        QTimer::singleShot(0, &window, &QCoreApplication::quit);
    } else {
        // What the first screen does not need waits until it is painted: picking up the payments and refunds
        // a previous run left open (a status request for each, and the journal read that finds them: 16 ms
        // for a day with 70 late-expired payments). Posted from the first pass, it runs in the second.
        // Nothing a cashier can do in between depends on it: the duplicate question reads the journal.
        QTimer::singleShot(0, &window, [&window, &stack, selfTest = plan.selfTest] {
            QTimer::singleShot(0, &window, [&window, &stack, selfTest] {
                stack.till.resume();
                stack.refunds.resume();
                stack.sales.resume(); // an open sale goes on the card; nothing is sent
                startupStep("payments and refunds resumed");
                if (selfTest)
                    SelfTest::start(window, stack.till);
            });
        });
    }

    const int exitCode = QApplication::exec();
    startupStep("event loop left");
    return exitCode;
}

} // namespace

int main(int argc, char* argv[])
{
    startupStep("main");
    reportFatalErrorsOnStderr();
    // Taken out of the environment before anything else runs: no child process may inherit the secret.
    const QString secretKey = StartupPlan::takeSecretKeyFromEnvironment();
    const QString shopPasswordGiven = StartupPlan::takeShopPasswordFromEnvironment();
    std::optional<StartupPlan> plan;
    QStringList arguments;
    {
        // No display needed yet: --help, --version and bad options or settings work without one.
        QCoreApplication probe(argc, argv);
        setApplicationNames();
        arguments = QCoreApplication::arguments();
        plan = planFor(arguments, secretKey);
        if (plan->exportCsv)
            return exportShopCsv(*plan, shopPassword(*plan, shopPasswordGiven));
    }
    startupStep("command line and settings read");

    QApplication app(argc, argv);
    startupStep("QApplication");
    setApplicationNames();
    // An idle till must not wake up: no blinking-cursor timer (the cursor stays visible, just still).
    QApplication::setCursorFlashTime(0);
    keepIdleQuiet(); // nor a pixmap cache's trimming timer
    QApplication::setApplicationDisplayName(QStringLiteral("Lipa Till"));

    // One till per data folder: a second one would poll the same payments and fight over the journal.
    const FolderLock lock = plan->lockDataFolder();
    if (!lock.lock) {
        reportFatal(lock.error);
        return lock.heldByAnotherTill ? kAlreadyRunning : kJournalError;
    }

    // Settings saved from the window start the till again, in this process, with the new settings.
    for (;;) {
        const int exitCode = runTill(*plan, shopPasswordGiven);
        startupStep("till closed (window, layers and journal)");
        if (exitCode != kRestart)
            return exitCode;
        plan = planFor(arguments, secretKey);
        if (plan->exportCsv)
            return exportShopCsv(*plan, shopPassword(*plan, shopPasswordGiven));
    }
}
