// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes as what a client sends the simulator's HTTP server (HttpRequestParser). Must not crash, hang or
// trip a sanitizer; the requests and the error it reads must be the same however the bytes are split
// (whole, one at a time, in pieces whose size the input picks), and every request within the limits.

#include "FuzzCheck.h"
#include "HttpRequestParser.h"

#include <QByteArray>
#include <QList>

#include <algorithm>

using namespace lipa::sim;

namespace {

// Small limits, so that inputs of a few KiB reach every one of them.
HttpParserLimits smallLimits()
{
    HttpParserLimits limits;
    limits.maxHeaderBytes = 1024;
    limits.maxRequestLineBytes = 256;
    limits.maxBodyBytes = 2048;
    return limits;
}

struct Run {
    QByteArray requests; // each request as one comparable line
    int errorStatus = 0; // none
};

void checkRequest(const HttpRequest& request, const HttpParserLimits& limits)
{
    LIPA_FUZZ_CHECK(!request.method.isEmpty());
    LIPA_FUZZ_CHECK(!request.path.isEmpty());
    LIPA_FUZZ_CHECK(request.body.size() <= limits.maxBodyBytes);
    LIPA_FUZZ_CHECK(request.minorVersion >= 0 && request.minorVersion <= 9);
    LIPA_FUZZ_CHECK(request.minorVersion == 0 || request.headers.contains("host"));
    // One framing or none, never both (a smuggled request hides in the difference).
    const bool chunked = request.headers.contains("transfer-encoding");
    LIPA_FUZZ_CHECK(!(chunked && request.headers.contains("content-length")));
    if (!chunked) {
        const QByteArray length = request.header("content-length").split(',').constFirst().trimmed();
        LIPA_FUZZ_CHECK(request.body.size() == (length.isEmpty() ? 0 : length.toLongLong()));
    }
    for (auto it = request.headers.cbegin(); it != request.headers.cend(); ++it) {
        LIPA_FUZZ_CHECK(!it.key().isEmpty() && it.key() == it.key().toLower());
        LIPA_FUZZ_CHECK(!it.value().contains('\r') && !it.value().contains('\n'));
    }
}

Run run(const QByteArray& data, qsizetype pieceSize)
{
    const HttpParserLimits limits = smallLimits();
    HttpRequestParser parser(limits);
    Run result;
    for (qsizetype at = 0; at < data.size(); at += pieceSize) {
        parser.feed(QByteArrayView(data).sliced(at, std::min(pieceSize, data.size() - at)));
        for (HttpRequestParser::Event event = parser.next(); event != HttpRequestParser::Event::NeedMore;
             event = parser.next()) {
            if (event == HttpRequestParser::Event::Continue)
                continue;
            if (event == HttpRequestParser::Event::Error) {
                result.errorStatus = parser.error().status;
                const QList<int> statuses{400, 413, 414, 417, 431, 501, 505};
                LIPA_FUZZ_CHECK(statuses.contains(result.errorStatus));
                LIPA_FUZZ_CHECK(!parser.error().reason.isEmpty());
                LIPA_FUZZ_CHECK(parser.bufferedBytes() == 0);
                return result;
            }
            const HttpRequest request = parser.takeRequest();
            checkRequest(request, limits);
            result.requests += request.method + ' ' + request.path + '?' + request.query + ' ' +
                               QByteArray::number(request.minorVersion) + (request.keepAlive ? "k" : "c") +
                               ' ' + QByteArray::number(request.headers.size()) + ' ' + request.body.toHex() +
                               '\n';
        }
        // What it holds between reads: at most one header block and one body.
        LIPA_FUZZ_CHECK(parser.bufferedBytes() <= limits.maxHeaderBytes + limits.maxBodyBytes);
    }
    return result;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const Run whole = run(bytes, std::max<qsizetype>(bytes.size(), 1));
    const Run oneByOne = run(bytes, 1);
    LIPA_FUZZ_CHECK(oneByOne.requests == whole.requests);
    LIPA_FUZZ_CHECK(oneByOne.errorStatus == whole.errorStatus);
    if (!bytes.isEmpty()) {
        const Run pieces = run(bytes, 2 + static_cast<unsigned char>(bytes.front()) % 61);
        LIPA_FUZZ_CHECK(pieces.requests == whole.requests);
        LIPA_FUZZ_CHECK(pieces.errorStatus == whole.errorStatus);
    }
    return 0;
}
