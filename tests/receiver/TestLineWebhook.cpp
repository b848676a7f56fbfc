#include "core/receiver/ReceiverServer.h"
#include "core/receiver/spool/Spool.h"

#include "HttpTestClient.h"
#include "IntakeTestKit.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <numeric>
#include <thread>

using namespace mado;

// POST /line/webhook and GET /metrics against a real server on loopback with a real SQLite spool.
class TestLineWebhook : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void signature_data();
    void signature();
    void urlCheckIsAccepted();
    void eventsAreStoredPendingInOrder();
    void redeliveryIsANoOp();
    void bodySizeLimit_data();
    void bodySizeLimit();
    void declaredOversizeBodyIsRefusedUnread();
    void chunkedOversizeBodyIsRefusedUnread();
    void contentType_data();
    void contentType();
    void malformedBody_data();
    void malformedBody();
    void concurrentDeliveriesAreStoredOnce();
    void metricsCountRequestsEventsAndDepth();
    void spoolFailureIsNotAcknowledged();

private:
    static constexpr qint64 kLimit = 4096;
    HttpTestClient::Reply post(const QByteArray &body, const QByteArray &signature,
                               const std::string &contentType = "application/json");
    HttpTestClient::Reply postSigned(const QByteArray &body) { return post(body, sign(body)); }
    static QByteArray sign(const QByteArray &body) { return IntakeTestKit::sign(IntakeTestKit::channelSecret(), body); }
    std::vector<StoredWebhookEvent> storedEvents() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Spool> m_spool;
    std::unique_ptr<ReceiverServer> m_server;
};

void TestLineWebhook::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto spool = Spool::open(m_dir->filePath(QStringLiteral("spool.sqlite")));
    QVERIFY2(spool.ok(), qPrintable(spool.ok() ? QString() : spool.error().message));
    m_spool = std::move(spool).value();
    ReceiverOptions options;
    options.port = 0;
    options.maxThreads = 8;
    options.channelSecret = IntakeTestKit::channelSecret();
    options.maxBodyBytes = kLimit;
    m_server = std::make_unique<ReceiverServer>(options, *m_spool);
    QVERIFY(m_server->start().ok());
}

void TestLineWebhook::cleanup()
{
    m_server.reset();
    m_spool.reset();
    m_dir.reset();
}

HttpTestClient::Reply TestLineWebhook::post(const QByteArray &body, const QByteArray &signature,
                                            const std::string &contentType)
{
    HttpTestClient::Headers headers;
    if (!contentType.empty())
        headers.emplace_back("Content-Type", contentType);
    if (!signature.isNull())
        headers.emplace_back("x-line-signature", signature.toStdString());
    return HttpTestClient::request(m_server->port(), "POST", "/line/webhook", body, headers);
}

std::vector<StoredWebhookEvent> TestLineWebhook::storedEvents() const
{
    auto events = m_spool->webhookEvents();
    if (!events.ok())
        qWarning() << events.error().message;
    return events.ok() ? events.value() : std::vector<StoredWebhookEvent>{};
}

void TestLineWebhook::signature_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("signature"); // null: header not sent
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("rows");

    const QByteArray body =
        IntakeTestKit::webhook({IntakeTestKit::event(QStringLiteral("01SIGNATURE000000000000001"))});
    const QByteArray valid = sign(body);
    QByteArray altered = body;
    altered.replace("\"follow\"", "\"fallow\""); // one byte, still a well-formed webhook
    QVERIFY(altered != body && altered.size() == body.size());

    QTest::addRow("valid") << body << valid << 200 << 1;
    QTest::addRow("missing") << body << QByteArray() << 401 << 0;
    QTest::addRow("empty") << body << QByteArray("") << 401 << 0;
    QTest::addRow("wrong secret") << body << IntakeTestKit::sign("fedcba9876543210fedcba9876543210", body) << 401 << 0;
    QTest::addRow("body altered by one byte") << altered << valid << 401 << 0;
    QTest::addRow("not base64") << body << QByteArray("!!not-base64!!") << 401 << 0;
    QTest::addRow("truncated") << body << valid.left(valid.size() - 4) << 401 << 0;
    QTest::addRow("hex instead of base64")
        << body << QByteArray::fromBase64(valid).toHex() << 401 << 0;
}

void TestLineWebhook::signature()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, signature);
    QFETCH(int, status);
    QFETCH(int, rows);
    const auto reply = post(body, signature);
    QCOMPARE(reply.status, status);
    QCOMPARE(int(storedEvents().size()), rows);
    if (status == 401)
        QVERIFY(QJsonDocument::fromJson(reply.body).object().contains(QStringLiteral("error")));
}

void TestLineWebhook::urlCheckIsAccepted()
{
    const auto reply = postSigned(R"({"destination":"Uxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","events":[]})");
    QCOMPARE(reply.status, 200);
    QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("stored")).toInt(-1), 0);
    QVERIFY(storedEvents().empty());
}

void TestLineWebhook::eventsAreStoredPendingInOrder()
{
    const QList<QByteArray> events = {IntakeTestKit::event(QStringLiteral("01ORDER0000000000000000001")),
                                      IntakeTestKit::event(QStringLiteral("01ORDER0000000000000000002"),
                                                           QStringLiteral("message")),
                                      IntakeTestKit::event(QStringLiteral("01ORDER0000000000000000003"),
                                                           QStringLiteral("unfollow"))};
    const auto reply = postSigned(IntakeTestKit::webhook(events));
    QCOMPARE(reply.status, 200);
    QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("stored")).toInt(), 3);

    const auto stored = storedEvents();
    QCOMPARE(stored.size(), std::size_t(3));
    const QStringList types = {QStringLiteral("follow"), QStringLiteral("message"), QStringLiteral("unfollow")};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(stored[std::size_t(i)].webhookEventId, QStringLiteral("01ORDER000000000000000000%1").arg(i + 1));
        QCOMPARE(stored[std::size_t(i)].type, types[i]);
        QCOMPARE(stored[std::size_t(i)].state, QStringLiteral("pending"));
        QCOMPARE(QJsonDocument::fromJson(stored[std::size_t(i)].json), QJsonDocument::fromJson(events[i]));
        QVERIFY(stored[std::size_t(i)].receivedAt.endsWith(QLatin1Char('Z')));
    }
    QCOMPARE(m_spool->pendingWebhookEventCount().value(), 3);
}

void TestLineWebhook::redeliveryIsANoOp()
{
    const QString id = QStringLiteral("01REDELIVERY00000000000001");
    const QByteArray first = IntakeTestKit::webhook({IntakeTestKit::event(id)});
    const QByteArray again = IntakeTestKit::webhook({IntakeTestKit::event(id, QStringLiteral("follow"), true)});
    QCOMPARE(postSigned(first).status, 200);
    const auto reply = postSigned(again);
    QCOMPARE(reply.status, 200);
    const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
    QCOMPARE(answer.value(QStringLiteral("stored")).toInt(-1), 0);
    QCOMPARE(answer.value(QStringLiteral("duplicates")).toInt(-1), 1);
    // The same event twice in one delivery is stored once as well.
    QCOMPARE(postSigned(IntakeTestKit::webhook({IntakeTestKit::event(id), IntakeTestKit::event(id)})).status, 200);

    const auto stored = storedEvents();
    QCOMPARE(stored.size(), std::size_t(1));
    // The first delivery is kept untouched.
    QCOMPARE(QJsonDocument::fromJson(stored.front().json), QJsonDocument::fromJson(IntakeTestKit::event(id)));
}

void TestLineWebhook::bodySizeLimit_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("status");
    QTest::addRow("at the limit") << int(kLimit) << 200;
    QTest::addRow("one byte over") << int(kLimit) + 1 << 413;
    // Far larger bodies: see declaredOversizeBodyIsRefusedUnread (a client still writing would see a reset).
}

void TestLineWebhook::bodySizeLimit()
{
    QFETCH(int, size);
    QFETCH(int, status);
    QByteArray body = IntakeTestKit::webhook({IntakeTestKit::event(QStringLiteral("01SIZE00000000000000000001"))});
    QVERIFY(body.size() < size);
    body.append(QByteArray(size - body.size(), ' ')); // JSON allows trailing whitespace
    const auto reply = postSigned(body);
    QCOMPARE(reply.status, status);
    QCOMPARE(int(storedEvents().size()), status == 200 ? 1 : 0);
}

void TestLineWebhook::declaredOversizeBodyIsRefusedUnread()
{
    // 100 MB announced, 64 bytes sent: an answer can only come if the receiver does not wait for the rest.
    const QByteArray request = "POST /line/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                               "x-line-signature: " + sign("x") + "\r\nContent-Length: 100000000\r\n\r\n" +
                               QByteArray(64, '{');
    const auto reply = HttpTestClient::sendPartial(m_server->port(), request);
    QCOMPARE(reply.status, 413);
    QCOMPARE(QString::fromStdString(reply.connection).toLower(), QStringLiteral("close"));
    QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("error")).toObject().value(
                 QStringLiteral("code")).toString(),
             QStringLiteral("body_too_large"));
    QVERIFY(storedEvents().empty());
}

void TestLineWebhook::chunkedOversizeBodyIsRefusedUnread()
{
    // One chunk of 1 MiB announced and 8 KiB sent, never finished: the read must stop at the limit.
    const QByteArray request = "POST /line/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                               "x-line-signature: " + sign("x") + "\r\nTransfer-Encoding: chunked\r\n\r\n100000\r\n" +
                               QByteArray(8192, ' ');
    const auto reply = HttpTestClient::sendPartial(m_server->port(), request);
    QCOMPARE(reply.status, 413);
    QCOMPARE(QString::fromStdString(reply.connection).toLower(), QStringLiteral("close"));
    QVERIFY(storedEvents().empty());
}

void TestLineWebhook::contentType_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addRow("application/json") << QByteArray("application/json") << 200;
    QTest::addRow("with charset") << QByteArray("application/json; charset=utf-8") << 200;
    QTest::addRow("upper case") << QByteArray("Application/JSON") << 200;
    QTest::addRow("missing") << QByteArray() << 415;
    QTest::addRow("text/plain") << QByteArray("text/plain") << 415;
    QTest::addRow("form") << QByteArray("application/x-www-form-urlencoded") << 415;
    QTest::addRow("json suffix type") << QByteArray("application/ld+json") << 415;
}

void TestLineWebhook::contentType()
{
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    const QByteArray body =
        IntakeTestKit::webhook({IntakeTestKit::event(QStringLiteral("01TYPE00000000000000000001"))});
    QCOMPARE(post(body, sign(body), contentType.toStdString()).status, status);
    QCOMPARE(int(storedEvents().size()), status == 200 ? 1 : 0);
}

void TestLineWebhook::malformedBody_data()
{
    QTest::addColumn<QByteArray>("body");
    const QByteArray good = IntakeTestKit::event(QStringLiteral("01GOOD00000000000000000001"));
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("truncated JSON") << IntakeTestKit::webhook({good}).chopped(2);
    QTest::addRow("garbage after JSON") << IntakeTestKit::webhook({good}) + "x";
    QTest::addRow("not an object") << QByteArray("[]");
    QTest::addRow("events missing") << QByteArray(R"({"destination":"U1"})");
    QTest::addRow("events not an array") << QByteArray(R"({"events":{}})");
    QTest::addRow("event not an object") << QByteArray(R"({"events":[1]})");
    QTest::addRow("webhookEventId missing") << QByteArray(R"({"events":[{"type":"follow"}]})");
    QTest::addRow("webhookEventId a number") << QByteArray(R"({"events":[{"type":"follow","webhookEventId":7}]})");
    QTest::addRow("webhookEventId too long")
        << QByteArray(R"({"events":[{"type":"follow","webhookEventId":")" + QByteArray(129, 'A') + "\"}]}");
    QTest::addRow("type missing") << QByteArray(R"({"events":[{"webhookEventId":"01X"}]})");
    QTest::addRow("second event bad, first not stored")
        << IntakeTestKit::webhook({good, R"({"type":"follow"})"});
}

void TestLineWebhook::malformedBody()
{
    QFETCH(QByteArray, body);
    const auto reply = postSigned(body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("error")).toObject().value(
                 QStringLiteral("code")).toString(),
             QStringLiteral("bad_webhook"));
    QVERIFY(storedEvents().empty());
}

void TestLineWebhook::concurrentDeliveriesAreStoredOnce()
{
    // 8 senders deliver 200 webhooks carrying 100 distinct events: every event stored exactly once.
    constexpr int kSenders = 8;
    constexpr int kPerSender = 25;
    std::vector<int> failures(kSenders, 0);
    std::vector<std::thread> senders;
    for (int s = 0; s < kSenders; ++s) {
        senders.emplace_back([this, s, &failures] {
            for (int i = 0; i < kPerSender; ++i) {
                const int n = (s * kPerSender + i) % 100;
                const QString id = QStringLiteral("01CONCURRENT%1").arg(n, 14, 10, QLatin1Char('0'));
                const QByteArray body = IntakeTestKit::webhook({IntakeTestKit::event(id)});
                try {
                    if (postSigned(body).status != 200)
                        ++failures[std::size_t(s)];
                } catch (...) {
                    ++failures[std::size_t(s)];
                }
            }
        });
    }
    for (std::thread &sender : senders)
        sender.join();
    QCOMPARE(std::accumulate(failures.begin(), failures.end(), 0), 0);
    QCOMPARE(storedEvents().size(), std::size_t(100));
    const QByteArray metrics = HttpTestClient::request(m_server->port(), "GET", "/metrics").body;
    QVERIFY(metrics.contains("\nmadoguchi_receiver_webhook_events_stored_total 100\n"));
    QVERIFY(metrics.contains("\nmadoguchi_receiver_webhook_events_duplicate_total 100\n"));
}

void TestLineWebhook::metricsCountRequestsEventsAndDepth()
{
    const QByteArray body =
        IntakeTestKit::webhook({IntakeTestKit::event(QStringLiteral("01METRICS00000000000000001"))});
    QCOMPARE(postSigned(body).status, 200);
    QCOMPARE(postSigned(body).status, 200);
    QCOMPARE(post(body, "AAAA").status, 401);
    QCOMPARE(HttpTestClient::request(m_server->port(), "GET", "/no/such/path").status, 404);
    // Counted once its answer is sent: wait until the last one (the 404) is.
    HttpTestClient::metricsWith(m_server->port(), {"madoguchi_receiver_http_requests_total{route=\"other\""});

    const auto reply = HttpTestClient::request(m_server->port(), "GET", "/metrics");
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.contentType.find("text/plain; version=0.0.4") == 0);
    const QByteArray text = reply.body;
    for (const char *line : {"# TYPE madoguchi_receiver_http_requests_total counter\n",
                             "madoguchi_receiver_http_requests_total{route=\"/line/webhook\",status=\"200\"} 2\n",
                             "madoguchi_receiver_http_requests_total{route=\"/line/webhook\",status=\"401\"} 1\n",
                             "madoguchi_receiver_http_requests_total{route=\"other\",status=\"404\"} 1\n",
                             "madoguchi_receiver_webhook_events_stored_total 1\n",
                             "madoguchi_receiver_webhook_events_duplicate_total 1\n",
                             "# TYPE madoguchi_receiver_spool_pending_events gauge\n",
                             "madoguchi_receiver_spool_pending_events 1\n"})
        QVERIFY2(text.contains(line), qPrintable(QString::fromUtf8(line) + QStringLiteral(" not in:\n") + text));
    // The path of an unknown request never becomes a label.
    QVERIFY(!text.contains("/no/such/path"));
}

void TestLineWebhook::spoolFailureIsNotAcknowledged()
{
    // Break the spool file from another connection, as a damaged or foreign-modified file would be.
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(m_spool->path().toUtf8().constData(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000); // the spool's own timers may be writing
    const int rc = sqlite3_exec(db, "DROP TABLE webhook_events", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    QCOMPARE(rc, SQLITE_OK);

    const QByteArray body =
        IntakeTestKit::webhook({IntakeTestKit::event(QStringLiteral("01BROKENSPOOL0000000000001"))});
    const auto reply = postSigned(body);
    QCOMPARE(reply.status, 503); // LINE redelivers what did not get a 2xx
    QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("error")).toObject().value(
                 QStringLiteral("code")).toString(),
             QStringLiteral("spool_unavailable"));
    QCOMPARE(HttpTestClient::request(m_server->port(), "GET", "/healthz").status, 503);
    const char *refusedLine = "madoguchi_receiver_http_requests_total{route=\"/line/webhook\",status=\"503\"} 1\n";
    const QByteArray metrics = HttpTestClient::metricsWith(m_server->port(), {refusedLine});
    QVERIFY(metrics.contains(refusedLine));
    QVERIFY(!metrics.contains("madoguchi_receiver_spool_pending_events"));
}

QTEST_GUILESS_MAIN(TestLineWebhook)
#include "TestLineWebhook.moc"
