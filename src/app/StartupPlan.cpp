// SPDX-License-Identifier: GPL-3.0-or-later
#include "StartupPlan.h"

#include "PrivateFiles.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace lipa {

QString StartupPlan::takeSecretKeyFromEnvironment()
{
    const QString secret = qEnvironmentVariable("LIPA_TILL_SECRET_KEY").trimmed();
    qunsetenv("LIPA_TILL_SECRET_KEY");
    return secret;
}

Result<StartupPlan> StartupPlan::read(const QStringList& arguments, const QString& secretKey)
{
    using Failed = Result<StartupPlan>;
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
    const QCommandLineOption shopDb(
        QStringLiteral("shop-db"),
        QCoreApplication::translate("main", "The shop database shared by the shop's tills: "
                                            "postgresql://USER@HOST:PORT/DBNAME. The password is read from "
                                            "the key store or LIPA_TILL_SHOP_DB_PASSWORD, never from here."),
        QStringLiteral("URL"));
    const QCommandLineOption exportCsv(
        QStringLiteral("export-csv"),
        QCoreApplication::translate("main", "With --shop-db, --from and --to: write every till's payments of "
                                            "those days to FILE and exit, without a window."),
        QStringLiteral("FILE"));
    const QCommandLineOption from(QStringLiteral("from"),
                                  QCoreApplication::translate("main", "The first day of --export-csv."),
                                  QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption to(QStringLiteral("to"),
                                QCoreApplication::translate("main", "The last day of --export-csv."),
                                QStringLiteral("YYYY-MM-DD"));
    parser.addOptions(
        {demo, apiBase, publicKey, dataDir, selfTest, quitAfterReady, shopDb, exportCsv, from, to});
    if (!parser.parse(arguments))
        return Failed::error(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return Failed::error(QStringLiteral("unexpected argument \"%1\"; see --help")
                                 .arg(parser.positionalArguments().first()));
    if (parser.isSet(demo) && parser.isSet(apiBase))
        return Failed::error(QStringLiteral("--demo and --api-base cannot be used together"));

    StartupPlan plan;
    if (parser.isSet(exportCsv) || parser.isSet(from) || parser.isSet(to)) {
        // The accountant's export: no window, no journal, no data folder; only the shop database.
        if (!parser.isSet(exportCsv) || !parser.isSet(shopDb) || !parser.isSet(from) || !parser.isSet(to))
            return Failed::error(QStringLiteral("--export-csv needs --shop-db, --from and --to"));
        CsvExportRequest request;
        request.path = parser.value(exportCsv);
        request.from = QDate::fromString(parser.value(from), Qt::ISODate);
        request.to = QDate::fromString(parser.value(to), Qt::ISODate);
        if (!request.from.isValid() || !request.to.isValid())
            return Failed::error(QStringLiteral("--from and --to are dates: YYYY-MM-DD"));
        if (request.to < request.from)
            return Failed::error(QStringLiteral("--to is before --from"));
        const Result<ShopUrl> url = ShopUrl::parse(parser.value(shopDb));
        if (!url)
            return Failed::error(QStringLiteral("--shop-db: %1").arg(url.error()));
        plan.shopDatabase = url.value();
        plan.exportCsv = request;
        // Only for the key store, which keeps the password per data folder; nothing is created.
        plan.dataDir = parser.isSet(dataDir)
                           ? parser.value(dataDir)
                           : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        return Failed::ok(std::move(plan));
    }
    plan.selfTest = parser.isSet(selfTest);
    plan.quitAfterReady = parser.isSet(quitAfterReady);
    if (plan.selfTest) {
        // Its own folder: a self-test never touches a till's settings or journal.
        static QTemporaryDir scratch;
        plan.dataDir = scratch.path();
        plan.environment.kind = EnvironmentKind::Demo;
        plan.settings.polling.firstCheck = std::chrono::milliseconds(300);
        plan.settings.polling.maxInterval = std::chrono::milliseconds(500);
        return Failed::ok(std::move(plan));
    }
    plan.dataDir = parser.isSet(dataDir) ? parser.value(dataDir)
                                         : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (const QString problem = PrivateFiles::makeFolder(plan.dataDir); !problem.isEmpty()) {
        if (!QFileInfo(plan.dataDir).isDir())
            return Failed::error(QStringLiteral("cannot create the data directory %1").arg(plan.dataDir));
        // Not the till's to change (a folder a shop shares on purpose): it still starts, and says so.
        plan.settingsProblems.append(
            QCoreApplication::translate("main", "Other users of this computer may be able to read the data "
                                                "folder %1, and the till could not change that (%2).")
                .arg(QDir::toNativeSeparators(plan.dataDir), problem));
    }
    // None of the till's files in it may be a link that would take its writes somewhere else. (The
    // journal is looked at when it is opened.)
    for (const QString& file : {plan.iniPath(), KeyStore::filePathIn(plan.dataDir), plan.lockPath()}) {
        if (const QString problem = PrivateFiles::refusal(file); !problem.isEmpty())
            return Failed::error(
                QStringLiteral("%1 cannot be used: %2").arg(QDir::toNativeSeparators(file), problem));
    }
    plan.settings = Settings::load(plan.iniPath(), &plan.settingsProblems);
    const Settings& settings = plan.settings;
    // A shop database from the command line wins over the settings file's; a bad URL stops the till
    // (it would otherwise run without the shop believing it is connected).
    if (const QString shopUrl = parser.isSet(shopDb) ? parser.value(shopDb) : settings.shopDatabase;
        !shopUrl.isEmpty()) {
        const Result<ShopUrl> url = ShopUrl::parse(shopUrl);
        if (!url)
            return Failed::error(QStringLiteral("%1: %2").arg(
                parser.isSet(shopDb) ? QStringLiteral("--shop-db") : QStringLiteral("shop/database"),
                url.error()));
        plan.shopDatabase = url.value();
    }

    plan.publicKeyGiven = parser.isSet(publicKey);
    plan.client.publicKey = plan.publicKeyGiven ? parser.value(publicKey).trimmed() : settings.publicKey;
    plan.client.secretKey = secretKey;
    plan.client.transferTimeout = settings.requestTimeout;

    const bool nothingConfigured = !settings.environment && plan.client.publicKey.isEmpty();
    plan.firstRun = nothingConfigured && !parser.isSet(apiBase);
    if (parser.isSet(demo) ||
        (!parser.isSet(apiBase) && (nothingConfigured || settings.environment == EnvironmentKind::Demo))) {
        plan.environment.kind = EnvironmentKind::Demo; // the URL is the simulator's, known once it listens
        return Failed::ok(std::move(plan));
    }

    if (parser.isSet(apiBase)) {
        const Result<QUrl> url = parseBaseUrl(parser.value(apiBase));
        if (!url)
            return Failed::error(QStringLiteral("--api-base: %1").arg(url.error()));
        plan.environment = Environment::custom(url.value());
    } else if (settings.environment == EnvironmentKind::Custom) {
        const Result<QUrl> url = parseBaseUrl(settings.baseUrl);
        if (!url)
            return Failed::error(
                QStringLiteral("intasend/base_url in the settings file: %1").arg(url.error()));
        plan.environment = Environment::custom(url.value());
    } else if (settings.environment == EnvironmentKind::Live) {
        plan.environment = Environment::live();
    } else {
        plan.environment = Environment::sandbox();
    }
    plan.client.baseUrl = plan.environment.baseUrl;
    return Failed::ok(std::move(plan));
}

QString StartupPlan::takeShopPasswordFromEnvironment()
{
    const QByteArray name("LIPA_TILL_SHOP_DB_PASSWORD");
    const QString password = qEnvironmentVariable(name.constData());
    qunsetenv(name.constData());
    return password;
}

bool StartupPlan::needsStoredKeys() const
{
    return !selfTest && !exportCsv && environment.kind != EnvironmentKind::Demo;
}

QString StartupPlan::useStoredKeys(const IntaSendKeys& stored)
{
    if (!publicKeyGiven && !stored.publicKey.isEmpty())
        client.publicKey = stored.publicKey;
    if (client.secretKey.isEmpty())
        client.secretKey = stored.secretKey;
    if (client.publicKey.isEmpty())
        return QStringLiteral("no IntaSend public key: pass --public-key or set intasend/public_key in %1")
            .arg(iniPath());
    return keyEnvironmentMismatch(environment.kind, client.publicKey, client.secretKey);
}

void StartupPlan::useSimulator(const QUrl& baseUrl)
{
    environment = Environment::demo(baseUrl);
    client.baseUrl = baseUrl;
    client.publicKey = QStringLiteral("ISPubKey_test_demo");
    // Never a real secret key on the simulator; its own demo key, so that finding lost payments,
    // reconciling and refunds can be tried in demo mode too.
    client.secretKey = QStringLiteral("ISSecretKey_test_demo");
}

QString StartupPlan::iniPath() const
{
    return QDir(dataDir).filePath(Settings::fileName());
}

QString StartupPlan::lockPath() const
{
    return QDir(dataDir).filePath(QStringLiteral("lipa-till.lock"));
}

FolderLock StartupPlan::lockDataFolder() const
{
    FolderLock taken;
    if (const QString problem = PrivateFiles::refusal(lockPath()); !problem.isEmpty()) {
        taken.error = QStringLiteral("the lock file %1 cannot be used: %2")
                          .arg(QDir::toNativeSeparators(lockPath()), problem);
        return taken;
    }
    auto lock = std::make_unique<QLockFile>(lockPath());
    lock->setStaleLockTime(0); // a till killed by a power cut leaves a stale lock; its process is gone
    bool locked = false;
    {
        const PrivateFiles::OwnerOnlyCreation ownerOnly; // QLockFile makes the file itself
        locked = lock->tryLock(0);
    }
    if (locked) {
        PrivateFiles::makeFile(lockPath(), false); // one left by an earlier version may be readable by all
        taken.lock = std::move(lock);
        return taken;
    }
    switch (lock->error()) {
    case QLockFile::LockFailedError: {
        qint64 pid = 0;
        QString host;
        QString application;
        lock->getLockInfo(&pid, &host, &application);
        taken.heldByAnotherTill = true;
        taken.error =
            QCoreApplication::translate("main", "Another Lipa Till (process %1) is already running with the "
                                                "data folder %2. Only one till can use it at a time.")
                .arg(pid)
                .arg(QDir::toNativeSeparators(dataDir));
        break;
    }
    case QLockFile::PermissionError:
        taken.error = QStringLiteral("the lock file %1 cannot be created: the data folder %2 cannot be "
                                     "written to")
                          .arg(QDir::toNativeSeparators(lockPath()), QDir::toNativeSeparators(dataDir));
        break;
    default:
        taken.error =
            QStringLiteral("the lock file %1 cannot be created").arg(QDir::toNativeSeparators(lockPath()));
        break;
    }
    return taken;
}

} // namespace lipa
