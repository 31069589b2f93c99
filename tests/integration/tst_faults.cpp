// SPDX-License-Identifier: GPL-3.0-or-later
#include "CannedServer.h"
#include "TestStack.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTest>

#include <limits>

using namespace lipa;
using namespace std::chrono_literals;
using sim::Fault;
using sim::FaultMode;
using sim::FaultScope;

Q_DECLARE_METATYPE(lipa::sim::Fault)

// Every way a call to IntaSend can go wrong, against the simulator's fault modes: the state each payment
// ends in, what the cashier is told, and that no push is ever sent twice without the cashier asking.
class TestFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { m_stack.reset(); }

    void refusedConnectionIsRejectedAndNothingSent();
    void tlsFailureIsRejectedAndNothingSent();
    void untrustedCertificateIsNeverAccepted();
    void uncertainPushesBecomeUnknown_data();
    void uncertainPushesBecomeUnknown();
    void slowButTimelyAnswerIsFine();
    void validationErrorIsRejectedWithIntaSendsWords();
    void refusedKeysRejectAndRaiseTheSettingsBanner();
    void rateLimitedPushIsRejectedAndHoldsTheTill();
    void rateLimitedStatusChecksWaitForRetryAfter();
    void unknownStateKeepsPolling();
    void failingStatusChecksKeepPendingThenOfflineThenRecover();

    void openPaymentOfTheSameSaleIsFound();
    void failedPaymentMayBeResentAndIsLinked();
    void resendNeedsAFreshCheck();
    void unknownWithoutInvoiceMayBeResentOnlyWithWarning();
    void expiredButPaidLateIsNotResent();
    void expiredStillOpenAtIntaSendNeedsAWarning();
    void resendRefusedWhenTheCheckFails();

    void failingStatusChecksNeverMoveThePayment_data();
    void failingStatusChecksNeverMoveThePayment();
    void unknownStateInThePushAnswerIsReported();
    void forbiddenIsRefusedKeys();
    void rateLimitWithoutRetryAfterWaitsThirtySeconds();
    void manualCheckKeepsToRetryAfter();
    void noResendWhileAnotherAttemptOfTheSaleIsOpen();
    void lastCheckIsRecordedEvenIfTheAskerIsGone();
    void statusSuccessDoesNotClearARefusedSecretKey();
    void expiredSaleCountsAsOpenForADay();

private:
    // A stack whose client gives up after `timeout`.
    void makeStack(std::chrono::milliseconds timeout = 10s,
                   const std::function<void(ClientConfig&)>& configure = {});
    Payment chargeAndSettle(char lastDigit, qint64 shillings = 1500);
    Payment payment(const QString& ref) { return m_stack->journal().find(ref).value(); }
    QString journalHistory(const QString& ref);
    QString journalHistory(Journal& journal, const QString& ref);

    std::unique_ptr<test::TestStack> m_stack;
};

void TestFaults::makeStack(std::chrono::milliseconds timeout,
                           const std::function<void(ClientConfig&)>& configure)
{
    m_stack = std::make_unique<test::TestStack>(Settings{}, [&](ClientConfig& config) {
        config.transferTimeout = timeout;
        if (configure)
            configure(config);
    });
}

// Charges and waits until the push has been answered (or has failed).
Payment TestFaults::chargeAndSettle(char lastDigit, qint64 shillings)
{
    const QString ref =
        m_stack->till().charge(Money::fromShillings(shillings), test::phoneEndingIn(lastDigit));
    if (ref.isEmpty())
        return {};
    [&] { QVERIFY(m_stack->waitForNetwork()); }();
    return payment(ref);
}

QString TestFaults::journalHistory(const QString& ref)
{
    return journalHistory(m_stack->journal(), ref);
}

QString TestFaults::journalHistory(Journal& journal, const QString& ref)
{
    QStringList lines;
    for (const PaymentEvent& event : journal.events(ref))
        lines << event.detail;
    return lines.join(u'\n');
}

void TestFaults::refusedConnectionIsRejectedAndNothingSent()
{
    makeStack();
    m_stack->simulator.setFault({FaultMode::Refuse, 0, FaultScope::All});
    const Payment p = chargeAndSettle('5');
    QCOMPARE(p.state, PaymentState::Rejected);
    QCOMPARE(p.failureMessage, QStringLiteral("Could not reach IntaSend — nothing was charged"));
    QCOMPARE(m_stack->pushesOnceIdle(), 0);
    QCOMPARE(m_stack->health().connectionState(), ConnectionState::Offline);
    // Back again: the next charge goes through; the rejected one was never retried on its own.
    m_stack->simulator.setFault({});
    QCOMPARE(chargeAndSettle('5').state, PaymentState::Pending);
    QCOMPARE(m_stack->pushesOnceIdle(), 1);
    QCOMPARE(payment(p.localRef).state, PaymentState::Rejected);
}

void TestFaults::tlsFailureIsRejectedAndNothingSent()
{
    // https to a server that speaks plain HTTP: the TLS handshake fails before any request leaves.
    makeStack();
    const auto https = test::TestStack::stackFor(
        m_stack->clock, QStringLiteral("https://127.0.0.1:%1").arg(m_stack->simulator.port()),
        QStringLiteral("ISPubKey_test_unit"), 10s);
    const QString ref = https->till.charge(Money::fromShillings(1500), test::phoneEndingIn('5'));
    QTRY_COMPARE(https->till.requestsInFlight(), 0);
    const Payment p = https->journal.find(ref).value();
    QCOMPARE(p.state, PaymentState::Rejected);
    QCOMPARE(p.failureMessage, QStringLiteral("Could not reach IntaSend — nothing was charged"));
    QCOMPARE(m_stack->pushesOnceIdle(), 0);
}

void TestFaults::untrustedCertificateIsNeverAccepted()
{
    // A real TLS server on 127.0.0.1 whose certificate nobody vouches for (a man in the middle, say).
    QFile certFile(QStringLiteral(LIPA_FIXTURES_DIR "/../tls/untrusted-cert.pem"));
    QFile keyFile(QStringLiteral(LIPA_FIXTURES_DIR "/../tls/untrusted-key.pem"));
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
    tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    QSslServer server;
    server.setSslConfiguration(tls);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    int requests = 0;
    connect(&server, &QSslServer::pendingConnectionAvailable, this, [&] {
        while (QTcpSocket* socket = server.nextPendingConnection())
            connect(socket, &QTcpSocket::readyRead, socket, [&requests, socket] {
                ++requests; // an encrypted request got through
                socket->readAll();
            });
    });

    makeStack();
    const auto https = test::TestStack::stackFor(
        m_stack->clock, QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort()),
        QStringLiteral("ISPubKey_test_unit"), 10s);
    const QString ref = https->till.charge(Money::fromShillings(1500), test::phoneEndingIn('5'));
    QTRY_COMPARE(https->till.requestsInFlight(), 0);
    const Payment p = https->journal.find(ref).value();
    QCOMPARE(p.state, PaymentState::Rejected);
    QCOMPARE(p.failureMessage, QStringLiteral("Could not reach IntaSend — nothing was charged"));
    QCOMPARE(requests, 0);
    const QString history = journalHistory(https->journal, ref);
    QVERIFY2(history.contains(QStringLiteral("SSL")), qPrintable(history));
}

void TestFaults::uncertainPushesBecomeUnknown_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<bool>("reachedThePhone"); // did the simulated customer get the prompt?
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("logged"); // what the journal's history keeps of the answer

    QTest::newRow("delay past the timeout")
        << Fault{FaultMode::Delay, 2000, FaultScope::Pushes} << true << "did not answer in time"
        << "did not answer in time";
    QTest::newRow("drop after request")
        << Fault{FaultMode::DropAfterRequest, 0, FaultScope::Pushes} << true << "dropped"
        << "dropped before it answered";
    QTest::newRow("500") << Fault{FaultMode::ServerError, 0, FaultScope::Pushes} << true << "HTTP 500"
                         << "A server error occurred.";
    QTest::newRow("503 html") << Fault{FaultMode::UnavailableHtml, 0, FaultScope::Pushes} << false
                              << "HTTP 503"
                              << "<h1>503 Service Temporarily Unavailable</h1>";
    QTest::newRow("malformed json") << Fault{FaultMode::MalformedJson, 0, FaultScope::Pushes} << true
                                    << "not JSON"
                                    << ",,}";
    QTest::newRow("truncated body") << Fault{FaultMode::TruncatedBody, 0, FaultScope::Pushes} << true
                                    << "dropped"
                                    << "dropped before it answered";
    QTest::newRow("wrong types") << Fault{FaultMode::WrongTypes, 0, FaultScope::Pushes} << true << "invoice"
                                 << R"("state":7)";
    QTest::newRow("slow drip") << Fault{FaultMode::SlowDrip, 40, FaultScope::Pushes} << true
                               << "did not answer in time"
                               << "did not answer in time";
    QTest::newRow("oversize") << Fault{FaultMode::OversizeBody, 0, FaultScope::Pushes} << true << "too large"
                              << "too large";
}

void TestFaults::uncertainPushesBecomeUnknown()
{
    QFETCH(Fault, fault);
    QFETCH(bool, reachedThePhone);
    QFETCH(QString, reason);
    QFETCH(QString, logged);
    makeStack(800ms);
    m_stack->simulator.setFault(fault);

    const Payment p = chargeAndSettle('5');
    QCOMPARE(p.state, PaymentState::Unknown);
    QVERIFY2(p.failureMessage.startsWith(QStringLiteral("The request may have reached the customer's phone")),
             qPrintable(p.failureMessage));
    QVERIFY2(p.failureMessage.contains(reason, Qt::CaseInsensitive), qPrintable(p.failureMessage));
    QCOMPARE(m_stack->pushesOnceIdle(), reachedThePhone ? 1 : 0);
    const QString history = journalHistory(p.localRef);
    QVERIFY2(history.contains(logged), qPrintable(history));
    QVERIFY2(history.size() < 2000, "the raw answer is kept truncated");

    // Minutes later, nothing was sent again by itself, and the payment waits for the cashier.
    m_stack->simulator.setFault({});
    m_stack->clock.advance(10min);
    QCOMPARE(m_stack->pushesOnceIdle(), reachedThePhone ? 1 : 0);
    QCOMPARE(payment(p.localRef).state, PaymentState::Unknown);
}

void TestFaults::slowButTimelyAnswerIsFine()
{
    makeStack(5s);
    m_stack->simulator.setFault({FaultMode::Delay, 300, FaultScope::All});
    const Payment p = chargeAndSettle('5');
    QCOMPARE(p.state, PaymentState::Pending);
    QVERIFY(m_stack->advanceUntil([&] { return payment(p.localRef).state == PaymentState::Complete; }, 30s));
}

void TestFaults::validationErrorIsRejectedWithIntaSendsWords()
{
    makeStack(10s, [](ClientConfig& config) { config.publicKey = QStringLiteral("not-a-key"); });
    const Payment p = chargeAndSettle('5');
    QCOMPARE(p.state, PaymentState::Rejected);
    QCOMPARE(p.failureMessage, QStringLiteral("A valid public key is required."));
    QCOMPARE(m_stack->pushesOnceIdle(), 0);
    QVERIFY(m_stack->health().trouble().isEmpty());
}

void TestFaults::refusedKeysRejectAndRaiseTheSettingsBanner()
{
    makeStack(10s, [](ClientConfig& config) { config.secretKey = QStringLiteral("wrong"); });
    QSignalSpy trouble(&m_stack->health(), &ServiceHealth::troubleChanged);
    const Payment p = chargeAndSettle('5');
    QCOMPARE(p.state, PaymentState::Rejected);
    QVERIFY2(p.failureMessage.startsWith(QStringLiteral("IntaSend refused the keys — check Settings")),
             qPrintable(p.failureMessage));
    QCOMPARE(trouble.size(), 1);
    QVERIFY(m_stack->health().trouble().startsWith(QStringLiteral("IntaSend refused the keys")));
    QCOMPARE(m_stack->pushesOnceIdle(), 0);
}

void TestFaults::rateLimitedPushIsRejectedAndHoldsTheTill()
{
    makeStack();
    m_stack->simulator.setFault({FaultMode::RateLimited, 20, FaultScope::Pushes});
    const Payment p = chargeAndSettle('5');
    QCOMPARE(p.state, PaymentState::Rejected);
    QCOMPARE(p.failureMessage, QStringLiteral("IntaSend asked the till to slow down — nothing was charged"));
    QVERIFY(m_stack->health().trouble().contains(QStringLiteral("slow down")));
    QCOMPARE(m_stack->pushesOnceIdle(), 0);
    QCOMPARE(m_stack->simulator.faultyAnswerCount(), 1);

    // Within Retry-After the till does not even ask: no tight loop against a busy IntaSend.
    m_stack->simulator.setFault({});
    QSignalSpy notices(&m_stack->till(), &Till::notice);
    m_stack->clock.advance(10s);
    QVERIFY(m_stack->till().charge(Money::fromShillings(1500), test::phoneEndingIn('5')).isEmpty());
    QCOMPARE(notices.size(), 1);
    QVERIFY(notices.at(0).at(0).toString().contains(QStringLiteral("Nothing was sent")));
    QCOMPARE(m_stack->journal().paymentCount(), 1);

    // After it, the banner goes by itself and charging works.
    m_stack->clock.advance(11s);
    QVERIFY(m_stack->health().trouble().isEmpty());
    QCOMPARE(chargeAndSettle('5').state, PaymentState::Pending);
    QCOMPARE(m_stack->pushesOnceIdle(), 1);
}

void TestFaults::rateLimitedStatusChecksWaitForRetryAfter()
{
    makeStack();
    const Payment a = chargeAndSettle('9'); // never answers: polled until expiry
    const Payment b = chargeAndSettle('9');
    QCOMPARE(a.state, PaymentState::Pending);
    m_stack->simulator.setFault({FaultMode::RateLimited, 60, FaultScope::StatusChecks});
    // The first check is due after 3 s; it meets the 429.
    QVERIFY(m_stack->advanceUntil([&] { return m_stack->simulator.faultyAnswerCount() >= 1; }, 10s, 1s));
    const int faultyAfterFirst = m_stack->simulator.faultyAnswerCount();
    // For the next 59 s, no payment is checked at all (the other one included).
    for (int i = 0; i < 59; ++i) {
        m_stack->clock.advance(1s);
        QVERIFY(m_stack->waitForNetwork());
    }
    QCOMPARE(m_stack->simulator.faultyAnswerCount(), faultyAfterFirst);
    QVERIFY(m_stack->health().trouble().contains(QStringLiteral("slow down")));
    m_stack->simulator.setFault({});
    const int before = m_stack->simulator.statusRequestCount();
    QVERIFY(
        m_stack->advanceUntil([&] { return m_stack->simulator.statusRequestCount() >= before + 2; }, 5s, 1s));
    QVERIFY(m_stack->health().trouble().isEmpty());
    QCOMPARE(payment(b.localRef).state, PaymentState::Pending);
}

void TestFaults::unknownStateKeepsPolling()
{
    makeStack();
    QSignalSpy notices(&m_stack->till(), &Till::notice);
    const Payment p = chargeAndSettle('5');
    m_stack->simulator.setFault({FaultMode::UnknownState, 0, FaultScope::StatusChecks});
    const int before = m_stack->simulator.statusRequestCount();
    QVERIFY(
        m_stack->advanceUntil([&] { return m_stack->simulator.statusRequestCount() >= before + 3; }, 60s));
    QCOMPARE(payment(p.localRef).state, PaymentState::Pending);
    QCOMPARE(payment(p.localRef).remoteState, QStringLiteral("ON_HOLD"));
    QCOMPARE(notices.size(), 1); // said once, not at every check
    QVERIFY(notices.last().at(0).toString().contains(QStringLiteral("ON_HOLD")));
    m_stack->simulator.setFault({});
    QVERIFY(m_stack->advanceUntil([&] { return payment(p.localRef).state == PaymentState::Complete; }, 30s));
}

void TestFaults::failingStatusChecksKeepPendingThenOfflineThenRecover()
{
    makeStack(500ms);
    const Payment p = chargeAndSettle('5');
    QCOMPARE(p.state, PaymentState::Pending);
    m_stack->simulator.setFault({FaultMode::DropAfterRequest, 0, FaultScope::StatusChecks});

    // When checks reach the simulator (Qt may repeat a status check once on a dropped connection: the
    // same moment twice counts once).
    QList<std::chrono::milliseconds> checkedAt;
    connect(&m_stack->simulator, &IntaSendSimulator::statusRequested, this, [&] {
        if (checkedAt.isEmpty() || checkedAt.last() != m_stack->clock.monotonic())
            checkedAt << m_stack->clock.monotonic();
    });
    QVERIFY(m_stack->advanceUntil([&] { return checkedAt.size() == 1; }, 10s));
    QVERIFY2(m_stack->health().trouble().isEmpty(), "one failed check is no outage");
    QVERIFY(m_stack->advanceUntil([&] { return !m_stack->health().trouble().isEmpty(); }, 60s));
    QCOMPARE(checkedAt.size(), 3); // the banner comes after three failures in a row
    QVERIFY(m_stack->health().trouble().startsWith(QStringLiteral("Offline")));
    QCOMPARE(payment(p.localRef).state, PaymentState::Pending);
    // Polling goes on, slower and slower (up to the maximum interval).
    QVERIFY(m_stack->advanceUntil([&] { return checkedAt.size() >= 6; }, 60s));
    for (qsizetype i = 2; i < checkedAt.size(); ++i)
        QVERIFY(checkedAt[i] - checkedAt[i - 1] >= checkedAt[i - 1] - checkedAt[i - 2] ||
                checkedAt[i] - checkedAt[i - 1] >= 10s);
    QCOMPARE(m_stack->pushesOnceIdle(), 1);

    // IntaSend is back: the payment settles and the banner goes by itself.
    m_stack->simulator.setFault({});
    QVERIFY(m_stack->advanceUntil([&] { return payment(p.localRef).state == PaymentState::Complete; }, 30s));
    QVERIFY(m_stack->health().trouble().isEmpty());
    QCOMPARE(m_stack->health().connectionState(), ConnectionState::Online);
}

void TestFaults::openPaymentOfTheSameSaleIsFound()
{
    makeStack();
    const Payment waiting = chargeAndSettle('9');
    QCOMPARE(m_stack->till().openPaymentFor(waiting.phone, waiting.amount)->localRef, waiting.localRef);
    QVERIFY(!m_stack->till().openPaymentFor(waiting.phone, Money::fromShillings(1501)));
    QVERIFY(!m_stack->till().openPaymentFor(test::phoneEndingIn('8'), waiting.amount));
    // A finished sale is no duplicate.
    const Payment paid = chargeAndSettle('5', 700);
    QVERIFY(
        m_stack->advanceUntil([&] { return payment(paid.localRef).state == PaymentState::Complete; }, 30s));
    QVERIFY(!m_stack->till().openPaymentFor(paid.phone, paid.amount));
    // Unknown counts: it may have charged.
    m_stack->simulator.setFault({FaultMode::DropAfterRequest, 0, FaultScope::Pushes});
    const Payment unknown = chargeAndSettle('4', 800);
    QCOMPARE(unknown.state, PaymentState::Unknown);
    QCOMPARE(m_stack->till().openPaymentFor(unknown.phone, unknown.amount)->localRef, unknown.localRef);
}

void TestFaults::failedPaymentMayBeResentAndIsLinked()
{
    makeStack();
    const Payment cancelled = chargeAndSettle('0');
    QVERIFY(m_stack->advanceUntil([&] { return payment(cancelled.localRef).state == PaymentState::Failed; },
                                  30s));
    std::optional<ResendCheck> check;
    m_stack->resends().prepare(cancelled.localRef, this, [&](const ResendCheck& c) { check = c; });
    QVERIFY(check);
    QCOMPARE(check->verdict, ResendCheck::Verdict::MaySend);
    QVERIFY(check->reason.contains(QStringLiteral("cancelled")));

    const QString newRef = m_stack->resends().resend(cancelled.localRef);
    QVERIFY(!newRef.isEmpty());
    QCOMPARE(m_stack->pushesOnceIdle(), 2);
    QCOMPARE(payment(newRef).replacesRef, cancelled.localRef);
    QCOMPARE(payment(newRef).amount, cancelled.amount);
    QCOMPARE(m_stack->journal().replacementOf(cancelled.localRef)->localRef, newRef);
    QVERIFY(journalHistory(cancelled.localRef).contains(QStringLiteral("sent again as ") + newRef));

    // Once resent, never again from the same old attempt.
    check.reset();
    m_stack->resends().prepare(cancelled.localRef, this, [&](const ResendCheck& c) { check = c; });
    QCOMPARE(check->verdict, ResendCheck::Verdict::Refused);
    QVERIFY(m_stack->resends().resend(cancelled.localRef).isEmpty());
    QCOMPARE(m_stack->pushesOnceIdle(), 2);
}

void TestFaults::resendNeedsAFreshCheck()
{
    makeStack();
    const Payment cancelled = chargeAndSettle('0');
    QVERIFY(m_stack->advanceUntil([&] { return payment(cancelled.localRef).state == PaymentState::Failed; },
                                  30s));
    // Without the last look first: refused.
    QVERIFY(m_stack->resends().resend(cancelled.localRef).isEmpty());
    // With it, but the confirmation left open too long: refused.
    m_stack->resends().prepare(cancelled.localRef, this, [](const ResendCheck&) {});
    m_stack->clock.advance(3min);
    QVERIFY(m_stack->resends().resend(cancelled.localRef).isEmpty());
    QCOMPARE(m_stack->pushesOnceIdle(), 1);
    // A paid or waiting payment is never resent.
    const Payment waiting = chargeAndSettle('9', 300);
    std::optional<ResendCheck> check;
    m_stack->resends().prepare(waiting.localRef, this, [&](const ResendCheck& c) { check = c; });
    QCOMPARE(check->verdict, ResendCheck::Verdict::Refused);
    QVERIFY(m_stack->resends().resend(waiting.localRef).isEmpty());
    QCOMPARE(m_stack->pushesOnceIdle(), 2);
}

void TestFaults::unknownWithoutInvoiceMayBeResentOnlyWithWarning()
{
    makeStack();
    m_stack->simulator.setFault({FaultMode::DropAfterRequest, 0, FaultScope::Pushes});
    const Payment unknown = chargeAndSettle('5');
    QCOMPARE(unknown.state, PaymentState::Unknown);
    m_stack->simulator.setFault({});
    const int statusBefore = m_stack->simulator.statusRequestCount();
    std::optional<ResendCheck> check;
    m_stack->resends().prepare(unknown.localRef, this, [&](const ResendCheck& c) { check = c; });
    QVERIFY(check);
    QCOMPARE(check->verdict, ResendCheck::Verdict::MaySendWithWarning);
    QVERIFY(check->reason.contains(QStringLiteral("Ask the customer")));
    QCOMPARE(m_stack->statusChecksOnceIdle(), statusBefore); // nothing to ask IntaSend about
    QVERIFY(!m_stack->resends().resend(unknown.localRef).isEmpty());
    QCOMPARE(m_stack->pushesOnceIdle(), 2);
}

void TestFaults::expiredButPaidLateIsNotResent()
{
    makeStack();
    IntaSendSimulator::Timing late;
    late.processingAfter = 170s;
    late.finalAfter = 200s; // after the till's 3-minute expiry
    m_stack->simulator.setTiming(late);
    const Payment p = chargeAndSettle('5');
    QVERIFY(
        m_stack->advanceUntil([&] { return payment(p.localRef).state == PaymentState::Expired; }, 200s, 5s));
    m_stack->clock.advance(30s);

    const int statusBefore = m_stack->simulator.statusRequestCount();
    std::optional<ResendCheck> check;
    m_stack->resends().prepare(p.localRef, this, [&](const ResendCheck& c) { check = c; });
    QTRY_VERIFY(check.has_value());
    QCOMPARE(m_stack->simulator.statusRequestCount(), statusBefore + 1);
    QCOMPARE(check->verdict, ResendCheck::Verdict::Refused);
    QVERIFY(check->reason.contains(QStringLiteral("paid after all")));
    QCOMPARE(payment(p.localRef).state, PaymentState::Complete);
    QVERIFY(m_stack->resends().resend(p.localRef).isEmpty());
    QCOMPARE(m_stack->pushesOnceIdle(), 1);
}

void TestFaults::expiredStillOpenAtIntaSendNeedsAWarning()
{
    makeStack();
    const Payment p = chargeAndSettle('9');
    QVERIFY(
        m_stack->advanceUntil([&] { return payment(p.localRef).state == PaymentState::Expired; }, 200s, 5s));
    std::optional<ResendCheck> check;
    m_stack->resends().prepare(p.localRef, this, [&](const ResendCheck& c) { check = c; });
    QTRY_VERIFY(check.has_value());
    QCOMPARE(check->verdict, ResendCheck::Verdict::MaySendWithWarning);
    QVERIFY(check->reason.contains(QStringLiteral("PENDING")));
    QVERIFY(!m_stack->resends().resend(p.localRef).isEmpty());
}

void TestFaults::resendRefusedWhenTheCheckFails()
{
    makeStack(500ms);
    const Payment p = chargeAndSettle('9');
    QVERIFY(
        m_stack->advanceUntil([&] { return payment(p.localRef).state == PaymentState::Expired; }, 200s, 5s));
    m_stack->simulator.setFault({FaultMode::DropAfterRequest, 0, FaultScope::StatusChecks});
    std::optional<ResendCheck> check;
    m_stack->resends().prepare(p.localRef, this, [&](const ResendCheck& c) { check = c; });
    QTRY_VERIFY(check.has_value());
    QCOMPARE(check->verdict, ResendCheck::Verdict::Refused);
    QVERIFY(check->reason.contains(QStringLiteral("could not be checked")));
    QVERIFY(m_stack->resends().resend(p.localRef).isEmpty());
    QCOMPARE(m_stack->pushesOnceIdle(), 1);
}

void TestFaults::failingStatusChecksNeverMoveThePayment_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<bool>("offline"); // counts as IntaSend not answering properly
    const auto row = [](const char* name, FaultMode mode, int parameter, bool offline) {
        QTest::newRow(name) << Fault{mode, parameter, FaultScope::StatusChecks} << offline;
    };
    row("refuse", FaultMode::Refuse, 0, true);
    row("delay past the timeout", FaultMode::Delay, 2000, true);
    row("drop", FaultMode::DropAfterRequest, 0, true);
    row("500", FaultMode::ServerError, 0, true);
    row("503 html", FaultMode::UnavailableHtml, 0, true);
    row("malformed json", FaultMode::MalformedJson, 0, true);
    row("truncated", FaultMode::TruncatedBody, 0, true);
    row("wrong types", FaultMode::WrongTypes, 0, true);
    row("slow drip", FaultMode::SlowDrip, 40, true);
    row("oversize", FaultMode::OversizeBody, 0, true);
    row("unknown state", FaultMode::UnknownState, 0, false);
}

void TestFaults::failingStatusChecksNeverMoveThePayment()
{
    QFETCH(Fault, fault);
    QFETCH(bool, offline);
    makeStack(800ms);
    const Payment p = chargeAndSettle('5');
    QCOMPARE(p.state, PaymentState::Pending);
    m_stack->simulator.setFault(fault);
    // Polling goes on through the failures (refused connections never reach the simulator's count).
    QVERIFY(m_stack->advanceUntil([&] { return m_stack->health().trouble().isEmpty() != offline; }, 60s));
    m_stack->clock.advance(30s);
    QVERIFY(m_stack->waitForNetwork());
    QVERIFY(isAwaitingCustomer(payment(p.localRef).state));
    QCOMPARE(m_stack->pushesOnceIdle(), 1);
    // Back to normal: it settles by itself and the banner goes.
    m_stack->simulator.setFault({});
    QVERIFY(m_stack->advanceUntil([&] { return payment(p.localRef).state == PaymentState::Complete; }, 30s));
    QVERIFY(m_stack->health().trouble().isEmpty());
}

void TestFaults::unknownStateInThePushAnswerIsReported()
{
    makeStack();
    m_stack->simulator.setFault({FaultMode::UnknownState, 0, FaultScope::Pushes});
    QSignalSpy notices(&m_stack->till(), &Till::notice);
    const Payment p = chargeAndSettle('5');
    QCOMPARE(p.state, PaymentState::Pending); // kept being checked, not guessed
    QCOMPARE(p.remoteState, QStringLiteral("ON_HOLD"));
    QCOMPARE(notices.size(), 1);
    QVERIFY(notices.at(0).at(0).toString().contains(QStringLiteral("ON_HOLD")));
}

void TestFaults::forbiddenIsRefusedKeys()
{
    makeStack();
    test::CannedServer server;
    server.on("/payment/", {test::CannedServer::Behaviour::Answer, 403,
                            R"({"detail":"You do not have permission to perform this action."})"});
    const auto stack = test::TestStack::stackFor(m_stack->clock, server.baseUrl(),
                                                 QStringLiteral("ISPubKey_test_unit"), 10s);
    const QString ref = stack->till.charge(Money::fromShillings(1500), test::phoneEndingIn('5'));
    QTRY_COMPARE(stack->till.requestsInFlight(), 0);
    const Payment p = stack->journal.find(ref).value();
    QCOMPARE(p.state, PaymentState::Rejected);
    QVERIFY(p.failureMessage.startsWith(QStringLiteral("IntaSend refused the keys — check Settings")));
    QVERIFY(stack->health.trouble().startsWith(QStringLiteral("IntaSend refused the keys")));
    QCOMPARE(server.requestCount("/payment/"), 1);
}

void TestFaults::rateLimitWithoutRetryAfterWaitsThirtySeconds()
{
    makeStack();
    test::CannedServer server;
    server.on("/payment/", {test::CannedServer::Behaviour::Answer, 429, R"({"detail":"Slow down."})"});
    const auto stack = test::TestStack::stackFor(m_stack->clock, server.baseUrl(),
                                                 QStringLiteral("ISPubKey_test_unit"), 10s);
    stack->till.charge(Money::fromShillings(1500), test::phoneEndingIn('5'));
    QTRY_COMPARE(stack->till.requestsInFlight(), 0);
    QVERIFY(stack->health.trouble().contains(QStringLiteral("resume at 12:00:30")));
    m_stack->clock.advance(29s);
    QVERIFY(stack->till.charge(Money::fromShillings(1500), test::phoneEndingIn('5')).isEmpty());
    QCOMPARE(server.requestCount("/payment/"), 1);
    m_stack->clock.advance(1s);
    QVERIFY(stack->health.trouble().isEmpty());
}

void TestFaults::manualCheckKeepsToRetryAfter()
{
    makeStack();
    const Payment p = chargeAndSettle('9');
    m_stack->simulator.setFault({FaultMode::RateLimited, 60, FaultScope::StatusChecks});
    QVERIFY(m_stack->advanceUntil([&] { return m_stack->simulator.faultyAnswerCount() == 1; }, 10s, 1s));
    QSignalSpy notices(&m_stack->till(), &Till::notice);
    for (int i = 0; i < 5; ++i) // the cashier presses F5, again and again
        m_stack->till().check(p.localRef);
    QVERIFY(m_stack->waitForNetwork());
    QCOMPARE(m_stack->simulator.faultyAnswerCount(), 1);
    QCOMPARE(notices.size(), 5);
    QVERIFY(notices.last().at(0).toString().contains(QStringLiteral("wait until")));
}

void TestFaults::noResendWhileAnotherAttemptOfTheSaleIsOpen()
{
    makeStack();
    const Payment cancelled = chargeAndSettle('0');
    QVERIFY(m_stack->advanceUntil([&] { return payment(cancelled.localRef).state == PaymentState::Failed; },
                                  30s));
    // The cashier types the sale in again (now waiting), then presses F8 on the failed one.
    QVERIFY(!m_stack->till().charge(cancelled.amount, cancelled.phone).isEmpty());
    QVERIFY(m_stack->waitForNetwork());
    std::optional<ResendCheck> check;
    m_stack->resends().prepare(cancelled.localRef, this, [&](const ResendCheck& c) { check = c; });
    QCOMPARE(check->verdict, ResendCheck::Verdict::Refused);
    QVERIFY(check->reason.startsWith(QStringLiteral("Another request for this sale")));
    QVERIFY(m_stack->resends().resend(cancelled.localRef).isEmpty());
    QCOMPARE(m_stack->pushesOnceIdle(), 2);
}

void TestFaults::lastCheckIsRecordedEvenIfTheAskerIsGone()
{
    makeStack();
    IntaSendSimulator::Timing late;
    late.processingAfter = 170s;
    late.finalAfter = 200s;
    m_stack->simulator.setTiming(late);
    const Payment p = chargeAndSettle('5');
    QVERIFY(
        m_stack->advanceUntil([&] { return payment(p.localRef).state == PaymentState::Expired; }, 200s, 5s));
    m_stack->clock.advance(30s);
    bool reported = false;
    {
        QObject asker;
        m_stack->resends().prepare(p.localRef, &asker, [&](const ResendCheck&) { reported = true; });
    } // the window closed while IntaSend was being asked
    QVERIFY(m_stack->waitForNetwork());
    QCOMPARE(m_stack->till().requestsInFlight(), 0);
    QVERIFY(!reported);
    QCOMPARE(payment(p.localRef).state, PaymentState::Complete); // what IntaSend said is recorded
}

void TestFaults::statusSuccessDoesNotClearARefusedSecretKey()
{
    // Pushes carry the (wrong) secret key and are refused; status checks carry only the public key and
    // succeed. The banner must stay: the keys are still wrong for taking payments.
    makeStack(10s, [](ClientConfig& config) { config.secretKey = QStringLiteral("not-a-secret"); });
    QCOMPARE(chargeAndSettle('5').state, PaymentState::Rejected);
    QVERIFY(m_stack->health().trouble().startsWith(QStringLiteral("IntaSend refused the keys")));

    // A payment this till is still polling (its invoice made through the keyless route).
    const auto keyless = test::TestStack::stackFor(m_stack->clock, m_stack->simulator.baseUrl().toString(),
                                                   QStringLiteral("ISPubKey_test_unit"), 10s);
    keyless->till.charge(Money::fromShillings(300), test::phoneEndingIn('9'));
    QTRY_COMPARE(keyless->till.requestsInFlight(), 0);
    Payment open = keyless->journal.page({}, std::numeric_limits<qint64>::max(), 1).value(0);
    QCOMPARE(open.state, PaymentState::Pending);
    open.sequence = 0;
    QVERIFY(m_stack->journal().addPayment(open));
    m_stack->till().resume();
    const int checks = m_stack->simulator.statusRequestCount();
    QVERIFY(m_stack->advanceUntil([&] { return m_stack->simulator.statusRequestCount() > checks; }, 10s));
    QCOMPARE(m_stack->health().connectionState(), ConnectionState::Online);
    QVERIFY(m_stack->health().trouble().startsWith(QStringLiteral("IntaSend refused the keys")));
}

void TestFaults::expiredSaleCountsAsOpenForADay()
{
    makeStack();
    const Payment p = chargeAndSettle('9');
    QVERIFY(
        m_stack->advanceUntil([&] { return payment(p.localRef).state == PaymentState::Expired; }, 200s, 5s));
    QCOMPARE(m_stack->till().openPaymentFor(p.phone, p.amount)->localRef, p.localRef);
    m_stack->clock.setWallClock(m_stack->clock.now().addDays(2));
    QVERIFY(!m_stack->till().openPaymentFor(p.phone, p.amount));
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
