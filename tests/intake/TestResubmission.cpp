#include "core/intake/ReceiverServer.h"
#include "core/intake/Spool.h"
#include "core/intake/WebhookWorker.h"
#include "core/intake/WorkstationServer.h"
#include "core/intake/WorkstationTokens.h"
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
} // namespace

// A resubmission end to end: the clerk asks for new photos, the applicant sends one through LINE,
// the receiver downloads it, the workstation fetches it and acknowledges it (the receiver deletes
// it), and the clerk decides.
class TestResubmission : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void photoSentThroughLineReachesTheWorkstation();

private:
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

QTEST_GUILESS_MAIN(TestResubmission)
#include "TestResubmission.moc"
