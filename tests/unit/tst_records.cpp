// SPDX-License-Identifier: GPL-3.0-or-later
#include "records.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace lipa;
using namespace lipa::wire;

// IntaSend's records (the invoice list and refund requests) as the notes describe them, with every
// variant they list: numbers or strings for amounts, COMPLETE or COMPLETED, nulls, a bare array.
class TestRecords : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsAPageOfInvoices();
    void keepsTheItemsItCannotRead();
    void refusesWhatIsNotAList();
    void buildsTheListQuery();
    void followsNextOnlyOnTheBaseUrl_data();
    void followsNextOnlyOnTheBaseUrl();
    void readsRefundRequests_data();
    void readsRefundRequests();
    void refusesARefundWithoutIdOrStatus();
    void readsTheRefundList();
    void buildsTheRefundRequest();
};

void TestRecords::readsAPageOfInvoices()
{
    // As the notes describe the list: value and charges as numbers, net_amount as a string, nulls.
    const QByteArray body = R"({"count": 1043,
        "next": "https://sandbox.intasend.com/api/v1/invoices/?page=2&page_size=100",
        "previous": null,
        "results": [
          {"invoice_id": "NR5XKGY", "state": "COMPLETE", "provider": "M-PESA", "charges": 3.5,
           "net_amount": "146.50", "currency": "KES", "value": 150, "account": "254712345678",
           "api_ref": "7d1c6a8e-0000-4000-8000-000000000001", "clearing_status": "AVAILABLE",
           "mpesa_reference": "QKL4AB12CD", "failed_reason": null, "failed_code": null,
           "failed_code_link": null, "card_info": {"bin_country": null}, "retry_count": 0,
           "created_at": "2026-12-02T09:05:11.123456+03:00", "updated_at": "2026-12-02T09:05:40+03:00"},
          {"id": 150, "state": "FAILED", "value": "2000.00", "charges": "0.00", "net_amount": 0,
           "api_ref": null, "failed_code": 1032, "failed_reason": "Request cancelled by user",
           "created_at": "2026-12-02T08:00:00+03:00"}
        ]})";
    const Result<InvoicePage> page = parseInvoicePage(body);
    QVERIFY2(page, qPrintable(page.error()));
    QCOMPARE(page->count, 1043);
    QCOMPARE(page->next,
             QStringLiteral("https://sandbox.intasend.com/api/v1/invoices/?page=2&page_size=100"));
    QCOMPARE(page->invoices.size(), 2);
    QVERIFY(page->unreadable.isEmpty());
    const Invoice& paid = page->invoices.at(0);
    QCOMPARE(paid.invoiceId, QStringLiteral("NR5XKGY"));
    QCOMPARE(paid.state, RemoteState::Complete);
    QCOMPARE(paid.value, Money::fromShillings(150));
    QCOMPARE(paid.charges, Money::fromCents(350));
    QCOMPARE(paid.netAmount, Money::fromCents(14650));
    QCOMPARE(paid.clearingStatus, QStringLiteral("AVAILABLE"));
    QCOMPARE(paid.apiRef, QStringLiteral("7d1c6a8e-0000-4000-8000-000000000001"));
    QCOMPARE(paid.mpesaReference, QStringLiteral("QKL4AB12CD"));
    QCOMPARE(paid.createdAt, QDateTime(QDate(2026, 12, 2), QTime(6, 5, 11, 123), Qt::UTC));
    const Invoice& failed = page->invoices.at(1);
    QCOMPARE(failed.invoiceId, QStringLiteral("150"));
    QCOMPARE(failed.state, RemoteState::Failed);
    QCOMPARE(failed.value, Money::fromShillings(2000));
    QCOMPARE(failed.charges, Money::fromCents(0));
    QCOMPARE(failed.netAmount, Money::fromCents(0));
    QVERIFY(failed.apiRef.isEmpty());
    QCOMPARE(failed.failedCode, QStringLiteral("1032"));

    // The last page.
    const Result<InvoicePage> last = parseInvoicePage(R"({"count": 0, "next": null, "results": []})");
    QVERIFY(last);
    QCOMPARE(last->count, 0);
    QVERIFY(last->next.isEmpty());
    QVERIFY(last->invoices.isEmpty());
}

void TestRecords::keepsTheItemsItCannotRead()
{
    // A look that skipped an item is not a complete look: the caller must know.
    const Result<InvoicePage> page =
        parseInvoicePage(R"({"results": [{"invoice_id": "A1", "state": "PENDING"}, {"state": "COMPLETE"},
                                         "nonsense", {"invoice_id": "B2"}]})");
    QVERIFY(page);
    QCOMPARE(page->count, -1);
    QCOMPARE(page->invoices.size(), 1);
    QCOMPARE(page->unreadable.size(), 3);
    QVERIFY(page->unreadable.at(0).contains(QStringLiteral("without an id")));
    QVERIFY(page->unreadable.at(2).contains(QStringLiteral("without a state")));
}

void TestRecords::refusesWhatIsNotAList()
{
    for (const QByteArray& body :
         {QByteArray("<html>502 Bad Gateway</html>"), QByteArray(R"({"detail":"x"})"),
          QByteArray(R"({"results": {"a": 1}})"), QByteArray()}) {
        const Result<InvoicePage> page = parseInvoicePage(body);
        QVERIFY2(!page, body.constData());
        QVERIFY(!page.error().isEmpty());
    }
    // A bare array is a list too.
    const Result<InvoicePage> bare = parseInvoicePage(R"([{"invoice_id": "A1", "state": "PENDING"}])");
    QVERIFY(bare);
    QCOMPARE(bare->invoices.size(), 1);
}

void TestRecords::buildsTheListQuery()
{
    const QUrl url = invoiceListUrl(QUrl(QStringLiteral("https://sandbox.intasend.com")),
                                    {QStringLiteral("ref 1&x"), QStringLiteral("COMPLETE"), 3, 100});
    QCOMPARE(url.path(), QStringLiteral("/api/v1/invoices/"));
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(QStringLiteral("api_ref"), QUrl::FullyDecoded), QStringLiteral("ref 1&x"));
    QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("COMPLETE"));
    QCOMPARE(query.queryItemValue(QStringLiteral("page")), QStringLiteral("3"));
    QCOMPARE(query.queryItemValue(QStringLiteral("page_size")), QStringLiteral("100"));
    const QUrl plain = invoiceListUrl(QUrl(QStringLiteral("http://127.0.0.1:8080/")), {});
    QCOMPARE(plain.toString(), QStringLiteral("http://127.0.0.1:8080/api/v1/invoices/?page=1&page_size=100"));
}

void TestRecords::followsNextOnlyOnTheBaseUrl_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<bool>("followed");
    QTest::newRow("same host") << "https://sandbox.intasend.com/api/v1/invoices/?page=2" << true;
    QTest::newRow("explicit default port")
        << "https://sandbox.intasend.com:443/api/v1/invoices/?page=2" << true;
    QTest::newRow("other host") << "https://evil.example/api/v1/invoices/?page=2" << false;
    QTest::newRow("plain http") << "http://sandbox.intasend.com/api/v1/invoices/?page=2" << false;
    QTest::newRow("other port") << "https://sandbox.intasend.com:8443/api/v1/invoices/?page=2" << false;
    QTest::newRow("user info") << "https://x:y@sandbox.intasend.com/api/v1/invoices/?page=2" << false;
    QTest::newRow("relative") << "/api/v1/invoices/?page=2" << false;
    QTest::newRow("empty") << "" << false;
}

void TestRecords::followsNextOnlyOnTheBaseUrl()
{
    QFETCH(QString, link);
    QFETCH(bool, followed);
    QCOMPARE(isOnBase(QUrl(link), QUrl(QStringLiteral("https://sandbox.intasend.com"))), followed);
}

void TestRecords::readsRefundRequests_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("invoice");
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<int>("status"); // -1: a status this client does not know
    using S = ChargebackStatus;
    QTest::newRow("as filed") << QByteArray(R"({"id": "CB1", "transaction": "T1", "invoice": "NR5XKGY",
        "amount": "150.00", "status": "PENDING", "resolution": null, "staff_created": false,
        "created_at": "2026-12-02T10:00:00+03:00"})")
                              << "NR5XKGY" << qint64(15000) << int(S::Pending);
    QTest::newRow("numeric id and amount") << QByteArray(R"({"id": 77, "invoice": "A", "amount": 50.5,
        "status": "COMPLETED", "resolution": "Refunded to M-Pesa"})")
                                           << "A" << qint64(5050) << int(S::Completed);
    QTest::newRow("complete") << QByteArray(R"({"id": "x", "invoice": "A", "status": "complete"})") << "A"
                              << qint64(-1) << int(S::Completed);
    QTest::newRow("invoice object") << QByteArray(R"({"id": "x", "invoice": {"invoice_id": "NR5"},
        "status": "DISPUTED"})") << "NR5"
                                    << qint64(-1) << int(S::Disputed);
    QTest::newRow("cancelled, either spelling")
        << QByteArray(R"({"id": "x", "status": "CANCELED"})") << "" << qint64(-1) << int(S::Cancelled);
    QTest::newRow("overdue") << QByteArray(R"({"id": "x", "status": "OVERDUE"})") << "" << qint64(-1)
                             << int(S::Overdue);
    QTest::newRow("unknown status") << QByteArray(R"({"id": "x", "status": "ESCALATED"})") << "" << qint64(-1)
                                    << -1;
}

void TestRecords::readsRefundRequests()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, invoice);
    QFETCH(qint64, cents);
    QFETCH(int, status);
    const Result<Chargeback> chargeback = parseChargeback(body);
    QVERIFY2(chargeback, qPrintable(chargeback.error()));
    QVERIFY(!chargeback->id.isEmpty());
    QCOMPARE(chargeback->invoiceId, invoice);
    QCOMPARE(chargeback->amount.has_value(), cents >= 0);
    if (cents >= 0)
        QCOMPARE(chargeback->amount->cents(), cents);
    QCOMPARE(chargeback->status.has_value(), status >= 0);
    if (status >= 0)
        QCOMPARE(int(*chargeback->status), status);
    QVERIFY(!chargeback->rawStatus.isEmpty());
}

void TestRecords::refusesARefundWithoutIdOrStatus()
{
    QVERIFY(!parseChargeback(R"({"status": "PENDING"})"));
    QVERIFY(!parseChargeback(R"({"id": "x", "status": null})"));
    QVERIFY(!parseChargeback(R"([])"));
    QVERIFY(!parseChargeback("Bad Gateway"));
    QVERIFY(isFinal(ChargebackStatus::Completed));
    QVERIFY(isFinal(ChargebackStatus::Cancelled));
    QVERIFY(!isFinal(ChargebackStatus::Pending));
    QVERIFY(!isFinal(ChargebackStatus::Disputed));
    QVERIFY(!isFinal(ChargebackStatus::Overdue));
}

void TestRecords::readsTheRefundList()
{
    const Result<QList<Chargeback>> page = parseChargebackList(
        R"({"count": 2, "next": null, "results": [{"id": "a", "status": "PENDING"}, {"status": "x"}, 5]})");
    QVERIFY(page);
    QCOMPARE(page->size(), 1);
    const Result<QList<Chargeback>> bare = parseChargebackList(R"([{"id": "a", "status": "PENDING"}])");
    QVERIFY(bare);
    QCOMPARE(bare->size(), 1);
    QVERIFY(!parseChargebackList(R"({"detail": "Authentication credentials were not provided."})"));
}

void TestRecords::buildsTheRefundRequest()
{
    const QJsonObject whole =
        QJsonDocument::fromJson(buildChargebackBody({QStringLiteral("NR5XKGY"), Money::fromShillings(150),
                                                     QStringLiteral("Charged twice"), QString()}))
            .object();
    QCOMPARE(whole.value(QLatin1String("invoice")).toString(), QStringLiteral("NR5XKGY"));
    QCOMPARE(whole.value(QLatin1String("amount")).toDouble(), 150.0);
    QCOMPARE(whole.value(QLatin1String("reason")).toString(), QStringLiteral("Charged twice"));
    QVERIFY(!whole.contains(QLatin1String("reason_details")));
    const QJsonObject part =
        QJsonDocument::fromJson(buildChargebackBody({QStringLiteral("A"), Money::fromCents(5050),
                                                     QStringLiteral("Other"), QStringLiteral("half")}))
            .object();
    QCOMPARE(part.value(QLatin1String("amount")).toDouble(), 50.5);
    QCOMPARE(part.value(QLatin1String("reason_details")).toString(), QStringLiteral("half"));
}

QTEST_GUILESS_MAIN(TestRecords)
#include "tst_records.moc"
