// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Journal.h"
#include "Settings.h"
#include "ShopFeed.h"
#include "ShopLink.h"
#include "ShopService.h"
#include "ShopUrl.h"
#include "TempPostgres.h"
#include "TestStack.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

#include <memory>
#include <optional>

namespace lipa::test {

// One throw-away PostgreSQL for a test program, with a role that logs in by password (as a shop's tills
// do) and a fresh database for each test.
class ShopServer {
public:
    static constexpr const char* kRole = "lipa_till";
    static constexpr const char* kPassword = "counter-Pw-7"; // not a key: a test-only role's password

    // False, with error(), when the server could not be started.
    bool start();
    // A new empty database owned by the role; its URL through port (the server's, or a proxy's).
    QString newDatabase();
    ShopUrl url(int port = 0) const;
    QString database() const { return m_database; }
    TempPostgres& server() { return *m_server; }
    QString error() const { return m_error; }

    // A connection as the server's administrator to the current database, for looking at what arrived.
    QSqlDatabase admin();

private:
    std::unique_ptr<TempPostgres> m_server;
    QString m_database;
    int m_count = 0;
    QString m_error;
};

// Compares what the shop database holds for one till with its journal, row by row: every payment with
// its fields, every event of each. Empty when they agree; otherwise the first difference.
QString differencesFromJournal(QSqlDatabase& shop, const QUuid& till, const Journal& journal);
// How many rows of a table belong to one till.
qint64 rowsOf(QSqlDatabase& shop, const QString& table, const QUuid& till);

// One counter: a whole till on its own simulator and journal, and its link to the shop.
struct ShopCounter {
    // A till named name (settings.tillName is set to it) with a new till/id, in branch.
    explicit ShopCounter(const QString& name, Settings settings = {},
                         const QString& branch = QStringLiteral("Westlands"));
    // The same on a journal of its own (a file: a till's data folder), with the identity id.
    ShopCounter(const QString& name, std::unique_ptr<Journal> journal, const QUuid& id);

    // Connects the till to the shop database, with the test's short reconnect backoff (50 ms to 400 ms) and
    // one second's grace for another running till holding the same identity.
    void connect(const ShopUrl& url, const QString& password = QLatin1String(ShopServer::kPassword));
    ShopLink& link() { return *stack.stack->shop; }
    ShopService& service() { return *stack.stack->shopService; }
    Journal& journal() { return stack.journal(); }
    // Connected, and everything in the journal's outbox acknowledged by the shop database.
    bool inSync();
    // Takes n payments (paid, cancelled, too poor, in turn) and waits until each is final.
    bool takePayments(int n, int firstShilling);
    // The journal's payments created on that local day.
    qsizetype paymentsOn(const QDate& day) const;
    // Asks the shop-wide guard what Charge asks (by default with time to spare: the budget runs on the
    // till's manual clock): the answer, or nullopt if none came within 25 s.
    std::optional<ShopService::Answer> askGuard(const PhoneNumber& phone, Money amount,
                                                std::chrono::milliseconds budget = std::chrono::seconds(20));

    TestStack stack;
    TillIdentity identity;
};

} // namespace lipa::test
