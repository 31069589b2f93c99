// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopWriter.h"

#include "ShopConnection.h"
#include "ShopNotice.h"
#include "ShopSchema.h"

#include <QMutexLocker>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

#include <algorithm>
#include <sys/socket.h>
#include <utility>

namespace lipa {

namespace {

// last_token goes with last_seq: the token of the item the database has last.
const QString kUpsertTill = QStringLiteral(
    "INSERT INTO tills (till_id, name, branch, last_seq, last_token) VALUES (CAST(:till AS uuid), :name, "
    ":branch, :lastSeq, :lastToken)"
    " ON CONFLICT (till_id) DO UPDATE SET name = EXCLUDED.name, branch = EXCLUDED.branch,"
    " last_token = CASE WHEN EXCLUDED.last_seq > tills.last_seq THEN EXCLUDED.last_token"
    " ELSE tills.last_token END,"
    " last_seq = GREATEST(tills.last_seq, EXCLUDED.last_seq), last_seen = now()");

// Batches come in the journal's order and carry each payment as it is now, so a later row always
// replaces an earlier one (no comparison of times: a wall clock set back would freeze a payment).
// local_ref is a UUID unique across the shop: a row another till already sent (a copied data folder
// given a new identity brings the original's journal along) is skipped, never counted twice.
const QString kUpsertPayment = QStringLiteral(
    "INSERT INTO payments (till_id, local_ref, seq, amount_cents, phone, state, created_at, updated_at,"
    " invoice_id, remote_state, mpesa_receipt, failed_code, failure_message, till_name, replaces_ref,"
    " charges_cents, net_cents, sale_ref, sale_part, sale_parts)"
    " VALUES (CAST(:till AS uuid), :ref, :seq, :amount, :phone, :state, :created, :updated, :invoice,"
    " :remoteState, :receipt, :failedCode, :failure, :tillName, :replaces, :charges, :net, :sale, :part,"
    " :parts)"
    " ON CONFLICT (local_ref) DO UPDATE SET seq = EXCLUDED.seq, amount_cents = EXCLUDED.amount_cents,"
    " phone = EXCLUDED.phone, state = EXCLUDED.state, created_at = EXCLUDED.created_at,"
    " updated_at = EXCLUDED.updated_at, invoice_id = EXCLUDED.invoice_id,"
    " remote_state = EXCLUDED.remote_state, mpesa_receipt = EXCLUDED.mpesa_receipt,"
    " failed_code = EXCLUDED.failed_code, failure_message = EXCLUDED.failure_message,"
    " till_name = EXCLUDED.till_name, replaces_ref = EXCLUDED.replaces_ref,"
    " charges_cents = EXCLUDED.charges_cents, net_cents = EXCLUDED.net_cents,"
    " sale_ref = EXCLUDED.sale_ref, sale_part = EXCLUDED.sale_part, sale_parts = EXCLUDED.sale_parts"
    " WHERE payments.till_id = EXCLUDED.till_id");

// Only the events of this till's own payments (see above).
const QString kInsertEvent = QStringLiteral(
    "INSERT INTO events (till_id, event_id, local_ref, at, from_state, to_state, remote_state, detail)"
    " SELECT CAST(:till AS uuid), :event, :ref, :at, :fromState, :toState, :remoteState, :detail"
    " WHERE EXISTS (SELECT 1 FROM payments WHERE local_ref = :ownRef AND till_id = CAST(:ownTill AS uuid))"
    " ON CONFLICT DO NOTHING");

// A shift is sent when it opens and again when it closes: closing never un-closes.
const QString kUpsertShift =
    QStringLiteral("INSERT INTO shifts (till_id, shift_id, cashier, opened_at, closed_at, z_report)"
                   " VALUES (CAST(:till AS uuid), :shift, :cashier, :opened, :closed, :zReport)"
                   " ON CONFLICT (till_id, shift_id) DO UPDATE SET closed_at = COALESCE(EXCLUDED.closed_at, "
                   "shifts.closed_at),"
                   " z_report = COALESCE(EXCLUDED.z_report, shifts.z_report)");

// Delivered at commit, to every shop view and duplicate guard that LISTENs (ShopNotice).
const QString kNotify = QStringLiteral("SELECT pg_notify('lipa_shop', :payload)");

// Optional texts are NULL when empty, as in the journal; NOT NULL texts are never a null QString.
QVariant textOrNull(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QString notNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QVariant centsOrNull(const std::optional<Money>& money)
{
    return money ? QVariant(money->cents()) : QVariant(QMetaType::fromType<qint64>());
}

QVariant timeOrNull(const QDateTime& time)
{
    return time.isValid() ? QVariant(time.toUTC()) : QVariant(QMetaType::fromType<QDateTime>());
}

// The session lock that says "this till is connected": the uuid's first eight bytes as two int4 keys,
// which PostgreSQL keeps apart from ShopSchema's single bigint key.
std::pair<qint32, qint32> identityKey(const QUuid& id)
{
    const QByteArray bytes = id.toRfc4122();
    return {qFromBigEndian<qint32>(bytes.constData()), qFromBigEndian<qint32>(bytes.constData() + 4)};
}

} // namespace

struct ShopWriter::Statements {
    explicit Statements(const QSqlDatabase& db)
        : till(db)
        , payment(db)
        , event(db)
        , shift(db)
        , notify(db)
    {
    }

    QSqlQuery till;
    QSqlQuery payment;
    QSqlQuery event;
    QSqlQuery shift;
    QSqlQuery notify;
};

ShopWriter::ShopWriter(QObject* parent)
    : QObject(parent)
    , m_retry(this) // a child, so that it moves to the writer's thread with it
{
    qRegisterMetaType<lipa::OutboxBatch>();
    qRegisterMetaType<lipa::ShopUrl>();
    qRegisterMetaType<lipa::TillIdentity>();
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ShopWriter::connectNow);
}

ShopWriter::~ShopWriter()
{
    stop();
}

void ShopWriter::setBackoff(std::chrono::milliseconds first, std::chrono::milliseconds max)
{
    m_firstDelay = first;
    m_maxDelay = std::max(first, max);
    m_nextDelay = first;
}

void ShopWriter::setIdentityGrace(std::chrono::milliseconds grace)
{
    m_identityGrace = grace;
}

void ShopWriter::start(lipa::ShopUrl url, QString password, lipa::TillIdentity till, qint64 localLastSeq)
{
    stop();
    m_url = std::move(url);
    m_till = std::move(till);
    m_tillId = m_till.id.toString(QUuid::WithoutBraces);
    m_localLastSeq = localLastSeq;
    m_nextDelay = m_firstDelay;
    m_identityConflictSince.invalidate();
    m_ownBackendPid = 0;
    m_lastReason.clear();
    {
        QMutexLocker lock(&m_socketLock);
        m_aborted = false;
    }
    m_connection = std::make_unique<ShopConnection>(m_url, password, QStringLiteral("writer"));
    m_connection->setStatementTimeout(std::chrono::seconds(15));
    m_state = State::Waiting;
    if (m_till.id.isNull())
        return refuse(tr("This till has no identity (till/id): replication to the shop database stopped."));
    qCInfo(lcShop).noquote() << "replicating to" << m_url.display() << "as till" << m_till.name << m_tillId;
    connectNow();
}

void ShopWriter::abortConnection()
{
    QMutexLocker lock(&m_socketLock);
    m_aborted = true;
    if (m_socket >= 0)
        ::shutdown(m_socket, SHUT_RDWR); // the waiting statement sees the connection end
}

void ShopWriter::publishSocket(int socket)
{
    QMutexLocker lock(&m_socketLock);
    m_socket = socket;
    if (m_aborted && socket >= 0)
        ::shutdown(socket, SHUT_RDWR);
}

void ShopWriter::stop()
{
    m_retry.stop();
    publishSocket(-1);
    m_connection.reset(); // closes, and forgets the password
    m_statements.reset();
    m_state = State::Stopped;
}

void ShopWriter::apply(lipa::OutboxBatch batch)
{
    m_localLastSeq = std::max(m_localLastSeq, batch.lastSeq);
    if (m_state != State::Connected)
        return; // the next connected() says where to start again
    if (batch.lastSeq <= m_serverLastSeq) {
        Q_EMIT applied(batch.lastSeq);
        return;
    }
    if (batch.afterSeq > m_serverLastSeq) {
        // Applying it would leave a gap that last_seq then hides for ever.
        qCWarning(lcShop) << "a batch after" << batch.afterSeq << "does not follow" << m_serverLastSeq
                          << "; asking for the journal from there";
        Q_EMIT connected(m_serverLastSeq, m_serverLastToken);
        return;
    }
    if (!write(batch))
        return;
    m_serverLastSeq = batch.lastSeq;
    m_serverLastToken = batch.lastToken;
    Q_EMIT applied(batch.lastSeq);
}

void ShopWriter::connectNow()
{
    if (m_state != State::Waiting)
        return;
    if (!m_connection->open()) {
        switch (m_connection->problem()) {
        case ShopProblem::WrongPassword:
        case ShopProblem::NoPassword:
        case ShopProblem::NotAllowed:
        case ShopProblem::NoUser:
        case ShopProblem::NoDatabase:
            return retryLater(m_connection->error(), Backoff::Longest);
        default:
            return retryLater(m_connection->error());
        }
    }
    publishSocket(m_connection->socketDescriptor());
    const SchemaCheck schema = ShopSchema::ensure(m_connection->db());
    if (schema.kind == SchemaCheck::Kind::NotLipa || schema.kind == SchemaCheck::Kind::Newer)
        return refuse(schema.message);
    if (!schema.isUsable())
        return retryLater(schema.message);
    qint64 serverLastSeq = 0;
    QString serverLastToken;
    if (!claimIdentity() || !prepareStatements() || !registerTill(&serverLastSeq, &serverLastToken))
        return;
    m_state = State::Connected;
    m_serverLastSeq = serverLastSeq;
    m_serverLastToken = serverLastToken;
    m_nextDelay = m_firstDelay;
    m_lastReason.clear();
    qCInfo(lcShop).noquote() << "connected to" << m_url.display() << "; it has this till's journal up to"
                             << serverLastSeq;
    Q_EMIT connected(serverLastSeq, serverLastToken);
}

bool ShopWriter::claimIdentity()
{
    const auto [high, low] = identityKey(m_till.id);
    QSqlQuery query(m_connection->db());
    query.prepare(QStringLiteral("SELECT pg_try_advisory_lock(:high, :low), pg_backend_pid()"));
    query.bindValue(QStringLiteral(":high"), high);
    query.bindValue(QStringLiteral(":low"), low);
    if (!query.exec() || !query.next()) {
        retryAfter(query.lastError(), "claiming the till's identity");
        return false;
    }
    if (query.value(0).toBool()) {
        m_ownBackendPid = query.value(1).toLongLong();
        m_identityConflictSince.invalidate();
        return true;
    }

    query.prepare(
        QStringLiteral("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
                       " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                       " AND classid = CAST(CAST(:high AS int4) AS oid)"
                       " AND objid = CAST(CAST(:low AS int4) AS oid) AND objsubid = 2"));
    query.bindValue(QStringLiteral(":high"), high);
    query.bindValue(QStringLiteral(":low"), low);
    const qint64 holder = query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    if (holder != 0 && holder == m_ownBackendPid) {
        // This writer's own session from before the network dropped, which the server has not noticed is
        // gone yet: end it rather than wait for the server's keepalives.
        query.prepare(QStringLiteral("SELECT pg_terminate_backend(:pid)"));
        query.bindValue(QStringLiteral(":pid"), holder);
        query.exec();
        qCInfo(lcShop) << "ended this till's earlier session" << holder << "that still held its identity";
        retryLater(tr("Ending this till's earlier connection to the shop database"));
        return false;
    }
    if (!m_identityConflictSince.isValid())
        m_identityConflictSince.start();
    if (std::chrono::milliseconds(m_identityConflictSince.elapsed()) >= m_identityGrace) {
        refuse(tr("Another till is already connected to the shop database with this till's identity "
                  "(till/id %1): was this till's data folder copied from another? Replication stopped; "
                  "give this till a new identity.")
                   .arg(m_tillId));
        return false;
    }
    retryLater(tr("Another connection uses this till's identity (till/id %1) in the shop database; waiting "
                  "to see whether it ends")
                   .arg(m_tillId));
    return false;
}

bool ShopWriter::prepareStatements()
{
    m_statements = std::make_unique<Statements>(m_connection->db());
    const std::pair<QSqlQuery*, const QString*> all[] = {{&m_statements->till, &kUpsertTill},
                                                         {&m_statements->payment, &kUpsertPayment},
                                                         {&m_statements->event, &kInsertEvent},
                                                         {&m_statements->shift, &kUpsertShift},
                                                         {&m_statements->notify, &kNotify}};
    for (const auto& [query, sql] : all) {
        if (!query->prepare(*sql)) {
            retryAfter(query->lastError(), "preparing the statements");
            return false;
        }
    }
    return true;
}

bool ShopWriter::registerTill(qint64* serverLastSeq, QString* serverLastToken)
{
    QSqlQuery query(m_connection->db());
    query.prepare(
        QStringLiteral("SELECT last_seq, last_token FROM tills WHERE till_id = CAST(:till AS uuid)"));
    query.bindValue(QStringLiteral(":till"), m_tillId);
    if (!query.exec()) {
        retryAfter(query.lastError(), "reading the till's row");
        return false;
    }
    const bool exists = query.next();
    const qint64 known = exists ? query.value(0).toLongLong() : 0;
    const QString knownToken = exists ? query.value(1).toString() : QString();
    query.finish();
    if (known > m_localLastSeq) {
        refuse(
            tr("The shop database has more of this till's journal (up to %1) than this till ever wrote (up "
               "to %2), under its identity (till/id %3): was this till's data folder copied from another, "
               "or its journal replaced? Replication stopped; give this till a new identity.")
                .arg(known)
                .arg(m_localLastSeq)
                .arg(m_tillId));
        return false;
    }
    QSqlQuery& till = m_statements->till;
    till.bindValue(QStringLiteral(":till"), m_tillId);
    till.bindValue(QStringLiteral(":name"), notNull(m_till.name));
    till.bindValue(QStringLiteral(":branch"), notNull(m_till.branch));
    till.bindValue(QStringLiteral(":lastSeq"), qint64(0));
    till.bindValue(QStringLiteral(":lastToken"), textOrNull(QString()));
    if (!till.exec()) {
        retryAfter(till.lastError(), "registering the till");
        return false;
    }
    *serverLastSeq = known;
    *serverLastToken = knownToken;
    return true;
}

ShopNotice ShopWriter::noticeOf(const OutboxBatch& batch) const
{
    ShopNotice notice{m_tillId, false, {}};
    for (const Payment& p : batch.payments) {
        // What the guard's snapshot holds (ShopQuery::openPayments).
        if (traitsOf(p.state).mayStillCharge || p.state == PaymentState::Expired) {
            const QString key = ShopNotice::saleKey(p.phone.normalised(), p.amount.cents());
            if (!notice.openSales.contains(key))
                notice.openSales.append(key);
        }
    }
    return notice;
}

bool ShopWriter::write(const OutboxBatch& batch)
{
    QSqlDatabase& db = m_connection->db();
    if (!db.transaction()) {
        retryAfter(db.lastError(), "beginning a batch");
        return false;
    }
    Statements& s = *m_statements;
    const char* failedAt = nullptr;
    const auto run = [&failedAt](QSqlQuery& query, const char* what) {
        if (query.exec())
            return true;
        failedAt = what;
        return false;
    };
    QSqlQuery* last = &s.till;

    s.till.bindValue(QStringLiteral(":till"), m_tillId);
    s.till.bindValue(QStringLiteral(":name"), notNull(m_till.name));
    s.till.bindValue(QStringLiteral(":branch"), notNull(m_till.branch));
    s.till.bindValue(QStringLiteral(":lastSeq"), batch.lastSeq);
    s.till.bindValue(QStringLiteral(":lastToken"), textOrNull(batch.lastToken));
    bool ok = run(s.till, "updating the till's row");

    for (qsizetype i = 0; ok && i < batch.payments.size(); ++i) {
        const Payment& p = batch.payments.at(i);
        QSqlQuery& q = s.payment;
        last = &q;
        q.bindValue(QStringLiteral(":till"), m_tillId);
        q.bindValue(QStringLiteral(":ref"), notNull(p.localRef));
        q.bindValue(QStringLiteral(":seq"), p.sequence);
        q.bindValue(QStringLiteral(":amount"), p.amount.cents());
        q.bindValue(QStringLiteral(":phone"), notNull(p.phone.normalised()));
        q.bindValue(QStringLiteral(":state"), stateKey(p.state));
        q.bindValue(QStringLiteral(":created"), timeOrNull(p.createdAt));
        q.bindValue(QStringLiteral(":updated"), timeOrNull(p.updatedAt));
        q.bindValue(QStringLiteral(":invoice"), textOrNull(p.invoiceId));
        q.bindValue(QStringLiteral(":remoteState"), textOrNull(p.remoteState));
        q.bindValue(QStringLiteral(":receipt"), textOrNull(p.mpesaReceipt));
        q.bindValue(QStringLiteral(":failedCode"), textOrNull(p.failedCode));
        q.bindValue(QStringLiteral(":failure"), textOrNull(p.failureMessage));
        q.bindValue(QStringLiteral(":tillName"), notNull(p.tillName));
        q.bindValue(QStringLiteral(":replaces"), textOrNull(p.replacesRef));
        q.bindValue(QStringLiteral(":charges"), centsOrNull(p.charges));
        q.bindValue(QStringLiteral(":net"), centsOrNull(p.netAmount));
        q.bindValue(QStringLiteral(":sale"), textOrNull(p.saleRef));
        q.bindValue(QStringLiteral(":part"),
                    p.isPartOfSale() ? QVariant(p.salePart) : QVariant(QMetaType(QMetaType::Int)));
        q.bindValue(QStringLiteral(":parts"),
                    p.isPartOfSale() ? QVariant(p.saleParts) : QVariant(QMetaType(QMetaType::Int)));
        ok = run(q, "writing a payment");
    }
    for (qsizetype i = 0; ok && i < batch.events.size(); ++i) {
        const FeedEvent& e = batch.events.at(i);
        QSqlQuery& q = s.event;
        last = &q;
        q.bindValue(QStringLiteral(":till"), m_tillId);
        q.bindValue(QStringLiteral(":event"), e.eventId);
        q.bindValue(QStringLiteral(":ref"), notNull(e.localRef));
        q.bindValue(QStringLiteral(":ownRef"), notNull(e.localRef));
        q.bindValue(QStringLiteral(":ownTill"), m_tillId);
        q.bindValue(QStringLiteral(":at"), timeOrNull(e.at));
        q.bindValue(QStringLiteral(":fromState"), textOrNull(e.fromState));
        q.bindValue(QStringLiteral(":toState"), notNull(e.toState));
        q.bindValue(QStringLiteral(":remoteState"), textOrNull(e.remoteState));
        q.bindValue(QStringLiteral(":detail"), textOrNull(e.detail));
        ok = run(q, "writing an event");
    }
    for (qsizetype i = 0; ok && i < batch.shifts.size(); ++i) {
        const Shift& shift = batch.shifts.at(i);
        QSqlQuery& q = s.shift;
        last = &q;
        q.bindValue(QStringLiteral(":till"), m_tillId);
        q.bindValue(QStringLiteral(":shift"), shift.id);
        q.bindValue(QStringLiteral(":cashier"), notNull(shift.cashier));
        q.bindValue(QStringLiteral(":opened"), timeOrNull(shift.openedAt));
        q.bindValue(QStringLiteral(":closed"), timeOrNull(shift.closedAt));
        q.bindValue(QStringLiteral(":zReport"), textOrNull(shift.zReport));
        ok = run(q, "writing a shift");
    }
    if (ok) {
        last = &s.notify;
        s.notify.bindValue(QStringLiteral(":payload"), noticeOf(batch).toPayload());
        ok = run(s.notify, "notifying the shop views");
    }
    if (!ok) {
        const QSqlError error = last->lastError();
        db.rollback();
        retryAfter(error, failedAt);
        return false;
    }
    if (!db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        retryAfter(error, "committing a batch");
        return false;
    }
    qCDebug(lcShop) << "applied the journal from" << batch.afterSeq << "to" << batch.lastSeq << ":"
                    << batch.payments.size() << "payments," << batch.events.size() << "events,"
                    << batch.shifts.size() << "shifts";
    return true;
}

void ShopWriter::retryLater(const QString& reason, Backoff backoff)
{
    closeConnection();
    m_state = State::Waiting;
    const std::chrono::milliseconds delay = backoff == Backoff::Longest ? m_maxDelay : m_nextDelay;
    m_nextDelay = std::min(m_nextDelay * 2, m_maxDelay);
    if (reason != m_lastReason)
        qCWarning(lcShop).noquote() << m_url.display() << ":" << reason << "; trying again in"
                                    << delay.count() << "ms";
    m_lastReason = reason;
    m_retry.start(delay);
    Q_EMIT offline(reason);
}

void ShopWriter::retryAfter(const QSqlError& error, const char* what)
{
    qCWarning(lcShop).noquote() << what << "failed:" << error.text();
    retryLater(describeOpenError(error));
}

void ShopWriter::refuse(const QString& reason)
{
    m_retry.stop();
    publishSocket(-1);
    m_connection.reset(); // no retries: the password is not needed any more
    m_statements.reset();
    m_state = State::Refused;
    qCWarning(lcShop).noquote() << m_url.display() << ":" << reason;
    Q_EMIT refused(reason);
}

void ShopWriter::closeConnection()
{
    // The connection first: its statements then go without a word to a server that may be gone.
    publishSocket(-1);
    if (m_connection)
        m_connection->close();
    m_statements.reset();
}

} // namespace lipa
