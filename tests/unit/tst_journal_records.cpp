// SPDX-License-Identifier: GPL-3.0-or-later
#include "Journal.h"
#include "ShiftReport.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <limits>
#include <memory>
#include <optional>

using namespace lipa;

// What the journal keeps beside the payments since format 5: refund requests, reconciliations with
// IntaSend's records, and IntaSend's fees on each payment.
class TestJournalRecords : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void refundKeepsEveryFieldThroughAnUpdate();
    void refundOfAPaymentNotInTheJournalIsNotRecorded();
    void updatingARefundThatIsNotThereFails();
    void openRefundsAreTheOnesNotFinal();
    void requestedCountsOnlyRequestsThatHoldTheirAmount();
    void refundsOfAPaymentAreItsOwnOldestFirst();
    void refundsBetweenIncludeFromAndExcludeTo();
    void refundSurvivesCloseAndReopen();
    void reconciliationKeepsSummaryAndItems();
    void latestCoveringPicksTheNewestThatCoversThePeriod();
    void latestListsSummariesNewestFirst();
    void paymentKeepsFeesItWasRecordedWith();
    void recordedFeesSetChargesAndKeepTheReceipt();
    void updatingAPaymentNeverClearsItsFees();
    void upgradesAVersionFourJournal();
    void itemsKeptInSlicesAndAShortfallIsSaid();
    void lighterWritesLeaveEveryOtherWriteSynced();
    void paymentsOfAPeriodComeInSlices();
    void aSaleIsRecordedWithItsFirstPartOrNotAtAll();
    void openSalesAreFoundByTheirTotalAndAnyPartsPhone();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("journal.sqlite")); }
    Payment payment(const QString& ref, qint64 shillings = 1500) const;
    Refund refund(const QString& paymentRef, qint64 shillings,
                  RefundState state = RefundState::Sending) const;
    Reconciliation reconciliation(const QDateTime& from, const QDateTime& to) const;
    static QStringList statesOf(const QList<Refund>& refunds);
    static QList<qint64> idsOf(const QList<Reconciliation>& reconciliations);
    static void makeVersionFourFile(const QString& file);

    std::unique_ptr<QTemporaryDir> m_dir;
    const QDateTime m_now = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);
};

void TestJournalRecords::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Payment TestJournalRecords::payment(const QString& ref, qint64 shillings) const
{
    Payment p;
    p.localRef = ref;
    p.amount = Money::fromShillings(shillings);
    p.phone = PhoneNumber::parse(QStringLiteral("0712345678")).value();
    p.state = PaymentState::Complete;
    p.createdAt = m_now;
    p.updatedAt = m_now;
    p.invoiceId = QStringLiteral("INV-") + ref;
    p.tillName = QStringLiteral("Till 1");
    return p;
}

Refund TestJournalRecords::refund(const QString& paymentRef, qint64 shillings, RefundState state) const
{
    Refund r;
    r.paymentRef = paymentRef;
    r.invoiceId = QStringLiteral("INV-") + paymentRef;
    r.amount = Money::fromShillings(shillings);
    r.reason = QStringLiteral("Customer returned the goods");
    r.state = state;
    r.createdAt = m_now;
    r.updatedAt = m_now;
    return r;
}

Reconciliation TestJournalRecords::reconciliation(const QDateTime& from, const QDateTime& to) const
{
    Reconciliation r;
    r.tillName = QStringLiteral("Till 1");
    r.summary.from = from;
    r.summary.to = to;
    r.summary.startedAt = to.addSecs(60);
    r.summary.finishedAt = to.addSecs(75);
    r.summary.complete = true;
    return r;
}

QStringList TestJournalRecords::statesOf(const QList<Refund>& refunds)
{
    QStringList states;
    for (const Refund& r : refunds)
        states.append(refundStateKey(r.state));
    return states;
}

QList<qint64> TestJournalRecords::idsOf(const QList<Reconciliation>& reconciliations)
{
    QList<qint64> ids;
    for (const Reconciliation& r : reconciliations)
        ids.append(r.id);
    return ids;
}

// A journal as version 4 of Lipa Till left it, made by hand from migrations 1 to 4 (not by the code under
// test): two payments, one the resend of the other, their events, and a closed shift.
void TestJournalRecords::makeVersionFourFile(const QString& file)
{
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        const QStringList statements = {
            // 1
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
            // 2
            QStringLiteral("ALTER TABLE payments ADD COLUMN till_name TEXT NOT NULL DEFAULT ''"),
            QStringLiteral(
                "ALTER TABLE payments ADD COLUMN replaces_ref TEXT REFERENCES payments(local_ref)"),
            QStringLiteral("CREATE INDEX payments_by_created ON payments(created_at)"),
            QStringLiteral("CREATE INDEX payments_by_phone ON payments(phone, id)"),
            QStringLiteral("CREATE INDEX payments_by_amount ON payments(amount_cents, id)"),
            QStringLiteral("CREATE INDEX payments_by_invoice ON payments(invoice_id)"),
            QStringLiteral("CREATE INDEX payments_by_receipt ON payments(mpesa_receipt COLLATE NOCASE)"),
            QStringLiteral("CREATE INDEX payments_by_state ON payments(state, id)"),
            QStringLiteral("CREATE INDEX payments_totals ON payments(state, amount_cents)"),
            // 3
            QStringLiteral("CREATE INDEX payments_by_replaces ON payments(replaces_ref)"
                           " WHERE replaces_ref IS NOT NULL"),
            // 4
            QStringLiteral("CREATE TABLE shifts (id INTEGER PRIMARY KEY, cashier TEXT NOT NULL,"
                           " opened_at INTEGER NOT NULL, closed_at INTEGER, z_report TEXT)"),
            QStringLiteral("CREATE UNIQUE INDEX shifts_one_open ON shifts((closed_at IS NULL))"
                           " WHERE closed_at IS NULL"),
            // The shop's records.
            QStringLiteral(
                "INSERT INTO payments (id, local_ref, amount_cents, phone, state, created_at, updated_at,"
                " invoice_id, remote_state, mpesa_receipt, failed_code, failure_message, till_name,"
                " replaces_ref) VALUES (1, 'old-failed', 150000, '254712345678', 'Failed', 1763888400000,"
                " 1763888460000, 'XMSLWOS', 'FAILED', NULL, '1032', 'Cancelled by the customer', 'Till 1',"
                " NULL)"),
            QStringLiteral(
                "INSERT INTO payments (id, local_ref, amount_cents, phone, state, created_at, updated_at,"
                " invoice_id, remote_state, mpesa_receipt, failed_code, failure_message, till_name,"
                " replaces_ref) VALUES (2, 'old-paid', 150000, '254712345678', 'Complete', 1763888500000,"
                " 1763888510000, 'KQ2Z8PL', 'COMPLETE', 'QKL4AB12CD', NULL, NULL, 'Till 1', 'old-failed')"),
            QStringLiteral(
                "INSERT INTO events VALUES (1, 1, 1763888400000, NULL, 'Sending', NULL, 'recorded')"),
            QStringLiteral(
                "INSERT INTO events VALUES (2, 1, 1763888460000, 'Sending', 'Failed', 'FAILED', '1032')"),
            QStringLiteral(
                "INSERT INTO events VALUES (3, 2, 1763888500000, NULL, 'Sending', NULL, 'recorded')"),
            QStringLiteral(
                "INSERT INTO events VALUES (4, 2, 1763888510000, 'Sending', 'Complete', 'COMPLETE',"
                " 'receipt=QKL4AB12CD')"),
            QStringLiteral(
                "INSERT INTO shifts VALUES (1, 'Akinyi', 1763880000000, 1763910000000, 'Z report 1')"),
            QStringLiteral("PRAGMA user_version = 4"),
        };
        for (const QString& statement : statements)
            QVERIFY2(q.exec(statement), qPrintable(statement));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void TestJournalRecords::refundKeepsEveryFieldThroughAnUpdate()
{
    auto journal = Journal::openInMemory();
    Payment p = payment(QStringLiteral("pay-1"));
    QVERIFY(journal->addPayment(p));
    Refund r = refund(QStringLiteral("pay-1"), 500);
    r.details = QStringLiteral("Returned the blue kikoi");
    r.cashier = QStringLiteral("Akinyi");
    QVERIFY2(journal->refunds().add(r), qPrintable(journal->lastError()));
    QCOMPARE(r.id, 1);

    std::optional<Refund> found = journal->refunds().find(r.id);
    QVERIFY(found);
    QCOMPARE(found->id, r.id);
    QCOMPARE(found->paymentRef, QStringLiteral("pay-1"));
    QCOMPARE(found->invoiceId, QStringLiteral("INV-pay-1"));
    QCOMPARE(found->amount, Money::fromShillings(500));
    QCOMPARE(found->reason, QStringLiteral("Customer returned the goods"));
    QCOMPARE(found->details, QStringLiteral("Returned the blue kikoi"));
    QCOMPARE(found->state, RefundState::Sending);
    QCOMPARE(found->chargebackId, QString());
    QCOMPARE(found->rawStatus, QString());
    QCOMPARE(found->resolution, QString());
    QCOMPARE(found->message, QString());
    QCOMPARE(found->cashier, QStringLiteral("Akinyi"));
    QCOMPARE(found->createdAt, m_now);
    QCOMPARE(found->updatedAt, m_now);

    r.state = RefundState::Disputed;
    r.chargebackId = QStringLiteral("CB-7Y3KQ2");
    r.rawStatus = QStringLiteral("DISPUTED");
    r.resolution = QStringLiteral("The merchant's evidence is under review");
    r.message = QStringLiteral("IntaSend is looking into it");
    r.updatedAt = m_now.addSecs(3600);
    // What a request was made with is not changed by an answer to it.
    r.amount = Money::fromShillings(1);
    r.reason = QStringLiteral("Changed");
    r.details = QStringLiteral("Changed");
    r.cashier = QStringLiteral("Changed");
    r.createdAt = m_now.addDays(1);
    QVERIFY2(journal->refunds().update(r), qPrintable(journal->lastError()));

    found = journal->refunds().find(r.id);
    QVERIFY(found);
    QCOMPARE(found->id, r.id);
    QCOMPARE(found->paymentRef, QStringLiteral("pay-1"));
    QCOMPARE(found->invoiceId, QStringLiteral("INV-pay-1"));
    QCOMPARE(found->amount, Money::fromShillings(500));
    QCOMPARE(found->reason, QStringLiteral("Customer returned the goods"));
    QCOMPARE(found->details, QStringLiteral("Returned the blue kikoi"));
    QCOMPARE(found->state, RefundState::Disputed);
    QCOMPARE(found->chargebackId, QStringLiteral("CB-7Y3KQ2"));
    QCOMPARE(found->rawStatus, QStringLiteral("DISPUTED"));
    QCOMPARE(found->resolution, QStringLiteral("The merchant's evidence is under review"));
    QCOMPARE(found->message, QStringLiteral("IntaSend is looking into it"));
    QCOMPARE(found->cashier, QStringLiteral("Akinyi"));
    QCOMPARE(found->createdAt, m_now);
    QCOMPARE(found->updatedAt, m_now.addSecs(3600));

    QVERIFY(!journal->refunds().find(r.id + 1));
}

void TestJournalRecords::refundOfAPaymentNotInTheJournalIsNotRecorded()
{
    auto journal = Journal::openInMemory();
    Payment p = payment(QStringLiteral("pay-1"));
    QVERIFY(journal->addPayment(p));

    Refund stray = refund(QStringLiteral("nowhere"), 500);
    QVERIFY(!journal->refunds().add(stray));
    QVERIFY(!journal->lastError().isEmpty());
    QCOMPARE(stray.id, 0);
    Refund nothing = refund(QStringLiteral("pay-1"), 0);
    QVERIFY(!journal->refunds().add(nothing));
    QCOMPARE(nothing.id, 0);

    // Neither left a transaction open or a row behind.
    Refund good = refund(QStringLiteral("pay-1"), 500);
    QVERIFY2(journal->refunds().add(good), qPrintable(journal->lastError()));
    QCOMPARE(good.id, 1);
    QCOMPARE(journal->refunds().ofPayment(QStringLiteral("pay-1")).size(), 1);
    QCOMPARE(journal->refunds().ofPayment(QStringLiteral("nowhere")).size(), 0);
}

void TestJournalRecords::updatingARefundThatIsNotThereFails()
{
    auto journal = Journal::openInMemory();
    Refund r = refund(QStringLiteral("pay-1"), 500, RefundState::Pending);
    r.id = 42;
    QVERIFY(!journal->refunds().update(r));
    QVERIFY(!journal->lastError().isEmpty());
    QVERIFY(!journal->refunds().find(42));
}

void TestJournalRecords::openRefundsAreTheOnesNotFinal()
{
    auto journal = Journal::openInMemory();
    Payment p = payment(QStringLiteral("pay-1"));
    QVERIFY(journal->addPayment(p));
    for (RefundState state :
         {RefundState::Sending, RefundState::Unconfirmed, RefundState::Refused, RefundState::Pending,
          RefundState::Disputed, RefundState::Overdue, RefundState::Cancelled, RefundState::Completed}) {
        Refund r = refund(QStringLiteral("pay-1"), 10, state);
        QVERIFY2(journal->refunds().add(r), qPrintable(journal->lastError()));
    }

    bool ok = false;
    const QList<Refund> open = journal->refunds().open(&ok);
    QVERIFY(ok);
    QCOMPARE(statesOf(open),
             (QStringList{QStringLiteral("Sending"), QStringLiteral("Unconfirmed"), QStringLiteral("Pending"),
                          QStringLiteral("Disputed"), QStringLiteral("Overdue")}));
    QCOMPARE(open.at(0).id, 1);
    QCOMPARE(open.at(4).id, 6);

    // Decided: no longer followed.
    Refund disputed = open.at(3);
    disputed.state = RefundState::Completed;
    disputed.updatedAt = m_now.addDays(3);
    QVERIFY(journal->refunds().update(disputed));
    QCOMPARE(statesOf(journal->refunds().open()),
             (QStringList{QStringLiteral("Sending"), QStringLiteral("Unconfirmed"), QStringLiteral("Pending"),
                          QStringLiteral("Overdue")}));
}

void TestJournalRecords::requestedCountsOnlyRequestsThatHoldTheirAmount()
{
    auto journal = Journal::openInMemory();
    Payment first = payment(QStringLiteral("pay-1"));
    Payment second = payment(QStringLiteral("pay-2"));
    QVERIFY(journal->addPayment(first));
    QVERIFY(journal->addPayment(second));
    // One power of two per state: the sum says which were counted.
    qint64 shillings = 1;
    qint64 pendingId = 0;
    for (RefundState state :
         {RefundState::Sending, RefundState::Unconfirmed, RefundState::Refused, RefundState::Pending,
          RefundState::Disputed, RefundState::Overdue, RefundState::Cancelled, RefundState::Completed}) {
        Refund r = refund(QStringLiteral("pay-1"), shillings, state);
        QVERIFY2(journal->refunds().add(r), qPrintable(journal->lastError()));
        if (state == RefundState::Pending)
            pendingId = r.id;
        shillings *= 2;
    }
    Refund other = refund(QStringLiteral("pay-2"), 1000, RefundState::Pending);
    QVERIFY(journal->refunds().add(other));

    // Sending 1 + Unconfirmed 2 + Pending 8 + Disputed 16 + Overdue 32 + Completed 128; not Refused 4 nor
    // Cancelled 64.
    QCOMPARE(journal->refunds().requestedOf(QStringLiteral("pay-1")), Money::fromShillings(187));
    QCOMPARE(journal->refunds().requestedOf(QStringLiteral("pay-2")), Money::fromShillings(1000));
    QCOMPARE(journal->refunds().requestedOf(QStringLiteral("pay-3")), Money());

    // Cancelled by IntaSend: its amount may be asked for again.
    std::optional<Refund> pending = journal->refunds().find(pendingId);
    QVERIFY(pending);
    QCOMPARE(pending->amount, Money::fromShillings(8));
    pending->state = RefundState::Cancelled;
    pending->updatedAt = m_now.addDays(2);
    QVERIFY(journal->refunds().update(*pending));
    QCOMPARE(journal->refunds().requestedOf(QStringLiteral("pay-1")), Money::fromShillings(179));
}

void TestJournalRecords::refundsOfAPaymentAreItsOwnOldestFirst()
{
    auto journal = Journal::openInMemory();
    Payment first = payment(QStringLiteral("pay-1"));
    Payment second = payment(QStringLiteral("pay-2"));
    QVERIFY(journal->addPayment(first));
    QVERIFY(journal->addPayment(second));
    Refund a = refund(QStringLiteral("pay-1"), 100);
    Refund b = refund(QStringLiteral("pay-2"), 200);
    Refund c = refund(QStringLiteral("pay-1"), 300, RefundState::Refused);
    QVERIFY(journal->refunds().add(a));
    QVERIFY(journal->refunds().add(b));
    QVERIFY(journal->refunds().add(c));

    bool ok = false;
    const QList<Refund> ofFirst = journal->refunds().ofPayment(QStringLiteral("pay-1"), &ok);
    QVERIFY(ok);
    QCOMPARE(ofFirst.size(), 2);
    QCOMPARE(ofFirst.at(0).id, a.id);
    QCOMPARE(ofFirst.at(0).amount, Money::fromShillings(100));
    QCOMPARE(ofFirst.at(1).id, c.id);
    QCOMPARE(ofFirst.at(1).state, RefundState::Refused);
    ok = false;
    QVERIFY(journal->refunds().ofPayment(QStringLiteral("pay-3"), &ok).isEmpty());
    QVERIFY(ok);
}

void TestJournalRecords::refundsBetweenIncludeFromAndExcludeTo()
{
    auto journal = Journal::openInMemory();
    Payment p = payment(QStringLiteral("pay-1"));
    QVERIFY(journal->addPayment(p));
    const QDateTime from = m_now;
    const QDateTime to = m_now.addSecs(3600);
    const QList<QDateTime> times = {from.addMSecs(-1), from, to.addMSecs(-1), to};
    qint64 shillings = 1;
    for (const QDateTime& at : times) {
        Refund r = refund(QStringLiteral("pay-1"), shillings++);
        r.createdAt = at;
        r.updatedAt = at;
        QVERIFY(journal->refunds().add(r));
    }

    bool ok = false;
    const QList<Refund> inside = journal->refunds().between(from, to, &ok);
    QVERIFY(ok);
    QCOMPARE(inside.size(), 2);
    QCOMPARE(inside.at(0).amount, Money::fromShillings(2));
    QCOMPARE(inside.at(0).createdAt, from);
    QCOMPARE(inside.at(1).amount, Money::fromShillings(3));
    QCOMPARE(inside.at(1).createdAt, to.addMSecs(-1));
    QCOMPARE(journal->refunds().between(from.addDays(-1), to.addDays(1)).size(), 4);
    QVERIFY(journal->refunds().between(to.addMSecs(1), to.addDays(1)).isEmpty());
}

void TestJournalRecords::refundSurvivesCloseAndReopen()
{
    Journal::OpenError error;
    qint64 id = 0;
    {
        auto journal = Journal::open(path(), &error);
        QVERIFY2(journal, qPrintable(error.message));
        Payment p = payment(QStringLiteral("pay-1"));
        QVERIFY(journal->addPayment(p));
        Refund r = refund(QStringLiteral("pay-1"), 500);
        r.cashier = QStringLiteral("Akinyi");
        QVERIFY2(journal->refunds().add(r), qPrintable(journal->lastError()));
        id = r.id;
    }
    QCOMPARE(id, 1);

    auto journal = Journal::open(path(), &error);
    QVERIFY2(journal, qPrintable(error.message));
    const std::optional<Refund> found = journal->refunds().find(id);
    QVERIFY(found);
    QCOMPARE(found->paymentRef, QStringLiteral("pay-1"));
    QCOMPARE(found->invoiceId, QStringLiteral("INV-pay-1"));
    QCOMPARE(found->amount, Money::fromShillings(500));
    QCOMPARE(found->state, RefundState::Sending);
    QCOMPARE(found->cashier, QStringLiteral("Akinyi"));
    QCOMPARE(found->createdAt, m_now);
    QCOMPARE(journal->refunds().open().size(), 1);
    QCOMPARE(journal->refunds().requestedOf(QStringLiteral("pay-1")), Money::fromShillings(500));
}

void TestJournalRecords::reconciliationKeepsSummaryAndItems()
{
    auto journal = Journal::openInMemory();
    Reconciliation kept = reconciliation(m_now, m_now.addDays(1));
    kept.cashier = QStringLiteral("Akinyi");
    ReconcileSummary& s = kept.summary;
    s.startedAt = m_now.addDays(1).addSecs(60);
    s.finishedAt = m_now.addDays(1).addSecs(95);
    s.complete = false;
    s.incompleteReason = QStringLiteral("IntaSend stopped answering on page 3");
    s.invoicesRead = 120;
    s.requests = 4;
    s.paymentsHere = 97;
    s.matched = 90;
    s.paidThereOnly = 1;
    s.paidHereOnly = 1;
    s.amountDiffers = 1;
    s.otherSender = 1;
    s.paidAtIntaSend = Money::fromCents(15'630'000);
    s.charges = Money::fromCents(468'900);
    s.net = Money::fromCents(15'161'100);
    s.otherSenderSum = Money::fromCents(75'000);

    ReconcileItem paidThere;
    paidThere.category = ReconcileCategory::PaidThereOnly;
    paidThere.apiRef = QStringLiteral("pay-7");
    paidThere.invoiceId = QStringLiteral("XMSLWOS");
    paidThere.stateHere = QStringLiteral("Failed");
    paidThere.stateThere = QStringLiteral("COMPLETE");
    paidThere.amountHere = Money::fromShillings(1500);
    paidThere.amountThere = Money::fromShillings(1500);
    paidThere.mpesaReference = QStringLiteral("QKL4AB12CD");
    paidThere.charges = Money::fromCents(4500);
    paidThere.createdAt = m_now.addSecs(2 * 3600);
    ReconcileItem paidHere;
    paidHere.category = ReconcileCategory::PaidHereOnly;
    paidHere.apiRef = QStringLiteral("pay-8");
    paidHere.stateHere = QStringLiteral("Complete");
    paidHere.amountHere = Money::fromShillings(200);
    paidHere.createdAt = m_now.addSecs(3 * 3600);
    ReconcileItem differs;
    differs.category = ReconcileCategory::AmountDiffers;
    differs.apiRef = QStringLiteral("pay-9");
    differs.invoiceId = QStringLiteral("KQ2Z8PL");
    differs.stateHere = QStringLiteral("Complete");
    differs.stateThere = QStringLiteral("COMPLETE");
    differs.amountHere = Money::fromShillings(100);
    differs.amountThere = Money::fromShillings(1000);
    differs.mpesaReference = QStringLiteral("QKM5XY34ZZ");
    differs.charges = Money::fromCents(3000);
    differs.createdAt = m_now.addSecs(4 * 3600);
    ReconcileItem other;
    other.category = ReconcileCategory::OtherSender;
    other.invoiceId = QStringLiteral("R7YQ0MN");
    other.stateThere = QStringLiteral("COMPLETE");
    other.amountThere = Money::fromShillings(750);
    other.mpesaReference = QStringLiteral("QKN6AB78CD");
    other.charges = Money::fromCents(2250);
    kept.items = {paidThere, paidHere, differs, other};

    QVERIFY2(journal->reconciliations().add(kept), qPrintable(journal->lastError()));
    QCOMPARE(kept.id, 1);

    const std::optional<Reconciliation> found = journal->reconciliations().find(kept.id);
    QVERIFY(found);
    QCOMPARE(found->id, kept.id);
    QCOMPARE(found->tillName, QStringLiteral("Till 1"));
    QCOMPARE(found->cashier, QStringLiteral("Akinyi"));
    const ReconcileSummary& f = found->summary;
    QCOMPARE(f.from, m_now);
    QCOMPARE(f.to, m_now.addDays(1));
    QCOMPARE(f.startedAt, m_now.addDays(1).addSecs(60));
    QCOMPARE(f.finishedAt, m_now.addDays(1).addSecs(95));
    QCOMPARE(f.complete, false);
    QCOMPARE(f.incompleteReason, QStringLiteral("IntaSend stopped answering on page 3"));
    QCOMPARE(f.invoicesRead, 120);
    QCOMPARE(f.requests, 4);
    QCOMPARE(f.paymentsHere, 97);
    QCOMPARE(f.matched, 90);
    QCOMPARE(f.paidThereOnly, 1);
    QCOMPARE(f.paidHereOnly, 1);
    QCOMPARE(f.amountDiffers, 1);
    QCOMPARE(f.otherSender, 1);
    QCOMPARE(f.paidAtIntaSend, Money::fromCents(15'630'000));
    QCOMPARE(f.charges, Money::fromCents(468'900));
    QCOMPARE(f.net, Money::fromCents(15'161'100));
    QCOMPARE(f.otherSenderSum, Money::fromCents(75'000));
    QVERIFY(!f.agrees());

    QCOMPARE(found->items.size(), 4);
    for (qsizetype i = 0; i < kept.items.size(); ++i) {
        const ReconcileItem& want = kept.items.at(i);
        const ReconcileItem& got = found->items.at(i);
        QCOMPARE(got.category, want.category);
        QCOMPARE(got.apiRef, want.apiRef);
        QCOMPARE(got.invoiceId, want.invoiceId);
        QCOMPARE(got.stateHere, want.stateHere);
        QCOMPARE(got.stateThere, want.stateThere);
        QCOMPARE(got.amountHere, want.amountHere);
        QCOMPARE(got.amountThere, want.amountThere);
        QCOMPARE(got.mpesaReference, want.mpesaReference);
        QCOMPARE(got.charges, want.charges);
        QCOMPARE(got.createdAt, want.createdAt);
    }
    // The unknowns stay unknown, not zero.
    QCOMPARE(found->items.at(1).amountThere, std::nullopt);
    QCOMPARE(found->items.at(1).charges, std::nullopt);
    QCOMPARE(found->items.at(1).invoiceId, QString());
    QCOMPARE(found->items.at(3).amountHere, std::nullopt);
    QCOMPARE(found->items.at(3).apiRef, QString());
    QVERIFY(!found->items.at(3).createdAt.isValid());
    QCOMPARE(found->items.at(0).amountThere, std::optional<Money>(Money::fromShillings(1500)));

    QVERIFY(!journal->reconciliations().find(kept.id + 1));
}

void TestJournalRecords::latestCoveringPicksTheNewestThatCoversThePeriod()
{
    auto journal = Journal::openInMemory();
    const QDateTime d0 = m_now.addDays(-1);
    const QDateTime d1 = m_now;
    const QDateTime d2 = m_now.addDays(1);
    const QDateTime d3 = m_now.addDays(2);
    Reconciliation a = reconciliation(d1, d3);
    Reconciliation b = reconciliation(d1, d2);
    Reconciliation c = reconciliation(d0, d3);
    ReconcileItem item;
    item.category = ReconcileCategory::OtherSender;
    item.invoiceId = QStringLiteral("R7YQ0MN");
    item.amountThere = Money::fromShillings(750);
    c.items = {item};
    Reconciliation d = reconciliation(d2, d3);
    for (Reconciliation* r : {&a, &b, &c, &d})
        QVERIFY2(journal->reconciliations().add(*r), qPrintable(journal->lastError()));
    QCOMPARE(idsOf({a, b, c, d}), (QList<qint64>{1, 2, 3, 4}));

    // b is exactly [d1, d2), but c, which covers it too, is newer.
    std::optional<Reconciliation> covering = journal->reconciliations().latestCovering(d1, d2);
    QVERIFY(covering);
    QCOMPARE(covering->id, c.id);
    QCOMPARE(covering->summary.from, d0);
    QCOMPARE(covering->summary.to, d3);
    QCOMPARE(covering->items.size(), 1);
    QCOMPARE(covering->items.at(0).category, ReconcileCategory::OtherSender);
    QCOMPARE(covering->items.at(0).invoiceId, QStringLiteral("R7YQ0MN"));

    covering = journal->reconciliations().latestCovering(d1.addSecs(3600), d2.addSecs(-3600));
    QVERIFY(covering);
    QCOMPARE(covering->id, c.id);
    covering = journal->reconciliations().latestCovering(d2, d3);
    QVERIFY(covering);
    QCOMPARE(covering->id, d.id);
    QCOMPARE(covering->items.size(), 0);
    covering = journal->reconciliations().latestCovering(d1, d3);
    QVERIFY(covering);
    QCOMPARE(covering->id, c.id);

    // Not covered: starts before, or ends after, every kept period.
    QVERIFY(!journal->reconciliations().latestCovering(d0.addMSecs(-1), d1));
    QVERIFY(!journal->reconciliations().latestCovering(d1, d3.addMSecs(1)));
}

void TestJournalRecords::latestListsSummariesNewestFirst()
{
    auto journal = Journal::openInMemory();
    QVERIFY(journal->reconciliations().latest(5).isEmpty());
    ReconcileItem item;
    item.category = ReconcileCategory::PaidHereOnly;
    item.apiRef = QStringLiteral("pay-8");
    item.amountHere = Money::fromShillings(200);
    for (int day = 0; day < 3; ++day) {
        Reconciliation r = reconciliation(m_now.addDays(day), m_now.addDays(day + 1));
        r.summary.matched = day;
        r.items = {item};
        QVERIFY(journal->reconciliations().add(r));
    }

    const QList<Reconciliation> two = journal->reconciliations().latest(2);
    QCOMPARE(idsOf(two), (QList<qint64>{3, 2}));
    QCOMPARE(two.at(0).summary.from, m_now.addDays(2));
    QCOMPARE(two.at(0).summary.matched, 2);
    QCOMPARE(two.at(0).summary.complete, true);
    QCOMPARE(two.at(0).tillName, QStringLiteral("Till 1"));
    QCOMPARE(two.at(0).cashier, QString());
    QVERIFY(two.at(0).items.isEmpty());
    QVERIFY(two.at(1).items.isEmpty());
    QCOMPARE(idsOf(journal->reconciliations().latest(10)), (QList<qint64>{3, 2, 1}));
    QCOMPARE(journal->reconciliations().find(3)->items.size(), 1);
}

void TestJournalRecords::paymentKeepsFeesItWasRecordedWith()
{
    auto journal = Journal::openInMemory();
    Payment withFees = payment(QStringLiteral("with-fees"));
    withFees.charges = Money::fromCents(4500);
    withFees.netAmount = Money::fromCents(145'500);
    Payment without = payment(QStringLiteral("without"));
    QVERIFY(journal->addPayment(withFees));
    QVERIFY(journal->addPayment(without));

    const std::optional<Payment> found = journal->find(QStringLiteral("with-fees"));
    QVERIFY(found);
    QCOMPARE(found->charges, std::optional<Money>(Money::fromCents(4500)));
    QCOMPARE(found->netAmount, std::optional<Money>(Money::fromCents(145'500)));
    QCOMPARE(found->tillName, QStringLiteral("Till 1"));
    const std::optional<Payment> none = journal->find(QStringLiteral("without"));
    QVERIFY(none);
    QCOMPARE(none->charges, std::nullopt);
    QCOMPARE(none->netAmount, std::nullopt);

    // Every read of the payments table reads them.
    bool ok = false;
    const QList<Payment> between = journal->paymentsBetween(m_now, m_now.addSecs(1), &ok);
    QVERIFY(ok);
    QCOMPARE(between.size(), 2);
    QCOMPARE(between.at(0).charges, std::optional<Money>(Money::fromCents(4500)));
    QCOMPARE(between.at(1).charges, std::nullopt);
    const QList<Payment> newestFirst =
        journal->page(PaymentFilter(), std::numeric_limits<qint64>::max(), 10, &ok);
    QVERIFY(ok);
    QCOMPARE(newestFirst.size(), 2);
    QCOMPARE(newestFirst.at(1).netAmount, std::optional<Money>(Money::fromCents(145'500)));
}

void TestJournalRecords::recordedFeesSetChargesAndKeepTheReceipt()
{
    auto journal = Journal::openInMemory();
    Payment withReceipt = payment(QStringLiteral("with-receipt"));
    withReceipt.mpesaReceipt = QStringLiteral("QKL4AB12CD");
    Payment noReceipt = payment(QStringLiteral("no-receipt"));
    Payment noReference = payment(QStringLiteral("no-reference"));
    Payment untouched = payment(QStringLiteral("untouched"));
    for (Payment* p : {&withReceipt, &noReceipt, &noReference, &untouched})
        QVERIFY(journal->addPayment(*p));

    const QList<PaymentFees> fees = {
        {QStringLiteral("with-receipt"), Money::fromCents(4500), Money::fromCents(145'500),
         QStringLiteral("QXX9ZZ99ZZ")},
        {QStringLiteral("no-receipt"), Money::fromCents(3000), std::nullopt, QStringLiteral("QKM5XY34ZZ")},
        {QStringLiteral("no-reference"), Money::fromCents(1500), Money::fromCents(148'500), QString()},
    };
    QVERIFY2(journal->reconciliations().recordFees(fees), qPrintable(journal->lastError()));

    std::optional<Payment> p = journal->find(QStringLiteral("with-receipt"));
    QVERIFY(p);
    QCOMPARE(p->charges, std::optional<Money>(Money::fromCents(4500)));
    QCOMPARE(p->netAmount, std::optional<Money>(Money::fromCents(145'500)));
    QCOMPARE(p->mpesaReceipt, QStringLiteral("QKL4AB12CD")); // kept, not replaced
    QCOMPARE(p->state, PaymentState::Complete);
    QCOMPARE(p->updatedAt, m_now);                                       // bookkeeping, not a change
    QCOMPARE(journal->events(QStringLiteral("with-receipt")).size(), 1); // no event either

    p = journal->find(QStringLiteral("no-receipt"));
    QVERIFY(p);
    QCOMPARE(p->charges, std::optional<Money>(Money::fromCents(3000)));
    QCOMPARE(p->netAmount, std::nullopt);
    QCOMPARE(p->mpesaReceipt, QStringLiteral("QKM5XY34ZZ")); // filled

    p = journal->find(QStringLiteral("no-reference"));
    QVERIFY(p);
    QCOMPARE(p->charges, std::optional<Money>(Money::fromCents(1500)));
    QCOMPARE(p->netAmount, std::optional<Money>(Money::fromCents(148'500)));
    QCOMPARE(p->mpesaReceipt, QString());

    p = journal->find(QStringLiteral("untouched"));
    QVERIFY(p);
    QCOMPARE(p->charges, std::nullopt);
    QCOMPARE(p->netAmount, std::nullopt);

    // Learnt again without the net amount: the charges are IntaSend's latest word, the net amount stays.
    QVERIFY(journal->reconciliations().recordFees(
        {{QStringLiteral("with-receipt"), Money::fromCents(4600), std::nullopt, QString()}}));
    p = journal->find(QStringLiteral("with-receipt"));
    QVERIFY(p);
    QCOMPARE(p->charges, std::optional<Money>(Money::fromCents(4600)));
    QCOMPARE(p->netAmount, std::optional<Money>(Money::fromCents(145'500)));
    QCOMPARE(p->mpesaReceipt, QStringLiteral("QKL4AB12CD"));
}

void TestJournalRecords::updatingAPaymentNeverClearsItsFees()
{
    auto journal = Journal::openInMemory();
    Payment p = payment(QStringLiteral("pay-1"));
    p.state = PaymentState::Pending;
    QVERIFY(journal->addPayment(p));
    QVERIFY(journal->reconciliations().recordFees(
        {{QStringLiteral("pay-1"), Money::fromCents(4500), Money::fromCents(145'500), QString()}}));

    // The till's own copy knows nothing of the fees.
    QCOMPARE(p.charges, std::nullopt);
    p.state = PaymentState::Complete;
    p.remoteState = QStringLiteral("COMPLETE");
    p.mpesaReceipt = QStringLiteral("QKL4AB12CD");
    p.updatedAt = m_now.addSecs(10);
    QVERIFY2(journal->updatePayment(p, QStringLiteral("COMPLETE")), qPrintable(journal->lastError()));
    std::optional<Payment> found = journal->find(QStringLiteral("pay-1"));
    QVERIFY(found);
    QCOMPARE(found->state, PaymentState::Complete);
    QCOMPARE(found->mpesaReceipt, QStringLiteral("QKL4AB12CD"));
    QCOMPARE(found->updatedAt, m_now.addSecs(10));
    QCOMPARE(found->charges, std::optional<Money>(Money::fromCents(4500)));
    QCOMPARE(found->netAmount, std::optional<Money>(Money::fromCents(145'500)));

    // A payment that knows its charges writes them; the net amount it does not know stays.
    p.charges = Money::fromCents(4600);
    p.updatedAt = m_now.addSecs(20);
    QVERIFY(journal->updatePayment(p, QStringLiteral("fees")));
    found = journal->find(QStringLiteral("pay-1"));
    QVERIFY(found);
    QCOMPARE(found->charges, std::optional<Money>(Money::fromCents(4600)));
    QCOMPARE(found->netAmount, std::optional<Money>(Money::fromCents(145'500)));
}

void TestJournalRecords::upgradesAVersionFourJournal()
{
    makeVersionFourFile(path());
    Journal::OpenError error;
    auto journal = Journal::open(path(), &error);
    QVERIFY2(journal, qPrintable(error.message));

    std::optional<Payment> paid = journal->find(QStringLiteral("old-paid"));
    QVERIFY(paid);
    QCOMPARE(paid->sequence, 2);
    QCOMPARE(paid->amount, Money::fromShillings(1500));
    QCOMPARE(paid->phone.normalised(), QStringLiteral("254712345678"));
    QCOMPARE(paid->state, PaymentState::Complete);
    QCOMPARE(paid->createdAt, QDateTime::fromMSecsSinceEpoch(1763888500000, Qt::UTC));
    QCOMPARE(paid->updatedAt, QDateTime::fromMSecsSinceEpoch(1763888510000, Qt::UTC));
    QCOMPARE(paid->invoiceId, QStringLiteral("KQ2Z8PL"));
    QCOMPARE(paid->remoteState, QStringLiteral("COMPLETE"));
    QCOMPARE(paid->mpesaReceipt, QStringLiteral("QKL4AB12CD"));
    QCOMPARE(paid->tillName, QStringLiteral("Till 1"));
    QCOMPARE(paid->replacesRef, QStringLiteral("old-failed"));
    QCOMPARE(paid->charges, std::nullopt); // new columns: not known for old payments
    QCOMPARE(paid->netAmount, std::nullopt);
    const std::optional<Payment> failed = journal->find(QStringLiteral("old-failed"));
    QVERIFY(failed);
    QCOMPARE(failed->state, PaymentState::Failed);
    QCOMPARE(failed->failedCode, QStringLiteral("1032"));
    QCOMPARE(failed->failureMessage, QStringLiteral("Cancelled by the customer"));
    QCOMPARE(failed->charges, std::nullopt);
    QCOMPARE(journal->paymentCount(), 2);
    QCOMPARE(journal->events(QStringLiteral("old-paid")).size(), 2);
    QCOMPARE(journal->events(QStringLiteral("old-failed")).size(), 2);
    const std::optional<Shift> shift = journal->shifts().find(1);
    QVERIFY(shift);
    QCOMPARE(shift->cashier, QStringLiteral("Akinyi"));
    QCOMPARE(shift->zReport, QStringLiteral("Z report 1"));

    // The hour totals were built for the old payments: the totals read from them are theirs.
    const Totals all = journal->totals(PaymentFilter{});
    QCOMPARE(all.paidCount, 1);
    QCOMPARE(all.paidSum, Money::fromShillings(1500));
    QCOMPARE(all.failedCount, 1);
    QCOMPARE(all.pendingCount + all.attentionCount + all.cashCount, 0);
    const Totals thatDay =
        journal->totalsOfDay(QDateTime::fromMSecsSinceEpoch(1763888500000, Qt::UTC).toLocalTime().date());
    QCOMPARE(thatDay.paidCount, 1);
    QCOMPARE(thatDay.failedCount, 1);

    // No old payment is a part of a sale, and the shift's report says what it said before the upgrade:
    // one payment of KES 1,500 paid by M-Pesa and one failed, no cash, no sales in parts, nothing open.
    QVERIFY(!paid->isPartOfSale());
    QCOMPARE(paid->salePart, 0);
    QVERIFY(!failed->isPartOfSale());
    const ShiftReport z = ShiftReport::build(*journal, *shift, ShiftReport::Kind::Z, QStringLiteral("Till 1"),
                                             shift->closedAt.isValid() ? shift->closedAt : m_now);
    QCOMPARE(z.paymentCount, 2);
    QCOMPARE(z.mpesaTotal, Money::fromShillings(1500));
    QCOMPARE(z.cashTotal, Money());
    QCOMPARE(z.takenTotal(), Money::fromShillings(1500));
    QCOMPARE(z.byState.size(), 2);
    QCOMPARE(z.line(PaymentState::Failed)->count, 1);
    QCOMPARE(z.salesInParts, 0);
    QVERIFY(z.openSales.isEmpty());
    QVERIFY(z.unresolved.isEmpty());
    QVERIFY(!z.toPlainText().contains(QStringLiteral("Sales in parts")));
    QVERIFY(journal->sales().open().isEmpty());

    // The new tables are there, empty, and work with the old payments.
    bool ok = false;
    QVERIFY(journal->refunds().open(&ok).isEmpty());
    QVERIFY(ok);
    QVERIFY(journal->reconciliations().latest(5).isEmpty());
    Refund r = refund(QStringLiteral("old-paid"), 500);
    QVERIFY2(journal->refunds().add(r), qPrintable(journal->lastError()));
    QCOMPARE(r.id, 1);
    QVERIFY(journal->reconciliations().recordFees(
        {{QStringLiteral("old-paid"), Money::fromCents(4500), Money::fromCents(145'500), QString()}}));
    Reconciliation kept = reconciliation(m_now, m_now.addDays(1));
    QVERIFY2(journal->reconciliations().add(kept), qPrintable(journal->lastError()));
    journal.reset();

    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        // through 5, the outbox of 6, its tokens of 7, the hour totals of 8, the sales of 9, to the card/QR
        // checkouts of 10
        QCOMPARE(q.value(0).toInt(), 10);
        QCOMPARE(q.value(0).toInt(), Journal::kSchemaVersion);
        // Every payment from before is an M-Pesa prompt, with no checkout.
        QVERIFY(q.exec(QStringLiteral(
                    "SELECT count(*) FROM payments WHERE method <> 'mpesa' OR checkout_id IS NOT "
                    "NULL OR checkout_signature IS NOT NULL OR checkout_url IS NOT NULL")) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(
            q.exec(QStringLiteral("SELECT local_ref, charges_cents, net_cents FROM payments ORDER BY id")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("old-failed"));
        QVERIFY(q.value(1).isNull());
        QVERIFY(q.value(2).isNull());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("old-paid"));
        QCOMPARE(q.value(1).toLongLong(), 4500);
        QCOMPARE(q.value(2).toLongLong(), 145'500);
        QVERIFY(!q.next());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM refunds")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        // Every item of the outbox, the old ones queued by the migration and the new ones, has a token
        // of its own.
        QVERIFY(q.exec(QStringLiteral("SELECT count(*), count(DISTINCT token), min(length(token)),"
                                      " max(length(token)) FROM outbox")) &&
                q.next());
        QVERIFY(q.value(0).toInt() >= 6); // 4 events, the shift, the fees
        QCOMPARE(q.value(1).toInt(), q.value(0).toInt());
        QCOMPARE(q.value(2).toInt(), 16);
        QCOMPARE(q.value(3).toInt(), 16);
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void TestJournalRecords::itemsKeptInSlicesAndAShortfallIsSaid()
{
    auto journal = Journal::openInMemory();
    Reconciliation kept = reconciliation(m_now, m_now.addDays(1));
    kept.summary.complete = true;
    for (int i = 0; i < 3; ++i) {
        ReconcileItem item;
        item.category = ReconcileCategory::OtherSender;
        item.apiRef = QStringLiteral("other-%1").arg(i);
        item.amountThere = Money::fromShillings(100 + i);
        item.createdAt = m_now.addSecs(i);
        kept.items.append(item);
    }
    QVERIFY(journal->reconciliations().begin(kept));
    QVERIFY(kept.id > 0);
    QVERIFY(journal->reconciliations().addItems(kept.id, kept.items.mid(0, 2)));
    // The till stopped before the last slice: read back incomplete, saying so.
    std::optional<Reconciliation> partial = journal->reconciliations().find(kept.id);
    QVERIFY(partial);
    QCOMPARE(partial->items.size(), 2);
    QVERIFY(!partial->summary.complete);
    QVERIFY2(partial->summary.incompleteReason.contains(QStringLiteral("2 of its 3")),
             qPrintable(partial->summary.incompleteReason));
    QVERIFY(journal->reconciliations().addItems(kept.id, kept.items.mid(2)));
    const std::optional<Reconciliation> whole = journal->reconciliations().find(kept.id);
    QVERIFY(whole);
    QCOMPARE(whole->items.size(), 3);
    QVERIFY(whole->summary.complete);
    QVERIFY(whole->summary.incompleteReason.isEmpty());
    QCOMPARE(whole->items.at(2).apiRef, QStringLiteral("other-2"));
}

void TestJournalRecords::lighterWritesLeaveEveryOtherWriteSynced()
{
    // Fees and a reconciliation's lines are written without waiting for the disk; a payment never is.
    Journal::OpenError error;
    auto journal = Journal::open(path(), &error);
    QVERIFY2(journal, qPrintable(error.message));
    Payment p = payment(QStringLiteral("fees-1"));
    QVERIFY(journal->addPayment(p));
    const auto synchronous = [&] {
        QSqlQuery q(QSqlDatabase::database(journal->connectionName()));
        return q.exec(QStringLiteral("PRAGMA synchronous")) && q.next() ? q.value(0).toInt() : -1;
    };
    QCOMPARE(synchronous(), 2); // FULL
    QVERIFY(journal->reconciliations().recordFees({{p.localRef, Money::fromCents(4500), std::nullopt, {}}}));
    QCOMPARE(synchronous(), 2);
    Reconciliation kept = reconciliation(m_now, m_now.addDays(1));
    kept.items.append(ReconcileItem{});
    QVERIFY(journal->reconciliations().begin(kept));
    QVERIFY(journal->reconciliations().addItems(kept.id, kept.items));
    QCOMPARE(synchronous(), 2);
    // And a failing one restores it too.
    QVERIFY(!journal->reconciliations().addItems(-1, kept.items)); // no such reconciliation
    QCOMPARE(synchronous(), 2);
}

void TestJournalRecords::paymentsOfAPeriodComeInSlices()
{
    auto journal = Journal::openInMemory();
    // Seven in the period, two at the very same millisecond, one before it and one after it.
    const int offsets[] = {-60, 0, 10, 10, 20, 30, 40, 50, 3600 * 24};
    QStringList inPeriod;
    for (int i = 0; i < 9; ++i) {
        Payment p = payment(QStringLiteral("slice-%1").arg(i), 100 + i);
        p.createdAt = m_now.addSecs(offsets[i]);
        p.updatedAt = p.createdAt;
        QVERIFY(journal->addPayment(p));
        if (i > 0 && i < 8)
            inPeriod.append(p.localRef);
    }
    QStringList read;
    std::optional<Payment> after;
    for (int slices = 0; slices < 10; ++slices) {
        bool ok = false;
        const QList<Payment> slice =
            journal->paymentsBetween(m_now, m_now.addDays(1), after ? &*after : nullptr, 3, &ok);
        QVERIFY(ok);
        for (const Payment& p : slice)
            read.append(p.localRef);
        if (slice.size() < 3)
            break;
        after = slice.constLast();
    }
    QCOMPARE(read, inPeriod); // each once, oldest first, the two alike both
}

void TestJournalRecords::aSaleIsRecordedWithItsFirstPartOrNotAtAll()
{
    auto journal = Journal::openInMemory();
    Sale sale;
    sale.ref = QStringLiteral("sale-1");
    sale.total = Money::fromShillings(200'000);
    sale.parts = 2;
    sale.phone = PhoneNumber::parse(QStringLiteral("0712345678")).value();
    sale.tillName = QStringLiteral("Till 1");
    sale.createdAt = m_now;
    Payment first = payment(QStringLiteral("part-1"), 150'000);
    first.saleRef = sale.ref;
    first.salePart = 1;
    first.saleParts = 2;
    QVERIFY2(journal->addPayment(first, &sale), qPrintable(journal->lastError()));
    QVERIFY(sale.id > 0);
    const std::optional<Sale> read = journal->sales().find(sale.ref);
    QVERIFY(read);
    QCOMPARE(read->total, Money::fromShillings(200'000));
    QCOMPARE(read->parts, 2);
    QCOMPARE(read->phone, sale.phone);
    QCOMPARE(read->createdAt, m_now);
    QVERIFY(read->isOpen());
    const std::optional<Payment> part = journal->find(QStringLiteral("part-1"));
    QCOMPARE(part->saleRef, sale.ref);
    QCOMPARE(part->salePart, 1);
    QCOMPARE(part->saleParts, 2);

    // A first part that cannot be recorded (its reference is taken) takes its sale with it.
    Sale other = sale;
    other.ref = QStringLiteral("sale-2");
    Payment clash = payment(QStringLiteral("part-1"), 150'000);
    clash.saleRef = other.ref;
    clash.salePart = 1;
    clash.saleParts = 2;
    QVERIFY(!journal->addPayment(clash, &other));
    QVERIFY(!journal->sales().find(QStringLiteral("sale-2")));

    Payment second = payment(QStringLiteral("part-2"), 50'000);
    second.saleRef = sale.ref;
    second.salePart = 2;
    second.saleParts = 2;
    second.createdAt = m_now.addSecs(60);
    QVERIFY(journal->addPayment(second));
    const QList<Payment> parts = journal->partsOf(sale.ref);
    QCOMPARE(parts.size(), 2);
    QCOMPARE(parts.at(0).localRef, QStringLiteral("part-1"));
    QCOMPARE(parts.at(1).localRef, QStringLiteral("part-2"));
    const SaleProgress progress = SaleProgress::of(*read, parts);
    QCOMPARE(progress.paid, Money::fromShillings(200'000));
    QCOMPARE(progress.outstanding, Money());

    QVERIFY(journal->sales().close(sale.ref, m_now.addSecs(61)));
    QVERIFY(!journal->sales().close(sale.ref, m_now.addSecs(62))); // once
    const std::optional<Sale> closed = journal->sales().find(sale.ref);
    QVERIFY(!closed->isOpen());
    QVERIFY(!closed->closedShort());
    QCOMPARE(journal->sales().between(m_now, m_now.addSecs(1)).size(), 1);
    QVERIFY(journal->sales().between(m_now.addSecs(1), m_now.addSecs(100)).isEmpty());
}

void TestJournalRecords::openSalesAreFoundByTheirTotalAndAnyPartsPhone()
{
    auto journal = Journal::openInMemory();
    const auto start = [&](const QString& ref, qint64 total, const QString& phone, int minutesAgo) {
        Sale sale;
        sale.ref = ref;
        sale.total = Money::fromShillings(total);
        sale.parts = 2;
        sale.phone = PhoneNumber::parse(phone).value();
        sale.createdAt = m_now.addSecs(-60 * minutesAgo);
        Payment first = payment(ref + QStringLiteral("-1"), 150'000);
        first.phone = sale.phone;
        first.createdAt = sale.createdAt;
        first.saleRef = ref;
        first.salePart = 1;
        first.saleParts = 2;
        QVERIFY(journal->addPayment(first, &sale));
    };
    start(QStringLiteral("old"), 200'000, QStringLiteral("0712345678"), 30);
    start(QStringLiteral("new"), 200'000, QStringLiteral("0712345678"), 5);
    start(QStringLiteral("bigger"), 250'000, QStringLiteral("0712345678"), 1);
    const PhoneNumber phone = PhoneNumber::parse(QStringLiteral("0712345678")).value();
    const PhoneNumber another = PhoneNumber::parse(QStringLiteral("0722000111")).value();
    QCOMPARE(journal->sales().latestOpen(phone, Money::fromShillings(200'000), m_now.addDays(-1))->ref,
             QStringLiteral("new"));
    QVERIFY(!journal->sales().latestOpen(phone, Money::fromShillings(200'000), m_now.addSecs(-60)));
    QVERIFY(!journal->sales().latestOpen(another, Money::fromShillings(200'000), m_now.addDays(-1)));
    // The rest went from another phone: that phone finds the sale too.
    Payment rest = payment(QStringLiteral("old-2"), 50'000);
    rest.phone = another;
    rest.saleRef = QStringLiteral("old");
    rest.salePart = 2;
    rest.saleParts = 2;
    rest.state = PaymentState::Failed;
    QVERIFY(journal->addPayment(rest));
    QCOMPARE(journal->sales().latestOpen(another, Money::fromShillings(200'000), m_now.addDays(-1))->ref,
             QStringLiteral("old"));
    QVERIFY(journal->sales().close(QStringLiteral("new"), m_now, QStringLiteral("customer left"),
                                   QStringLiteral("Akinyi")));
    const std::optional<Sale> closedShort = journal->sales().find(QStringLiteral("new"));
    QVERIFY(closedShort->closedShort());
    QCOMPARE(closedShort->shortReason, QStringLiteral("customer left"));
    QCOMPARE(closedShort->closedBy, QStringLiteral("Akinyi"));
    QCOMPARE(journal->sales().latestOpen(phone, Money::fromShillings(200'000), m_now.addDays(-1))->ref,
             QStringLiteral("old"));
    QStringList open;
    for (const Sale& sale : journal->sales().open())
        open.append(sale.ref);
    QCOMPARE(open, (QStringList{QStringLiteral("bigger"), QStringLiteral("old")})); // newest first
}

QTEST_GUILESS_MAIN(TestJournalRecords)
#include "tst_journal_records.moc"
