// SPDX-License-Identifier: GPL-3.0-or-later
// bench_shop SIMULATOR [TILLS] [PAYMENTS] [ROWS] [RUNS]: the shop database (issue #16) on a throw-away
// PostgreSQL server it starts and stops itself (tests/support/TempPostgres), measured in one run:
//  1. replication: TILLS journals (in memory), each with its own ShopLink and identity, take PAYMENTS
//     payments each, round the tills at one payment every 2 ms overall, each payment written as the till
//     writes it (Sending, then Pending, then Complete: three changes). Changes applied per second, and the
//     delay from each change's journal commit to the moment its ShopLink hears the server committed it.
//     Then the same journals to an empty shop database at once: how fast a backlog drains.
//  2. the shop view on ROWS payments across 20 tills (filled with SQL): the first screen, three searches
//     and today's totals, each the median of 7 warm runs through ShopQuery on the till's own role.
//  3. Enter → push at the simulator (SIMULATOR is lipa-till-simulator, another process, as in bench_charge)
//     through the real window, whose Charge first asks the shop database about other tills within 300 ms:
//     without a shop database, and with one that is up, down (nothing listening), slow (a proxy holding
//     each chunk 500 ms each way) or hung (a proxy passing nothing on). RUNS of each, interleaved.
// Prints key=value lines for scripts/bench; progress and problems go to stderr.

#include "Clock.h"
#include "Journal.h"
#include "MainWindow.h"
#include "ShopConnection.h"
#include "ShopLink.h"
#include "ShopQuery.h"
#include "ShopSchema.h"
#include "ShopTesting.h"
#include "TcpProxy.h"
#include "TillStack.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QLineEdit>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <functional>
#include <memory>

using namespace lipa;
using namespace std::chrono_literals;

namespace {

const QString kPassword = QLatin1String(test::ShopServer::kPassword);

double quantile(QList<double> values, double q)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, static_cast<qsizetype>(q * values.size())));
}

double median(const QList<double>& values)
{
    return quantile(values, 0.5);
}

void print(const char* key, double value)
{
    std::printf("%s=%.2f\n", key, value);
    std::fflush(stdout);
}

void print(const char* key, qint64 value)
{
    std::printf("%s=%lld\n", key, static_cast<long long>(value));
    std::fflush(stdout);
}

void say(const QString& text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
}

// Runs the event loop until done() holds (it is looked at after every turn, and at least every 10 ms), or
// until the timeout; false then. Waits without spinning, so the server and the writers' threads have both
// cores. Objects deleted later are deleted here too, as QTest::qWaitFor does: nothing here runs exec().
bool runUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    QTimer heartbeat;
    heartbeat.start(10);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    return true;
}

// The system's monotonic clock, which the simulator (another process) stamps each push with.
qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// A shop database with the current schema made by the tills' own role, as the first till to connect would.
bool createSchema(const ShopUrl& url)
{
    ShopConnection connection(url, kPassword, QStringLiteral("bench-schema"));
    if (!connection.open()) {
        say(QStringLiteral("cannot connect to the shop database: ") + connection.error());
        return false;
    }
    const SchemaCheck check = ShopSchema::ensure(connection.db());
    if (!check.isUsable())
        say(check.message);
    return check.isUsable();
}

// ---------------------------------------------------------------------------------------------------
// 1. Replication

// One till of the replication run: its journal, its link and what it wrote that the server has not
// confirmed yet.
struct Counter {
    struct Written {
        qint64 seq;  // the outbox number after the write
        qint64 atNs; // when the write had committed
    };

    std::unique_ptr<Journal> journal;
    std::unique_ptr<ShopLink> link;
    TillIdentity identity;
    QList<Written> written;
    qsizetype confirmed = 0; // written[0, confirmed) are in the shop database
    std::deque<Payment> open;
    int created = 0;

    qint64 lastSeq() const { return journal->outbox().lastSeq().value_or(-1); }
    bool inSync() const { return link->acknowledged() == lastSeq(); }
};

class Replication {
public:
    Replication(test::ShopServer& server, int tills, int payments)
        : m_server(server)
        , m_payments(payments)
    {
        for (int i = 0; i < tills; ++i) {
            auto counter = std::make_unique<Counter>();
            counter->journal = Journal::openInMemory();
            m_counters.push_back(std::move(counter));
        }
        m_since.start();
    }

    // Payments written at the pace, while the links copy them; false if something failed.
    bool run(std::chrono::microseconds pace)
    {
        m_server.newDatabase();
        if (!m_server.error().isEmpty())
            return false;
        connectAll(QStringLiteral("Counter %1"));
        if (!runUntil([this] { return allInSync(); }, 60s)) {
            say(QStringLiteral("replication: the links did not connect"));
            return false;
        }
        // Each step goes to the next till: its oldest open payment is paid, its newest is accepted by
        // IntaSend and a new one is recorded. Steps are due at the pace; a late timer catches up.
        const qint64 steps = static_cast<qint64>(m_counters.size()) * (m_payments + 2);
        qint64 done = 0;
        bool failed = false;
        QElapsedTimer writing;
        QTimer ticker;
        ticker.setTimerType(Qt::PreciseTimer);
        QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
            const qint64 due = std::min(steps, writing.nsecsElapsed() / (pace.count() * 1000) + 1);
            for (; done < due && !failed; ++done)
                failed = !step(*m_counters.at(static_cast<size_t>(done % qint64(m_counters.size()))));
            if (done == steps || failed) {
                ticker.stop();
                m_lastWriteNs = m_since.nsecsElapsed();
            }
        });
        m_firstWriteNs = m_since.nsecsElapsed();
        writing.start();
        ticker.start(std::max<int>(1, static_cast<int>(pace.count() / 1000)));
        const bool synced =
            runUntil([&] { return failed || (!ticker.isActive() && allInSync() && allConfirmed()); }, 300s);
        if (failed || !synced) {
            say(QStringLiteral("replication: %1")
                    .arg(failed ? QStringLiteral("a journal write failed")
                                : QStringLiteral("the server did not catch up")));
            return false;
        }
        qint64 events = 0;
        for (const auto& c : m_counters)
            events += c->lastSeq();
        const double wall = double(m_lastConfirmNs - m_firstWriteNs) / 1e9;
        const double writingTime = double(m_lastWriteNs - m_firstWriteNs) / 1e9;
        print("replication_tills", qint64(m_counters.size()));
        print("replication_payments", qint64(m_counters.size()) * m_payments);
        print("replication_events", events);
        print("replication_offered_events_per_s", events / writingTime);
        print("replication_events_per_s", events / wall);
        print("replication_p50_ms", quantile(m_delays, 0.5));
        print("replication_p95_ms", quantile(m_delays, 0.95));
        print("replication_max_ms", quantile(m_delays, 1.0));
        return true;
    }

    // The same journals, every change at once, to an empty database: a shop coming back after an outage.
    bool catchUp()
    {
        for (const auto& c : m_counters)
            c->link.reset();
        m_server.newDatabase();
        if (!m_server.error().isEmpty() || !createSchema(m_server.url()))
            return false;
        qint64 events = 0;
        for (const auto& c : m_counters)
            events += c->lastSeq();
        QElapsedTimer catchingUp;
        catchingUp.start();
        connectAll(QStringLiteral("Back %1"));
        if (!runUntil([this] { return allInSync(); }, 300s)) {
            say(QStringLiteral("catch-up: the server did not catch up"));
            return false;
        }
        print("replication_catchup_events_per_s", events / (double(catchingUp.nsecsElapsed()) / 1e9));
        return true;
    }

private:
    void connectAll(const QString& nameForm)
    {
        for (size_t i = 0; i < m_counters.size(); ++i) {
            Counter& c = *m_counters.at(i);
            c.identity = {QUuid::createUuid(), nameForm.arg(i + 1), QStringLiteral("Bench")};
            c.link = std::make_unique<ShopLink>(*c.journal, m_clock);
            // ShopLink says something after every batch the server applied.
            QObject::connect(c.link.get(), &ShopLink::statusChanged, c.link.get(),
                             [this, &c] { confirm(c); });
            c.link->start(m_server.url(), kPassword, c.identity);
        }
    }

    void confirm(Counter& c)
    {
        const qint64 now = m_since.nsecsElapsed();
        const qint64 acknowledged = c.link->acknowledged();
        bool progress = false;
        for (; c.confirmed < c.written.size() && c.written.at(c.confirmed).seq <= acknowledged;
             ++c.confirmed) {
            m_delays.append(double(now - c.written.at(c.confirmed).atNs) / 1e6);
            progress = true;
        }
        if (progress)
            m_lastConfirmNs = now;
    }

    bool allInSync() const
    {
        return std::all_of(m_counters.begin(), m_counters.end(), [](const auto& c) {
            return c->link->status() == ShopLink::Status::InSync && c->inSync();
        });
    }

    bool allConfirmed() const
    {
        return std::all_of(m_counters.begin(), m_counters.end(),
                           [](const auto& c) { return c->confirmed == c->written.size(); });
    }

    bool written(Counter& c, bool ok)
    {
        if (!ok) {
            say(QStringLiteral("journal: ") + c.journal->lastError());
            return false;
        }
        c.written.append({c.lastSeq(), m_since.nsecsElapsed()});
        return true;
    }

    bool step(Counter& c)
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (!c.open.empty() && c.open.front().state == PaymentState::Pending) {
            Payment p = c.open.front();
            c.open.pop_front();
            p.state = PaymentState::Complete;
            p.remoteState = QStringLiteral("COMPLETE");
            p.mpesaReceipt =
                QStringLiteral("S%1").arg(p.sequence, 9, 36, QLatin1Char('0')).toUpper().right(10);
            p.updatedAt = now;
            if (!written(c, c.journal->updatePayment(p, p.mpesaReceipt)))
                return false;
        }
        if (!c.open.empty() && c.open.back().state == PaymentState::Sending) {
            Payment& p = c.open.back();
            p.state = PaymentState::Pending;
            p.remoteState = QStringLiteral("PENDING");
            p.invoiceId = QStringLiteral("BENCH%1").arg(p.sequence);
            p.updatedAt = now;
            if (!written(c, c.journal->updatePayment(p, QStringLiteral("accepted by IntaSend"))))
                return false;
        }
        if (c.created < m_payments) {
            const qint64 index = c.created++;
            Payment p;
            p.localRef = QUuid::createUuid().toString(QUuid::WithoutBraces);
            p.amount = Money::fromShillings(10 + (index * 7919) % 5000);
            p.phone = PhoneNumber::fromNormalised(
                          QStringLiteral("2547%1").arg(10000000 + (index * 104729) % 20000 * 37))
                          .value();
            p.createdAt = p.updatedAt = now;
            p.tillName = c.identity.name;
            if (!written(c, c.journal->addPayment(p)))
                return false;
            c.open.push_back(p);
        }
        return true;
    }

    test::ShopServer& m_server;
    SystemClock m_clock;
    int m_payments;
    std::vector<std::unique_ptr<Counter>> m_counters;
    QElapsedTimer m_since;
    qint64 m_firstWriteNs = 0;
    qint64 m_lastWriteNs = 0;
    qint64 m_lastConfirmNs = 0;
    QList<double> m_delays; // ms, one per journal write
};

// ---------------------------------------------------------------------------------------------------
// 2. The shop view

// A till of the filled shop, by its number k (an SQL expression): 00000000-0000-4000-8000-00000000000k.
QString tillIdSql(const QString& k)
{
    return QStringLiteral("CAST('00000000-0000-4000-8000-' || lpad(CAST(%1 AS text), 12, '0') AS uuid)")
        .arg(k);
}

// A time `ms` milliseconds since the epoch, as an SQL expression.
QString timeSql(const QString& ms)
{
    return QStringLiteral("(TIMESTAMPTZ 'epoch' + (%1) * INTERVAL '1 millisecond')").arg(ms);
}

// Payments first..last of `rows`, as one statement: round the tills, one every stepMs, the newest at nowMs;
// 20,000 customers, amounts of 10 to 5,009 shillings, and JournalGenerator's mix of states (85 % paid,
// 10 % failed, 5 % expired). Foreign keys are not checked (the rows are right by construction).
QString paymentsSql(qint64 first, qint64 last, qint64 rows, int tills, qint64 nowMs, qint64 stepMs)
{
    const QString at = QStringLiteral("%1 - (%2 - g) * %3").arg(nowMs).arg(rows).arg(stepMs);
    const QString kind = QStringLiteral("(g / 7) % 20");
    return QStringLiteral(
               "SET session_replication_role = replica;\n"
               "INSERT INTO payments (till_id, local_ref, seq, amount_cents, phone, state, created_at, "
               "updated_at, invoice_id, remote_state, mpesa_receipt, failed_code, failure_message, "
               "till_name)\n"
               "SELECT %1, CAST(CAST(md5(CAST(g AS text)) AS uuid) AS text), (g - 1) / %2 + 1,\n"
               " (10 + (g * 7919) % 5000) * 100, '2547' || CAST(10000000 + (g * 104729) % 20000 * 37 AS "
               "text),\n"
               " CASE %3 WHEN 0 THEN 'Failed' WHEN 1 THEN 'Failed' WHEN 2 THEN 'Expired' ELSE 'Complete' "
               "END,\n"
               " %4, %5, CAST(100000 + g AS text),\n"
               " CASE %3 WHEN 0 THEN 'FAILED' WHEN 1 THEN 'FAILED' WHEN 2 THEN 'PENDING' ELSE 'COMPLETE' "
               "END,\n"
               " CASE WHEN %3 > 2 THEN 'S' || upper(substr(md5('r' || g), 1, 9)) END,\n"
               " CASE %3 WHEN 0 THEN '1032' WHEN 1 THEN '1' END,\n"
               " CASE %3 WHEN 0 THEN 'Customer cancelled the request'"
               " WHEN 1 THEN 'Customer''s M-Pesa balance is too low' END,\n"
               " 'Counter ' || ((g - 1) % %2 + 1)\n"
               "FROM generate_series(CAST(%6 AS bigint), %7) AS g;\n")
        .arg(tillIdSql(QStringLiteral("(g - 1) % %1 + 1").arg(tills)))
        .arg(tills)
        .arg(kind, timeSql(at), timeSql(at + QStringLiteral(" + 8000")))
        .arg(first)
        .arg(last);
}

// Fills the (empty) shop database with `rows` payments of a year at `tills` tills, with a shift every 12
// hours at each (the last one still open), the way a bulk load is done: the payments' indexes dropped first
// and built again afterwards from their own definitions, then VACUUM ANALYZE (which autovacuum would
// otherwise do in the middle of the measurements).
bool fillShop(test::TempPostgres& pg, const QString& database, qint64 rows, int tills)
{
    const auto exec = [&](const QString& sql, QString* output = nullptr) {
        if (pg.exec(database, sql, output))
            return true;
        say(QStringLiteral("fill: ") + pg.errorString());
        return false;
    };
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 yearMs = 365LL * 24 * 3600 * 1000;
    const qint64 shiftMs = 12LL * 3600 * 1000;
    const qint64 shifts = yearMs / shiftMs + 1;
    const QString tillsSql =
        QStringLiteral("INSERT INTO tills (till_id, name, branch, last_seq)"
                       " SELECT %1, 'Counter ' || k, CASE WHEN k <= %2 THEN 'Westlands' ELSE 'CBD' END, %3"
                       " FROM generate_series(1, %4) AS k;\n"
                       "INSERT INTO shifts (till_id, shift_id, cashier, opened_at, closed_at)"
                       " SELECT %1, s, 'Cashier ' || ((k * 7 + s) % 40 + 1), %5,"
                       " CASE WHEN s < %7 THEN %6 END"
                       " FROM generate_series(1, %4) AS k, generate_series(1, %7) AS s;\n")
            .arg(tillIdSql(QStringLiteral("k")))
            .arg(tills / 2)
            .arg(rows / tills * 3)
            .arg(tills)
            .arg(
                timeSql(QStringLiteral("%1 - (%2 - s) * CAST(%3 AS bigint)")
                            .arg(nowMs)
                            .arg(shifts + 1)
                            .arg(shiftMs)),
                timeSql(
                    QStringLiteral("%1 - (%2 - s) * CAST(%3 AS bigint)").arg(nowMs).arg(shifts).arg(shiftMs)))
            .arg(shifts);
    if (!exec(tillsSql))
        return false;

    QString indexes;
    QString keys;
    if (!exec(QStringLiteral(
                  "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"
                  " AND tablename = 'payments' AND indexname NOT IN (SELECT conname FROM pg_constraint"
                  " WHERE conrelid = CAST('payments' AS regclass))"),
              &indexes) ||
        !exec(QStringLiteral("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                             " WHERE conrelid = CAST('payments' AS regclass) AND contype = 'p'"),
              &keys))
        return false;
    QStringList drop;
    QStringList build;
    for (const QString& line : indexes.split(u'\n', Qt::SkipEmptyParts)) {
        drop.append(QStringLiteral("DROP INDEX %1;")
                        .arg(test::TempPostgres::quoteIdentifier(line.section(u'|', 0, 0))));
        build.append(line.section(u'|', 1));
    }
    for (const QString& line : keys.split(u'\n', Qt::SkipEmptyParts)) {
        const QString name = test::TempPostgres::quoteIdentifier(line.section(u'|', 0, 0));
        drop.append(QStringLiteral("ALTER TABLE payments DROP CONSTRAINT %1;").arg(name));
        build.append(
            QStringLiteral("ALTER TABLE payments ADD CONSTRAINT %1 %2").arg(name, line.section(u'|', 1)));
    }
    if (!exec(drop.join(u'\n')))
        return false;

    // Slices of a quarter of a million rows: a few seconds each, well inside exec()'s minute.
    const qint64 stepMs = std::max<qint64>(1, yearMs / rows);
    constexpr qint64 kSlice = 250000;
    for (qint64 first = 1; first <= rows; first += kSlice) {
        if (!exec(paymentsSql(first, std::min(rows, first + kSlice - 1), rows, tills, nowMs, stepMs)))
            return false;
    }
    for (const QString& statement : std::as_const(build)) {
        if (!exec(QStringLiteral("SET maintenance_work_mem = '256MB';\n") + statement + u';'))
            return false;
    }
    return exec(QStringLiteral("VACUUM (ANALYZE) payments;\nANALYZE tills;\nANALYZE shifts;"));
}

bool benchView(test::ShopServer& server, qint64 rows)
{
    const QString database = server.newDatabase();
    if (!server.error().isEmpty() || !createSchema(server.url()))
        return false;
    QElapsedTimer filling;
    filling.start();
    if (!fillShop(server.server(), database, rows, 20))
        return false;
    print("view_rows", rows);
    print("view_fill_s", double(filling.elapsed()) / 1000.0);

    // Something to search for that is there: a regular customer's phone as a cashier types it, and a
    // receipt code from a few weeks back.
    QString phone;
    QString receipt;
    if (!server.server().exec(database,
                              QStringLiteral("SELECT phone FROM payments ORDER BY created_at DESC LIMIT 1"),
                              &phone) ||
        !server.server().exec(
            database,
            QStringLiteral("SELECT mpesa_receipt FROM payments WHERE mpesa_receipt IS NOT NULL"
                           " ORDER BY created_at DESC OFFSET %1 LIMIT 1")
                .arg(rows / 20),
            &receipt)) {
        say(server.server().errorString());
        return false;
    }
    phone = QLatin1Char('0') + phone.mid(3);

    // Read as the shop view reads: the tills' role, the session ShopConnection sets up.
    ShopConnection connection(server.url(), kPassword, QStringLiteral("bench-view"));
    if (!connection.open()) {
        say(connection.error());
        return false;
    }
    QSqlDatabase& db = connection.db();
    struct Read {
        const char* key;
        const char* rowsKey;
        std::function<qsizetype(QString*)> read;
        QList<double> ms;
        qsizetype rows = 0;
    };
    const auto search = [&db](const QString& text) {
        return [&db, text](QString* error) {
            ShopFilter filter;
            filter.search = text;
            return ShopQuery::page(db, filter, std::nullopt, 200, error).size();
        };
    };
    std::vector<Read> reads;
    reads.push_back({"view_first_page_ms", "view_first_page_rows", search(QString()), {}});
    reads.push_back({"view_search_phone_ms", "view_search_phone_rows", search(phone), {}});
    reads.push_back({"view_search_receipt_ms", "view_search_receipt_rows", search(receipt), {}});
    reads.push_back({"view_search_amount_ms", "view_search_amount_rows", search(QStringLiteral("250")), {}});
    reads.push_back({"view_totals_ms",
                     "view_totals_tills",
                     [&db](QString* error) {
                         return ShopQuery::totalsOfDay(db, QDate::currentDate(), error).tills.size();
                     },
                     {}});
    for (int round = 0; round < 8; ++round) { // the first warms up
        for (Read& r : reads) {
            QString error;
            QElapsedTimer t;
            t.start();
            r.rows = r.read(&error);
            const double ms = double(t.nsecsElapsed()) / 1e6;
            if (!error.isEmpty()) {
                say(QString::fromLatin1(r.key) + QStringLiteral(": ") + error);
                return false;
            }
            if (round > 0)
                r.ms.append(ms);
        }
    }
    for (const Read& r : reads) {
        print(r.key, median(r.ms));
        print(r.rowsKey, qint64(r.rows));
    }
    return true;
}

// ---------------------------------------------------------------------------------------------------
// 3. Enter → request on the wire

// One till in the real window, with or without a shop database.
struct Lane {
    const char* name;
    std::unique_ptr<TillStack> stack;
    std::unique_ptr<MainWindow> window;
    QLineEdit* amount = nullptr;
    QLineEdit* phone = nullptr;
    QList<double> ms;
};

// A loopback port where nothing listens: a shop database that is down.
quint16 deadPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

// Asks the lane's shop-wide guard (as Charge does) with a long budget: the time until it answered, or -1
// if it could not (or not in time).
double askGuard(Lane& lane, Money amount, std::chrono::milliseconds budget)
{
    TillStack& s = *lane.stack;
    QObject context;
    std::optional<ShopService::Answer> answer;
    QElapsedTimer t;
    t.start();
    s.shopService->openElsewhere(s.identity.id, PhoneNumber::parse(QStringLiteral("0712345678")).value(),
                                 amount, s.clock.now().addDays(-1), budget, &context,
                                 [&answer](const ShopService::Answer& a) { answer = a; });
    runUntil([&answer] { return answer.has_value(); }, budget + 5s);
    return answer && answer->answered ? double(t.nsecsElapsed()) / 1e6 : -1;
}

int benchEnterToWire(test::ShopServer& server, const QString& simulatorPath, int runs)
{
    QProcess simulator;
    simulator.start(simulatorPath, {});
    if (!simulator.waitForReadyRead(10000)) {
        say(QStringLiteral("the simulator did not start: ") + simulator.errorString());
        return 1;
    }
    const QUrl simulatorUrl(QString::fromUtf8(simulator.readLine()).section(u' ', -1).trimmed());
    QTemporaryDir dir(QDir::current().filePath(QStringLiteral("bench-shop-XXXXXX"))); // on the real disk
    SystemClock clock;

    // The proxies are declared after the lanes, so they go first: their closed connections free the shop
    // threads that wait on them (the hung one's), and the lanes can be taken down.
    std::vector<Lane> lanes;
    auto slow = std::make_unique<test::TcpProxy>();
    auto hung = std::make_unique<test::TcpProxy>();
    const auto pgPort = static_cast<quint16>(server.server().port());
    if (!slow->listen(QStringLiteral("127.0.0.1"), pgPort) ||
        !hung->listen(QStringLiteral("127.0.0.1"), pgPort)) {
        say(QStringLiteral("proxy: ") + slow->errorString());
        return 1;
    }
    slow->setDelay(500ms);
    const std::vector<std::pair<const char*, int>> ports = {
        {"none", -1}, {"up", 0}, {"down", deadPort()}, {"slow", slow->port()}, {"hung", hung->port()}};
    for (const auto& [name, port] : ports) {
        Lane lane;
        lane.name = name;
        Settings settings;
        settings.tillName = QStringLiteral("Bench %1").arg(QLatin1String(name));
        Journal::OpenError error;
        auto journal =
            Journal::open(dir.filePath(QStringLiteral("journal-%1.sqlite").arg(QLatin1String(name))), &error);
        if (!journal) {
            say(error.message);
            return 1;
        }
        lane.stack = std::make_unique<TillStack>(
            clock,
            ClientConfig{simulatorUrl, QStringLiteral("ISPubKey_test_bench"), {}, std::chrono::seconds(5)},
            settings, std::move(journal));
        if (port >= 0)
            lane.stack->connectShop(server.url(port), kPassword,
                                    {QUuid::createUuid(), settings.tillName, QStringLiteral("Bench")});
        lane.window = std::make_unique<MainWindow>(*lane.stack, Environment::demo(simulatorUrl), 250000);
        lane.window->show();
        lane.amount = lane.window->findChild<QLineEdit*>(QStringLiteral("amountEdit"));
        lane.phone = lane.window->findChild<QLineEdit*>(QStringLiteral("phoneEdit"));
        lanes.push_back(std::move(lane));
    }

    // Every guard connected and asked once (through the slow proxy that takes seconds), then the hung
    // proxy stops answering.
    for (Lane& lane : lanes) {
        if (!lane.stack->shopService)
            continue;
        const double ms = askGuard(lane, Money::fromShillings(1), 30s);
        say(QStringLiteral("guard %1 warmed up: %2")
                .arg(QLatin1String(lane.name),
                     ms < 0 ? QStringLiteral("not answered") : QStringLiteral("%1 ms").arg(ms, 0, 'f', 1)));
    }
    hung->hang(true);

    for (int run = 0; run < runs; ++run) {
        for (size_t i = 0; i < lanes.size(); ++i) {
            const size_t index =
                (static_cast<size_t>(run) + i) % lanes.size(); // each lane goes first in turn
            Lane& lane = lanes.at(index);
            // A sale of its own each time: no till, this one or another, has it open already.
            lane.amount->setText(QString::number(100 + run * 10 + static_cast<int>(index)));
            lane.phone->setText(QStringLiteral("0712345678"));
            QApplication::setActiveWindow(lane.window.get());
            const qint64 enteredAt = monotonicNs();
            QTest::keyClick(lane.phone, Qt::Key_Return);
            qint64 receivedAt = 0;
            const bool pushed = runUntil(
                [&] {
                    while (simulator.canReadLine()) {
                        const QString line = QString::fromUtf8(simulator.readLine());
                        if (line.startsWith(QStringLiteral("push "))) {
                            receivedAt =
                                line.section(QStringLiteral("t="), 1).section(u' ', 0, 0).toLongLong();
                            return true;
                        }
                    }
                    return false;
                },
                10s);
            if (!pushed) {
                say(QStringLiteral("enter to wire (%1): no push arrived within 10 s")
                        .arg(QLatin1String(lane.name)));
                return 1;
            }
            lane.ms.append(double(receivedAt - enteredAt) / 1e6);
            QCoreApplication::processEvents(); // let the list and totals catch up before the next sale
        }
    }
    for (const Lane& lane : lanes) {
        const QByteArray key = QByteArrayLiteral("enter_to_wire_") + lane.name;
        print((key + "_ms").constData(), median(lane.ms));
        print((key + "_p95_ms").constData(), quantile(lane.ms, 0.95));
    }

    // What the guard's question costs when the database is up: asked directly, answered in time.
    QList<double> guard;
    for (int i = 0; i < runs; ++i) {
        if (const double ms = askGuard(lanes.at(1), Money::fromShillings(3 + i), 300ms); ms >= 0)
            guard.append(ms);
    }
    print("guard_up_ms", median(guard));
    print("guard_up_answered", qint64(guard.size()));
    simulator.kill();
    simulator.waitForFinished();
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr,
                     "usage: bench_shop PATH-TO-lipa-till-simulator [TILLS] [PAYMENTS] [ROWS] [RUNS]\n");
        return 2;
    }
    const int tills = argc > 2 ? QByteArray(argv[2]).toInt() : 20;
    const int payments = argc > 3 ? QByteArray(argv[3]).toInt() : 500;
    const qint64 rows = argc > 4 ? QByteArray(argv[4]).toLongLong() : 2000000;
    const int runs = argc > 5 ? QByteArray(argv[5]).toInt() : 15;

    test::ShopServer server; // its destructor stops the server and removes its folder
    if (!server.start()) {
        say(QStringLiteral("PostgreSQL: ") + server.error());
        return 1;
    }
    QString version;
    server.server().exec(QStringLiteral("postgres"), QStringLiteral("SHOW server_version"), &version);
    std::printf("postgres_version=%s\n", qPrintable(version.section(u' ', 0, 0)));

    say(QStringLiteral("replication: %1 tills × %2 payments").arg(tills).arg(payments));
    {
        Replication replication(server, tills, payments);
        if (!replication.run(2000us) || !replication.catchUp())
            return 1;
    }
    say(QStringLiteral("shop view: %1 payments").arg(rows));
    if (!benchView(server, rows))
        return 1;
    say(QStringLiteral("enter to wire: %1 runs each").arg(runs));
    return benchEnterToWire(server, QString::fromLocal8Bit(argv[1]), runs);
}
