// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopQuery.h"
#include "ShopUrl.h"

#include <QDate>
#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace lipa {

// Every till's payments as one CSV file, for the accountant: the columns of a till's own export
// (CsvFormat) and then till, till_id and branch. Read-only and read in keyset pages inside one
// REPEATABLE READ READ ONLY transaction: safe while the tills write, and the file is one consistent
// snapshot (a payment moving between two pages appears once). Written atomically: a half-written file
// never replaces a good one.
class ShopCsv {
public:
    static constexpr int kPageSize = 5000;

    static QStringList header();
    static QStringList row(const ShopPayment& payment);

    // The payments matching filter, newest first, on a connection the caller owns (open, in this
    // thread, with no transaction running). Returns how many were written, or -1 with *error set. Stops
    // (-1) between pages when the thread is asked to (QThread::requestInterruption).
    static qint64 write(QSqlDatabase& db, const ShopFilter& filter, const QString& path, QString* error);
    // The same over a connection of its own, made and closed in the calling thread; a database that is
    // not a Lipa shop database of this version is refused before anything is read.
    static qint64 exportFilter(const ShopUrl& url, const QString& password, const ShopFilter& filter,
                               const QString& path, QString* error);
    // Payments created on the local calendar days from..to (both included: [from 00:00, to+1 00:00)).
    static qint64 exportDays(const ShopUrl& url, const QString& password, const QDate& from, const QDate& to,
                             const QString& path, QString* error);
};

} // namespace lipa
