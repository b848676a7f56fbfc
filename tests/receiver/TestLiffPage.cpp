// The residents' LIFF page as the real receiver serves it on loopback: /liff/ files with strict
// headers and nothing outside the page's directory, GET /api/v1/liff (the ward's policy per
// procedure) and GET /api/v1/applications (the caller's own applications only).
#include "ApplicantFixture.h"

#include "core/receiver/api/StaticFileHandler.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTest>

#include <sstream>

using namespace mado;

namespace {

struct Answer {
    int status = 0;
    Poco::Net::NameValueCollection headers;
    QByteArray body;
    std::string header(const char *name) const { return headers.get(name, std::string()); }
};

// One request with the target sent exactly as given (no client-side normalisation).
Answer fetch(quint16 port, const std::string &target, const std::string &method = "GET",
             const std::string &bearer = std::string())
{
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!bearer.empty())
        request.set("Authorization", "Bearer " + bearer);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream &in = session.receiveResponse(response);
    std::ostringstream body;
    Poco::StreamCopier::copyStream(in, body);
    Answer answer;
    answer.status = int(response.getStatus());
    for (const auto &[name, value] : response)
        answer.headers.add(name, value);
    answer.body = QByteArray::fromStdString(body.str());
    return answer;
}

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

class TestLiffPage : public QObject, private ApplicantFixture {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        start();
        m_page = std::make_unique<QTemporaryDir>();
        m_secret = std::make_unique<QTemporaryDir>();
        const QString root = m_page->filePath(QStringLiteral("liff"));
        write(root + QStringLiteral("/index.html"), QByteArrayLiteral("<!doctype html><title>page</title>"));
        write(root + QStringLiteral("/main-AB12CD34.js"), QByteArrayLiteral("console.log('page');"));
        write(root + QStringLiteral("/assets/logo.svg"), QByteArrayLiteral("<svg xmlns='http://www.w3.org/2000/svg'/>"));
        write(root + QStringLiteral("/notes.txt.bak"), QByteArrayLiteral("backup"));
        write(root + QStringLiteral("/tiny_face_detector_model-LPRVZFY7.bin"), QByteArray("\x00\x01weights", 9));
        write(root + QStringLiteral("/.hidden.js"), QByteArrayLiteral("hidden"));
        write(m_secret->filePath(QStringLiteral("secret.js")), QByteArrayLiteral("SECRET-OUTSIDE"));
        write(m_page->filePath(QStringLiteral("sibling.js")), QByteArrayLiteral("SECRET-SIBLING"));
        QVERIFY(QFile::link(m_secret->filePath(QStringLiteral("secret.js")), root + QStringLiteral("/out-AB12CD34.js")));
        QVERIFY(QFile::link(m_secret->path(), root + QStringLiteral("/outdir")));
        QVERIFY(QFile::link(root + QStringLiteral("/main-AB12CD34.js"), root + QStringLiteral("/inside.js")));
        restart([root](ReceiverOptions &options) {
            options.liff.staticDir = root;
            options.liff.procedures = {QStringLiteral("tax_certificate"), QStringLiteral("juminhyo_copy")};
            options.liff.faceCheckHeld = {QStringLiteral("juminhyo_copy")};
            options.liff.liffId = QStringLiteral("1650000001-AbCdEfGh");
        });
    }
    void cleanup() { stop(); }

    void servesIndexWithStrictHeaders()
    {
        for (const std::string target : {"/liff/", "/liff/index.html"}) {
            const Answer a = fetch(m_server->port(), target);
            QCOMPARE(a.status, 200);
            QCOMPARE(a.body, QByteArrayLiteral("<!doctype html><title>page</title>"));
            QCOMPARE(a.header("Content-Type"), std::string("text/html; charset=utf-8"));
            QCOMPARE(a.header("X-Content-Type-Options"), std::string("nosniff"));
            QCOMPARE(a.header("Cache-Control"), std::string("no-cache"));
            const std::string csp = a.header("Content-Security-Policy");
            QVERIFY(csp.find("script-src 'self' https://static.line-scdn.net;") != std::string::npos);
            QVERIFY(csp.find("default-src 'none'") != std::string::npos);
            QVERIFY(csp.find("unsafe-inline") == std::string::npos);
            QVERIFY(csp.find("unsafe-eval") == std::string::npos);
            QVERIFY(csp.find("frame-ancestors 'none'") != std::string::npos);
        }
        // HEAD: the headers without a body.
        const Answer head = fetch(m_server->port(), "/liff/", "HEAD");
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
    }

    void hashedAssetsAreCachedForAYear()
    {
        const Answer js = fetch(m_server->port(), "/liff/main-AB12CD34.js");
        QCOMPARE(js.status, 200);
        QCOMPARE(js.body, QByteArrayLiteral("console.log('page');"));
        QCOMPARE(js.header("Content-Type"), std::string("text/javascript; charset=utf-8"));
        QCOMPARE(js.header("Cache-Control"), std::string("public, max-age=31536000, immutable"));
        QCOMPARE(js.header("X-Content-Type-Options"), std::string("nosniff"));
        // Without a hash in its name, a file must be revalidated.
        const Answer svg = fetch(m_server->port(), "/liff/assets/logo.svg");
        QCOMPARE(svg.status, 200);
        QCOMPARE(svg.header("Cache-Control"), std::string("no-cache"));
        // A symlink that stays inside the directory is served.
        QCOMPARE(fetch(m_server->port(), "/liff/inside.js").status, 200);
        // The selfie's face detector weights: bytes, never sniffed, cached like the scripts.
        const Answer weights = fetch(m_server->port(), "/liff/tiny_face_detector_model-LPRVZFY7.bin");
        QCOMPARE(weights.status, 200);
        QCOMPARE(weights.body, QByteArray("\x00\x01weights", 9));
        QCOMPARE(weights.header("Content-Type"), std::string("application/octet-stream"));
        QCOMPARE(weights.header("Cache-Control"), std::string("public, max-age=31536000, immutable"));
        QCOMPARE(weights.header("X-Content-Type-Options"), std::string("nosniff"));
    }

    void redirectsTheBarePrefix()
    {
        const Answer a = fetch(m_server->port(), "/liff");
        QCOMPARE(a.status, 308);
        QCOMPARE(a.header("Location"), std::string("/liff/"));
    }

    void nothingOutsideTheDirectory_data()
    {
        QTest::addColumn<QString>("target");
        QTest::newRow("dot-dot") << QStringLiteral("/liff/../sibling.js");
        QTest::newRow("dot-dot deeper") << QStringLiteral("/liff/assets/../../sibling.js");
        QTest::newRow("encoded dots") << QStringLiteral("/liff/%2e%2e/sibling.js");
        QTest::newRow("encoded slash") << QStringLiteral("/liff/..%2fsibling.js");
        QTest::newRow("encoded backslash") << QStringLiteral("/liff/..%5csibling.js");
        QTest::newRow("double encoded") << QStringLiteral("/liff/%252e%252e/sibling.js");
        QTest::newRow("nul") << QStringLiteral("/liff/index.html%00.js");
        QTest::newRow("symlink to a file outside") << QStringLiteral("/liff/out-AB12CD34.js");
        QTest::newRow("symlink to a directory outside") << QStringLiteral("/liff/outdir/secret.js");
        QTest::newRow("directory listing") << QStringLiteral("/liff/assets/");
        QTest::newRow("directory") << QStringLiteral("/liff/assets");
        QTest::newRow("hidden file") << QStringLiteral("/liff/.hidden.js");
        QTest::newRow("unknown type") << QStringLiteral("/liff/notes.txt.bak");
        QTest::newRow("missing") << QStringLiteral("/liff/nothing.js");
        QTest::newRow("empty segment") << QStringLiteral("/liff//index.html");
        QTest::newRow("absolute path") << QStringLiteral("/liff//etc/passwd");
    }
    void nothingOutsideTheDirectory()
    {
        QFETCH(QString, target);
        const Answer a = fetch(m_server->port(), target.toStdString());
        QCOMPARE(a.status, 404);
        QVERIFY(!a.body.contains("SECRET"));
        QCOMPARE(a.header("X-Content-Type-Options"), std::string("nosniff"));
        QVERIFY(!a.header("Content-Security-Policy").empty());
    }

    void onlyGetAndHead()
    {
        QCOMPARE(fetch(m_server->port(), "/liff/index.html", "POST").status, 405);
        QCOMPARE(fetch(m_server->port(), "/liff/index.html", "DELETE").status, 405);
    }

    void noDirectoryConfiguredIs404()
    {
        restart([](ReceiverOptions &options) { options.liff.staticDir.clear(); });
        QCOMPARE(fetch(m_server->port(), "/liff/").status, 404);
        QCOMPARE(fetch(m_server->port(), "/liff/index.html").status, 404);
    }

    void settingsSayWhatThePolicyHolds()
    {
        const Answer a = fetch(m_server->port(), "/api/v1/liff");
        QCOMPARE(a.status, 200);
        QCOMPARE(a.header("Cache-Control"), std::string("no-store"));
        const QJsonObject body = QJsonDocument::fromJson(a.body).object();
        QCOMPARE(body.value(QStringLiteral("liffId")).toString(), QStringLiteral("1650000001-AbCdEfGh"));
        QCOMPARE(body.value(QStringLiteral("mock")).toBool(true), false);
        const QJsonArray procedures = body.value(QStringLiteral("procedures")).toArray();
        QCOMPARE(procedures.size(), 2);
        const QJsonObject tax = procedures.at(0).toObject();
        QCOMPARE(tax.value(QStringLiteral("key")).toString(), QStringLiteral("tax_certificate"));
        QCOMPARE(tax.value(QStringLiteral("nameJa")).toString(), QStringLiteral("課税証明書"));
        QCOMPARE(tax.value(QStringLiteral("faceCheck")).toString(), QStringLiteral("accepted"));
        QVERIFY(!tax.contains(QStringLiteral("reasonJa")));
        const QJsonObject juminhyo = procedures.at(1).toObject();
        QCOMPARE(juminhyo.value(QStringLiteral("key")).toString(), QStringLiteral("juminhyo_copy"));
        QCOMPARE(juminhyo.value(QStringLiteral("faceCheck")).toString(), QStringLiteral("held"));
        QVERIFY(juminhyo.value(QStringLiteral("reasonJa")).toString().contains(QStringLiteral("電子署名")));
        QVERIFY(juminhyo.value(QStringLiteral("reasonEn")).toString().contains(QStringLiteral("JPKI")));

        // The ward's settings decide: with nothing held, 住民票 is accepted.
        restart([](ReceiverOptions &options) { options.liff.faceCheckHeld.clear(); });
        const QJsonArray open = QJsonDocument::fromJson(fetch(m_server->port(), "/api/v1/liff").body)
                                    .object()
                                    .value(QStringLiteral("procedures"))
                                    .toArray();
        QCOMPARE(open.at(1).toObject().value(QStringLiteral("faceCheck")).toString(), QStringLiteral("accepted"));
    }

    void statusListsOnlyTheCallersApplications()
    {
        const std::string mine = token().toStdString();
        const std::string theirs = token(kOtherUser).toStdString();
        // Without a valid token: 401.
        QCOMPARE(fetch(m_server->port(), "/api/v1/applications").status, 401);
        QCOMPARE(fetch(m_server->port(), "/api/v1/applications", "GET", "not-a-token").status, 401);
        QCOMPARE(fetch(m_server->port(), "/api/v1/applications", "PUT", mine).status, 405);
        // None yet.
        Answer a = fetch(m_server->port(), "/api/v1/applications", "GET", mine);
        QCOMPARE(a.status, 200);
        QCOMPARE(QJsonDocument::fromJson(a.body).object().value(QStringLiteral("applications")).toArray().size(), 0);

        const auto stored = submit(ApplicantTestKit::body(ApplicantTestKit::fields(newNonce()), ApplicantTestKit::images()),
                                   token(), "status-key-0001");
        QCOMPARE(stored.status, 201);
        const QString reference = json(stored).value(QStringLiteral("reference")).toString();
        QVERIFY(!reference.isEmpty());

        a = fetch(m_server->port(), "/api/v1/applications", "GET", mine);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.header("Cache-Control"), std::string("no-store"));
        const QJsonArray list = QJsonDocument::fromJson(a.body).object().value(QStringLiteral("applications")).toArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject entry = list.at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("reference")).toString(), reference);
        QCOMPARE(entry.value(QStringLiteral("state")).toString(), QStringLiteral("received"));
        QCOMPARE(entry.value(QStringLiteral("procedure")).toString(),
                 ApplicantTestKit::fields(QString()).value(QStringLiteral("procedure")));
        QVERIFY(!entry.value(QStringLiteral("receivedAt")).toString().isEmpty());
        // No personal data in the list.
        QVERIFY(!a.body.contains(ApplicantTestKit::fields(QString()).value(QStringLiteral("name")).toUtf8()));

        // Another resident sees none of it.
        a = fetch(m_server->port(), "/api/v1/applications", "GET", theirs);
        QCOMPARE(a.status, 200);
        QCOMPARE(QJsonDocument::fromJson(a.body).object().value(QStringLiteral("applications")).toArray().size(), 0);
    }

private:
    std::unique_ptr<QTemporaryDir> m_page;
    std::unique_ptr<QTemporaryDir> m_secret;
};

QTEST_GUILESS_MAIN(TestLiffPage)
#include "TestLiffPage.moc"
