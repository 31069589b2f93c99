// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace lipa {

// What a look at the shop database's schema found, or did.
struct SchemaCheck {
    enum class Kind {
        Ready,    // a Lipa shop database of the version this till knows
        Created,  // it was empty: the tables were made (by this till; it is the first to connect)
        Migrated, // it was older: the migrations ran
        Missing,  // (inspect() only) empty: no till has connected yet
        Older,    // (inspect() only) made by an older Lipa Till: a till of this version upgrades it
        NotLipa,  // it holds tables of its own, or says it is something else: nothing was written
        Newer,    // made by a newer Lipa Till: nothing was written; update this till
        Failed,   // the database could not be asked or changed (message says why); nothing changed
    };
    Kind kind = Kind::Failed;
    QString message; // for the cashier and the log; never empty
    int version = 0; // the schema version found, or made

    // The tables are there in the version this till knows.
    bool isUsable() const { return kind == Kind::Ready || kind == Kind::Created || kind == Kind::Migrated; }
};

// The shop database's tables and their versions (lipa_shop_meta: kind 'lipa-till-shop', version N), in
// the public schema. Migrations are history: once a shop's database was made by one, it is never edited,
// only followed by a new one.
class ShopSchema {
public:
    static constexpr int kKnownVersion = 3;
    // Held for the length of ensure()'s transaction (pg_advisory_xact_lock): two tills connecting to an
    // empty database at once must not both create it. "LipaShop" in ASCII.
    static constexpr qint64 kSchemaLockKey = 0x4c69706153686f70;

    // Makes the database ready for this till, in one transaction: creates the schema in an empty database,
    // runs the migrations of an older one, and refuses (writing nothing) one that is not a Lipa shop
    // database or is newer than this till. db is open, on the calling thread, with no transaction running.
    static SchemaCheck ensure(QSqlDatabase& db);
    // The same look without writing anything (for readers and the export): Ready, Missing, Older,
    // NotLipa, Newer or Failed.
    static SchemaCheck inspect(QSqlDatabase& db);
};

} // namespace lipa
