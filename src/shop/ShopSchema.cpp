// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopSchema.h"

#include "ShopConnection.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace lipa {

namespace {

const QString kKind = QStringLiteral("lipa-till-shop");
constexpr int kNamesShown = 5;

QString tr(const char* text)
{
    return QCoreApplication::translate("lipa::ShopSchema", text);
}

// Each step takes the schema from version N-1 to N; step 1 makes it from nothing. They run in order, in
// one transaction.
const QList<QStringList>& migrations()
{
    static const QList<QStringList> steps = {
        // 1: the replica of every till's journal: payments, their events, shifts with their Z reports.
        {
            QStringLiteral("CREATE TABLE lipa_shop_meta (key text PRIMARY KEY, value text NOT NULL)"),
            QStringLiteral("INSERT INTO lipa_shop_meta (key, value) VALUES ('kind', 'lipa-till-shop')"),
            QStringLiteral("CREATE TABLE tills ("
                           " till_id uuid PRIMARY KEY,"
                           " name text NOT NULL,"
                           " branch text NOT NULL DEFAULT '',"
                           " last_seq bigint NOT NULL DEFAULT 0,"
                           " last_seen timestamptz NOT NULL DEFAULT now())"),
            QStringLiteral("CREATE TABLE payments ("
                           " till_id uuid NOT NULL REFERENCES tills(till_id),"
                           " local_ref text NOT NULL,"
                           " seq bigint NOT NULL,"
                           " amount_cents bigint NOT NULL,"
                           " phone text NOT NULL,"
                           " state text NOT NULL,"
                           " created_at timestamptz NOT NULL,"
                           " updated_at timestamptz NOT NULL,"
                           " invoice_id text,"
                           " remote_state text,"
                           " mpesa_receipt text,"
                           " failed_code text,"
                           " failure_message text,"
                           " till_name text NOT NULL DEFAULT '',"
                           " replaces_ref text,"
                           " charges_cents bigint,"
                           " net_cents bigint,"
                           " PRIMARY KEY (till_id, local_ref))"),
            QStringLiteral(
                "CREATE INDEX payments_newest ON payments (created_at DESC, till_id DESC, seq DESC)"),
            QStringLiteral("CREATE INDEX payments_by_phone ON payments (phone, created_at DESC)"),
            QStringLiteral("CREATE INDEX payments_by_amount ON payments (amount_cents, created_at DESC)"),
            QStringLiteral("CREATE INDEX payments_by_receipt ON payments (upper(mpesa_receipt))"),
            QStringLiteral("CREATE INDEX payments_by_invoice ON payments (invoice_id)"),
            // The search matches the start of a reference in byte order, whatever the database's collation.
            QStringLiteral("CREATE INDEX payments_by_ref ON payments ((local_ref COLLATE \"C\"))"),
            // A payment's reference (its api_ref, a UUID) is one payment in the whole shop: a till's
            // journal copied under another identity cannot add it twice.
            QStringLiteral("CREATE UNIQUE INDEX payments_ref_unique ON payments (local_ref)"),
            QStringLiteral("CREATE INDEX payments_by_state ON payments (state, created_at DESC)"),
            QStringLiteral("CREATE TABLE events ("
                           " till_id uuid NOT NULL REFERENCES tills(till_id),"
                           " event_id bigint NOT NULL,"
                           " local_ref text NOT NULL,"
                           " at timestamptz NOT NULL,"
                           " from_state text,"
                           " to_state text NOT NULL,"
                           " remote_state text,"
                           " detail text,"
                           " PRIMARY KEY (till_id, event_id))"),
            // A payment's events (the details view) without reading all of its till's events.
            QStringLiteral("CREATE INDEX events_by_payment ON events (till_id, local_ref, event_id)"),
            QStringLiteral("CREATE TABLE shifts ("
                           " till_id uuid NOT NULL REFERENCES tills(till_id),"
                           " shift_id bigint NOT NULL,"
                           " cashier text NOT NULL,"
                           " opened_at timestamptz NOT NULL,"
                           " closed_at timestamptz,"
                           " z_report text,"
                           " PRIMARY KEY (till_id, shift_id))"),
        },
        // 2: the token of the last outbox item the database has of each till (Outbox::tokenAt): a copy of a
        // till's data folder that went its own way is told from the till itself.
        {
            QStringLiteral("ALTER TABLE tills ADD COLUMN last_token text"),
        },
        // 3: sales taken in several payments: each part says its sale, its number and how many parts the
        // sale was planned in (the till's journal format 9).
        {
            QStringLiteral("ALTER TABLE payments ADD COLUMN sale_ref text"),
            QStringLiteral("ALTER TABLE payments ADD COLUMN sale_part integer"),
            QStringLiteral("ALTER TABLE payments ADD COLUMN sale_parts integer"),
            QStringLiteral("CREATE INDEX payments_by_sale ON payments (sale_ref) WHERE sale_ref IS NOT NULL"),
        },
    };
    Q_ASSERT(steps.size() == ShopSchema::kKnownVersion);
    return steps;
}

SchemaCheck result(SchemaCheck::Kind kind, const QString& message, int version = 0)
{
    return SchemaCheck{kind, message, version};
}

SchemaCheck failed(const QSqlError& error)
{
    return result(SchemaCheck::Kind::Failed, describeOpenError(error));
}

// One look, shared by ensure() (inside its transaction, under its lock) and inspect().
class SchemaReader {
public:
    SchemaReader(QSqlDatabase& db, QSqlQuery& query)
        : m_db(db)
        , m_query(query)
    {
    }

    // Ready, Older, Newer or NotLipa for a database with lipa_shop_meta; Missing for an empty one; NotLipa
    // for one with tables of its own; Failed.
    SchemaCheck look()
    {
        if (!m_query.exec(QStringLiteral("SELECT to_regclass('public.lipa_shop_meta') IS NOT NULL")) ||
            !m_query.next())
            return failed(m_query.lastError());
        const bool hasMeta = m_query.value(0).toBool();
        m_query.finish();
        return hasMeta ? readMeta() : lookForOtherTables();
    }

private:
    SchemaCheck readMeta()
    {
        if (!m_query.exec(QStringLiteral("SELECT key, value FROM public.lipa_shop_meta"
                                         " WHERE key IN ('kind', 'version')")))
            return failed(m_query.lastError());
        QString kind;
        QString versionText;
        while (m_query.next()) {
            if (m_query.value(0).toString() == QLatin1String("kind"))
                kind = m_query.value(1).toString();
            else
                versionText = m_query.value(1).toString();
        }
        m_query.finish();
        bool numeric = false;
        const int version = versionText.toInt(&numeric);
        if (kind != kKind || !numeric || version < 1)
            return result(SchemaCheck::Kind::NotLipa,
                          tr("The database %1 is not a Lipa shop database: its table lipa_shop_meta was not "
                             "made by Lipa Till. Nothing was written to it.")
                              .arg(m_db.databaseName()));
        if (version > ShopSchema::kKnownVersion)
            return result(
                SchemaCheck::Kind::Newer,
                tr("The shop database %1 was made by a newer Lipa Till (schema %2); this till knows "
                   "up to %3: update this till. Nothing was written to it.")
                    .arg(m_db.databaseName())
                    .arg(version)
                    .arg(ShopSchema::kKnownVersion),
                version);
        if (version < ShopSchema::kKnownVersion)
            return result(
                SchemaCheck::Kind::Older,
                tr("The shop database %1 has an older schema (%2): a till of this version brings it "
                   "up to date when it connects.")
                    .arg(m_db.databaseName())
                    .arg(version),
                version);
        return result(SchemaCheck::Kind::Ready,
                      tr("The shop database %1 is ready (schema %2).").arg(m_db.databaseName()).arg(version),
                      version);
    }

    // pg_class rather than information_schema.tables: the latter hides tables this user has no rights on,
    // and those are someone else's too.
    SchemaCheck lookForOtherTables()
    {
        if (!m_query.exec(
                QStringLiteral("SELECT c.relname FROM pg_class c"
                               " JOIN pg_namespace n ON n.oid = c.relnamespace"
                               " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
                               " ORDER BY c.relname LIMIT %1")
                    .arg(kNamesShown + 1)))
            return failed(m_query.lastError());
        QStringList names;
        while (m_query.next())
            names.append(m_query.value(0).toString());
        m_query.finish();
        if (names.isEmpty())
            return result(SchemaCheck::Kind::Missing,
                          tr("The shop database %1 is empty: no till has connected to it yet.")
                              .arg(m_db.databaseName()));
        if (names.size() > kNamesShown) {
            names.removeLast();
            names.append(QStringLiteral("…"));
        }
        return result(
            SchemaCheck::Kind::NotLipa,
            tr("The database %1 is not a Lipa shop database: it already has tables of its own (%2). "
               "Nothing was written to it; give the tills a database of their own.")
                .arg(m_db.databaseName(), names.join(QLatin1String(", "))));
    }

    QSqlDatabase& m_db;
    QSqlQuery& m_query;
};

// Runs the steps after fromVersion and records the version, inside the caller's transaction.
bool migrate(QSqlQuery& query, int fromVersion, QSqlError* error)
{
    const QList<QStringList>& steps = migrations();
    for (int version = fromVersion + 1; version <= ShopSchema::kKnownVersion; ++version) {
        for (const QString& statement : steps.at(version - 1)) {
            if (!query.exec(statement)) {
                *error = query.lastError();
                qCWarning(lcShop) << "schema step" << version << "failed:" << error->text();
                return false;
            }
        }
    }
    query.prepare(QStringLiteral("INSERT INTO lipa_shop_meta (key, value) VALUES ('version', :version)"
                                 " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"));
    query.bindValue(QStringLiteral(":version"), QString::number(ShopSchema::kKnownVersion));
    if (!query.exec()) {
        *error = query.lastError();
        return false;
    }
    return true;
}

// ensure()'s work inside its transaction.
SchemaCheck ensureLocked(QSqlDatabase& db, QSqlQuery& query)
{
    query.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(:key)"));
    query.bindValue(QStringLiteral(":key"), ShopSchema::kSchemaLockKey);
    if (!query.exec())
        return failed(query.lastError());
    query.finish();
    const SchemaCheck found = SchemaReader(db, query).look();
    if (found.kind != SchemaCheck::Kind::Missing && found.kind != SchemaCheck::Kind::Older)
        return found;
    const int from = found.kind == SchemaCheck::Kind::Missing ? 0 : found.version;
    const int to = ShopSchema::kKnownVersion;
    if (QSqlError error; !migrate(query, from, &error)) {
        if (from == 0 && shopProblem(error) == ShopProblem::NoPrivilege)
            return result(SchemaCheck::Kind::Failed,
                          tr("The user %1 may not create the shop's tables in the database %2: make it the "
                             "database's owner (ALTER DATABASE %2 OWNER TO %1). (%3)")
                              .arg(db.userName(), db.databaseName(),
                                   error.databaseText().section(u'\n', 0, 0).simplified()));
        return result(
            SchemaCheck::Kind::Failed,
            from == 0
                ? tr("The shop database's tables could not be created: %1").arg(describeOpenError(error))
                : tr("The shop database could not be upgraded from schema %1: %2")
                      .arg(from)
                      .arg(describeOpenError(error)));
    }
    if (from == 0)
        return result(
            SchemaCheck::Kind::Created,
            tr("Created the shop database's tables in %1 (schema %2).").arg(db.databaseName()).arg(to), to);
    return result(
        SchemaCheck::Kind::Migrated,
        tr("Upgraded the shop database %1 from schema %2 to %3.").arg(db.databaseName()).arg(from).arg(to),
        to);
}

} // namespace

SchemaCheck ShopSchema::ensure(QSqlDatabase& db)
{
    if (!db.transaction())
        return failed(db.lastError());
    // Outlives the transaction: a prepared statement cannot be freed inside one that failed.
    QSqlQuery query(db);
    const SchemaCheck check = ensureLocked(db, query);
    const bool changed =
        check.kind == SchemaCheck::Kind::Created || check.kind == SchemaCheck::Kind::Migrated;
    if (!changed) {
        db.rollback(); // a look writes nothing; this also ends a transaction a failure aborted
        if (!check.isUsable())
            qCWarning(lcShop).noquote() << check.message;
        return check;
    }
    if (!db.commit()) {
        const SchemaCheck notCommitted = failed(db.lastError());
        db.rollback();
        qCWarning(lcShop).noquote() << notCommitted.message;
        return notCommitted;
    }
    qCInfo(lcShop).noquote() << check.message;
    return check;
}

SchemaCheck ShopSchema::inspect(QSqlDatabase& db)
{
    QSqlQuery query(db);
    return SchemaReader(db, query).look();
}

} // namespace lipa
