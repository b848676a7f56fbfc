#pragma once

#include <QByteArray>

#include <string>
#include <utility>
#include <vector>

namespace mado {

// Plain HTTP/1.1 over loopback for the receiver's tests (Poco's client, real sockets).
class HttpTestClient {
public:
    struct Reply {
        int status = 0;
        std::string contentType;
        std::string connection; // the Connection header of the answer
        QByteArray body;
        std::string retryAfter; // the Retry-After header of the answer
    };
    using Headers = std::vector<std::pair<std::string, std::string>>;

    // One request with a Content-Length body (none for an empty body on GET/HEAD).
    static Reply request(quint16 port, const std::string &method, const std::string &path,
                         const QByteArray &body = {}, const Headers &headers = {});
    // The same with Transfer-Encoding: chunked (no Content-Length). A failed write (the server
    // answered early and closed) is ignored and the answer is read.
    static Reply requestChunked(quint16 port, const std::string &method, const std::string &path,
                                const QByteArray &body, const Headers &headers = {});
    // Writes bytes (the start of a request, possibly incomplete) and reads the answer without sending
    // anything more. Throws Poco::TimeoutException if no answer comes within timeoutSeconds.
    static Reply sendPartial(quint16 port, const QByteArray &bytes, int timeoutSeconds = 5);
    // GET /metrics until its text contains every one of `lines` (or timeoutMs passed), and that text.
    // The receiver counts a request once its answer is sent, so a client that has just read an
    // answer can ask /metrics a moment before that answer is counted.
    static QByteArray metricsWith(quint16 port, const std::vector<std::string> &lines, int timeoutMs = 5000);
};

} // namespace mado
