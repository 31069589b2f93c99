// SPDX-License-Identifier: GPL-3.0-or-later
#include "MiniHttpServer.h"

#include <QTest>

using namespace lipa::sim;

Q_DECLARE_METATYPE(lipa::sim::ChunkedBody::Status)

// The simulator's server reads chunked request bodies (RFC 9112 §7.1), as Node's http client (and so
// IntaSend's own Node SDK) and curl send them.
class TestChunked : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decodes_data();
    void decodes();
};

void TestChunked::decodes_data()
{
    using S = ChunkedBody::Status;
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<S>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("end");
    QTest::newRow("one chunk") << QByteArray("5\r\nhello\r\n0\r\n\r\nGET /next") << S::Complete
                               << QByteArray("hello") << 15;
    QTest::newRow("two chunks, hex, extension") << QByteArray("a;name=x\r\n0123456789\r\n1\r\n!\r\n0\r\n\r\n")
                                                << S::Complete << QByteArray("0123456789!") << 33;
    QTest::newRow("trailers") << QByteArray("3\r\nabc\r\n0\r\nX-Trailer: 1\r\n\r\n") << S::Complete
                              << QByteArray("abc") << 27;
    QTest::newRow("empty body") << QByteArray("0\r\n\r\n") << S::Complete << QByteArray() << 5;
    QTest::newRow("size line not yet") << QByteArray("5") << S::Incomplete << QByteArray() << 0;
    QTest::newRow("data not yet") << QByteArray("5\r\nhel") << S::Incomplete << QByteArray() << 0;
    QTest::newRow("last chunk, no end yet")
        << QByteArray("5\r\nhello\r\n0\r\n") << S::Incomplete << QByteArray() << 0;
    QTest::newRow("not hex") << QByteArray("zz\r\nhello\r\n") << S::Malformed << QByteArray() << 0;
    QTest::newRow("negative") << QByteArray("-5\r\nhello\r\n") << S::Malformed << QByteArray() << 0;
    QTest::newRow("data longer than said")
        << QByteArray("3\r\nhello\r\n0\r\n\r\n") << S::Malformed << QByteArray() << 0;
    QTest::newRow("over the limit") << QByteArray("ffff\r\n") << S::Malformed << QByteArray() << 0;
    QTest::newRow("endless size line") << QByteArray(100, '1') << S::Malformed << QByteArray() << 0;
}

void TestChunked::decodes()
{
    QFETCH(QByteArray, data);
    QFETCH(ChunkedBody::Status, status);
    QFETCH(QByteArray, body);
    QFETCH(int, end);
    const ChunkedBody decoded = decodeChunked(data, 0, 1024);
    QCOMPARE(decoded.status, status);
    if (status == ChunkedBody::Status::Complete) {
        QCOMPARE(decoded.body, body);
        QCOMPARE(decoded.end, qsizetype(end));
    }
}

QTEST_GUILESS_MAIN(TestChunked)
#include "tst_chunked.moc"
