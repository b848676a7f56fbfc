#include "core/bundle/CaseBundleReader.h"
#include "core/receiver/spool/ChallengeStore.h"
#include "core/receiver/ReceiverServer.h"
#include "core/receiver/api/ReferenceNumber.h"
#include "core/receiver/spool/Spool.h"
#include "tests/support/ImageFiles.h"
#include "tests/support/LineSimulator.h"

#include "ApplicantFixture.h"
#include "ApplicantTestKit.h"
#include "HttpTestClient.h"
#include "IntakeTestKit.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <thread>

using namespace mado;

// The applicant (LIFF) API over real loopback HTTP: a real receiver, a real SQLite spool and the
// LINE simulator answering the ID token verification.
class TestApplicantApi : public QObject, public ApplicantFixture {
    Q_OBJECT

private Q_SLOTS:
    void init() { start(); }
    void cleanup() { stop(); }
    void invalidIdTokenIs401_data();
    void invalidIdTokenIs401();
    void challengeIsSignedAndStoredForTheTokensUser();
    void directionsAreRandomAndNeverRepeat();
    void restrictedDirectionsAlternate();
    void challengesPerUserAreLimited();
    void applicationIsStoredAsAValidBundle();
    void sameIdempotencyKeyGivesSameReference();
    void concurrentSameKeyIsStoredOnce();
    void challengeReusedIs409();
    void challengeExpiredIs410();
    void otherUsersChallengeIsRefused();
    void orphanedImageDirectoryIsRemovedAtStart();
};

void TestApplicantApi::invalidIdTokenIs401_data()
{
    QTest::addColumn<QString>("idToken");
    QTest::addColumn<bool>("forApplication");
    for (bool application : {false, true}) {
        const char *call = application ? "application" : "challenge";
        QTest::addRow("%s: no Authorization header", call) << QString() << application;
        QTest::addRow("%s: token unknown to LINE", call) << QStringLiteral("forged-token") << application;
        QTest::addRow("%s: expired token", call) << QStringLiteral("mint:expired") << application;
        QTest::addRow("%s: token of another channel", call) << QStringLiteral("mint:other-channel") << application;
    }
}

void TestApplicantApi::invalidIdTokenIs401()
{
    QFETCH(QString, idToken);
    QFETCH(bool, forApplication);
    if (idToken == QLatin1String("mint:expired"))
        idToken = m_line->mintIdToken(kUser, kChannel, -5);
    else if (idToken == QLatin1String("mint:other-channel"))
        idToken = m_line->mintIdToken(kUser, QStringLiteral("1650009999"));
    HttpTestClient::Reply reply;
    if (forApplication) {
        const QString nonce = newNonce();
        QVERIFY(!nonce.isEmpty());
        reply = submit(ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images()), idToken,
                       "key-00000001");
    } else {
        reply = requestChallenge(idToken);
    }
    QCOMPARE(reply.status, 401);
    QCOMPARE(json(reply).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("unauthorized"));
    QCOMPARE(count("SELECT count(*) FROM applications"), 0);
    QCOMPARE(count("SELECT count(*) FROM challenges"), forApplication ? 1 : 0);
}

void TestApplicantApi::challengeIsSignedAndStoredForTheTokensUser()
{
    const auto reply = requestChallenge(token());
    QCOMPARE(reply.status, 201);
    const QJsonObject body = json(reply);
    const QString nonce = body.value(QStringLiteral("nonce")).toString();
    QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{43}$")).match(nonce).hasMatch());
    const QDateTime issued =
        QDateTime::fromString(body.value(QStringLiteral("issuedAt")).toString(), Qt::ISODateWithMs);
    const QDateTime expires =
        QDateTime::fromString(body.value(QStringLiteral("expiresAt")).toString(), Qt::ISODateWithMs);
    QCOMPARE(issued.secsTo(expires), 600);
    QVERIFY(qAbs(issued.secsTo(QDateTime::currentDateTimeUtc())) < 30);
    QStringList directions;
    for (const QJsonValue &d : body.value(QStringLiteral("directions")).toArray())
        directions << d.toString();
    QCOMPARE(directions.size(), 3);
    // Exactly the documented fields: no signature (docs/case-bundle.md says why).
    QCOMPARE(body.keys(), (QStringList{QStringLiteral("directions"), QStringLiteral("expiresAt"),
                                       QStringLiteral("issuedAt"), QStringLiteral("nonce")}));
    QCOMPARE(count("SELECT count(*) FROM challenges WHERE user_id = 'U1111111111111111111111111111aaaa' "
                   "AND used_at IS NULL"),
             1);
    QVERIFY(newNonce() != nonce);
}

void TestApplicantApi::directionsAreRandomAndNeverRepeat()
{
    // 3 positions x 4 directions: each must occur, and no direction twice in a row.
    int seen[3][4] = {};
    for (int i = 0; i < 2000; ++i) {
        const auto directions = ChallengeStore::drawDirections();
        for (std::size_t p = 0; p < 3; ++p) {
            QVERIFY(directions[p] != Direction::Front);
            ++seen[p][int(directions[p]) - 1];
            if (p > 0)
                QVERIFY(directions[p] != directions[p - 1]);
        }
    }
    for (auto &position : seen)
        for (int n : position)
            QVERIFY2(n > 300, "a direction is drawn far less often than a quarter of the time");
}

void TestApplicantApi::restrictedDirectionsAlternate()
{
    // challenge.directions = left,right: only those two, so they alternate.
    for (int i = 0; i < 200; ++i) {
        const auto d = ChallengeStore::drawDirections({Direction::Left, Direction::Right});
        QVERIFY(d[0] == Direction::Left || d[0] == Direction::Right);
        QVERIFY(d[1] != d[0]);
        QCOMPARE(d[2], d[0]);
    }
}

void TestApplicantApi::applicationIsStoredAsAValidBundle()
{
    const QString nonce = newNonce();
    auto images = ApplicantTestKit::images();
    images[QStringLiteral("document_tilted")] = ApplicantTestKit::smallPng();
    const auto reply = submit(ApplicantTestKit::body(ApplicantTestKit::fields(nonce), images), token(), "key-00000001");
    QVERIFY2(reply.status == 201, reply.body.constData());
    const QString reference = json(reply).value(QStringLiteral("reference")).toString();
    const QString id = json(reply).value(QStringLiteral("applicationId")).toString();
    QVERIFY2(ReferenceNumber::isValid(reference), qPrintable(reference));
    QVERIFY(reference.endsWith(QStringLiteral("-00001-") + reference.right(1)));
    QCOMPARE(count("SELECT count(*) FROM applications WHERE manifest IS NOT NULL"), 1);
    QCOMPARE(count("SELECT count(*) FROM challenges WHERE used_at IS NOT NULL"), 1);
    QCOMPARE(imageDirectories(), QStringList{id});

    // The stored manifest and files form a bundle that the workstation's reader accepts.
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open_v2(m_spool->path().toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000); // the spool scrubber may be truncating the log
    sqlite3_stmt *statement = nullptr;
    QCOMPARE(sqlite3_prepare_v2(db, "SELECT manifest FROM applications", -1, &statement, nullptr), SQLITE_OK);
    QCOMPARE(sqlite3_step(statement), SQLITE_ROW);
    const QByteArray manifest(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    const QString bundleDir = m_spool->filesDirectory() + QLatin1Char('/') + id;
    QVERIFY(test::writeFile(bundleDir + QStringLiteral("/case.json"), manifest));
    const auto reader = CaseBundleReader::create();
    QVERIFY(reader.ok());
    const auto bundle = reader.value().read(bundleDir);
    QVERIFY2(bundle.ok(), qPrintable(bundle.ok() ? QString() : bundle.error().message));
    QCOMPARE(bundle.value().reference, reference);
    QCOMPARE(bundle.value().applicant.kana, QStringLiteral("ミホン ハナコ"));
    QCOMPARE(bundle.value().applicant.copies, 2);
    QCOMPARE(bundle.value().challenge.nonce, nonce);
    QVERIFY(bundle.value().documentTilted.has_value());
    QCOMPARE(bundle.value().frames.at(1).image.file, QStringLiteral("frame1.png"));
}

void TestApplicantApi::sameIdempotencyKeyGivesSameReference()
{
    const QString nonce = newNonce();
    const auto body = ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images());
    const auto first = submit(body, token(), "key-same-0001");
    QCOMPARE(first.status, 201);
    const auto again = submit(body, token(), "key-same-0001");
    QCOMPARE(again.status, 201);
    QCOMPARE(json(again).value(QStringLiteral("reference")), json(first).value(QStringLiteral("reference")));
    QCOMPARE(count("SELECT count(*) FROM applications"), 1);
    QCOMPARE(imageDirectories().size(), 1);
    // Another key with the same (now used) challenge is a conflict, not a second application.
    const auto other = submit(body, token(), "key-other-0002");
    QCOMPARE(other.status, 409);
    // The same key from another user is that user's own key.
    const QString otherNonce = newNonce(kOtherUser);
    const auto otherUser =
        submit(ApplicantTestKit::body(ApplicantTestKit::fields(otherNonce), ApplicantTestKit::images()),
               token(kOtherUser), "key-same-0001");
    QCOMPARE(otherUser.status, 201);
    QVERIFY(json(otherUser).value(QStringLiteral("reference")) != json(first).value(QStringLiteral("reference")));
    QCOMPARE(count("SELECT count(*) FROM applications"), 2);
}

void TestApplicantApi::concurrentSameKeyIsStoredOnce()
{
    // Six at once from one user: more than uploads_per_user allows by default.
    restart([](ReceiverOptions &options) { options.uploadsPerUser = 6; });
    const QString nonce = newNonce();
    const QString idToken = token();
    const auto body = ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images());
    std::vector<HttpTestClient::Reply> replies(6);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < replies.size(); ++i)
        threads.emplace_back([&, i] { replies[i] = submit(body, idToken, "key-race-0001"); });
    for (auto &t : threads)
        t.join();
    for (const auto &reply : replies) {
        QCOMPARE(reply.status, 201);
        QCOMPARE(json(reply).value(QStringLiteral("reference")), json(replies[0]).value(QStringLiteral("reference")));
    }
    QCOMPARE(count("SELECT count(*) FROM applications"), 1);
    QCOMPARE(imageDirectories(), QStringList{json(replies[0]).value(QStringLiteral("applicationId")).toString()});
}

void TestApplicantApi::challengeReusedIs409()
{
    const QString nonce = newNonce();
    QCOMPARE(submit(ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images()), token(),
                    "key-first-001")
                 .status,
             201);
    const auto reused = submit(ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images()),
                               token(), "key-second-002");
    QCOMPARE(reused.status, 409);
    QCOMPARE(errorField(reused), QStringLiteral("challenge"));
    QCOMPARE(count("SELECT count(*) FROM applications"), 1);
    QCOMPARE(imageDirectories().size(), 1);
}

void TestApplicantApi::challengeExpiredIs410()
{
    ChallengeStore store(*m_spool, 600);
    const auto old = store.issue(kUser, QDateTime::currentDateTimeUtc().addSecs(-601));
    QVERIFY(old.ok());
    const auto reply =
        submit(ApplicantTestKit::body(ApplicantTestKit::fields(old.value().nonce), ApplicantTestKit::images()), token(),
               "key-late-0001");
    QCOMPARE(reply.status, 410);
    QCOMPARE(errorField(reply), QStringLiteral("challenge"));
    QCOMPARE(count("SELECT count(*) FROM applications"), 0);
    QVERIFY(imageDirectories().isEmpty());
}

void TestApplicantApi::otherUsersChallengeIsRefused()
{
    const QString othersNonce = newNonce(kOtherUser);
    const auto reply = submit(ApplicantTestKit::body(ApplicantTestKit::fields(othersNonce), ApplicantTestKit::images()),
                              token(kUser), "key-steal-0001");
    QCOMPARE(reply.status, 400);
    QCOMPARE(errorField(reply), QStringLiteral("challenge"));
    QCOMPARE(count("SELECT count(*) FROM challenges WHERE used_at IS NOT NULL"), 0);
    QCOMPARE(count("SELECT count(*) FROM applications"), 0);
}

void TestApplicantApi::orphanedImageDirectoryIsRemovedAtStart()
{
    const QString nonce = newNonce();
    const auto reply = submit(ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images()),
                              token(), "key-keep-0001");
    QCOMPARE(reply.status, 201);
    const QString kept = json(reply).value(QStringLiteral("applicationId")).toString();
    m_server->stop();
    m_server.reset();
    // What a crash between the rename and the commit, or during the writes, leaves behind.
    QVERIFY(QDir().mkpath(m_spool->filesDirectory() + QStringLiteral("/0d4c8a52-orphan")));
    QVERIFY(test::writeFile(m_spool->filesDirectory() + QStringLiteral("/0d4c8a52-orphan/frame0.jpg"), "x"));
    QVERIFY(QDir().mkpath(m_spool->filesDirectory() + QStringLiteral("/.tmp-0d4c8a53")));
    ReceiverOptions options;
    options.port = 0;
    options.channelSecret = IntakeTestKit::channelSecret();
    m_server = std::make_unique<ReceiverServer>(options, *m_spool);
    QVERIFY(m_server->start().ok());
    QCOMPARE(imageDirectories(), QStringList{kept});
}

void TestApplicantApi::challengesPerUserAreLimited()
{
    const QString idToken = token();
    for (int i = 0; i < 30; ++i)
        QCOMPARE(requestChallenge(idToken).status, 201);
    const auto refused = requestChallenge(idToken);
    QCOMPARE(refused.status, 429);
    QCOMPARE(json(refused).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("rate_limited"));
    QCOMPARE(requestChallenge(token(kOtherUser)).status, 201);
    QCOMPARE(count("SELECT count(*) FROM challenges"), 31);
}

QTEST_GUILESS_MAIN(TestApplicantApi)
#include "TestApplicantApi.moc"
