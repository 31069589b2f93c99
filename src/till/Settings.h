// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Environment.h"
#include "StatusPoller.h"

#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>
#include <utility>

namespace lipa {

// Everything a shop configures, as read from the INI file in the data dir (lipa-till.ini). Every key, its
// default and its range is a row of SettingsSchema, which load and save go through (and the README's
// table, which a test holds to it). A bad value is reported and replaced by its default; it never stops
// the till. The defaults below are the schema's (tst_settings checks that they agree).
struct Settings {
    // [intasend]
    std::optional<EnvironmentKind> environment; // nullopt: nothing configured, so demo
    QString baseUrl;                            // for the custom environment
    QString publicKey;
    std::chrono::milliseconds requestTimeout{30000};

    // [till]
    QString tillName;
    qint64 maxAmountShillings = 150000; // till/max_amount: the largest single M-Pesa payment
    qint64 maxSaleShillings = 1000000;  // till/max_sale: the largest sale, taken in parts above max_amount

    // [polling]
    PollSchedule polling;

    // [till] sound, language
    bool sound = true;
    QString language = QStringLiteral("system"); // "system", "en" or "sw"
    // [till] receipt_paper: "58mm" or "80mm" (thermal rolls) or "a4"; text_size: percent of the
    // system's font size, for large screens read from across the counter
    QString receiptPaper = QStringLiteral("80mm");
    int textSizePercent = 100;
    bool keypad = false; // till/keypad: the on-screen keypad shown (View → On-screen keypad saves it)
    // [till] at the counter: the window full screen (kiosks); the customer's display ("off", "window" or
    // "screen:N", full screen on the N-th screen) and its language ("till": the till's own, "en", "sw")
    bool fullScreen = false;
    QString customerDisplay = QStringLiteral("off");
    QString customerLanguage = QStringLiteral("till");
    // [printer] escpos: a raw ESC/POS receipt printer ("usb:/dev/usb/lp0", "serial:/dev/ttyUSB0:9600",
    // "tcp://HOST:9100"); empty: the system's print dialog. drawer: the cash drawer on that printer opens
    // for cash.
    QString escposPrinter;
    bool cashDrawer = false;

    // [till] id: this till's identity in the shop database, a UUID made at its first start (a copied data
    // folder copies it too: the shop database notices two tills with one id)
    QString tillId;
    // [shop] database: postgresql://USER@HOST:PORT/DBNAME (the password is in the key store, never here);
    // empty: no shop database, and nothing of it runs. branch: for chains sharing one database.
    QString shopDatabase;
    QString shopBranch;
    // [security]
    QString managerPinHash; // empty: no PIN (see ManagerPin)

    static QString fileName() { return QStringLiteral("lipa-till.ini"); }
    // Reads iniPath (a missing file gives the defaults). Problems are described in *problems.
    static Settings load(const QString& iniPath, QStringList* problems);
    // Writes every key to iniPath (keys not written by load stay). False, with *error, on failure.
    bool save(const QString& iniPath, QString* error) const;
    // Writes these keys to iniPath (nullopt removes one) and leaves the others as they are. The file is
    // readable by its owner only and never written through a symbolic link. False, with *error, if not.
    static bool writeKeys(const QString& iniPath,
                          const QList<std::pair<QString, std::optional<QString>>>& values, QString* error);
};

} // namespace lipa
