#include "core/receiver/line/FailureRateLimiter.h"
#include "core/receiver/line/IdTokenCache.h"

#include "ApplicantFixture.h"

#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>

#include <QJsonObject>
#include <QTest>

#include <istream>
#include <memory>
#include <string>

using namespace mado;

namespace {

// An upload on a raw socket: the head and the first bytes of the body are sent, the rest is held
// back, so the receiver's handler sits in the middle of reading it.
class HeldUpload {
public:
    HeldUpload(quint16 port, const QByteArray &head, const QByteArray &bodyStart)
        : m_socket(Poco::Net::SocketAddress("127.0.0.1", port))
    {
        const QByteArray bytes = head + bodyStart;
        m_socket.sendBytes(bytes.constData(), int(bytes.size()));
    }
    ~HeldUpload() { m_socket.close(); }

private:
    Poco::Net::StreamSocket m_socket;
};

// The answer to a request sent from a given local address (127.0.0.x) on a raw socket.
HttpTestClient::Reply sendFrom(const std::string &localAddress, quint16 port, const QByteArray &request)
{
    Poco::Net::StreamSocket socket;
    socket.impl()->bind(Poco::Net::SocketAddress(localAddress, 0), false);
    socket.connect(Poco::Net::SocketAddress("127.0.0.1", port));
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    socket.sendBytes(request.constData(), int(request.size()));
    Poco::Net::SocketStream in(socket);
    Poco::Net::HTTPResponse response;
    response.read(in);
    std::string body(std::size_t(response.getContentLength64()), '\0');
    in.read(body.data(), std::streamsize(body.size()));
    return HttpTestClient::Reply{int(response.getStatus()), response.getContentType(),
                                 response.get("Connection", std::string()), QByteArray::fromStdString(body),
                                 response.get("Retry-After", std::string())};
}

QByteArray challengeRequest(const QString &idToken, const QByteArray &extraHeaders = QByteArray())
{
    return "POST /api/v1/challenges HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n" +
           extraHeaders + "Authorization: Bearer " + idToken.toUtf8() + "\r\n\r\n";
}

QByteArray uploadHead(const MultipartBody &body, const QString &idToken, const QByteArray &key,
                      const QByteArray &extraHeaders = QByteArray())
{
    return "POST /api/v1/applications HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " +
           QByteArray::fromStdString(body.contentType()) + "\r\nIdempotency-Key: " + key +
           "\r\nAuthorization: Bearer " + idToken.toUtf8() +
           "\r\nContent-Length: " + QByteArray::number(body.bytes().size()) + "\r\n" + extraHeaders + "\r\n";
}

} // namespace

// Floods of ID tokens and uploads against the applicant API (issue 11, items 7 and 8): a real
// receiver on loopback, the LINE simulator counting its verification calls, raw sockets for
// uploads held open and for requests from another client address.
class TestApplicantFloods : public QObject, public ApplicantFixture {
    Q_OBJECT

private Q_SLOTS:
    void init() { start(); }
    void cleanup() { stop(); }
    void sameTokenIsVerifiedOnce();
    void lineLimitingIs503_data();
    void lineLimitingIs503();
    void failedTokensAreLimitedPerAddress();
    void forwardedAddressCountsOnlyFromTrustedProxies();
    void tokenCacheHonoursExpiryAndSize();
    void failureBucketRefills();
    void challengeHeaderIsCheckedBeforeTheBody();
    void challengeHeaderMustMatchTheField();
    void badChallengeFieldStopsBeforeTheImages();
    void uploadsPerUserAndInAllAreLimited();
    void spoolFloorRefusesNewApplications();
};

void TestApplicantFloods::sameTokenIsVerifiedOnce()
{
    const QString idToken = token();
    const int before = m_line->verifyCalls();
    for (int i = 0; i < 10; ++i)
        QCOMPARE(requestChallenge(idToken).status, 201);
    const QString nonce = json(requestChallenge(idToken)).value(QStringLiteral("nonce")).toString();
    QVERIFY(!nonce.isEmpty());
    const auto reply = submit(ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images()),
                              idToken, "key-cache-0001");
    QCOMPARE(reply.status, 201);
    // Twelve calls with one token: LINE was asked once.
    QCOMPARE(m_line->verifyCalls() - before, 1);
    // Another token of the same user is a new question to LINE.
    QCOMPARE(requestChallenge(token()).status, 201);
    QCOMPARE(m_line->verifyCalls() - before, 2);
}

void TestApplicantFloods::lineLimitingIs503_data()
{
    QTest::addColumn<int>("lineStatus");
    QTest::addRow("LINE answers 429") << 429;
    QTest::addRow("LINE answers 500") << 500;
    QTest::addRow("LINE answers 503") << 503;
}

void TestApplicantFloods::lineLimitingIs503()
{
    QFETCH(int, lineStatus);
    restart([](ReceiverOptions &options) { options.lineBackoffSeconds = 1; });
    const QString cached = token();
    QCOMPARE(requestChallenge(cached).status, 201); // verified before LINE limits us
    const QString idToken = token();
    m_line->failNextVerifications(1, lineStatus);
    const int before = m_line->verifyCalls();
    const auto refused = requestChallenge(idToken);
    QCOMPARE(refused.status, 503);
    QVERIFY2(std::stoi(refused.retryAfter.empty() ? "0" : refused.retryAfter) > 0, refused.retryAfter.c_str());
    QCOMPARE(json(refused).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("network"));
    // While LINE is limiting us, new tokens are not sent to it; a cached one still works.
    QCOMPARE(requestChallenge(token()).status, 503);
    QCOMPARE(m_line->verifyCalls() - before, 1);
    QCOMPARE(requestChallenge(cached).status, 201);
    // Not the resident's fault: no failure counted against the address, and the same token works
    // once the back-off is over and LINE answers again.
    // Asked once per try (QTRY_COMPARE would ask once more after success, a second challenge).
    int status = 0;
    QVERIFY2(QTest::qWaitFor([&] { return (status = requestChallenge(idToken).status) == 201; }, 5000),
             qPrintable(QStringLiteral("last status %1").arg(status)));
    QCOMPARE(m_line->verifyCalls() - before, 2);
}

void TestApplicantFloods::failedTokensAreLimitedPerAddress()
{
    restart([](ReceiverOptions &options) {
        options.failedTokenBurst = 3;
        options.failedTokensPerMinute = 1;
    });
    const QString good = token();
    QCOMPARE(requestChallenge(good).status, 201); // verified and cached before the flood
    const int before = m_line->verifyCalls();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(requestChallenge(QStringLiteral("forged-token-%1").arg(i)).status, 401);
    QCOMPARE(m_line->verifyCalls() - before, 3);
    for (int i = 0; i < 20; ++i) {
        const auto limited = requestChallenge(QStringLiteral("forged-flood-%1").arg(i));
        QCOMPARE(limited.status, 429);
        QCOMPARE(json(limited).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("rate_limited"));
        const int wait = std::stoi(limited.retryAfter.empty() ? "0" : limited.retryAfter);
        QVERIFY2(wait >= 1 && wait <= 60, limited.retryAfter.c_str());
    }
    // The flood cost LINE nothing more; an application body sent with a forged token is refused too.
    QCOMPARE(m_line->verifyCalls() - before, 3);
    const auto upload =
        submit(ApplicantTestKit::body(ApplicantTestKit::fields(QStringLiteral("n")), ApplicantTestKit::images()),
               QStringLiteral("forged-upload"), "key-forged-01");
    QCOMPARE(upload.status, 429);
    // A token verified before still works from the same address; another address is not limited.
    QCOMPARE(requestChallenge(good).status, 201);
    QCOMPARE(sendFrom("127.0.0.2", m_server->port(), challengeRequest(QStringLiteral("forged-elsewhere"))).status, 401);
    QCOMPARE(sendFrom("127.0.0.2", m_server->port(), challengeRequest(token())).status, 201);
    QCOMPARE(m_line->verifyCalls() - before, 5);
}

void TestApplicantFloods::forwardedAddressCountsOnlyFromTrustedProxies()
{
    restart([](ReceiverOptions &options) {
        options.failedTokenBurst = 2;
        options.failedTokensPerMinute = 1;
        options.clientAddress = ClientAddress::make(QStringLiteral("127.0.0.5")).value();
    });
    const quint16 port = m_server->port();
    const auto status = [port](const char *source, const QByteArray &forwarded, int i) {
        return sendFrom(source, port,
                        challengeRequest(QStringLiteral("forged-%1").arg(i), "X-Forwarded-For: " + forwarded + "\r\n"))
            .status;
    };
    // An untrusted peer naming a new client in every request is limited as itself.
    QCOMPARE(status("127.0.0.2", "192.0.2.1", 0), 401);
    QCOMPARE(status("127.0.0.2", "192.0.2.2", 1), 401);
    QCOMPARE(status("127.0.0.2", "192.0.2.3", 2), 429);
    // Behind the trusted proxy: the right-most hop the proxy did not add is the client; the client's
    // own left-most hop changes nothing.
    QCOMPARE(status("127.0.0.5", "198.51.100.1", 3), 401);
    QCOMPARE(status("127.0.0.5", "203.0.113.1, 198.51.100.1", 4), 401);
    QCOMPARE(status("127.0.0.5", "203.0.113.2, 198.51.100.1", 5), 429);
    // Another resident behind the same proxy has its own bucket, and so has the proxy itself.
    QCOMPARE(status("127.0.0.5", "198.51.100.2", 6), 401);
    QCOMPARE(sendFrom("127.0.0.5", port, challengeRequest(QStringLiteral("forged-7"))).status, 401);
    // A good token from the limited resident's neighbour still works.
    QCOMPARE(sendFrom("127.0.0.5", port, challengeRequest(token(), "X-Forwarded-For: 198.51.100.3\r\n")).status, 201);
}

void TestApplicantFloods::tokenCacheHonoursExpiryAndSize()
{
    IdTokenCache cache(2);
    cache.insert(QStringLiteral("token-a"), QStringLiteral("Ua"), 1000, 900);
    QCOMPARE(cache.find(QStringLiteral("token-a"), 999).value_or(QString()), QStringLiteral("Ua"));
    QVERIFY(!cache.find(QStringLiteral("token-a"), 1000)); // expired at exp
    QCOMPARE(cache.size(), 0);
    QVERIFY(!cache.find(QStringLiteral("token-b"), 900));
    // Full: the entry that expires first goes.
    cache.insert(QStringLiteral("token-a"), QStringLiteral("Ua"), 2000, 900);
    cache.insert(QStringLiteral("token-b"), QStringLiteral("Ub"), 1500, 900);
    cache.insert(QStringLiteral("token-c"), QStringLiteral("Uc"), 3000, 900);
    QCOMPARE(cache.size(), 2);
    QVERIFY(!cache.find(QStringLiteral("token-b"), 901));
    QCOMPARE(cache.find(QStringLiteral("token-a"), 901).value_or(QString()), QStringLiteral("Ua"));
    QCOMPARE(cache.find(QStringLiteral("token-c"), 901).value_or(QString()), QStringLiteral("Uc"));
    // An already expired answer is not kept; the key is a SHA-256, not the token.
    cache.insert(QStringLiteral("token-d"), QStringLiteral("Ud"), 800, 900);
    QVERIFY(!cache.find(QStringLiteral("token-d"), 900));
    QCOMPARE(IdTokenCache::keyOf(QStringLiteral("token-a")).size(), 32);
    QVERIFY(!IdTokenCache::keyOf(QStringLiteral("token-a")).contains("token"));
}

void TestApplicantFloods::failureBucketRefills()
{
    FailureRateLimiter limiter(2, 6); // a burst of 2, then one per 10 s
    const std::string a = FailureRateLimiter::keyOf("192.0.2.7");
    QCOMPARE(limiter.retryAfterSeconds(a, 0), 0);
    limiter.failed(a, 0);
    limiter.failed(a, 0);
    QCOMPARE(limiter.retryAfterSeconds(a, 0), 10);
    QCOMPARE(limiter.retryAfterSeconds(a, 4000), 6);
    QCOMPARE(limiter.retryAfterSeconds(a, 10000), 0);
    QCOMPARE(limiter.retryAfterSeconds("192.0.2.8", 0), 0);
    // IPv6 addresses count per /64.
    QCOMPARE(FailureRateLimiter::keyOf("2001:db8:1:2:aaaa::1"), FailureRateLimiter::keyOf("2001:db8:1:2:bbbb::9"));
    QVERIFY(FailureRateLimiter::keyOf("2001:db8:1:2::1") != FailureRateLimiter::keyOf("2001:db8:1:3::1"));
    // Bounded: with room for one address, a new one replaces the old.
    FailureRateLimiter small(1, 1, 1);
    small.failed("192.0.2.1", 0);
    small.failed("192.0.2.2", 0);
    QCOMPARE(small.retryAfterSeconds("192.0.2.1", 0), 0);
    QCOMPARE(small.retryAfterSeconds("192.0.2.2", 0), 60);
}

void TestApplicantFloods::challengeHeaderIsCheckedBeforeTheBody()
{
    const QString nonce = newNonce();
    const MultipartBody body = ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images());
    QCOMPARE(submit(body, token(), "key-first-0001").status, 201);
    // Only the head is sent: the used challenge is refused without the receiver waiting for the body.
    const auto reused =
        HttpTestClient::sendPartial(m_server->port(), uploadHead(body, token(), "key-second-002",
                                                                 "Madoguchi-Challenge: " + nonce.toUtf8() + "\r\n"));
    QCOMPARE(reused.status, 409);
    QCOMPARE(errorField(reused), QStringLiteral("challenge"));
    const auto unknown = HttpTestClient::sendPartial(
        m_server->port(), uploadHead(body, token(), "key-third-0003", "Madoguchi-Challenge: no-such-nonce\r\n"));
    QCOMPARE(unknown.status, 400);
    QCOMPARE(errorField(unknown), QStringLiteral("challenge"));
    // A retry of the stored application is still its reference, with or without the header.
    HttpTestClient::Headers headers{{"Content-Type", body.contentType()},
                                    {"Authorization", "Bearer " + token().toStdString()},
                                    {"Idempotency-Key", "key-first-0001"},
                                    {"Madoguchi-Challenge", nonce.toStdString()}};
    const auto retry = HttpTestClient::request(m_server->port(), "POST", "/api/v1/applications", body.bytes(), headers);
    QCOMPARE(retry.status, 201);
    QCOMPARE(count("SELECT count(*) FROM applications"), 1);
    // With a fresh challenge in the header the application goes through.
    const QString fresh = newNonce();
    const MultipartBody second = ApplicantTestKit::body(ApplicantTestKit::fields(fresh), ApplicantTestKit::images());
    headers = {{"Content-Type", second.contentType()},
               {"Authorization", "Bearer " + token().toStdString()},
               {"Idempotency-Key", "key-fourth-004"},
               {"Madoguchi-Challenge", fresh.toStdString()}};
    QCOMPARE(HttpTestClient::request(m_server->port(), "POST", "/api/v1/applications", second.bytes(), headers).status,
             201);
    QCOMPARE(count("SELECT count(*) FROM applications"), 2);
}

void TestApplicantFloods::challengeHeaderMustMatchTheField()
{
    const QString nonce = newNonce();
    const QString other = newNonce();
    const MultipartBody body = ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images());
    const HttpTestClient::Headers headers{{"Content-Type", body.contentType()},
                                          {"Authorization", "Bearer " + token().toStdString()},
                                          {"Idempotency-Key", "key-mismatch-1"},
                                          {"Madoguchi-Challenge", other.toStdString()}};
    const auto reply = HttpTestClient::request(m_server->port(), "POST", "/api/v1/applications", body.bytes(), headers);
    QCOMPARE(reply.status, 400);
    QCOMPARE(errorField(reply), QStringLiteral("challenge"));
    QCOMPARE(count("SELECT count(*) FROM applications"), 0);
    QCOMPARE(count("SELECT count(*) FROM challenges WHERE used_at IS NOT NULL"), 0);
    QVERIFY(imageDirectories().isEmpty());
}

void TestApplicantFloods::badChallengeFieldStopsBeforeTheImages()
{
    // Without the header the field is checked as soon as it is read: the images after it are not
    // staged. The upload is held after the fields and the first image's first bytes; the answer
    // comes anyway (it does not wait for the images).
    const QString nonce = newNonce();
    QCOMPARE(submit(ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images()), token(),
                    "key-used-00001")
                 .status,
             201);
    const MultipartBody body = ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images());
    const qsizetype firstFile = body.bytes().indexOf("filename=");
    QVERIFY(firstFile > 0);
    const auto reply = HttpTestClient::sendPartial(m_server->port(), uploadHead(body, token(), "key-used-00002") +
                                                                         body.bytes().left(firstFile + 200));
    QCOMPARE(reply.status, 409);
    QCOMPARE(errorField(reply), QStringLiteral("challenge"));
    QCOMPARE(imageDirectories().size(), 1); // the first application's only
}

void TestApplicantFloods::uploadsPerUserAndInAllAreLimited()
{
    restart([](ReceiverOptions &options) {
        options.uploadsPerUser = 1;
        options.uploadsTotal = 2;
    });
    const QString thirdUser = QStringLiteral("U3333333333333333333333333333cccc");
    const auto held = [this](const QString &user, const QByteArray &key) {
        const MultipartBody body =
            ApplicantTestKit::body(ApplicantTestKit::fields(newNonce(user)), ApplicantTestKit::images());
        const qsizetype firstFile = body.bytes().indexOf("filename=");
        return std::make_unique<HeldUpload>(m_server->port(), uploadHead(body, token(user), key),
                                            body.bytes().left(firstFile + 200));
    };
    auto first = held(kUser, "key-held-00001");
    auto second = held(kOtherUser, "key-held-00002");
    // Both handlers are inside their uploads once their staging directories exist.
    QTRY_COMPARE(imageDirectories().size(), 2);

    const QString nonce = newNonce();
    const auto sameUser = submit(ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images()),
                                 token(), "key-third-0001");
    QCOMPARE(sameUser.status, 429);
    QCOMPARE(json(sameUser).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("too_many_uploads"));
    QVERIFY(!sameUser.retryAfter.empty());
    const auto anyone =
        submit(ApplicantTestKit::body(ApplicantTestKit::fields(newNonce(thirdUser)), ApplicantTestKit::images()),
               token(thirdUser), "key-third-0002");
    QCOMPARE(anyone.status, 503);
    QCOMPARE(json(anyone).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("busy"));
    QVERIFY(!anyone.retryAfter.empty());

    // The held uploads end (the clients hang up): their slots and then their staged files are given
    // back, and the user may upload again.
    first.reset();
    second.reset();
    QTRY_VERIFY(imageDirectories().isEmpty());
    QCOMPARE(submit(ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images()), token(),
                    "key-third-0001")
                 .status,
             201);
    QCOMPARE(count("SELECT count(*) FROM applications"), 1);
}

void TestApplicantFloods::spoolFloorRefusesNewApplications()
{
    restart([](ReceiverOptions &options) { options.spoolMinFreeBytes = qint64(1) << 60; });
    const QString nonce = newNonce();
    const MultipartBody body = ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images());
    const auto refused = submit(body, token(), "key-full-00001");
    QCOMPARE(refused.status, 507);
    QCOMPARE(json(refused).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("insufficient_storage"));
    QVERIFY(json(refused).value(QStringLiteral("error")).toObject().contains(QStringLiteral("message")));
    QVERIFY(!refused.retryAfter.empty());
    QCOMPARE(refused.connection == "close", false); // the body was read: the connection stays usable
    QCOMPARE(count("SELECT count(*) FROM applications"), 0);
    QCOMPARE(count("SELECT count(*) FROM challenges WHERE used_at IS NOT NULL"), 0);
    QVERIFY(imageDirectories().isEmpty());
    // With room again the same application is taken.
    restart([](ReceiverOptions &options) { options.spoolMinFreeBytes = 1024 * 1024; });
    QCOMPARE(submit(body, token(), "key-full-00001").status, 201);
}

QTEST_GUILESS_MAIN(TestApplicantFloods)
#include "TestApplicantFloods.moc"
