// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpRequestParser.h"

#include <QList>

#include <algorithm>
#include <utility>

namespace lipa::sim {

namespace {

constexpr qsizetype kMaxMethodBytes = 32;
constexpr qsizetype kMaxExtensionBytes = 4096;
constexpr int kMaxSizeDigits = 16;
constexpr QByteArrayView kLineEnd("\r\n");

// tchar (RFC 9110 §5.6.2).
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

// A field value's characters (RFC 9110 §5.5): visible, space, tab, obs-text; never CR, LF or NUL.
bool isFieldValueChar(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    return byte == '\t' || (byte >= 0x20 && byte != 0x7f);
}

// A request target is visible ASCII without spaces (RFC 9112 §3.2, RFC 3986).
bool isTargetChar(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    return byte > 0x20 && byte < 0x7f;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isDigits(QByteArrayView text)
{
    return !text.isEmpty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

QByteArrayView trimmedOws(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

// A comma-separated list's elements (RFC 9110 §5.6.1): trimmed, in lower case, empty ones dropped.
QList<QByteArray> listElements(const QByteArray& value)
{
    QList<QByteArray> elements;
    for (const QByteArray& part : value.split(',')) {
        const QByteArray element = trimmedOws(part).toByteArray().toLower();
        if (!element.isEmpty())
            elements.append(element);
    }
    return elements;
}

} // namespace

ChunkedDecoder::Result ChunkedDecoder::decode(QByteArrayView input, qsizetype& consumed, QByteArray& body,
                                              qsizetype maxBody, qsizetype maxTrailerBytes)
{
    qsizetype i = 0;
    const auto stop = [&i, &consumed](Result result) {
        consumed = i;
        return result;
    };
    while (i < input.size()) {
        const char c = input[i];
        switch (m_state) {
        case State::Size:
            if (const int digit = hexValue(c); digit >= 0) {
                if (++m_digits > kMaxSizeDigits)
                    return stop(Result::Malformed);
                m_size = m_size * 16 + quint64(digit);
                if (m_size > quint64(maxBody - body.size()))
                    return stop(Result::TooLarge);
            } else if (m_digits == 0) {
                return stop(Result::Malformed);
            } else if (c == '\r') {
                m_state = State::SizeLf;
            } else if (c == ';' || c == ' ' || c == '\t') {
                m_state = State::Extension;
                m_lineBytes = 0;
            } else {
                return stop(Result::Malformed);
            }
            ++i;
            break;
        case State::Extension:
            if (c == '\r')
                m_state = State::SizeLf;
            else if (!isFieldValueChar(c) || ++m_lineBytes > kMaxExtensionBytes)
                return stop(Result::Malformed);
            ++i;
            break;
        case State::SizeLf:
            if (c != '\n')
                return stop(Result::Malformed);
            ++i;
            m_state = m_size == 0 ? State::TrailerStart : State::Data;
            break;
        case State::Data: {
            const auto n = qsizetype(std::min<quint64>(m_size, quint64(input.size() - i)));
            body.append(input.data() + i, n);
            i += n;
            m_size -= quint64(n);
            if (m_size == 0)
                m_state = State::DataCr;
            break;
        }
        case State::DataCr:
            if (c != '\r')
                return stop(Result::Malformed);
            ++i;
            m_state = State::DataLf;
            break;
        case State::DataLf:
            if (c != '\n')
                return stop(Result::Malformed);
            ++i;
            m_state = State::Size;
            m_size = 0;
            m_digits = 0;
            break;
        case State::TrailerStart:
            if (c == '\r') {
                ++i;
                m_state = State::EndLf;
                break;
            }
            m_state = State::Trailer;
            [[fallthrough]];
        case State::Trailer:
            if (c == '\r')
                m_state = State::TrailerLf;
            else if (!isFieldValueChar(c))
                return stop(Result::Malformed);
            if (++m_trailerBytes > maxTrailerBytes)
                return stop(Result::TrailersTooLarge);
            ++i;
            break;
        case State::TrailerLf:
            if (c != '\n')
                return stop(Result::Malformed);
            ++i;
            m_state = State::TrailerStart;
            break;
        case State::EndLf:
            if (c != '\n')
                return stop(Result::Malformed);
            ++i;
            *this = ChunkedDecoder();
            return stop(Result::Done);
        }
    }
    return stop(Result::NeedMore);
}

HttpRequestParser::HttpRequestParser(HttpParserLimits limits)
    : m_limits(limits)
{
}

void HttpRequestParser::feed(QByteArrayView bytes)
{
    if (m_state == State::Failed || bytes.isEmpty())
        return;
    if (m_at > 0) {
        m_buffer.remove(0, m_at);
        m_at = 0;
    }
    m_buffer.append(bytes.data(), bytes.size());
}

HttpRequestParser::Event HttpRequestParser::next()
{
    for (;;) {
        switch (m_state) {
        case State::Failed:
            return Event::Error;
        case State::Head: {
            // Empty lines before a request line are ignored (RFC 9112 §2.2).
            while (m_buffer.size() - m_at >= 2 && m_buffer.at(m_at) == '\r' &&
                   m_buffer.at(m_at + 1) == '\n') {
                m_at += 2;
                m_scanned = 0;
            }
            // The same checks in the same order whatever pieces the bytes came in: first what is not HTTP
            // at all, then the request line's length, then the whole block's.
            if (!startLooksLikeHttp())
                return fail(400, "Not an HTTP request");
            const QByteArrayView pending = QByteArrayView(m_buffer).sliced(m_at);
            const qsizetype end = pending.indexOf("\r\n\r\n", std::max<qsizetype>(0, m_scanned - 3));
            const qsizetype lineLimit = m_limits.maxRequestLineBytes + 2; // its CRLF included
            if (end < 0) {
                if (m_scanned < lineLimit && pending.size() >= lineLimit &&
                    pending.first(lineLimit).indexOf(kLineEnd) < 0)
                    return fail(414, "Request line too long");
                m_scanned = pending.size();
                // The block counts with its blank line, so one this long that has not ended is over.
                if (pending.size() >= m_limits.maxHeaderBytes)
                    return fail(431, "Request header fields too large");
                return Event::NeedMore;
            }
            if (pending.first(std::min(pending.size(), lineLimit)).indexOf(kLineEnd) < 0)
                return fail(414, "Request line too long");
            if (end + 4 > m_limits.maxHeaderBytes)
                return fail(431, "Request header fields too large");
            if (!parseHead(pending.first(end)))
                return Event::Error;
            m_at += end + 4;
            m_scanned = 0;
            if (m_chunked) {
                m_state = State::Chunked;
                m_decoder = ChunkedDecoder();
            } else if (m_remaining > 0) {
                m_state = State::Body;
            } else {
                return complete();
            }
            // The client waits for a word before it sends the body (RFC 9110 §10.1.1); one that did not
            // wait needs none.
            if (m_expectsContinue && m_at == m_buffer.size())
                return Event::Continue;
            continue;
        }
        case State::Body: {
            const qsizetype n = std::min(m_remaining, m_buffer.size() - m_at);
            m_request.body.append(m_buffer.constData() + m_at, n);
            m_at += n;
            m_remaining -= n;
            if (m_remaining > 0)
                return Event::NeedMore;
            return complete();
        }
        case State::Chunked: {
            qsizetype consumed = 0;
            const ChunkedDecoder::Result result =
                m_decoder.decode(QByteArrayView(m_buffer).sliced(m_at), consumed, m_request.body,
                                 m_limits.maxBodyBytes, m_limits.maxHeaderBytes);
            m_at += consumed;
            switch (result) {
            case ChunkedDecoder::Result::NeedMore:
                return Event::NeedMore;
            case ChunkedDecoder::Result::Done:
                return complete();
            case ChunkedDecoder::Result::Malformed:
                return fail(400, "Bad chunked body");
            case ChunkedDecoder::Result::TooLarge:
                return fail(413, "Body too large");
            case ChunkedDecoder::Result::TrailersTooLarge:
                return fail(431, "Trailer fields too large");
            }
            return fail(400, "Bad chunked body");
        }
        }
    }
}

HttpRequest HttpRequestParser::takeRequest()
{
    return std::exchange(m_ready, HttpRequest());
}

qsizetype HttpRequestParser::bufferedBytes() const
{
    return m_buffer.size() - m_at + m_request.body.size() + m_ready.body.size();
}

bool HttpRequestParser::isMidRequest() const
{
    return m_state == State::Body || m_state == State::Chunked ||
           (m_state == State::Head && m_at < m_buffer.size());
}

HttpRequestParser::Event HttpRequestParser::fail(int status, const QByteArray& reason)
{
    m_state = State::Failed;
    m_error = {status, reason};
    m_buffer.clear();
    m_at = 0;
    m_request = HttpRequest();
    return Event::Error;
}

bool HttpRequestParser::startLooksLikeHttp() const
{
    const QByteArrayView pending = QByteArrayView(m_buffer).sliced(m_at);
    if (pending.size() == 1 && pending.front() == '\r')
        return true; // the first half of an empty line
    // A method is a token, and a short one: TLS, SSH or random bytes fail here at once, not at the limit.
    const qsizetype checked = std::min(pending.size(), kMaxMethodBytes + 1);
    for (qsizetype i = 0; i < checked; ++i) {
        if (pending[i] == ' ')
            return i > 0;
        if (!isTokenChar(pending[i]))
            return false;
    }
    return checked <= kMaxMethodBytes;
}

bool HttpRequestParser::parseHead(QByteArrayView head)
{
    const auto refuse = [this](int status, const QByteArray& reason) {
        fail(status, reason);
        return false;
    };
    QList<QByteArrayView> lines;
    for (qsizetype from = 0;;) {
        const qsizetype lineEnd = head.indexOf(kLineEnd, from);
        if (lineEnd < 0) {
            lines.append(head.sliced(from));
            break;
        }
        lines.append(head.sliced(from, lineEnd - from));
        from = lineEnd + 2;
    }

    // request-line = method SP request-target SP HTTP-version (RFC 9112 §3)
    const QByteArrayView requestLine = lines.first();
    if (requestLine.size() > m_limits.maxRequestLineBytes)
        return refuse(414, "Request line too long");
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype secondSpace = firstSpace < 0 ? -1 : requestLine.indexOf(' ', firstSpace + 1);
    if (firstSpace <= 0 || secondSpace < 0)
        return refuse(400, "Bad request line");
    const QByteArrayView method = requestLine.first(firstSpace);
    const QByteArrayView target = requestLine.sliced(firstSpace + 1, secondSpace - firstSpace - 1);
    const QByteArrayView version = requestLine.sliced(secondSpace + 1);
    if (!isToken(method))
        return refuse(400, "Bad method");
    if (target.isEmpty() || !std::all_of(target.begin(), target.end(), isTargetChar))
        return refuse(400, "Bad request target");
    const bool versionShaped = version.size() == 8 && version.startsWith("HTTP/") && version[5] >= '0' &&
                               version[5] <= '9' && version[6] == '.' && version[7] >= '0' &&
                               version[7] <= '9';
    if (!versionShaped)
        return refuse(400, "Bad HTTP version");
    if (version[5] != '1')
        return refuse(505, "HTTP version not supported");
    m_request.method = method.toByteArray();
    m_request.minorVersion = version[7] - '0';

    // The origin's path and query; a proxy's absolute-form target is read for the same (RFC 9112 §3.2.2).
    QByteArray origin = target.toByteArray();
    if (!origin.startsWith('/')) {
        const QByteArray lower = origin.toLower();
        const qsizetype authority = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
        if (authority > 0) {
            const qsizetype slash = origin.indexOf('/', authority);
            const qsizetype question = origin.indexOf('?', authority);
            const qsizetype start = slash < 0 ? question : question < 0 ? slash : std::min(slash, question);
            origin = start < 0 ? QByteArray("/") : origin.mid(start);
            if (origin.startsWith('?'))
                origin.prepend('/');
        }
    }
    // origin-form starts with "/" (RFC 9112 §3.2.1); anything else ("?x", "x/y") names no resource. Found by
    // fuzz_http_request: "GET ?/on% HTTP/1.1" was read with an empty path.
    if (!origin.startsWith('/'))
        return refuse(400, "Bad request target");
    const qsizetype question = origin.indexOf('?');
    m_request.path = question < 0 ? origin : origin.left(question);
    m_request.query = question < 0 ? QByteArray() : origin.mid(question + 1);

    // field-line = field-name ":" OWS field-value OWS (RFC 9112 §5)
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines[i];
        if (line.front() == ' ' || line.front() == '\t')
            return refuse(400, "Folded header field"); // obs-fold (§5.2)
        const qsizetype colon = line.indexOf(':');
        // No whitespace between the name and the colon (§5.1): that is how requests are smuggled.
        if (colon <= 0 || !isToken(line.first(colon)))
            return refuse(400, "Bad header field");
        const QByteArrayView value = trimmedOws(line.sliced(colon + 1));
        if (!std::all_of(value.begin(), value.end(), isFieldValueChar))
            return refuse(400, "Bad header field");
        const QByteArray name = line.first(colon).toByteArray().toLower();
        const auto known = m_request.headers.find(name);
        if (known == m_request.headers.end()) {
            m_request.headers.insert(name, value.toByteArray());
        } else {
            if (name == "host")
                return refuse(400, "More than one Host");
            known->append(", ").append(value.data(), value.size());
        }
    }
    const HttpRequest& request = m_request;
    if (request.minorVersion >= 1 && !request.headers.contains("host"))
        return refuse(400, "No Host"); // §3.2

    // The body's length (§6.3): chunked, Content-Length or none; never both.
    m_chunked = false;
    m_remaining = 0;
    if (request.headers.contains("transfer-encoding")) {
        if (request.headers.contains("content-length"))
            return refuse(400, "Both Content-Length and Transfer-Encoding");
        if (request.minorVersion == 0)
            return refuse(400, "Transfer-Encoding in an HTTP/1.0 request");
        const QList<QByteArray> codings = listElements(request.header("transfer-encoding"));
        if (codings.isEmpty() || codings.last() != "chunked" || codings.count("chunked") > 1)
            return refuse(400, "Bad Transfer-Encoding");
        if (codings.size() > 1)
            return refuse(501, "Transfer coding not implemented");
        m_chunked = true;
    } else if (request.headers.contains("content-length")) {
        // Repeated, the values must agree (§6.3 item 5).
        QByteArray length;
        for (const QByteArray& part : request.header("content-length").split(',')) {
            const QByteArray element = trimmedOws(part).toByteArray();
            if (!isDigits(element) || (!length.isEmpty() && element != length))
                return refuse(400, "Bad Content-Length");
            length = element;
        }
        qsizetype bytes = 0;
        for (const char digit : length) {
            bytes = bytes * 10 + (digit - '0');
            if (bytes > m_limits.maxBodyBytes)
                return refuse(413, "Body too large");
        }
        m_remaining = bytes;
    }

    m_expectsContinue = false;
    if (request.headers.contains("expect")) {
        if (request.header("expect").trimmed().toLower() != "100-continue")
            return refuse(417, "Unsupported expectation");
        // An HTTP/1.0 client does not wait for it (RFC 9110 §10.1.1).
        m_expectsContinue = request.minorVersion >= 1 && (m_chunked || m_remaining > 0);
    }

    const QList<QByteArray> options = listElements(request.header("connection"));
    m_request.keepAlive =
        !options.contains("close") && (request.minorVersion >= 1 || options.contains("keep-alive"));
    return true;
}

HttpRequestParser::Event HttpRequestParser::complete()
{
    m_ready = std::exchange(m_request, HttpRequest());
    m_state = State::Head;
    m_chunked = false;
    m_expectsContinue = false;
    m_remaining = 0;
    return Event::Request;
}

ChunkedBody decodeChunked(const QByteArray& data, qsizetype from, qsizetype maxBody)
{
    ChunkedDecoder decoder;
    ChunkedBody result;
    qsizetype consumed = 0;
    switch (decoder.decode(QByteArrayView(data).sliced(from), consumed, result.body, maxBody, 8 * 1024)) {
    case ChunkedDecoder::Result::NeedMore:
        result.status = ChunkedBody::Status::Incomplete;
        result.body.clear();
        break;
    case ChunkedDecoder::Result::Done:
        result.status = ChunkedBody::Status::Complete;
        result.end = from + consumed;
        break;
    case ChunkedDecoder::Result::Malformed:
    case ChunkedDecoder::Result::TooLarge:
    case ChunkedDecoder::Result::TrailersTooLarge:
        result.status = ChunkedBody::Status::Malformed;
        result.body.clear();
        break;
    }
    return result;
}

} // namespace lipa::sim
