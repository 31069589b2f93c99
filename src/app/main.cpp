// lipa-till: reads the command line and the settings file, wires the layers together, opens the window.

#include "ChargePanel.h"
#include "Environment.h"
#include "IntaSendSimulator.h"
#include "Journal.h"
#include "KeyStore.h"
#include "Language.h"
#include "MainWindow.h"
#include "Settings.h"
#include "TillStack.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QMessageBox>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <optional>

using namespace lipa;

namespace {

constexpr int kJournalError = 1;
constexpr int kUsageError = 2;
constexpr int kAlreadyRunning = 3;

// Everything main() needs to start the till, decided before any window exists (so that --help,
// --version and bad options work without a display).
struct StartUp {
    bool selfTest = false;
    bool quitAfterReady = false;
    Environment environment;
    ClientConfig client;
    Settings settings;
    QStringList settingsProblems;
    QString dataDir;
    bool firstRun = false; // nothing configured: demo mode, with a pointer to Settings
};

constexpr int kRestart = 1000; // the event loop's exit code when Settings were saved

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("LipaTill"));
    QCoreApplication::setApplicationName(QStringLiteral("lipa-till"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LIPA_VERSION));
}

[[noreturn]] void failUsage(const QString& message)
{
    std::fprintf(stderr, "lipa-till: %s\n", qUtf8Printable(message));
    std::exit(kUsageError);
}

StartUp readStartUp(const QStringList& arguments, std::unique_ptr<KeyStore>* keys)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Lipa Till: take M-Pesa payments through IntaSend at a shop counter."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Run on the built-in IntaSend simulator: no real money."));
    const QCommandLineOption apiBase(
        QStringLiteral("api-base"),
        QCoreApplication::translate("main", "Use this IntaSend base URL (https, or http to 127.0.0.1 only)."),
        QStringLiteral("URL"));
    const QCommandLineOption publicKey(
        QStringLiteral("public-key"),
        QCoreApplication::translate("main", "IntaSend public key. The secret key is read only from the "
                                            "LIPA_TILL_SECRET_KEY environment variable."),
        QStringLiteral("KEY"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("main", "Where the settings file and the journal live."),
        QStringLiteral("DIR"));
    const QCommandLineOption selfTest(
        QStringLiteral("self-test"),
        QCoreApplication::translate("main",
                                    "Take one demo payment through the real window, in a throwaway data "
                                    "folder, and exit: 0 when it was paid."));
    const QCommandLineOption quitAfterReady(
        QStringLiteral("quit-after-ready"),
        QCoreApplication::translate("main", "Exit as soon as the window is ready for the first payment (for "
                                            "start-up benchmarks)."));
    parser.addOptions({demo, apiBase, publicKey, dataDir, selfTest, quitAfterReady});
    if (!parser.parse(arguments))
        failUsage(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        failUsage(QStringLiteral("unexpected argument \"%1\"; see --help")
                      .arg(parser.positionalArguments().first()));
    if (parser.isSet(demo) && parser.isSet(apiBase))
        failUsage(QStringLiteral("--demo and --api-base cannot be used together"));

    StartUp startUp;
    startUp.selfTest = parser.isSet(selfTest);
    startUp.quitAfterReady = parser.isSet(quitAfterReady);
    if (startUp.selfTest) {
        // Its own folder: a self-test never touches a till's settings or journal.
        static QTemporaryDir scratch;
        startUp.dataDir = scratch.path();
        startUp.environment.kind = EnvironmentKind::Demo;
        startUp.settings.polling.firstCheck = std::chrono::milliseconds(300);
        startUp.settings.polling.maxInterval = std::chrono::milliseconds(500);
        return startUp;
    }
    startUp.dataDir = parser.isSet(dataDir)
                          ? parser.value(dataDir)
                          : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(startUp.dataDir))
        failUsage(QStringLiteral("cannot create the data directory %1").arg(startUp.dataDir));
    startUp.settings =
        Settings::load(QDir(startUp.dataDir).filePath(Settings::fileName()), &startUp.settingsProblems);
    *keys = std::make_unique<KeyStore>(startUp.dataDir);
    KeyStore& keyStore = **keys;
    const Settings& settings = startUp.settings;

    startUp.client.publicKey =
        parser.isSet(publicKey) ? parser.value(publicKey).trimmed() : settings.publicKey;
    startUp.client.secretKey =
        QProcessEnvironment::systemEnvironment().value(QStringLiteral("LIPA_TILL_SECRET_KEY")).trimmed();
    startUp.client.transferTimeout = settings.requestTimeout;

    const bool nothingConfigured = !settings.environment && startUp.client.publicKey.isEmpty();
    startUp.firstRun = nothingConfigured && !parser.isSet(apiBase);
    if (parser.isSet(demo) ||
        (!parser.isSet(apiBase) && (nothingConfigured || settings.environment == EnvironmentKind::Demo))) {
        startUp.environment.kind = EnvironmentKind::Demo; // the URL is the simulator's, known once it listens
        return startUp;
    }

    if (parser.isSet(apiBase)) {
        const Result<QUrl> url = parseBaseUrl(parser.value(apiBase));
        if (!url)
            failUsage(QStringLiteral("--api-base: %1").arg(url.error()));
        startUp.environment = Environment::custom(url.value());
    } else if (settings.environment == EnvironmentKind::Custom) {
        const Result<QUrl> url = parseBaseUrl(settings.baseUrl);
        if (!url)
            failUsage(QStringLiteral("intasend/base_url in the settings file: %1").arg(url.error()));
        startUp.environment = Environment::custom(url.value());
    } else if (settings.environment == EnvironmentKind::Live) {
        startUp.environment = Environment::live();
    } else {
        startUp.environment = Environment::sandbox();
    }

    // The keys saved in Settings for this environment, unless the command line or the environment
    // variable gives them.
    const IntaSendKeys stored = keyStore.load(environmentKey(startUp.environment.kind));
    if (!parser.isSet(publicKey) && !stored.publicKey.isEmpty())
        startUp.client.publicKey = stored.publicKey;
    if (startUp.client.secretKey.isEmpty())
        startUp.client.secretKey = stored.secretKey;

    if (startUp.client.publicKey.isEmpty())
        failUsage(QStringLiteral("no IntaSend public key: pass --public-key or set intasend/public_key in %1")
                      .arg(QDir(startUp.dataDir).filePath(Settings::fileName())));
    const QString mismatch =
        keyEnvironmentMismatch(startUp.environment.kind, startUp.client.publicKey, startUp.client.secretKey);
    if (!mismatch.isEmpty())
        failUsage(mismatch);
    startUp.client.baseUrl = startUp.environment.baseUrl;
    return startUp;
}

// Tells the person at the till, on screen and on stderr (and so in the system log).
void reportFatal(const QString& message)
{
    std::fprintf(stderr, "lipa-till: %s\n", qUtf8Printable(message));
    // Offscreen (tests, scripts) nobody could read or close a dialog; stderr has said it.
    if (QGuiApplication::platformName() != u"offscreen")
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Lipa Till cannot start"),
                              message);
}

// Opens the journal for this environment. A damaged file has been moved aside by Journal::open; the
// cashier decides whether to start a new one (never silently).
std::unique_ptr<Journal> openJournal(const QString& dataDir, EnvironmentKind kind)
{
    const QString path = QDir(dataDir).filePath(Journal::fileName(environmentKey(kind)));
    // A journal moved aside as damaged, and no new one yet: the cashier chose to stop last time (or
    // could not be asked). Never start an empty journal over it without asking again.
    const QStringList damaged = QDir(dataDir).entryList(
        {Journal::fileName(environmentKey(kind)) + QStringLiteral(".damaged-*")}, QDir::Files);
    if (!QFile::exists(path) && !damaged.isEmpty()) {
        const QString message =
            QCoreApplication::translate("main", "The journal was found damaged earlier and was "
                                                "moved to %1. There is no journal now.")
                .arg(QDir::toNativeSeparators(QDir(dataDir).filePath(damaged.last())));
        if (QGuiApplication::platformName() == u"offscreen") {
            reportFatal(
                message + u' ' +
                QCoreApplication::translate("main", "Start the till on a screen to begin a new journal."));
            return nullptr;
        }
        const auto answer =
            QMessageBox::question(nullptr, QCoreApplication::translate("main", "No journal"),
                                  message + QStringLiteral("\n\n") +
                                      QCoreApplication::translate("main", "Start a new, empty journal now?"));
        if (answer != QMessageBox::Yes)
            return nullptr;
    }
    Journal::OpenError error;
    std::unique_ptr<Journal> journal = Journal::open(path, &error);
    if (journal)
        return journal;
    std::fprintf(stderr, "lipa-till: %s\n", qUtf8Printable(error.message));
    if (error.kind != Journal::OpenError::Corrupt || error.movedAsideTo.isEmpty()) {
        reportFatal(error.message);
        return nullptr;
    }
    if (QGuiApplication::platformName() == u"offscreen")
        return nullptr; // nobody to ask: keep the damaged file aside and stop
    QMessageBox question(QMessageBox::Warning, QCoreApplication::translate("main", "The journal is damaged"),
                         error.message + QStringLiteral("\n\n") +
                             QCoreApplication::translate("main",
                                                         "Start a new, empty journal now? The damaged file "
                                                         "stays where it is for the shop's records."));
    QPushButton* startNew = question.addButton(QCoreApplication::translate("main", "Start a new journal"),
                                               QMessageBox::AcceptRole);
    question.addButton(QCoreApplication::translate("main", "Quit"), QMessageBox::RejectRole);
    question.exec();
    if (question.clickedButton() != startNew)
        return nullptr;
    journal = Journal::open(path, &error);
    if (!journal)
        reportFatal(error.message);
    return journal;
}

// --self-test: one demo payment typed into the real window, followed to its end.
void runSelfTest(MainWindow& window, Till& till)
{
    QObject::connect(&till, &Till::paymentChanged, &window, [](const Payment& payment) {
        if (!payment.isFinal())
            return;
        if (payment.state == PaymentState::Complete) {
            std::printf("self-test: paid %s from %s, M-Pesa receipt %s\n",
                        qPrintable(payment.amount.toDisplayString()), qPrintable(payment.phone.masked()),
                        qPrintable(payment.mpesaReceipt));
            QCoreApplication::exit(0);
        } else {
            std::fprintf(stderr, "self-test: the payment ended %s: %s\n", qPrintable(stateKey(payment.state)),
                         qPrintable(payment.failureMessage));
            QCoreApplication::exit(1);
        }
    });
    QTimer::singleShot(0, &window, [&window] {
        window.chargePanel()->fill(Money::fromShillings(10),
                                   PhoneNumber::parse(QStringLiteral("0712345678")).value());
        window.chargePanel()->submit();
    });
    QTimer::singleShot(std::chrono::seconds(30), &window, [] {
        std::fprintf(stderr, "self-test: no answer within 30 s\n");
        QCoreApplication::exit(1);
    });
}

// One run of the till with these settings: until the window closes (its exit code) or Settings were
// saved (kRestart).
int runTill(StartUp& startUp, KeyStore* keys)
{
    SystemClock clock;
    std::unique_ptr<IntaSendSimulator> simulator;
    if (startUp.environment.kind == EnvironmentKind::Demo) {
        simulator = std::make_unique<IntaSendSimulator>(clock);
        if (!simulator->listen()) {
            std::fprintf(stderr, "lipa-till: the demo simulator could not listen on 127.0.0.1\n");
            return 1;
        }
        startUp.environment = Environment::demo(simulator->baseUrl());
        startUp.client.baseUrl = simulator->baseUrl();
        startUp.client.publicKey = QStringLiteral("ISPubKey_test_demo");
        startUp.client.secretKey.clear();
        if (startUp.selfTest)
            simulator->setTiming({std::chrono::milliseconds(200), std::chrono::milliseconds(600)});
    }

    // Before any window or message exists: every string the till shows is translated when made.
    Language::install(startUp.settings.language);
    // Text size: a share of the system's font, so large screens can be read from across the counter.
    static const QFont systemFont = QApplication::font();
    QFont font = systemFont;
    font.setPointSizeF(systemFont.pointSizeF() * startUp.settings.textSizePercent / 100.0);
    QApplication::setFont(font);

    std::unique_ptr<Journal> journal = openJournal(startUp.dataDir, startUp.environment.kind);
    if (!journal)
        return kJournalError;
    TillStack stack(clock, startUp.client, startUp.settings, std::move(journal));
    MainWindow window(stack.till, startUp.environment, startUp.settings.maxAmountShillings);
    if (!startUp.selfTest && keys)
        window.setSettingsAccess(startUp.settings, QDir(startUp.dataDir).filePath(Settings::fileName()),
                                 keys);
    QStringList banner = startUp.settingsProblems;
    if (simulator && startUp.firstRun)
        banner.prepend(MainWindow::firstRunBanner());
    else if (simulator)
        banner.prepend(
            MainWindow::tr("Demo mode — no real money. Payments go to the built-in IntaSend simulator."));
    window.showBanner(banner.join(u'\n'));
    QObject::connect(&window, &MainWindow::restartRequested, &window, [&stack] {
        // Not while a request is on its way: its answer must be heard and recorded first.
        auto* waiting = new QTimer(&stack.till);
        QObject::connect(waiting, &QTimer::timeout, waiting, [&stack, waiting] {
            if (stack.till.requestsInFlight() == 0) {
                waiting->stop();
                QCoreApplication::exit(kRestart);
            }
        });
        waiting->start(50);
    });
    window.show();
    window.activateWindow(); // a kiosk till may have no window manager to give it the keyboard
    stack.till.resume();
    if (startUp.selfTest)
        runSelfTest(window, stack.till);
    if (startUp.quitAfterReady)
        QTimer::singleShot(0, &window, &QCoreApplication::quit); // after the first pass of the event loop

    return QApplication::exec();
}

} // namespace

int main(int argc, char* argv[])
{
    std::optional<StartUp> startUp;
    std::unique_ptr<KeyStore> keys;
    QStringList arguments;
    {
        QCoreApplication probe(argc, argv);
        setApplicationNames();
        arguments = QCoreApplication::arguments();
        startUp = readStartUp(arguments, &keys);
    }

    QApplication app(argc, argv);
    setApplicationNames();
    // An idle till must not wake up: no blinking-cursor timer (the cursor stays visible, just still).
    QApplication::setCursorFlashTime(0);
    QApplication::setApplicationDisplayName(QStringLiteral("Lipa Till"));

    // One till per data folder: a second one would poll the same payments and fight over the journal.
    QLockFile lock(QDir(startUp->dataDir).filePath(QStringLiteral("lipa-till.lock")));
    lock.setStaleLockTime(0); // a till killed by a power cut leaves a stale lock; its process is gone
    if (!lock.tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString app;
        lock.getLockInfo(&pid, &host, &app);
        reportFatal(QCoreApplication::translate("main",
                                                "Another Lipa Till (process %1) is already running with the "
                                                "data folder %2. Only one till can use it at a time.")
                        .arg(pid)
                        .arg(QDir::toNativeSeparators(startUp->dataDir)));
        return kAlreadyRunning;
    }

    // Settings saved from the window start the till again, in this process, with the new settings.
    for (;;) {
        const int exitCode = runTill(*startUp, keys.get());
        if (exitCode != kRestart)
            return exitCode;
        startUp = readStartUp(arguments, &keys);
    }
}
