#include "tests/bench/AnswerParser.h"
#include "tests/bench/EventLoopLoad.h"

#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

using namespace mado::bench;

namespace {

// Feeds `bytes` to a fresh parser in pieces of `piece` bytes; the progress after the last piece.
AnswerParser::Progress parseInPieces(AnswerParser &parser, const std::string &bytes, std::size_t piece,
                                     std::size_t *left = nullptr)
{
    parser.reset();
    AnswerParser::Progress progress = AnswerParser::Progress::More;
    std::size_t at = 0;
    while (at < bytes.size() && progress == AnswerParser::Progress::More) {
        const std::size_t size = std::min(piece, bytes.size() - at);
        std::size_t used = 0;
        progress = parser.feed(bytes.data() + at, size, &used);
        at += used;
    }
    if (left)
        *left = bytes.size() - at;
    return progress;
}

bool sendAll(int fd, const std::string &bytes)
{
    for (std::size_t sent = 0; sent < bytes.size();) {
        const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        sent += std::size_t(n);
    }
    return true;
}

// A loopback HTTP server with scripted misbehaviour, one thread per connection. The request
// path says how to answer: /ok (Content-Length), /chunked, /close (answer, then close),
// /slow (the answer a byte at a time), /drop-once/<n> (the first time: close without answering),
// /drop (always close without answering). Requests are read by their Content-Length.
class ScriptedServer {
public:
    ScriptedServer()
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int one = 1;
        ::setsockopt(m_listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_listener, reinterpret_cast<const sockaddr *>(&address), sizeof address);
        ::listen(m_listener, 128);
        socklen_t length = sizeof address;
        ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length);
        m_port = ntohs(address.sin_port);
        m_acceptor = std::thread([this] { acceptLoop(); });
    }
    ~ScriptedServer()
    {
        m_stopping = true;
        ::shutdown(m_listener, SHUT_RDWR);
        m_acceptor.join();
        ::close(m_listener);
        std::lock_guard<std::mutex> lock(m_mutex);
        for (const int fd : m_connections)
            ::shutdown(fd, SHUT_RDWR);
        for (std::thread &t : m_workers)
            t.join();
    }
    quint16 port() const { return m_port; }
    int accepted() const { return m_accepted; }

private:
    void acceptLoop()
    {
        while (!m_stopping) {
            const int fd = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0)
                continue;
            ++m_accepted;
            std::lock_guard<std::mutex> lock(m_mutex);
            m_connections.push_back(fd);
            m_workers.emplace_back([this, fd] { serve(fd); });
        }
    }

    void serve(int fd)
    {
        std::string buffer;
        while (readRequest(fd, &buffer)) {
            const std::string path = buffer.substr(5, buffer.find(' ', 5) - 5);
            buffer.erase(0, requestSize(buffer));
            if (!answer(fd, path))
                break;
        }
        ::close(fd);
    }

    // Bytes of the request at the start of buffer (head and Content-Length body), 0 if unknown yet.
    static std::size_t requestSize(const std::string &buffer)
    {
        const std::size_t end = buffer.find("\r\n\r\n");
        if (end == std::string::npos)
            return 0;
        const std::size_t lengthAt = buffer.find("Content-Length: ");
        return end + 4 + (lengthAt < end ? std::size_t(std::atoi(buffer.c_str() + lengthAt + 16)) : 0);
    }

    // Receives until buffer holds a whole request; false when the client went away.
    static bool readRequest(int fd, std::string *buffer)
    {
        char chunk[65536];
        for (std::size_t size = requestSize(*buffer); size == 0 || buffer->size() < size;
             size = requestSize(*buffer)) {
            const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
            if (n <= 0)
                return false;
            buffer->append(chunk, std::size_t(n));
        }
        return true;
    }

    // False: close the connection.
    bool answer(int fd, const std::string &path)
    {
        if (path == "/ok")
            return sendAll(fd, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        if (path == "/chunked")
            return sendAll(fd, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n3;x=y\r\n!!!\r\n0\r\n"
                               "Trailer: t\r\n\r\n");
        if (path == "/close") {
            sendAll(fd, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
            return false;
        }
        if (path == "/slow") {
            for (const char c : std::string("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nslow!")) {
                sendAll(fd, std::string(1, c));
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
            return true;
        }
        if (path.rfind("/drop-once/", 0) == 0) {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (m_dropped.insert(path).second)
                return false;
            return sendAll(fd, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        }
        if (path == "/busy")
            return sendAll(fd, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n\r\nbusy");
        return false; // "/drop"
    }

    int m_listener = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_accepted{0};
    std::thread m_acceptor;
    std::mutex m_mutex;
    std::vector<int> m_connections;
    std::vector<std::thread> m_workers;
    std::set<std::string> m_dropped;
};

std::string request(const std::string &path, std::size_t bodyBytes = 10)
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + std::to_string(bodyBytes) +
           "\r\n\r\n" + std::string(bodyBytes, 'x');
}

} // namespace

// The load generator's event-driven webhook sender: answer framing, and closed-loop sending
// against a server that closes connections, answers slowly or not at all.
class TestLoadgenConnection : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void answerInAnyPieces()
    {
        const std::string answer = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\nhello";
        AnswerParser parser;
        for (const std::size_t piece : {std::size_t(1), std::size_t(2), std::size_t(7), answer.size()}) {
            std::size_t left = 1;
            QCOMPARE(parseInPieces(parser, answer, piece, &left), AnswerParser::Progress::Complete);
            QCOMPARE(left, std::size_t(0));
            QCOMPARE(parser.status(), 200);
            QVERIFY(!parser.closes());
        }
        // What follows the answer is not consumed.
        std::size_t left = 0;
        QCOMPARE(parseInPieces(parser, answer + "HTTP/1.1", 1000, &left), AnswerParser::Progress::Complete);
        QCOMPARE(left, std::size_t(8));
    }

    void chunkedInterimAndClose()
    {
        AnswerParser parser;
        const std::string chunked = "HTTP/1.1 201 Created\r\ntransfer-encoding: gzip, Chunked\r\n\r\n"
                                    "a\r\n0123456789\r\n1;ext\r\nx\r\n0\r\nX-Trailer: 1\r\n\r\n";
        for (const std::size_t piece : {std::size_t(1), std::size_t(3), chunked.size()}) {
            std::size_t left = 1;
            QCOMPARE(parseInPieces(parser, chunked, piece, &left), AnswerParser::Progress::Complete);
            QCOMPARE(left, std::size_t(0));
            QCOMPARE(parser.status(), 201);
        }
        QCOMPARE(parseInPieces(parser, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n", 5),
                 AnswerParser::Progress::Complete);
        QCOMPARE(parser.status(), 204);
        QCOMPARE(parseInPieces(parser, "HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n", 4),
                 AnswerParser::Progress::Complete);
        QVERIFY(parser.closes());
        // No length: the body runs until the server closes.
        QCOMPARE(parseInPieces(parser, "HTTP/1.0 200 OK\r\n\r\nbody", 3), AnswerParser::Progress::More);
        QCOMPARE(parser.finish(), AnswerParser::Progress::Complete);
        QVERIFY(parser.closes());
        // Cut short.
        QCOMPARE(parseInPieces(parser, "HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nshort", 100),
                 AnswerParser::Progress::More);
        QCOMPARE(parser.finish(), AnswerParser::Progress::Malformed);
        QCOMPARE(parseInPieces(parser, "SMTP ready\r\n\r\n", 100), AnswerParser::Progress::Malformed);
    }

    void closedLoopAgainstScriptedServer()
    {
        ScriptedServer server;
        std::vector<std::string> requests;
        std::vector<int> expected;
        for (int i = 0; i < 600; ++i) {
            // A large body now and then (more than the socket takes at once): partial sends.
            const std::pair<std::string, int> kinds[] = {{"/ok", 200},
                                                         {"/chunked", 200},
                                                         {"/close", 200},
                                                         {"/drop-once/" + std::to_string(i), 200},
                                                         {i % 60 == 4 ? "/slow" : "/busy", i % 60 == 4 ? 200 : 503},
                                                         {i % 120 == 5 ? "/drop" : "/ok", i % 120 == 5 ? 0 : 200}};
            const auto &[path, status] = kinds[i % 6];
            requests.push_back(request(path, i % 200 == 1 ? 16000000 : 10));
            expected.push_back(status);
        }
        for (const int connections : {1, 7, 50}) {
            std::vector<int> statuses;
            const LoadResult result = EventLoopLoad::run(server.port(), connections, requests, &statuses);
            QCOMPARE(int(statuses.size()), int(requests.size()));
            for (std::size_t i = 0; i < statuses.size(); ++i)
                QCOMPARE(statuses[i], expected[i]);
            const int ok = int(std::count(expected.begin(), expected.end(), 200));
            QCOMPARE(result.requests, int(requests.size()));
            QCOMPARE(result.succeeded, ok);
            QCOMPARE(result.failed, int(requests.size()) - ok);
            QCOMPARE(result.senders, connections);
            QVERIFY(result.p50Ms > 0);
            QVERIFY(result.maxMs >= result.p99Ms);
        }
        // Nothing listening (a port bound but never listened on): every request fails, nothing hangs.
        const int unused = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(unused, reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
        socklen_t length = sizeof address;
        ::getsockname(unused, reinterpret_cast<sockaddr *>(&address), &length);
        std::vector<int> statuses;
        const LoadResult none = EventLoopLoad::run(ntohs(address.sin_port), 3,
                                                   std::vector<std::string>(5, request("/ok")), &statuses);
        ::close(unused);
        QCOMPARE(none.succeeded, 0);
        QCOMPARE(none.failed, 5);
    }
};

QTEST_GUILESS_MAIN(TestLoadgenConnection)
#include "TestLoadgenConnection.moc"
