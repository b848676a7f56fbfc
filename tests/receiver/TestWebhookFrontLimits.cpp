#include "FrontFixture.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QThread>

#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <thread>
#include <vector>

using namespace mado;

// The front's limits against one hostile connection or many: answers a client never reads, the
// memory budget with chunked bodies, turns per connection, refusals in a row.
class TestWebhookFrontLimits : public QObject, public FrontFixture {
    Q_OBJECT

private Q_SLOTS:
    void init() { start(); }
    void cleanup() { stop(); }
    void clientThatNeverReadsIsNotServedWithoutLimit();
    void chunkedBodiesCountAgainstTheMemoryBudget();
    void oneConnectionCannotMonopoliseTheLoop();
    void refusalsInARowCloseTheConnection();
};

void TestWebhookFrontLimits::clientThatNeverReadsIsNotServedWithoutLimit()
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

void TestWebhookFrontLimits::chunkedBodiesCountAgainstTheMemoryBudget()
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
    // Each try reads the metric once (a request of its own) and compares it with what the clients saw.
    qint64 refused = 0;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     refused = metric(port, refusals);
                     return refused >= kAtLeastRefused && refused == refusedSeen();
                 },
                 15000),
             qPrintable(QStringLiteral("refusals counted %1, seen by clients %2").arg(refused).arg(refusedSeen())));
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

void TestWebhookFrontLimits::oneConnectionCannotMonopoliseTheLoop()
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

void TestWebhookFrontLimits::refusalsInARowCloseTheConnection()
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

QTEST_GUILESS_MAIN(TestWebhookFrontLimits)
#include "TestWebhookFrontLimits.moc"
