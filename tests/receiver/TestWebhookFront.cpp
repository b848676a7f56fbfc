#include "core/receiver/ReceiverServer.h"
#include "core/receiver/spool/Spool.h"

#include "IntakeTestKit.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

using namespace mado;

namespace {

// A plain blocking TCP connection that writes exactly the bytes given and reads answers one by
// one (status line, fields, Content-Length body), so that the tests control how requests are cut
// into pieces and pipelined.
class RawConnection {
public:
    struct Answer {
        int status = 0; // 0: the connection closed (or timed out) before an answer
        bool close = false;
        QByteArray body;
    };

    explicit RawConnection(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        timeval timeout{5, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    }
    ~RawConnection() { ::close(m_fd); }
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    bool connected() const { return m_connected; }
    // One non-blocking send of as much of bytes as fits; -1 when nothing fits now.
    ssize_t sendSome(const std::string &bytes) const
    {
        return ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    }
    void shutdownWrite() const { ::shutdown(m_fd, SHUT_WR); }
    bool send(const std::string &bytes) const
    {
        return ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == ssize_t(bytes.size());
    }
    Answer read()
    {
        Answer answer;
        std::size_t headEnd;
        while ((headEnd = m_buffer.find("\r\n\r\n")) == std::string::npos) {
            if (!fill())
                return answer;
        }
        const std::string head = m_buffer.substr(0, headEnd);
        std::string lower = head;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        const std::size_t lengthAt = lower.find("\r\ncontent-length:");
        const std::size_t length = lengthAt == std::string::npos ? 0 : std::stoul(head.substr(lengthAt + 17));
        while (m_buffer.size() < headEnd + 4 + length) {
            if (!fill())
                return answer;
        }
        answer.status = std::stoi(head.substr(9, 3));
        answer.close = lower.find("\r\nconnection: close") != std::string::npos;
        answer.body = QByteArray::fromStdString(m_buffer.substr(headEnd + 4, length));
        m_buffer.erase(0, headEnd + 4 + length);
        return answer;
    }
    // True if the server closed the connection (no more bytes, end of stream).
    bool closedByServer()
    {
        return m_buffer.empty() && !fill();
    }
    // True if the server closed the connection (end of stream or reset) within the receive timeout;
    // false if it was still open when the timeout passed (or sent bytes).
    bool endOfStream() const
    {
        char byte;
        const ssize_t n = ::recv(m_fd, &byte, 1, 0);
        return n == 0 || (n < 0 && errno == ECONNRESET);
    }
    // Bytes (or the end of the stream) are waiting to be read now.
    bool readable() const
    {
        pollfd entry{m_fd, POLLIN, 0};
        return !m_buffer.empty() || ::poll(&entry, 1, 0) > 0;
    }
    int fd() const { return m_fd; }

private:
    bool fill()
    {
        char chunk[4096];
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        m_buffer.append(chunk, std::size_t(n));
        return true;
    }

    int m_fd = -1;
    bool m_connected = false;
    std::string m_buffer;
};

std::string webhookRequest(const QByteArray &body)
{
    return "POST /line/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nx-line-signature: " +
           IntakeTestKit::sign(IntakeTestKit::channelSecret(), body).toStdString() +
           "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body.toStdString();
}

std::string webhookRequest(const QString &eventId)
{
    return webhookRequest(IntakeTestKit::webhook({IntakeTestKit::event(eventId)}));
}

// A webhook with a forged signature: refused (401) after its body is read, the connection kept.
const std::string kForgedWebhook = "POST /line/webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                   "x-line-signature: AAAA\r\nContent-Length: 2\r\n\r\n{}";
const std::string kHealthRequest = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";

// A new connection whose GET /healthz was answered 200 (kept alive); null if it was not.
std::unique_ptr<RawConnection> healthyConnection(quint16 port)
{
    auto connection = std::make_unique<RawConnection>(port);
    if (!connection->send(kHealthRequest) || connection->read().status != 200)
        return nullptr;
    return connection;
}

long residentKiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    }
    return -1;
}

// The value of one line of GET /metrics ("name{labels}" or "name"); -1 if absent.
qint64 metric(quint16 port, const std::string &name)
{
    qint64 value = -1;
    // Asked again after a 503: every hand-over slot may be taken for a moment by the test's own
    // connections, whose threads finish just after their answers.
    // -1 also when no answer came in time: the caller's comparison fails.
    [[maybe_unused]] const bool answered = QTest::qWaitFor(
        [&] {
            RawConnection connection(port);
            if (!connection.send("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                return false;
            const auto answer = connection.read();
            if (answer.status != 200)
                return false;
            for (const QByteArray &line : answer.body.split('\n')) {
                if (line.startsWith(QByteArray::fromStdString(name + ' ')))
                    value = line.mid(qsizetype(name.size()) + 1).toLongLong();
            }
            return true;
        },
        5000);
    return value;
}

} // namespace

// The receiver's event-driven front on a real loopback port: connections cut and pipelined in
// unusual ways, connections handed over to the other routes, and a stop under load.
class TestWebhookFront : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void requestArrivingInPiecesIsServed();
    void connectionMovesToTheOtherRoutesBetweenRequests();
    void handedOverRequestArrivesUnread();
    void pipelinedWebhooksAreAnsweredInOrder();
    void otherRoutePipelinedBehindAWebhookIsRefused();
    void stopUnderLoadLosesNoAcknowledgedEvent();
    void clientThatNeverReadsIsNotServedWithoutLimit();
    void halfClosedConnectionClosesAfterItsAnswer();
    void chunkedBodiesCountAgainstTheMemoryBudget();
    void oneConnectionCannotMonopoliseTheLoop();
    void refusalsInARowCloseTheConnection();
    void tricklingClientsCannotStarveTheOtherRoutes();
    void handedOverConnectionServesFewRequests();
    void headInManyPiecesIsNotWaitedFor();

private:
    std::set<QString> storedIds() const;
    static ReceiverOptions baseOptions();
    void restart(const ReceiverOptions &options);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Spool> m_spool;
    std::unique_ptr<ReceiverServer> m_server;
};

void TestWebhookFront::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto spool = Spool::open(m_dir->filePath(QStringLiteral("spool.sqlite")));
    QVERIFY(spool.ok());
    m_spool = std::move(spool).value();
    restart(baseOptions());
}

ReceiverOptions TestWebhookFront::baseOptions()
{
    ReceiverOptions options;
    options.port = 0;
    options.maxThreads = 8;
    options.channelSecret = IntakeTestKit::channelSecret();
    options.maxBodyBytes = 8192;
    return options;
}

void TestWebhookFront::restart(const ReceiverOptions &options)
{
    m_server.reset();
    m_server = std::make_unique<ReceiverServer>(options, *m_spool);
    QVERIFY(m_server->start().ok());
}

void TestWebhookFront::cleanup()
{
    m_server.reset();
    m_spool.reset();
    m_dir.reset();
}

std::set<QString> TestWebhookFront::storedIds() const
{
    std::set<QString> ids;
    const auto events = m_spool->webhookEvents();
    if (events.ok()) {
        for (const StoredWebhookEvent &event : events.value())
            ids.insert(event.webhookEventId);
    }
    return ids;
}

void TestWebhookFront::requestArrivingInPiecesIsServed()
{
    RawConnection connection(m_server->port());
    QVERIFY(connection.connected());
    const std::string request = webhookRequest(QStringLiteral("01PIECES000000000000000001"));
    // The request line in pieces shorter than the route, then the rest a few bytes at a time.
    std::size_t sent = 0;
    for (const std::size_t cut : {std::size_t(2), std::size_t(7), std::size_t(18), std::size_t(19), std::size_t(40)}) {
        QVERIFY(connection.send(request.substr(sent, cut - sent)));
        sent = cut;
        QTest::qWait(30);
    }
    for (std::size_t at = 40; at < request.size(); at += 13) {
        QVERIFY(connection.send(request.substr(at, 13)));
        QThread::usleep(500);
    }
    const auto answer = connection.read();
    QCOMPARE(answer.status, 200);
    QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("stored")).toInt(), 1);
    QCOMPARE(storedIds(), std::set<QString>{QStringLiteral("01PIECES000000000000000001")});
}

void TestWebhookFront::connectionMovesToTheOtherRoutesBetweenRequests()
{
    RawConnection connection(m_server->port());
    QVERIFY(connection.send(webhookRequest(QStringLiteral("01HANDOVER0000000000000001"))));
    QCOMPARE(connection.read().status, 200);
    // The same kept-alive connection now asks for /healthz: served by the other routes.
    QVERIFY(connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    const auto health = connection.read();
    QCOMPARE(health.status, 200);
    QCOMPARE(QJsonDocument::fromJson(health.body).object().value(QStringLiteral("status")).toString(),
             QStringLiteral("ok"));
    // And a webhook after that is still served (by the handed-over connection's server).
    QVERIFY(connection.send(webhookRequest(QStringLiteral("01HANDOVER0000000000000002"))));
    QCOMPARE(connection.read().status, 200);
    QCOMPARE(storedIds(), (std::set<QString>{QStringLiteral("01HANDOVER0000000000000001"),
                                             QStringLiteral("01HANDOVER0000000000000002")}));
}

void TestWebhookFront::handedOverRequestArrivesUnread()
{
    // Requests that only look like the webhook route at first reach the other routes whole.
    RawConnection longer(m_server->port());
    QVERIFY(longer.send("POST /line/webhooks HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"));
    const auto notFound = longer.read();
    QCOMPARE(notFound.status, 404);
    QVERIFY(notFound.body.contains("not_found"));
    RawConnection wrongMethod(m_server->port());
    QVERIFY(wrongMethod.send("GET /line/webhook HTTP/1.1\r\nHost: x\r\n\r\n"));
    QCOMPARE(wrongMethod.read().status, 405);
    // The front's answers are counted with the others'.
    RawConnection webhook(m_server->port());
    QVERIFY(webhook.send(webhookRequest(QStringLiteral("01METRICS00000000000000001"))));
    QCOMPARE(webhook.read().status, 200);
    RawConnection metrics(m_server->port());
    QVERIFY(metrics.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"));
    const auto text = metrics.read();
    QCOMPARE(text.status, 200);
    QVERIFY2(text.body.contains("madoguchi_receiver_http_requests_total{route=\"/line/webhook\",status=\"200\"} 1\n"),
             text.body.constData());
    QVERIFY(text.body.contains("madoguchi_receiver_http_requests_total{route=\"other\",status=\"404\"} 1\n"));
    QVERIFY(text.body.contains("madoguchi_receiver_webhook_events_stored_total 1\n"));
}

void TestWebhookFront::pipelinedWebhooksAreAnsweredInOrder()
{
    RawConnection connection(m_server->port());
    const std::string first = webhookRequest(QStringLiteral("01PIPELINE0000000000000001"));
    // The second repeats the first event (a redelivery) and the third is new: all in one write.
    QVERIFY(connection.send(first + first + webhookRequest(QStringLiteral("01PIPELINE0000000000000002"))));
    std::vector<std::pair<int, int>> storedAndDuplicates;
    for (int i = 0; i < 3; ++i) {
        const auto answer = connection.read();
        QCOMPARE(answer.status, 200);
        const QJsonObject counts = QJsonDocument::fromJson(answer.body).object();
        storedAndDuplicates.emplace_back(counts.value(QStringLiteral("stored")).toInt(),
                                         counts.value(QStringLiteral("duplicates")).toInt());
    }
    QCOMPARE(storedAndDuplicates, (std::vector<std::pair<int, int>>{{1, 0}, {0, 1}, {1, 0}}));
    QCOMPARE(storedIds().size(), std::size_t(2));
}

void TestWebhookFront::otherRoutePipelinedBehindAWebhookIsRefused()
{
    RawConnection connection(m_server->port());
    QVERIFY(connection.send(webhookRequest(QStringLiteral("01PIPELINE0000000000000003")) +
                            "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    QCOMPARE(connection.read().status, 200);
    const auto refused = connection.read();
    QCOMPARE(refused.status, 400);
    QVERIFY(refused.close);
    QVERIFY(refused.body.contains("webhook_connection"));
    QVERIFY(connection.closedByServer());
}

void TestWebhookFront::stopUnderLoadLosesNoAcknowledgedEvent()
{
    // Senders keep posting on their own connections while the server stops: every event that got
    // a 200 must be in the spool; the others may or may not be (LINE redelivers them).
    constexpr int kSenders = 24;
    std::mutex mutex;
    std::set<QString> acknowledged;
    std::atomic<int> answered{0};
    std::atomic<bool> done{false};
    std::vector<std::thread> senders;
    const quint16 port = m_server->port();
    for (int s = 0; s < kSenders; ++s) {
        senders.emplace_back([&, s] {
            RawConnection connection(port);
            for (int i = 0; !done && connection.connected(); ++i) {
                const QString id = QStringLiteral("01STOP%1%2").arg(s, 4, 10, QLatin1Char('0')).arg(i, 16, 10, QLatin1Char('0'));
                if (!connection.send(webhookRequest(id)))
                    break;
                const auto answer = connection.read();
                if (answer.status != 200)
                    break;
                ++answered;
                std::lock_guard<std::mutex> lock(mutex);
                acknowledged.insert(id);
            }
        });
    }
    QTRY_VERIFY_WITH_TIMEOUT(answered > 200, 10000);
    m_server->stop();
    done = true;
    for (std::thread &sender : senders)
        sender.join();
    QVERIFY(!acknowledged.empty());
    const std::set<QString> stored = storedIds();
    for (const QString &id : acknowledged)
        QVERIFY2(stored.count(id) == 1, qPrintable(id));
    // After stop nothing listens any more.
    RawConnection late(port);
    QVERIFY(!late.connected());
}

void TestWebhookFront::clientThatNeverReadsIsNotServedWithoutLimit()
{
    // Pipelined forged webhooks (each answered 401), never reading the answers: the server must
    // stop reading once the answers pile up, so the sender's socket fills and blocks, instead of
    // the server buffering answers without end.
    RawConnection connection(m_server->port());
    QVERIFY(connection.connected());
    const std::string forged = "POST /line/webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                               "x-line-signature: AAAA\r\nContent-Length: 2\r\n\r\n{}";
    std::string burst;
    for (int i = 0; i < 1000; ++i)
        burst += forged;
    constexpr std::size_t kCeiling = 64u * 1024 * 1024;
    std::size_t sent = 0;
    QElapsedTimer blocked;
    while (sent < kCeiling) {
        const ssize_t n = connection.sendSome(burst);
        if (n > 0) {
            sent += std::size_t(n);
            blocked.invalidate();
            continue;
        }
        if (!blocked.isValid())
            blocked.start();
        if (blocked.elapsed() > 1000)
            break; // nothing accepted for a second: the server has stopped reading
        QThread::msleep(5);
    }
    qInfo() << "accepted before the server stopped reading:" << sent << "bytes";
    QVERIFY2(sent < kCeiling, qPrintable(QStringLiteral("%1 bytes accepted").arg(sent)));
    // And the server still serves others.
    RawConnection other(m_server->port());
    QVERIFY(other.send(webhookRequest(QStringLiteral("01NEVERREADS00000000000001"))));
    QCOMPARE(other.read().status, 200);
}

void TestWebhookFront::halfClosedConnectionClosesAfterItsAnswer()
{
    // A request and the end of the client's stream arriving together: answered, then closed at
    // once (not after the idle timeout).
    RawConnection connection(m_server->port());
    QVERIFY(connection.send(webhookRequest(QStringLiteral("01HALFCLOSE000000000000001"))));
    connection.shutdownWrite();
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(connection.read().status, 200);
    QVERIFY(connection.closedByServer());
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
}

void TestWebhookFront::chunkedBodiesCountAgainstTheMemoryBudget()
{
    // Chunked webhooks that stop in the middle of a large chunk: the body being assembled is held
    // by the front, and must count against its memory budget like unparsed input.
    ReceiverOptions options = baseOptions();
    options.maxBodyBytes = 1024 * 1024;
    options.frontMemoryBudget = 4 * 1024 * 1024;
    restart(options);
    const quint16 port = m_server->port();
    constexpr int kConnections = 40;
    constexpr std::size_t kSent = 200 * 1024;
    const std::string start = "POST /line/webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                              "x-line-signature: AAAA\r\nTransfer-Encoding: chunked\r\n\r\n80000\r\n";
    const std::string data(kSent, 'x');
    const long residentBefore = residentKiB();
    std::vector<std::unique_ptr<RawConnection>> connections;
    for (int i = 0; i < kConnections; ++i) {
        connections.push_back(std::make_unique<RawConnection>(port));
        QVERIFY(connections.back()->connected());
        // A refused connection may be reset while its bytes are still being sent.
        connections.back()->send(start + data);
    }
    // The front has read what it holds; the refused connections are closed (or answered).
    auto refusedSeen = [&connections] {
        return int(std::count_if(connections.begin(), connections.end(),
                                 [](const auto &connection) { return connection->readable(); }));
    };
    const std::string refusals = "madoguchi_receiver_limit_hits_total{limit=\"memory_budget\"}";
    // Each connection holds at least what it sent once read; the budget leaves room for ~20 of them.
    constexpr int kAtLeastRefused = kConnections - int((5 * 1024 * 1024) / kSent);
    QTRY_VERIFY_WITH_TIMEOUT(metric(port, refusals) >= kAtLeastRefused && metric(port, refusals) == refusedSeen(),
                             15000);
    const qint64 held = metric(port, "madoguchi_receiver_front_held_bytes");
    qInfo() << "connections refused:" << refusedSeen() << "of" << kConnections << "; held by the front:" << held
            << "bytes; resident set grew by" << residentKiB() - residentBefore << "KiB";
    QVERIFY2(held <= qint64(options.frontMemoryBudget + 1024 * 1024), qPrintable(QString::number(held)));
    QVERIFY(qint64(kConnections - refusedSeen()) * qint64(kSent) <= qint64(options.frontMemoryBudget + 1024 * 1024));
    // The refused got a 503 that says why (when the answer outran the reset), then the end.
    int answered = 0;
    for (const auto &connection : connections) {
        if (!connection->readable())
            continue;
        const auto answer = connection->read();
        if (answer.status == 0)
            continue;
        ++answered;
        QCOMPARE(answer.status, 503);
        QVERIFY(answer.close);
        QVERIFY(answer.body.contains("server_busy"));
    }
    qInfo() << "refusals read as 503:" << answered;
    // Small webhooks are not refused for the budget.
    RawConnection other(port);
    QVERIFY(other.send(webhookRequest(QStringLiteral("01BUDGET000000000000000001"))));
    QCOMPARE(other.read().status, 200);
}

void TestWebhookFront::oneConnectionCannotMonopoliseTheLoop()
{
    // One connection pipelines refused webhooks as fast as it can and reads the answers: another
    // connection's /healthz must be answered while that goes on, not after it.
    ReceiverOptions options = baseOptions();
    options.maxRefusalsInARow = 0; // here: the turns alone must keep the loop fair
    restart(options);
    const quint16 port = m_server->port();
    RawConnection hostile(port);
    QVERIFY(hostile.connected());
    std::atomic<bool> done{false};
    std::atomic<quint64> answerBytes{0};
    // Bodies of a few kB: each costs the server a signature check over its bytes, so the sender
    // keeps ahead of the server and the socket never runs dry.
    const std::string body(6000, 'x');
    const std::string forged = "POST /line/webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                               "x-line-signature: AAAA\r\nContent-Length: " +
                               std::to_string(body.size()) + "\r\n\r\n" + body;
    std::string burst;
    for (int i = 0; i < 256; ++i)
        burst += forged;
    std::thread sender([&] {
        QElapsedTimer timer;
        timer.start();
        while (!done && timer.elapsed() < 20000) {
            if (!hostile.send(burst))
                break;
        }
        done = true;
    });
    std::thread reader([&] {
        char chunk[65536];
        while (true) {
            const ssize_t n = ::recv(hostile.fd(), chunk, sizeof chunk, 0);
            if (n <= 0) {
                if (done || n == 0 || errno != EAGAIN)
                    break;
                continue;
            }
            answerBytes += quint64(n);
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(answerBytes > 1024 * 1024 || done, 10000);
    const bool busyBefore = !done;
    const quint64 before = answerBytes;
    QElapsedTimer probeTime;
    probeTime.start();
    RawConnection probe(port);
    QVERIFY(probe.send(kHealthRequest));
    const auto health = probe.read();
    const qint64 probeMs = probeTime.elapsed();
    const bool busyAfter = !done;
    const quint64 after = answerBytes;
    done = true;
    ::shutdown(hostile.fd(), SHUT_RDWR);
    sender.join();
    reader.join();
    qInfo() << "/healthz answered in" << probeMs << "ms while the hostile connection got" << (after - before)
            << "bytes of answers";
    QVERIFY(busyBefore && busyAfter); // the hostile connection was served all along
    QVERIFY(after > before);
    QCOMPARE(health.status, 200);
}

void TestWebhookFront::refusalsInARowCloseTheConnection()
{
    ReceiverOptions options = baseOptions();
    options.maxRefusalsInARow = 4;
    restart(options);
    RawConnection connection(m_server->port());
    // An accepted webhook starts the count again.
    std::string requests = kForgedWebhook + kForgedWebhook + kForgedWebhook +
                           webhookRequest(QStringLiteral("01REFUSALS0000000000000001"));
    for (int i = 0; i < 6; ++i)
        requests += kForgedWebhook;
    QVERIFY(connection.send(requests));
    std::vector<int> statuses;
    bool closedByAnswer = false;
    for (int i = 0; i < 10; ++i) {
        const auto answer = connection.read();
        if (answer.status == 0)
            break;
        statuses.push_back(answer.status);
        closedByAnswer = answer.close;
    }
    QCOMPARE(statuses, (std::vector<int>{401, 401, 401, 200, 401, 401, 401, 401}));
    QVERIFY(closedByAnswer);
    QVERIFY(connection.closedByServer());
    QCOMPARE(metric(m_server->port(), "madoguchi_receiver_limit_hits_total{limit=\"refusals_in_a_row\"}"), 1);
}

void TestWebhookFront::tricklingClientsCannotStarveTheOtherRoutes()
{
    // Two threads for the other routes, and clients that send their requests' heads and then
    // nothing: /healthz must still be answered.
    ReceiverOptions options = baseOptions();
    options.maxThreads = 2;
    options.frontRequestDeadline = std::chrono::milliseconds(1500);
    options.handOverDeadline = std::chrono::milliseconds(3000);
    restart(options);
    const quint16 port = m_server->port();
    // Heads that never end: held by the front (no thread), closed at its request deadline.
    std::vector<std::unique_ptr<RawConnection>> heads;
    for (int i = 0; i < 20; ++i) {
        heads.push_back(std::make_unique<RawConnection>(port));
        QVERIFY(heads.back()->send("GET /healthz HTTP/1.1\r\nHost: x\r\n"));
    }
    QElapsedTimer sinceHeads;
    sinceHeads.start();
    {
        RawConnection probe(port);
        QVERIFY(probe.send(kHealthRequest));
        QCOMPARE(probe.read().status, 200);
    }
    QVERIFY(heads.front()->endOfStream());
    qInfo() << "unfinished heads closed after" << sinceHeads.elapsed() << "ms";
    QVERIFY(sinceHeads.elapsed() >= 1000);
    // Kept-alive connections that got an answer and trickle their next request hold both threads
    // until the hand-over deadline cuts them.
    std::vector<std::unique_ptr<RawConnection>> kept;
    for (int i = 0; i < 2; ++i) {
        // A 503 while the thread of an earlier connection (the probe's) has not quite finished.
        std::unique_ptr<RawConnection> connection;
        QTRY_VERIFY_WITH_TIMEOUT(connection || (connection = healthyConnection(port)), 5000);
        kept.push_back(std::move(connection));
        QVERIFY(kept.back()->send("GET /healthz HTTP/1.1\r\n"));
    }
    QElapsedTimer sinceKept;
    sinceKept.start();
    // Every slot is taken: a /healthz probe still gets one of the few light slots (answered, then
    // closed); any other request is answered 503 at once, not left waiting.
    bool sawBusy = false;
    {
        RawConnection probe(port);
        QVERIFY(probe.send(kHealthRequest));
        const auto health = probe.read();
        QCOMPARE(health.status, 200);
        RawConnection challenge(port);
        QVERIFY(challenge.send("POST /api/v1/challenges HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                               "Content-Length: 2\r\n\r\n{}"));
        const auto busy = challenge.read();
        if (sinceKept.elapsed() < 2500) { // before the deadline freed a slot
            QVERIFY(health.close);
            QCOMPARE(busy.status, 503);
            QVERIFY(busy.close);
            QVERIFY(busy.body.contains("server_busy"));
            sawBusy = true;
        }
    }
    qInfo() << "with every slot held: /healthz answered, other requests 503:" << sawBusy;
    for (const auto &connection : kept)
        QVERIFY(connection->endOfStream());
    const qint64 cutAfter = sinceKept.elapsed();
    qInfo() << "trickling kept-alive connections cut after" << cutAfter << "ms";
    QVERIFY(cutAfter >= 2500);
    // Slots free again.
    std::unique_ptr<RawConnection> served;
    QTRY_VERIFY_WITH_TIMEOUT(served || (served = healthyConnection(port)), 5000);
    QCOMPARE(metric(port, "madoguchi_receiver_limit_hits_total{limit=\"handover_deadline\"}"), 2);
    if (sawBusy)
        QVERIFY(metric(port, "madoguchi_receiver_limit_hits_total{limit=\"handovers_busy\"}") >= 1);
}

void TestWebhookFront::handedOverConnectionServesFewRequests()
{
    ReceiverOptions options = baseOptions();
    options.handOverKeepAliveRequests = 3;
    restart(options);
    RawConnection connection(m_server->port());
    std::vector<bool> closes;
    for (int i = 0; i < 3; ++i) {
        QVERIFY(connection.send(kHealthRequest));
        const auto answer = connection.read();
        QCOMPARE(answer.status, 200);
        closes.push_back(answer.close);
    }
    QCOMPARE(closes, (std::vector<bool>{false, false, true}));
    QVERIFY(connection.endOfStream());
}

void TestWebhookFront::headInManyPiecesIsNotWaitedFor()
{
    // A head for another route is peeked again whole each time bytes arrive; a client sending it a
    // few bytes at a time makes the front copy it again and again: closed long before the deadline.
    ReceiverOptions options = baseOptions();
    options.frontRequestDeadline = std::chrono::milliseconds(60'000);
    restart(options);
    RawConnection connection(m_server->port());
    const int on = 1; // each piece its own segment
    ::setsockopt(connection.fd(), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    const std::string head = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: " + std::string(400, 'p');
    std::size_t sent = 0;
    for (; sent < head.size(); sent += 2) {
        if (!connection.send(head.substr(sent, 2)))
            break; // closed by the server
        QTest::qWait(2); // pacing, so that the pieces arrive apart
    }
    QVERIFY(connection.endOfStream());
    qInfo() << "closed after" << sent << "bytes in pieces of 2";
}

QTEST_GUILESS_MAIN(TestWebhookFront)
#include "TestWebhookFront.moc"
