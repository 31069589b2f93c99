// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopTesting.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace std::chrono_literals;

namespace lipa::test {

bool ShopServer::start()
{
    m_server = std::make_unique<TempPostgres>();
    if (!m_server->start() || !m_server->createRole(QLatin1String(kRole), QLatin1String(kPassword))) {
        m_error = m_server->errorString();
        return false;
    }
    return true;
}

QString ShopServer::newDatabase()
{
    m_database = QStringLiteral("shop_%1").arg(++m_count);
    if (!m_server->createDatabase(m_database, QLatin1String(kRole)))
        m_error = m_server->errorString();
    return m_database;
}

ShopUrl ShopServer::url(int port) const
{
    return ShopUrl::parse(QStringLiteral("postgresql://%1@127.0.0.1:%2/%3")
                              .arg(QLatin1String(kRole))
                              .arg(port ? port : m_server->port())
                              .arg(m_database))
        .value();
}

QSqlDatabase ShopServer::admin()
{
    const QString name = QStringLiteral("admin-") + m_database;
    QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                                   : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    if (!db.isOpen()) {
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(m_server->port());
        db.setDatabaseName(m_database);
        db.setUserName(QStringLiteral("lipa_admin"));
        if (!db.open())
            m_error = db.lastError().text();
    }
    return db;
}

qint64 rowsOf(QSqlDatabase& shop, const QString& table, const QUuid& till)
{
    QSqlQuery query(shop);
    query.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE till_id = ?").arg(table));
    query.addBindValue(till.toString(QUuid::WithoutBraces));
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

namespace {

Settings named(Settings settings, const QString& name)
{
    settings.tillName = name;
    return settings;
}

} // namespace

ShopCounter::ShopCounter(const QString& name, Settings settings, const QString& branch)
    : stack(named(std::move(settings), name))
    , identity{QUuid::createUuid(), name, branch}
{
}

ShopCounter::ShopCounter(const QString& name, std::unique_ptr<Journal> journal, const QUuid& id)
    : stack(named({}, name), QString(), std::move(journal))
    , identity{id, name, QStringLiteral("Westlands")}
{
}

void ShopCounter::connect(const ShopUrl& url, const QString& password)
{
    stack.stack->connectShop(url, password, identity);
    link().setBackoff(50ms, 400ms);
    link().setIdentityGrace(1s);
}

bool ShopCounter::inSync()
{
    return stack.stack->shop && link().status() == ShopLink::Status::InSync &&
           link().acknowledged() == journal().outbox().lastSeq().value_or(-1);
}

bool ShopCounter::takePayments(int n, int firstShilling)
{
    static const char digits[] = {'5', '0', '1', '6'};
    QStringList refs;
    for (int i = 0; i < n; ++i)
        refs.append(
            stack.till().charge(Money::fromShillings(firstShilling + i), phoneEndingIn(digits[i % 4])));
    return stack.advanceUntil(
        [&] {
            for (const QString& ref : refs) {
                const std::optional<Payment> p = journal().find(ref);
                if (!p || !p->isFinal())
                    return false;
            }
            return true;
        },
        60s);
}

qsizetype ShopCounter::paymentsOn(const QDate& day) const
{
    return stack.stack->journal.paymentsBetween(day.startOfDay().toUTC(), day.addDays(1).startOfDay().toUTC())
        .size();
}

std::optional<ShopService::Answer> ShopCounter::askGuard(const PhoneNumber& phone, Money amount,
                                                         std::chrono::milliseconds budget)
{
    QObject context; // the answer is dropped if it comes after this returns
    std::optional<ShopService::Answer> answer;
    service().openElsewhere(identity.id, phone, amount, stack.clock.now().addDays(-1), budget, &context,
                            [&answer](const ShopService::Answer& a) { answer = a; });
    (void)QTest::qWaitFor([&answer] { return answer.has_value(); }, 25000);
    return answer;
}

namespace {

QString money(const std::optional<Money>& m)
{
    return m ? QString::number(m->cents()) : QStringLiteral("NULL");
}

QString orNull(const QVariant& v)
{
    return v.isNull() ? QStringLiteral("NULL") : v.toString();
}

} // namespace

QString differencesFromJournal(QSqlDatabase& shop, const QUuid& till, const Journal& journal)
{
    const QList<Payment> here = journal.paymentsBetween(QDateTime::fromMSecsSinceEpoch(0, Qt::UTC),
                                                        QDateTime::currentDateTimeUtc().addYears(5));
    QSqlQuery query(shop);
    query.prepare(QStringLiteral(
        "SELECT local_ref, seq, amount_cents, phone, state, created_at, updated_at, invoice_id, remote_state,"
        " mpesa_receipt, failed_code, failure_message, till_name, replaces_ref, charges_cents, net_cents"
        " FROM payments WHERE till_id = ? ORDER BY seq"));
    query.addBindValue(till.toString(QUuid::WithoutBraces));
    if (!query.exec())
        return QStringLiteral("payments: ") + query.lastError().text();
    QHash<QString, QStringList> there;
    while (query.next()) {
        QStringList row;
        for (int i = 0; i < 16; ++i) {
            const QVariant v = query.value(i);
            row.append(v.metaType().id() == QMetaType::QDateTime
                           ? QString::number(v.toDateTime().toMSecsSinceEpoch())
                           : orNull(v));
        }
        there.insert(row.first(), row);
    }
    if (there.size() != here.size())
        return QStringLiteral("%1 payments in the journal, %2 in the shop database")
            .arg(here.size())
            .arg(there.size());
    for (const Payment& p : here) {
        const auto none = [](const QString& s) { return s.isEmpty() ? QStringLiteral("NULL") : s; };
        const QStringList expected = {p.localRef,
                                      QString::number(p.sequence),
                                      QString::number(p.amount.cents()),
                                      p.phone.normalised(),
                                      stateKey(p.state),
                                      QString::number(p.createdAt.toMSecsSinceEpoch()),
                                      QString::number(p.updatedAt.toMSecsSinceEpoch()),
                                      none(p.invoiceId),
                                      none(p.remoteState),
                                      none(p.mpesaReceipt),
                                      none(p.failedCode),
                                      none(p.failureMessage),
                                      p.tillName,
                                      none(p.replacesRef),
                                      money(p.charges),
                                      money(p.netAmount)};
        const QStringList actual = there.value(p.localRef);
        if (actual != expected)
            return QStringLiteral("payment %1: journal %2, shop database %3")
                .arg(p.localRef, expected.join(u'|'), actual.join(u'|'));

        QSqlQuery events(shop);
        events.prepare(QStringLiteral("SELECT at, from_state, to_state, remote_state, detail FROM events"
                                      " WHERE till_id = ? AND local_ref = ? ORDER BY event_id"));
        events.addBindValue(till.toString(QUuid::WithoutBraces));
        events.addBindValue(p.localRef);
        if (!events.exec())
            return QStringLiteral("events: ") + events.lastError().text();
        const QList<PaymentEvent> recorded = journal.events(p.localRef);
        int i = 0;
        for (; events.next(); ++i) {
            if (i >= recorded.size())
                return QStringLiteral("payment %1: more events in the shop database").arg(p.localRef);
            const PaymentEvent& e = recorded.at(i);
            const QStringList want = {QString::number(e.at.toMSecsSinceEpoch()),
                                      e.from ? stateKey(*e.from) : QString(), stateKey(e.to), e.remoteState,
                                      e.detail};
            const QStringList got = {QString::number(events.value(0).toDateTime().toMSecsSinceEpoch()),
                                     events.value(1).toString(), events.value(2).toString(),
                                     events.value(3).toString(), events.value(4).toString()};
            if (want != got)
                return QStringLiteral("payment %1 event %2: journal %3, shop database %4")
                    .arg(p.localRef)
                    .arg(i)
                    .arg(want.join(u'|'), got.join(u'|'));
        }
        if (i != recorded.size())
            return QStringLiteral("payment %1: %2 events in the journal, %3 in the shop database")
                .arg(p.localRef)
                .arg(recorded.size())
                .arg(i);
    }
    return {};
}

} // namespace lipa::test
