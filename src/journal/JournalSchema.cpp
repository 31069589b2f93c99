// SPDX-License-Identifier: GPL-3.0-or-later
#include "JournalSchema.h"

#include "JournalConnection.h"
#include "PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QUuid>

namespace lipa {

namespace {

// Each migration takes the schema from version N-1 to N. They run in order, all in one transaction.
// A migration is history: files in shops were made by it, so it is never edited, only followed by a new
// one. That is why its state lists are written out here instead of read from the state table.
const QList<QStringList>& migrations()
{
    static const QList<QStringList> steps = {
        // 1: payments and their events.
        {
            QStringLiteral("CREATE TABLE payments ("
                           " id INTEGER PRIMARY KEY,"
                           " local_ref TEXT NOT NULL UNIQUE,"
                           " amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),"
                           " phone TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " created_at INTEGER NOT NULL,"
                           " updated_at INTEGER NOT NULL,"
                           " invoice_id TEXT,"
                           " remote_state TEXT,"
                           " mpesa_receipt TEXT,"
                           " failed_code TEXT,"
                           " failure_message TEXT)"),
            QStringLiteral("CREATE TABLE events ("
                           " id INTEGER PRIMARY KEY,"
                           " payment_id INTEGER NOT NULL REFERENCES payments(id),"
                           " at INTEGER NOT NULL,"
                           " from_state TEXT,"
                           " to_state TEXT NOT NULL,"
                           " remote_state TEXT,"
                           " detail TEXT)"),
            QStringLiteral("CREATE INDEX events_by_payment ON events(payment_id)"),
            QStringLiteral("CREATE INDEX payments_unfinished ON payments(state)"
                           " WHERE state NOT IN ('Complete', 'Failed', 'Rejected')"),
        },
        // 2: the till's name, links between attempts, and the indexes the history's search needs.
        {
            QStringLiteral("ALTER TABLE payments ADD COLUMN till_name TEXT NOT NULL DEFAULT ''"),
            QStringLiteral(
                "ALTER TABLE payments ADD COLUMN replaces_ref TEXT REFERENCES payments(local_ref)"),
            QStringLiteral("CREATE INDEX payments_by_created ON payments(created_at)"),
            QStringLiteral("CREATE INDEX payments_by_phone ON payments(phone, id)"),
            QStringLiteral("CREATE INDEX payments_by_amount ON payments(amount_cents, id)"),
            QStringLiteral("CREATE INDEX payments_by_invoice ON payments(invoice_id)"),
            QStringLiteral("CREATE INDEX payments_by_receipt ON payments(mpesa_receipt COLLATE NOCASE)"),
            QStringLiteral("CREATE INDEX payments_by_state ON payments(state, id)"),
            // Covers the all-time totals (count and sum by state) without reading the table.
            QStringLiteral("CREATE INDEX payments_totals ON payments(state, amount_cents)"),
        },
        // 3: finding the attempt that replaced a payment (resend) without reading the table.
        {
            QStringLiteral("CREATE INDEX payments_by_replaces ON payments(replaces_ref)"
                           " WHERE replaces_ref IS NOT NULL"),
        },
        // 4: shifts, each closed by a Z report kept as printed. At most one open shift (closed_at NULL).
        {
            QStringLiteral("CREATE TABLE shifts ("
                           " id INTEGER PRIMARY KEY,"
                           " cashier TEXT NOT NULL,"
                           " opened_at INTEGER NOT NULL,"
                           " closed_at INTEGER,"
                           " z_report TEXT)"),
            QStringLiteral("CREATE UNIQUE INDEX shifts_one_open ON shifts((closed_at IS NULL))"
                           " WHERE closed_at IS NULL"),
        },
        // 5: IntaSend's fee on each payment and what reached the wallet (NULL: not known yet); refund
        // requests, followed until IntaSend decides them; reconciliations with IntaSend's records, kept like
        // Z reports with the items worth a look.
        {
            QStringLiteral("ALTER TABLE payments ADD COLUMN charges_cents INTEGER"),
            QStringLiteral("ALTER TABLE payments ADD COLUMN net_cents INTEGER"),
            QStringLiteral("CREATE TABLE refunds ("
                           " id INTEGER PRIMARY KEY,"
                           " payment_ref TEXT NOT NULL REFERENCES payments(local_ref),"
                           " invoice_id TEXT NOT NULL,"
                           " amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),"
                           " reason TEXT NOT NULL,"
                           " details TEXT,"
                           " state TEXT NOT NULL,"
                           " chargeback_id TEXT,"
                           " raw_status TEXT,"
                           " resolution TEXT,"
                           " message TEXT,"
                           " cashier TEXT,"
                           " created_at INTEGER NOT NULL,"
                           " updated_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX refunds_by_payment ON refunds(payment_ref)"),
            QStringLiteral("CREATE INDEX refunds_by_created ON refunds(created_at)"),
            QStringLiteral("CREATE INDEX refunds_open ON refunds(state)"
                           " WHERE state NOT IN ('Refused', 'Cancelled', 'Completed')"),
            QStringLiteral("CREATE TABLE reconciliations ("
                           " id INTEGER PRIMARY KEY,"
                           " till_name TEXT NOT NULL,"
                           " cashier TEXT,"
                           " period_from INTEGER NOT NULL,"
                           " period_to INTEGER NOT NULL,"
                           " started_at INTEGER NOT NULL,"
                           " finished_at INTEGER NOT NULL,"
                           " complete INTEGER NOT NULL,"
                           " incomplete_reason TEXT,"
                           " invoices_read INTEGER NOT NULL,"
                           " requests INTEGER NOT NULL,"
                           " payments_here INTEGER NOT NULL,"
                           " matched INTEGER NOT NULL,"
                           " paid_there_only INTEGER NOT NULL,"
                           " paid_here_only INTEGER NOT NULL,"
                           " amount_differs INTEGER NOT NULL,"
                           " other_sender INTEGER NOT NULL,"
                           " paid_at_intasend_cents INTEGER NOT NULL,"
                           " charges_cents INTEGER NOT NULL,"
                           " net_cents INTEGER NOT NULL,"
                           " other_sender_cents INTEGER NOT NULL,"
                           " items_expected INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE reconciliation_items ("
                           " id INTEGER PRIMARY KEY,"
                           " reconciliation_id INTEGER NOT NULL REFERENCES reconciliations(id),"
                           " category TEXT NOT NULL,"
                           " api_ref TEXT,"
                           " invoice_id TEXT,"
                           " state_here TEXT,"
                           " state_there TEXT,"
                           " amount_here_cents INTEGER,"
                           " amount_there_cents INTEGER,"
                           " mpesa_reference TEXT,"
                           " charges_cents INTEGER,"
                           " created_at INTEGER)"),
            QStringLiteral("CREATE INDEX reconciliation_items_by_reconciliation"
                           " ON reconciliation_items(reconciliation_id)"),
        },
        // 6: the outbox to the shop database. Triggers add an item in the same transaction as each change
        // (a payment's event, IntaSend's fees learnt later, a shift opened or closed), so nothing the
        // journal records can be missed by the shop, whoever writes it. The history so far is queued once,
        // in order: a till joining a shop database brings its past with it.
        {
            QStringLiteral("CREATE TABLE outbox ("
                           " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " kind TEXT NOT NULL CHECK (kind IN ('event', 'payment', 'shift')),"
                           " row_id INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO outbox(kind, row_id)"
                           " SELECT 'shift', id FROM shifts ORDER BY id"),
            QStringLiteral("INSERT INTO outbox(kind, row_id)"
                           " SELECT 'event', id FROM events ORDER BY id"),
            QStringLiteral("CREATE TRIGGER outbox_events AFTER INSERT ON events"
                           " BEGIN INSERT INTO outbox(kind, row_id) VALUES ('event', NEW.id); END"),
            QStringLiteral(
                "CREATE TRIGGER outbox_fees"
                " AFTER UPDATE OF charges_cents, net_cents, mpesa_receipt ON payments"
                " WHEN OLD.charges_cents IS NOT NEW.charges_cents"
                " OR OLD.net_cents IS NOT NEW.net_cents OR OLD.mpesa_receipt IS NOT NEW.mpesa_receipt"
                " BEGIN INSERT INTO outbox(kind, row_id) VALUES ('payment', NEW.id); END"),
            QStringLiteral("CREATE TRIGGER outbox_shift_opened AFTER INSERT ON shifts"
                           " BEGIN INSERT INTO outbox(kind, row_id) VALUES ('shift', NEW.id); END"),
            QStringLiteral("CREATE TRIGGER outbox_shift_changed AFTER UPDATE ON shifts"
                           " BEGIN INSERT INTO outbox(kind, row_id) VALUES ('shift', NEW.id); END"),
        },
        // 7: a random token on every outbox item. The shop database keeps the token of the last item it has
        // of each till; a journal whose item at that number has another token (a data folder copied and
        // used on two computers, a journal replaced by an older copy) is not that till's any more, even
        // when the two copies are never connected at the same time.
        {
            QStringLiteral("ALTER TABLE outbox ADD COLUMN token TEXT"),
            QStringLiteral("UPDATE outbox SET token = lower(hex(randomblob(8)))"),
            QStringLiteral(
                "CREATE TRIGGER outbox_token AFTER INSERT ON outbox"
                " BEGIN UPDATE outbox SET token = lower(hex(randomblob(8))) WHERE seq = NEW.seq; END"),
        },
        // 8: what the payments of each hour (UTC, by creation) add up to in each state, kept by triggers in
        // the transaction of every change, so that totals are read rather than summed over the journal; and
        // the lowest and highest ids created in that hour (never raised, never lowered: bounds, for paging
        // a time range by id).
        // Built here for the payments already recorded.
        {
            QStringLiteral("CREATE TABLE hour_totals ("
                           " hour INTEGER NOT NULL," // created_at / 3600000
                           " state TEXT NOT NULL,"
                           " count INTEGER NOT NULL,"
                           " sum_cents INTEGER NOT NULL,"
                           " min_id INTEGER NOT NULL,"
                           " max_id INTEGER NOT NULL,"
                           " PRIMARY KEY (hour, state)) WITHOUT ROWID"),
            QStringLiteral(
                "INSERT INTO hour_totals (hour, state, count, sum_cents, min_id, max_id)"
                " SELECT created_at / 3600000, state, count(*), sum(amount_cents), min(id), max(id)"
                " FROM payments GROUP BY 1, 2"),
            QStringLiteral(
                "CREATE TRIGGER hour_totals_insert AFTER INSERT ON payments BEGIN"
                " INSERT INTO hour_totals (hour, state, count, sum_cents, min_id, max_id)"
                " VALUES (NEW.created_at / 3600000, NEW.state, 1, NEW.amount_cents, NEW.id, NEW.id)"
                " ON CONFLICT (hour, state) DO UPDATE SET count = count + 1,"
                " sum_cents = sum_cents + excluded.sum_cents, min_id = min(min_id, excluded.min_id),"
                " max_id = max(max_id, excluded.max_id); END"),
            QStringLiteral(
                "CREATE TRIGGER hour_totals_update AFTER UPDATE OF state, amount_cents, created_at ON "
                "payments"
                " WHEN OLD.state IS NOT NEW.state OR OLD.amount_cents IS NOT NEW.amount_cents"
                " OR OLD.created_at IS NOT NEW.created_at BEGIN"
                " UPDATE hour_totals SET count = count - 1, sum_cents = sum_cents - OLD.amount_cents"
                " WHERE hour = OLD.created_at / 3600000 AND state = OLD.state;"
                " INSERT INTO hour_totals (hour, state, count, sum_cents, min_id, max_id)"
                " VALUES (NEW.created_at / 3600000, NEW.state, 1, NEW.amount_cents, NEW.id, NEW.id)"
                " ON CONFLICT (hour, state) DO UPDATE SET count = count + 1,"
                " sum_cents = sum_cents + excluded.sum_cents, min_id = min(min_id, excluded.min_id),"
                " max_id = max(max_id, excluded.max_id); END"),
            QStringLiteral(
                "CREATE TRIGGER hour_totals_delete AFTER DELETE ON payments BEGIN"
                " UPDATE hour_totals SET count = count - 1, sum_cents = sum_cents - OLD.amount_cents"
                " WHERE hour = OLD.created_at / 3600000 AND state = OLD.state; END"),
        },
        // 9: sales taken in several payments (above the largest single M-Pesa payment, or split between
        // phones and cash). Each part is a payment as before and points at its sale, with its part number
        // and how many parts the sale was planned in. A sale is open until closed_at: paid in full, or
        // closed short by a manager with a reason.
        {
            QStringLiteral("CREATE TABLE sales ("
                           " id INTEGER PRIMARY KEY,"
                           " sale_ref TEXT NOT NULL UNIQUE,"
                           " total_cents INTEGER NOT NULL CHECK (total_cents > 0),"
                           " parts INTEGER NOT NULL CHECK (parts > 0),"
                           " phone TEXT NOT NULL,"
                           " till_name TEXT NOT NULL DEFAULT '',"
                           " created_at INTEGER NOT NULL,"
                           " closed_at INTEGER,"
                           " short_reason TEXT,"
                           " closed_by TEXT)"),
            QStringLiteral("CREATE INDEX sales_open ON sales(created_at) WHERE closed_at IS NULL"),
            QStringLiteral("CREATE INDEX sales_by_created ON sales(created_at)"),
            QStringLiteral("ALTER TABLE payments ADD COLUMN sale_ref TEXT REFERENCES sales(sale_ref)"),
            QStringLiteral("ALTER TABLE payments ADD COLUMN sale_part INTEGER"),
            QStringLiteral("ALTER TABLE payments ADD COLUMN sale_parts INTEGER"),
            QStringLiteral(
                "CREATE INDEX payments_by_sale ON payments(sale_ref, id) WHERE sale_ref IS NOT NULL"),
        },
        // 10: card/QR payments through IntaSend's checkout. A payment says how the customer was asked to pay
        // ('mpesa': a prompt on the phone; 'checkout': a page opened from a QR code), and a checkout keeps
        // its id, the signature the status call needs with it, and the page's address.
        {
            QStringLiteral("ALTER TABLE payments ADD COLUMN method TEXT NOT NULL DEFAULT 'mpesa'"
                           " CHECK (method IN ('mpesa', 'checkout'))"),
            QStringLiteral("ALTER TABLE payments ADD COLUMN checkout_id TEXT"),
            QStringLiteral("ALTER TABLE payments ADD COLUMN checkout_signature TEXT"),
            QStringLiteral("ALTER TABLE payments ADD COLUMN checkout_url TEXT"),
        },
    };
    Q_ASSERT(steps.size() == Journal::kSchemaVersion);
    return steps;
}

QString native(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

bool JournalSchema::folderIsWritable(const QString& path, Journal::OpenError* error)
{
    // A folder we cannot write to is a clear error now rather than a strange one at the first payment.
    const QFileInfo info(path);
    QFile probe(info.dir().filePath(QStringLiteral(".lipa-write-test-") +
                                    QUuid::createUuid().toString(QUuid::Id128)));
    if (!probe.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                    QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = {
            Journal::OpenError::Kind::ReadOnly,
            QCoreApplication::translate(
                "lipa::Journal",
                "The journal folder %1 cannot be written to (%2). Lipa Till needs it to record payments.")
                .arg(native(info.absolutePath()), probe.errorString()),
            {}};
        return false;
    }
    probe.close();
    probe.remove();
    return true;
}

bool JournalSchema::makePrivate(const QString& path, Journal::OpenError* error)
{
    // The files beside it first: nothing is created while any of them is refused.
    for (const QString& suffix :
         {QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal"), QString()}) {
        const QString file = path + suffix;
        if (const QString problem = PrivateFiles::makeFile(file, suffix.isEmpty()); !problem.isEmpty()) {
            *error = {Journal::OpenError::Kind::Other,
                      QCoreApplication::translate("lipa::Journal", "The journal %1 cannot be opened (%2).")
                          .arg(native(file), problem),
                      {}};
            qCWarning(lcJournal) << "cannot open" << file << ":" << problem;
            return false;
        }
    }
    return true;
}

bool JournalSchema::open(QSqlDatabase& db, const QString& path, bool existed, Journal::OpenError* error)
{
    return JournalSchema(db, path, error).open(existed);
}

JournalSchema::JournalSchema(QSqlDatabase& db, const QString& path, Journal::OpenError* error)
    : m_db(db)
    , m_path(path)
    , m_error(error)
{
}

bool JournalSchema::open(bool existed)
{
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
    if (!m_db.open())
        return failFromSql(m_db.lastError());
    m_query.emplace(m_db);
    const std::optional<int> version = readVersion();
    if (!version || !takeLock(*version) || !upgrade(*version, existed) || !useWriteAheadLog())
        return false;
    m_query->finish();
    return true;
}

// Read the version first: a file from a newer Lipa Till must not be touched at all.
std::optional<int> JournalSchema::readVersion()
{
    if (!m_query->exec(QStringLiteral("PRAGMA user_version")) || !m_query->next()) {
        failFromSql(m_query->lastError());
        return std::nullopt;
    }
    const int version = m_query->value(0).toInt();
    m_query->finish();
    if (version > Journal::kSchemaVersion) {
        fail(Journal::OpenError::Kind::NewerVersion,
             QCoreApplication::translate(
                 "lipa::Journal",
                 "The journal %1 was written by a newer Lipa Till (format %2; this one reads up to %3). "
                 "Install the newer version; the file was not changed.")
                 .arg(native(m_path))
                 .arg(version)
                 .arg(Journal::kSchemaVersion));
        return std::nullopt;
    }
    return version;
}

// One till per journal: take the lock now and keep it until the till closes. Reading a row also finds a
// file that is damaged beyond its header.
bool JournalSchema::takeLock(int version)
{
    if (!m_query->exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE")))
        return failFromSql(m_query->lastError());
    if (!m_query->exec(QStringLiteral("BEGIN IMMEDIATE")))
        return failFromSql(m_query->lastError());
    if (version >= 1 &&
        !m_query->exec(QStringLiteral("SELECT count(*) FROM (SELECT id FROM payments ORDER BY id DESC "
                                      "LIMIT 1)"))) {
        const QSqlError sqlError = m_query->lastError();
        m_query->exec(QStringLiteral("ROLLBACK"));
        return failFromSql(sqlError);
    }
    if (!m_query->exec(QStringLiteral("COMMIT")))
        return failFromSql(m_query->lastError());
    return true;
}

bool JournalSchema::upgrade(int version, bool existed)
{
    if (version >= Journal::kSchemaVersion)
        return true;
    QString migrationError;
    if (migrate(m_db, version, &migrationError))
        return true;
    return fail(Journal::OpenError::Kind::Other,
                existed ? QCoreApplication::translate(
                              "lipa::Journal", "The journal %1 could not be upgraded (%2). The file was "
                                               "not changed.")
                              .arg(native(m_path), migrationError)
                        : QCoreApplication::translate("lipa::Journal",
                                                      "A new journal could not be created at %1 (%2).")
                              .arg(native(m_path), migrationError));
}

bool JournalSchema::useWriteAheadLog()
{
    // The page cache at 1 MiB rather than SQLite's 2: what the till reads often (today's pages, the indexes a
    // charge writes, the totals table) fits many times over, and the cache fills to its size once a
    // cashier has scrolled far back, for as long as the till runs (bench_history's RSS).
    for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON",
                               "PRAGMA synchronous = FULL", "PRAGMA cache_size = -1024"}) {
        if (!m_query->exec(QString::fromLatin1(pragma)))
            return failFromSql(m_query->lastError());
    }
    // SQLite answers with the mode it is in, without an error, when WAL is not possible here.
    if (!m_query->exec(QStringLiteral("PRAGMA journal_mode")) || !m_query->next() ||
        m_query->value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return fail(Journal::OpenError::Kind::Other,
                    QCoreApplication::translate("lipa::Journal",
                                                "The journal %1 cannot use write-ahead logging on this disk.")
                        .arg(native(m_path)));
    return true;
}

bool JournalSchema::migrate(QSqlDatabase& db, int fromVersion, QString* error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        *error = query.lastError().text();
        return false;
    }
    const QList<QStringList>& steps = migrations();
    for (int version = fromVersion + 1; version <= Journal::kSchemaVersion; ++version) {
        for (const QString& statement : steps.at(version - 1)) {
            if (!query.exec(statement)) {
                *error = QStringLiteral("step %1: %2").arg(version).arg(query.lastError().databaseText());
                query.exec(QStringLiteral("ROLLBACK"));
                return false;
            }
        }
    }
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(Journal::kSchemaVersion)) ||
        !query.exec(QStringLiteral("COMMIT"))) {
        *error = query.lastError().databaseText();
        query.exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    if (fromVersion > 0)
        qCInfo(lcJournal) << "upgraded journal from format" << fromVersion << "to" << Journal::kSchemaVersion;
    return true;
}

bool JournalSchema::fail(Journal::OpenError::Kind kind, const QString& message)
{
    qCWarning(lcJournal) << "cannot open" << m_path << ":" << message;
    *m_error = {kind, message, {}};
    return false;
}

bool JournalSchema::failFromSql(const QSqlError& sqlError)
{
    using Kind = Journal::OpenError::Kind;
    switch (sqliteCode(sqlError)) {
    case SqliteCode::Corrupt:
    case SqliteCode::NotADb:
        return moveAside(sqlError);
    case SqliteCode::Busy:
    case SqliteCode::Locked:
        return fail(Kind::Locked, QCoreApplication::translate(
                                      "lipa::Journal",
                                      "The journal %1 is in use by another Lipa Till. Close the other till "
                                      "first.")
                                      .arg(native(m_path)));
    case SqliteCode::ReadOnly:
    case SqliteCode::CantOpen:
        return fail(Kind::ReadOnly,
                    QCoreApplication::translate("lipa::Journal", "The journal %1 cannot be written (%2).")
                        .arg(native(m_path), sqlError.databaseText()));
    case SqliteCode::Full:
        return fail(Kind::DiskFull, QCoreApplication::translate(
                                        "lipa::Journal", "The disk is full: the journal %1 cannot grow.")
                                        .arg(native(m_path)));
    default:
        return fail(Kind::Other,
                    QCoreApplication::translate("lipa::Journal", "The journal %1 cannot be opened (%2).")
                        .arg(native(m_path), sqlError.text()));
    }
}

bool JournalSchema::moveAside(const QSqlError& sqlError)
{
    // Closed before it is moved: the file must not be held open under its old name.
    m_query.reset();
    m_db.close();
    const QString aside = m_path + QStringLiteral(".damaged-") +
                          QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const bool moved = QFile::rename(m_path, aside);
    for (const char* suffix : {"-wal", "-shm"}) {
        if (QFile::exists(m_path + QLatin1String(suffix)))
            QFile::rename(m_path + QLatin1String(suffix), aside + QLatin1String(suffix));
    }
    *m_error = {Journal::OpenError::Kind::Corrupt,
                moved
                    ? QCoreApplication::translate(
                          "lipa::Journal",
                          "The journal %1 is damaged (%2). It was moved to %3 and kept; nothing was deleted.")
                          .arg(native(m_path), sqlError.databaseText(), native(aside))
                    : QCoreApplication::translate(
                          "lipa::Journal", "The journal %1 is damaged (%2) and could not be moved aside.")
                          .arg(native(m_path), sqlError.databaseText()),
                moved ? aside : QString()};
    qCWarning(lcJournal) << m_error->message;
    return false;
}

} // namespace lipa
