// SPDX-License-Identifier: GPL-3.0-or-later
#include "IntaSendSimulator.h"
#include "Journal.h"
#include "SimulatorFault.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace lipa;
using namespace std::chrono_literals;

// Kills a till (crash_child) with SIGKILL at chosen moments — right after it journals a payment, while
// a push is on the wire, in the middle of a status check — again and again, and checks after every kill
// that the journal accounts for every request IntaSend received, lost nothing, and that the next run
// polls every payment still waiting.
class TestCrash : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void killedTillLosesNothingAndNeverPushesTwice();
    void killedLookUpNeverCallsAPaymentThatArrivedNotSent();
    void killedRefundIsNeverSentTwice();
    void killedBetweenThePartsOfASaleSendsNothingByItself();
    void cleanup();

private:
    enum class KillPoint { AfterJournaling, PushInFlight, MidPoll };
    struct Cycle {
        KillPoint point;
        int when; // the n-th event of that kind
    };
    void startChild(QProcess& child, int charges, bool settle, quint32 seed, int firstAmount,
                    const QStringList& extra = {});
    // A new journal and a new simulator for one test.
    void freshRun(const QString& name);
    void checkJournal(const QString& stage);

    QTemporaryDir m_dir;
    QString m_journalPath;
    std::unique_ptr<IntaSendSimulator> m_simulator;
    SystemClock m_clock;
    QSet<QString> m_journaled; // refs a child said it had journaled
    QStringList m_output;
    quint32 m_seed = 0;
};

void TestCrash::cleanup()
{
    if (QTest::currentTestFailed())
        qWarning("To replay this run's choices: LIPA_CRASH_SEED=%u ctest -R tst_crash --output-on-failure "
                 "(the moments of the kills follow the same plan; the network's timing may still differ)",
                 m_seed);
}

void TestCrash::startChild(QProcess& child, int charges, bool settle, quint32 seed, int firstAmount,
                           const QStringList& extra)
{
    m_output.clear();
    connect(&child, &QProcess::readyReadStandardOutput, &child, [this, &child] {
        while (child.canReadLine()) {
            const QString line = QString::fromUtf8(child.readLine()).trimmed();
            m_output.append(line);
            if (line.startsWith(QStringLiteral("journaled ")))
                m_journaled.insert(line.mid(10));
        }
    });
    QStringList arguments = {QStringLiteral("--journal"),      m_journalPath,
                             QStringLiteral("--api-base"),     m_simulator->baseUrl().toString(),
                             QStringLiteral("--charges"),      QString::number(charges),
                             QStringLiteral("--interval-ms"),  QStringLiteral("5"),
                             QStringLiteral("--seed"),         QString::number(seed),
                             QStringLiteral("--first-amount"), QString::number(firstAmount)};
    if (settle)
        arguments << QStringLiteral("--settle");
    arguments << extra;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QStringLiteral(LIPA_CRASH_CHILD), arguments);
    QVERIFY(child.waitForStarted());
}

void TestCrash::checkJournal(const QString& stage)
{
    Journal::OpenError error;
    std::unique_ptr<Journal> journal = Journal::open(m_journalPath, &error);
    QVERIFY2(journal, qPrintable(stage + QStringLiteral(": ") + error.message));
    // Every push IntaSend received has exactly one row (local_ref is unique, so: it has one).
    for (const IntaSendSimulator::ReceivedPush& push : m_simulator->pushes())
        QVERIFY2(journal->find(push.apiRef),
                 qPrintable(stage + QStringLiteral(": push without a journal row: ") + push.apiRef));
    // Nothing a till reported as journaled is gone.
    for (const QString& ref : std::as_const(m_journaled))
        QVERIFY2(journal->find(ref), qPrintable(stage + QStringLiteral(": lost ") + ref));
}

void TestCrash::killedTillLosesNothingAndNeverPushesTwice()
{
    m_journalPath = m_dir.filePath(QStringLiteral("journal.sqlite"));
    m_simulator = std::make_unique<IntaSendSimulator>(m_clock);
    m_simulator->setTiming({100ms, 300ms});
    QVERIFY(m_simulator->listen());

    // LIPA_CRASH_SEED replays a run: the kill plan and the child's customers all follow from it.
    bool seedGiven = false;
    m_seed = qEnvironmentVariable("LIPA_CRASH_SEED").toUInt(&seedGiven);
    if (!seedGiven)
        m_seed = QRandomGenerator::global()->generate();
    QRandomGenerator random(m_seed);
    qInfo("seed %u (LIPA_CRASH_SEED=%u replays it)", m_seed, m_seed);

    int kills[3] = {0, 0, 0};
    int repolled = 0;
    int cycles = 0;
    constexpr int kChargesPerRun = 12;
    QStringList waitingInvoices; // payments waiting for the customer when the till was killed

    while (m_journaled.size() < 200) {
        ++cycles;
        const Cycle cycle{static_cast<KillPoint>(random.bounded(3)),
                          static_cast<int>(random.bounded(1, kChargesPerRun))};
        QProcess child;
        int events = 0;
        bool killed = false;
        const auto killNow = [&] {
            const qint64 pid = child.processId();
            if (!killed && pid > 0) { // never kill(0): that is our own process group
                killed = true;
                ::kill(static_cast<pid_t>(pid), SIGKILL);
            }
        };
        QSet<QString> pollsSinceStart;
        const int journaledBefore = static_cast<int>(m_journaled.size());
        QMetaObject::Connection onPush, onPoll, onLine;
        onPush = connect(m_simulator.get(), &IntaSendSimulator::pushReceived, this, [&] {
            if (cycle.point == KillPoint::PushInFlight && ++events == cycle.when)
                killNow(); // the simulator has the push; the till will never hear the answer
        });
        onPoll = connect(m_simulator.get(), &IntaSendSimulator::statusRequested, this,
                         [&](const QString& invoiceId) {
                             pollsSinceStart.insert(invoiceId);
                             if (cycle.point == KillPoint::MidPoll && ++events == cycle.when + 2)
                                 killNow();
                         });
        // Every sale's amount is unique (a hundred shillings apart per run), so a sale pushed twice under
        // two references is seen as well as one pushed twice under the same reference.
        startChild(child, kChargesPerRun, false, random.generate(), cycles * 100);
        onLine = connect(&child, &QProcess::readyReadStandardOutput, this, [&] {
            if (cycle.point == KillPoint::AfterJournaling &&
                static_cast<int>(m_journaled.size()) - journaledBefore >= cycle.when)
                killNow(); // journaled, and the push may or may not have left
        });

        // The payments left waiting by the previous kill are polled again by this run (unless this run
        // is killed first: then they are still owed, by the next run).
        QStringList owed;
        for (const QString& invoiceId : std::as_const(waitingInvoices)) {
            QTRY_VERIFY2_WITH_TIMEOUT(pollsSinceStart.contains(invoiceId) || killed,
                                      qPrintable(QStringLiteral("not polled again: ") + invoiceId), 10000);
            if (pollsSinceStart.contains(invoiceId))
                ++repolled;
            else
                owed.append(invoiceId);
        }

        QTRY_VERIFY_WITH_TIMEOUT(killed, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(child.state(), QProcess::NotRunning, 5000);
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        disconnect(onPush);
        disconnect(onPoll);
        disconnect(onLine);
        ++kills[static_cast<int>(cycle.point)];
        checkJournal(QStringLiteral("after kill %1").arg(cycles));

        Journal::OpenError error;
        std::unique_ptr<Journal> journal = Journal::open(m_journalPath, &error);
        QVERIFY(journal);
        waitingInvoices.clear();
        for (const Payment& payment : journal->unfinished()) {
            if (isAwaitingCustomer(payment.state) && !payment.invoiceId.isEmpty())
                waitingInvoices.append(payment.invoiceId);
        }
        QVERIFY2(std::all_of(owed.cbegin(), owed.cend(),
                             [&](const QString& id) { return waitingInvoices.contains(id); }),
                 "a payment owed a poll is no longer waiting, yet nobody polled it");
    }

    // A last run without a kill settles everything.
    QProcess last;
    startChild(last, 0, true, random.generate(), (cycles + 1) * 100);
    // (Never block here: the simulator answering the till runs on this thread's event loop.)
    QTRY_COMPARE_WITH_TIMEOUT(last.state(), QProcess::NotRunning, 60000);
    QCOMPARE(last.exitCode(), 0);
    QVERIFY(m_output.contains(QStringLiteral("settled")));
    checkJournal(QStringLiteral("after settling"));

    Journal::OpenError error;
    std::unique_ptr<Journal> journal = Journal::open(m_journalPath, &error);
    QVERIFY(journal);
    QSet<QString> pushed;
    QSet<QString> sales; // phone and amount: each sale is charged once (amounts are unique)
    for (const IntaSendSimulator::ReceivedPush& push : m_simulator->pushes()) {
        QVERIFY2(!pushed.contains(push.apiRef), qPrintable(QStringLiteral("pushed twice: ") + push.apiRef));
        pushed.insert(push.apiRef);
        const QString sale = push.phone + u' ' + QString::number(push.amountShillings);
        QVERIFY2(!sales.contains(sale),
                 qPrintable(QStringLiteral("sale pushed twice under another reference: ") + sale +
                            QStringLiteral(" (") + push.apiRef + u')'));
        sales.insert(sale);
    }
    int unknown = 0;
    for (const Payment& payment : journal->unfinished()) {
        QVERIFY2(!isAwaitingCustomer(payment.state) && payment.state != PaymentState::Sending,
                 qPrintable(payment.localRef + QStringLiteral(" left ") + stateKey(payment.state)));
        unknown += payment.state == PaymentState::Unknown ? 1 : 0;
    }
    const Totals totals = journal->totals(PaymentFilter{});
    qInfo("%d runs killed (%d right after journaling, %d with a push in flight, %d mid-poll); "
          "%lld payments journaled, %lld pushes received, %d waiting payments polled again after a restart; "
          "at the end %d paid, %d failed, %d unknown (killed before IntaSend answered: never re-sent)",
          cycles, kills[0], kills[1], kills[2], static_cast<long long>(journal->paymentCount()),
          static_cast<long long>(pushed.size()), repolled, totals.paidCount, totals.failedCount, unknown);
    QVERIFY(journal->paymentCount() >= 200);
    QCOMPARE(journal->paymentCount(), totals.paidCount + totals.failedCount + totals.attentionCount);
}

void TestCrash::killedBetweenThePartsOfASaleSendsNothingByItself()
{
    // A sale of 200,000 (150,000 + 50,000): the till is killed right after part 1 is recorded paid, before
    // part 2 can leave. The next run shows the sale open and sends nothing until the cashier asks.
    freshRun(QStringLiteral("sales.sqlite"));
    {
        QProcess child;
        startChild(child, 1, false, m_seed, 1,
                   {QStringLiteral("--sale"), QStringLiteral("200000"), QStringLiteral("--all-pay"),
                    QStringLiteral("--stop-when-part-paid")});
        QVERIFY(QTest::qWaitFor([&] { return m_output.join(u' ').contains(QStringLiteral("part-paid")); },
                                30000));
        QVERIFY(child.processId() > 0);
        ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(5000));
    }
    QCOMPARE(m_simulator->pushes().size(), 1);
    QCOMPARE(m_simulator->pushes().first().amountShillings, 150'000);
    checkJournal(QStringLiteral("after the kill"));
    const QString saleRef = m_output.filter(QStringLiteral("part-paid")).first().section(u' ', 1, 1);
    {
        Journal::OpenError error;
        std::unique_ptr<Journal> journal = Journal::open(m_journalPath, &error);
        QVERIFY(journal);
        const std::optional<Sale> sale = journal->sales().find(saleRef);
        QVERIFY(sale && sale->isOpen());
        QCOMPARE(journal->partsOf(saleRef).size(), 1);
    }
    // The next run: the sale is found open (for the card), and nothing is sent by itself.
    QProcess again;
    startChild(again, 0, true, m_seed, 1);
    QVERIFY(again.waitForFinished(30000));
    QVERIFY2(m_output.contains(QStringLiteral("open-sale ") + saleRef), qPrintable(m_output.join(u'\n')));
    QVERIFY(m_output.contains(QStringLiteral("settled")));
    QCOMPARE(m_simulator->pushes().size(), 1);
    checkJournal(QStringLiteral("after the restart"));
}

void TestCrash::freshRun(const QString& name)
{
    m_journalPath = m_dir.filePath(name);
    m_journaled.clear();
    m_simulator = std::make_unique<IntaSendSimulator>(m_clock);
    m_simulator->setTiming({100ms, 300ms});
    QVERIFY(m_simulator->listen());
    bool seedGiven = false;
    m_seed = qEnvironmentVariable("LIPA_CRASH_SEED").toUInt(&seedGiven);
    if (!seedGiven)
        m_seed = QRandomGenerator::global()->generate();
    qInfo("seed %u (LIPA_CRASH_SEED=%u replays it)", m_seed, m_seed);
}

void TestCrash::killedLookUpNeverCallsAPaymentThatArrivedNotSent()
{
    // Every push reaches IntaSend and its answer is lost: each payment is found again by its reference
    // (the secret key), while the till is killed right after journaling or in the middle of a look-up.
    freshRun(QStringLiteral("lookup.sqlite"));
    m_simulator->setFault({sim::FaultMode::DropAfterRequest, 0, sim::FaultScope::Pushes});
    QRandomGenerator random(m_seed);
    const QStringList extra = {QStringLiteral("--secret-key"), QStringLiteral("ISSecretKey_test_crash"),
                               QStringLiteral("--expiry-ms"), QStringLiteral("8000")};
    int cycles = 0;
    int midLook = 0;
    while (m_journaled.size() < 40) {
        ++cycles;
        const bool duringLook = random.bounded(2) == 1;
        const int when = static_cast<int>(random.bounded(1, 5));
        QProcess child;
        bool killed = false;
        int events = 0;
        const int journaledBefore = static_cast<int>(m_journaled.size());
        const auto killNow = [&] {
            if (!killed && child.processId() > 0) {
                killed = true;
                ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
            }
        };
        const QMetaObject::Connection onLook =
            connect(m_simulator.get(), &IntaSendSimulator::recordsRequested, this, [&] {
                if (duringLook && ++events == when)
                    killNow(); // the list was asked for; the answer will never be read
            });
        startChild(child, 8, false, random.generate(), cycles * 100, extra);
        const QMetaObject::Connection onLine = connect(&child, &QProcess::readyReadStandardOutput, this, [&] {
            if (!duringLook && static_cast<int>(m_journaled.size()) - journaledBefore >= when)
                killNow();
        });
        QTRY_VERIFY_WITH_TIMEOUT(killed, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(child.state(), QProcess::NotRunning, 5000);
        disconnect(onLook);
        disconnect(onLine);
        midLook += duringLook ? 1 : 0;
        checkJournal(QStringLiteral("after kill %1").arg(cycles));
    }
    QProcess last;
    startChild(last, 0, true, random.generate(), (cycles + 1) * 100, extra);
    QTRY_COMPARE_WITH_TIMEOUT(last.state(), QProcess::NotRunning, 60000);
    QCOMPARE(last.exitCode(), 0);
    checkJournal(QStringLiteral("after settling"));

    Journal::OpenError error;
    std::unique_ptr<Journal> journal = Journal::open(m_journalPath, &error);
    QVERIFY(journal);
    QSet<QString> pushed;
    for (const IntaSendSimulator::ReceivedPush& push : m_simulator->pushes()) {
        QVERIFY2(!pushed.contains(push.apiRef), qPrintable(QStringLiteral("pushed twice: ") + push.apiRef));
        pushed.insert(push.apiRef);
        // IntaSend has it: found, and settled as IntaSend says; never "nothing was charged".
        const Payment payment = *journal->find(push.apiRef);
        // (Expired, with its invoice, when a loaded machine let the short window end before IntaSend said.)
        QVERIFY2(payment.state == PaymentState::Complete || payment.state == PaymentState::Failed ||
                     payment.state == PaymentState::Expired,
                 qPrintable(push.apiRef + QStringLiteral(" ended ") + stateKey(payment.state) + u' ' +
                            payment.invoiceId + u' ' + payment.failureMessage));
        QCOMPARE(payment.invoiceId, push.invoiceId);
    }
    int notSent = 0;
    for (const Payment& payment :
         journal->paymentsBetween(QDateTime::fromMSecsSinceEpoch(0, Qt::UTC), m_clock.now().addSecs(60))) {
        QVERIFY2(payment.state != PaymentState::Unknown && payment.state != PaymentState::Sending,
                 qPrintable(payment.localRef + QStringLiteral(" left ") + stateKey(payment.state)));
        if (!pushed.contains(payment.localRef)) {
            QCOMPARE(payment.state, PaymentState::Rejected); // never reached IntaSend: nothing charged
            ++notSent;
        }
    }
    qInfo("%d runs killed (%d mid-look); %lld payments, %lld pushed and all found, %d never sent", cycles,
          midLook, static_cast<long long>(journal->paymentCount()), static_cast<long long>(pushed.size()),
          notSent);
}

void TestCrash::killedRefundIsNeverSentTwice()
{
    // Every paid payment is refunded at once; the till is killed right after recording a refund request,
    // or while it is at IntaSend and the answer on its way back.
    freshRun(QStringLiteral("refunds.sqlite"));
    QVERIFY(m_simulator->setRefundScript({QStringLiteral("PENDING"), QStringLiteral("COMPLETED")}, 500ms));
    QRandomGenerator random(m_seed);
    const QStringList extra = {QStringLiteral("--secret-key"), QStringLiteral("ISSecretKey_test_crash"),
                               QStringLiteral("--refund-paid"), QStringLiteral("--all-pay")};
    // Every customer pays, so each run has six refunds to ask for and the planned kill (the first or the
    // second) always comes; with cancels in the mix a run could have too few paid payments to reach it.
    int cycles = 0;
    int inFlight = 0;
    QSet<QString> recorded; // refund ids a child said it recorded
    while (cycles < 10) {
        ++cycles;
        const bool atIntaSend = random.bounded(2) == 1;
        const int when = static_cast<int>(random.bounded(1, 3));
        QProcess child;
        bool killed = false;
        int events = 0;
        const auto killNow = [&] {
            if (!killed && child.processId() > 0) {
                killed = true;
                ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
            }
        };
        const QMetaObject::Connection onRefund =
            connect(m_simulator.get(), &IntaSendSimulator::refundReceived, this, [&] {
                if (atIntaSend && ++events == when)
                    killNow(); // IntaSend has the request; the till will never hear the answer
            });
        startChild(child, 6, false, random.generate(), cycles * 100, extra);
        const QMetaObject::Connection onLine = connect(&child, &QProcess::readyReadStandardOutput, this, [&] {
            for (const QString& line : std::as_const(m_output)) {
                if (line.startsWith(QStringLiteral("refund ")) &&
                    line.contains(QStringLiteral(" Sending "))) {
                    recorded.insert(line.section(u' ', 1, 1));
                    if (!atIntaSend && ++events == when)
                        killNow(); // recorded; sent or not, nobody knows
                }
            }
            m_output.clear();
        });
        QTRY_VERIFY_WITH_TIMEOUT(killed, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(child.state(), QProcess::NotRunning, 5000);
        disconnect(onRefund);
        disconnect(onLine);
        inFlight += atIntaSend ? 1 : 0;
        // Every request IntaSend received was recorded first.
        Journal::OpenError error;
        std::unique_ptr<Journal> journal = Journal::open(m_journalPath, &error);
        QVERIFY(journal);
        QSet<QString> invoicesAsked;
        for (const Refund& refund : journal->refunds().between(QDateTime::fromMSecsSinceEpoch(0, Qt::UTC),
                                                               m_clock.now().addSecs(60)))
            invoicesAsked.insert(refund.invoiceId);
        for (const IntaSendSimulator::ReceivedRefund& asked : m_simulator->refunds())
            QVERIFY2(invoicesAsked.contains(asked.invoiceId),
                     qPrintable(QStringLiteral("a refund at IntaSend the journal does not have: ") +
                                asked.invoiceId));
    }
    QProcess last;
    startChild(last, 0, true, random.generate(), (cycles + 1) * 100, extra);
    QTRY_COMPARE_WITH_TIMEOUT(last.state(), QProcess::NotRunning, 60000);
    QCOMPARE(last.exitCode(), 0);

    // Never twice: one request per invoice at IntaSend, none refused as a second ask.
    QSet<QString> invoices;
    for (const IntaSendSimulator::ReceivedRefund& asked : m_simulator->refunds()) {
        QVERIFY2(!invoices.contains(asked.invoiceId),
                 qPrintable(QStringLiteral("refund asked twice: ") + asked.invoiceId));
        invoices.insert(asked.invoiceId);
    }
    QCOMPARE(m_simulator->refundRequestCount(), static_cast<int>(m_simulator->refunds().size()));
    Journal::OpenError error;
    std::unique_ptr<Journal> journal = Journal::open(m_journalPath, &error);
    QVERIFY(journal);
    int unconfirmed = 0;
    int followed = 0;
    for (const Refund& refund :
         journal->refunds().between(QDateTime::fromMSecsSinceEpoch(0, Qt::UTC), m_clock.now().addSecs(60))) {
        QVERIFY2(refund.state != RefundState::Sending, "a refund left Sending after a restart");
        if (refund.state == RefundState::Unconfirmed) {
            ++unconfirmed; // left for the cashier: at IntaSend or not, never sent again by itself
        } else {
            QVERIFY2(invoices.contains(refund.invoiceId), qPrintable(refundStateKey(refund.state)));
            ++followed;
        }
    }
    QVERIFY(recorded.size() >= 10);
    QVERIFY(unconfirmed >= 1);
    qInfo("%d runs killed (%d with a refund at IntaSend); %lld refunds recorded, %lld asked at IntaSend, %d "
          "unconfirmed for the cashier, %d followed",
          cycles, inFlight, static_cast<long long>(recorded.size()), static_cast<long long>(invoices.size()),
          unconfirmed, followed);
}

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
