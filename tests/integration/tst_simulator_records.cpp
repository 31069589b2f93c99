// SPDX-License-Identifier: GPL-3.0-or-later
#include "IntaSendClient.h"
#include "IntaSendSimulator.h"
#include "ManualClock.h"
#include "records.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>

using namespace lipa;
using namespace std::chrono_literals;

// The simulator's copy of IntaSend's records over real loopback HTTP: the invoice list with its filters,
// pages and absolute next links, newest first, one invoice by id, the secret key required, and a list
// that ignores its filters — read with the till's own parsers of IntaSend's documented shapes.
class TestSimulatorRecords : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void listNeedsTheSecretKey();
    void findsAnInvoiceByItsReference();
    void pagesNewestFirstWithAbsoluteNextLinks();
    void filtersByState();
    void showsOneInvoiceByItsId();
    void aListThatIgnoresItsFilters();
    void clientReadsEveryPageOfAThousand();
    void clientHearsSlowDownMidway();
    void clientWithoutSecretOrOffBaseSendsNothing();
    void clientReportsRefusedKeys();

private:
    // One page through IntaSendClient, as the till reads it.
    InvoicePageResult listPage(IntaSendClient& client, const QUrl& url);
    std::unique_ptr<IntaSendClient> clientWith(const QString& secret);
    // GET with the secret key (or without); the status and the body.
    QPair<int, QByteArray> get(const QUrl& url, bool withSecret = true);
    QString pushFor(qint64 shillings, char lastDigit, const QString& apiRef);
    // count pushes at once ("ref-1" … "ref-N", one second apart on the clock): true when all were taken.
    bool pushMany(int count);

    std::unique_ptr<test::ManualClock> m_clock;
    std::unique_ptr<IntaSendSimulator> m_simulator;
    QNetworkAccessManager m_network;
};

void TestSimulatorRecords::init()
{
    m_clock = std::make_unique<test::ManualClock>();
    m_simulator = std::make_unique<IntaSendSimulator>(*m_clock);
    QVERIFY(m_simulator->listen());
}

void TestSimulatorRecords::cleanup()
{
    m_simulator.reset();
    m_clock.reset();
}

QPair<int, QByteArray> TestSimulatorRecords::get(const QUrl& url, bool withSecret)
{
    QNetworkRequest request(url);
    if (withSecret)
        request.setRawHeader("Authorization", "Bearer ISSecretKey_test_records");
    QNetworkReply* reply = m_network.get(request);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000))
        return {0, "no answer"};
    const QPair<int, QByteArray> answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                                        reply->readAll()};
    reply->deleteLater();
    return answer;
}

QString TestSimulatorRecords::pushFor(qint64 shillings, char lastDigit, const QString& apiRef)
{
    ClientConfig config;
    config.baseUrl = m_simulator->baseUrl();
    config.publicKey = QStringLiteral("ISPubKey_test_records");
    IntaSendClient client(m_network, config);
    std::optional<CallResult> result;
    client.requestStkPush({Money::fromShillings(shillings),
                           PhoneNumber::parse(QStringLiteral("071234567") + QLatin1Char(lastDigit)).value(),
                           apiRef, QStringLiteral("Till")},
                          this, [&](const CallResult& r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 5000) || !result->ok())
        return {};
    return result->invoice->invoiceId;
}

bool TestSimulatorRecords::pushMany(int count)
{
    ClientConfig config;
    config.baseUrl = m_simulator->baseUrl();
    config.publicKey = QStringLiteral("ISPubKey_test_records");
    IntaSendClient client(m_network, config);
    int answered = 0;
    int taken = 0;
    for (int i = 1; i <= count; ++i) {
        client.requestStkPush({Money::fromShillings(i),
                               PhoneNumber::parse(QStringLiteral("0712345675")).value(),
                               QStringLiteral("ref-%1").arg(i), QStringLiteral("Till")},
                              this, [&](const CallResult& r) {
                                  ++answered;
                                  taken += r.ok() ? 1 : 0;
                              });
        m_clock->advance(1s);
    }
    return QTest::qWaitFor([&] { return answered == count; }, 30000) && taken == count;
}

void TestSimulatorRecords::listNeedsTheSecretKey()
{
    const auto [status, body] = get(wire::invoiceListUrl(m_simulator->baseUrl(), {}), false);
    QCOMPARE(status, 401);
    QVERIFY(body.contains("Authentication credentials were not provided."));
}

void TestSimulatorRecords::findsAnInvoiceByItsReference()
{
    // Two sales to the same phone for the same amount: only the reference tells them apart.
    const QString mine = pushFor(150, '5', QStringLiteral("ref-mine"));
    const QString other = pushFor(150, '5', QStringLiteral("ref-other"));
    QVERIFY(!mine.isEmpty() && !other.isEmpty());
    m_clock->advance(10s); // paid by now
    const auto [status, body] =
        get(wire::invoiceListUrl(m_simulator->baseUrl(), {QStringLiteral("ref-mine"), {}, 1, 100}));
    QCOMPARE(status, 200);
    const Result<wire::InvoicePage> page = wire::parseInvoicePage(body);
    QVERIFY2(page, qPrintable(page.error()));
    QCOMPARE(page->count, 1);
    QCOMPARE(page->invoices.size(), 1);
    QVERIFY(page->unreadable.isEmpty());
    const wire::Invoice& found = page->invoices.first();
    QCOMPARE(found.invoiceId, mine);
    QCOMPARE(found.apiRef, QStringLiteral("ref-mine"));
    QCOMPARE(found.state, wire::RemoteState::Complete);
    QCOMPARE(found.value, Money::fromShillings(150));
    QCOMPARE(found.charges, Money::fromCents(450)); // the simulator's 3 %
    QCOMPARE(found.netAmount, Money::fromCents(14550));
    QCOMPARE(found.mpesaReference, m_simulator->receiptFor(mine));
    // Shaped as the notes saw the list: value and charges as numbers, net_amount as a string.
    const QJsonObject item =
        QJsonDocument::fromJson(body).object().value(QLatin1String("results")).toArray().first().toObject();
    QVERIFY(item.value(QLatin1String("value")).isDouble());
    QVERIFY(item.value(QLatin1String("charges")).isDouble());
    QVERIFY(item.value(QLatin1String("net_amount")).isString());
    QCOMPARE(item.value(QLatin1String("clearing_status")).toString(), QStringLiteral("AVAILABLE"));

    const auto [noneStatus, noneBody] =
        get(wire::invoiceListUrl(m_simulator->baseUrl(), {QStringLiteral("never-sent"), {}, 1, 100}));
    QCOMPARE(noneStatus, 200);
    QCOMPARE(wire::parseInvoicePage(noneBody)->invoices.size(), 0);
}

void TestSimulatorRecords::pagesNewestFirstWithAbsoluteNextLinks()
{
    QVERIFY(pushMany(250));
    QUrl url = wire::invoiceListUrl(m_simulator->baseUrl(), {{}, {}, 1, 100});
    QStringList refs;
    int pages = 0;
    while (!url.isEmpty()) {
        const auto [status, body] = get(url);
        QCOMPARE(status, 200);
        const Result<wire::InvoicePage> page = wire::parseInvoicePage(body);
        QVERIFY(page);
        QCOMPARE(page->count, 250);
        for (const wire::Invoice& invoice : page->invoices)
            refs.append(invoice.apiRef);
        ++pages;
        url = page->next.isEmpty() ? QUrl() : QUrl(page->next);
        QVERIFY(url.isEmpty() || wire::isOnBase(url, m_simulator->baseUrl()));
    }
    QCOMPARE(pages, 3);
    QCOMPARE(refs.size(), 250);
    QCOMPARE(QSet<QString>(refs.cbegin(), refs.cend()).size(), 250); // none twice, none missed

    // Newest first: two more, one after the other.
    QVERIFY(!pushFor(10, '5', QStringLiteral("older")).isEmpty());
    m_clock->advance(1s);
    QVERIFY(!pushFor(10, '5', QStringLiteral("newer")).isEmpty());
    const auto [status, body] = get(wire::invoiceListUrl(m_simulator->baseUrl(), {{}, {}, 1, 2}));
    QCOMPARE(status, 200);
    const Result<wire::InvoicePage> newest = wire::parseInvoicePage(body);
    QVERIFY(newest);
    QCOMPARE(newest->invoices.size(), 2);
    QCOMPARE(newest->invoices.at(0).apiRef, QStringLiteral("newer"));
    QCOMPARE(newest->invoices.at(1).apiRef, QStringLiteral("older"));
}

void TestSimulatorRecords::filtersByState()
{
    pushFor(100, '5', QStringLiteral("pays"));
    pushFor(200, '0', QStringLiteral("cancels"));
    pushFor(300, '9', QStringLiteral("silent"));
    m_clock->advance(10s);
    const auto [status, body] =
        get(wire::invoiceListUrl(m_simulator->baseUrl(), {{}, QStringLiteral("FAILED"), 1, 100}));
    QCOMPARE(status, 200);
    const Result<wire::InvoicePage> page = wire::parseInvoicePage(body);
    QVERIFY(page);
    QCOMPARE(page->invoices.size(), 1);
    QCOMPARE(page->invoices.first().apiRef, QStringLiteral("cancels"));
    QCOMPARE(page->invoices.first().failedCode, QStringLiteral("1032"));
}

void TestSimulatorRecords::showsOneInvoiceByItsId()
{
    const QString id = pushFor(150, '5', QStringLiteral("one"));
    QUrl url = m_simulator->baseUrl();
    url.setPath(wire::invoicesPath() + id + u'/');
    const auto [status, body] = get(url);
    QCOMPARE(status, 200);
    const QJsonObject item = QJsonDocument::fromJson(body).object();
    QCOMPARE(wire::parseInvoiceObject(item)->invoiceId, id);
    QCOMPARE(wire::parseInvoiceObject(item)->apiRef, QStringLiteral("one"));
    url.setPath(wire::invoicesPath() + QStringLiteral("NOSUCH/"));
    QCOMPARE(get(url).first, 404);
}

void TestSimulatorRecords::aListThatIgnoresItsFilters()
{
    pushFor(150, '5', QStringLiteral("wanted"));
    pushFor(150, '5', QStringLiteral("same phone and amount, another sale"));
    m_simulator->setFault({sim::FaultMode::IgnoreFilters, 0, sim::FaultScope::Records});
    const auto [status, body] =
        get(wire::invoiceListUrl(m_simulator->baseUrl(), {QStringLiteral("wanted"), {}, 1, 100}));
    QCOMPARE(status, 200);
    const Result<wire::InvoicePage> page = wire::parseInvoicePage(body);
    QVERIFY(page);
    QCOMPARE(page->invoices.size(), 2); // the filter was not honoured: the caller must check api_ref
    QCOMPARE(page->invoices.first().apiRef, QStringLiteral("same phone and amount, another sale"));
}

std::unique_ptr<IntaSendClient> TestSimulatorRecords::clientWith(const QString& secret)
{
    ClientConfig config;
    config.baseUrl = m_simulator->baseUrl();
    config.publicKey = QStringLiteral("ISPubKey_test_records");
    config.secretKey = secret;
    config.transferTimeout = 5s;
    return std::make_unique<IntaSendClient>(m_network, config);
}

InvoicePageResult TestSimulatorRecords::listPage(IntaSendClient& client, const QUrl& url)
{
    std::optional<InvoicePageResult> result;
    client.listInvoices(url, this, [&](const InvoicePageResult& r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 5000)) {
        InvoicePageResult none;
        none.call.message = QStringLiteral("no answer");
        return none;
    }
    return *result;
}

void TestSimulatorRecords::clientReadsEveryPageOfAThousand()
{
    QVERIFY(pushMany(1000));
    const auto client = clientWith(QStringLiteral("ISSecretKey_test_records"));
    QUrl url = wire::invoiceListUrl(m_simulator->baseUrl(), {{}, {}, 1, 100});
    QSet<QString> refs;
    int pages = 0;
    while (url.isValid() && !url.isEmpty()) {
        const InvoicePageResult result = listPage(*client, url);
        QVERIFY2(result.ok(), qPrintable(result.call.message));
        for (const wire::Invoice& invoice : result.page->invoices)
            refs.insert(invoice.apiRef);
        ++pages;
        url = QUrl(result.page->next);
    }
    QCOMPARE(pages, 10);
    QCOMPARE(refs.size(), 1000);
}

void TestSimulatorRecords::clientHearsSlowDownMidway()
{
    QVERIFY(pushMany(150));
    const auto client = clientWith(QStringLiteral("ISSecretKey_test_records"));
    const InvoicePageResult first =
        listPage(*client, wire::invoiceListUrl(m_simulator->baseUrl(), {{}, {}, 1, 100}));
    QVERIFY(first.ok());
    m_simulator->setFault({sim::FaultMode::RateLimited, 20, sim::FaultScope::Records});
    const InvoicePageResult second = listPage(*client, QUrl(first.page->next));
    QVERIFY(!second.ok());
    QCOMPARE(second.call.failure, CallFailure::RateLimited);
    QCOMPARE(second.call.retryAfter, 20s);
    m_simulator->setFault({});
    const InvoicePageResult again = listPage(*client, QUrl(first.page->next));
    QVERIFY(again.ok());
    QCOMPARE(again.page->invoices.size(), 50);
}

void TestSimulatorRecords::clientWithoutSecretOrOffBaseSendsNothing()
{
    pushFor(150, '5', QStringLiteral("x"));
    const int before = m_simulator->recordRequestCount();
    const auto noSecret = clientWith({});
    const InvoicePageResult needsKey =
        listPage(*noSecret, wire::invoiceListUrl(m_simulator->baseUrl(), {QStringLiteral("x"), {}, 1, 100}));
    QVERIFY(!needsKey.ok());
    QCOMPARE(needsKey.call.failure, CallFailure::AuthRefused);
    QVERIFY(needsKey.call.message.contains(QStringLiteral("secret key")));
    // A next link that points elsewhere never receives the secret key.
    const auto client = clientWith(QStringLiteral("ISSecretKey_test_records"));
    QUrl elsewhere = m_simulator->baseUrl();
    elsewhere.setPort(m_simulator->port() == 1 ? 2 : 1);
    elsewhere.setPath(wire::invoicesPath());
    const InvoicePageResult offBase = listPage(*client, elsewhere);
    QVERIFY(!offBase.ok());
    QCOMPARE(offBase.call.failure, CallFailure::NotSent);
    QCOMPARE(m_simulator->recordRequestCount(), before);
}

void TestSimulatorRecords::clientReportsRefusedKeys()
{
    // The simulator accepts any ISSecretKey_…: a key of another shape is refused, as IntaSend would.
    const auto client = clientWith(QStringLiteral("not-a-secret-key"));
    const InvoicePageResult refused = listPage(*client, wire::invoiceListUrl(m_simulator->baseUrl(), {}));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.call.failure, CallFailure::AuthRefused);
    QCOMPARE(refused.call.httpStatus, 401);
}

QTEST_GUILESS_MAIN(TestSimulatorRecords)
#include "tst_simulator_records.moc"
