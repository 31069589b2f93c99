// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Environment.h"
#include "IntaSendClient.h"
#include "KeyStore.h"
#include "Result.h"
#include "Settings.h"
#include "ShopUrl.h"

#include <QDate>
#include <QLockFile>
#include <QStringList>

#include <memory>
#include <optional>

namespace lipa {

// The data folder's lock, held while the till runs (one till per folder), or why it could not be taken.
struct FolderLock {
    std::unique_ptr<QLockFile> lock; // null when it could not be taken
    QString error;
    bool heldByAnotherTill = false;
};

// lipa-till --shop-db URL --export-csv FILE --from DAY --to DAY: the accountant's export, no window.
struct CsvExportRequest {
    QString path;
    QDate from;
    QDate to;
};

// What one run of the till starts with, decided from the command line, the settings file and the keys
// before any window exists (so that --help, --version and bad options work without a display).
struct StartupPlan {
    bool selfTest = false;
    bool quitAfterReady = false;
    Environment environment;
    ClientConfig client;
    Settings settings;
    QStringList settingsProblems;
    QString dataDir;
    bool firstRun = false;                     // nothing configured: demo mode, with a pointer to Settings
    bool publicKeyGiven = false;               // --public-key, which wins over the key store
    std::optional<ShopUrl> shopDatabase;       // --shop-db or shop/database; none: no shop database
    std::optional<CsvExportRequest> exportCsv; // set: export and exit (see main)

    // Reads the command line and the settings file (--help and --version print and exit here). Fails
    // with the reason for a bad option or setting. The stored keys come later: see needsStoredKeys.
    // secretKey: what LIPA_TILL_SECRET_KEY held when the process started (see takeSecretKeyFromEnvironment).
    static Result<StartupPlan> read(const QStringList& arguments, const QString& secretKey = {});
    // Reads LIPA_TILL_SECRET_KEY and removes it from the environment, so that no child process (the chime
    // players, a print helper) inherits the secret. Called once, at the start of main.
    static QString takeSecretKeyFromEnvironment();
    // The same for LIPA_TILL_SHOP_DB_PASSWORD, the shop database's password.
    static QString takeShopPasswordFromEnvironment();

    // Whether the key store is to be asked for the environment's keys before the till can start.
    bool needsStoredKeys() const;
    // Takes the keys saved in Settings for the environment, unless the command line or
    // LIPA_TILL_SECRET_KEY gave them. The reason the till cannot start with the keys it has, or nothing.
    QString useStoredKeys(const IntaSendKeys& stored);
    // Demo: payments go to the built-in simulator listening at baseUrl, with its demo key.
    void useSimulator(const QUrl& baseUrl);

    QString iniPath() const;
    QString lockPath() const;
    // Takes the data folder's lock, in a file only the till's user can read; a link in its place is
    // refused, never followed or removed.
    FolderLock lockDataFolder() const;
};

} // namespace lipa
