#include "WorkstationFixture.h"

#include "core/receiver/spool/SpoolGauges.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <QTest>

#include <sqlite3.h>

using namespace mado;

// Applications that end without an import and what the spool keeps afterwards: failed imports
// (data deleted, resident told), the lease limit for poison applications, no trace of an
// acknowledged application in the spool's files, expired challenges pruned.
class TestWorkstationApiFailures : public QObject, public WorkstationFixture {
    Q_OBJECT

private Q_SLOTS:
    void init() { start(); }
    void cleanup() { stop(); }
    void failedImportDeletesTheDataAndTellsTheResident();
    void failedImportIsValidated_data();
    void failedImportIsValidated();
    void poisonApplicationIsFailedAfterTheLeaseLimit();
    void acknowledgedApplicationLeavesNoTraceInTheSpoolFiles();
    void expiredChallengesArePruned();
};

void TestWorkstationApiFailures::failedImportDeletesTheDataAndTellsTheResident()
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
    QTRY_COMPARE_WITH_TIMEOUT(int(m_line->pushes().size()), 1, kEventWaitMs);
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
    const char *failedLine = "madoguchi_receiver_http_requests_total{route=\"/ws/v1/applications/{id}/failed\","
                             "status=\"200\"} 2\n";
    const QByteArray metrics = HttpTestClient::metricsWith(m_receiver->port(), {failedLine});
    QVERIFY(metrics.contains("\nmadoguchi_receiver_applications_import_failed 1\n"));
    QVERIFY(metrics.contains(failedLine));
}

void TestWorkstationApiFailures::failedImportIsValidated_data()
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

void TestWorkstationApiFailures::failedImportIsValidated()
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

void TestWorkstationApiFailures::poisonApplicationIsFailedAfterTheLeaseLimit()
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
    QTRY_COMPARE_WITH_TIMEOUT(int(m_line->pushes().size()), 1, kEventWaitMs);
    QVERIFY(QJsonDocument::fromJson(m_line->pushes()[0].body)
                .object()[QStringLiteral("messages")][0][QStringLiteral("text")]
                .toString()
                .contains(QStringLiteral("もう一度お申し込みください")));
    expire();
    QCOMPARE(lease(5, 60).size(), 1); // the healthy one only, its first lease having expired
    QCOMPARE(int(m_line->pushes().size()), 1);
}

void TestWorkstationApiFailures::acknowledgedApplicationLeavesNoTraceInTheSpoolFiles()
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
    QTRY_VERIFY_WITH_TIMEOUT(m_spool->scrubber().checkpoints() > checkpoints, kEventWaitMs);
    qInfo() << "ack to truncated log:" << timer.elapsed() << "ms";
    // The database, its log and shared memory, the images: no byte of the marker left.
    QCOMPARE(filesContaining(marker), QStringList());
    QCOMPARE(QFileInfo(m_spool->path() + QStringLiteral("-wal")).size(), 0);
    // The spool still works afterwards.
    QCOMPARE(queryText(QStringLiteral("SELECT state FROM applications")), QStringLiteral("acknowledged"));
    QVERIFY(!submitApplication(2).isEmpty());
}

void TestWorkstationApiFailures::expiredChallengesArePruned()
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

QTEST_GUILESS_MAIN(TestWorkstationApiFailures)
#include "TestWorkstationApiFailures.moc"
