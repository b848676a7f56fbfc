#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace mado {

// Outgoing HTTP, with Poco's client, for the receiver (LINE's APIs or the simulator) and the
// workstation (ReceiverClient): https:// with host name verification (TLS 1.2+) against the system
// CA certificates or a CA file (Tls), or plain http:// (loopback). Fails with a Network
// error when no answer came (refused, timeout, reset) and with InvalidArgument when the answer is
// larger than maxReplyBytes; any HTTP status is a successful call.
// Never logs URLs' queries, headers or bodies. Callable from any thread.
class HttpCall {
public:
    using Headers = std::vector<std::pair<std::string, std::string>>;
    struct Reply {
        int status = 0;
        std::string contentType;
        QByteArray body;
    };

    // The TLS of https:// requests. caFile: trust only the CA certificates of that PEM file (else the
    // system's). workstationApi: also TlsPolicy's versions and ciphers (the workstation API's client).
    struct Tls {
        QString caFile;
        bool workstationApi = false;
    };

    // One request on a connection of its own, closed afterwards.
    static Result<Reply> request(const std::string &method, const QString &url, const Headers &headers,
                                 const QByteArray &body, const std::string &contentType, int timeoutMs = 5000,
                                 qint64 maxReplyBytes = 8 * 1024 * 1024);

    // A GET whose body is too large to hold (a model archive): the body goes to `sink` in chunks
    // as it arrives, with the Content-Length (-1 when the server sends none); `sink` returns false
    // to stop (then InvalidState, "cancelled"). `timeoutMs` bounds each wait for data, not the
    // whole transfer. A status other than 200 is an error: NotFound for 404, Network otherwise,
    // like a connection that drops or a body shorter than its Content-Length.
    using Sink = std::function<bool(const char *data, qint64 size, qint64 contentLength)>;
    static Status get(const QString &url, const Sink &sink, int timeoutMs = 30000);

    // Requests on one kept-alive connection per scheme, host and port (the last one used), for a
    // worker that calls the same API again and again: no TCP (or TLS) handshake per call. A call
    // on a reused connection that gets no answer (the server closed it meanwhile) is made once
    // more on a new connection. Same results as request(). Used by one thread at a time.
    class Client {
    public:
        Client();
        ~Client();
        // keepAlive false: "Connection: close", a new connection for every request (request()).
        explicit Client(bool keepAlive);
        Client(bool keepAlive, Tls tls);
        Client(const Client &) = delete;
        Client &operator=(const Client &) = delete;

        Result<Reply> request(const std::string &method, const QString &url, const Headers &headers,
                              const QByteArray &body, const std::string &contentType, int timeoutMs = 5000,
                              qint64 maxReplyBytes = 8 * 1024 * 1024);

    private:
        struct Connection;
        bool m_keepAlive = true;
        Tls m_tls;
        std::unique_ptr<Connection> m_connection;
    };
    // application/x-www-form-urlencoded body of the given fields.
    static QByteArray formEncode(const std::vector<std::pair<QString, QString>> &fields);
};

} // namespace mado
