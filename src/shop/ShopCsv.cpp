// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopCsv.h"

#include "CsvFormat.h"
#include "ShopConnection.h"
#include "ShopSchema.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace lipa {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("lipa::ShopCsv", text);
}

bool exec(QSqlDatabase& db, const QString& sql, QString* error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    *error = query.lastError().text();
    return false;
}

// The shop database does not keep how a payment was asked for (M-Pesa prompt or card/QR checkout) yet: its
// export leaves the till's last column, method, out rather than say "mpesa" for every payment.
QStringList withoutMethod(QStringList cells)
{
    Q_ASSERT(CsvFormat::header().last() == u"method");
    cells.removeLast();
    return cells;
}

} // namespace

QStringList ShopCsv::header()
{
    return withoutMethod(CsvFormat::header())
           << QStringLiteral("till") << QStringLiteral("till_id") << QStringLiteral("branch");
}

QStringList ShopCsv::row(const ShopPayment& payment)
{
    return withoutMethod(CsvFormat::row(payment.payment))
           << payment.tillName << payment.tillId.toString(QUuid::WithoutBraces) << payment.branch;
}

qint64 ShopCsv::write(QSqlDatabase& db, const ShopFilter& filter, const QString& path, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return -1;
    }
    // One snapshot for every page: what the tills write meanwhile is in none of them or in its place.
    if (!exec(db, QStringLiteral("START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"), error))
        return -1;
    const auto fail = [&](const QString& reason) {
        *error = reason;
        file.cancelWriting(); // a short file must not pass for the whole export
        QString ignored;
        exec(db, QStringLiteral("ROLLBACK"), &ignored);
        return qint64(-1);
    };
    file.write(CsvFormat::line(header()));
    qint64 written = 0;
    std::optional<PageKey> after;
    for (;;) {
        if (QThread::currentThread()->isInterruptionRequested())
            return fail(tr("The export was stopped."));
        QString readError;
        const QList<ShopPayment> page = ShopQuery::page(db, filter, after, kPageSize, &readError);
        if (!readError.isEmpty())
            return fail(readError);
        for (const ShopPayment& payment : page)
            file.write(CsvFormat::line(row(payment)));
        written += page.size();
        if (page.size() < kPageSize)
            break;
        after = PageKey::of(page.last());
    }
    QString commitError;
    if (!exec(db, QStringLiteral("COMMIT"), &commitError))
        return fail(commitError);
    if (!file.commit()) {
        *error = file.errorString();
        return -1;
    }
    return written;
}

qint64 ShopCsv::exportFilter(const ShopUrl& url, const QString& password, const ShopFilter& filter,
                             const QString& path, QString* error)
{
    ShopConnection connection(url, password, QStringLiteral("export"));
    if (!connection.open()) {
        *error = connection.error();
        return -1;
    }
    const SchemaCheck check = ShopSchema::inspect(connection.db());
    if (check.kind != SchemaCheck::Kind::Ready) {
        *error = check.message;
        return -1;
    }
    return write(connection.db(), filter, path, error);
}

qint64 ShopCsv::exportDays(const ShopUrl& url, const QString& password, const QDate& from, const QDate& to,
                           const QString& path, QString* error)
{
    if (!from.isValid() || !to.isValid() || from > to) {
        *error = tr("The export needs a first day that is not after the last.");
        return -1;
    }
    ShopFilter filter;
    filter.from = from.startOfDay().toUTC();
    filter.to = to.addDays(1).startOfDay().toUTC();
    return exportFilter(url, password, filter, path, error);
}

} // namespace lipa
