// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReconcileMatcher.h"

#include <QTest>

using namespace lipa;
using namespace std::chrono_literals;

// The reconciliation's decisions, without a network: which invoice belongs to which payment, what is
// called missing and when, and the figures.
class TestReconcileMatcher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesByReferenceOnly();
    void notFoundIsMissingOnlyAfterACompleteRead();
    void paidInvoiceWinsOverAnEarlierFailedOne();
    void otherSendersOnlyFromThePeriod();
    void reachesTheStartWithAMargin();
    void figuresAndFees();
    void paidTwiceAtIntaSendIsNotMatched();

private:
    const QDateTime m_from = QDateTime(QDate(2026, 12, 2), QTime(0, 0), Qt::UTC);
    const QDateTime m_to = QDateTime(QDate(2026, 12, 3), QTime(0, 0), Qt::UTC);

    Payment payment(const QString& ref, qint64 shillings, PaymentState state, int hour = 10) const
    {
        Payment p;
        p.localRef = ref;
        p.amount = Money::fromShillings(shillings);
        p.state = state;
        p.createdAt = m_from.addSecs(hour * 3600);
        p.phone = PhoneNumber::parse(QStringLiteral("0712345678")).value();
        return p;
    }
    wire::Invoice invoice(const QString& ref, qint64 shillings, wire::RemoteState state, int hour = 10,
                          const QString& id = {}) const
    {
        wire::Invoice i;
        i.invoiceId = id.isEmpty() ? QStringLiteral("INV-") + ref : id;
        i.apiRef = ref;
        i.value = Money::fromShillings(shillings);
        i.state = state;
        i.rawState =
            state == wire::RemoteState::Complete ? QStringLiteral("COMPLETE") : QStringLiteral("FAILED");
        i.createdAt = m_from.addSecs(hour * 3600 + 2);
        if (state == wire::RemoteState::Complete) {
            i.charges = Money::fromCents(shillings * 3);
            i.mpesaReference = QStringLiteral("QX") + ref.toUpper();
        }
        return i;
    }
    ReconcileMatcher matcher(const QList<Payment>& payments, QStringList knownElsewhere = {}) const
    {
        return ReconcileMatcher(
            payments, m_from, m_to,
            [knownElsewhere](const QString& ref) { return knownElsewhere.contains(ref); }, 10min);
    }
};

void TestReconcileMatcher::matchesByReferenceOnly()
{
    // Same phone, same amount, another reference: not ours, however alike it looks.
    ReconcileMatcher m = matcher({payment(QStringLiteral("a"), 500, PaymentState::Complete)});
    m.add({invoice(QStringLiteral("zz"), 500, wire::RemoteState::Complete)});
    const ReconcileMatcher::Outcome out = m.finish(true);
    QCOMPARE(out.summary.matched, 0);
    QCOMPARE(out.summary.paidHereOnly, 1);
    QCOMPARE(out.summary.otherSender, 1);
    QCOMPARE(out.summary.paidAtIntaSend, Money());
    QVERIFY(out.toRecord.isEmpty());
}

void TestReconcileMatcher::notFoundIsMissingOnlyAfterACompleteRead()
{
    ReconcileMatcher m = matcher({payment(QStringLiteral("gone"), 300, PaymentState::Complete),
                                  payment(QStringLiteral("failedThere"), 400, PaymentState::Complete)});
    m.add({invoice(QStringLiteral("failedThere"), 400, wire::RemoteState::Failed)});
    // Cut short: the one not found may be on a page not read; the one found unpaid is known now.
    const ReconcileMatcher::Outcome partial = m.finish(false);
    QCOMPARE(partial.summary.paidHereOnly, 1);
    QCOMPARE(partial.items.first().apiRef, QStringLiteral("failedThere"));
    QCOMPARE(partial.items.first().stateThere, QStringLiteral("FAILED"));
    QVERIFY(!partial.summary.complete);
    QVERIFY(!partial.summary.agrees());
    const ReconcileMatcher::Outcome whole = m.finish(true);
    QCOMPARE(whole.summary.paidHereOnly, 2);
}

void TestReconcileMatcher::paidInvoiceWinsOverAnEarlierFailedOne()
{
    ReconcileMatcher m = matcher({payment(QStringLiteral("x"), 800, PaymentState::Expired)});
    m.add({invoice(QStringLiteral("x"), 800, wire::RemoteState::Failed, 10, QStringLiteral("I1")),
           invoice(QStringLiteral("x"), 800, wire::RemoteState::Complete, 10, QStringLiteral("I2")),
           invoice(QStringLiteral("x"), 800, wire::RemoteState::Failed, 10, QStringLiteral("I3"))});
    const ReconcileMatcher::Outcome out = m.finish(true);
    QCOMPARE(out.summary.paidThereOnly, 1);
    QCOMPARE(out.toRecord.size(), 1);
    QCOMPARE(out.toRecord.first().invoice.invoiceId, QStringLiteral("I2"));
    QCOMPARE(out.items.first().mpesaReference, QStringLiteral("QXX"));
}

void TestReconcileMatcher::otherSendersOnlyFromThePeriod()
{
    ReconcileMatcher m = matcher({payment(QStringLiteral("mine"), 100, PaymentState::Complete)},
                                 {QStringLiteral("yesterdays")});
    m.add({invoice(QStringLiteral("other"), 250, wire::RemoteState::Complete, 12),
           invoice(QStringLiteral("other"), 250, wire::RemoteState::Complete, 12), // a page boundary moved
           invoice(QStringLiteral("tomorrow"), 90, wire::RemoteState::Complete, 30),
           invoice(QStringLiteral("yesterdays"), 70, wire::RemoteState::Complete, 1), // made before, ours
           invoice(QStringLiteral("mine"), 100, wire::RemoteState::Complete),
           invoice(QString(), 60, wire::RemoteState::Failed, 11)}); // no api_ref at all
    const ReconcileMatcher::Outcome out = m.finish(true);
    QCOMPARE(out.summary.matched, 1);
    QCOMPARE(out.summary.otherSender, 2);
    QCOMPARE(out.summary.otherSenderSum, Money::fromShillings(250)); // only paid ones count
    QCOMPARE(out.summary.paidAtIntaSend, Money::fromShillings(100));
}

void TestReconcileMatcher::reachesTheStartWithAMargin()
{
    ReconcileMatcher m = matcher({});
    wire::Invoice justBefore = invoice(QStringLiteral("a"), 1, wire::RemoteState::Failed);
    justBefore.createdAt = m_from.addSecs(-5 * 60);
    m.add({justBefore});
    QVERIFY(!m.reachedStart()); // within the margin: the period's first payment may be next
    wire::Invoice older = justBefore;
    older.createdAt = m_from.addSecs(-11 * 60);
    m.add({older});
    QVERIFY(m.reachedStart());
    QCOMPARE(m.invoicesRead(), 2);
}

void TestReconcileMatcher::figuresAndFees()
{
    ReconcileMatcher m = matcher({payment(QStringLiteral("p1"), 1000, PaymentState::Complete),
                                  payment(QStringLiteral("p2"), 2000, PaymentState::Complete),
                                  payment(QStringLiteral("p3"), 300, PaymentState::Failed)});
    wire::Invoice second = invoice(QStringLiteral("p2"), 2100, wire::RemoteState::Complete);
    second.netAmount = Money::fromShillings(2000); // IntaSend's own net wins over value less charges
    const QList<PaymentFees> fees =
        m.add({invoice(QStringLiteral("p1"), 1000, wire::RemoteState::Complete), second,
               invoice(QStringLiteral("p3"), 300, wire::RemoteState::Failed)});
    QCOMPARE(fees.size(), 2);
    QCOMPARE(fees.at(0).localRef, QStringLiteral("p1"));
    QCOMPARE(fees.at(0).charges, Money::fromShillings(30));
    QVERIFY(!fees.at(0).net);
    QCOMPARE(fees.at(1).net, Money::fromShillings(2000));
    const ReconcileMatcher::Outcome out = m.finish(true);
    QCOMPARE(out.summary.paymentsHere, 3);
    QCOMPARE(out.summary.matched, 2); // p1, and p3 unpaid on both sides
    QCOMPARE(out.summary.amountDiffers, 1);
    QCOMPARE(out.summary.paidAtIntaSend, Money::fromShillings(3100));
    QCOMPARE(out.summary.charges, Money::fromShillings(30 + 63));
    QCOMPARE(out.summary.net, Money::fromShillings(970 + 2000));
    QCOMPARE(out.items.size(), 1);
    QCOMPARE(out.items.first().amountHere, Money::fromShillings(2000));
    QCOMPARE(out.items.first().amountThere, Money::fromShillings(2100));
}

void TestReconcileMatcher::paidTwiceAtIntaSendIsNotMatched()
{
    // IntaSend recorded the push twice and the customer approved both: charged twice, never "Matched".
    ReconcileMatcher m = matcher({payment(QStringLiteral("twice"), 700, PaymentState::Complete)});
    const wire::Invoice first =
        invoice(QStringLiteral("twice"), 700, wire::RemoteState::Complete, 10, QStringLiteral("A1"));
    const wire::Invoice second =
        invoice(QStringLiteral("twice"), 700, wire::RemoteState::Complete, 10, QStringLiteral("A2"));
    m.add({first, second});
    m.add({first}); // the same one again, across a page boundary: not a third payment
    const ReconcileMatcher::Outcome out = m.finish(true);
    QCOMPARE(out.summary.matched, 0);
    QCOMPARE(out.summary.amountDiffers, 1);
    QCOMPARE(out.summary.paidAtIntaSend, Money::fromShillings(1400));
    QCOMPARE(out.summary.charges, Money::fromShillings(42));
    QCOMPARE(out.items.size(), 1);
    QCOMPARE(out.items.first().amountHere, Money::fromShillings(700));
    QCOMPARE(out.items.first().amountThere, Money::fromShillings(1400));
    QVERIFY(!out.summary.agrees());
}

QTEST_GUILESS_MAIN(TestReconcileMatcher)
#include "tst_reconcilematcher.moc"
