// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopTesting.h"

#include <QSqlError>
#include <QSqlQuery>

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
