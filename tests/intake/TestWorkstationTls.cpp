#include "core/intake/HttpCall.h"
#include "core/intake/Spool.h"
#include "core/intake/WorkstationServer.h"
#include "core/intake/WorkstationTokens.h"

#include "HttpTestClient.h"

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/StreamCopier.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;

// TLS on the workstation listener (tls.certificate / tls.private_key) and certificate
// verification on the receiver's outgoing HTTPS calls, with a throw-away self-signed certificate.
class TestWorkstationTls : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void leaseOverTls();
    void plainHttpIsRefusedOnTheTlsPort();
    void outgoingHttpsRejectsAnUntrustedCertificate();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Spool> m_spool;
    std::unique_ptr<WorkstationTokens> m_tokens;
    std::unique_ptr<WorkstationServer> m_server;
};

void TestWorkstationTls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"),
                   m_dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"),
                   m_dir.filePath(QStringLiteral("cert.pem"))});
    QVERIFY2(openssl.waitForFinished(60000), "the openssl command (package openssl) is needed");
    QCOMPARE(openssl.exitCode(), 0);
    auto spool = Spool::open(m_dir.filePath(QStringLiteral("spool.sqlite")));
    QVERIFY(spool.ok());
    m_spool = std::move(spool).value();
    auto tokens = WorkstationTokens::parse(WorkstationTokens::line(QStringLiteral("pc"), "tls-token-0123456789"));
    QVERIFY(tokens.ok());
    m_tokens = std::make_unique<WorkstationTokens>(std::move(tokens).value());
    WorkstationServer::Options options;
    options.port = 0;
    options.tlsCertificate = m_dir.filePath(QStringLiteral("cert.pem"));
    options.tlsPrivateKey = m_dir.filePath(QStringLiteral("key.pem"));
    m_server = std::make_unique<WorkstationServer>(options, *m_spool, *m_tokens, nullptr);
    const Status started = m_server->start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
}

void TestWorkstationTls::cleanupTestCase()
{
    m_server.reset();
    m_spool.reset();
}

void TestWorkstationTls::leaseOverTls()
{
    // A workstation that trusts the listener's certificate, verifying it strictly (host name too).
    Poco::Net::initializeSSL();
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "",
                                                             m_dir.filePath(QStringLiteral("cert.pem")).toStdString(),
                                                             Poco::Net::Context::VERIFY_STRICT, 9, false);
    Poco::Net::HTTPSClientSession session("127.0.0.1", m_server->port(), context);
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/ws/v1/leases",
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Authorization", "Bearer tls-token-0123456789");
    request.setContentType("application/json");
    const std::string body = R"({"count":1,"seconds":60})";
    request.setContentLength(std::streamsize(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::string answer;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), answer);
    QCOMPARE(int(response.getStatus()), 200);
    QCOMPARE(QByteArray::fromStdString(answer), QByteArray(R"({"leases":[]})"));
}

void TestWorkstationTls::plainHttpIsRefusedOnTheTlsPort()
{
    bool refused = false;
    try {
        const auto reply =
            HttpTestClient::request(m_server->port(), "POST", "/ws/v1/leases", R"({"count":1,"seconds":60})",
                                    {{"Authorization", "Bearer tls-token-0123456789"}});
        refused = reply.status != 200;
    } catch (const Poco::Exception &) {
        refused = true;
    }
    QVERIFY(refused);
}

void TestWorkstationTls::outgoingHttpsRejectsAnUntrustedCertificate()
{
    // The receiver's client trusts the system CAs only: a self-signed server is refused.
    const auto reply =
        HttpCall::request("POST", QStringLiteral("https://127.0.0.1:%1/ws/v1/leases").arg(m_server->port()),
                          {{"Authorization", "Bearer tls-token-0123456789"}}, "{}", "application/json");
    QVERIFY(!reply.ok());
    QCOMPARE(reply.error().code, ErrorCode::Network);
    // Refused for the certificate, not for a missing HTTPS client.
    QVERIFY2(reply.error().message.contains(QLatin1String("certificate"), Qt::CaseInsensitive),
             qPrintable(reply.error().message));
}

QTEST_GUILESS_MAIN(TestWorkstationTls)
#include "TestWorkstationTls.moc"
