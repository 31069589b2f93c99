// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>

namespace lipa::sim {

struct HttpRequest {
    QByteArray method;
    QByteArray path;                       // without the query
    QByteArray query;                      // after the '?', still percent-encoded
    QHash<QByteArray, QByteArray> headers; // names in lower case; a repeated field's values joined by ", "
    QByteArray body;                       // decoded when it came chunked
    int minorVersion = 1;                  // HTTP/1.<minorVersion>
    bool keepAlive = true;                 // the connection stays open after the answer (RFC 9112 §9.3)

    QByteArray header(const QByteArray& lowerCaseName) const { return headers.value(lowerCaseName); }
};

struct HttpParserLimits {
    qsizetype maxHeaderBytes = 16 * 1024;     // the request line, the fields and the blank line, together
    qsizetype maxRequestLineBytes = 8 * 1024; // within the header block
    qsizetype maxBodyBytes = 1024 * 1024;     // as the handler gets it, after chunked decoding
};

// Why a request cannot be read, as the status to answer before closing the connection.
struct HttpParseError {
    int status = 400;
    QByteArray reason;
};

// Reads a chunked body (RFC 9112 §7.1) as it arrives, in any pieces: chunk sizes, extensions (ignored),
// data, trailer fields (ignored) and the final empty line.
class ChunkedDecoder {
public:
    enum class Result { NeedMore, Done, Malformed, TooLarge, TrailersTooLarge };

    // Decodes what it can of input, appending the data to body; consumed says how many bytes it used.
    // After Done the bytes that follow belong to the next request.
    Result decode(QByteArrayView input, qsizetype& consumed, QByteArray& body, qsizetype maxBody,
                  qsizetype maxTrailerBytes);

private:
    enum class State {
        Size,
        Extension,
        SizeLf,
        Data,
        DataCr,
        DataLf,
        TrailerStart,
        Trailer,
        TrailerLf,
        EndLf
    };
    State m_state = State::Size;
    quint64 m_size = 0; // of the chunk being read; in Data, what is left of it
    int m_digits = 0;
    qsizetype m_lineBytes = 0;    // of the current extension
    qsizetype m_trailerBytes = 0; // of the whole trailer section
};

// HTTP/1.1 request framing (RFC 9112) without I/O: bytes go in as they arrive, in any pieces, and come out
// as whole requests, one per next(), in order; or as the error that ends the connection. It holds at most
// the request being read plus what was fed and not parsed yet, and parses only when asked, so a caller
// that feeds only on NeedMore keeps it bounded however much a client pipelines.
class HttpRequestParser {
public:
    enum class Event {
        NeedMore, // the buffered bytes hold no whole request yet
        Continue, // the headers are in and the client waits for "100 Continue" before it sends the body
        Request,  // takeRequest() has the next request
        Error,    // the stream cannot be read any further: error() says what to answer
    };

    explicit HttpRequestParser(HttpParserLimits limits = {});

    // Appends bytes received. Ignored after an error.
    void feed(QByteArrayView bytes);
    // Parses the buffered bytes up to the next event.
    Event next();
    // The request the last Request event announced.
    HttpRequest takeRequest();
    const HttpParseError& error() const { return m_error; }
    // What it holds: input not parsed yet and the body of the request being read.
    qsizetype bufferedBytes() const;
    // Some of a request arrived, not all of it.
    bool isMidRequest() const;

private:
    enum class State { Head, Body, Chunked, Failed };

    Event fail(int status, const QByteArray& reason);
    // Reads the request line and fields in head; false (and failed) if they are not HTTP/1.x.
    bool parseHead(QByteArrayView head);
    // Checks the bytes so far of a request line that has not ended: an early 400 for what is not HTTP.
    bool startLooksLikeHttp() const;
    Event complete();

    HttpParserLimits m_limits;
    QByteArray m_buffer;
    qsizetype m_at = 0;      // m_buffer before this is parsed
    qsizetype m_scanned = 0; // of the header block being read, bytes already searched for its end
    State m_state = State::Head;
    HttpRequest m_request; // being read
    HttpRequest m_ready;   // read, for takeRequest()
    qsizetype m_remaining = 0;
    bool m_chunked = false;
    bool m_expectsContinue = false;
    ChunkedDecoder m_decoder;
    HttpParseError m_error;
};

// A chunked body read from data at from: the body once complete, and where the request ends.
struct ChunkedBody {
    enum class Status { Incomplete, Malformed, Complete };
    Status status = Status::Incomplete;
    QByteArray body;
    qsizetype end = 0; // Complete: the index just past the request
};
ChunkedBody decodeChunked(const QByteArray& data, qsizetype from, qsizetype maxBody);

} // namespace lipa::sim
