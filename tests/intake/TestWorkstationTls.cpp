#include "core/intake/HttpCall.h"

#include "HttpTestClient.h"

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/StreamCopier.h>

#include <QTest>

#include "TlsWorkstation.h"

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
    test::TlsWorkstation m_tls;
};

void TestWorkstationTls::initTestCase()
{
    const Status started = m_tls.start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
}

void TestWorkstationTls::cleanupTestCase()
{
    m_tls.stop();
}

void TestWorkstationTls::leaseOverTls()
{
    // A workstation that trusts the listener's certificate, verifying it strictly (host name too).
    Poco::Net::initializeSSL();
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "",
                                                             m_tls.certificatePath().toStdString(),
                                                             Poco::Net::Context::VERIFY_STRICT, 9, false);
    Poco::Net::HTTPSClientSession session("127.0.0.1", m_tls.port(), context);
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
            HttpTestClient::request(m_tls.port(), "POST", "/ws/v1/leases", R"({"count":1,"seconds":60})",
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
        HttpCall::request("POST", QStringLiteral("https://127.0.0.1:%1/ws/v1/leases").arg(m_tls.port()),
                          {{"Authorization", "Bearer tls-token-0123456789"}}, "{}", "application/json");
    QVERIFY(!reply.ok());
    QCOMPARE(reply.error().code, ErrorCode::Network);
    // Refused for the certificate, not for a missing HTTPS client.
    QVERIFY2(reply.error().message.contains(QLatin1String("certificate"), Qt::CaseInsensitive),
             qPrintable(reply.error().message));
}

QTEST_GUILESS_MAIN(TestWorkstationTls)
#include "TestWorkstationTls.moc"
