#pragma once

#include <QByteArray>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace Poco::Net {
class HTTPClientSession;
}

namespace mado::bench {

// One sender's keep-alive HTTP/1.1 connection to a server on loopback (Poco). A request on a
// connection the server has closed meanwhile is sent once more on a new connection. Used by one
// thread at a time. Never throws: a request without an answer has status 0.
class BenchSession {
public:
    struct Answer {
        int status = 0;
        QByteArray body;
    };
    using Headers = std::vector<std::pair<std::string, std::string>>;

    explicit BenchSession(quint16 port);
    ~BenchSession();
    BenchSession(const BenchSession &) = delete;
    BenchSession &operator=(const BenchSession &) = delete;

    Answer post(const std::string &path, const QByteArray &body, const Headers &headers);

private:
    Answer attempt(const std::string &path, const QByteArray &body, const Headers &headers);

    quint16 m_port;
    std::unique_ptr<Poco::Net::HTTPClientSession> m_session;
};

} // namespace mado::bench
