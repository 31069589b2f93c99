// SPDX-License-Identifier: GPL-3.0-or-later
#include "IntaSendSimulator.h"
#include "ManualClock.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>
#include <cstring>
#include <utility>

using namespace lipa;
using namespace std::chrono_literals;

namespace {

// A request body Qt cannot rewind: Qt re-sends a POST whose connection drops before the answer, which
// would file a dropped refund request twice; with this body the re-send becomes an error instead.
class OneShotBody final : public QIODevice {
public:
    OneShotBody(QByteArray data, QObject* parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    bool reset() override { return false; }
    bool seek(qint64) override { return false; }

protected:
    qint64 readData(char* out, qint64 max) override
    {
        const qint64 n = std::min(max, m_data.size() - m_pos);
        std::memcpy(out, m_data.constData() + m_pos, static_cast<size_t>(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

// What came back over HTTP.
struct Answer {
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;

    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    // IntaSend's error shape: the first error's field and words ({"errors": [{"attr", "detail"}]}), or a
    // bare {"detail"}.
    QString detail() const
    {
        const QJsonArray errors = object().value(QLatin1String("errors")).toArray();
        return errors.isEmpty() ? object().value(QLatin1String("detail")).toString()
                                : errors.at(0).toObject().value(QLatin1String("detail")).toString();
    }
    QString attr() const
    {
        const QJsonArray errors = object().value(QLatin1String("errors")).toArray();
        return errors.isEmpty() ? QString() : errors.at(0).toObject().value(QLatin1String("attr")).toString();
    }
};

QJsonObject refund(const QString& invoiceId, const QJsonValue& amount,
                   const QString& reason = QStringLiteral("Returned goods"))
{
    QJsonObject body{{QStringLiteral("reason"), reason},
                     {QStringLiteral("reason_details"), QStringLiteral("The customer brought it back")}};
    if (!invoiceId.isEmpty())
        body.insert(QStringLiteral("invoice"), invoiceId);
    if (!amount.isUndefined())
        body.insert(QStringLiteral("amount"), amount);
    return body;
}

QByteArray bytesOf(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

// The simulator's refund requests (IntaSend's chargebacks, section 5 of the API notes) over real loopback
// HTTP: filed with the secret key against a paid invoice, moved through their scripted statuses by the
// clock, listed newest first with absolute next links, refused as IntaSend refuses them, and met by faults
// scoped to them — and by a client no one here wrote (Python's http.client).
class TestSimulatorChargebacks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void filesARefundThatStaffComplete();
    void listsNewestFirstWithAbsoluteNextLinks();
    void needsTheSecretKey();
    void refusesWhatCannotBeRefunded();
    void partialRefundsShareThePaidAmount();
    void cancelledRequestsFreeTheirAmount();
    void refusesAScriptIntaSendWouldNotFollow();
    void droppedAnswerStillFilesTheRequest();
    void faultsScopedElsewhereLeaveRefundsAlone();
    void pythonClientFilesARefund();

private:
    Answer post(const QString& path, const QByteArray& body, bool withSecret = true);
    Answer get(const QString& pathAndQuery, bool withSecret = true);
    Answer get(const QUrl& url, bool withSecret = true);
    Answer finish(QNetworkReply* reply);
    // A push to a phone ending in lastDigit (5 pays, 0 cancels, 9 never answers): the invoice's id.
    QString push(qint64 shillings, char lastDigit);
    // An invoice the customer has paid (the clock moved past the simulator's few seconds).
    QString paidInvoice(qint64 shillings);
    Answer fileRefund(const QJsonObject& body)
    {
        return post(QStringLiteral("/api/v1/chargebacks/"), bytesOf(body));
    }

    std::unique_ptr<test::ManualClock> m_clock;
    std::unique_ptr<IntaSendSimulator> m_simulator;
    QNetworkAccessManager m_network;
};

void TestSimulatorChargebacks::init()
{
    m_clock = std::make_unique<test::ManualClock>();
    m_simulator = std::make_unique<IntaSendSimulator>(*m_clock);
    QVERIFY(m_simulator->listen());
}

void TestSimulatorChargebacks::cleanup()
{
    m_simulator.reset();
    m_clock.reset();
}

Answer TestSimulatorChargebacks::finish(QNetworkReply* reply)
{
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(10000)) {
            reply->abort();
            reply->deleteLater();
            return {};
        }
    }
    Answer answer;
    answer.finished = true;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.error = reply->error();
    answer.body = reply->readAll();
    reply->deleteLater();
    return answer;
}

Answer TestSimulatorChargebacks::post(const QString& path, const QByteArray& body, bool withSecret)
{
    QUrl url = m_simulator->baseUrl();
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (withSecret)
        request.setRawHeader("Authorization", "Bearer ISSecretKey_test_refunds");
    // Sent once, never re-sent by Qt behind the test's back (see OneShotBody).
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    auto* device = new OneShotBody(body, nullptr);
    QNetworkReply* reply = m_network.post(request, device);
    device->setParent(reply);
    return finish(reply);
}

Answer TestSimulatorChargebacks::get(const QUrl& url, bool withSecret)
{
    QNetworkRequest request(url);
    if (withSecret)
        request.setRawHeader("Authorization", "Bearer ISSecretKey_test_refunds");
    return finish(m_network.get(request));
}

Answer TestSimulatorChargebacks::get(const QString& pathAndQuery, bool withSecret)
{
    return get(m_simulator->baseUrl().resolved(QUrl(pathAndQuery)), withSecret);
}

QString TestSimulatorChargebacks::push(qint64 shillings, char lastDigit)
{
    const QJsonObject body{
        {QStringLiteral("public_key"), QStringLiteral("ISPubKey_test_refunds")},
        {QStringLiteral("currency"), QStringLiteral("KES")},
        {QStringLiteral("method"), QStringLiteral("M-PESA")},
        {QStringLiteral("phone_number"), QStringLiteral("25471234567") + QLatin1Char(lastDigit)},
        {QStringLiteral("amount"), shillings},
        {QStringLiteral("api_ref"), QStringLiteral("sale")}};
    const Answer answer = post(QStringLiteral("/api/v1/payment/mpesa-stk-push/"), bytesOf(body));
    if (answer.status != 200)
        return {};
    return answer.object()
        .value(QLatin1String("invoice"))
        .toObject()
        .value(QLatin1String("invoice_id"))
        .toString();
}

QString TestSimulatorChargebacks::paidInvoice(qint64 shillings)
{
    const QString id = push(shillings, '5');
    m_clock->advance(6s); // the scripted customer has paid by now
    return id;
}

void TestSimulatorChargebacks::filesARefundThatStaffComplete()
{
    const QString invoice = paidInvoice(150);
    QVERIFY(!invoice.isEmpty());
    const QDateTime filedAt = m_clock->now();

    const Answer filed = fileRefund(refund(invoice, 150));
    QCOMPARE(filed.status, 201);
    const QJsonObject chargeback = filed.object();
    const QString id = chargeback.value(QLatin1String("id")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^CB[A-Z0-9]{6}$")).match(id).hasMatch(), qPrintable(id));
    QCOMPARE(chargeback.value(QLatin1String("invoice")).toString(), invoice);
    QCOMPARE(chargeback.value(QLatin1String("transaction")).toString(), m_simulator->receiptFor(invoice));
    QVERIFY(chargeback.value(QLatin1String("amount")).isDouble());
    QCOMPARE(chargeback.value(QLatin1String("amount")).toDouble(), 150.0);
    QCOMPARE(chargeback.value(QLatin1String("status")).toString(), QStringLiteral("PENDING"));
    QVERIFY(chargeback.value(QLatin1String("resolution")).isNull());
    QVERIFY(chargeback.value(QLatin1String("staff_created")).isBool());
    QVERIFY(!chargeback.value(QLatin1String("staff_created")).toBool());
    QCOMPARE(chargeback.value(QLatin1String("reason")).toString(), QStringLiteral("Returned goods"));
    QCOMPARE(chargeback.value(QLatin1String("reason_details")).toString(),
             QStringLiteral("The customer brought it back"));
    const QDateTime createdAt =
        QDateTime::fromString(chargeback.value(QLatin1String("created_at")).toString(), Qt::ISODateWithMs);
    QCOMPARE(createdAt, filedAt);
    QVERIFY(chargeback.value(QLatin1String("created_at")).toString().endsWith(QLatin1String("+03:00")));
    QCOMPARE(chargeback.value(QLatin1String("updated_at")).toString(),
             chargeback.value(QLatin1String("created_at")).toString());

    QCOMPARE(m_simulator->refundRequestCount(), 1);
    QCOMPARE(m_simulator->refunds().size(), 1);
    QCOMPARE(m_simulator->refunds().first().chargebackId, id);
    QCOMPARE(m_simulator->refunds().first().invoiceId, invoice);
    QCOMPARE(m_simulator->refunds().first().amountCents, 15000);

    const QString one = QStringLiteral("/api/v1/chargebacks/%1/").arg(id);
    const Answer pending = get(one);
    QCOMPARE(pending.status, 200);
    QCOMPARE(pending.object().value(QLatin1String("id")).toString(), id);
    QCOMPARE(pending.object().value(QLatin1String("status")).toString(), QStringLiteral("PENDING"));

    m_clock->advance(59s);
    QCOMPARE(get(one).object().value(QLatin1String("status")).toString(), QStringLiteral("PENDING"));
    m_clock->advance(2s); // past the default minute
    const Answer completed = get(one);
    QCOMPARE(completed.status, 200);
    QCOMPARE(completed.object().value(QLatin1String("status")).toString(), QStringLiteral("COMPLETED"));
    QCOMPARE(completed.object().value(QLatin1String("resolution")).toString(),
             QStringLiteral("Refunded to the customer's M-Pesa"));
    QCOMPARE(QDateTime::fromString(completed.object().value(QLatin1String("updated_at")).toString(),
                                   Qt::ISODateWithMs),
             filedAt.addSecs(60));
    QCOMPARE(m_simulator->chargebacks().statusOf(*m_simulator->chargebacks().find(id)),
             QStringLiteral("COMPLETED"));

    const Answer unknown = get(QStringLiteral("/api/v1/chargebacks/CBNOSUCH/"));
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.detail(), QStringLiteral("Not found."));
}

void TestSimulatorChargebacks::listsNewestFirstWithAbsoluteNextLinks()
{
    const QString invoice = paidInvoice(1000);
    for (int i = 1; i <= 5; ++i) {
        // One of them in cents, as a string: listed as a number of shillings.
        const QJsonValue amount = i == 3 ? QJsonValue(QStringLiteral("10.50")) : QJsonValue(10);
        QCOMPARE(fileRefund(refund(invoice, amount, QStringLiteral("r%1").arg(i))).status, 201);
        m_clock->advance(1s);
    }

    QStringList reasons;
    QUrl url =
        m_simulator->baseUrl().resolved(QUrl(QStringLiteral("/api/v1/chargebacks/?page=1&page_size=2")));
    int pages = 0;
    while (!url.isEmpty()) {
        const Answer page = get(url);
        QCOMPARE(page.status, 200);
        const QJsonObject list = page.object();
        QCOMPARE(list.value(QLatin1String("count")).toInt(), 5);
        ++pages;
        QCOMPARE(list.value(QLatin1String("previous")).isNull(), pages == 1);
        for (const QJsonValue& item : list.value(QLatin1String("results")).toArray()) {
            reasons << item.toObject().value(QLatin1String("reason")).toString();
            if (item.toObject().value(QLatin1String("reason")).toString() == u"r3")
                QCOMPARE(item.toObject().value(QLatin1String("amount")).toDouble(), 10.5);
        }
        const QJsonValue next = list.value(QLatin1String("next"));
        url = next.isNull() ? QUrl() : QUrl(next.toString());
        if (!url.isEmpty()) {
            // Absolute, on the simulator, keeping the page size.
            QCOMPARE(url.scheme(), QStringLiteral("http"));
            QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
            QCOMPARE(url.port(), int(m_simulator->port()));
            QCOMPARE(url.path(), QStringLiteral("/api/v1/chargebacks/"));
            const QUrlQuery query(url);
            QCOMPARE(query.queryItemValue(QStringLiteral("page")), QString::number(pages + 1));
            QCOMPARE(query.queryItemValue(QStringLiteral("page_size")), QStringLiteral("2"));
        }
    }
    QCOMPARE(pages, 3);
    QCOMPARE(reasons, QStringList({QStringLiteral("r5"), QStringLiteral("r4"), QStringLiteral("r3"),
                                   QStringLiteral("r2"), QStringLiteral("r1")}));
    QCOMPARE(get(QStringLiteral("/api/v1/chargebacks/?page=0")).status, 404);
}

void TestSimulatorChargebacks::needsTheSecretKey()
{
    const QString invoice = paidInvoice(150);
    const Answer filed = post(QStringLiteral("/api/v1/chargebacks/"), bytesOf(refund(invoice, 150)), false);
    QCOMPARE(filed.status, 401);
    QCOMPARE(filed.detail(), QStringLiteral("Authentication credentials were not provided."));
    QCOMPARE(get(QStringLiteral("/api/v1/chargebacks/"), false).status, 401);
    QCOMPARE(get(QStringLiteral("/api/v1/chargebacks/CB123456/"), false).status, 401);
    QCOMPARE(m_simulator->refundRequestCount(), 1);
    QVERIFY(m_simulator->refunds().isEmpty());
    QCOMPARE(m_simulator->chargebacks().size(), 0);
}

void TestSimulatorChargebacks::refusesWhatCannotBeRefunded()
{
    const QString paid = paidInvoice(100);
    const QString failed = push(200, '0'); // the customer cancels
    m_clock->advance(6s);
    const QString pending = push(300, '9'); // the customer never answers
    m_clock->advance(6s);
    QVERIFY(!paid.isEmpty() && !failed.isEmpty() && !pending.isEmpty());

    const Answer notJson = post(QStringLiteral("/api/v1/chargebacks/"), "not json");
    QCOMPARE(notJson.status, 400);
    QCOMPARE(notJson.detail(), QStringLiteral("JSON parse error"));

    struct Refused {
        const char* name;
        QJsonObject body;
        QString attr;
        QString detail;
    };
    const QList<Refused> cases{
        {"no invoice", refund({}, 10), QStringLiteral("invoice"), QStringLiteral("This field is required.")},
        {"unknown invoice", refund(QStringLiteral("NOSUCH1"), 10), QStringLiteral("invoice"),
         QStringLiteral("Invalid pk \"NOSUCH1\" - object does not exist.")},
        {"failed invoice", refund(failed, 10), QStringLiteral("invoice"),
         QStringLiteral("Only a completed payment can be refunded; this invoice is FAILED.")},
        {"pending invoice", refund(pending, 10), QStringLiteral("invoice"),
         QStringLiteral("Only a completed payment can be refunded; this invoice is PENDING.")},
        {"no amount", refund(paid, QJsonValue(QJsonValue::Undefined)), QStringLiteral("amount"),
         QStringLiteral("This field is required.")},
        {"zero", refund(paid, 0), QStringLiteral("amount"),
         QStringLiteral("Ensure this value is greater than 0.")},
        {"negative", refund(paid, -5), QStringLiteral("amount"),
         QStringLiteral("Ensure this value is greater than 0.")},
        {"negative text", refund(paid, QStringLiteral("-5.00")), QStringLiteral("amount"),
         QStringLiteral("Ensure this value is greater than 0.")},
        {"not a number", refund(paid, QStringLiteral("ten")), QStringLiteral("amount"),
         QStringLiteral("A valid number with at most 2 decimal places is required.")},
        {"three decimals", refund(paid, 1.005), QStringLiteral("amount"),
         QStringLiteral("A valid number with at most 2 decimal places is required.")},
        {"more than was paid", refund(paid, QStringLiteral("100.01")), QStringLiteral("amount"),
         QStringLiteral("Amount exceeds the refundable balance of KES 100.00")},
        {"empty reason", refund(paid, 10, QStringLiteral("  ")), QStringLiteral("reason"),
         QStringLiteral("This field may not be blank.")},
    };
    for (const Refused& refused : cases) {
        const Answer answer = fileRefund(refused.body);
        QVERIFY2(answer.status == 400, refused.name);
        QVERIFY2(answer.attr() == refused.attr, refused.name);
        QVERIFY2(answer.detail() == refused.detail,
                 qPrintable(QString::fromLatin1(refused.name) + QStringLiteral(": ") + answer.detail()));
    }
    QJsonObject noReason = refund(paid, 10);
    noReason.remove(QStringLiteral("reason"));
    QCOMPARE(fileRefund(noReason).detail(), QStringLiteral("This field may not be blank."));

    QCOMPARE(m_simulator->refundRequestCount(), int(cases.size()) + 2);
    QVERIFY(m_simulator->refunds().isEmpty());
    QCOMPARE(m_simulator->chargebacks().size(), 0);
    QCOMPARE(fileRefund(refund(paid, QStringLiteral("100.00"))).status, 201); // the whole amount is fine
}

void TestSimulatorChargebacks::partialRefundsShareThePaidAmount()
{
    const QString invoice = paidInvoice(100);
    const Answer first = fileRefund(refund(invoice, QStringLiteral("49.50")));
    QCOMPARE(first.status, 201);
    QCOMPARE(first.object().value(QLatin1String("amount")).toDouble(), 49.5);

    const Answer tooMuch = fileRefund(refund(invoice, 50.51));
    QCOMPARE(tooMuch.status, 400);
    QCOMPARE(tooMuch.detail(), QStringLiteral("Amount exceeds the refundable balance of KES 50.50"));

    const Answer rest = fileRefund(refund(invoice, 50.5)); // exactly what is left
    QCOMPARE(rest.status, 201);
    QCOMPARE(m_simulator->chargebacks().requestedOf(invoice), 10000);

    const Answer nothingLeft = fileRefund(refund(invoice, QStringLiteral("0.01")));
    QCOMPARE(nothingLeft.status, 400);
    QCOMPARE(nothingLeft.detail(), QStringLiteral("Amount exceeds the refundable balance of KES 0.00"));

    // Completed requests still count against the invoice.
    m_clock->advance(2min);
    QCOMPARE(fileRefund(refund(invoice, 1)).detail(),
             QStringLiteral("Amount exceeds the refundable balance of KES 0.00"));
    QCOMPARE(m_simulator->refunds().size(), 2);
}

void TestSimulatorChargebacks::cancelledRequestsFreeTheirAmount()
{
    QVERIFY(m_simulator->setRefundScript({QStringLiteral("PENDING"), QStringLiteral("CANCELLED")}, 30s));
    const QString invoice = paidInvoice(100);
    const Answer first = fileRefund(refund(invoice, 100));
    QCOMPARE(first.status, 201);
    const QString id = first.object().value(QLatin1String("id")).toString();
    QCOMPARE(fileRefund(refund(invoice, 1)).detail(),
             QStringLiteral("Amount exceeds the refundable balance of KES 0.00"));

    m_clock->advance(31s);
    const Answer declined = get(QStringLiteral("/api/v1/chargebacks/%1/").arg(id));
    QCOMPARE(declined.object().value(QLatin1String("status")).toString(), QStringLiteral("CANCELLED"));
    QCOMPARE(declined.object().value(QLatin1String("resolution")).toString(), QStringLiteral("Declined"));
    QCOMPARE(m_simulator->chargebacks().requestedOf(invoice), 0);

    const Answer again = fileRefund(refund(invoice, 100));
    QCOMPARE(again.status, 201);
    QCOMPARE(again.object().value(QLatin1String("status")).toString(), QStringLiteral("PENDING"));
    QVERIFY(again.object().value(QLatin1String("id")).toString() != id);
}

void TestSimulatorChargebacks::refusesAScriptIntaSendWouldNotFollow()
{
    QVERIFY(!m_simulator->setRefundScript({}, 10s));
    QVERIFY(!m_simulator->setRefundScript({QStringLiteral("PENDING"), QStringLiteral("SETTLED")}, 10s));
    QVERIFY(!m_simulator->setRefundScript({QStringLiteral("PENDING")}, 0ms));
    // Nothing changed: the default script still runs.
    QCOMPARE(m_simulator->chargebacks().script(),
             QStringList({QStringLiteral("PENDING"), QStringLiteral("COMPLETED")}));
    QCOMPARE(m_simulator->chargebacks().step(), std::chrono::milliseconds(60s));

    // A request filed under a script keeps it when the script changes.
    QVERIFY(m_simulator->setRefundScript(
        {QStringLiteral("PENDING"), QStringLiteral("DISPUTED"), QStringLiteral("COMPLETED")}, 10s));
    const QString invoice = paidInvoice(100);
    const QString id = fileRefund(refund(invoice, 10)).object().value(QLatin1String("id")).toString();
    QVERIFY(m_simulator->setRefundScript({QStringLiteral("CANCELLED")}, 1s));
    const QString one = QStringLiteral("/api/v1/chargebacks/%1/").arg(id);
    m_clock->advance(10s);
    QCOMPARE(get(one).object().value(QLatin1String("status")).toString(), QStringLiteral("DISPUTED"));
    QVERIFY(get(one).object().value(QLatin1String("resolution")).isNull()); // not its last word yet
    m_clock->advance(10s);
    QCOMPARE(get(one).object().value(QLatin1String("status")).toString(), QStringLiteral("COMPLETED"));
}

void TestSimulatorChargebacks::droppedAnswerStillFilesTheRequest()
{
    QVERIFY(sim::parseFaultScope(QStringLiteral("refunds")) == sim::FaultScope::Refunds);
    const QString invoice = paidInvoice(100);

    m_simulator->setFault({sim::FaultMode::DropAfterRequest, 0, sim::FaultScope::Refunds});
    const Answer dropped = fileRefund(refund(invoice, 40));
    QVERIFY(dropped.finished);
    QVERIFY(dropped.error != QNetworkReply::NoError);
    QCOMPARE(dropped.status, 0);
    QCOMPARE(m_simulator->refundRequestCount(), 1); // sent once, filed once
    QCOMPARE(m_simulator->refunds().size(), 1);
    QCOMPARE(m_simulator->refunds().first().amountCents, 4000);
    QCOMPARE(m_simulator->faultyAnswerCount(), 1);

    // A 500 after the request was filed: filed all the same.
    m_simulator->setFault({sim::FaultMode::ServerError, 0, sim::FaultScope::Refunds});
    const Answer serverError = fileRefund(refund(invoice, 10));
    QCOMPARE(serverError.status, 500);
    QCOMPARE(m_simulator->refunds().size(), 2);

    // Turned away before it is filed: nothing is recorded.
    m_simulator->setFault({sim::FaultMode::RateLimited, 30, sim::FaultScope::Refunds});
    QCOMPARE(fileRefund(refund(invoice, 10)).status, 429);
    QCOMPARE(get(QStringLiteral("/api/v1/chargebacks/")).status, 429);
    QCOMPARE(m_simulator->refunds().size(), 2);

    // Refusals are not faulted: IntaSend's 400 comes through.
    m_simulator->setFault({sim::FaultMode::ServerError, 0, sim::FaultScope::Refunds});
    QCOMPARE(fileRefund(refund(invoice, 51)).status, 400);

    m_simulator->setFault({});
    const Answer list = get(QStringLiteral("/api/v1/chargebacks/"));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.object().value(QLatin1String("count")).toInt(), 2);
    QCOMPARE(m_simulator->chargebacks().requestedOf(invoice), 5000);
}

void TestSimulatorChargebacks::faultsScopedElsewhereLeaveRefundsAlone()
{
    const QString invoice = paidInvoice(100);
    for (const sim::FaultScope scope :
         {sim::FaultScope::Pushes, sim::FaultScope::StatusChecks, sim::FaultScope::Records}) {
        m_simulator->setFault({sim::FaultMode::DropAfterRequest, 0, scope});
        const Answer filed = fileRefund(refund(invoice, 10));
        QCOMPARE(filed.status, 201);
        QCOMPARE(filed.error, QNetworkReply::NoError);
        QCOMPARE(get(QStringLiteral("/api/v1/chargebacks/")).status, 200);
    }
    QCOMPARE(m_simulator->faultyAnswerCount(), 0);

    // A fault on every route reaches refunds too.
    m_simulator->setFault({sim::FaultMode::ServerError, 0, sim::FaultScope::All});
    QCOMPARE(fileRefund(refund(invoice, 10)).status, 500);
    QCOMPARE(m_simulator->refunds().size(), 4);
}

void TestSimulatorChargebacks::pythonClientFilesARefund()
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        QFAIL("python3 is not on PATH: this test drives the simulator with Python's http.client "
              "(scripts/lib/common.sh installs it with the build packages)");
    const QString invoice = paidInvoice(250);
    QVERIFY(!invoice.isEmpty());

    const QString script = QStringLiteral(R"(
import http.client, json, sys
connection = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=20)
body = json.dumps({"invoice": sys.argv[2], "amount": "20.50", "reason": "Damaged",
                   "reason_details": "Filed by http.client"})
connection.request("POST", "/api/v1/chargebacks/", body=body,
                   headers={"Authorization": "Bearer ISSecretKey_test_python",
                            "Content-Type": "application/json"})
response = connection.getresponse()
print(response.status)
print(response.read().decode())
)");
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(python, {QStringLiteral("-c"), script, QString::number(m_simulator->port()), invoice});
    // The simulator answers on this thread: wait by spinning the event loop, never by blocking it.
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    const QByteArray errors = process.readAllStandardError();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, errors.constData());

    const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).trimmed(), QByteArrayLiteral("201"));
    const QJsonObject chargeback = QJsonDocument::fromJson(lines.at(1)).object();
    QCOMPARE(chargeback.value(QLatin1String("invoice")).toString(), invoice);
    QCOMPARE(chargeback.value(QLatin1String("amount")).toDouble(), 20.5);
    QCOMPARE(chargeback.value(QLatin1String("status")).toString(), QStringLiteral("PENDING"));
    QCOMPARE(chargeback.value(QLatin1String("reason_details")).toString(),
             QStringLiteral("Filed by http.client"));
    QCOMPARE(m_simulator->refunds().size(), 1);
    QCOMPARE(m_simulator->refunds().first().amountCents, 2050);
    QCOMPARE(m_simulator->refunds().first().chargebackId, chargeback.value(QLatin1String("id")).toString());
}

QTEST_GUILESS_MAIN(TestSimulatorChargebacks)
#include "tst_simulator_chargebacks.moc"
