// SPDX-License-Identifier: GPL-3.0-or-later
#include "CannedServer.h"
#include "IntaSendClient.h"
#include "IntaSendSimulator.h"
#include "ManualClock.h"
#include "TestStack.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace lipa;
using namespace std::chrono_literals;

// IntaSendClient against the simulator over real loopback HTTP: both push routes, the status call,
// every scripted customer, and the error answers.
class TestClientSimulator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void collectionRouteGivesNumericId();
    void stkPushRouteGivesStringIdAndSendsSecret();
    void stkPushRouteWithoutValidSecretIsAuthRefused();
    void everyScriptedCustomer_data();
    void everyScriptedCustomer();
    void neverAnsweringCustomerStaysPending();
    void validationErrorIsRefusedWithItsText();
    void unknownInvoiceIsRefused();
    void stoppedSimulatorMeansNotSent();
    void silentServerTimesOutAsUncertain();
    void droppedConnectionIsNeverResent();

private:
    CallResult push(IntaSendClient& client, const PhoneNumber& phone, const QString& apiRef);
    CallResult status(IntaSendClient& client, const QString& invoiceId);
    std::unique_ptr<IntaSendClient> makeClient(const QString& secret = {});

    std::unique_ptr<test::ManualClock> m_clock;
    std::unique_ptr<IntaSendSimulator> m_simulator;
    QNetworkAccessManager m_network;
};

void TestClientSimulator::init()
{
    m_clock = std::make_unique<test::ManualClock>();
    m_simulator = std::make_unique<IntaSendSimulator>(*m_clock);
    QVERIFY(m_simulator->listen());
}

void TestClientSimulator::cleanup()
{
    m_simulator.reset();
    m_clock.reset();
}

std::unique_ptr<IntaSendClient> TestClientSimulator::makeClient(const QString& secret)
{
    ClientConfig config;
    config.baseUrl = m_simulator->baseUrl();
    config.publicKey = QStringLiteral("ISPubKey_test_client");
    config.secretKey = secret;
    config.transferTimeout = 5s;
    return std::make_unique<IntaSendClient>(m_network, config);
}

CallResult TestClientSimulator::push(IntaSendClient& client, const PhoneNumber& phone, const QString& apiRef)
{
    std::optional<CallResult> result;
    client.requestStkPush({Money::fromShillings(1500), phone, apiRef, QStringLiteral("Test till")}, this,
                          [&](const CallResult& r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        qFatal("the push never finished");
    return *result;
}

CallResult TestClientSimulator::status(IntaSendClient& client, const QString& invoiceId)
{
    std::optional<CallResult> result;
    client.checkStatus(invoiceId, this, [&](const CallResult& r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        qFatal("the status check never finished");
    return *result;
}

void TestClientSimulator::collectionRouteGivesNumericId()
{
    auto client = makeClient();
    QCOMPARE(client->stkRoute(), wire::StkRoute::Collection);
    const CallResult result = push(*client, test::phoneEndingIn('5'), QStringLiteral("ref-numeric"));
    QVERIFY2(result.ok(), qPrintable(result.message));
    bool numeric = false;
    result.invoice->invoiceId.toInt(&numeric);
    QVERIFY(numeric);
    QCOMPARE(result.invoice->state, wire::RemoteState::Pending);
    QCOMPARE(m_simulator->pushes().size(), 1);
    QCOMPARE(m_simulator->pushes().first().route, QStringLiteral("collection"));
    QCOMPARE(m_simulator->pushes().first().apiRef, QStringLiteral("ref-numeric"));
    QCOMPARE(m_simulator->pushes().first().amountShillings, 1500);
    QCOMPARE(m_simulator->pushes().first().phone, test::phoneEndingIn('5').normalised());
}

void TestClientSimulator::stkPushRouteGivesStringIdAndSendsSecret()
{
    auto client = makeClient(QStringLiteral("ISSecretKey_test_client"));
    QCOMPARE(client->stkRoute(), wire::StkRoute::StkPush);
    const CallResult result = push(*client, test::phoneEndingIn('5'), QStringLiteral("ref-string"));
    QVERIFY2(result.ok(), qPrintable(result.message));
    bool numeric = false;
    result.invoice->invoiceId.toInt(&numeric);
    QVERIFY(!numeric);
    QCOMPARE(m_simulator->pushes().first().route, QStringLiteral("mpesa-stk-push"));
    const CallResult checked = status(*client, result.invoice->invoiceId);
    QVERIFY(checked.ok());
    QCOMPARE(checked.invoice->invoiceId, result.invoice->invoiceId);
}

void TestClientSimulator::stkPushRouteWithoutValidSecretIsAuthRefused()
{
    auto client = makeClient(QStringLiteral("not-a-secret"));
    const CallResult result = push(*client, test::phoneEndingIn('5'), QStringLiteral("ref"));
    QCOMPARE(result.failure, CallFailure::AuthRefused);
    QCOMPARE(result.httpStatus, 401);
    QVERIFY(result.message.contains(QStringLiteral("check Settings")));
    QVERIFY(!result.message.contains(QStringLiteral("not-a-secret")));
    QVERIFY(m_simulator->pushes().isEmpty());
}

void TestClientSimulator::everyScriptedCustomer_data()
{
    QTest::addColumn<char>("digit");
    QTest::addColumn<QString>("finalState");
    QTest::addColumn<QString>("failedCode");
    QTest::newRow("pays") << '5' << "COMPLETE"
                          << "";
    QTest::newRow("cancels") << '0' << "FAILED"
                             << "1032";
    QTest::newRow("too poor") << '1' << "FAILED"
                              << "1";
    QTest::newRow("wrong pin") << '2' << "FAILED"
                               << "2001";
    QTest::newRow("unreachable") << '3' << "FAILED"
                                 << "1037";
}

void TestClientSimulator::everyScriptedCustomer()
{
    QFETCH(char, digit);
    QFETCH(QString, finalState);
    QFETCH(QString, failedCode);
    auto client = makeClient();
    const CallResult pushed = push(*client, test::phoneEndingIn(digit), QStringLiteral("ref"));
    QVERIFY(pushed.ok());
    const QString id = pushed.invoice->invoiceId;

    QCOMPARE(status(*client, id).invoice->rawState, QStringLiteral("PENDING"));
    m_clock->advance(2s);
    QCOMPARE(status(*client, id).invoice->rawState, QStringLiteral("PROCESSING"));
    m_clock->advance(3s);
    const CallResult final = status(*client, id);
    QCOMPARE(final.invoice->rawState, finalState);
    QCOMPARE(final.invoice->failedCode, failedCode);
    if (finalState == u"COMPLETE") {
        QCOMPARE(final.invoice->mpesaReference.size(), 10);
        QVERIFY(final.invoice->failedReason.isEmpty());
    } else {
        QVERIFY(final.invoice->mpesaReference.isEmpty());
        QVERIFY(!final.invoice->failedReason.isEmpty());
    }
    QCOMPARE(final.invoice->value->cents(), 150000);
}

void TestClientSimulator::neverAnsweringCustomerStaysPending()
{
    auto client = makeClient();
    const CallResult pushed = push(*client, test::phoneEndingIn('9'), QStringLiteral("ref"));
    m_clock->advance(1h);
    QCOMPARE(status(*client, pushed.invoice->invoiceId).invoice->state, wire::RemoteState::Pending);
}

void TestClientSimulator::validationErrorIsRefusedWithItsText()
{
    ClientConfig config;
    config.baseUrl = m_simulator->baseUrl();
    config.publicKey = QStringLiteral("wrong-key");
    IntaSendClient client(m_network, config);
    const CallResult result = push(client, test::phoneEndingIn('5'), QStringLiteral("ref"));
    QCOMPARE(result.failure, CallFailure::Refused);
    QCOMPARE(result.httpStatus, 400);
    QCOMPARE(result.message, QStringLiteral("A valid public key is required."));
}

void TestClientSimulator::unknownInvoiceIsRefused()
{
    auto client = makeClient();
    const CallResult result = status(*client, QStringLiteral("NOPE"));
    QCOMPARE(result.failure, CallFailure::Refused);
    QCOMPARE(result.message, QStringLiteral("Invoice not found."));
}

void TestClientSimulator::stoppedSimulatorMeansNotSent()
{
    auto client = makeClient();
    m_simulator->close();
    const CallResult result = push(*client, test::phoneEndingIn('5'), QStringLiteral("ref"));
    QCOMPARE(result.failure, CallFailure::NotSent);
    QCOMPARE(result.httpStatus, 0);
    QVERIFY(result.message.contains(QStringLiteral("Could not reach IntaSend")));
}

void TestClientSimulator::silentServerTimesOutAsUncertain()
{
    test::CannedServer server; // takes the request, never answers
    server.on("/payment/", {test::CannedServer::Behaviour::Silent, 0, {}});
    ClientConfig config;
    config.baseUrl = QUrl(server.baseUrl());
    config.publicKey = QStringLiteral("ISPubKey_test_client");
    config.transferTimeout = 200ms;
    IntaSendClient client(m_network, config);
    const CallResult result = push(client, test::phoneEndingIn('5'), QStringLiteral("ref"));
    QCOMPARE(result.failure, CallFailure::Uncertain);
    QVERIFY2(result.message.contains(QStringLiteral("did not answer in time")), qPrintable(result.message));
    QCOMPARE(server.requestCount("/payment/collection/"), 1);
}

void TestClientSimulator::droppedConnectionIsNeverResent()
{
    // A server that reads a whole push and hangs up without answering, as a proxy or a crashing IntaSend
    // might. Qt retries a request on a dropped keep-alive connection by itself; a push must never be
    // sent twice. First warm a keep-alive connection (a busy till has one), then push.
    test::CannedServer server;
    server.answer("/payment/status/", R"({"invoice":{"id":1,"state":"PENDING"}})");
    server.on("/payment/collection/", {test::CannedServer::Behaviour::HangUp, 0, {}});
    ClientConfig config;
    config.baseUrl = QUrl(server.baseUrl());
    config.publicKey = QStringLiteral("ISPubKey_test_client");
    config.transferTimeout = 5s;
    IntaSendClient client(m_network, config);
    QVERIFY(status(client, QStringLiteral("1")).ok());
    const CallResult result = push(client, test::phoneEndingIn('5'), QStringLiteral("ref"));
    QCOMPARE(result.failure, CallFailure::Uncertain);
    QVERIFY2(result.message.contains(QStringLiteral("dropped")), qPrintable(result.message));
    QCOMPARE(server.requestCount("/payment/collection/"), 1);
}

QTEST_GUILESS_MAIN(TestClientSimulator)
#include "tst_client_simulator.moc"
