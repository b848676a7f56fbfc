#include "WorkstationFixture.h"

#include "core/receiver/line/WebhookWorker.h"
#include "tests/support/LineClient.h"

#include "IntakeTestKit.h"

#include <QTest>

#include <sqlite3.h>

using namespace mado;

// Outcomes posted through the workstation API and the LINE pushes they queue: retried with the
// same retry key and sent once, LINE's 409 and permanent errors, the order of states, users who
// unfollowed.
class TestWorkstationApiOutcomes : public QObject, public WorkstationFixture {
    Q_OBJECT

private Q_SLOTS:
    void init() { start(); }
    void cleanup() { stop(); }
    void pushIsRetriedWithTheSameKeyAndSentOnce();
    void alreadyAcceptedPushIs409AndCountsAsSent();
    void permanentPushErrorIsNotRetried();
    void outcomeMustFollowTheState();
    void pushToUnfollowedUserIsSkipped();
};

void TestWorkstationApiOutcomes::pushIsRetriedWithTheSameKeyAndSentOnce()
{
    const QString id = submitApplication(1);
    QCOMPARE(lease(1, 60).size(), 1);
    QCOMPARE(ws("POST", "/ws/v1/applications/" + id.toStdString() + "/ack").status, 200);
    m_line->failNextPushes(3);
    const auto reply = ws("POST", "/ws/v1/applications/" + id.toStdString() + "/outcome", R"({"outcome":"approved"})");
    QCOMPARE(reply.status, 200);
    QCOMPARE(json(reply)[QStringLiteral("pushQueued")].toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(int(m_line->pushes().size()), 1, kEventWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(queryText(QStringLiteral("SELECT state FROM push_outbox")), QStringLiteral("sent"), kEventWaitMs);
    const auto keys = m_line->pushCallKeys();
    QCOMPARE(int(keys.size()), 4); // three 500s, then accepted
    QVERIFY(!keys[0].isEmpty());
    for (const QString &key : keys)
        QCOMPARE(key, keys[0]);
    QCOMPARE(queryText(QStringLiteral("SELECT attempts || ' ' || last_status || ' ' || body FROM push_outbox")),
             QStringLiteral("4 200 {}"));
    const QJsonObject pushed = QJsonDocument::fromJson(m_line->pushes()[0].body).object();
    QCOMPARE(pushed[QStringLiteral("to")].toString(), kUser);
    const QString text = pushed[QStringLiteral("messages")][0][QStringLiteral("text")].toString();
    QVERIFY(text.contains(queryText(QStringLiteral("SELECT reference FROM applications"))));
    QVERIFY(text.contains(QStringLiteral("承認")));

    // The same outcome again queues nothing, and a pass of the worker sends nothing.
    const auto again = ws("POST", "/ws/v1/applications/" + id.toStdString() + "/outcome", R"({"outcome":"approved"})");
    QCOMPARE(again.status, 200);
    QCOMPARE(json(again)[QStringLiteral("pushQueued")].toBool(), false);
    QCOMPARE(m_pushes->runOnce(QDateTime::currentDateTimeUtc().addDays(1)), 0);
    QCOMPARE(int(m_line->pushCallKeys().size()), 4);
    QCOMPARE(int(m_line->pushes().size()), 1);
}

void TestWorkstationApiOutcomes::alreadyAcceptedPushIs409AndCountsAsSent()
{
    const QString id = submitApplication(1);
    QCOMPARE(lease(1, 60).size(), 1);
    QCOMPARE(ws("POST", "/ws/v1/applications/" + id.toStdString() + "/ack").status, 200);
    m_pushes->stop(); // drive the worker by hand
    QCOMPARE(ws("POST", "/ws/v1/applications/" + id.toStdString() + "/outcome",
                R"({"outcome":"rejected","reason":"写真が不鮮明です"})")
                 .status,
             200);
    // LINE accepts the push, but the receiver "crashes" before it records that: the row is pending again.
    QCOMPARE(m_pushes->runOnce(), 1);
    QCOMPARE(int(m_line->pushes().size()), 1);
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(m_spool->path().toUtf8().constData(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000); // the spool's own timers may be writing
    QCOMPARE(
        sqlite3_exec(db,
                     "UPDATE push_outbox SET state = 'pending', body = '{\"to\":\"U3333333333333333333333333333cccc\","
                     "\"messages\":[{\"type\":\"text\",\"text\":\"x\"}]}'",
                     nullptr, nullptr, nullptr),
        SQLITE_OK);
    sqlite3_close(db);
    QCOMPARE(m_pushes->runOnce(QDateTime::currentDateTimeUtc().addSecs(3600)), 1);
    QCOMPARE(queryText(QStringLiteral("SELECT state || ' ' || last_status FROM push_outbox")),
             QStringLiteral("sent 409"));
    QCOMPARE(int(m_line->pushes().size()), 1);
    QCOMPARE(int(m_line->pushCallKeys().size()), 2);
}

void TestWorkstationApiOutcomes::permanentPushErrorIsNotRetried()
{
    const QString id = submitApplication(1);
    QCOMPARE(lease(1, 60).size(), 1);
    QCOMPARE(ws("POST", "/ws/v1/applications/" + id.toStdString() + "/ack").status, 200);
    m_pushes->stop();
    PushWorker::Options wrong;
    wrong.apiBase = m_line->baseUrl();
    wrong.accessToken = "revoked-token";
    PushWorker worker(*m_spool, wrong);
    QCOMPARE(ws("POST", "/ws/v1/applications/" + id.toStdString() + "/outcome", R"({"outcome":"approved"})").status,
             200);
    QCOMPARE(worker.runOnce(), 1);
    QCOMPARE(queryText(QStringLiteral("SELECT state || ' ' || last_status || ' ' || attempts FROM push_outbox")),
             QStringLiteral("failed 401 1"));
    // A push that will never be sent keeps no message (the resident's user id and text).
    QCOMPARE(queryText(QStringLiteral("SELECT body FROM push_outbox")), QStringLiteral("{}"));
    QCOMPARE(worker.runOnce(QDateTime::currentDateTimeUtc().addDays(1)), 0);
    QCOMPARE(int(m_line->pushes().size()), 0);
}

void TestWorkstationApiOutcomes::outcomeMustFollowTheState()
{
    const QString id = submitApplication(1);
    const std::string path = "/ws/v1/applications/" + id.toStdString() + "/outcome";
    QCOMPARE(ws("POST", path, R"({"outcome":"approved"})").status, 409); // not acknowledged yet
    QCOMPARE(lease(1, 60).size(), 1);
    QCOMPARE(ws("POST", "/ws/v1/applications/" + id.toStdString() + "/ack").status, 200);
    QCOMPARE(ws("POST", path, R"({"outcome":"accepted"})").status, 400);
    QCOMPARE(ws("POST", path, R"({"outcome":"issued"})").status, 409); // issued needs approved
    QCOMPARE(ws("POST", path, R"({"outcome":"approved"})").status, 200);
    QCOMPARE(ws("POST", path, R"({"outcome":"rejected"})").status, 409);
    QCOMPARE(ws("POST", path, R"({"outcome":"issued"})").status, 200);
    QCOMPARE(queryText(QStringLiteral("SELECT state FROM applications")), QStringLiteral("issued"));
    QTRY_COMPARE_WITH_TIMEOUT(int(m_line->pushes().size()), 2, kEventWaitMs);
    QCOMPARE(queryText(QStringLiteral("SELECT group_concat(kind, ',') FROM push_outbox")),
             QStringLiteral("approved,issued"));
    QCOMPARE(ws("POST", "/ws/v1/applications/no-such-application/outcome", R"({"outcome":"approved"})").status, 404);
}

void TestWorkstationApiOutcomes::pushToUnfollowedUserIsSkipped()
{
    const QString id = submitApplication(1);
    QCOMPARE(lease(1, 60).size(), 1);
    QCOMPARE(ws("POST", "/ws/v1/applications/" + id.toStdString() + "/ack").status, 200);
    // The applicant blocks the account: LINE sends an unfollow event, the worker records it.
    const auto sent = test::LineClient::sendWebhook(
        QStringLiteral("http://127.0.0.1:%1").arg(m_receiver->port()), IntakeTestKit::channelSecret(),
        {test::LineClient::event(QStringLiteral("01UNFOLLOWTEST0000000000001"), QStringLiteral("unfollow"), kUser)});
    QCOMPARE(sent.status, 200);
    WebhookWorker::Options eventOptions;
    eventOptions.apiBase = m_line->baseUrl();
    eventOptions.dataApiBase = m_line->baseUrl();
    eventOptions.accessToken = kAccessToken;
    WebhookWorker events(*m_spool, eventOptions);
    QCOMPARE(events.runOnce(), 1);
    QCOMPARE(queryText(QStringLiteral("SELECT following FROM line_users")), QStringLiteral("0"));

    const auto reply = ws("POST", "/ws/v1/applications/" + id.toStdString() + "/outcome", R"({"outcome":"approved"})");
    QCOMPARE(reply.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(queryText(QStringLiteral("SELECT state FROM push_outbox")), QStringLiteral("skipped"),
                              kEventWaitMs);
    QCOMPARE(m_line->pushCalls(), 0);
    // The message (personal data) is not kept for a push that will never be sent.
    QCOMPARE(queryText(QStringLiteral("SELECT body FROM push_outbox")), QStringLiteral("{}"));
    const auto metrics = HttpTestClient::request(m_receiver->port(), "GET", "/metrics").body;
    QVERIFY(metrics.contains("\nmadoguchi_receiver_pushes_skipped 1\n"));
    QVERIFY(metrics.contains("\nmadoguchi_receiver_pushes_pending 0\n"));
}

QTEST_GUILESS_MAIN(TestWorkstationApiOutcomes)
#include "TestWorkstationApiOutcomes.moc"
