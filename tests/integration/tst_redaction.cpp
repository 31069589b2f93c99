// SPDX-License-Identifier: GPL-3.0-or-later
#include "CannedServer.h"
#include "ReconcileReport.h"
#include "TestStack.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

using namespace lipa;
using namespace std::chrono_literals;
using test::CannedServer;

Q_DECLARE_METATYPE(lipa::test::CannedServer::Behaviour)

namespace {

// Keys nobody would type by chance: ten characters of either, anywhere, is a leak.
const QString kPublicKey = QStringLiteral("ISPubKey_test_ECHO-pub-8Wd");
const QString kSecretKey = QStringLiteral("ISSecretKey_test_ECHO-sec-4Kq");

QString g_log; // every message logged, at every level

void captureMessage(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    g_log += QString::fromLatin1(context.category ? context.category : "") + u' ' + message + u'\n';
}

QString leakIn(const QString& text)
{
    for (const QString& key : {kPublicKey, kSecretKey}) {
        for (qsizetype at = 0; at + 10 <= key.size(); ++at) {
            if (text.contains(key.mid(at, 10)))
                return key.mid(at, 10);
        }
    }
    return {};
}

} // namespace

// A server that echoes the till's requests back (a debug page, a misconfigured proxy) on every route
// the till calls, with every kind of answer: the keys must reach neither the log (at any level), nor the
// journal, nor what the cashier or the owner is shown.
class TestRedaction : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void echoedPushLeaksNothing_data();
    void echoedPushLeaksNothing();
    void echoedStatusCheckLeaksNothing();
    void keyInsideAnInvoiceLeaksNothing();
    void echoedConnectionTestLeaksNothing_data();
    void echoedConnectionTestLeaksNothing();
    void echoedRecordsAndRefundsLeakNothing_data();
    void echoedRecordsAndRefundsLeakNothing();

private:
    QtMessageHandler m_previous = nullptr;
};

void TestRedaction::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true\nlipa.*=true"));
    m_previous = qInstallMessageHandler(captureMessage);
}

void TestRedaction::cleanupTestCase()
{
    qInstallMessageHandler(m_previous);
}

void TestRedaction::init()
{
    g_log.clear();
}

void TestRedaction::echoedPushLeaksNothing_data()
{
    QTest::addColumn<CannedServer::Behaviour>("echo");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("padding"); // bytes before the echo: moves the key across the log's 512-byte cut
    for (int status : {400, 200, 502}) {
        for (int padding : {0, 300, 380, 420, 460, 500})
            QTest::addRow("HTTP %d, %d bytes before", status, padding)
                << CannedServer::Behaviour::Echo << status << padding;
        QTest::addRow("HTTP %d, as IntaSend's error body", status)
            << CannedServer::Behaviour::EchoAsJson << status << 0;
    }
}

void TestRedaction::echoedPushLeaksNothing()
{
    QFETCH(CannedServer::Behaviour, echo);
    QFETCH(int, status);
    QFETCH(int, padding);
    CannedServer server;
    server.on("/", {echo, status, QByteArray(padding, '.')});
    test::TestStack t(Settings{}, [&](ClientConfig& config) {
        config.baseUrl = QUrl(server.baseUrl());
        config.publicKey = kPublicKey;
        config.secretKey = kSecretKey;
    });
    const QString ref = t.till().charge(Money::fromShillings(150), test::phoneEndingIn('5'));
    QVERIFY(!ref.isEmpty());
    QVERIFY(t.waitForNetwork());
    QCOMPARE(server.requestCount("/api/v1/payment/"), 1);
    const Payment payment = *t.journal().find(ref);
    QVERIFY2(payment.state == PaymentState::Rejected || payment.state == PaymentState::Unknown,
             qPrintable(stateKey(payment.state)));
    QString stored = payment.failureMessage;
    for (const PaymentEvent& event : t.journal().events(ref))
        stored += event.detail + event.remoteState;
    QVERIFY2(stored.contains(QStringLiteral("HTTP")) || status == 200, qPrintable(stored)); // it was kept
    QVERIFY2(leakIn(stored).isEmpty(), qPrintable(QStringLiteral("journal: ") + stored));
    QVERIFY2(leakIn(g_log).isEmpty(), qPrintable(QStringLiteral("log: ") + g_log));
}

void TestRedaction::echoedStatusCheckLeaksNothing()
{
    CannedServer server;
    server.on("/", {CannedServer::Behaviour::Echo, 400, {}});
    server.answer("/api/v1/payment/mpesa-stk-push/",
                  R"({"invoice":{"invoice_id":"ECHO1","state":"PENDING","value":150}})");
    test::TestStack t(Settings{}, [&](ClientConfig& config) {
        config.baseUrl = QUrl(server.baseUrl());
        config.publicKey = kPublicKey;
        config.secretKey = kSecretKey;
    });
    const QString ref = t.till().charge(Money::fromShillings(150), test::phoneEndingIn('5'));
    QVERIFY(t.advanceUntil([&] { return server.requestCount("/api/v1/payment/status/") >= 2; }, 30s));
    QString stored;
    for (const PaymentEvent& event : t.journal().events(ref))
        stored += event.detail;
    QVERIFY2(leakIn(stored).isEmpty(), qPrintable(stored));
    QVERIFY2(g_log.contains(QStringLiteral("/api/v1/payment/status/")), "the failed checks were logged");
    QVERIFY2(leakIn(g_log).isEmpty(), qPrintable(g_log));
    QVERIFY2(leakIn(t.health().trouble()).isEmpty(), qPrintable(t.health().trouble()));
}

void TestRedaction::keyInsideAnInvoiceLeaksNothing()
{
    // A proxy that puts the key into the invoice itself: its reference (shown in the notice about a
    // foreign answer), its id and its reason (both journaled).
    CannedServer server;
    server.answer("/api/v1/payment/mpesa-stk-push/",
                  QStringLiteral(R"({"invoice":{"invoice_id":"INV-%1","state":"FAILED","value":150,)"
                                 R"("api_ref":"%1","failed_reason":"bad %1"}})")
                      .arg(kSecretKey)
                      .toUtf8());
    test::TestStack t(Settings{}, [&](ClientConfig& config) {
        config.baseUrl = QUrl(server.baseUrl());
        config.publicKey = kPublicKey;
        config.secretKey = kSecretKey;
    });
    QSignalSpy notices(&t.till(), &Till::notice);
    const QString ref = t.till().charge(Money::fromShillings(150), test::phoneEndingIn('5'));
    QVERIFY(t.waitForNetwork());
    QVERIFY(!notices.isEmpty()); // the answer named another payment: the cashier is told
    QString shown;
    for (const QList<QVariant>& notice : std::as_const(notices))
        shown += notice.first().toString();
    const Payment payment = *t.journal().find(ref);
    QString stored = payment.invoiceId + payment.failureMessage;
    for (const PaymentEvent& event : t.journal().events(ref))
        stored += event.detail + event.remoteState;
    QVERIFY2(leakIn(shown).isEmpty(), qPrintable(shown));
    QVERIFY2(leakIn(stored).isEmpty(), qPrintable(stored));
    QVERIFY2(leakIn(g_log).isEmpty(), qPrintable(g_log));
}

void TestRedaction::echoedConnectionTestLeaksNothing_data()
{
    QTest::addColumn<bool>("withSecret");
    QTest::addColumn<int>("status");
    for (bool withSecret : {true, false}) {
        for (int status : {400, 401, 404, 502})
            QTest::addRow("%s, HTTP %d", withSecret ? "secret" : "public key only", status)
                << withSecret << status;
    }
}

void TestRedaction::echoedConnectionTestLeaksNothing()
{
    QFETCH(bool, withSecret);
    QFETCH(int, status);
    CannedServer server;
    // The echo inside IntaSend's error body, where the connection test reads its message from.
    server.on("/", {CannedServer::Behaviour::EchoAsJson, status, "you sent: "});
    QNetworkAccessManager network;
    ClientConfig config;
    config.baseUrl = QUrl(server.baseUrl());
    config.publicKey = kPublicKey;
    config.secretKey = withSecret ? kSecretKey : QString();
    IntaSendClient client(network, config);
    std::optional<IntaSendClient::ConnectionTest> result;
    client.testConnection(this, [&](const IntaSendClient::ConnectionTest& test) { result = test; });
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok);
    // The echo reached the message the owner reads (where IntaSend's words are shown), redacted.
    QVERIFY2(status == 404 || status >= 500 || result->message.contains(QStringLiteral("you sent")),
             qPrintable(result->message));
    QVERIFY2(leakIn(result->message).isEmpty(), qPrintable(result->message));
    QVERIFY2(leakIn(g_log).isEmpty(), qPrintable(g_log));
}

void TestRedaction::echoedRecordsAndRefundsLeakNothing_data()
{
    QTest::addColumn<CannedServer::Behaviour>("echo");
    QTest::addColumn<int>("status");
    for (int status : {400, 200, 502}) {
        QTest::addRow("HTTP %d", status) << CannedServer::Behaviour::Echo << status;
        QTest::addRow("HTTP %d, as IntaSend's error body", status)
            << CannedServer::Behaviour::EchoAsJson << status;
    }
}

void TestRedaction::echoedRecordsAndRefundsLeakNothing()
{
    // The routes IntaSend's records added: the invoice list (reconciling, finding a lost payment) and
    // refund requests (filing one, following it).
    QFETCH(CannedServer::Behaviour, echo);
    QFETCH(int, status);
    CannedServer server;
    server.on("/", {echo, status, {}});
    server.answer(
        "/api/v1/payment/mpesa-stk-push/",
        R"({"invoice":{"invoice_id":"ECHO2","state":"COMPLETE","value":150,"mpesa_reference":"QXECHO1"}})");
    test::TestStack t(Settings{}, [&](ClientConfig& config) {
        config.baseUrl = QUrl(server.baseUrl());
        config.publicKey = kPublicKey;
        config.secretKey = kSecretKey;
    });
    const QString ref = t.till().charge(Money::fromShillings(150), test::phoneEndingIn('5'));
    QVERIFY(t.waitForNetwork());
    QCOMPARE(t.journal().find(ref)->state, PaymentState::Complete);

    const Result<Refund> asked =
        t.stack->refunds.request(ref, Money::fromShillings(150), RefundDesk::reasons().first(), {});
    QVERIFY2(asked, qPrintable(asked.error()));
    QVERIFY(t.waitForNetwork());
    QCOMPARE(server.requestCount("/api/v1/chargebacks/"), 1);
    const Refund refund = *t.journal().refunds().find(asked->id);
    QVERIFY2(refund.state == RefundState::Refused || refund.state == RefundState::Unconfirmed,
             qPrintable(refundStateKey(refund.state)));
    const QString refundText = refund.message + refund.rawStatus + refund.resolution + refund.chargebackId;
    QVERIFY2(leakIn(refundText).isEmpty(), qPrintable(QStringLiteral("refund: ") + refundText));

    QSignalSpy finished(&t.stack->reconciler, &Reconciler::finished);
    QSignalSpy notices(&t.stack->reconciler, &Reconciler::notice);
    QVERIFY(t.stack->reconciler.start(t.clock.now().addSecs(-3600), t.clock.now().addSecs(1)));
    QVERIFY(t.advanceUntil([&] { return !finished.isEmpty(); }, 10min, 1s));
    QVERIFY(server.requestCount("/api/v1/invoices/") >= 1);
    const Reconciliation r = finished.first().first().value<Reconciliation>();
    QVERIFY(!r.summary.complete);
    QString shown =
        r.summary.incompleteReason + ReconcileReport::toHtml(r) + ReconcileReport::summaryText(r.summary);
    for (const QList<QVariant>& notice : std::as_const(notices))
        shown += notice.first().toString();
    QVERIFY2(leakIn(shown).isEmpty(), qPrintable(QStringLiteral("shown: ") + shown));
    const std::optional<Reconciliation> kept = t.journal().reconciliations().find(r.id);
    QVERIFY(kept);
    QVERIFY2(leakIn(kept->summary.incompleteReason).isEmpty(), qPrintable(kept->summary.incompleteReason));
    QVERIFY2(g_log.contains(QStringLiteral("/api/v1/chargebacks/")), "the refused request was logged");
    QVERIFY2(leakIn(g_log).isEmpty(), qPrintable(QStringLiteral("log: ") + g_log));
}

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"
