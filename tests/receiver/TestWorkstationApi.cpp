#include "core/bundle/BundleTransfer.h"
#include "core/bundle/CaseBundleReader.h"
#include "core/receiver/line/PushWorker.h"
#include "core/receiver/ReceiverServer.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/spool/SpoolGauges.h"
#include "core/receiver/line/WebhookWorker.h"
#include "core/receiver/api/WorkstationServer.h"
#include "core/receiver/api/WorkstationTokens.h"
#include "tests/support/LineClient.h"
#include "tests/support/LineSimulator.h"

#include "ApplicantTestKit.h"
#include "HttpTestClient.h"
#include "IntakeTestKit.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace mado;

namespace {
const QString kChannel = QStringLiteral("1650000001");
const QString kUser = QStringLiteral("U3333333333333333333333333333cccc");
const QByteArray kAccessToken = QByteArrayLiteral("test-access-token");
const QByteArray kTokenA = QByteArrayLiteral("ws-token-a-9f8e7d6c5b4a");
const QByteArray kTokenB = QByteArrayLiteral("ws-token-b-0a1b2c3d4e5f");
} // namespace

// The workstation API over real loopback HTTP: applications come in through the real applicant
// API, the workstations lease, download, acknowledge and post outcomes, and the push worker
// delivers the LINE pushes to the simulator.
class TestWorkstationApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void tokensFileHoldsHashesOnly();
    void unauthorisedIs401_data();
    void unauthorisedIs401();
    void leaseDownloadAndAcknowledge();
    void acknowledgeRemovesPersonalData();
    void expiredLeaseIsLeasedAgain();
    void leaseRequestIsValidated_data();
    void leaseRequestIsValidated();
    void pushIsRetriedWithTheSameKeyAndSentOnce();
    void alreadyAcceptedPushIs409AndCountsAsSent();
    void permanentPushErrorIsNotRetried();
    void outcomeMustFollowTheState();
    void metricsShowWaitingLeasedAndPushes();
    void pushToUnfollowedUserIsSkipped();
    void failedImportDeletesTheDataAndTellsTheResident();
    void failedImportIsValidated_data();
    void failedImportIsValidated();
    void poisonApplicationIsFailedAfterTheLeaseLimit();
    void otherWorkstationCannotTouchAnApplication();
    void acknowledgedApplicationLeavesNoTraceInTheSpoolFiles();
    void expiredChallengesArePruned();

private:
    QString submitApplication(int n, const QString &addressLine = QString());
    QStringList filesContaining(const QByteArray &marker) const;
    HttpTestClient::Reply ws(const std::string &method, const std::string &path, const QByteArray &body = {},
                             const QByteArray &token = kTokenA);
    QJsonArray lease(int count, int seconds, const QByteArray &token = kTokenA);
    QString queryText(const QString &sql) const;
    static QJsonObject json(const HttpTestClient::Reply &reply) { return QJsonDocument::fromJson(reply.body).object(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::LineSimulator> m_line;
    std::unique_ptr<Spool> m_spool;
    std::unique_ptr<ReceiverServer> m_receiver;
    std::unique_ptr<WorkstationTokens> m_tokens;
    std::unique_ptr<PushWorker> m_pushes;
    std::unique_ptr<WorkstationServer> m_server;
};

void TestWorkstationApi::init()
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

    auto tokens = WorkstationTokens::parse(WorkstationTokens::line(QStringLiteral("counter-a"), kTokenA) + '\n' +
                                           WorkstationTokens::line(QStringLiteral("counter-b"), kTokenB) + '\n');
    QVERIFY(tokens.ok());
    m_tokens = std::make_unique<WorkstationTokens>(std::move(tokens).value());
    PushWorker::Options pushOptions;
    pushOptions.apiBase = m_line->baseUrl();
    pushOptions.accessToken = kAccessToken;
    pushOptions.baseDelayMs = 20;
    pushOptions.maxDelayMs = 100;
    m_pushes = std::make_unique<PushWorker>(*m_spool, pushOptions);
    m_pushes->start();
    WorkstationServer::Options wsOptions;
    wsOptions.port = 0;
    wsOptions.maxLeases = 3;
    m_server = std::make_unique<WorkstationServer>(wsOptions, *m_spool, *m_tokens, m_pushes.get());
    m_server->setMetrics(&m_receiver->metrics());
    QVERIFY(m_server->start().ok());
}

void TestWorkstationApi::cleanup()
{
    m_server.reset();
    m_pushes.reset();
    m_receiver.reset();
    m_spool.reset();
    m_line.reset();
    m_dir.reset();
}

QString TestWorkstationApi::submitApplication(int n, const QString &addressLine)
{
    const QString idToken = m_line->mintIdToken(kUser, kChannel);
    const auto challenge = HttpTestClient::request(m_receiver->port(), "POST", "/api/v1/challenges", {},
                                                   {{"Authorization", "Bearer " + idToken.toStdString()}});
    const QString nonce = json(challenge).value(QStringLiteral("nonce")).toString();
    auto fields = ApplicantTestKit::fields(nonce);
    if (!addressLine.isEmpty())
        fields[QStringLiteral("line")] = addressLine;
    const MultipartBody body = ApplicantTestKit::body(fields, ApplicantTestKit::images());
    const auto reply = HttpTestClient::request(m_receiver->port(), "POST", "/api/v1/applications", body.bytes(),
                                               {{"Content-Type", body.contentType()},
                                                {"Authorization", "Bearer " + idToken.toStdString()},
                                                {"Idempotency-Key", "workstation-test-" + std::to_string(n)}});
    if (reply.status != 201)
        qWarning() << "submission failed" << reply.status << reply.body;
    return json(reply).value(QStringLiteral("applicationId")).toString();
}

HttpTestClient::Reply TestWorkstationApi::ws(const std::string &method, const std::string &path, const QByteArray &body,
                                             const QByteArray &token)
{
    HttpTestClient::Headers headers{{"Content-Type", "application/json"}};
    if (!token.isNull())
        headers.emplace_back("Authorization", "Bearer " + token.toStdString());
    return HttpTestClient::request(m_server->port(), method, path, body, headers);
}

QJsonArray TestWorkstationApi::lease(int count, int seconds, const QByteArray &token)
{
    const auto reply =
        ws("POST", "/ws/v1/leases",
           QJsonDocument(QJsonObject{{QStringLiteral("count"), count}, {QStringLiteral("seconds"), seconds}}).toJson(),
           token);
    if (reply.status != 200)
        qWarning() << "lease failed" << reply.status << reply.body;
    return json(reply).value(QStringLiteral("leases")).toArray();
}

QString TestWorkstationApi::queryText(const QString &sql) const
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(m_spool->path().toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_busy_timeout(db, 5000); // the spool scrubber may be truncating the log
    sqlite3_stmt *statement = nullptr;
    QString result = QStringLiteral("<error>");
    if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &statement, nullptr) == SQLITE_OK) {
        const int rc = sqlite3_step(statement);
        if (rc == SQLITE_ROW)
            result = sqlite3_column_type(statement, 0) == SQLITE_NULL
                         ? QStringLiteral("<null>")
                         : QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        else if (rc == SQLITE_DONE)
            result = QStringLiteral("<none>");
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return result;
}

void TestWorkstationApi::tokensFileHoldsHashesOnly()
{
    const QByteArray line = WorkstationTokens::line(QStringLiteral("counter-a"), kTokenA);
    QVERIFY(!line.contains(kTokenA));
    QCOMPARE(line, "counter-a:" + QCryptographicHash::hash(kTokenA, QCryptographicHash::Sha256).toHex());
    QCOMPARE(m_tokens->authenticate(kTokenA), std::optional<QString>(QStringLiteral("counter-a")));
    QCOMPARE(m_tokens->authenticate(kTokenB), std::optional<QString>(QStringLiteral("counter-b")));
    QVERIFY(!m_tokens->authenticate(kTokenA.chopped(1)));
    QVERIFY(!m_tokens->authenticate(QCryptographicHash::hash(kTokenA, QCryptographicHash::Sha256).toHex()));
    QVERIFY(!WorkstationTokens::parse("counter-a:" + kTokenA + '\n').ok());
}

void TestWorkstationApi::unauthorisedIs401_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("path");
    QTest::addRow("no token, lease") << QByteArray() << "/ws/v1/leases";
    QTest::addRow("wrong token, lease") << QByteArray("ws-token-c-unknown") << "/ws/v1/leases";
    QTest::addRow("the token's hash as token, lease")
        << QCryptographicHash::hash(kTokenA, QCryptographicHash::Sha256).toHex() << "/ws/v1/leases";
    QTest::addRow("wrong token, ack") << QByteArray("ws-token-c-unknown") << "/ws/v1/applications/%1/ack";
    QTest::addRow("wrong token, bundle") << QByteArray("nope") << "/ws/v1/applications/%1/bundle";
}

void TestWorkstationApi::unauthorisedIs401()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, path);
    const QString id = submitApplication(1);
    QVERIFY(!id.isEmpty());
    const std::string method = path.endsWith(QLatin1String("bundle")) ? "GET" : "POST";
    const auto reply = ws(method, path.arg(id).toStdString(), R"({"count":5,"seconds":60})", token);
    QCOMPARE(reply.status, 401);
    QCOMPARE(queryText(QStringLiteral("SELECT coalesce(lease_holder, 'none') || ' ' || state FROM applications")),
             QStringLiteral("none received"));
}

void TestWorkstationApi::leaseDownloadAndAcknowledge()
{
    const QString first = submitApplication(1);
    const QString second = submitApplication(2);
    const QString third = submitApplication(3);
    QVERIFY(!third.isEmpty());
    const QJsonArray leases = lease(2, 300);
    QCOMPARE(leases.size(), 2);
    QCOMPARE(leases[0][QStringLiteral("applicationId")].toString(), first);
    QCOMPARE(leases[1][QStringLiteral("applicationId")].toString(), second);
    // The other workstation gets the third only.
    const QJsonArray others = lease(5, 300, kTokenB);
    QCOMPARE(others.size(), 1);
    QCOMPARE(others[0][QStringLiteral("applicationId")].toString(), third);
    QCOMPARE(lease(5, 300).size(), 0);

    // Only the lease holder may download; the bundle unpacks into what CaseBundleReader accepts.
    QCOMPARE(ws("GET", "/ws/v1/applications/" + first.toStdString() + "/bundle", {}, kTokenB).status, 409);
    const auto bundle = ws("GET", "/ws/v1/applications/" + first.toStdString() + "/bundle");
    QCOMPARE(bundle.status, 200);
    const QString directory = m_dir->filePath(QStringLiteral("import/") + first);
    const Status unpacked = BundleTransfer::unpack(bundle.body, directory);
    QVERIFY2(unpacked.ok(), qPrintable(unpacked.ok() ? QString() : unpacked.error().message));
    const auto reader = CaseBundleReader::create();
    QVERIFY(reader.ok());
    const auto read = reader.value().read(directory);
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
    QCOMPARE(read.value().applicationId, first);
    QCOMPARE(read.value().reference, leases[0][QStringLiteral("reference")].toString());
    QFile frame(QDir(directory).filePath(QStringLiteral("frame1.png")));
    QVERIFY(frame.open(QIODevice::ReadOnly));
    QCOMPARE(frame.readAll(), ApplicantTestKit::smallPng());

    // A tampered transfer is refused.
    QByteArray tampered = bundle.body;
    tampered.replace("\"sha256\":\"", "\"sha256\":\"0");
    QVERIFY(!BundleTransfer::unpack(tampered, m_dir->filePath(QStringLiteral("import/tampered"))).ok());

    QCOMPARE(ws("POST", "/ws/v1/applications/" + first.toStdString() + "/ack", {}, kTokenB).status, 409);
    QCOMPARE(ws("POST", "/ws/v1/applications/" + first.toStdString() + "/ack").status, 200);
    QCOMPARE(ws("POST", "/ws/v1/applications/" + first.toStdString() + "/ack").status, 200); // idempotent
    QCOMPARE(ws("GET", "/ws/v1/applications/" + first.toStdString() + "/bundle").status, 410);
    QCOMPARE(ws("GET", "/ws/v1/applications/no-such-application/bundle").status, 404);
}

void TestWorkstationApi::acknowledgeRemovesPersonalData()
{
    const QString id = submitApplication(1);
    const QString directory = m_spool->filesDirectory() + QLatin1Char('/') + id;
    QVERIFY(QFileInfo::exists(directory + QStringLiteral("/frame0.jpg")));
    QVERIFY(queryText(QStringLiteral("SELECT manifest FROM applications")).contains(QStringLiteral("ミホン ハナコ")));
    QCOMPARE(lease(1, 60).size(), 1);
    QCOMPARE(ws("POST", "/ws/v1/applications/" + id.toStdString() + "/ack").status, 200);
    QVERIFY(!QFileInfo::exists(directory));
    QVERIFY(QDir(m_spool->filesDirectory()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
    QCOMPARE(queryText(QStringLiteral("SELECT manifest FROM applications")), QStringLiteral("<null>"));
    // The tombstone: reference, LINE user id and state, nothing else personal.
    QCOMPARE(queryText(QStringLiteral("SELECT user_id || ' ' || state FROM applications")),
             kUser + QStringLiteral(" acknowledged"));
    QVERIFY(queryText(QStringLiteral("SELECT reference FROM applications")).startsWith(QStringLiteral("MDG-")));
    // No column of any table still holds the name (checked on the raw database text).
    QCOMPARE(queryText(QStringLiteral("SELECT count(*) FROM applications WHERE manifest LIKE '%ミホン%'")),
             QStringLiteral("0"));
}

void TestWorkstationApi::expiredLeaseIsLeasedAgain()
{
    const QString id = submitApplication(1);
    const QJsonArray first = lease(1, 1);
    QCOMPARE(first.size(), 1);
    QCOMPARE(lease(1, 60, kTokenB).size(), 0);
    // Once the one-second lease has expired, the other workstation gets it (polled, no sleep).
    // QTRY_* evaluates the condition once more after success, so the lease is kept once obtained.
    QJsonArray again;
    const auto leasedAgain = [&] {
        if (again.isEmpty())
            again = lease(1, 60, kTokenB);
        return again.size() == 1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(leasedAgain(), 5000);
    QCOMPARE(again[0][QStringLiteral("applicationId")].toString(), id);
    // The first holder lost it: no download, no ack.
    QCOMPARE(ws("GET", "/ws/v1/applications/" + id.toStdString() + "/bundle").status, 409);
    QCOMPARE(ws("POST", "/ws/v1/applications/" + id.toStdString() + "/ack").status, 409);
    QCOMPARE(ws("GET", "/ws/v1/applications/" + id.toStdString() + "/bundle", {}, kTokenB).status, 200);
}

void TestWorkstationApi::leaseRequestIsValidated_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addRow("count zero") << QByteArray(R"({"count":0,"seconds":60})") << "count";
    QTest::addRow("count too large") << QByteArray(R"({"count":51,"seconds":60})") << "count";
    QTest::addRow("seconds missing") << QByteArray(R"({"count":1})") << "seconds";
    QTest::addRow("seconds too long") << QByteArray(R"({"count":1,"seconds":86400})") << "seconds";
    QTest::addRow("not JSON") << QByteArray("count=1") << "count";
}

void TestWorkstationApi::leaseRequestIsValidated()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    submitApplication(1);
    const auto reply = ws("POST", "/ws/v1/leases", body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(json(reply)[QStringLiteral("error")][QStringLiteral("field")].toString(), field);
    QCOMPARE(queryText(QStringLiteral("SELECT coalesce(lease_holder, 'none') FROM applications")),
             QStringLiteral("none"));
}

void TestWorkstationApi::pushIsRetriedWithTheSameKeyAndSentOnce()
{
    const QString id = submitApplication(1);
    QCOMPARE(lease(1, 60).size(), 1);
    QCOMPARE(ws("POST", "/ws/v1/applications/" + id.toStdString() + "/ack").status, 200);
    m_line->failNextPushes(3);
    const auto reply = ws("POST", "/ws/v1/applications/" + id.toStdString() + "/outcome", R"({"outcome":"approved"})");
    QCOMPARE(reply.status, 200);
    QCOMPARE(json(reply)[QStringLiteral("pushQueued")].toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(int(m_line->pushes().size()), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(queryText(QStringLiteral("SELECT state FROM push_outbox")), QStringLiteral("sent"), 5000);
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

void TestWorkstationApi::alreadyAcceptedPushIs409AndCountsAsSent()
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

void TestWorkstationApi::permanentPushErrorIsNotRetried()
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

void TestWorkstationApi::outcomeMustFollowTheState()
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
    QTRY_COMPARE_WITH_TIMEOUT(int(m_line->pushes().size()), 2, 5000);
    QCOMPARE(queryText(QStringLiteral("SELECT group_concat(kind, ',') FROM push_outbox")),
             QStringLiteral("approved,issued"));
    QCOMPARE(ws("POST", "/ws/v1/applications/no-such-application/outcome", R"({"outcome":"approved"})").status, 404);
}

void TestWorkstationApi::metricsShowWaitingLeasedAndPushes()
{
    m_pushes->stop();
    const QString first = submitApplication(1);
    submitApplication(2);
    const auto metrics = [this] { return HttpTestClient::request(m_receiver->port(), "GET", "/metrics").body; };
    QVERIFY(metrics().contains("\nmadoguchi_receiver_applications_waiting 2\n"));
    QVERIFY(metrics().contains("\nmadoguchi_receiver_applications_leased 0\n"));
    QCOMPARE(lease(1, 60).size(), 1);
    QVERIFY(metrics().contains("\nmadoguchi_receiver_applications_waiting 1\n"));
    QVERIFY(metrics().contains("\nmadoguchi_receiver_applications_leased 1\n"));
    QCOMPARE(ws("POST", "/ws/v1/applications/" + first.toStdString() + "/ack").status, 200);
    QCOMPARE(ws("POST", "/ws/v1/applications/" + first.toStdString() + "/outcome", R"({"outcome":"approved"})").status,
             200);
    QVERIFY(metrics().contains("\nmadoguchi_receiver_applications_leased 0\n"));
    QVERIFY(metrics().contains("\nmadoguchi_receiver_pushes_pending 1\n"));
    QVERIFY(metrics().contains("\nmadoguchi_receiver_pushes_failed 0\n"));
    QVERIFY(metrics().contains("\nmadoguchi_receiver_pushes_skipped 0\n"));
    // The age of the oldest waiting application, seen an hour later.
    const auto later = SpoolGauges::read(*m_spool, QDateTime::currentDateTimeUtc().addSecs(3600));
    QVERIFY(later.ok());
    QVERIFY2(later.value().oldestWaitingSeconds >= 3595 && later.value().oldestWaitingSeconds <= 3700,
             qPrintable(QString::number(later.value().oldestWaitingSeconds)));
    QCOMPARE(later.value().applicationsWaiting, 1);

    // The workstation listener's requests are counted by route pattern (never an id) and status.
    QCOMPARE(ws("POST", "/ws/v1/leases", R"({"count":1,"seconds":60})", "wrong-token").status, 401);
    QCOMPARE(ws("GET", "/ws/v1/nothing-here").status, 404);
    const QByteArray text = metrics();
    for (const char *line : {"madoguchi_receiver_http_requests_total{route=\"/ws/v1/leases\",status=\"200\"} 1\n",
                             "madoguchi_receiver_http_requests_total{route=\"/ws/v1/leases\",status=\"401\"} 1\n",
                             "madoguchi_receiver_http_requests_total{route=\"/ws/v1/applications/{id}/ack\","
                             "status=\"200\"} 1\n",
                             "madoguchi_receiver_http_requests_total{route=\"/ws/v1/applications/{id}/outcome\","
                             "status=\"200\"} 1\n",
                             "madoguchi_receiver_http_requests_total{route=\"ws-other\",status=\"404\"} 1\n"})
        QVERIFY2(text.contains(line), line);
    QVERIFY(!text.contains(first.toUtf8()));
}

void TestWorkstationApi::pushToUnfollowedUserIsSkipped()
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
                              5000);
    QCOMPARE(m_line->pushCalls(), 0);
    // The message (personal data) is not kept for a push that will never be sent.
    QCOMPARE(queryText(QStringLiteral("SELECT body FROM push_outbox")), QStringLiteral("{}"));
    const auto metrics = HttpTestClient::request(m_receiver->port(), "GET", "/metrics").body;
    QVERIFY(metrics.contains("\nmadoguchi_receiver_pushes_skipped 1\n"));
    QVERIFY(metrics.contains("\nmadoguchi_receiver_pushes_pending 0\n"));
}

QStringList TestWorkstationApi::filesContaining(const QByteArray &marker) const
{
    // Every file of the spool's directory as raw bytes: the database, its -wal and -shm, the images.
    QStringList found;
    QDirIterator it(m_dir->path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(marker))
            found << QFileInfo(file).fileName();
    }
    return found;
}

void TestWorkstationApi::failedImportDeletesTheDataAndTellsTheResident()
{
    const QString id = submitApplication(1);
    const std::string base = "/ws/v1/applications/" + id.toStdString();
    const QString directory = m_spool->filesDirectory() + QLatin1Char('/') + id;
    const QByteArray body = R"({"reason":"image_corrupt","message":"frame0.jpg: decoded size differs from header"})";
    // Not leased: nobody may fail it.
    QCOMPARE(ws("POST", base + "/failed", body).status, 409);
    QCOMPARE(lease(1, 60).size(), 1);
    QCOMPARE(ws("POST", base + "/failed", body, kTokenB).status, 409);
    QCOMPARE(queryText(QStringLiteral("SELECT state FROM applications")), QStringLiteral("received"));
    QVERIFY(QFileInfo::exists(directory));

    const auto failed = ws("POST", base + "/failed", body);
    QCOMPARE(failed.status, 200);
    QCOMPARE(json(failed), (QJsonObject{{QStringLiteral("state"), QStringLiteral("import_failed")},
                                        {QStringLiteral("pushQueued"), true}}));
    QCOMPARE(queryText(QStringLiteral("SELECT state || ' ' || failure_reason || ' ' || failure_message || ' ' || "
                                      "coalesce(manifest, 'no-manifest') FROM applications")),
             QStringLiteral("import_failed image_corrupt frame0.jpg: decoded size differs from header no-manifest"));
    QVERIFY(!QFileInfo::exists(directory));
    // The resident hears of it, once.
    QTRY_COMPARE_WITH_TIMEOUT(int(m_line->pushes().size()), 1, 5000);
    const QJsonObject pushed = QJsonDocument::fromJson(m_line->pushes()[0].body).object();
    QCOMPARE(pushed[QStringLiteral("to")].toString(), kUser);
    const QString reference = queryText(QStringLiteral("SELECT reference FROM applications"));
    QCOMPARE(pushed[QStringLiteral("messages")][0][QStringLiteral("text")].toString(),
             QStringLiteral("【窓口】お申し込み（受付番号 %1）は、お送りいただいた写真を読み取れなかったため、"
                            "受け付けできませんでした。お手数ですが、もう一度お申し込みください。")
                 .arg(reference));
    QCOMPARE(queryText(QStringLiteral("SELECT kind FROM push_outbox")), QStringLiteral("import_failed"));

    // Again: a no-op; the other workstation still may not; ack, bundle and lease find nothing to do.
    const auto again = ws("POST", base + "/failed", body);
    QCOMPARE(again.status, 200);
    QCOMPARE(json(again)[QStringLiteral("pushQueued")].toBool(), false);
    QCOMPARE(ws("POST", base + "/failed", body, kTokenB).status, 409);
    QCOMPARE(ws("POST", base + "/ack").status, 409);
    QCOMPARE(ws("GET", base + "/bundle").status, 410);
    QCOMPARE(ws("POST", base + "/outcome", R"({"outcome":"approved"})").status, 409);
    QCOMPARE(lease(5, 60).size(), 0);
    QCOMPARE(queryText(QStringLiteral("SELECT count(*) FROM push_outbox")), QStringLiteral("1"));
    const QByteArray metrics = HttpTestClient::request(m_receiver->port(), "GET", "/metrics").body;
    QVERIFY(metrics.contains("\nmadoguchi_receiver_applications_import_failed 1\n"));
    QVERIFY(metrics.contains("madoguchi_receiver_http_requests_total{route=\"/ws/v1/applications/{id}/failed\","
                             "status=\"200\"} 2\n"));
}

void TestWorkstationApi::failedImportIsValidated_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addRow("no reason") << QByteArray(R"({"message":"x"})") << "reason";
    QTest::addRow("reason with capitals") << QByteArray(R"({"reason":"ImageCorrupt"})") << "reason";
    QTest::addRow("reason with spaces") << QByteArray(R"({"reason":"image corrupt"})") << "reason";
    QTest::addRow("reason of 41 characters") << (R"({"reason":")" + QByteArray(41, 'a') + R"("})") << "reason";
    QTest::addRow("message of 501 characters")
        << (R"({"reason":"image_corrupt","message":")" + QByteArray(501, 'm') + R"("})") << "message";
    QTest::addRow("message not a string") << QByteArray(R"({"reason":"image_corrupt","message":5})") << "message";
    QTest::addRow("not JSON") << QByteArray("reason=image_corrupt") << "reason";
}

void TestWorkstationApi::failedImportIsValidated()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const QString id = submitApplication(1);
    QCOMPARE(lease(1, 60).size(), 1);
    const auto reply = ws("POST", "/ws/v1/applications/" + id.toStdString() + "/failed", body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(json(reply)[QStringLiteral("error")][QStringLiteral("field")].toString(), field);
    QCOMPARE(queryText(QStringLiteral("SELECT state FROM applications")), QStringLiteral("received"));
}

void TestWorkstationApi::poisonApplicationIsFailedAfterTheLeaseLimit()
{
    // A bundle that crashes every workstation: leased, never acknowledged, the lease runs out
    // (moved into the past here instead of waiting), again and again. The fixture allows 3 leases.
    const QString poison = submitApplication(1);
    const QString directory = m_spool->filesDirectory() + QLatin1Char('/') + poison;
    const auto expire = [this] {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(m_spool->path().toUtf8().constData(), &db), SQLITE_OK);
        sqlite3_busy_timeout(db, 5000); // the receiver's workers write too
        QCOMPARE(sqlite3_exec(db,
                              "UPDATE applications SET lease_until = '2000-01-01T00:00:00.000Z' "
                              "WHERE lease_until IS NOT NULL",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
    };
    for (int i = 1; i <= 3; ++i) {
        const QJsonArray leases = lease(1, 60, i % 2 ? kTokenA : kTokenB);
        QCOMPARE(leases.size(), 1);
        QCOMPARE(leases[0][QStringLiteral("applicationId")].toString(), poison);
        QCOMPARE(queryText(QStringLiteral("SELECT lease_count FROM applications")), QString::number(i));
        expire();
    }
    // The fourth time it is failed instead, and the next application is leased in its place.
    const QString next = submitApplication(2);
    const QJsonArray leases = lease(5, 60);
    QCOMPARE(leases.size(), 1);
    QCOMPARE(leases[0][QStringLiteral("applicationId")].toString(), next);
    QCOMPARE(queryText(QStringLiteral("SELECT state || ' ' || failure_reason || ' ' || coalesce(manifest, 'none') "
                                      "FROM applications WHERE id = '%1'")
                           .arg(poison)),
             QStringLiteral("import_failed lease_limit none"));
    QVERIFY(!QFileInfo::exists(directory));
    QTRY_COMPARE_WITH_TIMEOUT(int(m_line->pushes().size()), 1, 5000);
    QVERIFY(QJsonDocument::fromJson(m_line->pushes()[0].body)
                .object()[QStringLiteral("messages")][0][QStringLiteral("text")]
                .toString()
                .contains(QStringLiteral("もう一度お申し込みください")));
    expire();
    QCOMPARE(lease(5, 60).size(), 1); // the healthy one only, its first lease having expired
    QCOMPARE(int(m_line->pushes().size()), 1);
}

void TestWorkstationApi::otherWorkstationCannotTouchAnApplication()
{
    const QString id = submitApplication(1);
    const std::string base = "/ws/v1/applications/" + id.toStdString();
    QCOMPARE(lease(1, 60).size(), 1);
    // Before the ack: the lease holder's alone.
    QCOMPARE(ws("GET", base + "/resubmissions", {}, kTokenB).status, 409);
    QCOMPARE(ws("GET", base + "/resubmissions").status, 200);
    QCOMPARE(ws("POST", base + "/outcome", R"({"outcome":"approved"})", kTokenB).status, 409);
    QCOMPARE(ws("POST", base + "/ack").status, 200);
    QCOMPARE(queryText(QStringLiteral("SELECT acknowledged_by FROM applications")), QStringLiteral("counter-a"));
    // After the ack: the acknowledging workstation's alone, whatever happens to leases.
    QCOMPARE(ws("POST", base + "/outcome", R"({"outcome":"resubmission_requested"})", kTokenB).status, 409);
    QCOMPARE(queryText(QStringLiteral("SELECT state FROM applications")), QStringLiteral("acknowledged"));
    QCOMPARE(ws("POST", base + "/outcome", R"({"outcome":"resubmission_requested"})").status, 200);
    QCOMPARE(ws("GET", base + "/resubmissions", {}, kTokenB).status, 409);
    QCOMPARE(ws("POST", base + "/resubmissions/ack", {}, kTokenB).status, 409);
    QCOMPARE(ws("POST", base + "/failed", R"({"reason":"image_corrupt"})", kTokenB).status, 409);
    QCOMPARE(ws("POST", base + "/outcome", R"({"outcome":"approved"})", kTokenB).status, 409);
    QCOMPARE(ws("POST", base + "/outcome", R"({"outcome":"resubmission_requested"})", kTokenB).status, 409);
    QCOMPARE(queryText(QStringLiteral("SELECT state FROM applications")), QStringLiteral("resubmission_requested"));
    QCOMPARE(ws("GET", base + "/resubmissions").status, 200);
    QCOMPARE(ws("POST", base + "/resubmissions/ack").status, 200);
    QCOMPARE(ws("POST", base + "/outcome", R"({"outcome":"approved"})").status, 200);
    QCOMPARE(ws("POST", base + "/outcome", R"({"outcome":"issued"})", kTokenB).status, 409);
    QCOMPARE(ws("POST", base + "/outcome", R"({"outcome":"issued"})").status, 200);
}

void TestWorkstationApi::acknowledgedApplicationLeavesNoTraceInTheSpoolFiles()
{
    // A unique marker in the form (the address line): it travels in the manifest, a row of the spool.
    const QByteArray marker = "ZQXMARK" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    const QString id = submitApplication(1, QStringLiteral("見本町1-2-3 ") + QString::fromLatin1(marker));
    QVERIFY(!id.isEmpty());
    // Sanity: before the ack the raw files hold it, so the search below can find it.
    QVERIFY(!filesContaining(marker).isEmpty());
    QCOMPARE(lease(1, 60).size(), 1);
    const quint64 checkpoints = m_spool->scrubber().checkpoints();
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(ws("POST", "/ws/v1/applications/" + id.toStdString() + "/ack").status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(m_spool->scrubber().checkpoints() > checkpoints, 5000);
    qInfo() << "ack to truncated log:" << timer.elapsed() << "ms";
    // The database, its log and shared memory, the images: no byte of the marker left.
    QCOMPARE(filesContaining(marker), QStringList());
    QCOMPARE(QFileInfo(m_spool->path() + QStringLiteral("-wal")).size(), 0);
    // The spool still works afterwards.
    QCOMPARE(queryText(QStringLiteral("SELECT state FROM applications")), QStringLiteral("acknowledged"));
    QVERIFY(!submitApplication(2).isEmpty());
}

void TestWorkstationApi::expiredChallengesArePruned()
{
    const QString idToken = m_line->mintIdToken(kUser, kChannel);
    const auto challenge = HttpTestClient::request(m_receiver->port(), "POST", "/api/v1/challenges", {},
                                                   {{"Authorization", "Bearer " + idToken.toStdString()}});
    QCOMPARE(challenge.status, 201);
    QCOMPARE(queryText(QStringLiteral("SELECT count(*) FROM challenges WHERE user_id = '%1'").arg(kUser)),
             QStringLiteral("1"));
    // Expired (600 s) but issued within the hour the rate limit counts: kept.
    QVERIFY(m_spool->scrubber().runOnce(QDateTime::currentDateTimeUtc().addSecs(1800)).ok());
    QCOMPARE(queryText(QStringLiteral("SELECT count(*) FROM challenges")), QStringLiteral("1"));
    // Later: gone, and with it the LINE user id.
    QVERIFY(m_spool->scrubber().runOnce(QDateTime::currentDateTimeUtc().addSecs(3700)).ok());
    QCOMPARE(queryText(QStringLiteral("SELECT count(*) FROM challenges")), QStringLiteral("0"));
    QCOMPARE(filesContaining(kUser.toUtf8()), QStringList());
}

QTEST_GUILESS_MAIN(TestWorkstationApi)
#include "TestWorkstationApi.moc"
