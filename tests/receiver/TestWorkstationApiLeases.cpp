#include "WorkstationFixture.h"

#include "core/bundle/BundleTransfer.h"
#include "core/bundle/CaseBundleReader.h"
#include "core/receiver/spool/SpoolGauges.h"

#include "ApplicantTestKit.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <QTest>

#include <sqlite3.h>

using namespace mado;

// The workstation API's leases over real loopback HTTP: tokens, leasing, downloading the bundle,
// acknowledging (and what the ack deletes), expired leases, request checks, metrics, and one
// workstation kept away from another's applications.
class TestWorkstationApiLeases : public QObject, public WorkstationFixture {
    Q_OBJECT

private Q_SLOTS:
    void init() { start(); }
    void cleanup() { stop(); }
    void tokensFileHoldsHashesOnly();
    void unauthorisedIs401_data();
    void unauthorisedIs401();
    void leaseDownloadAndAcknowledge();
    void acknowledgeRemovesPersonalData();
    void expiredLeaseIsLeasedAgain();
    void leaseRequestIsValidated_data();
    void leaseRequestIsValidated();
    void metricsShowWaitingLeasedAndPushes();
    void otherWorkstationCannotTouchAnApplication();
};

void TestWorkstationApiLeases::tokensFileHoldsHashesOnly()
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

void TestWorkstationApiLeases::unauthorisedIs401_data()
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

void TestWorkstationApiLeases::unauthorisedIs401()
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

void TestWorkstationApiLeases::leaseDownloadAndAcknowledge()
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

void TestWorkstationApiLeases::acknowledgeRemovesPersonalData()
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

void TestWorkstationApiLeases::expiredLeaseIsLeasedAgain()
{
    const QString id = submitApplication(1);
    const QJsonArray first = lease(1, 2);
    QCOMPARE(first.size(), 1);
    // While the lease holds (checked after the answer, so also when the server answered), no other
    // workstation gets it; on a machine too slow to ask within the two seconds this is skipped.
    const QDateTime until = QDateTime::fromString(first[0][QStringLiteral("leaseUntil")].toString(), Qt::ISODateWithMs);
    QVERIFY(until.isValid());
    const int early = int(lease(1, 60, kTokenB).size());
    if (QDateTime::currentDateTimeUtc() < until)
        QCOMPARE(early, 0);
    // Once the two-second lease has expired, the other workstation gets it (polled, no sleep).
    // QTRY_* evaluates the condition once more after success, so the lease is kept once obtained.
    QJsonArray again;
    const auto leasedAgain = [&] {
        if (again.isEmpty())
            again = lease(1, 60, kTokenB);
        return again.size() == 1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(leasedAgain(), kEventWaitMs);
    QCOMPARE(again[0][QStringLiteral("applicationId")].toString(), id);
    // The first holder lost it: no download, no ack.
    QCOMPARE(ws("GET", "/ws/v1/applications/" + id.toStdString() + "/bundle").status, 409);
    QCOMPARE(ws("POST", "/ws/v1/applications/" + id.toStdString() + "/ack").status, 409);
    QCOMPARE(ws("GET", "/ws/v1/applications/" + id.toStdString() + "/bundle", {}, kTokenB).status, 200);
}

void TestWorkstationApiLeases::leaseRequestIsValidated_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addRow("count zero") << QByteArray(R"({"count":0,"seconds":60})") << "count";
    QTest::addRow("count too large") << QByteArray(R"({"count":51,"seconds":60})") << "count";
    QTest::addRow("seconds missing") << QByteArray(R"({"count":1})") << "seconds";
    QTest::addRow("seconds too long") << QByteArray(R"({"count":1,"seconds":86400})") << "seconds";
    QTest::addRow("not JSON") << QByteArray("count=1") << "count";
}

void TestWorkstationApiLeases::leaseRequestIsValidated()
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

void TestWorkstationApiLeases::metricsShowWaitingLeasedAndPushes()
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
    // Counted once its answer is sent: wait until the last one (the 404) is.
    const QByteArray text =
        HttpTestClient::metricsWith(m_receiver->port(), {"madoguchi_receiver_http_requests_total{route=\"ws-other\""});
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

void TestWorkstationApiLeases::otherWorkstationCannotTouchAnApplication()
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

QTEST_GUILESS_MAIN(TestWorkstationApiLeases)
#include "TestWorkstationApiLeases.moc"
