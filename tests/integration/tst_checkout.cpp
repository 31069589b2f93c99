// SPDX-License-Identifier: GPL-3.0-or-later
#include "CsvFormat.h"
#include "ShiftReport.h"
#include "TestStack.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lipa;
using namespace std::chrono_literals;

// Card/QR payments through IntaSend's checkout, end to end against the simulator over loopback HTTP: the
// checkout journaled before it is asked for, its page opened and paid (or cancelled) as a customer's phone
// would, the status followed by checkout id and signature, and what the report and CSV say of it.
class TestCheckout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void paidByCardOnThePage();
    void cancelledOnThePageIsNotPaid();
    void journaledBeforeTheCheckoutIsAskedFor();
    void aCheckoutIntaSendDidNotMakeChargedNothing();
    void followedAgainAfterARestart();
    void statusWithAWrongSignatureIsRefused();
    void pagesServedForPhonesOnTheNetworkAndNothingElse();
    void waitedForLongerThanAPromptAndNeverSentAgain();
    void paidOnThePageAfterCashIsCaughtAsPaidTwice();

private:
    // What a phone's browser does on the checkout page: GET it, or POST one of its buttons.
    static QByteArray open(const QString& url, const QByteArray& button = {}, int* status = nullptr);
};

QByteArray TestCheckout::open(const QString& url, const QByteArray& button, int* status)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(url + QString::fromLatin1(button)));
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply* reply = button.isEmpty() ? network.get(request) : network.post(request, QByteArray());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(5000))
        return {};
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

void TestCheckout::paidByCardOnThePage()
{
    test::TestStack t;
    const std::optional<Shift> shift = t.shifts().open(QStringLiteral("Akinyi"));
    const QString ref = t.till().chargeByCheckout(Money::fromShillings(2500), test::phoneEndingIn('5'));
    QVERIFY(!ref.isEmpty());
    QVERIFY(t.waitForNetwork());
    Payment payment = *t.journal().find(ref);
    QCOMPARE(payment.state, PaymentState::Pending);
    QVERIFY(payment.isCheckout());
    QVERIFY(!payment.checkoutId.isEmpty());
    QVERIFY(!payment.checkoutSignature.isEmpty());
    QVERIFY(payment.invoiceId.isEmpty()); // not known until the status answer
    QCOMPARE(t.simulator.checkouts().size(), 1);
    QCOMPARE(t.simulator.checkouts().value(payment.checkoutId).apiRef, ref);
    QCOMPARE(t.simulator.checkouts().value(payment.checkoutId).amountShillings, 2500);
    QVERIFY(t.simulator.pushes().isEmpty()); // no M-Pesa prompt
    // The page the QR code opens shows the amount and the ways to pay.
    const QByteArray page = open(payment.checkoutUrl);
    QVERIFY2(page.contains("KES 2,500") && page.contains("Pay by card"), page.constData());
    // Nothing paid yet: the till keeps asking, by checkout id and signature.
    t.clock.advance(10s);
    QVERIFY(t.waitForNetwork());
    QVERIFY(t.simulator.statusRequestCount() >= 1);
    QCOMPARE(t.journal().find(ref)->state, PaymentState::Pending);
    // The customer pays by card on their phone.
    int status = 0;
    QVERIFY(open(payment.checkoutUrl, "pay-card", &status).contains("Paid"));
    QCOMPARE(status, 200);
    QVERIFY(t.advanceUntil([&] { return t.journal().find(ref)->state == PaymentState::Complete; }, 2min));
    payment = *t.journal().find(ref);
    QVERIFY(!payment.invoiceId.isEmpty());   // learnt from the status answer, for refunds and reconciling
    QVERIFY(payment.mpesaReceipt.isEmpty()); // a card has no M-Pesa code
    QCOMPARE(t.pushesOnceIdle(), 0);
    // Paid twice? The page refuses a second payment.
    open(payment.checkoutUrl, "pay-mpesa", &status);
    QCOMPARE(status, 409);
    // The report has it in its own line; the CSV says how it was paid.
    const ShiftReport x = ShiftReport::build(t.journal(), *shift, ShiftReport::Kind::X, {}, t.clock.now());
    QCOMPARE(x.cardTotal, Money::fromShillings(2500));
    QCOMPARE(x.cardCount, 1);
    QCOMPARE(x.mpesaTotal, Money{});
    QCOMPARE(x.takenTotal(), Money::fromShillings(2500));
    QVERIFY(x.toPlainText().contains(QStringLiteral("Paid by card/QR × 1: KES 2,500")));
    const QStringList header = CsvFormat::header();
    const QStringList row = CsvFormat::row(payment);
    QCOMPARE(row.at(header.indexOf(QStringLiteral("method"))), QStringLiteral("card/qr"));
}

void TestCheckout::cancelledOnThePageIsNotPaid()
{
    test::TestStack t;
    const QString ref = t.till().chargeByCheckout(Money::fromShillings(900), test::phoneEndingIn('5'));
    QVERIFY(t.waitForNetwork());
    QVERIFY(open(t.journal().find(ref)->checkoutUrl, "cancel").contains("Cancelled"));
    QVERIFY(t.advanceUntil([&] { return t.journal().find(ref)->state == PaymentState::Failed; }, 2min));
    QVERIFY2(t.journal().find(ref)->failureMessage.contains(QStringLiteral("cancelled")),
             qPrintable(t.journal().find(ref)->failureMessage));
}

void TestCheckout::journaledBeforeTheCheckoutIsAskedFor()
{
    test::TestStack t;
    Payment atRecording;
    connect(&t.till(), &Till::paymentRecorded, this, [&](const Payment& p) {
        atRecording = *t.journal().find(p.localRef); // durably there before the request leaves
    });
    const QString ref = t.till().chargeByCheckout(Money::fromShillings(1200), test::phoneEndingIn('5'));
    QCOMPARE(atRecording.localRef, ref);
    QCOMPARE(atRecording.state, PaymentState::Sending);
    QVERIFY(atRecording.isCheckout());
    QVERIFY(t.simulator.checkouts().isEmpty());
    QVERIFY(t.waitForNetwork());
    QCOMPARE(t.simulator.checkouts().size(), 1);
}

void TestCheckout::aCheckoutIntaSendDidNotMakeChargedNothing()
{
    test::TestStack t;
    t.simulator.close(); // IntaSend unreachable
    const QString ref = t.till().chargeByCheckout(Money::fromShillings(700), test::phoneEndingIn('5'));
    QVERIFY(t.waitForNetwork());
    QTRY_COMPARE(t.journal().find(ref)->state, PaymentState::Rejected);
    QVERIFY2(t.journal().find(ref)->failureMessage.contains(QStringLiteral("Nothing was charged")),
             qPrintable(t.journal().find(ref)->failureMessage));
    QVERIFY(t.journal().find(ref)->checkoutUrl.isEmpty()); // nobody was shown a page
}

void TestCheckout::followedAgainAfterARestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    Journal::OpenError error;
    test::TestStack t({}, QString(), Journal::open(path, &error));
    const QString ref = t.till().chargeByCheckout(Money::fromShillings(3100), test::phoneEndingIn('5'));
    QVERIFY(t.waitForNetwork());
    const QString url = t.journal().find(ref)->checkoutUrl;
    QVERIFY(!url.isEmpty());
    // The till stops; the customer pays meanwhile; the till starts again on the same journal.
    t.stack.reset();
    QVERIFY(open(url, "pay-mpesa").contains("Paid"));
    t.stack =
        test::TestStack::stackFor(t.clock, t.simulator.baseUrl().toString(),
                                  QStringLiteral("ISPubKey_test_unit"), 10s, Journal::open(path, &error));
    const Payment reopened = *t.journal().find(ref);
    QVERIFY(reopened.isCheckout());
    QCOMPARE(reopened.checkoutUrl, url);
    t.till().resume();
    QVERIFY(t.advanceUntil([&] { return t.journal().find(ref)->state == PaymentState::Complete; }, 2min));
    // Paid by M-Pesa on the page: the code from M-Pesa comes with it.
    QCOMPARE(t.journal().find(ref)->mpesaReceipt.size(), 10);
}

void TestCheckout::statusWithAWrongSignatureIsRefused()
{
    test::TestStack t;
    const QString ref = t.till().chargeByCheckout(Money::fromShillings(800), test::phoneEndingIn('5'));
    QVERIFY(t.waitForNetwork());
    Payment payment = *t.journal().find(ref);
    IntaSendClient& client = t.stack->client;
    std::optional<CallResult> answer;
    client.checkStatus(wire::StatusKey{{}, payment.checkoutId, QStringLiteral("forged")}, this,
                       [&](const CallResult& r) { answer = r; });
    QTRY_VERIFY(answer.has_value());
    QCOMPARE(answer->failure, CallFailure::Refused);
    QCOMPARE(answer->httpStatus, 400);
    answer.reset();
    client.checkStatus(wire::StatusKey{{}, payment.checkoutId, payment.checkoutSignature}, this,
                       [&](const CallResult& r) { answer = r; });
    QTRY_VERIFY(answer.has_value());
    QVERIFY(answer->ok());
    QCOMPARE(answer->invoice->apiRef, ref);
    QCOMPARE(answer->invoice->rawState, QStringLiteral("PENDING"));
}

void TestCheckout::pagesServedForPhonesOnTheNetworkAndNothingElse()
{
    // LIPA_TILL_DEMO_LAN in demo mode: the pages on another address (here loopback again, on its own port).
    test::TestStack t;
    QVERIFY(t.simulator.servePagesOn(QHostAddress(QHostAddress::LocalHost)));
    const QString ref = t.till().chargeByCheckout(Money::fromShillings(650), test::phoneEndingIn('5'));
    QVERIFY(t.waitForNetwork());
    const QUrl page(t.journal().find(ref)->checkoutUrl);
    QVERIFY(page.port() != t.simulator.port());
    int status = 0;
    QVERIFY(open(page.toString(), {}, &status).contains("KES 650"));
    QCOMPARE(status, 200);
    // The API is not there: only the pages.
    QUrl api = page;
    api.setPath(QStringLiteral("/api/v1/payment/status/"));
    open(api.toString(), "", &status);
    QCOMPARE(status, 404);
    QVERIFY(open(page.toString(), "pay-card").contains("Paid"));
    QVERIFY(t.advanceUntil([&] { return t.journal().find(ref)->state == PaymentState::Complete; }, 2min));
}

void TestCheckout::waitedForLongerThanAPromptAndNeverSentAgain()
{
    // Typing a card's details takes longer than an M-Pesa prompt lasts: the page is followed for
    // PaymentRules::kCheckoutLifetime (15 min), not the prompt's 3 minutes.
    test::TestStack t;
    const QString ref = t.till().chargeByCheckout(Money::fromShillings(5400), test::phoneEndingIn('5'));
    QVERIFY(t.waitForNetwork());
    QVERIFY(t.advanceUntil([&] { return t.clock.now() >= t.journal().find(ref)->createdAt.addSecs(5 * 60); },
                           6min, 5s));
    QCOMPARE(t.journal().find(ref)->state, PaymentState::Pending); // not Expired at 3 minutes
    QVERIFY(t.poller().isWatching(ref));
    const int checksBefore = t.simulator.statusRequestCount();
    // Not paid in 15 minutes: Expired, and polling stops.
    QVERIFY(
        t.advanceUntil([&] { return t.journal().find(ref)->state == PaymentState::Expired; }, 12min, 10s));
    QVERIFY(t.simulator.statusRequestCount() > checksBefore);
    QVERIFY2(t.journal().find(ref)->failureMessage.contains(QStringLiteral("15 minutes")),
             qPrintable(t.journal().find(ref)->failureMessage));
    QVERIFY(!t.poller().isWatching(ref));
    // F8 never sends it again (as an M-Pesa prompt or anything else): its page may still be open.
    std::optional<ResendCheck> check;
    t.resends().prepare(ref, this, [&](const ResendCheck& c) { check = c; });
    QTRY_VERIFY(check.has_value());
    QCOMPARE(check->verdict, ResendCheck::Verdict::Refused);
    QVERIFY2(check->reason.contains(QStringLiteral("not sent again")), qPrintable(check->reason));
    QVERIFY(t.resends().resend(ref).isEmpty());
    QCOMPARE(t.pushesOnceIdle(), 0);
    // Paid on the page even now: F5 finds it.
    QVERIFY(open(t.journal().find(ref)->checkoutUrl, "pay-card").contains("Paid"));
    t.till().check(ref);
    QTRY_COMPARE(t.journal().find(ref)->state, PaymentState::Complete);
}

void TestCheckout::paidOnThePageAfterCashIsCaughtAsPaidTwice()
{
    test::TestStack t;
    const QString ref = t.till().chargeByCheckout(Money::fromShillings(1800), test::phoneEndingIn('5'));
    QVERIFY(t.waitForNetwork());
    QString refusal = QStringLiteral("not called");
    t.cash().settle(ref, this, [&](const Payment&, const QString& r) { refusal = r; });
    QTRY_COMPARE(refusal, QString());
    QCOMPARE(t.journal().find(ref)->state, PaymentState::Cash);
    // The page is still open at IntaSend: the till keeps watching it.
    QVERIFY(t.poller().isWatching(ref));
    QSignalSpy paidTwice(&t.till(), &Till::paidTwice);
    QVERIFY(open(t.journal().find(ref)->checkoutUrl, "pay-card").contains("Paid"));
    QVERIFY(t.advanceUntil([&] { return !paidTwice.isEmpty(); }, 2min));
    QCOMPARE(t.journal().find(ref)->state, PaymentState::Complete);
}

QTEST_MAIN(TestCheckout)
#include "tst_checkout.moc"
