// SPDX-License-Identifier: GPL-3.0-or-later
#include "MiniHttpServer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QScopeGuard>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <memory>
#include <vector>

#ifdef Q_OS_LINUX
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace lipa::sim;
using namespace std::chrono_literals;
using Event = HttpRequestParser::Event;

namespace {

// What a parser makes of these pieces, fed one after the other: the requests in order, then the error.
struct Outcome {
    QList<HttpRequest> requests;
    int errorStatus = 0; // none
    int continues = 0;
};

Outcome parsePieces(const QList<QByteArray>& pieces, const HttpParserLimits& limits = {})
{
    HttpRequestParser parser(limits);
    Outcome outcome;
    for (const QByteArray& piece : pieces) {
        parser.feed(piece);
        for (Event event = parser.next(); event != Event::NeedMore; event = parser.next()) {
            if (event == Event::Continue) {
                ++outcome.continues;
            } else if (event == Event::Error) {
                outcome.errorStatus = parser.error().status;
                return outcome;
            } else {
                outcome.requests.append(parser.takeRequest());
            }
        }
    }
    return outcome;
}

Outcome parseWhole(const QByteArray& bytes, const HttpParserLimits& limits = {})
{
    return parsePieces({bytes}, limits);
}

// A request as the tests compare them.
QByteArray describe(const HttpRequest& request)
{
    QList<QByteArray> names = request.headers.keys();
    std::sort(names.begin(), names.end());
    QByteArray text = request.method + ' ' + request.path + '?' + request.query + " 1." +
                      QByteArray::number(request.minorVersion) + (request.keepAlive ? " keep" : " close");
    for (const QByteArray& name : names)
        text += '|' + name + '=' + request.headers.value(name);
    return text + '|' + request.body;
}

QByteArray describe(const Outcome& outcome)
{
    QByteArray text;
    for (const HttpRequest& request : outcome.requests)
        text += describe(request) + '\n';
    return text + "error " + QByteArray::number(outcome.errorStatus);
}

// Answers with what it was asked: "METHOD /path" and the body, if any.
void echo(const HttpRequest& request, const std::shared_ptr<HttpExchange>& exchange)
{
    QByteArray body = request.method + ' ' + request.path;
    if (!request.body.isEmpty())
        body += ' ' + request.body;
    exchange->answer(HttpResponse{200, body, "text/plain", {}});
}

// A client that writes raw bytes and keeps everything it receives.
struct RawClient {
    explicit RawClient(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] { received += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }
    bool send(const QByteArray& bytes)
    {
        if (!QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000))
            return false;
        return socket.write(bytes) == bytes.size();
    }
    QTcpSocket socket;
    QByteArray received;
};

// A GET through Qt's own HTTP client; the body, or the error's text.
QByteArray get(QNetworkAccessManager& manager, quint16 port, const QString& path)
{
    manager.setProxy(QNetworkProxy::NoProxy);
    std::unique_ptr<QNetworkReply> reply(
        manager.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)))));
    if (!QTest::qWaitFor([&reply] { return reply->isFinished(); }, 20000))
        return "no answer";
    if (reply->error() != QNetworkReply::NoError)
        return "error: " + reply->errorString().toUtf8();
    return reply->readAll();
}

#ifdef Q_OS_LINUX
bool raiseDescriptorLimit(rlim_t wanted)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return false;
    if (limit.rlim_cur >= wanted)
        return true;
    limit.rlim_cur = std::min(wanted, limit.rlim_max);
    return setrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur >= wanted;
}

// A blocking connect: when it returns, the kernel has the connection in the server's backlog.
int connectBlocking(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd >= 0 && ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}
#endif

constexpr QByteArrayView kGet = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

} // namespace

// The simulator's HTTP server: requests read as RFC 9112 says, whatever pieces they come in, and a server
// that stays bounded and keeps serving whatever clients do (floods, pipelining without reading, silence).
class TestHttpServer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The parser, on its own.
    void readsTheSameRequestsWhereverTheBytesAreSplit();
    void readsPipelinedRequestsOneAtATimeInOrder();
    void refusesWhatIsNotAValidRequest_data();
    void refusesWhatIsNotAValidRequest();
    void limitsIncludeTheirLastByte();
    void keepsTheConnectionAsTheClientAsks_data();
    void keepsTheConnectionAsTheClientAsks();
    void asksForTheBodyOnlyWhenTheClientWaits();
    void readsAbsoluteFormTargetsAndIgnoresLeadingEmptyLines();

    // The server, over loopback.
    void answersPipelinedRequestsOneAtATimeInOrder();
    void closesAfterAnsweringConnectionClose();
    void closesHttp10UnlessKeepAlive();
    void refusesAnOversizedHeaderBlockSentInOneWrite();
    void refusesAnOversizedBodyBeforeItIsSent();
    void servesAChunkedBodyAfterExpectContinue();
    void closesASilentConnectionAfterTheIdleTimeout();
    void answers408ToARequestThatTakesTooLong();
    void acceptsAgainOnceDescriptorsAreFree();
    void keepsAtMostTheCapOpenUnderAFloodOfConnections();
    void boundsWhatAClientThatPipelinesWithoutReadingCanMakeItHold();
};

void TestHttpServer::readsTheSameRequestsWhereverTheBytesAreSplit()
{
    const QByteArray stream = "POST /api/v1/payment/mpesa-stk-push/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                              "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
                              "6\r\n{\"a\":1\r\n3;ext=1\r\n,\"b\r\n4\r\n\":2}\r\n0\r\nX-Trailer: t\r\n\r\n"
                              "POST /api/v1/payment/status/?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                              "Content-Length: 16\r\nX-Many: 1\r\nX-Many: 2\r\n\r\n{\"invoice_id\":1}"
                              "\r\nGET /last HTTP/1.0\r\n\r\n";
    const Outcome whole = parseWhole(stream);
    QCOMPARE(whole.requests.size(), 3);
    QCOMPARE(whole.errorStatus, 0);
    QCOMPARE(whole.requests[0].body, QByteArray(R"({"a":1,"b":2})"));
    QCOMPARE(whole.requests[1].body, QByteArray(R"({"invoice_id":1})"));
    QCOMPARE(whole.requests[1].header("x-many"), QByteArray("1, 2"));
    QCOMPARE(whole.requests[2].path, QByteArray("/last"));

    for (qsizetype split = 0; split <= stream.size(); ++split) {
        const Outcome pieces = parsePieces({stream.left(split), stream.mid(split)});
        QVERIFY2(describe(pieces) == describe(whole), qPrintable(QStringLiteral("split at %1").arg(split)));
    }
    QList<QByteArray> bytes;
    for (const char c : stream)
        bytes.append(QByteArray(1, c));
    QCOMPARE(describe(parsePieces(bytes)), describe(whole));
}

void TestHttpServer::readsPipelinedRequestsOneAtATimeInOrder()
{
    const QByteArray second = "GET /two HTTP/1.1\r\nHost: a\r\n\r\n";
    HttpRequestParser parser;
    parser.feed("POST /one HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc" + second);
    QCOMPARE(parser.next(), Event::Request);
    QCOMPARE(parser.takeRequest().body, QByteArray("abc"));
    // The second is kept, as bytes, until it is asked for.
    QVERIFY(parser.isMidRequest());
    QCOMPARE(parser.bufferedBytes(), second.size());
    QCOMPARE(parser.next(), Event::Request);
    QCOMPARE(parser.takeRequest().path, QByteArray("/two"));
    QCOMPARE(parser.next(), Event::NeedMore);
    QVERIFY(!parser.isMidRequest());
    QCOMPARE(parser.bufferedBytes(), qsizetype(0));
}

void TestHttpServer::refusesWhatIsNotAValidRequest_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    const QByteArray post = "POST / HTTP/1.1\r\nHost: a\r\n";
    QTest::newRow("header block over the limit in one write, blank line included")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + QByteArray(60'000, 'a') + "\r\n\r\n") << 431;
    QTest::newRow("header block over the limit, not ended")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + QByteArray(20'000, 'a')) << 431;
    QTest::newRow("request line over its limit")
        << QByteArray("GET /" + QByteArray(9'000, 'a') + " HTTP/1.1\r\nHost: a\r\n\r\n") << 414;
    QTest::newRow("Content-Length over the body limit")
        << QByteArray(post + "Content-Length: 1048577\r\n\r\n") << 413;
    QTest::newRow("Content-Length past any integer")
        << QByteArray(post + "Content-Length: 99999999999999999999999999\r\n\r\n") << 413;
    QTest::newRow("chunked body over the limit")
        << QByteArray(post + "Transfer-Encoding: chunked\r\n\r\n80000\r\n" + QByteArray(0x80000, 'x') +
                      "\r\n80000\r\n" + QByteArray(0x80000, 'x') + "\r\n1\r\nx\r\n0\r\n\r\n")
        << 413;
    QTest::newRow("Content-Length and chunked")
        << QByteArray(post + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
        << 400;
    QTest::newRow("a coding it does not have")
        << QByteArray(post + "Transfer-Encoding: gzip, chunked\r\n\r\n") << 501;
    QTest::newRow("chunked not last") << QByteArray(post + "Transfer-Encoding: chunked, gzip\r\n\r\n") << 400;
    QTest::newRow("chunked in HTTP/1.0")
        << QByteArray("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << 400;
    QTest::newRow("bad chunk size") << QByteArray(post + "Transfer-Encoding: chunked\r\n\r\nxyz\r\n") << 400;
    QTest::newRow("chunk longer than said")
        << QByteArray(post + "Transfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n") << 400;
    QTest::newRow("lengths that differ")
        << QByteArray(post + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n") << 400;
    QTest::newRow("negative length") << QByteArray(post + "Content-Length: -1\r\n\r\n") << 400;
    QTest::newRow("space before the colon") << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << 400;
    QTest::newRow("folded field") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n 2\r\n\r\n") << 400;
    QTest::newRow("target without a slash") << QByteArray("GET ?/on% HTTP/1.1\r\nHost: a\r\n\r\n") << 400;
    QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: a\r\n\r\n") << 400;
    QTest::newRow("no Host in HTTP/1.1") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("two Hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
    QTest::newRow("HTTP/2") << QByteArray("GET / HTTP/2.0\r\nHost: a\r\n\r\n") << 505;
    QTest::newRow("lower-case version") << QByteArray("GET / http/1.1\r\nHost: a\r\n\r\n") << 400;
    QTest::newRow("unknown expectation")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nExpect: magic\r\n\r\n") << 417;
    // Refused at the first byte, not when a limit is reached: a TLS client learns at once.
    QTest::newRow("TLS handshake") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) << 400;
}

void TestHttpServer::refusesWhatIsNotAValidRequest()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    const Outcome outcome = parseWhole(bytes);
    QCOMPARE(outcome.errorStatus, status);
    QVERIFY(outcome.requests.isEmpty());
    // The same in small pieces, as a slow client sends it.
    QList<QByteArray> pieces;
    for (qsizetype at = 0; at < bytes.size(); at += 7)
        pieces.append(bytes.mid(at, 7));
    QCOMPARE(parsePieces(pieces).errorStatus, status);
}

void TestHttpServer::limitsIncludeTheirLastByte()
{
    HttpParserLimits limits;
    limits.maxHeaderBytes = 1024;
    limits.maxBodyBytes = 100;
    const QByteArray start = "POST / HTTP/1.1\r\nHost: a\r\nX-Pad: ";
    const QByteArray end = "\r\nContent-Length: 100\r\n\r\n";
    const QByteArray exact = start + QByteArray(1024 - start.size() - end.size(), 'p') + end;
    QCOMPARE(exact.size(), 1024);
    QCOMPARE(parseWhole(exact + QByteArray(100, 'b'), limits).requests.size(), 1);
    QCOMPARE(parseWhole(start + 'p' + exact.mid(start.size()) + QByteArray(100, 'b'), limits).errorStatus,
             431);
    QCOMPARE(parseWhole(QByteArray(exact).replace("100", "101") + QByteArray(101, 'b'), limits).errorStatus,
             413);
}

void TestHttpServer::keepsTheConnectionAsTheClientAsks_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("HTTP/1.1") << QByteArray(kGet.toByteArray()) << true;
    QTest::newRow("HTTP/1.1, close") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
                                     << false;
    QTest::newRow("HTTP/1.1, close among others")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nConnection: TE, Close\r\n\r\n") << false;
    QTest::newRow("HTTP/1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
    QTest::newRow("HTTP/1.0, keep-alive")
        << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << true;
}

void TestHttpServer::keepsTheConnectionAsTheClientAsks()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, keepAlive);
    const Outcome outcome = parseWhole(bytes);
    QCOMPARE(outcome.requests.size(), 1);
    QCOMPARE(outcome.requests[0].keepAlive, keepAlive);
}

void TestHttpServer::asksForTheBodyOnlyWhenTheClientWaits()
{
    const QByteArray head = "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n";
    HttpRequestParser parser;
    parser.feed(head);
    QCOMPARE(parser.next(), Event::Continue);
    QCOMPARE(parser.next(), Event::NeedMore);
    parser.feed("hello");
    QCOMPARE(parser.next(), Event::Request);
    QCOMPARE(parser.takeRequest().body, QByteArray("hello"));
    // A client that sent its body without waiting needs no "100 Continue"; nor does an HTTP/1.0 one.
    QCOMPARE(parseWhole(head + "hello").continues, 0);
    QCOMPARE(parsePieces({QByteArray(head).replace("HTTP/1.1", "HTTP/1.0"), "hello"}).continues, 0);
}

void TestHttpServer::readsAbsoluteFormTargetsAndIgnoresLeadingEmptyLines()
{
    const Outcome outcome = parseWhole(
        "\r\n\r\nPOST http://sandbox.intasend.com/api/v1/payment/status/?a=1 HTTP/1.1\r\n"
        "Host: sandbox.intasend.com\r\nContent-Length: 0\r\n\r\nGET HTTP://h?q HTTP/1.1\r\nHost: h\r\n\r\n");
    QCOMPARE(outcome.errorStatus, 0);
    QCOMPARE(outcome.requests.size(), 2);
    QCOMPARE(outcome.requests[0].path, QByteArray("/api/v1/payment/status/"));
    QCOMPARE(outcome.requests[0].query, QByteArray("a=1"));
    QCOMPARE(outcome.requests[1].path, QByteArray("/"));
    QCOMPARE(outcome.requests[1].query, QByteArray("q"));
}

void TestHttpServer::answersPipelinedRequestsOneAtATimeInOrder()
{
    QStringList log;
    MiniHttpServer server([&log](const HttpRequest& request, const std::shared_ptr<HttpExchange>& exchange) {
        const QString path = QString::fromLatin1(request.path);
        log << QStringLiteral("in ") + path;
        // The first one is answered later: the second must wait for it.
        if (path == u"/first") {
            QTimer::singleShot(0, [exchange, &log, path] {
                log << QStringLiteral("out ") + path;
                exchange->answer(HttpResponse{200, "answer to /first", "text/plain", {}});
            });
            return;
        }
        log << QStringLiteral("out ") + path;
        exchange->answer(HttpResponse{200, "answer to " + request.path, "text/plain", {}});
    });
    const quint16 port = server.listen(0);
    QVERIFY(port != 0);
    RawClient client(port);
    QVERIFY(client.send("GET /first HTTP/1.1\r\nHost: a\r\n\r\nPOST /second HTTP/1.1\r\nHost: a\r\n"
                        "Content-Length: 2\r\n\r\nhiGET /third HTTP/1.1\r\nHost: a\r\n\r\n"));
    QTRY_VERIFY(client.received.contains("answer to /third"));
    QCOMPARE(log, QStringList({QStringLiteral("in /first"), QStringLiteral("out /first"),
                               QStringLiteral("in /second"), QStringLiteral("out /second"),
                               QStringLiteral("in /third"), QStringLiteral("out /third")}));
    const qsizetype first = client.received.indexOf("answer to /first");
    const qsizetype second = client.received.indexOf("answer to /second");
    QVERIFY(first >= 0 && first < second && second < client.received.indexOf("answer to /third"));
    QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState); // kept alive
}

void TestHttpServer::closesAfterAnsweringConnectionClose()
{
    MiniHttpServer server(echo);
    const quint16 port = server.listen(0);
    RawClient client(port);
    // What follows a "Connection: close" request is not answered.
    QVERIFY(client.send("GET /last HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n" + kGet.toByteArray()));
    QTRY_COMPARE(client.socket.state(), QAbstractSocket::UnconnectedState);
    QVERIFY(client.received.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(client.received.contains("\r\nConnection: close\r\n"));
    QVERIFY(client.received.endsWith("GET /last"));
    QTRY_COMPARE(server.connectionCount(), 0);
}

void TestHttpServer::closesHttp10UnlessKeepAlive()
{
    MiniHttpServer server(echo);
    const quint16 port = server.listen(0);
    RawClient once(port);
    QVERIFY(once.send("GET /once HTTP/1.0\r\n\r\n"));
    QTRY_COMPARE(once.socket.state(), QAbstractSocket::UnconnectedState);
    QVERIFY(once.received.endsWith("GET /once"));

    RawClient kept(port);
    QVERIFY(kept.send("GET /one HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
    QTRY_VERIFY(kept.received.endsWith("GET /one"));
    QVERIFY(kept.received.contains("\r\nConnection: keep-alive\r\n"));
    QVERIFY(kept.send("GET /two HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
    QTRY_VERIFY(kept.received.endsWith("GET /two"));
    QCOMPARE(kept.socket.state(), QAbstractSocket::ConnectedState);
}

void TestHttpServer::refusesAnOversizedHeaderBlockSentInOneWrite()
{
    int handled = 0;
    MiniHttpServer server(
        [&handled](const HttpRequest& request, const std::shared_ptr<HttpExchange>& exchange) {
            ++handled;
            echo(request, exchange);
        });
    const quint16 port = server.listen(0);
    RawClient client(port);
    QVERIFY(client.send("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + QByteArray(60'000, 'a') + "\r\n\r\n"));
    QTRY_COMPARE(client.socket.state(), QAbstractSocket::UnconnectedState);
    QVERIFY2(client.received.startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"),
             client.received.left(80).constData());
    QCOMPARE(handled, 0);
    QTRY_COMPARE(server.connectionCount(), 0);
}

void TestHttpServer::refusesAnOversizedBodyBeforeItIsSent()
{
    MiniHttpServer server(echo);
    const quint16 port = server.listen(0);
    RawClient client(port);
    QVERIFY(
        client.send("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2097152\r\n\r\n"));
    QTRY_COMPARE(client.socket.state(), QAbstractSocket::UnconnectedState);
    QVERIFY2(client.received.startsWith("HTTP/1.1 413 Content Too Large\r\n"),
             client.received.left(80).constData());
    QVERIFY(!client.received.contains("100 Continue"));
}

void TestHttpServer::servesAChunkedBodyAfterExpectContinue()
{
    MiniHttpServer server(echo);
    const quint16 port = server.listen(0);
    RawClient client(port);
    QVERIFY(client.send(
        "POST /push HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n"));
    QTRY_COMPARE(client.received, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
    QVERIFY(client.send("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"));
    QTRY_VERIFY(client.received.endsWith("POST /push hello world"));
    QVERIFY(client.received.contains("\r\n\r\nHTTP/1.1 200 OK\r\n"));
}

void TestHttpServer::closesASilentConnectionAfterTheIdleTimeout()
{
    HttpServerLimits limits;
    limits.idleTimeout = 300ms;
    MiniHttpServer server(echo, limits);
    const quint16 port = server.listen(0);
    QElapsedTimer elapsed;
    elapsed.start();
    RawClient silent(port);
    QTRY_COMPARE(server.connectionCount(), 1);
    QTRY_COMPARE(silent.socket.state(), QAbstractSocket::UnconnectedState);
    QVERIFY(elapsed.elapsed() >= 250);
    QTRY_COMPARE(server.connectionCount(), 0);

    // Kept alive after an answer and then not used: the same.
    RawClient kept(port);
    QVERIFY(kept.send(kGet.toByteArray()));
    QTRY_VERIFY(kept.received.endsWith("GET /"));
    QTRY_COMPARE(kept.socket.state(), QAbstractSocket::UnconnectedState);
    QTRY_COMPARE(server.connectionCount(), 0);
}

void TestHttpServer::answers408ToARequestThatTakesTooLong()
{
    HttpServerLimits limits;
    limits.requestTimeout = 300ms;
    MiniHttpServer server(echo, limits);
    const quint16 port = server.listen(0);
    RawClient slow(port);
    QVERIFY(slow.send("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nhal"));
    QTRY_COMPARE(slow.socket.state(), QAbstractSocket::UnconnectedState);
    QVERIFY2(slow.received.startsWith("HTTP/1.1 408 Request Timeout\r\n"),
             slow.received.left(80).constData());
    QTRY_COMPARE(server.connectionCount(), 0);
}

void TestHttpServer::acceptsAgainOnceDescriptorsAreFree()
{
#ifndef Q_OS_LINUX
    QSKIP("Runs out of descriptors the Linux way");
#else
    HttpServerLimits limits;
    limits.acceptRetry = 50ms;
    MiniHttpServer server(echo, limits);
    const quint16 port = server.listen(0);
    QVERIFY(port != 0);

    std::vector<int> clients;
    std::vector<int> filler;
    rlimit saved{};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &saved), 0);
    const auto cleanUp = qScopeGuard([&] {
        for (const int fd : filler)
            ::close(fd);
        setrlimit(RLIMIT_NOFILE, &saved);
        for (const int fd : clients)
            ::close(fd);
    });
    // Three clients connect (the kernel has them; the server has not taken them yet)...
    for (int i = 0; i < 3; ++i) {
        clients.push_back(connectBlocking(port));
        QVERIFY(clients.back() >= 0);
    }
    // ...and then this process has no descriptor left for accept().
    const auto open = QDir(QStringLiteral("/proc/self/fd"))
                          .entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
    rlimit low = saved;
    low.rlim_cur = std::min<rlim_t>(saved.rlim_cur, rlim_t(open.size()) + 16);
    QCOMPARE(setrlimit(RLIMIT_NOFILE, &low), 0);
    for (int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC); fd >= 0;
         fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC))
        filler.push_back(fd);
    QTRY_VERIFY(server.acceptErrorCount() > 0);
    QCOMPARE(server.connectionCount(), 0);

    for (const int fd : filler)
        ::close(fd);
    filler.clear();
    QCOMPARE(setrlimit(RLIMIT_NOFILE, &saved), 0);
    // Tried again a while later, and served: neither given up nor retried in a busy loop.
    QTRY_COMPARE(server.connectionCount(), 3);
    QVERIFY2(server.acceptErrorCount() < 200, qPrintable(QString::number(server.acceptErrorCount())));
    QNetworkAccessManager manager;
    QCOMPARE(get(manager, port, QStringLiteral("/after")), QByteArray("GET /after"));
#endif
}

void TestHttpServer::keepsAtMostTheCapOpenUnderAFloodOfConnections()
{
#ifdef Q_OS_LINUX
    QVERIFY2(raiseDescriptorLimit(4096), "1,000 connections need about 1,100 descriptors (ulimit -n)");
#endif
    HttpServerLimits limits;
    limits.maxConnections = 32;
    limits.idleTimeout = 60s; // the flood is not timed out: the cap alone holds it
    MiniHttpServer server(echo, limits);
    const quint16 port = server.listen(0);
    QVERIFY(port != 0);

    // A normal client, whose connection stays open...
    QNetworkAccessManager manager;
    QCOMPARE(get(manager, port, QStringLiteral("/before")), QByteArray("GET /before"));
    QCOMPARE(server.connectionCount(), 1);

    // ...then 1,000 connections at once that send nothing.
    std::vector<std::unique_ptr<QTcpSocket>> flood;
    for (int i = 0; i < 1000; ++i) {
        flood.push_back(std::make_unique<QTcpSocket>());
        flood.back()->connectToHost(QHostAddress::LocalHost, port);
    }
    QTRY_COMPARE(server.connectionCount(), limits.maxConnections);
    QCOMPARE(server.peakConnectionCount(), limits.maxConnections);
    // While it lasts, the client within the cap is still served.
    QCOMPARE(get(manager, port, QStringLiteral("/during")), QByteArray("GET /during"));

    // Once it stops, a new client is served too.
    flood.clear();
    QNetworkAccessManager fresh;
    QCOMPARE(get(fresh, port, QStringLiteral("/after")), QByteArray("GET /after"));
    QCOMPARE(server.peakConnectionCount(), limits.maxConnections);
}

void TestHttpServer::boundsWhatAClientThatPipelinesWithoutReadingCanMakeItHold()
{
    const HttpServerLimits limits;
    int handled = 0;
    MiniHttpServer server(
        [&handled](const HttpRequest& request, const std::shared_ptr<HttpExchange>& exchange) {
            ++handled;
            exchange->answer(
                HttpResponse{200,
                             request.path == "/normal" ? QByteArray("normal") : QByteArray(1024, 'a'),
                             "text/plain",
                             {}});
        },
        limits);
    const quint16 port = server.listen(0);
    QVERIFY(port != 0);

    QTcpSocket greedy;
    greedy.setReadBufferSize(1); // it never reads: Qt takes one byte and leaves the rest in the kernel
    greedy.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE(greedy.state(), QAbstractSocket::ConnectedState);
    const QByteArray one = "GET /flood HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    QByteArray requests;
    requests.reserve(5 * 1024 * 1024 + one.size());
    while (requests.size() < 5 * 1024 * 1024)
        requests += one;
    QCOMPARE(greedy.write(requests), qint64(requests.size()));

    // The server answers until the client's unread answers fill the kernel's buffers, then stops reading.
    QTRY_COMPARE_WITH_TIMEOUT(server.stalledConnectionCount(), 1, 30000);
    // Meanwhile a normal client is served.
    QNetworkAccessManager manager;
    QCOMPARE(get(manager, port, QStringLiteral("/normal")), QByteArray("normal"));

    // What one connection may hold: unread input, a request in the parser, answers not sent, one more.
    const qsizetype bound =
        limits.maxUnreadInput + limits.maxPendingOutput + limits.request.maxHeaderBytes + 32 * 1024;
    QVERIFY2(
        server.peakConnectionBytes() <= bound,
        qPrintable(QStringLiteral("%1 bytes held, bound %2").arg(server.peakConnectionBytes()).arg(bound)));
    QVERIFY(server.bufferedBytes() <= bound + 4096);
    QVERIFY2(handled < requests.size() / one.size(),
             qPrintable(QStringLiteral("all %1 requests were read and answered").arg(handled)));

    greedy.abort();
    QTRY_COMPARE(server.connectionCount(), 1); // the normal client's, kept alive
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
