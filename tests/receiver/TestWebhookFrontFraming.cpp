#include "FrontFixture.h"
#include "HttpTestClient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QThread>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using namespace mado;

// The receiver's event-driven front on a real loopback port: requests cut into pieces and
// pipelined, connections handed over to the other routes and back, half-closed connections, and
// a stop under load.
class TestWebhookFrontFraming : public QObject, public FrontFixture {
    Q_OBJECT

private Q_SLOTS:
    void init() { start(); }
    void cleanup() { stop(); }
    void requestArrivingInPiecesIsServed();
    void connectionMovesToTheOtherRoutesBetweenRequests();
    void handedOverRequestArrivesUnread();
    void pipelinedWebhooksAreAnsweredInOrder();
    void otherRoutePipelinedBehindAWebhookIsRefused();
    void halfClosedConnectionClosesAfterItsAnswer();
    void stopUnderLoadLosesNoAcknowledgedEvent();
};

void TestWebhookFrontFraming::requestArrivingInPiecesIsServed()
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

void TestWebhookFrontFraming::connectionMovesToTheOtherRoutesBetweenRequests()
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

void TestWebhookFrontFraming::handedOverRequestArrivesUnread()
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
    // Counted once its answer is sent: wait until it is, then read /metrics through the front.
    HttpTestClient::metricsWith(m_server->port(),
                                {"madoguchi_receiver_http_requests_total{route=\"/line/webhook\",status=\"200\"}"});
    RawConnection metrics(m_server->port());
    QVERIFY(metrics.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"));
    const auto text = metrics.read();
    QCOMPARE(text.status, 200);
    QVERIFY2(text.body.contains("madoguchi_receiver_http_requests_total{route=\"/line/webhook\",status=\"200\"} 1\n"),
             text.body.constData());
    QVERIFY(text.body.contains("madoguchi_receiver_http_requests_total{route=\"other\",status=\"404\"} 1\n"));
    QVERIFY(text.body.contains("madoguchi_receiver_webhook_events_stored_total 1\n"));
}

void TestWebhookFrontFraming::pipelinedWebhooksAreAnsweredInOrder()
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

void TestWebhookFrontFraming::otherRoutePipelinedBehindAWebhookIsRefused()
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

void TestWebhookFrontFraming::halfClosedConnectionClosesAfterItsAnswer()
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

void TestWebhookFrontFraming::stopUnderLoadLosesNoAcknowledgedEvent()
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

QTEST_GUILESS_MAIN(TestWebhookFrontFraming)
#include "TestWebhookFrontFraming.moc"
