#include "core/receiver/ReceiverServer.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/line/WebhookWorker.h"
#include "core/receiver/spool/WorkstationStore.h"
#include "tests/support/LineSimulator.h"

#include "ApplicantTestKit.h"
#include "HttpTestClient.h"
#include "IntakeTestKit.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace mado;

namespace {
const QString kChannel = QStringLiteral("1650000001");
const QString kUser = QStringLiteral("U5555555555555555555555555555eeee");
const QString kOtherUser = QStringLiteral("U6666666666666666666666666666ffff");
const QByteArray kAccessToken = QByteArrayLiteral("test-access-token");
const QString kLiffUrl = QStringLiteral("https://liff.line.me/1650000001-Madoguchi");
} // namespace

// Processing of stored webhook events after the 200: signed webhooks go through the real
// receiver into the spool; the worker replies, downloads and records against the LINE simulator.
class TestWebhookWorker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void followRepliesWithTheLiffLink();
    void unfollowIsMarkedWithoutReply();
    void redeliveryIsProcessedOnce();
    void processedEventKeepsNoBody();
    void processedEventsArePurgedAfterTheRetention();
    void referenceEnquiry_data();
    void referenceEnquiry();
    void imageIsDownloadedWithRetriesForAnOpenResubmission();
    void imageWithoutOpenRequestIsNotKept();
    void unreachableLineLeavesTheEventPending();
    void oversizedContentIsRefusedWithoutRetry();
    void replayedOldEventIsNotProcessed();

private:
    // timestampMs 0: now.
    QByteArray event(const QString &id, const QString &type, const QString &user, const QJsonObject &message = {},
                     qint64 timestampMs = 0);
    void deliver(const QList<QByteArray> &events);
    QString submitApplication(const QString &user, int n);
    QString queryText(const QString &sql) const;
    QString lastReplyText() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::LineSimulator> m_line;
    std::unique_ptr<Spool> m_spool;
    std::unique_ptr<ReceiverServer> m_receiver;
    std::unique_ptr<WebhookWorker> m_worker;
};

void TestWebhookWorker::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_line = std::make_unique<test::LineSimulator>(kAccessToken);
    QVERIFY(m_line->start());
    auto spool = Spool::open(m_dir->filePath(QStringLiteral("spool.sqlite")));
    QVERIFY(spool.ok());
    m_spool = std::move(spool).value();
    ReceiverOptions options;
    options.port = 0;
    options.channelSecret = IntakeTestKit::channelSecret();
    options.lineApiBase = m_line->baseUrl();
    options.liffChannelId = kChannel;
    m_receiver = std::make_unique<ReceiverServer>(options, *m_spool);
    QVERIFY(m_receiver->start().ok());
    WebhookWorker::Options workerOptions;
    workerOptions.apiBase = m_line->baseUrl();
    workerOptions.dataApiBase = m_line->baseUrl();
    workerOptions.accessToken = kAccessToken;
    workerOptions.liffUrl = kLiffUrl;
    workerOptions.contentBaseDelayMs = 10;
    workerOptions.baseDelayMs = 10;
    workerOptions.maxAttempts = 3;
    m_worker = std::make_unique<WebhookWorker>(*m_spool, workerOptions);
    m_worker->setMetrics(&m_receiver->metrics());
    m_worker->start();
}

void TestWebhookWorker::cleanup()
{
    m_worker.reset();
    m_receiver.reset();
    m_spool.reset();
    m_line.reset();
    m_dir.reset();
}

QByteArray TestWebhookWorker::event(const QString &id, const QString &type, const QString &user,
                                    const QJsonObject &message, qint64 timestampMs)
{
    QJsonObject object{
        {QStringLiteral("type"), type},
        {QStringLiteral("mode"), QStringLiteral("active")},
        {QStringLiteral("timestamp"), double(timestampMs ? timestampMs : QDateTime::currentMSecsSinceEpoch())},
        {QStringLiteral("source"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("user")}, {QStringLiteral("userId"), user}}},
        {QStringLiteral("webhookEventId"), id},
        {QStringLiteral("deliveryContext"), QJsonObject{{QStringLiteral("isRedelivery"), false}}}};
    if (type != QLatin1String("unfollow"))
        object.insert(QStringLiteral("replyToken"), QStringLiteral("reply-") + id);
    if (!message.isEmpty())
        object.insert(QStringLiteral("message"), message);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void TestWebhookWorker::deliver(const QList<QByteArray> &events)
{
    const QByteArray body = IntakeTestKit::webhook(events);
    const auto reply = HttpTestClient::request(
        m_receiver->port(), "POST", "/line/webhook", body,
        {{"Content-Type", "application/json"},
         {"x-line-signature", IntakeTestKit::sign(IntakeTestKit::channelSecret(), body).toStdString()}});
    QCOMPARE(reply.status, 200);
}

QString TestWebhookWorker::submitApplication(const QString &user, int n)
{
    const QString idToken = m_line->mintIdToken(user, kChannel);
    const auto challenge = HttpTestClient::request(m_receiver->port(), "POST", "/api/v1/challenges", {},
                                                   {{"Authorization", "Bearer " + idToken.toStdString()}});
    const QString nonce = QJsonDocument::fromJson(challenge.body).object().value(QStringLiteral("nonce")).toString();
    const MultipartBody body = ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images());
    const auto reply = HttpTestClient::request(m_receiver->port(), "POST", "/api/v1/applications", body.bytes(),
                                               {{"Content-Type", body.contentType()},
                                                {"Authorization", "Bearer " + idToken.toStdString()},
                                                {"Idempotency-Key", "webhook-test-" + std::to_string(n)}});
    return QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("reference")).toString();
}

QString TestWebhookWorker::queryText(const QString &sql) const
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(m_spool->path().toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_busy_timeout(db, 5000); // the spool scrubber may be truncating the log
    sqlite3_stmt *statement = nullptr;
    QString result = QStringLiteral("<error>");
    if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &statement, nullptr) == SQLITE_OK) {
        const int rc = sqlite3_step(statement);
        result = rc == SQLITE_ROW ? QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)))
                                  : QStringLiteral("<none>");
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return result;
}

QString TestWebhookWorker::lastReplyText() const
{
    const auto replies = m_line->replies();
    if (replies.empty())
        return QString();
    return QJsonDocument::fromJson(replies.back().body)
        .object()[QStringLiteral("messages")][0][QStringLiteral("text")]
        .toString();
}

void TestWebhookWorker::followRepliesWithTheLiffLink()
{
    deliver({event(QStringLiteral("ev-follow-1"), QStringLiteral("follow"), kUser)});
    QTRY_COMPARE_WITH_TIMEOUT(int(m_line->replies().size()), 1, 5000);
    QCOMPARE(m_line->replies()[0].to, QStringLiteral("reply-ev-follow-1"));
    QVERIFY(lastReplyText().contains(kLiffUrl));
    QVERIFY(lastReplyText().contains(QStringLiteral("申請")));
    QTRY_COMPARE_WITH_TIMEOUT(queryText(QStringLiteral("SELECT state FROM webhook_events")), QStringLiteral("done"),
                              5000);
    QCOMPARE(queryText(QStringLiteral("SELECT following FROM line_users WHERE user_id = '%1'").arg(kUser)),
             QStringLiteral("1"));
}

void TestWebhookWorker::unfollowIsMarkedWithoutReply()
{
    deliver({event(QStringLiteral("ev-follow-2"), QStringLiteral("follow"), kUser)});
    QTRY_COMPARE_WITH_TIMEOUT(int(m_line->replies().size()), 1, 5000);
    deliver({event(QStringLiteral("ev-unfollow-2"), QStringLiteral("unfollow"), kUser)});
    QTRY_COMPARE_WITH_TIMEOUT(queryText(QStringLiteral("SELECT following FROM line_users")), QStringLiteral("0"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(queryText(QStringLiteral("SELECT count(*) FROM webhook_events WHERE state = 'done'")),
                              QStringLiteral("2"), 5000);
    QCOMPARE(int(m_line->replies().size()), 1);
}

void TestWebhookWorker::redeliveryIsProcessedOnce()
{
    const QByteArray follow = event(QStringLiteral("ev-follow-3"), QStringLiteral("follow"), kUser);
    deliver({follow});
    deliver({follow});
    QTRY_COMPARE_WITH_TIMEOUT(queryText(QStringLiteral("SELECT state FROM webhook_events")), QStringLiteral("done"),
                              5000);
    QCOMPARE(m_worker->runOnce(QDateTime::currentDateTimeUtc().addDays(1)), 0);
    QCOMPARE(int(m_line->replies().size()), 1);
}

void TestWebhookWorker::processedEventKeepsNoBody()
{
    const QByteArray text = event(QStringLiteral("ev-text-9"), QStringLiteral("message"), kUser,
                                  QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                              {QStringLiteral("id"), QStringLiteral("4000000009")},
                                              {QStringLiteral("text"), QStringLiteral("personal text")}});
    deliver({text});
    QTRY_COMPARE_WITH_TIMEOUT(queryText(QStringLiteral("SELECT state FROM webhook_events")), QStringLiteral("done"),
                              5000);
    // Only what deduplication needs is kept: no text, no user id, no reply token.
    QCOMPARE(queryText(QStringLiteral("SELECT body FROM webhook_events")), QStringLiteral("{}"));
    QCOMPARE(queryText(QStringLiteral("SELECT webhook_event_id || ' ' || type FROM webhook_events")),
             QStringLiteral("ev-text-9 message"));
    QCOMPARE(queryText(QStringLiteral("SELECT count(*) FROM webhook_events WHERE body LIKE '%personal%' OR "
                                      "body LIKE '%%1%'")
                           .arg(kUser)),
             QStringLiteral("0"));
    // A redelivery of the processed event is still recognised and not processed again.
    const QByteArray body = IntakeTestKit::webhook({text});
    const auto reply = HttpTestClient::request(
        m_receiver->port(), "POST", "/line/webhook", body,
        {{"Content-Type", "application/json"},
         {"x-line-signature", IntakeTestKit::sign(IntakeTestKit::channelSecret(), body).toStdString()}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("duplicates")).toInt(), 1);
    m_worker->stop();
    QCOMPARE(m_worker->runOnce(QDateTime::currentDateTimeUtc().addDays(1)), 0);
    QCOMPARE(int(m_line->replies().size()), 1);
    QCOMPARE(queryText(QStringLiteral("SELECT count(*) FROM webhook_events")), QStringLiteral("1"));
}

void TestWebhookWorker::processedEventsArePurgedAfterTheRetention()
{
    deliver({event(QStringLiteral("ev-follow-10"), QStringLiteral("follow"), kUser)});
    QTRY_COMPARE_WITH_TIMEOUT(queryText(QStringLiteral("SELECT state FROM webhook_events")), QStringLiteral("done"),
                              5000);
    m_worker->stop();
    // Within the retention (7 days by default) the row stays; after it, the spool's retention pass
    // (SpoolRetention, on the receiver's timer) deletes it.
    QVERIFY(m_spool->scrubber().runOnce(QDateTime::currentDateTimeUtc().addDays(6)).ok());
    QCOMPARE(queryText(QStringLiteral("SELECT count(*) FROM webhook_events")), QStringLiteral("1"));
    QVERIFY(m_spool->scrubber().runOnce(QDateTime::currentDateTimeUtc().addDays(8)).ok());
    QCOMPARE(queryText(QStringLiteral("SELECT count(*) FROM webhook_events")), QStringLiteral("0"));
}

void TestWebhookWorker::referenceEnquiry_data()
{
    QTest::addColumn<QString>("text"); // "@" is replaced by the applicant's reference
    QTest::addColumn<QString>("sender");
    QTest::addColumn<QString>("expected");
    QTest::addRow("own reference") << "受付番号は @ です" << kUser << "受け付けました";
    QTest::addRow("own reference, lower case") << "@" << kUser << "受け付けました";
    QTest::addRow("another user's reference") << "@" << kOtherUser << "見つかりませんでした";
    QTest::addRow("wrong check digit") << "MDG-2611-00001-0" << kUser << "正しくありません";
    QTest::addRow("no reference") << "こんにちは" << kUser << "受付番号（例";
}

void TestWebhookWorker::referenceEnquiry()
{
    QFETCH(QString, text);
    QFETCH(QString, sender);
    QFETCH(QString, expected);
    const QString reference = submitApplication(kUser, 1);
    QVERIFY(!reference.isEmpty());
    QString message = QString(text).replace(QLatin1Char('@'), reference);
    if (QTest::currentDataTag() == QLatin1String("own reference, lower case"))
        message = message.toLower();
    deliver({event(QStringLiteral("ev-text-1"), QStringLiteral("message"), sender,
                   QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                               {QStringLiteral("id"), QStringLiteral("5000001")},
                               {QStringLiteral("text"), message}})});
    QTRY_COMPARE_WITH_TIMEOUT(int(m_line->replies().size()), 1, 5000);
    QVERIFY2(lastReplyText().contains(expected), qPrintable(lastReplyText()));
}

void TestWebhookWorker::imageIsDownloadedWithRetriesForAnOpenResubmission()
{
    const QString reference = submitApplication(kUser, 1);
    WorkstationStore store(*m_spool);
    const auto leases = store.lease(QStringLiteral("pc"), 1, 60);
    QVERIFY(leases.ok() && leases.value().size() == 1);
    const QString id = leases.value()[0].applicationId;
    QVERIFY(store.acknowledge(id, QStringLiteral("pc")).ok());
    QVERIFY(store.recordOutcome(id, QStringLiteral("pc"), WorkstationStore::Outcome::ResubmissionRequested, QString())
                .ok());

    m_line->setContent(QStringLiteral("7001"), ApplicantTestKit::smallJpeg());
    m_line->failNextContent(2);
    deliver({event(QStringLiteral("ev-image-1"), QStringLiteral("message"), kUser,
                   QJsonObject{{QStringLiteral("type"), QStringLiteral("image")},
                               {QStringLiteral("id"), QStringLiteral("7001")}})});
    QTRY_COMPARE_WITH_TIMEOUT(queryText(QStringLiteral("SELECT application_id || ' ' || file FROM resubmitted_images")),
                              id + QStringLiteral(" 7001.jpg"), 5000);
    QCOMPARE(m_line->contentCalls(), 3); // two 500s, then the content
    QFile file(m_spool->filesDirectory() + QStringLiteral("/resubmissions/7001.jpg"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), ApplicantTestKit::smallJpeg());
    QTRY_COMPARE_WITH_TIMEOUT(int(m_line->replies().size()), 1, 5000);
    QVERIFY(lastReplyText().contains(QStringLiteral("受け付けました")));
    // Recovery at start-up keeps the resubmissions.
    m_receiver->stop();
    ReceiverOptions restart;
    restart.port = 0;
    m_receiver = std::make_unique<ReceiverServer>(restart, *m_spool);
    QVERIFY(m_receiver->start().ok());
    QVERIFY(QFileInfo::exists(file.fileName()));
    QVERIFY(!reference.isEmpty());
}

void TestWebhookWorker::imageWithoutOpenRequestIsNotKept()
{
    m_line->setContent(QStringLiteral("7002"), ApplicantTestKit::smallPng());
    deliver({event(QStringLiteral("ev-image-2"), QStringLiteral("message"), kUser,
                   QJsonObject{{QStringLiteral("type"), QStringLiteral("image")},
                               {QStringLiteral("id"), QStringLiteral("7002")}})});
    QTRY_COMPARE_WITH_TIMEOUT(int(m_line->replies().size()), 1, 5000);
    QVERIFY(lastReplyText().contains(QStringLiteral("再提出をお願いしている申請はありません")));
    QCOMPARE(m_line->contentCalls(), 1);
    QCOMPARE(queryText(QStringLiteral("SELECT count(*) FROM resubmitted_images")), QStringLiteral("0"));
    QVERIFY(!QFileInfo::exists(m_spool->filesDirectory() + QStringLiteral("/resubmissions")));
}

void TestWebhookWorker::unreachableLineLeavesTheEventPending()
{
    m_worker->stop();
    WebhookWorker::Options dead;
    dead.apiBase = QStringLiteral("http://127.0.0.1:1"); // nothing listens on port 1
    dead.dataApiBase = dead.apiBase;
    dead.accessToken = kAccessToken;
    dead.baseDelayMs = 60000;
    dead.maxAttempts = 2;
    dead.timeoutMs = 2000;
    WebhookWorker worker(*m_spool, dead);
    deliver({event(QStringLiteral("ev-follow-4"), QStringLiteral("follow"), kUser)});
    QCOMPARE(worker.runOnce(), 1);
    QCOMPARE(queryText(QStringLiteral("SELECT state || ' ' || attempts FROM webhook_events")),
             QStringLiteral("pending 1"));
    QVERIFY(queryText(QStringLiteral("SELECT body FROM webhook_events")).contains(kUser)); // still needed
    QCOMPARE(worker.runOnce(), 0); // backing off
    QCOMPARE(worker.runOnce(QDateTime::currentDateTimeUtc().addSecs(120)), 1);
    QCOMPARE(queryText(QStringLiteral("SELECT state || ' ' || attempts FROM webhook_events")),
             QStringLiteral("failed 2"));
    QCOMPARE(queryText(QStringLiteral("SELECT body FROM webhook_events")), QStringLiteral("{}"));
}

void TestWebhookWorker::oversizedContentIsRefusedWithoutRetry()
{
    m_worker->stop();
    WebhookWorker::Options small;
    small.apiBase = m_line->baseUrl();
    small.dataApiBase = m_line->baseUrl();
    small.accessToken = kAccessToken;
    small.imageLimits.maxBytes = 1024;
    small.contentBaseDelayMs = 10;
    WebhookWorker worker(*m_spool, small);
    m_line->setContent(QStringLiteral("7003"), ApplicantTestKit::smallJpeg() + QByteArray(4096, 'x'));
    deliver({event(QStringLiteral("ev-image-3"), QStringLiteral("message"), kUser,
                   QJsonObject{{QStringLiteral("type"), QStringLiteral("image")},
                               {QStringLiteral("id"), QStringLiteral("7003")}})});
    QCOMPARE(worker.runOnce(), 1);
    QCOMPARE(m_line->contentCalls(), 1);
    QCOMPARE(queryText(QStringLiteral("SELECT state FROM webhook_events")), QStringLiteral("done"));
    QVERIFY(lastReplyText().contains(QStringLiteral("大きすぎます")));
}

void TestWebhookWorker::replayedOldEventIsNotProcessed()
{
    const auto following = [this] { return queryText(QStringLiteral("SELECT following FROM line_users")); };
    const auto done = [this] {
        return queryText(QStringLiteral("SELECT count(*) FROM webhook_events WHERE state = 'done'")).toInt();
    };
    const auto stale = [this] {
        const QByteArray metrics = HttpTestClient::request(m_receiver->port(), "GET", "/metrics").body;
        return metrics.contains("\nmadoguchi_receiver_webhook_events_stale_total 0\n")   ? 0
               : metrics.contains("\nmadoguchi_receiver_webhook_events_stale_total 1\n") ? 1
               : metrics.contains("\nmadoguchi_receiver_webhook_events_stale_total 2\n") ? 2
                                                                                         : -1;
    };
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 day = 86'400'000;
    deliver({event(QStringLiteral("ev-follow-replay"), QStringLiteral("follow"), kUser)});
    QTRY_COMPARE_WITH_TIMEOUT(following(), QStringLiteral("1"), 5000);
    QCOMPARE(stale(), 0);
    // An unfollow captured 8 days ago, replayed with its valid signature after its id was purged
    // (retention 7 days): answered 200 (deliver checks), not processed, counted.
    deliver({event(QStringLiteral("ev-unfollow-captured"), QStringLiteral("unfollow"), kUser, {}, now - 8 * day)});
    QTRY_COMPARE_WITH_TIMEOUT(done(), 2, 5000);
    QCOMPARE(following(), QStringLiteral("1"));
    QCOMPARE(stale(), 1);
    QCOMPARE(queryText(QStringLiteral("SELECT body FROM webhook_events WHERE webhook_event_id = "
                                      "'ev-unfollow-captured'")),
             QStringLiteral("{}"));
    // A timestamp a day in the future: no LINE event looks like that either.
    deliver({event(QStringLiteral("ev-unfollow-future"), QStringLiteral("unfollow"), kUser, {}, now + day)});
    QTRY_COMPARE_WITH_TIMEOUT(done(), 3, 5000);
    QCOMPARE(following(), QStringLiteral("1"));
    QCOMPARE(stale(), 2);
    // Within the window (6 days old, a late redelivery) the same event is processed.
    deliver({event(QStringLiteral("ev-unfollow-late"), QStringLiteral("unfollow"), kUser, {}, now - 6 * day)});
    QTRY_COMPARE_WITH_TIMEOUT(following(), QStringLiteral("0"), 5000);
    QCOMPARE(stale(), 2);
}

QTEST_GUILESS_MAIN(TestWebhookWorker)
#include "TestWebhookWorker.moc"
