// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestStack.h"
#include "wire.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace lipa;
using namespace lipa::wire;

class TestWire : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesCollectionResponseFixture();
    void parsesStatusFixtureWithNumericId();
    void parsesStatusFixtureWithStringId();
    void parsesCurrentRoutePushResponse();
    void acceptsEveryStateSpelling_data();
    void acceptsEveryStateSpelling();
    void keepsUnknownStateRaw();
    void readsFailureFields();
    void rejectsMalformedAnswers_data();
    void rejectsMalformedAnswers();
    void buildsCollectionRequest();
    void buildsStkPushRequestWithNarrative();
    void buildsStatusRequest();
    void buildsCheckoutRequestsAndReadsTheAnswer();
    void refusesACheckoutAnswerItCannotUse_data();
    void refusesACheckoutAnswerItCannotUse();
    void aCheckoutNobodyPaidYetIsPending();
    void extractsMostSpecificErrorText_data();
    void extractsMostSpecificErrorText();
    void explainsMpesaResultCodes();
};

void TestWire::parsesCollectionResponseFixture()
{
    const auto invoice = parseInvoiceResponse(test::fixture(QStringLiteral("collection-response.json")));
    QVERIFY2(invoice.isOk(), qPrintable(invoice.error()));
    QCOMPARE(invoice->invoiceId, QStringLiteral("150"));
    QCOMPARE(invoice->rawState, QStringLiteral("PENDING"));
    QCOMPARE(invoice->state, RemoteState::Pending);
    QCOMPARE(invoice->value->cents(), 1000);
    QCOMPARE(invoice->provider, QStringLiteral("M-PESA"));
    QVERIFY(invoice->apiRef.isEmpty());         // null
    QVERIFY(invoice->failedReason.isEmpty());   // null
    QVERIFY(invoice->mpesaReference.isEmpty()); // absent
    QCOMPARE(invoice->createdAt.toUTC(), QDateTime(QDate(2020, 6, 26), QTime(10, 24, 47, 41),
                                                   Qt::UTC)); // .040822 rounds to the millisecond
}

void TestWire::parsesStatusFixtureWithNumericId()
{
    const auto invoice =
        parseInvoiceResponse(test::fixture(QStringLiteral("status-response-numeric-id.json")));
    QVERIFY2(invoice.isOk(), qPrintable(invoice.error()));
    QCOMPARE(invoice->invoiceId, QStringLiteral("10"));
    QCOMPARE(invoice->state, RemoteState::Pending);
    QCOMPARE(invoice->value->cents(), 1036);
    QCOMPARE(invoice->currency, QStringLiteral("KES"));
    QCOMPARE(invoice->apiRef, QStringLiteral("ISL_faa26ef9-eb08-4353-b125-ec6a8f022815"));
    QVERIFY(invoice->updatedAt.isValid());
}

void TestWire::parsesStatusFixtureWithStringId()
{
    const auto invoice =
        parseInvoiceResponse(test::fixture(QStringLiteral("status-response-string-id.json")));
    QVERIFY2(invoice.isOk(), qPrintable(invoice.error()));
    QCOMPARE(invoice->invoiceId, QStringLiteral("XMSLWOS"));
    QCOMPARE(invoice->state, RemoteState::Pending);
    QCOMPARE(invoice->value->cents(), 1036);
}

void TestWire::parsesCurrentRoutePushResponse()
{
    const QByteArray body =
        R"({"id":"5aec8e0b","invoice":{"invoice_id":"QWERTY1","state":"PENDING","value":1500,
        "api_ref":"abc"},"customer":{"phone_number":"254712345678"},"payment_link":null,"refundable":false,
        "created_at":"2024-01-01T10:00:00+03:00"})";
    const auto invoice = parseInvoiceResponse(body);
    QVERIFY2(invoice.isOk(), qPrintable(invoice.error()));
    QCOMPARE(invoice->invoiceId, QStringLiteral("QWERTY1"));
    QCOMPARE(invoice->value->cents(), 150000); // a number, not a string
    QCOMPARE(invoice->apiRef, QStringLiteral("abc"));
}

void TestWire::acceptsEveryStateSpelling_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<RemoteState>("state");
    QTest::newRow("PENDING") << "PENDING" << RemoteState::Pending;
    QTest::newRow("PROCESSING") << "PROCESSING" << RemoteState::Processing;
    QTest::newRow("RETRY") << "RETRY" << RemoteState::Retry;
    QTest::newRow("COMPLETE") << "COMPLETE" << RemoteState::Complete;
    QTest::newRow("COMPLETED") << "COMPLETED" << RemoteState::Complete;
    QTest::newRow("FAILED") << "FAILED" << RemoteState::Failed;
    QTest::newRow("lower case") << "complete" << RemoteState::Complete;
}

void TestWire::acceptsEveryStateSpelling()
{
    QFETCH(QString, text);
    QFETCH(RemoteState, state);
    QCOMPARE(parseRemoteState(text), state);
    const QByteArray body = R"({"invoice":{"invoice_id":"A","state":")" + text.toUtf8() + R"("}})";
    QCOMPARE(parseInvoiceResponse(body)->state, state);
}

void TestWire::keepsUnknownStateRaw()
{
    const auto invoice = parseInvoiceResponse(R"({"invoice":{"id":"A","state":"ON_HOLD"}})");
    QVERIFY(invoice.isOk());
    QCOMPARE(invoice->state, std::nullopt);
    QCOMPARE(invoice->rawState, QStringLiteral("ON_HOLD"));
}

void TestWire::readsFailureFields()
{
    // A numeric amount with a part of a cent is not an amount, as it would not be as a string.
    QCOMPARE(parseInvoiceResponse(R"({"invoice":{"id":1,"state":"PENDING","value":10.365}})")->value,
             std::nullopt);
    QCOMPARE(parseInvoiceResponse(R"({"invoice":{"id":1,"state":"PENDING","value":10.36}})")->value->cents(),
             1036);
    QCOMPARE(parseInvoiceResponse(R"({"invoice":{"id":1,"state":"PENDING","value":1e300}})")->value,
             std::nullopt);
    auto invoice = parseInvoiceResponse(R"({"invoice":{"invoice_id":"A","state":"FAILED","failed_code":1032,
        "failed_reason":"Request cancelled by user.","mpesa_reference":null}})");
    QVERIFY(invoice.isOk());
    QCOMPARE(invoice->failedCode, QStringLiteral("1032"));
    QCOMPARE(invoice->failedReason, QStringLiteral("Request cancelled by user."));
    invoice = parseInvoiceResponse(R"({"invoice":{"invoice_id":"A","state":"COMPLETE","failed_code":"0",
        "mpesa_reference":"QKL4AB12CD"}})");
    QCOMPARE(invoice->failedCode, QStringLiteral("0"));
    QCOMPARE(invoice->mpesaReference, QStringLiteral("QKL4AB12CD"));
}

void TestWire::rejectsMalformedAnswers_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reasonContains");
    QTest::newRow("empty") << QByteArray() << "not JSON";
    QTest::newRow("html") << QByteArray("<html><body>502 Bad Gateway</body></html>") << "not JSON";
    QTest::newRow("truncated") << QByteArray(R"({"invoice":{"id":15)") << "not JSON";
    QTest::newRow("array") << QByteArray("[1,2]") << "without an invoice";
    QTest::newRow("no invoice") << QByteArray(R"({"detail":"ok"})") << "without an invoice";
    QTest::newRow("invoice not object") << QByteArray(R"({"invoice":"XMSLWOS"})") << "without an invoice";
    QTest::newRow("no id") << QByteArray(R"({"invoice":{"state":"PENDING"}})") << "without an id";
    QTest::newRow("id is object") << QByteArray(R"({"invoice":{"id":{},"state":"PENDING"}})")
                                  << "without an id";
    QTest::newRow("id is null") << QByteArray(R"({"invoice":{"id":null,"state":"PENDING"}})")
                                << "without an id";
    QTest::newRow("id is bool") << QByteArray(R"({"invoice":{"id":true,"state":"PENDING"}})")
                                << "without an id";
    QTest::newRow("id blank") << QByteArray(R"({"invoice":{"id":"  ","state":"PENDING"}})")
                              << "without an id";
    QTest::newRow("no state") << QByteArray(R"({"invoice":{"id":1}})") << "without a state";
    QTest::newRow("state number") << QByteArray(R"({"invoice":{"id":1,"state":3}})") << "without a state";
    QTest::newRow("id too large") << QByteArray(R"({"invoice":{"id":1e20,"state":"PENDING"}})")
                                  << "without an id";
    QTest::newRow("id fractional") << QByteArray(R"({"invoice":{"id":150.5,"state":"PENDING"}})")
                                   << "without an id";
    QTest::newRow("id negative") << QByteArray(R"({"invoice":{"id":-3,"state":"PENDING"}})")
                                 << "without an id";
}

void TestWire::rejectsMalformedAnswers()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, reasonContains);
    const auto invoice = parseInvoiceResponse(body);
    QVERIFY(!invoice.isOk());
    QVERIFY2(invoice.error().contains(reasonContains), qPrintable(invoice.error()));
}

void TestWire::buildsCollectionRequest()
{
    const ChargeRequest request{Money::fromShillings(1500),
                                PhoneNumber::parse(QStringLiteral("0712345678")).value(),
                                QStringLiteral("ref-1"), QStringLiteral("Duka")};
    const QJsonObject body = QJsonDocument::fromJson(buildStkPushBody(QStringLiteral("ISPubKey_test_x"),
                                                                      request, StkRoute::Collection))
                                 .object();
    QCOMPARE(body.value(QStringLiteral("public_key")).toString(), QStringLiteral("ISPubKey_test_x"));
    QCOMPARE(body.value(QStringLiteral("currency")).toString(), QStringLiteral("KES"));
    QCOMPARE(body.value(QStringLiteral("method")).toString(), QStringLiteral("M-PESA"));
    QVERIFY(body.value(QStringLiteral("amount")).isDouble());
    QCOMPARE(body.value(QStringLiteral("amount")).toInteger(), 1500);
    QCOMPARE(body.value(QStringLiteral("phone_number")).toString(), QStringLiteral("254712345678"));
    QCOMPARE(body.value(QStringLiteral("api_ref")).toString(), QStringLiteral("ref-1"));
    QVERIFY(!body.contains(QStringLiteral("narrative"))); // the collection route does not take one
    QCOMPARE(stkPushPath(StkRoute::Collection), QStringLiteral("/api/v1/payment/collection/"));
    // The amount is written as an integer, never "1500.0".
    QVERIFY(
        buildStkPushBody(QStringLiteral("k"), request, StkRoute::Collection).contains("\"amount\":1500,"));
}

void TestWire::buildsStkPushRequestWithNarrative()
{
    const ChargeRequest request{Money::fromShillings(1),
                                PhoneNumber::parse(QStringLiteral("0112345678")).value(),
                                QStringLiteral("ref-2"), QStringLiteral("Duka la Mama")};
    const QJsonObject body =
        QJsonDocument::fromJson(buildStkPushBody(QStringLiteral("k"), request, StkRoute::StkPush)).object();
    QCOMPARE(body.value(QStringLiteral("narrative")).toString(), QStringLiteral("Duka la Mama"));
    QCOMPARE(body.value(QStringLiteral("phone_number")).toString(), QStringLiteral("254112345678"));
    QCOMPARE(stkPushPath(StkRoute::StkPush), QStringLiteral("/api/v1/payment/mpesa-stk-push/"));
}

void TestWire::buildsStatusRequest()
{
    const QJsonObject body =
        QJsonDocument::fromJson(buildStatusBody(QStringLiteral("ISPubKey_test_x"), QStringLiteral("XMSLWOS")))
            .object();
    QCOMPARE(body.value(QStringLiteral("public_key")).toString(), QStringLiteral("ISPubKey_test_x"));
    QCOMPARE(body.value(QStringLiteral("invoice_id")).toString(), QStringLiteral("XMSLWOS"));
    QCOMPARE(statusPath(), QStringLiteral("/api/v1/payment/status/"));
}

void TestWire::buildsCheckoutRequestsAndReadsTheAnswer()
{
    const QJsonObject body =
        QJsonDocument::fromJson(
            buildCheckoutBody(QStringLiteral("ISPubKey_test_x"),
                              {Money::fromShillings(2500), *PhoneNumber::parse(QStringLiteral("0712345678")),
                               QStringLiteral("ref-1")}))
            .object();
    QCOMPARE(checkoutPath(), QStringLiteral("/api/v1/checkout/"));
    QCOMPARE(body.value(QStringLiteral("public_key")).toString(), QStringLiteral("ISPubKey_test_x"));
    QCOMPARE(body.value(QStringLiteral("amount")).toDouble(), 2500.0);
    QCOMPARE(body.value(QStringLiteral("currency")).toString(), QStringLiteral("KES"));
    QCOMPARE(body.value(QStringLiteral("phone_number")).toString(), QStringLiteral("254712345678"));
    QCOMPARE(body.value(QStringLiteral("api_ref")).toString(), QStringLiteral("ref-1"));
    // The business pays the fees: the customer pays the amount on the screen.
    QCOMPARE(body.value(QStringLiteral("card_tarrif")).toString(), QStringLiteral("BUSINESS-PAYS"));
    QCOMPARE(body.value(QStringLiteral("mobile_tarrif")).toString(), QStringLiteral("BUSINESS-PAYS"));
    QVERIFY(!body.contains(QStringLiteral("method"))); // the customer chooses card or M-Pesa on the page

    const Result<Checkout> checkout = parseCheckoutResponse(
        R"({"id": 4021, "url": "https://sandbox.intasend.com/checkout/4021/express/", "signature": "ab12",
            "amount": "2500.00", "paid": false})");
    QVERIFY2(checkout, qPrintable(checkout.error()));
    QCOMPARE(checkout.value().id, QStringLiteral("4021")); // a number becomes its text
    QCOMPARE(checkout.value().url, QStringLiteral("https://sandbox.intasend.com/checkout/4021/express/"));
    QCOMPARE(checkout.value().signature, QStringLiteral("ab12"));

    // The status call: by checkout and signature until the invoice is known, then by invoice.
    QJsonObject status = QJsonDocument::fromJson(
                             buildStatusBody(QStringLiteral("ISPubKey_test_x"),
                                             StatusKey{{}, QStringLiteral("4021"), QStringLiteral("ab12")}))
                             .object();
    QCOMPARE(status.value(QStringLiteral("checkout_id")).toString(), QStringLiteral("4021"));
    QCOMPARE(status.value(QStringLiteral("signature")).toString(), QStringLiteral("ab12"));
    QVERIFY(!status.contains(QStringLiteral("invoice_id")));
    status =
        QJsonDocument::fromJson(buildStatusBody(QStringLiteral("ISPubKey_test_x"),
                                                StatusKey{QStringLiteral("XMSLWOS"), QStringLiteral("4021"),
                                                          QStringLiteral("ab12")}))
            .object();
    QCOMPARE(status.value(QStringLiteral("invoice_id")).toString(), QStringLiteral("XMSLWOS"));
    QVERIFY(!status.contains(QStringLiteral("signature"))); // not sent where it is not needed
}

void TestWire::refusesACheckoutAnswerItCannotUse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not json") << QByteArray("<html>");
    QTest::newRow("no id") << QByteArray(R"({"url":"https://x.example/c/","signature":"s"})");
    QTest::newRow("no signature") << QByteArray(R"({"id":"1","url":"https://x.example/c/"})");
    QTest::newRow("no url") << QByteArray(R"({"id":"1","signature":"s"})");
    QTest::newRow("javascript url") << QByteArray(
        R"j({"id":"1","url":"javascript:alert(1)","signature":"s"})j");
    QTest::newRow("relative url") << QByteArray(R"({"id":"1","url":"/checkout/1/","signature":"s"})");
}

void TestWire::refusesACheckoutAnswerItCannotUse()
{
    QFETCH(QByteArray, body);
    QVERIFY(!parseCheckoutResponse(body));
}

void TestWire::aCheckoutNobodyPaidYetIsPending()
{
    for (const QByteArray& body :
         {QByteArray(R"({"invoice": null, "meta": {}})"), QByteArray(R"({"meta": {}})")}) {
        const Result<Invoice> invoice = parseCheckoutStatusResponse(body);
        QVERIFY2(invoice, body.constData());
        QCOMPARE(invoice.value().state, RemoteState::Pending);
        QVERIFY(invoice.value().invoiceId.isEmpty());
    }
    // With an invoice, it is read as any status answer (the documented sample).
    const Result<Invoice> invoice =
        parseCheckoutStatusResponse(test::fixture(QStringLiteral("status-response-string-id.json")));
    QVERIFY2(invoice, qPrintable(invoice.error()));
    QCOMPARE(invoice.value().invoiceId, QStringLiteral("XMSLWOS"));
    QVERIFY(!parseCheckoutStatusResponse("not json"));
}

void TestWire::extractsMostSpecificErrorText_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");
    QTest::newRow("detail") << QByteArray(R"({"detail":"Invalid token."})") << "Invalid token.";
    QTest::newRow("errors") << QByteArray(R"({"type":"validation_error","errors":[{"code":"invalid",
        "detail":"Enter a valid phone number.","attr":"phone_number"}]})")
                            << "Enter a valid phone number.";
    QTest::newRow("two errors") << QByteArray(R"({"errors":[{"detail":"A"},{"detail":"B"}],"detail":"C"})")
                                << "A; B";
    QTest::newRow("message") << QByteArray(R"({"message":"Slow down"})") << "Slow down";
    QTest::newRow("errors beat detail")
        << QByteArray(R"({"detail":"general","errors":[{"detail":"specific"}]})") << "specific";
    QTest::newRow("html") << QByteArray("<html>Service Unavailable</html>") << "";
    QTest::newRow("empty") << QByteArray() << "";
    QTest::newRow("errors wrong type") << QByteArray(R"({"errors":"nope","message":"m"})") << "m";
}

void TestWire::extractsMostSpecificErrorText()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    QCOMPARE(parseErrorBody(body), text);
}

void TestWire::explainsMpesaResultCodes()
{
    QCOMPARE(cashierFailureMessage(QStringLiteral("1032"), QStringLiteral("Request cancelled by user.")),
             QStringLiteral("Customer cancelled the request"));
    QVERIFY(cashierFailureMessage(QStringLiteral("1"), {}).contains(QStringLiteral("balance is too low")));
    QVERIFY(cashierFailureMessage(QStringLiteral("2001"), {}).contains(QStringLiteral("Wrong M-Pesa PIN")));
    QVERIFY(
        cashierFailureMessage(QStringLiteral("1037"), {}).contains(QStringLiteral("could not be reached")));
    QVERIFY(cashierFailureMessage(QStringLiteral("1019"), {}).contains(QStringLiteral("expired")));
    QVERIFY(cashierFailureMessage(QStringLiteral("1001"), {}).contains(QStringLiteral("another M-Pesa")));
    for (const char* code : {"17", "26", "1025", "9999"})
        QVERIFY(
            cashierFailureMessage(QString::fromLatin1(code), {}).contains(QStringLiteral("system error")));
    QCOMPARE(cashierFailureMessage(QStringLiteral("4242"), QStringLiteral("Something odd")),
             QStringLiteral("Something odd"));
    QVERIFY(!cashierFailureMessage({}, {}).isEmpty());
}

QTEST_GUILESS_MAIN(TestWire)
#include "tst_wire.moc"
