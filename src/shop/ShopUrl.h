// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QMetaType>
#include <QString>

namespace lipa {

// Where the shop database is, as a till's settings name it: postgresql://USER@HOST:PORT/DBNAME, with
// ?sslmode=…, ?connect_timeout=… and ?application_name=… passed through to libpq. It never holds a
// password: that comes from the key store or LIPA_TILL_SHOP_DB_PASSWORD straight into the connection, so
// a ShopUrl may be logged, shown and stored freely.
struct ShopUrl {
    QString user;
    QString host;
    QString database;
    int port = 5432;
    // The URL's parameters in QPSQL's form ("sslmode=require;connect_timeout=10"); a value libpq would
    // misread (blanks, quotes) is quoted.
    QString connectOptions;

    // postgresql:// or postgres://. Refuses a password in the URL, parameters other than the three above,
    // and anything else it cannot use, with a reason fit for the settings dialog (never quoting the URL).
    static Result<ShopUrl> parse(const QString& url);
    // postgresql://user@host:port/db: for logs, the status bar and messages.
    QString display() const;

    friend bool operator==(const ShopUrl&, const ShopUrl&) = default;
};

} // namespace lipa

Q_DECLARE_METATYPE(lipa::ShopUrl)
