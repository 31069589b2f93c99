#include "Journal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <limits>
#include <optional>

namespace lipa {

Q_LOGGING_CATEGORY(lcJournal, "lipa.journal")

namespace {

// SQLite's primary result codes that mean something to the cashier.
enum SqliteCode { Busy = 5, Locked = 6, ReadOnly = 8, Corrupt = 11, Full = 13, CantOpen = 14, NotADb = 26 };

int sqliteCode(const QSqlError& error)
{
    return error.nativeErrorCode().toInt() & 0xff;
}

// Each migration takes the schema from version N-1 to N. They run in order, all in one transaction.
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
    };
    return steps;
}

const QString kColumns =
    QStringLiteral("id, local_ref, amount_cents, phone, state, created_at, updated_at, invoice_id,"
                   " remote_state, mpesa_receipt, failed_code, failure_message, till_name,"
                   " replaces_ref");

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

Payment paymentFrom(const QSqlQuery& q)
{
    Payment p;
    p.sequence = q.value(0).toLongLong();
    p.localRef = q.value(1).toString();
    p.amount = Money::fromCents(q.value(2).toLongLong());
    if (Result<PhoneNumber> phone = PhoneNumber::fromNormalised(q.value(3).toString()))
        p.phone = phone.value();
    p.state = stateFromKey(q.value(4).toString()).value_or(PaymentState::Unknown);
    p.createdAt = fromMs(q.value(5).toLongLong());
    p.updatedAt = fromMs(q.value(6).toLongLong());
    p.invoiceId = q.value(7).toString();
    p.remoteState = q.value(8).toString();
    p.mpesaReceipt = q.value(9).toString();
    p.failedCode = q.value(10).toString();
    p.failureMessage = q.value(11).toString();
    p.tillName = q.value(12).toString();
    p.replacesRef = q.value(13).toString();
    return p;
}

QVariant textOrNull(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

// Qt binds a null QString as SQL NULL; NOT NULL columns get an empty text instead.
QString notNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

const QString kInsertPayment = QStringLiteral(
    "INSERT INTO payments (local_ref, amount_cents, phone, state, created_at, updated_at, invoice_id,"
    " remote_state, mpesa_receipt, failed_code, failure_message, till_name, replaces_ref)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

// Binds a payment to kInsertPayment's placeholders, in order.
void bindPayment(QSqlQuery& query, const Payment& payment)
{
    query.addBindValue(payment.localRef);
    query.addBindValue(payment.amount.cents());
    query.addBindValue(payment.phone.normalised());
    query.addBindValue(stateKey(payment.state));
    query.addBindValue(payment.createdAt.toMSecsSinceEpoch());
    query.addBindValue(payment.updatedAt.toMSecsSinceEpoch());
    query.addBindValue(textOrNull(payment.invoiceId));
    query.addBindValue(textOrNull(payment.remoteState));
    query.addBindValue(textOrNull(payment.mpesaReceipt));
    query.addBindValue(textOrNull(payment.failedCode));
    query.addBindValue(textOrNull(payment.failureMessage));
    query.addBindValue(notNull(payment.tillName));
    query.addBindValue(textOrNull(payment.replacesRef));
}

QString statesOf(StateGroup group)
{
    QStringList keys;
    for (PaymentState state : {PaymentState::Sending, PaymentState::Pending, PaymentState::Processing,
                               PaymentState::Complete, PaymentState::Failed, PaymentState::Expired,
                               PaymentState::Rejected, PaymentState::Unknown, PaymentState::Cash}) {
        if (isInGroup(state, group))
            keys.append(u'\'' + stateKey(state) + u'\'');
    }
    return keys.join(u',');
}

// The WHERE clause for a filter, with its values bound by bind().
//
// Which index serves the query is decided here, not left to SQLite's guess (without statistics it
// picked the state index for "today's paid payments" and read a million rows): a search term is the most
// selective constraint, then a date range, then the state group. The less selective ones are written with
// a unary + ("+state IN (…)"), which SQLite never uses an index for.
struct FilterSql {
    QString where;
    QString groupByState; // for totals
    QString keysetId;     // for paging: "id", or "+id" when another index narrows better
    QVariantMap values;

    explicit FilterSql(const PaymentFilter& filter)
    {
        QStringList clauses;
        const SearchTerm term = SearchTerm::parse(filter.search);
        const bool hasSearch = term.kind != SearchTerm::None;
        const bool hasRange = filter.from.isValid() || filter.to.isValid();
        const QString createdAt = hasSearch ? QStringLiteral("+created_at") : QStringLiteral("created_at");
        if (filter.group != StateGroup::All)
            clauses << QStringLiteral("%1 IN (%2)")
                           .arg(hasSearch || hasRange ? QStringLiteral("+state") : QStringLiteral("state"),
                                statesOf(filter.group));
        if (filter.from.isValid()) {
            clauses << createdAt + QStringLiteral(" >= :from");
            values.insert(QStringLiteral(":from"), filter.from.toMSecsSinceEpoch());
        }
        if (filter.to.isValid()) {
            clauses << createdAt + QStringLiteral(" < :to");
            values.insert(QStringLiteral(":to"), filter.to.toMSecsSinceEpoch());
        }
        switch (term.kind) {
        case SearchTerm::None:
            break;
        case SearchTerm::Phone:
            clauses << QStringLiteral("phone = :phone");
            values.insert(QStringLiteral(":phone"), term.text);
            break;
        case SearchTerm::Amount:
            // Digits are an amount, but also what IntaSend's numeric invoice ids and some references
            // look like: each alternative has its own index.
            clauses << QStringLiteral("(amount_cents = :cents OR invoice_id = :ref OR (local_ref >= :ref AND "
                                      "local_ref < :refEnd))");
            values.insert(QStringLiteral(":cents"), term.cents);
            values.insert(QStringLiteral(":ref"), term.text);
            values.insert(QStringLiteral(":refEnd"), term.text + QChar(0xffff));
            break;
        case SearchTerm::Reference:
            // A prefix of the local reference as an index range, or an exact invoice id or receipt code.
            clauses << QStringLiteral("((local_ref >= :ref AND local_ref < :refEnd) OR invoice_id = :ref"
                                      " OR mpesa_receipt = :ref COLLATE NOCASE)");
            values.insert(QStringLiteral(":ref"), term.text);
            values.insert(QStringLiteral(":refEnd"), term.text + QChar(0xffff));
            break;
        }
        where = clauses.isEmpty() ? QStringLiteral("1") : clauses.join(QStringLiteral(" AND "));
        // With nothing to narrow by, the covering (state, amount) index answers the totals; otherwise
        // the narrowing index must win, so the grouping must not tempt SQLite into the state index.
        // The paging bound (id < :before) must not steal the plan from a search or date index either:
        // SQLite 3.40 picked a rowid scan of a million rows for a receipt search.
        keysetId = hasSearch || hasRange ? QStringLiteral("+id") : QStringLiteral("id");
        groupByState = clauses.isEmpty() || (filter.group != StateGroup::All && !hasSearch && !hasRange)
                           ? QStringLiteral("state")
                           : QStringLiteral("+state");
    }

    void bind(QSqlQuery& query) const
    {
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            query.bindValue(it.key(), it.value());
    }
};

} // namespace

QString Journal::fileName(const QString& environmentKey)
{
    // Demo and sandbox payments are not the shop's money: they never share a file with real ones.
    if (environmentKey == u"demo" || environmentKey == u"sandbox")
        return QStringLiteral("journal-%1.sqlite").arg(environmentKey);
    return QStringLiteral("journal.sqlite");
}

Journal::Journal(QString connectionName, QString path)
    : m_connectionName(std::move(connectionName))
    , m_path(std::move(path))
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
}

Journal::~Journal()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

std::unique_ptr<Journal> Journal::open(const QString& path, OpenError* error)
{
    *error = {};
    const QFileInfo info(path);
    const bool existed = info.exists();

    // WAL needs to create files beside the journal: a folder we cannot write to is a clear error now
    // rather than a strange one at the first payment.
    {
        QFile probe(info.dir().filePath(QStringLiteral(".lipa-write-test-") +
                                        QUuid::createUuid().toString(QUuid::Id128)));
        if (!probe.open(QIODevice::WriteOnly)) {
            *error = {
                OpenError::ReadOnly,
                QCoreApplication::translate(
                    "lipa::Journal",
                    "The journal folder %1 cannot be written to (%2). Lipa Till needs it to record payments.")
                    .arg(QDir::toNativeSeparators(info.absolutePath()), probe.errorString()),
                {}};
            return nullptr;
        }
        probe.close();
        probe.remove();
    }

    auto journal = std::unique_ptr<Journal>(
        new Journal(QStringLiteral("journal-") + QUuid::createUuid().toString(QUuid::WithoutBraces), path));
    QSqlDatabase& db = journal->m_db;
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));

    std::optional<QSqlQuery> query; // made once the database is open; ended before the file is moved
    const auto fail = [&](OpenError::Kind kind, const QString& message) {
        qCWarning(lcJournal) << "cannot open" << path << ":" << message;
        *error = {kind, message, {}};
        return nullptr;
    };
    const auto failFromSql = [&](const QSqlError& sqlError) -> std::unique_ptr<Journal> {
        const int code = sqliteCode(sqlError);
        if (code == Corrupt || code == NotADb) {
            query.reset();
            journal.reset(); // close it before moving it
            const QString aside = path + QStringLiteral(".damaged-") +
                                  QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
            const bool moved = QFile::rename(path, aside);
            for (const char* suffix : {"-wal", "-shm"}) {
                if (QFile::exists(path + QLatin1String(suffix)))
                    QFile::rename(path + QLatin1String(suffix), aside + QLatin1String(suffix));
            }
            *error = {
                OpenError::Corrupt,
                moved
                    ? QCoreApplication::translate(
                          "lipa::Journal",
                          "The journal %1 is damaged (%2). It was moved to %3 and kept; nothing was deleted.")
                          .arg(QDir::toNativeSeparators(path), sqlError.databaseText(),
                               QDir::toNativeSeparators(aside))
                    : QCoreApplication::translate(
                          "lipa::Journal", "The journal %1 is damaged (%2) and could not be moved aside.")
                          .arg(QDir::toNativeSeparators(path), sqlError.databaseText()),
                moved ? aside : QString()};
            qCWarning(lcJournal) << error->message;
            return nullptr;
        }
        if (code == Busy || code == Locked)
            return fail(OpenError::Locked,
                        QCoreApplication::translate(
                            "lipa::Journal",
                            "The journal %1 is in use by another Lipa Till. Close the other till "
                            "first.")
                            .arg(QDir::toNativeSeparators(path)));
        if (code == ReadOnly || code == CantOpen)
            return fail(OpenError::ReadOnly,
                        QCoreApplication::translate("lipa::Journal", "The journal %1 cannot be written (%2).")
                            .arg(QDir::toNativeSeparators(path), sqlError.databaseText()));
        if (code == Full)
            return fail(
                OpenError::DiskFull,
                QCoreApplication::translate("lipa::Journal", "The disk is full: the journal %1 cannot grow.")
                    .arg(QDir::toNativeSeparators(path)));
        return fail(OpenError::Other,
                    QCoreApplication::translate("lipa::Journal", "The journal %1 cannot be opened (%2).")
                        .arg(QDir::toNativeSeparators(path), sqlError.text()));
    };

    if (!db.open())
        return failFromSql(db.lastError());

    // Read the version first: a file from a newer Lipa Till must not be touched at all.
    query.emplace(db);
    if (!query->exec(QStringLiteral("PRAGMA user_version")) || !query->next())
        return failFromSql(query->lastError());
    const int version = query->value(0).toInt();
    query->finish();
    if (version > kSchemaVersion)
        return fail(
            OpenError::NewerVersion,
            QCoreApplication::translate(
                "lipa::Journal",
                "The journal %1 was written by a newer Lipa Till (format %2; this one reads up to %3). "
                "Install the newer version; the file was not changed.")
                .arg(QDir::toNativeSeparators(path))
                .arg(version)
                .arg(kSchemaVersion));

    // One till per journal: take the lock now and keep it until the till closes.
    if (!query->exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE")))
        return failFromSql(query->lastError());
    if (!query->exec(QStringLiteral("BEGIN IMMEDIATE")))
        return failFromSql(query->lastError());
    if (version >= 1 &&
        !query->exec(QStringLiteral("SELECT count(*) FROM (SELECT id FROM payments ORDER BY id DESC "
                                    "LIMIT 1)"))) {
        const QSqlError sqlError = query->lastError();
        query->exec(QStringLiteral("ROLLBACK"));
        return failFromSql(sqlError);
    }
    if (!query->exec(QStringLiteral("COMMIT")))
        return failFromSql(query->lastError());

    if (version < kSchemaVersion) {
        QString migrationError;
        if (!journal->migrate(version, &migrationError))
            return fail(
                OpenError::Other,
                existed ? QCoreApplication::translate(
                              "lipa::Journal", "The journal %1 could not be upgraded (%2). The file was not "
                                               "changed.")
                              .arg(QDir::toNativeSeparators(path), migrationError)
                        : QCoreApplication::translate("lipa::Journal",
                                                      "A new journal could not be created at %1 (%2).")
                              .arg(QDir::toNativeSeparators(path), migrationError));
    }

    for (const char* pragma :
         {"PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL"}) {
        if (!query->exec(QString::fromLatin1(pragma)))
            return failFromSql(query->lastError());
    }
    // SQLite answers with the mode it is in, without an error, when WAL is not possible here.
    if (!query->exec(QStringLiteral("PRAGMA journal_mode")) || !query->next() ||
        query->value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return fail(OpenError::Other,
                    QCoreApplication::translate("lipa::Journal",
                                                "The journal %1 cannot use write-ahead logging on this disk.")
                        .arg(QDir::toNativeSeparators(path)));
    query->finish();
    qCInfo(lcJournal) << "opened" << path << "format" << kSchemaVersion << (existed ? "existing" : "new");
    return journal;
}

std::unique_ptr<Journal> Journal::openInMemory()
{
    auto journal = std::unique_ptr<Journal>(
        new Journal(QStringLiteral("journal-") + QUuid::createUuid().toString(QUuid::WithoutBraces), {}));
    journal->m_db.setDatabaseName(QStringLiteral(":memory:"));
    QString error;
    if (!journal->m_db.open() || !journal->migrate(0, &error))
        qFatal("cannot create an in-memory journal: %s", qPrintable(error));
    QSqlQuery(journal->m_db).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    return journal;
}

bool Journal::migrate(int fromVersion, QString* error)
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        *error = query.lastError().text();
        return false;
    }
    const QList<QStringList>& steps = migrations();
    for (int version = fromVersion + 1; version <= kSchemaVersion; ++version) {
        for (const QString& statement : steps.at(version - 1)) {
            if (!query.exec(statement)) {
                *error = QStringLiteral("step %1: %2").arg(version).arg(query.lastError().databaseText());
                query.exec(QStringLiteral("ROLLBACK"));
                return false;
            }
        }
    }
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion)) ||
        !query.exec(QStringLiteral("COMMIT"))) {
        *error = query.lastError().databaseText();
        query.exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    if (fromVersion > 0)
        qCInfo(lcJournal) << "upgraded journal from format" << fromVersion << "to" << kSchemaVersion;
    return true;
}

QString Journal::describe(const QSqlError& error) const
{
    switch (sqliteCode(error)) {
    case Full:
        return QCoreApplication::translate("lipa::Journal", "The disk is full");
    case ReadOnly:
        return QCoreApplication::translate("lipa::Journal", "The journal cannot be written");
    case Busy:
    case Locked:
        return QCoreApplication::translate("lipa::Journal", "The journal is in use by another program");
    case Corrupt:
        return QCoreApplication::translate("lipa::Journal", "The journal is damaged");
    default:
        return error.text();
    }
}

bool Journal::exec(QSqlQuery& query, const char* what) const
{
    if (query.exec())
        return true;
    m_lastError = describe(query.lastError());
    qCWarning(lcJournal) << what << "failed:" << query.lastError().text();
    return false;
}

bool Journal::insertEvent(qint64 paymentId, const QDateTime& at, std::optional<PaymentState> from,
                          PaymentState to, const QString& remoteState, const QString& detail)
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("INSERT INTO events (payment_id, at, from_state, to_state, remote_state, detail)"
                       " VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(paymentId);
    query.addBindValue(at.toMSecsSinceEpoch());
    query.addBindValue(from ? QVariant(stateKey(*from)) : QVariant(QMetaType(QMetaType::QString)));
    query.addBindValue(stateKey(to));
    query.addBindValue(textOrNull(remoteState));
    query.addBindValue(textOrNull(detail));
    return exec(query, "insert event");
}

bool Journal::addPayment(Payment& payment)
{
    QSqlQuery query(m_db);
    // This write precedes a push: it must be on disk before the request leaves, power cut or not.
    // Every write is synced (synchronous=FULL, set at open): this one precedes a push, and the next one
    // carries the invoice id without which the payment could never be checked. A till writes a few rows a
    // minute; 0.3 ms each was measured (bench_charge).
    m_lastError.clear();
    if (!m_db.transaction()) {
        m_lastError = describe(m_db.lastError());
        return false;
    }
    query.prepare(kInsertPayment);
    bindPayment(query, payment);
    if (!exec(query, "insert payment")) {
        m_db.rollback();
        return false;
    }
    const qint64 id = query.lastInsertId().toLongLong();
    if (!insertEvent(id, payment.createdAt, std::nullopt, payment.state, {}, QStringLiteral("recorded")) ||
        !m_db.commit()) {
        if (m_lastError.isEmpty())
            m_lastError = describe(m_db.lastError());
        m_db.rollback();
        return false;
    }
    payment.sequence = id;
    return true;
}

bool Journal::updatePayment(const Payment& payment, const QString& detail)
{
    const std::optional<Payment> before = find(payment.localRef);
    if (!before) {
        m_lastError = QCoreApplication::translate("lipa::Journal", "No such payment in the journal");
        return false;
    }
    if (!m_db.transaction()) {
        m_lastError = describe(m_db.lastError());
        return false;
    }
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("UPDATE payments SET state = ?, updated_at = ?, invoice_id = ?, remote_state = ?,"
                       " mpesa_receipt = ?, failed_code = ?, failure_message = ? WHERE id = ?"));
    query.addBindValue(stateKey(payment.state));
    query.addBindValue(payment.updatedAt.toMSecsSinceEpoch());
    query.addBindValue(textOrNull(payment.invoiceId));
    query.addBindValue(textOrNull(payment.remoteState));
    query.addBindValue(textOrNull(payment.mpesaReceipt));
    query.addBindValue(textOrNull(payment.failedCode));
    query.addBindValue(textOrNull(payment.failureMessage));
    query.addBindValue(before->sequence);
    if (!exec(query, "update payment") ||
        !insertEvent(before->sequence, payment.updatedAt, before->state, payment.state, payment.remoteState,
                     detail) ||
        !m_db.commit()) {
        m_db.rollback();
        return false;
    }
    return true;
}

std::optional<Payment> Journal::find(const QString& localRef) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM payments WHERE local_ref = ?").arg(kColumns));
    query.addBindValue(localRef);
    if (!exec(query, "find payment") || !query.next())
        return std::nullopt;
    return paymentFrom(query);
}

std::optional<Payment> Journal::latestOpen(const PhoneNumber& phone, Money amount,
                                           const QDateTime& expiredSince) const
{
    // Through the phone index: a customer has few payments, however long the history.
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM payments WHERE phone = ? AND +amount_cents = ?"
                                 " AND (+state IN ('Sending', 'Pending', 'Processing', 'Unknown')"
                                 " OR (+state = 'Expired' AND created_at >= ?))"
                                 " ORDER BY id DESC LIMIT 1")
                      .arg(kColumns));
    query.addBindValue(phone.normalised());
    query.addBindValue(amount.cents());
    query.addBindValue(expiredSince.isValid() ? expiredSince.toMSecsSinceEpoch()
                                              : std::numeric_limits<qint64>::max());
    if (!exec(query, "latest open") || !query.next())
        return std::nullopt;
    return paymentFrom(query);
}

std::optional<Payment> Journal::replacementOf(const QString& localRef) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM payments WHERE replaces_ref = ? ORDER BY id DESC LIMIT 1")
                      .arg(kColumns));
    query.addBindValue(localRef);
    if (!exec(query, "replacement") || !query.next())
        return std::nullopt;
    return paymentFrom(query);
}

QList<Payment> Journal::page(const PaymentFilter& filter, qint64 beforeSequence, int limit, bool* ok) const
{
    const FilterSql sql(filter);
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT %1 FROM payments WHERE %3 < :before AND %2 ORDER BY id DESC LIMIT :limit")
            .arg(kColumns, sql.where, sql.keysetId));
    query.bindValue(QStringLiteral(":before"), beforeSequence);
    query.bindValue(QStringLiteral(":limit"), limit);
    sql.bind(query);
    QList<Payment> payments;
    const bool read = exec(query, "page");
    if (ok)
        *ok = read;
    if (!read)
        return payments;
    payments.reserve(limit);
    while (query.next())
        payments.append(paymentFrom(query));
    return payments;
}

QList<Payment> Journal::unfinished() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        // The first term exactly as in the partial index payments_unfinished, so that SQLite uses it.
        QStringLiteral("SELECT %1 FROM payments WHERE state NOT IN ('Complete', 'Failed', 'Rejected')"
                       " AND state <> 'Cash' ORDER BY id")
            .arg(kColumns));
    return readPayments(query, "unfinished", nullptr);
}

QList<Payment> Journal::toResume(const QDateTime& expiredSince) const
{
    // Two queries, each on its own index: the few payments in progress by state, the recent Expired ones
    // by creation time (a payment expires minutes after it was made). As one UNION, SQLite 3.40 chose to
    // scan the whole table (0.4 s on a million rows).
    QList<Payment> payments;
    const auto collect = [&](const QString& where, const QVariant& value, const char* what) {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT %1 FROM payments WHERE %2").arg(kColumns, where));
        if (value.isValid())
            query.addBindValue(value);
        if (exec(query, what)) {
            while (query.next())
                payments.append(paymentFrom(query));
        }
    };
    collect(QStringLiteral("state IN ('Sending', 'Pending', 'Processing', 'Unknown')"), {}, "in progress");
    collect(QStringLiteral("created_at >= ? AND +state = 'Expired'"), expiredSince.toMSecsSinceEpoch(),
            "expired");
    // Cash sales of the same span: their M-Pesa request may still have been open when the till stopped.
    collect(QStringLiteral("created_at >= ? AND +state = 'Cash'"), expiredSince.toMSecsSinceEpoch(), "cash");
    std::sort(payments.begin(), payments.end(),
              [](const Payment& a, const Payment& b) { return a.sequence < b.sequence; });
    return payments;
}

QDateTime Journal::oldestInProgress() const
{
    QSqlQuery query(m_db);
    if (!query.exec(
            QStringLiteral("SELECT min(created_at) FROM payments WHERE state IN ('Sending', 'Pending', "
                           "'Processing')")) ||
        !query.next() || query.value(0).isNull())
        return {};
    return fromMs(query.value(0).toLongLong());
}

QList<PaymentEvent> Journal::events(const QString& localRef) const
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("SELECT e.at, e.from_state, e.to_state, e.remote_state, e.detail FROM events e"
                       " JOIN payments p ON p.id = e.payment_id WHERE p.local_ref = ? ORDER BY e.id"));
    query.addBindValue(localRef);
    QList<PaymentEvent> events;
    if (!exec(query, "events"))
        return events;
    while (query.next()) {
        PaymentEvent event;
        event.localRef = localRef;
        event.at = fromMs(query.value(0).toLongLong());
        if (!query.value(1).isNull())
            event.from = stateFromKey(query.value(1).toString());
        event.to = stateFromKey(query.value(2).toString()).value_or(PaymentState::Unknown);
        event.remoteState = query.value(3).toString();
        event.detail = query.value(4).toString();
        events.append(event);
    }
    return events;
}

Totals Journal::totals(const PaymentFilter& filter) const
{
    const FilterSql sql(filter);
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("SELECT state, count(*), total(amount_cents) FROM payments WHERE %1 GROUP BY %2")
            .arg(sql.where, sql.groupByState));
    sql.bind(query);
    Totals totals;
    if (!exec(query, "totals"))
        return totals;
    while (query.next()) {
        const int count = query.value(1).toInt();
        switch (stateFromKey(query.value(0).toString()).value_or(PaymentState::Unknown)) {
        case PaymentState::Complete:
            totals.paidCount += count;
            totals.paidSum += Money::fromCents(static_cast<qint64>(query.value(2).toDouble()));
            break;
        case PaymentState::Sending:
        case PaymentState::Pending:
        case PaymentState::Processing:
            totals.pendingCount += count;
            break;
        case PaymentState::Unknown:
        case PaymentState::Expired:
            totals.attentionCount += count;
            break;
        case PaymentState::Failed:
        case PaymentState::Rejected:
            totals.failedCount += count;
            break;
        case PaymentState::Cash:
            totals.cashCount += count;
            totals.cashSum += Money::fromCents(static_cast<qint64>(query.value(2).toDouble()));
            break;
        }
    }
    return totals;
}

Totals Journal::totals(const QDateTime& from, const QDateTime& to) const
{
    PaymentFilter filter;
    filter.from = from;
    filter.to = to;
    return totals(filter);
}

qint64 Journal::paymentCount() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM payments")) || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

bool Journal::addHistory(const QList<Payment>& payments)
{
    if (!m_db.transaction())
        return false;
    QSqlQuery insert(m_db);
    insert.prepare(kInsertPayment);
    QSqlQuery event(m_db);
    event.prepare(
        QStringLiteral("INSERT INTO events (payment_id, at, from_state, to_state, remote_state, detail)"
                       " VALUES (?, ?, NULL, ?, ?, 'generated')"));
    for (const Payment& p : payments) {
        bindPayment(insert, p);
        if (!exec(insert, "insert history")) {
            m_db.rollback();
            return false;
        }
        event.addBindValue(insert.lastInsertId());
        event.addBindValue(p.updatedAt.toMSecsSinceEpoch());
        event.addBindValue(stateKey(p.state));
        event.addBindValue(textOrNull(p.remoteState));
        if (!exec(event, "insert history event")) {
            m_db.rollback();
            return false;
        }
    }
    if (!m_db.commit()) {
        m_lastError = describe(m_db.lastError());
        m_db.rollback();
        return false;
    }
    return true;
}

void Journal::limitSizeForTesting(int pages)
{
    QSqlQuery(m_db).exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages));
}

QList<Payment> Journal::paymentsBetween(const QDateTime& from, const QDateTime& to, bool* ok) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT %1 FROM payments WHERE created_at >= ? AND created_at < ? ORDER BY id")
            .arg(kColumns));
    query.addBindValue(from.toMSecsSinceEpoch());
    query.addBindValue(to.toMSecsSinceEpoch());
    return readPayments(query, "payments between", ok);
}

QList<Payment> Journal::settledInCashLater(const QDateTime& from, const QDateTime& to, bool* ok) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM payments WHERE state = 'Cash' AND created_at < ?"
                                 " AND EXISTS (SELECT 1 FROM events e WHERE e.payment_id = payments.id"
                                 " AND e.to_state = 'Cash' AND e.from_state IS NOT 'Cash'"
                                 " AND e.at >= ? AND e.at < ?) ORDER BY id")
                      .arg(kColumns));
    query.addBindValue(from.toMSecsSinceEpoch());
    query.addBindValue(from.toMSecsSinceEpoch());
    query.addBindValue(to.toMSecsSinceEpoch());
    return readPayments(query, "settled in cash later", ok);
}

QList<Payment> Journal::readPayments(QSqlQuery& query, const char* what, bool* ok) const
{
    QList<Payment> payments;
    const bool read = exec(query, what);
    if (ok)
        *ok = read;
    while (read && query.next())
        payments.append(paymentFrom(query));
    return payments;
}

namespace {

Shift shiftFrom(const QSqlQuery& q)
{
    Shift shift;
    shift.id = q.value(0).toLongLong();
    shift.cashier = q.value(1).toString();
    shift.openedAt = fromMs(q.value(2).toLongLong());
    if (!q.value(3).isNull())
        shift.closedAt = fromMs(q.value(3).toLongLong());
    shift.zReport = q.value(4).toString();
    return shift;
}

const QString kShiftColumns = QStringLiteral("id, cashier, opened_at, closed_at, z_report");

} // namespace

std::optional<Shift> Journal::openShift(const QString& cashier, const QDateTime& at)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO shifts (cashier, opened_at) VALUES (?, ?)"));
    query.addBindValue(notNull(cashier));
    query.addBindValue(at.toMSecsSinceEpoch());
    if (!exec(query, "open shift"))
        return std::nullopt;
    return shift(query.lastInsertId().toLongLong());
}

std::optional<Shift> Journal::currentShift() const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM shifts WHERE closed_at IS NULL").arg(kShiftColumns));
    if (!exec(query, "current shift") || !query.next())
        return std::nullopt;
    return shiftFrom(query);
}

bool Journal::closeShift(qint64 shiftId, const QDateTime& at, const QString& zReport)
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("UPDATE shifts SET closed_at = ?, z_report = ? WHERE id = ? AND closed_at IS NULL"));
    query.addBindValue(at.toMSecsSinceEpoch());
    query.addBindValue(zReport);
    query.addBindValue(shiftId);
    if (!exec(query, "close shift"))
        return false;
    if (query.numRowsAffected() != 1) {
        m_lastError = QCoreApplication::translate("lipa::Journal", "This shift is already closed.");
        return false;
    }
    return true;
}

std::optional<Shift> Journal::shift(qint64 id) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM shifts WHERE id = ?").arg(kShiftColumns));
    query.addBindValue(id);
    if (!exec(query, "shift") || !query.next())
        return std::nullopt;
    return shiftFrom(query);
}

} // namespace lipa
