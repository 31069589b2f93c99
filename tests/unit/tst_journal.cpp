// SPDX-License-Identifier: GPL-3.0-or-later
#include "CsvExport.h"
#include "Journal.h"
#include "JournalGenerator.h"
#include "JournalTesting.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <limits>
#include <unistd.h>

using namespace lipa;

// The SQLite journal: what it keeps across a restart, how it upgrades, and what it does with files it
// cannot trust.
class TestJournal : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void keepsPaymentsAndEventsAcrossReopen();
    void refusesDuplicateReference();
    void listsUnfinishedPayments();
    void resumesOnlyWhatCanStillChange();
    void migratesFromVersionOne();
    void failedMigrationLeavesFileUntouched();
    void refusesNewerVersionWithoutTouchingIt();
    void movesGarbageFileAsideAndKeepsIt();
    void movesDamagedDatabaseAside();
    void secondTillIsLockedOut();
    void readOnlyFolderIsReported();
    void fullDiskRefusesThePayment();
    void searchesEveryWayACashierMight_data();
    void searchesEveryWayACashierMight();
    void filtersByStateGroupAndDate();
    void pagesThroughHistoryWithoutGapsOrRepeats();
    void totalsFollowTheFilter();
    void totalsAndPagesOfEveryRangeAndGroupAreExact();
    void exportsCsvSafely();
    void exportWhoseReadFailsMidwayLeavesTheEarlierFile();
    void csvCellsAreDefused_data();
    void csvCellsAreDefused();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("journal.sqlite")); }
    static Payment payment(const QString& ref, qint64 shillings = 100, const char* phone = "0712345678");
    static QByteArray hashOf(const QString& file);
    static void makeVersionOneFile(const QString& file, const QStringList& extraStatements = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    const QDateTime m_now = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);
};

void TestJournal::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Payment TestJournal::payment(const QString& ref, qint64 shillings, const char* phone)
{
    Payment p;
    p.localRef = ref;
    p.amount = Money::fromShillings(shillings);
    p.phone = PhoneNumber::parse(QString::fromLatin1(phone)).value();
    p.createdAt = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);
    p.updatedAt = p.createdAt;
    p.tillName = QStringLiteral("Till 1");
    return p;
}

QByteArray TestJournal::hashOf(const QString& file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// A journal as version 1 of Lipa Till wrote it, made by hand (not by the code under test).
void TestJournal::makeVersionOneFile(const QString& file, const QStringList& extraStatements)
{
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QStringList statements = {
            QStringLiteral("CREATE TABLE payments (id INTEGER PRIMARY KEY, local_ref TEXT NOT NULL UNIQUE,"
                           " amount_cents INTEGER NOT NULL CHECK (amount_cents > 0), phone TEXT NOT NULL,"
                           " state TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
                           " invoice_id TEXT, remote_state TEXT, mpesa_receipt TEXT, failed_code TEXT,"
                           " failure_message TEXT)"),
            QStringLiteral(
                "CREATE TABLE events (id INTEGER PRIMARY KEY, payment_id INTEGER NOT NULL REFERENCES"
                " payments(id), at INTEGER NOT NULL, from_state TEXT, to_state TEXT NOT NULL,"
                " remote_state TEXT, detail TEXT)"),
            QStringLiteral("CREATE INDEX events_by_payment ON events(payment_id)"),
            QStringLiteral("CREATE INDEX payments_unfinished ON payments(state) WHERE state NOT IN"
                           " ('Complete', 'Failed', 'Rejected')"),
            QStringLiteral("INSERT INTO payments VALUES (1, 'old-ref', 150000, '254712345678', 'Complete',"
                           " 1763888400000, 1763888410000, 'XMSLWOS', 'COMPLETE', 'QKL4AB12CD', NULL, NULL)"),
            QStringLiteral("INSERT INTO payments VALUES (2, 'old-pending', 5000, '254112345678', 'Pending',"
                           " 1763888500000, 1763888500000, '151', 'PENDING', NULL, NULL, NULL)"),
            QStringLiteral(
                "INSERT INTO events VALUES (1, 1, 1763888400000, NULL, 'Sending', NULL, 'recorded')"),
            QStringLiteral(
                "INSERT INTO events VALUES (2, 1, 1763888410000, 'Sending', 'Complete', 'COMPLETE', NULL)"),
            QStringLiteral("PRAGMA user_version = 1"),
        };
        statements += extraStatements;
        for (const QString& statement : statements)
            QVERIFY2(q.exec(statement), qPrintable(statement));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void TestJournal::keepsPaymentsAndEventsAcrossReopen()
{
    Journal::OpenError error;
    {
        auto journal = Journal::open(path(), &error);
        QVERIFY2(journal, qPrintable(error.message));
        Payment p = payment(QStringLiteral("a"), 1500);
        QVERIFY(journal->addPayment(p));
        QCOMPARE(p.sequence, 1);
        p.state = PaymentState::Pending;
        p.invoiceId = QStringLiteral("XMSLWOS");
        p.remoteState = QStringLiteral("PENDING");
        p.updatedAt = p.createdAt.addSecs(1);
        QVERIFY(journal->updatePayment(p, QStringLiteral("invoice XMSLWOS")));
        p.state = PaymentState::Complete;
        p.mpesaReceipt = QStringLiteral("QKL4AB12CD");
        p.remoteState = QStringLiteral("COMPLETE");
        p.updatedAt = p.createdAt.addSecs(9);
        QVERIFY(journal->updatePayment(p, QStringLiteral("COMPLETE receipt=QKL4AB12CD")));
    }
    auto journal = Journal::open(path(), &error);
    QVERIFY2(journal, qPrintable(error.message));
    const std::optional<Payment> p = journal->find(QStringLiteral("a"));
    QVERIFY(p);
    QCOMPARE(p->amount, Money::fromShillings(1500));
    QCOMPARE(p->phone.normalised(), QStringLiteral("254712345678"));
    QCOMPARE(p->state, PaymentState::Complete);
    QCOMPARE(p->invoiceId, QStringLiteral("XMSLWOS"));
    QCOMPARE(p->mpesaReceipt, QStringLiteral("QKL4AB12CD"));
    QCOMPARE(p->tillName, QStringLiteral("Till 1"));
    QCOMPARE(p->createdAt, m_now);
    const QList<PaymentEvent> events = journal->events(QStringLiteral("a"));
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(0).from, std::nullopt);
    QCOMPARE(events.at(0).to, PaymentState::Sending);
    QCOMPARE(events.at(1).from, PaymentState::Sending);
    QCOMPARE(events.at(1).to, PaymentState::Pending);
    QCOMPARE(events.at(2).to, PaymentState::Complete);
    QCOMPARE(events.at(2).remoteState, QStringLiteral("COMPLETE"));
    QCOMPARE(events.at(2).at, m_now.addSecs(9));
    QVERIFY(events.at(2).detail.contains(QStringLiteral("QKL4AB12CD")));
}

void TestJournal::refusesDuplicateReference()
{
    auto journal = Journal::openInMemory();
    Payment a = payment(QStringLiteral("same"));
    Payment b = payment(QStringLiteral("same"));
    QVERIFY(journal->addPayment(a));
    QVERIFY(!journal->addPayment(b));
    QCOMPARE(journal->paymentCount(), 1);
}

void TestJournal::listsUnfinishedPayments()
{
    auto journal = Journal::openInMemory();
    const QList<PaymentState> states = {
        PaymentState::Sending,  PaymentState::Pending, PaymentState::Processing,
        PaymentState::Complete, PaymentState::Failed,  PaymentState::Expired,
        PaymentState::Rejected, PaymentState::Unknown, PaymentState::Cash};
    for (PaymentState state : states) {
        Payment p = payment(stateKey(state));
        p.state = state;
        QVERIFY(journal->addPayment(p));
    }
    QStringList open;
    for (const Payment& p : journal->unfinished())
        open.append(p.localRef);
    QCOMPARE(open,
             (QStringList{QStringLiteral("Sending"), QStringLiteral("Pending"), QStringLiteral("Processing"),
                          QStringLiteral("Expired"), QStringLiteral("Unknown")}));
}

void TestJournal::resumesOnlyWhatCanStillChange()
{
    auto journal = Journal::openInMemory();
    const QList<QPair<PaymentState, int>> rows = {{PaymentState::Pending, 0},  {PaymentState::Expired, -600},
                                                  {PaymentState::Expired, -1}, {PaymentState::Unknown, -900},
                                                  {PaymentState::Complete, 0}, {PaymentState::Sending, -2}};
    int i = 0;
    for (const auto& [state, minutes] : rows) {
        Payment p = payment(QStringLiteral("r%1").arg(i++));
        p.state = state;
        p.createdAt = m_now.addSecs(minutes * 60);
        QVERIFY(journal->addPayment(p));
    }
    QStringList refs;
    for (const Payment& p : journal->toResume(m_now.addSecs(-6 * 3600)))
        refs.append(p.localRef);
    // Not the Expired one from ten hours ago, nor the paid one.
    QCOMPARE(refs, (QStringList{QStringLiteral("r0"), QStringLiteral("r2"), QStringLiteral("r3"),
                                QStringLiteral("r5")}));
    QCOMPARE(journal->oldestInProgress(), m_now.addSecs(-120));
}

void TestJournal::migratesFromVersionOne()
{
    makeVersionOneFile(path());
    Journal::OpenError error;
    auto journal = Journal::open(path(), &error);
    QVERIFY2(journal, qPrintable(error.message));
    const std::optional<Payment> old = journal->find(QStringLiteral("old-ref"));
    QVERIFY(old);
    QCOMPARE(old->amount, Money::fromShillings(1500));
    QCOMPARE(old->mpesaReceipt, QStringLiteral("QKL4AB12CD"));
    QCOMPARE(old->tillName, QString()); // new column, empty for old rows
    QCOMPARE(journal->events(QStringLiteral("old-ref")).size(), 2);
    QCOMPARE(journal->unfinished().size(), 1);
    // New payments continue the sequence, and the new search indexes work.
    Payment fresh = payment(QStringLiteral("new"));
    QVERIFY(journal->addPayment(fresh));
    QCOMPARE(fresh.sequence, 3);
    PaymentFilter byReceipt;
    byReceipt.search = QStringLiteral("qkl4ab12cd");
    QCOMPARE(journal->page(byReceipt, std::numeric_limits<qint64>::max(), 10).size(), 1);
    // Version 4's shifts: one open at a time, closed with its Z report.
    QVERIFY(!journal->shifts().current());
    const std::optional<Shift> shift = journal->shifts().open(QStringLiteral("Akinyi"), m_now);
    QVERIFY(shift);
    QVERIFY(!journal->shifts().open(QStringLiteral("Second"), m_now));
    QVERIFY(journal->shifts().close(shift->id, m_now.addSecs(3600), QStringLiteral("Z report")));
    QVERIFY(!journal->shifts().close(shift->id, m_now.addSecs(7200), QStringLiteral("again")));
    QCOMPARE(journal->shifts().find(shift->id)->zReport, QStringLiteral("Z report"));
    QVERIFY(journal->shifts().open(QStringLiteral("Next"), m_now.addSecs(3601)));
    journal.reset();

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
    db.setDatabaseName(path());
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
    QCOMPARE(q.value(0).toInt(), Journal::kSchemaVersion);
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

void TestJournal::failedMigrationLeavesFileUntouched()
{
    // Something in the old file that makes step 2 fail half-way: a table with an index's name.
    makeVersionOneFile(path(), {QStringLiteral("CREATE TABLE payments_by_phone (x)")});
    const QByteArray before = hashOf(path());
    Journal::OpenError error;
    QVERIFY(!Journal::open(path(), &error));
    QCOMPARE(error.kind, Journal::OpenError::Kind::Other);
    QVERIFY2(error.message.contains(QStringLiteral("could not be upgraded")), qPrintable(error.message));
    QCOMPARE(hashOf(path()), before);
    QVERIFY(!QFile::exists(path() + QStringLiteral("-wal")));
}

void TestJournal::refusesNewerVersionWithoutTouchingIt()
{
    makeVersionOneFile(path(), {QStringLiteral("PRAGMA user_version = 99")});
    const QByteArray before = hashOf(path());
    Journal::OpenError error;
    QVERIFY(!Journal::open(path(), &error));
    QCOMPARE(error.kind, Journal::OpenError::Kind::NewerVersion);
    QVERIFY(error.message.contains(QStringLiteral("newer Lipa Till")));
    QCOMPARE(hashOf(path()), before);
}

void TestJournal::movesGarbageFileAsideAndKeepsIt()
{
    QFile file(path());
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray garbage = QByteArray("this is not a database, it is a shopping list\n").repeated(200);
    file.write(garbage);
    file.close();

    Journal::OpenError error;
    QVERIFY(!Journal::open(path(), &error));
    QCOMPARE(error.kind, Journal::OpenError::Kind::Corrupt);
    QVERIFY(!QFile::exists(path())); // never silently replaced by an empty journal
    QVERIFY(error.movedAsideTo.startsWith(path() + QStringLiteral(".damaged-")));
    QFile aside(error.movedAsideTo);
    QVERIFY(aside.open(QIODevice::ReadOnly));
    QCOMPARE(aside.readAll(), garbage);
    QVERIFY(error.message.contains(error.movedAsideTo));

    // Only now, asked again, a new journal is created.
    auto fresh = Journal::open(path(), &error);
    QVERIFY2(fresh, qPrintable(error.message));
    QCOMPARE(fresh->paymentCount(), 0);
}

void TestJournal::movesDamagedDatabaseAside()
{
    {
        Journal::OpenError error;
        auto journal = Journal::open(path(), &error);
        QVERIFY(journal);
        test::JournalGenerator().fill(*journal, 3000, m_now);
    }
    // Keep the header page, wreck the rest.
    QFile file(path());
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 size = file.size();
    QVERIFY(size > 16384);
    file.seek(4096);
    file.write(QByteArray(size - 4096, '\xA5'));
    file.close();

    Journal::OpenError error;
    QVERIFY(!Journal::open(path(), &error));
    QCOMPARE(error.kind, Journal::OpenError::Kind::Corrupt);
    QVERIFY(QFile::exists(error.movedAsideTo));
    QVERIFY(!QFile::exists(path()));
}

void TestJournal::secondTillIsLockedOut()
{
    Journal::OpenError error;
    auto first = Journal::open(path(), &error);
    QVERIFY(first);
    Payment p = payment(QStringLiteral("a"));
    QVERIFY(first->addPayment(p));
    QVERIFY(!Journal::open(path(), &error));
    QCOMPARE(error.kind, Journal::OpenError::Kind::Locked);
    QVERIFY(error.message.contains(QStringLiteral("another Lipa Till")));
    first.reset();
    auto third = Journal::open(path(), &error); // free again once the first till has closed
    QVERIFY2(third, qPrintable(error.message));
    QCOMPARE(third->paymentCount(), 1);
}

void TestJournal::readOnlyFolderIsReported()
{
    const QString folder = m_dir->filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkpath(folder));
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup |
                                      QFile::ReadOther | QFile::ExeOther);
    // Root ignores permissions. Rather than skip (as on CI, which runs as root in a container where
    // chattr +i does not work), the check runs as "nobody" for its duration: the folder is read-only for
    // that user, and the till must say so.
    const bool root = geteuid() == 0;
    if (root) {
        QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                 QFile::ReadOther | QFile::ExeOther);
        QVERIFY2(seteuid(65534) == 0, "as root, the test must be able to act as nobody");
    }
    const auto restore = qScopeGuard([&] {
        if (root)
            QVERIFY(seteuid(0) == 0);
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    });
    QVERIFY2(!QFile(folder + QStringLiteral("/probe")).open(QIODevice::WriteOnly), "the folder is writable");
    Journal::OpenError error;
    QVERIFY(!Journal::open(folder + QStringLiteral("/journal.sqlite"), &error));
    QCOMPARE(error.kind, Journal::OpenError::Kind::ReadOnly);
    QVERIFY2(error.message.contains(QStringLiteral("cannot be written")), qPrintable(error.message));
}

void TestJournal::fullDiskRefusesThePayment()
{
    Journal::OpenError error;
    auto journal = Journal::open(path(), &error);
    QVERIFY(journal);
    Payment first = payment(QStringLiteral("fits"));
    QVERIFY(journal->addPayment(first));
    test::limitSize(*journal, 1); // no room for another page
    bool refused = false;
    for (int i = 0; i < 500 && !refused; ++i) {
        Payment p = payment(QStringLiteral("big-%1-").arg(i) + QString(300, u'x'));
        refused = !journal->addPayment(p);
        if (refused)
            QCOMPARE(p.sequence, 0);
    }
    QVERIFY(refused);
    QCOMPARE(journal->lastError(), QStringLiteral("The disk is full"));
    QVERIFY(journal->find(QStringLiteral("fits"))); // what was there is still there
}

void TestJournal::searchesEveryWayACashierMight_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("found");
    QTest::newRow("phone as typed") << "0712 345 678"
                                    << QStringList{QStringLiteral("c"), QStringLiteral("a")};
    QTest::newRow("phone international")
        << "+254712345678" << QStringList{QStringLiteral("c"), QStringLiteral("a")};
    QTest::newRow("other phone") << "0112345678" << QStringList{QStringLiteral("b")};
    QTest::newRow("amount") << "1,500" << QStringList{QStringLiteral("b"), QStringLiteral("a")};
    QTest::newRow("reference prefix") << "c0ffee" << QStringList{QStringLiteral("c0ffee-1234")};
    QTest::newRow("invoice id") << "XMSLWOS" << QStringList{QStringLiteral("b")};
    QTest::newRow("numeric invoice id") << "151" << QStringList{QStringLiteral("c")};
    QTest::newRow("receipt any case") << "qkl4ab12cd" << QStringList{QStringLiteral("a")};
    QTest::newRow("nothing") << "ZZZ" << QStringList{};
}

void TestJournal::searchesEveryWayACashierMight()
{
    QFETCH(QString, search);
    QFETCH(QStringList, found);
    auto journal = Journal::openInMemory();
    Payment a = payment(QStringLiteral("a"), 1500, "0712345678");
    a.mpesaReceipt = QStringLiteral("QKL4AB12CD");
    Payment b = payment(QStringLiteral("b"), 1500, "0112345678");
    b.invoiceId = QStringLiteral("XMSLWOS");
    Payment c = payment(QStringLiteral("c"), 20, "0712345678");
    c.invoiceId = QStringLiteral("151");
    Payment d = payment(QStringLiteral("c0ffee-1234"), 30, "0722000000");
    for (Payment* p : {&a, &b, &c, &d})
        QVERIFY(journal->addPayment(*p));
    PaymentFilter filter;
    filter.search = search;
    QStringList refs;
    for (const Payment& p : journal->page(filter, std::numeric_limits<qint64>::max(), 50)) {
        refs.append(p.localRef);
        QVERIFY(filter.matches(p)); // the in-memory rule agrees with the query
    }
    QCOMPARE(refs, found);
}

void TestJournal::filtersByStateGroupAndDate()
{
    auto journal = Journal::openInMemory();
    const QList<QPair<PaymentState, int>> rows = {{PaymentState::Complete, 0},  {PaymentState::Failed, 0},
                                                  {PaymentState::Complete, -1}, {PaymentState::Pending, 0},
                                                  {PaymentState::Expired, -2},  {PaymentState::Rejected, 0}};
    int i = 0;
    for (const auto& [state, dayOffset] : rows) {
        Payment p = payment(QStringLiteral("p%1").arg(i++));
        p.state = state;
        p.createdAt = m_now.addDays(dayOffset);
        QVERIFY(journal->addPayment(p));
    }
    const auto count = [&](const PaymentFilter& f) {
        return journal->page(f, std::numeric_limits<qint64>::max(), 100).size();
    };
    PaymentFilter f;
    QCOMPARE(count(f), 6);
    f.group = StateGroup::Paid;
    QCOMPARE(count(f), 2);
    f.group = StateGroup::Failed;
    QCOMPARE(count(f), 2);
    f.group = StateGroup::NeedsCheck;
    QCOMPARE(count(f), 1);
    f.group = StateGroup::Waiting;
    QCOMPARE(count(f), 1);
    f.group = StateGroup::All;
    f.from = m_now.addSecs(-3600); // today only
    f.to = m_now.addSecs(3600);
    QCOMPARE(count(f), 4);
    f.from = m_now.addDays(-1).addSecs(-3600); // yesterday only
    f.to = m_now.addDays(-1).addSecs(3600);
    QCOMPARE(count(f), 1);
}

void TestJournal::pagesThroughHistoryWithoutGapsOrRepeats()
{
    auto journal = Journal::openInMemory();
    QVERIFY(test::JournalGenerator().fill(*journal, 1234, m_now));
    QCOMPARE(journal->paymentCount(), 1234);
    QSet<QString> seen;
    qint64 before = std::numeric_limits<qint64>::max();
    qint64 last = before;
    for (;;) {
        const QList<Payment> page = journal->page({}, before, 200);
        for (const Payment& p : page) {
            QVERIFY(p.sequence < last); // newest first, strictly
            last = p.sequence;
            seen.insert(p.localRef);
        }
        if (page.size() < 200)
            break;
        before = page.last().sequence;
    }
    QCOMPARE(seen.size(), 1234);
}

void TestJournal::totalsFollowTheFilter()
{
    auto journal = Journal::openInMemory();
    const QList<QPair<PaymentState, qint64>> rows = {
        {PaymentState::Complete, 1500}, {PaymentState::Complete, 250}, {PaymentState::Failed, 99},
        {PaymentState::Pending, 42},    {PaymentState::Unknown, 7},    {PaymentState::Rejected, 3}};
    int i = 0;
    for (const auto& [state, shillings] : rows) {
        Payment p = payment(QStringLiteral("t%1").arg(i++), shillings);
        p.state = state;
        QVERIFY(journal->addPayment(p));
    }
    Totals all = journal->totals(PaymentFilter{});
    QCOMPARE(all.paidCount, 2);
    QCOMPARE(all.paidSum, Money::fromShillings(1750));
    QCOMPARE(all.failedCount, 2);
    QCOMPARE(all.pendingCount, 1);
    QCOMPARE(all.attentionCount, 1);
    PaymentFilter byAmount;
    byAmount.search = QStringLiteral("250");
    const Totals some = journal->totals(byAmount);
    QCOMPARE(some.paidCount, 1);
    QCOMPARE(some.paidSum, Money::fromShillings(250));
    QCOMPARE(some.failedCount, 0);
    QCOMPARE(journal->totals(m_now.addDays(1), m_now.addDays(2)).paidCount, 0);
}

// The totals of a range are read from the hour totals (whole hours) and the payments (the ends): for
// ranges starting and ending anywhere, in every group, after payments have changed state, hour and amount,
// they must be what adding up the payments themselves gives; and its pages must hold every payment it
// matches, once.
void TestJournal::totalsAndPagesOfEveryRangeAndGroupAreExact()
{
    auto journal = Journal::openInMemory();
    QRandomGenerator random(2026);
    const QList<PaymentState> states = {PaymentState::Sending,  PaymentState::Pending, PaymentState::Complete,
                                        PaymentState::Failed,   PaymentState::Expired, PaymentState::Unknown,
                                        PaymentState::Rejected, PaymentState::Cash};
    const QDateTime start = m_now.addDays(-3);
    QList<Payment> payments;
    for (int i = 0; i < 600; ++i) {
        Payment p = payment(QStringLiteral("h%1").arg(i), 1 + random.bounded(5000));
        p.state = states.at(random.bounded(states.size()));
        p.createdAt = start.addMSecs(random.bounded(qint64(3) * 24 * 3600 * 1000));
        QVERIFY(journal->addPayment(p));
        payments.append(p);
    }
    // Changes after the fact: states move (as every payment's does), and a few rows are mended by hand.
    for (int i = 0; i < 300; ++i) {
        Payment& p = payments[random.bounded(payments.size())];
        p.state = states.at(random.bounded(states.size()));
        if (i % 50 == 0)
            p.createdAt = p.createdAt.addSecs(3600 * (1 + random.bounded(5)));
        QVERIFY(journal->updatePayment(p, QStringLiteral("moved")));
    }
    {
        // created_at and amount are not changed by updatePayment: mend two by hand, as a repair would.
        QSqlQuery q(QSqlDatabase::database(journal->connectionName()));
        QVERIFY(q.exec(QStringLiteral("UPDATE payments SET amount_cents = amount_cents + 100 WHERE id = 3")));
        QVERIFY(q.exec(QStringLiteral("UPDATE payments SET created_at = created_at - 7200000 WHERE id = 4")));
    }
    payments.clear();
    for (const Payment& p : journal->page(PaymentFilter{}, std::numeric_limits<qint64>::max(), 10000))
        payments.append(p);
    QCOMPARE(payments.size(), 600);

    const auto expected = [&payments](const PaymentFilter& filter) {
        Totals totals;
        for (const Payment& p : payments) {
            if (filter.matches(p))
                totals.add(p.state, 1, p.amount);
        }
        return totals;
    };
    const auto same = [](const Totals& a, const Totals& b) {
        return a.paidCount == b.paidCount && a.paidSum == b.paidSum && a.pendingCount == b.pendingCount &&
               a.attentionCount == b.attentionCount && a.failedCount == b.failedCount &&
               a.cashCount == b.cashCount && a.cashSum == b.cashSum;
    };
    const QList<StateGroup> groups = {StateGroup::All, StateGroup::Paid, StateGroup::Waiting,
                                      StateGroup::NeedsCheck, StateGroup::Failed};
    for (int i = 0; i < 400; ++i) {
        PaymentFilter filter;
        filter.group = groups.at(random.bounded(groups.size()));
        const int kind = random.bounded(5);
        // Whole hours, half hours (a zone such as India's), any millisecond, open at either end.
        const qint64 unit = kind == 0 ? 3'600'000 : kind == 1 ? 1'800'000 : 1;
        const qint64 span = qint64(4) * 24 * 3600 * 1000 / unit;
        const qint64 base = start.addDays(-1).toMSecsSinceEpoch() / unit * unit;
        qint64 a = base + random.bounded(span) * unit;
        qint64 b = base + random.bounded(span) * unit;
        if (a > b)
            std::swap(a, b);
        if (kind != 3)
            filter.from = QDateTime::fromMSecsSinceEpoch(a, Qt::UTC);
        if (kind != 4)
            filter.to = QDateTime::fromMSecsSinceEpoch(b, Qt::UTC);
        if (i % 4 == 0) {
            // Its pages, walked by id between the hour totals' bounds: every matching payment once.
            QList<qint64> paged;
            qint64 before = std::numeric_limits<qint64>::max();
            for (;;) {
                const QList<Payment> page = journal->page(filter, before, 7);
                for (const Payment& p : page)
                    paged.append(p.sequence);
                if (page.size() < 7)
                    break;
                before = page.last().sequence;
            }
            QList<qint64> matching;
            for (const Payment& p : payments) {
                if (filter.matches(p))
                    matching.append(p.sequence);
            }
            QCOMPARE(paged, matching); // both newest first
        }
        const Totals read = journal->totals(filter);
        const Totals sum = expected(filter);
        QVERIFY2(same(read, sum),
                 qPrintable(QStringLiteral("filter %1: [%2, %3) group %4: paid %5/%6 vs %7/%8")
                                .arg(i)
                                .arg(a)
                                .arg(b)
                                .arg(int(filter.group))
                                .arg(read.paidCount)
                                .arg(read.paidSum.cents())
                                .arg(sum.paidCount)
                                .arg(sum.paidSum.cents())));
    }
    QVERIFY(same(journal->totals(PaymentFilter{}), expected(PaymentFilter{})));
}

void TestJournal::exportsCsvSafely()
{
    auto journal = Journal::openInMemory();
    Payment hostile = payment(QStringLiteral("h"), 1500);
    hostile.state = PaymentState::Failed;
    hostile.failureMessage = QStringLiteral("=HYPERLINK(\"http://evil\",\"click\")");
    hostile.tillName = QStringLiteral("@Duka, \"la\" Mama");
    Payment plain = payment(QStringLiteral("p"), 20);
    plain.state = PaymentState::Complete;
    plain.mpesaReceipt = QStringLiteral("QKL4AB12CD");
    QVERIFY(journal->addPayment(hostile));
    QVERIFY(journal->addPayment(plain));

    const QString file = m_dir->filePath(QStringLiteral("export.csv"));
    QString error;
    QCOMPARE(CsvExport::write(*journal, {}, file, &error), 2);
    QFile csv(file);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    const QStringList lines = text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), CsvExport::header().join(u','));
    QVERIFY(lines.at(1).startsWith(QStringLiteral("2,2026-11-23T12:00:00+03:00,")));
    QVERIFY(lines.at(1).contains(QStringLiteral(",254712345678,20.00,Complete,QKL4AB12CD,")));
    QVERIFY(lines.at(2).contains(QStringLiteral(",1500.00,Failed,")));
    QVERIFY(lines.at(2).contains(QStringLiteral(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",")));
    QVERIFY(lines.at(2).contains(QStringLiteral(",\"'@Duka, \"\"la\"\" Mama\",")));
    QVERIFY(!text.contains(QStringLiteral(",=")));

    // Round trip: reading the file back gives every field again (a defused cell loses only its quote mark).
    const auto parseLine = [](const QString& line) {
        QStringList cells;
        QString cell;
        bool quoted = false;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar c = line.at(i);
            if (quoted && c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = !quoted;
            } else if (c == u',' && !quoted) {
                cells.append(cell);
                cell.clear();
            } else {
                cell += c;
            }
        }
        cells.append(cell);
        return cells;
    };
    const QStringList back = parseLine(lines.at(2));
    QCOMPARE(back.size(), CsvExport::header().size());
    QCOMPARE(back.at(3), hostile.localRef);
    QCOMPARE(back.at(4), hostile.phone.normalised());
    QCOMPARE(back.at(5), QStringLiteral("1500.00"));
    QCOMPARE(back.at(6), QStringLiteral("Failed"));
    QCOMPARE(back.at(11), u'\'' + hostile.failureMessage);
    QCOMPARE(back.at(12), u'\'' + hostile.tillName);
    QCOMPARE(QDateTime::fromString(back.at(1), Qt::ISODate), hostile.createdAt);

    // A file that cannot be written is an error, not a silent nothing.
    QVERIFY(CsvExport::write(*journal, {}, m_dir->filePath(QStringLiteral("missing/dir/x.csv")), &error) < 0);
    QVERIFY(!error.isEmpty());
}

void TestJournal::exportWhoseReadFailsMidwayLeavesTheEarlierFile()
{
    // An earlier export, then one whose journal read fails on its second page: the earlier file must
    // stay byte for byte, and no short file may pass for the whole export.
    const QString path = m_dir->filePath(QStringLiteral("midway.csv"));
    {
        QFile earlier(path);
        QVERIFY(earlier.open(QIODevice::WriteOnly));
        earlier.write("sequence,created_at\r\n1,2026-12-01T09:00:00+03:00\r\n");
    }
    const QByteArray before = [&] {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    QVERIFY(!before.isEmpty());
    int pagesRead = 0;
    const auto failingOnPageTwo = [&](qint64 beforeSequence, int limit, bool* ok, QString* error) {
        ++pagesRead;
        QList<Payment> page;
        if (pagesRead == 2) {
            *ok = false;
            *error = QStringLiteral("disk I/O error");
            return page;
        }
        *ok = true;
        for (int i = 0; i < limit; ++i) { // a full page: the export must ask for the next one
            Payment payment;
            payment.sequence = std::min<qint64>(beforeSequence, 5000) - 1 - i;
            payment.localRef = QStringLiteral("ref-%1").arg(payment.sequence);
            payment.amount = Money::fromShillings(10);
            payment.createdAt = QDateTime(QDate(2026, 12, 2), QTime(9, 0), Qt::UTC);
            payment.updatedAt = payment.createdAt;
            page.append(payment);
        }
        return page;
    };
    QString error;
    QCOMPARE(CsvExport::write(failingOnPageTwo, path, &error), -1);
    QCOMPARE(pagesRead, 2);
    QCOMPARE(error, QStringLiteral("disk I/O error"));
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), before);
    QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("midway.csv*")}, QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("midway.csv")}); // no half-written file left beside it
}

void TestJournal::csvCellsAreDefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("cell");
    QTest::newRow("plain") << "Paid"
                           << "Paid";
    QTest::newRow("equals") << "=1+1"
                            << "'=1+1";
    QTest::newRow("plus") << "+254712345678"
                          << "'+254712345678";
    QTest::newRow("minus") << "-5"
                           << "'-5";
    QTest::newRow("at") << "@SUM(A1)"
                        << "'@SUM(A1)";
    QTest::newRow("tab") << "\t=1"
                         << "'\t=1";
    QTest::newRow("comma") << "a,b"
                           << "\"a,b\"";
    QTest::newRow("quote") << "say \"hi\""
                           << "\"say \"\"hi\"\"\"";
    QTest::newRow("newline") << "two\nlines"
                             << "\"two\nlines\"";
    QTest::newRow("swahili") << "Malipo yamekamilika"
                             << "Malipo yamekamilika";
}

void TestJournal::csvCellsAreDefused()
{
    QFETCH(QString, text);
    QFETCH(QString, cell);
    QCOMPARE(CsvExport::cell(text), cell);
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
