#include "FrontFixture.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QThread>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <chrono>
#include <vector>

using namespace mado;

// Slow clients against the front and the hand-over to the other routes: unfinished heads, heads
// in many pieces, trickling kept-alive connections, few requests per handed-over connection.
class TestWebhookFrontSlowClients : public QObject, public FrontFixture {
    Q_OBJECT

private Q_SLOTS:
    void init() { start(); }
    void cleanup() { stop(); }
    void tricklingClientsCannotStarveTheOtherRoutes();
    void tricklingConnectionsAreCutAtTheDeadline();
    void handedOverConnectionServesFewRequests();
    void headInManyPiecesIsNotWaitedFor();
    void oneAddressCannotHoldEverySlot();
    void trustedProxyForwardsTheClientAddress();
};

namespace {

// The front's deadline for a head to hand over, and the gate's for a handed-over request.
constexpr std::chrono::milliseconds kHeadDeadline{1500};
constexpr std::chrono::milliseconds kHandOverDeadline{1500};
// How long a test waits for the server to close a connection it must close: beyond either
// deadline plus the front's one-second sweep by far (a loaded machine), yet short of the limits
// that would close it anyway (the front's 10 s idle timeout, Poco's 10 s per read).
constexpr int kCloseWait = 8'000;

// The server closed connection (end of stream or reset) within ms; false if it was still open
// then, or sent bytes.
bool closedWithin(test::RawConnection &connection, int ms)
{
    return QTest::qWaitFor([&] { return connection.readable(); }, ms) && connection.endOfStream();
}

// A kept-alive connection from source whose GET /healthz (with extra header lines) was answered
// 200 and left open: it holds a hand-over slot until it closes or the deadline cuts it. Null if
// it was not answered so.
std::unique_ptr<test::RawConnection> heldConnection(quint16 port, const char *source, const std::string &extra = {})
{
    auto connection = std::make_unique<test::RawConnection>(port, source);
    if (!connection->connected() || !connection->send("GET /healthz HTTP/1.1\r\nHost: x\r\n" + extra + "\r\n"))
        return nullptr;
    const auto answer = connection->read();
    if (answer.status != 200 || answer.close)
        return nullptr;
    return connection;
}

// The status of a request that is not light (a POST with a body) from source: 503 when the gate
// refuses it, else whatever the applicant API answers (401: no LIFF channel configured).
int heavyRequestStatus(quint16 port, const char *source, const std::string &extra = {})
{
    test::RawConnection connection(port, source);
    if (!connection.send("POST /api/v1/challenges HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
                         extra + "Content-Length: 2\r\n\r\n{}"))
        return -1;
    return connection.read().status;
}

} // namespace

void TestWebhookFrontSlowClients::tricklingClientsCannotStarveTheOtherRoutes()
{
    // Two threads for the other routes, and clients that send their requests' heads and then
    // nothing, or trickle them: /healthz must still be answered. Nothing here waits on luck: the
    // slots are held by connections that trickle a byte between the probes (Poco's timeout is per
    // read, 10 s) and whose deadline (30 s) cannot pass meanwhile; that they were still held when
    // the probes were answered is checked afterwards.
    ReceiverOptions options = baseOptions();
    options.maxThreads = 2;
    options.frontRequestDeadline = kHeadDeadline;
    options.handOverDeadline = std::chrono::milliseconds(30'000);
    restart(options);
    const quint16 port = m_server->port();
    // Heads that never end: held by the front (no thread), closed at its request deadline, which
    // runs from their first byte: timed from before the first is sent, never earlier than it.
    QElapsedTimer sinceHeads;
    sinceHeads.start();
    std::vector<std::unique_ptr<RawConnection>> heads;
    for (int i = 0; i < 20; ++i) {
        heads.push_back(std::make_unique<RawConnection>(port));
        QVERIFY(heads.back()->send("GET /healthz HTTP/1.1\r\nHost: x\r\n"));
    }
    {
        RawConnection probe(port);
        QVERIFY(probe.send(kHealthRequest));
        QCOMPARE(probe.read().status, 200);
    }
    for (const auto &head : heads)
        QVERIFY(closedWithin(*head, kCloseWait));
    qInfo() << "unfinished heads closed after" << sinceHeads.elapsed() << "ms";
    QVERIFY(sinceHeads.elapsed() >= kHeadDeadline.count());
    // Kept-alive connections that got an answer and trickle their next request hold both threads.
    // Each must hold a normal slot: while the probe's thread has not yet ended, a /healthz gets a
    // light slot (answered, then closed) instead, and is asked again.
    std::vector<std::unique_ptr<RawConnection>> kept;
    for (int i = 0; i < 2; ++i) {
        std::unique_ptr<RawConnection> connection;
        QVERIFY(QTest::qWaitFor([&] { return (connection = heldConnection(port, nullptr)) != nullptr; }, 5000));
        QVERIFY(connection->send("GET /healthz HTTP/1.1\r\nX-Slow: "));
        kept.push_back(std::move(connection));
    }
    const auto trickle = [&kept] {
        for (const auto &connection : kept) {
            if (!connection->send("s"))
                return false;
        }
        return true;
    };
    // Every slot is taken: a /healthz probe still gets one of the few light slots (answered, then
    // closed); any other request is answered 503 at once, not left waiting.
    RawConnection probe(port);
    QVERIFY(probe.send(kHealthRequest));
    const auto health = probe.read();
    QCOMPARE(health.status, 200);
    QVERIFY(health.close);
    QVERIFY(trickle());
    RawConnection challenge(port);
    QVERIFY(challenge.send("POST /api/v1/challenges HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                           "Content-Length: 2\r\n\r\n{}"));
    const auto busy = challenge.read();
    QCOMPARE(busy.status, 503);
    QVERIFY(busy.close);
    QVERIFY(busy.body.contains("server_busy"));
    QVERIFY(trickle());
    // Both trickling connections are still open (no answer, no end of stream): they held their
    // slots while the probe and the challenge were answered.
    for (const auto &connection : kept)
        QVERIFY(!connection->readable());
    QVERIFY(metric(port, "madoguchi_receiver_limit_hits_total{limit=\"handovers_busy\"}") >= 1);
    QCOMPARE(metric(port, "madoguchi_receiver_limit_hits_total{limit=\"handover_deadline\"}"), 0);
}

void TestWebhookFrontSlowClients::tricklingConnectionsAreCutAtTheDeadline()
{
    // Kept-alive connections that trickle their next request are cut when the hand-over deadline
    // (from their last answer) passes, and their slots serve others again.
    ReceiverOptions options = baseOptions();
    options.maxThreads = 2;
    options.handOverDeadline = kHandOverDeadline;
    restart(options);
    const quint16 port = m_server->port();
    struct Trickling {
        std::unique_ptr<RawConnection> connection;
        QElapsedTimer since; // started before its request was sent: never later than the deadline's start
    };
    std::vector<Trickling> kept(2);
    for (Trickling &t : kept) {
        QVERIFY(QTest::qWaitFor(
            [&] {
                t.since.start();
                t.connection = heldConnection(port, nullptr);
                return t.connection != nullptr;
            },
            5000));
        QVERIFY(t.connection->send("GET /healthz HTTP/1.1\r\n"));
    }
    for (Trickling &t : kept) {
        QVERIFY(closedWithin(*t.connection, kCloseWait));
        const qint64 cutAfter = t.since.elapsed();
        qInfo() << "trickling kept-alive connection cut after at most" << cutAfter << "ms";
        QVERIFY(cutAfter >= kHandOverDeadline.count());
    }
    // Slots free again: a request that is not light is served (401: no LIFF channel), not 503.
    int status = 0;
    QVERIFY2(QTest::qWaitFor([&] { return (status = heavyRequestStatus(port, nullptr)) == 401; }, 5000),
             qPrintable(QStringLiteral("last status %1").arg(status)));
    QCOMPARE(metric(port, "madoguchi_receiver_limit_hits_total{limit=\"handover_deadline\"}"), 2);
}

void TestWebhookFrontSlowClients::handedOverConnectionServesFewRequests()
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

void TestWebhookFrontSlowClients::headInManyPiecesIsNotWaitedFor()
{
    // A head for another route is peeked again whole each time bytes arrive; a client sending it a
    // few bytes at a time makes the front copy it again and again: closed long before the deadline.
    ReceiverOptions options = baseOptions();
    options.frontRequestDeadline = std::chrono::milliseconds(60'000);
    restart(options);
    RawConnection connection(m_server->port());
    const int on = 1; // each piece its own segment
    ::setsockopt(connection.fd(), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    // Pieces that arrive while the front is not running (a loaded machine) are seen as one: the
    // head goes on until the server closes, up to 8 KiB (half of what the front peeks at most, so
    // it is never handed over as a head too large).
    const std::string head = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: " + std::string(8000, 'p');
    std::size_t sent = 0;
    for (; sent < head.size() && !connection.readable(); sent += 2) {
        if (!connection.send(head.substr(sent, 2)))
            break; // closed by the server
        QTest::qWait(2); // pacing, so that the pieces arrive apart
    }
    QVERIFY(connection.endOfStream());
    qInfo() << "closed after" << sent << "bytes in pieces of 2";
}

void TestWebhookFrontSlowClients::oneAddressCannotHoldEverySlot()
{
    // Eight slots, two per address: a client at 127.0.0.2 trickling kept-alive connections holds
    // two and is refused beyond; another address is still served; the light reserve still answers
    // its /healthz probe.
    ReceiverOptions options = baseOptions();
    options.maxThreads = 8;
    options.maxHandOversPerAddress = 2;
    options.handOverDeadline = std::chrono::milliseconds(30'000);
    restart(options);
    const quint16 port = m_server->port();
    std::vector<std::unique_ptr<RawConnection>> held;
    for (int i = 0; i < 2; ++i) {
        held.push_back(heldConnection(port, "127.0.0.2"));
        QVERIFY(held.back());
    }
    // The two held and the /metrics request itself.
    QCOMPARE(metric(port, "madoguchi_receiver_handovers_active"), 3);
    QCOMPARE(heavyRequestStatus(port, "127.0.0.2"), 503);
    QCOMPARE(heavyRequestStatus(port, "127.0.0.2"), 503);
    QCOMPARE(heavyRequestStatus(port, "127.0.0.3"), 401);
    {
        RawConnection probe(port, "127.0.0.2");
        QVERIFY(probe.send(kHealthRequest));
        const auto health = probe.read();
        QCOMPARE(health.status, 200);
        QVERIFY(health.close); // a light slot: closed after its one request
    }
    QCOMPARE(metric(port, "madoguchi_receiver_limit_hits_total{limit=\"handovers_per_address\"}"), 2);
    // One of the two closes: the address may hand over again.
    // Asked once per try: a served request's thread holds one of the address's two slots until it
    // sees its client close, so asking again right after a 401 may be answered 503.
    held.pop_back();
    int status = 0;
    QVERIFY2(QTest::qWaitFor([&] { return (status = heavyRequestStatus(port, "127.0.0.2")) == 401; }, 20000),
             qPrintable(QStringLiteral("last status %1").arg(status)));
}

void TestWebhookFrontSlowClients::trustedProxyForwardsTheClientAddress()
{
    // 127.0.0.5 is a trusted proxy: the right-most hop of X-Forwarded-For it did not add is the
    // client. From an untrusted peer the header is ignored, whatever it says.
    ReceiverOptions options = baseOptions();
    options.maxThreads = 8;
    options.maxHandOversPerAddress = 2;
    options.handOverDeadline = std::chrono::milliseconds(30'000);
    options.clientAddress = ClientAddress::make(QStringLiteral("127.0.0.5")).value();
    restart(options);
    const quint16 port = m_server->port();
    std::vector<std::unique_ptr<RawConnection>> held;
    // Two residents behind the proxy, the first with a spoofed left-most hop of its own.
    for (const char *hops : {"203.0.113.9, 198.51.100.1", "198.51.100.1"}) {
        held.push_back(heldConnection(port, "127.0.0.5", std::string("X-Forwarded-For: ") + hops + "\r\n"));
        QVERIFY(held.back());
    }
    QCOMPARE(heavyRequestStatus(port, "127.0.0.5", "X-Forwarded-For: 198.51.100.1\r\n"), 503);
    QCOMPARE(heavyRequestStatus(port, "127.0.0.5", "X-Forwarded-For: 203.0.113.9\r\n"), 401);
    QCOMPARE(heavyRequestStatus(port, "127.0.0.5", "X-Forwarded-For: 198.51.100.2\r\n"), 401);
    // An untrusted peer naming a different client in every request: counted as itself.
    for (const char *spoofed : {"192.0.2.1", "192.0.2.2"}) {
        held.push_back(heldConnection(port, "127.0.0.6", std::string("X-Forwarded-For: ") + spoofed + "\r\n"));
        QVERIFY(held.back());
    }
    QCOMPARE(heavyRequestStatus(port, "127.0.0.6", "X-Forwarded-For: 192.0.2.3\r\n"), 503);
    QCOMPARE(metric(port, "madoguchi_receiver_limit_hits_total{limit=\"handovers_per_address\"}"), 2);
}

QTEST_GUILESS_MAIN(TestWebhookFrontSlowClients)
#include "TestWebhookFrontSlowClients.moc"
