#include "core/receiver/ReceiverServer.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/line/WebhookWorker.h"
#include "core/receiver/api/WorkstationServer.h"
#include "core/receiver/api/WorkstationTokens.h"
#include "tests/support/LineClient.h"
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

using namespace mado;

namespace {
const QString kChannel = QStringLiteral("1650000001");
const QString kUser = QStringLiteral("U8888888888888888888888888888abcd");
const QByteArray kAccessToken = QByteArrayLiteral("test-access-token");
const QByteArray kToken = QByteArrayLiteral("ws-token-resubmission-01");
const QByteArray kOtherToken = QByteArrayLiteral("ws-token-resubmission-02");
} // namespace

// A resubmission end to end: the clerk asks for new photos, the applicant sends one through LINE,
// the receiver downloads it, the workstation fetches it and acknowledges it (the receiver deletes
// it), and the clerk decides.
class TestResubmission : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void photoSentThroughLineReachesTheWorkstation();
    void photosAreCappedInNumberAndPaged();
    void photosAreCappedInBytes();

private:
    // A receiver, a workstation API, a webhook worker with the given limits, and one application
    // of kUser sent back for new photos by workstation "pc"; the photos p1.. are sent with photo().
    struct Rig {
        QTemporaryDir dir;
        test::LineSimulator line{kAccessToken};
        std::unique_ptr<Spool> spool;
        std::unique_ptr<ReceiverServer> receiver;
        std::unique_ptr<WorkstationTokens> tokens;
        std::unique_ptr<WorkstationServer> workstation;
        std::unique_ptr<WebhookWorker> worker;
        std::string base; // /ws/v1/applications/{id}
    };
    static void setUp(Rig &rig, int maxImages, qint64 maxBytes, WorkstationServer::Options wsOptions = {});
    // Returns the replies seen after it; eventSuffix makes a new event for the same message (a retry).
    static int sendPhoto(Rig &rig, int n, const QByteArray &photo, const QString &eventSuffix = QString());
    static QString lastReply(const Rig &rig)
    {
        return QJsonDocument::fromJson(rig.line.replies().back().body)
            .object()[QStringLiteral("messages")][0][QStringLiteral("text")]
            .toString();
    }
    static HttpTestClient::Reply wsAs(quint16 port, const QByteArray &token, const std::string &method,
                                      const std::string &path, const QByteArray &body = {})
    {
        return HttpTestClient::request(
            port, method, path, body,
            {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token.toStdString()}});
    }

    HttpTestClient::Reply ws(quint16 port, const std::string &method, const std::string &path,
                             const QByteArray &body = {})
    {
        return HttpTestClient::request(
            port, method, path, body,
            {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + kToken.toStdString()}});
    }
};

void TestResubmission::photoSentThroughLineReachesTheWorkstation()
{
    QTemporaryDir dir;
    test::LineSimulator line(kAccessToken);
    QVERIFY(line.start());
    auto spool = Spool::open(dir.filePath(QStringLiteral("spool.sqlite")));
    QVERIFY(spool.ok());
    ReceiverOptions options;
    options.port = 0;
    options.channelSecret = IntakeTestKit::channelSecret();
    options.lineApiBase = line.baseUrl();
    options.liffChannelId = kChannel;
    ReceiverServer receiver(options, *spool.value());
    QVERIFY(receiver.start().ok());
    auto tokens = WorkstationTokens::parse(WorkstationTokens::line(QStringLiteral("pc"), kToken));
    QVERIFY(tokens.ok());
    WorkstationServer::Options wsOptions;
    wsOptions.port = 0;
    WorkstationServer workstation(wsOptions, *spool.value(), tokens.value(), nullptr);
    QVERIFY(workstation.start().ok());
    WebhookWorker::Options workerOptions;
    workerOptions.apiBase = line.baseUrl();
    workerOptions.dataApiBase = line.baseUrl();
    workerOptions.accessToken = kAccessToken;
    WebhookWorker worker(*spool.value(), workerOptions);
    worker.start();

    // The application, leased, acknowledged and sent back for new photos.
    const std::string auth = "Bearer " + line.mintIdToken(kUser, kChannel).toStdString();
    const auto challenge =
        HttpTestClient::request(receiver.port(), "POST", "/api/v1/challenges", {}, {{"Authorization", auth}});
    const QString nonce = QJsonDocument::fromJson(challenge.body).object().value(QStringLiteral("nonce")).toString();
    const MultipartBody body = ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images());
    const auto submitted = HttpTestClient::request(
        receiver.port(), "POST", "/api/v1/applications", body.bytes(),
        {{"Content-Type", body.contentType()}, {"Authorization", auth}, {"Idempotency-Key", "resubmission-0001"}});
    QCOMPARE(submitted.status, 201);
    const std::string id = QJsonDocument::fromJson(submitted.body)
                               .object()
                               .value(QStringLiteral("applicationId"))
                               .toString()
                               .toStdString();
    const std::string base = "/ws/v1/applications/" + id;
    QCOMPARE(ws(workstation.port(), "POST", "/ws/v1/leases", R"({"count":1,"seconds":60})").status, 200);
    QCOMPARE(ws(workstation.port(), "POST", base + "/ack").status, 200);
    QCOMPARE(ws(workstation.port(), "POST", base + "/outcome", R"({"outcome":"resubmission_requested"})").status, 200);

    // The applicant sends a new photo in the chat.
    const QByteArray photo = ApplicantTestKit::smallPng();
    line.setContent(QStringLiteral("8001"), photo);
    const auto delivered = test::LineClient::sendWebhook(
        QStringLiteral("http://127.0.0.1:%1").arg(receiver.port()), IntakeTestKit::channelSecret(),
        {test::LineClient::event(QStringLiteral("ev-resubmit-1"), QStringLiteral("message"), kUser,
                                 QJsonObject{{QStringLiteral("type"), QStringLiteral("image")},
                                             {QStringLiteral("id"), QStringLiteral("8001")}})});
    QCOMPARE(delivered.status, 200);

    // The workstation fetches it (polled until the worker has downloaded it).
    QJsonArray files;
    const auto fetched = [&] {
        const auto reply = ws(workstation.port(), "GET", base + "/resubmissions");
        files = QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("files")).toArray();
        return reply.status == 200 && files.size() == 1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(fetched(), 5000);
    QCOMPARE(files[0][QStringLiteral("name")].toString(), QStringLiteral("8001.png"));
    QCOMPARE(QByteArray::fromBase64(files[0][QStringLiteral("base64")].toString().toLatin1()), photo);
    const QString stored = spool.value()->filesDirectory() + QStringLiteral("/resubmissions/8001.png");
    QVERIFY(QFileInfo::exists(stored));

    // Acknowledged: the receiver forgets the photo; then the clerk decides.
    const auto taken = ws(workstation.port(), "POST", base + "/resubmissions/ack");
    QCOMPARE(taken.status, 200);
    QCOMPARE(QJsonDocument::fromJson(taken.body).object().value(QStringLiteral("deleted")).toInt(), 1);
    QVERIFY(!QFileInfo::exists(stored));
    const auto after = ws(workstation.port(), "GET", base + "/resubmissions");
    QCOMPARE(QJsonDocument::fromJson(after.body).object().value(QStringLiteral("files")).toArray().size(), 0);
    QCOMPARE(ws(workstation.port(), "POST", base + "/outcome", R"({"outcome":"approved"})").status, 200);
    QCOMPARE(ws(workstation.port(), "GET", "/ws/v1/applications/no-such-application/resubmissions").status, 404);
    worker.stop();
}

void TestResubmission::setUp(Rig &rig, int maxImages, qint64 maxBytes, WorkstationServer::Options wsOptions)
{
    QVERIFY(rig.line.start());
    auto spool = Spool::open(rig.dir.filePath(QStringLiteral("spool.sqlite")));
    QVERIFY(spool.ok());
    rig.spool = std::move(spool).value();
    ReceiverOptions options;
    options.port = 0;
    options.channelSecret = IntakeTestKit::channelSecret();
    options.lineApiBase = rig.line.baseUrl();
    options.liffChannelId = kChannel;
    rig.receiver = std::make_unique<ReceiverServer>(options, *rig.spool);
    QVERIFY(rig.receiver->start().ok());
    auto tokens = WorkstationTokens::parse(WorkstationTokens::line(QStringLiteral("pc"), kToken) + '\n' +
                                           WorkstationTokens::line(QStringLiteral("other"), kOtherToken) + '\n');
    QVERIFY(tokens.ok());
    rig.tokens = std::make_unique<WorkstationTokens>(std::move(tokens).value());
    wsOptions.port = 0;
    rig.workstation = std::make_unique<WorkstationServer>(wsOptions, *rig.spool, *rig.tokens, nullptr);
    QVERIFY(rig.workstation->start().ok());
    WebhookWorker::Options workerOptions;
    workerOptions.apiBase = rig.line.baseUrl();
    workerOptions.dataApiBase = rig.line.baseUrl();
    workerOptions.accessToken = kAccessToken;
    workerOptions.maxResubmittedImages = maxImages;
    workerOptions.maxResubmittedBytes = maxBytes;
    rig.worker = std::make_unique<WebhookWorker>(*rig.spool, workerOptions);
    rig.worker->start();

    const std::string auth = "Bearer " + rig.line.mintIdToken(kUser, kChannel).toStdString();
    const auto challenge =
        HttpTestClient::request(rig.receiver->port(), "POST", "/api/v1/challenges", {}, {{"Authorization", auth}});
    const QString nonce = QJsonDocument::fromJson(challenge.body).object().value(QStringLiteral("nonce")).toString();
    const MultipartBody body = ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images());
    const auto submitted = HttpTestClient::request(
        rig.receiver->port(), "POST", "/api/v1/applications", body.bytes(),
        {{"Content-Type", body.contentType()}, {"Authorization", auth}, {"Idempotency-Key", "resubmission-0002"}});
    QCOMPARE(submitted.status, 201);
    rig.base = "/ws/v1/applications/" + QJsonDocument::fromJson(submitted.body)
                                            .object()
                                            .value(QStringLiteral("applicationId"))
                                            .toString()
                                            .toStdString();
    const quint16 port = rig.workstation->port();
    QCOMPARE(wsAs(port, kToken, "POST", "/ws/v1/leases", R"({"count":1,"seconds":60})").status, 200);
    QCOMPARE(wsAs(port, kToken, "POST", rig.base + "/ack").status, 200);
    QCOMPARE(wsAs(port, kToken, "POST", rig.base + "/outcome", R"({"outcome":"resubmission_requested"})").status, 200);
}

int TestResubmission::sendPhoto(Rig &rig, int n, const QByteArray &photo, const QString &eventSuffix)
{
    const int before = int(rig.line.replies().size());
    const QString id = QString::number(9000 + n);
    rig.line.setContent(id, photo);
    const auto delivered = test::LineClient::sendWebhook(
        QStringLiteral("http://127.0.0.1:%1").arg(rig.receiver->port()), IntakeTestKit::channelSecret(),
        {test::LineClient::event(
            QStringLiteral("ev-photo-%1").arg(n) + eventSuffix, QStringLiteral("message"), kUser,
            QJsonObject{{QStringLiteral("type"), QStringLiteral("image")}, {QStringLiteral("id"), id}})});
    if (delivered.status != 200)
        return -1;
    // Each photo gets one reply; wait for it so that the photos are handled in order.
    if (!QTest::qWaitFor([&] { return int(rig.line.replies().size()) > before; }, 5000))
        return -1;
    return int(rig.line.replies().size());
}

void TestResubmission::photosAreCappedInNumberAndPaged()
{
    WorkstationServer::Options wsOptions;
    wsOptions.maxResubmissionPageImages = 2;
    Rig rig;
    setUp(rig, 3, 64 * 1024 * 1024, wsOptions);
    if (QTest::currentTestFailed())
        return;
    const QByteArray photo = ApplicantTestKit::smallPng();
    for (int n = 1; n <= 3; ++n) {
        QCOMPARE(sendPhoto(rig, n, photo), n);
        QVERIFY(lastReply(rig).contains(QStringLiteral("受け付けました")));
    }
    // The fourth is refused with a message, without even being downloaded.
    QCOMPARE(sendPhoto(rig, 4, photo), 4);
    QCOMPARE(lastReply(rig),
             QStringLiteral("この申請で再提出いただける写真は3枚（合計64MB）までです。これ以上はお受けできません。"
                            "職員からのご連絡をお待ちください。"));
    QCOMPARE(rig.line.contentCalls(), 3);
    // The third photo's event again (as after a crash before it was marked done): still accepted,
    // counted once, not downloaded again.
    QCOMPARE(sendPhoto(rig, 3, photo, QStringLiteral("-retry")), 5);
    QVERIFY(lastReply(rig).contains(QStringLiteral("受け付けました")));
    QCOMPARE(rig.line.contentCalls(), 3);

    // Paged: at most 2 per page here.
    const quint16 port = rig.workstation->port();
    const auto first = wsAs(port, kToken, "GET", rig.base + "/resubmissions");
    QCOMPARE(first.status, 200);
    QJsonObject page = QJsonDocument::fromJson(first.body).object();
    QCOMPARE(page[QStringLiteral("files")].toArray().size(), 2);
    QCOMPARE(page[QStringLiteral("total")].toInt(), 3);
    QCOMPARE(page[QStringLiteral("nextOffset")].toInt(), 2);
    QCOMPARE(page[QStringLiteral("files")][0][QStringLiteral("name")].toString(), QStringLiteral("9001.png"));
    const auto second = wsAs(port, kToken, "GET", rig.base + "/resubmissions?offset=2");
    QCOMPARE(second.status, 200);
    page = QJsonDocument::fromJson(second.body).object();
    QCOMPARE(page[QStringLiteral("files")].toArray().size(), 1);
    QCOMPARE(page[QStringLiteral("files")][0][QStringLiteral("name")].toString(), QStringLiteral("9003.png"));
    QVERIFY(page[QStringLiteral("nextOffset")].isNull());
    QCOMPARE(QByteArray::fromBase64(page[QStringLiteral("files")][0][QStringLiteral("base64")].toString().toLatin1()),
             photo);
    QCOMPARE(wsAs(port, kToken, "GET", rig.base + "/resubmissions?limit=1").body.count("\"name\""), 1);
    for (const char *query : {"?limit=3", "?limit=0", "?offset=-1", "?offset=4", "?limit=x", "?page=1"})
        QVERIFY2(wsAs(port, kToken, "GET", rig.base + "/resubmissions" + query).status == 400, query);

    // A page is bounded in bytes too (its first image always comes).
    WorkstationServer::Options small;
    small.port = 0;
    small.maxResubmissionPageBytes = photo.size() + photo.size() / 2;
    WorkstationServer narrow(small, *rig.spool, *rig.tokens, nullptr);
    QVERIFY(narrow.start().ok());
    page = QJsonDocument::fromJson(wsAs(narrow.port(), kToken, "GET", rig.base + "/resubmissions").body).object();
    QCOMPARE(page[QStringLiteral("files")].toArray().size(), 1);
    QCOMPARE(page[QStringLiteral("nextOffset")].toInt(), 1);

    // The workstation acknowledges what it has; the rest stays; the allowance is not renewed by that.
    const auto taken =
        wsAs(port, kToken, "POST", rig.base + "/resubmissions/ack", R"({"files":["9001.png","9002.png"]})");
    QCOMPARE(taken.status, 200);
    QCOMPARE(QJsonDocument::fromJson(taken.body).object().value(QStringLiteral("deleted")).toInt(), 2);
    page = QJsonDocument::fromJson(wsAs(port, kToken, "GET", rig.base + "/resubmissions").body).object();
    QCOMPARE(page[QStringLiteral("total")].toInt(), 1);
    QVERIFY(!QFileInfo::exists(rig.spool->filesDirectory() + QStringLiteral("/resubmissions/9001.png")));
    QVERIFY(QFileInfo::exists(rig.spool->filesDirectory() + QStringLiteral("/resubmissions/9003.png")));
    QCOMPARE(sendPhoto(rig, 5, photo), 6);
    QVERIFY(lastReply(rig).contains(QStringLiteral("までです")));
    QCOMPARE(wsAs(port, kOtherToken, "GET", rig.base + "/resubmissions").status, 409);
    rig.worker->stop();
}

void TestResubmission::photosAreCappedInBytes()
{
    const QByteArray photo = ApplicantTestKit::smallJpeg();
    Rig rig;
    setUp(rig, 100, 2 * photo.size() + photo.size() / 2);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(sendPhoto(rig, 1, photo), 1);
    QCOMPARE(sendPhoto(rig, 2, photo), 2);
    QVERIFY(lastReply(rig).contains(QStringLiteral("受け付けました")));
    // The third would pass the byte allowance: refused after the download, not kept.
    QCOMPARE(sendPhoto(rig, 3, photo), 3);
    QVERIFY(lastReply(rig).contains(QStringLiteral("までです")));
    QCOMPARE(rig.line.contentCalls(), 3);
    QVERIFY(!QFileInfo::exists(rig.spool->filesDirectory() + QStringLiteral("/resubmissions/9003.jpg")));
    const auto page = wsAs(rig.workstation->port(), kToken, "GET", rig.base + "/resubmissions");
    QCOMPARE(QJsonDocument::fromJson(page.body).object()[QStringLiteral("total")].toInt(), 2);
    rig.worker->stop();
}

QTEST_GUILESS_MAIN(TestResubmission)
#include "TestResubmission.moc"
