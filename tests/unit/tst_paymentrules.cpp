// SPDX-License-Identifier: GPL-3.0-or-later
#include "PaymentRules.h"

#include <QTest>

using namespace lipa;
using namespace std::chrono_literals;
using S = PaymentState;
using R = wire::RemoteState;

Q_DECLARE_METATYPE(lipa::wire::RemoteState)
Q_DECLARE_METATYPE(lipa::CallFailure)

// The till's decisions as tables: what IntaSend's answer, a failed push or the expiry window does to a
// payment in each state. Till only carries these out.
class TestPaymentRules : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void invoiceMovesThePayment_data();
    void invoiceMovesThePayment();
    void answerAboutAnotherPaymentIsIgnored();
    void unknownRemoteStateIsReportedOnce();
    void amountMismatchIsKeptInTheMessage();
    void cashSalePaidByMpesaIsPaidTwice();
    void failedPushDecidesRejectedOrUnknown_data();
    void failedPushDecidesRejectedOrUnknown();
    void expiryMovesOnlyWaitingPayments_data();
    void expiryMovesOnlyWaitingPayments();
    void checkableAndNeedsChecking_data();
    void checkableAndNeedsChecking();
};

namespace {

const QString kRef = QStringLiteral("7d1c6a8e-0000-4000-8000-000000000001");

Payment paymentIn(PaymentState state, const QString& invoiceId = QStringLiteral("INV1"),
                  const QString& remoteState = {})
{
    Payment payment;
    payment.localRef = kRef;
    payment.amount = Money::fromShillings(250);
    payment.phone = PhoneNumber::parse(QStringLiteral("0712345678")).value();
    payment.state = state;
    payment.invoiceId = invoiceId;
    payment.remoteState = remoteState;
    payment.createdAt = QDateTime(QDate(2026, 12, 2), QTime(9, 0), Qt::UTC);
    return payment;
}

wire::Invoice invoiceIn(std::optional<R> state, const QString& raw)
{
    wire::Invoice invoice;
    invoice.invoiceId = QStringLiteral("INV1");
    invoice.apiRef = kRef;
    invoice.state = state;
    invoice.rawState = raw;
    invoice.value = Money::fromShillings(250);
    if (state == R::Complete)
        invoice.mpesaReference = QStringLiteral("QKL4AB12CD");
    if (state == R::Failed) {
        invoice.failedCode = QStringLiteral("1032");
        invoice.failedReason = QStringLiteral("Request cancelled by user");
    }
    return invoice;
}

} // namespace

void TestPaymentRules::invoiceMovesThePayment_data()
{
    QTest::addColumn<PaymentState>("from");
    QTest::addColumn<R>("remote");
    QTest::addColumn<PaymentState>("to");
    // Every answer a payment can get, with the state the till then records.
    QTest::newRow("sending, pending") << S::Sending << R::Pending << S::Pending;
    QTest::newRow("sending, retry") << S::Sending << R::Retry << S::Pending;
    QTest::newRow("unknown, pending") << S::Unknown << R::Pending << S::Pending;
    QTest::newRow("pending, pending") << S::Pending << R::Pending << S::Pending;
    QTest::newRow("pending, processing") << S::Pending << R::Processing << S::Processing;
    QTest::newRow("unknown, processing") << S::Unknown << R::Processing << S::Processing;
    QTest::newRow("expired, processing stays expired") << S::Expired << R::Processing << S::Expired;
    QTest::newRow("cash, processing stays cash") << S::Cash << R::Processing << S::Cash;
    QTest::newRow("pending, complete") << S::Pending << R::Complete << S::Complete;
    QTest::newRow("expired, complete (late)") << S::Expired << R::Complete << S::Complete;
    QTest::newRow("unknown, complete") << S::Unknown << R::Complete << S::Complete;
    QTest::newRow("cash, complete (paid twice)") << S::Cash << R::Complete << S::Complete;
    QTest::newRow("processing, failed") << S::Processing << R::Failed << S::Failed;
    QTest::newRow("expired, failed") << S::Expired << R::Failed << S::Failed;
    QTest::newRow("cash, failed: the cash sale stands") << S::Cash << R::Failed << S::Cash;
}

void TestPaymentRules::invoiceMovesThePayment()
{
    QFETCH(PaymentState, from);
    QFETCH(R, remote);
    QFETCH(PaymentState, to);
    const PaymentRules::Outcome outcome =
        PaymentRules::applyInvoice(paymentIn(from), invoiceIn(remote, QStringLiteral("X")));
    QCOMPARE(outcome.to, to);
    QVERIFY(!outcome.foreignAnswer);
    QCOMPARE(outcome.payment.remoteState, QStringLiteral("X"));
    QCOMPARE(outcome.paidTwice, from == S::Cash && remote == R::Complete);
    if (to == S::Complete) {
        QCOMPARE(outcome.payment.mpesaReceipt, QStringLiteral("QKL4AB12CD"));
        QVERIFY(outcome.detail.contains(QStringLiteral("receipt=QKL4AB12CD")));
    }
    if (to == S::Failed) {
        QCOMPARE(outcome.payment.failedCode, QStringLiteral("1032"));
        QVERIFY(!outcome.payment.failureMessage.isEmpty());
        QVERIFY(outcome.detail.contains(QStringLiteral("code=1032")));
    }
}

void TestPaymentRules::answerAboutAnotherPaymentIsIgnored()
{
    wire::Invoice invoice = invoiceIn(R::Complete, QStringLiteral("COMPLETE"));
    invoice.apiRef = QStringLiteral("someone-else");
    const Payment before = paymentIn(S::Pending);
    const PaymentRules::Outcome outcome = PaymentRules::applyInvoice(before, invoice);
    QVERIFY(outcome.foreignAnswer);
    QCOMPARE(outcome.to, S::Pending);
    QVERIFY(outcome.payment.mpesaReceipt.isEmpty());
}

void TestPaymentRules::unknownRemoteStateIsReportedOnce()
{
    const wire::Invoice invoice = invoiceIn(std::nullopt, QStringLiteral("ON_HOLD"));
    const PaymentRules::Outcome first = PaymentRules::applyInvoice(paymentIn(S::Unknown), invoice);
    QVERIFY(first.unknownRemoteState);
    QCOMPARE(first.to, S::Pending); // IntaSend knows it: it is no longer unknown, and it is watched
    const PaymentRules::Outcome again = PaymentRules::applyInvoice(
        paymentIn(S::Pending, QStringLiteral("INV1"), QStringLiteral("ON_HOLD")), invoice);
    QVERIFY(!again.unknownRemoteState);
    QCOMPARE(again.to, S::Pending);
}

void TestPaymentRules::amountMismatchIsKeptInTheMessage()
{
    wire::Invoice invoice = invoiceIn(R::Complete, QStringLiteral("COMPLETE"));
    invoice.value = Money::fromShillings(25);
    const PaymentRules::Outcome outcome = PaymentRules::applyInvoice(paymentIn(S::Pending), invoice);
    QCOMPARE(outcome.to, S::Complete);
    QVERIFY(outcome.mismatch.contains(QStringLiteral("KES 25")));
    QVERIFY(outcome.payment.failureMessage.contains(outcome.mismatch));
}

void TestPaymentRules::cashSalePaidByMpesaIsPaidTwice()
{
    const PaymentRules::Outcome outcome =
        PaymentRules::applyInvoice(paymentIn(S::Cash, QStringLiteral("INV1"), QStringLiteral("PENDING")),
                                   invoiceIn(R::Complete, QStringLiteral("COMPLETE")));
    QVERIFY(outcome.paidTwice);
    QCOMPARE(outcome.to, S::Complete);
    QVERIFY(outcome.payment.failureMessage.contains(QStringLiteral("give the customer their cash back")));
}

void TestPaymentRules::failedPushDecidesRejectedOrUnknown_data()
{
    QTest::addColumn<CallFailure>("failure");
    QTest::addColumn<PaymentState>("to");
    QTest::addColumn<QString>("says");
    QTest::newRow("never left") << CallFailure::NotSent << S::Rejected
                                << QStringLiteral("nothing was charged");
    QTest::newRow("refused") << CallFailure::Refused << S::Rejected << QStringLiteral("Invalid phone");
    QTest::newRow("keys refused") << CallFailure::AuthRefused << S::Rejected
                                  << QStringLiteral("Invalid phone");
    QTest::newRow("slow down") << CallFailure::RateLimited << S::Rejected << QStringLiteral("slow down");
    QTest::newRow("timed out") << CallFailure::Uncertain << S::Unknown << QStringLiteral("may have reached");
    QTest::newRow("unreadable answer")
        << CallFailure::BadResponse << S::Unknown << QStringLiteral("may have reached");
}

void TestPaymentRules::failedPushDecidesRejectedOrUnknown()
{
    QFETCH(CallFailure, failure);
    QFETCH(PaymentState, to);
    QFETCH(QString, says);
    CallResult result;
    result.failure = failure;
    result.httpStatus = 400;
    result.message = QStringLiteral("Invalid phone");
    result.rawBody = "{\"detail\":\"Invalid phone\"}";
    const PaymentRules::Outcome outcome = PaymentRules::afterFailedPush(paymentIn(S::Sending, {}), result);
    QCOMPARE(outcome.to, to);
    QVERIFY2(outcome.payment.failureMessage.contains(says), qPrintable(outcome.payment.failureMessage));
    QVERIFY(outcome.detail.contains(QStringLiteral("[HTTP 400]")));
    QVERIFY(outcome.detail.contains(QStringLiteral("Invalid phone")));
}

void TestPaymentRules::expiryMovesOnlyWaitingPayments_data()
{
    QTest::addColumn<PaymentState>("from");
    QTest::addColumn<PaymentState>("to");
    QTest::addColumn<bool>("noteChanges");
    QTest::newRow("pending") << S::Pending << S::Expired << true;
    QTest::newRow("processing") << S::Processing << S::Expired << true;
    QTest::newRow("unknown") << S::Unknown << S::Unknown << false;
    QTest::newRow("complete") << S::Complete << S::Complete << false;
    QTest::newRow("cash with M-Pesa open") << S::Cash << S::Cash << true;
}

void TestPaymentRules::expiryMovesOnlyWaitingPayments()
{
    QFETCH(PaymentState, from);
    QFETCH(PaymentState, to);
    QFETCH(bool, noteChanges);
    const Payment before = paymentIn(from, QStringLiteral("INV1"), QStringLiteral("PENDING"));
    const PaymentRules::Outcome outcome = PaymentRules::afterExpiry(before, 3min);
    QCOMPARE(outcome.to, to);
    QCOMPARE(outcome.payment.failureMessage != before.failureMessage, noteChanges);
    if (to == S::Expired)
        QVERIFY(outcome.payment.failureMessage.contains(QStringLiteral("within 3 minutes")));
}

void TestPaymentRules::checkableAndNeedsChecking_data()
{
    QTest::addColumn<PaymentState>("state");
    QTest::addColumn<QString>("invoiceId");
    QTest::addColumn<QString>("remoteState");
    QTest::addColumn<bool>("checkable");
    QTest::addColumn<bool>("needsChecking");
    const QString inv = QStringLiteral("INV1");
    QTest::newRow("pending") << S::Pending << inv << QStringLiteral("PENDING") << true << true;
    QTest::newRow("unknown, no invoice") << S::Unknown << QString() << QString() << false << true;
    QTest::newRow("unknown with invoice") << S::Unknown << inv << QString() << true << true;
    QTest::newRow("expired") << S::Expired << inv << QStringLiteral("PENDING") << true << true;
    QTest::newRow("complete") << S::Complete << inv << QStringLiteral("COMPLETE") << false << false;
    QTest::newRow("failed") << S::Failed << inv << QStringLiteral("FAILED") << false << false;
    QTest::newRow("cash, M-Pesa open") << S::Cash << inv << QStringLiteral("PENDING") << true << true;
    QTest::newRow("cash, M-Pesa ended") << S::Cash << inv << QStringLiteral("FAILED") << false << false;
    QTest::newRow("cash, never confirmed") << S::Cash << QString() << QString() << false << false;
}

void TestPaymentRules::checkableAndNeedsChecking()
{
    QFETCH(PaymentState, state);
    QFETCH(QString, invoiceId);
    QFETCH(QString, remoteState);
    QFETCH(bool, checkable);
    QFETCH(bool, needsChecking);
    const Payment payment = paymentIn(state, invoiceId, remoteState);
    QCOMPARE(PaymentRules::isCheckable(payment), checkable);
    QCOMPARE(PaymentRules::needsChecking(payment), needsChecking);
}

QTEST_GUILESS_MAIN(TestPaymentRules)
#include "tst_paymentrules.moc"
