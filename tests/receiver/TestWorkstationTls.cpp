#include "core/net/HttpCall.h"
#include "core/receiver/spool/Spool.h"
#include "core/net/TlsPolicy.h"
#include "core/receiver/api/WorkstationServer.h"
#include "core/receiver/api/WorkstationTokens.h"

#include "HttpTestClient.h"

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/StreamCopier.h>

#include <QTemporaryDir>
#include <QTest>

#include "OpensslPeer.h"
#include "TlsWorkstation.h"

using namespace mado;

// TLS on the workstation listener (tls.certificate / tls.private_key) and certificate
// verification on the receiver's outgoing HTTPS calls, with a throw-away self-signed certificate;
// real handshakes with the openssl command prove which versions and ciphers the listener accepts.
class TestWorkstationTls : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void leaseOverTls();
    void plainHttpIsRefusedOnTheTlsPort();
    void outgoingHttpsRejectsAnUntrustedCertificate();
    void handshakes_data();
    void handshakes();
    void refusedOffersAreRealOffers();
    void serverOrderWins();
    void plainHttpOnlyOnLoopback();
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

namespace {

struct Offer {
    const char *name;
    QStringList options; // of openssl s_client
    bool accepted;
};

// What a client may offer, and whether the workstation listener must accept it. "ALL:@SECLEVEL=0"
// lets the tool offer what OpenSSL 3 would otherwise keep back (TLS 1.0/1.1 need it).
const std::vector<Offer> &offers()
{
    static const std::vector<Offer> table = {
        {"TLS 1.3", {"-tls1_3"}, true},
        {"TLS 1.2 ECDHE-RSA AES128-GCM", {"-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256"}, true},
        {"TLS 1.2 ECDHE-RSA AES256-GCM", {"-tls1_2", "-cipher", "ECDHE-RSA-AES256-GCM-SHA384"}, true},
        {"TLS 1.2 ECDHE-RSA CHACHA20-POLY1305", {"-tls1_2", "-cipher", "ECDHE-RSA-CHACHA20-POLY1305"}, true},
        {"TLS 1.2 ECDHE with CBC (SHA1)", {"-tls1_2", "-cipher", "ECDHE-RSA-AES128-SHA"}, false},
        {"TLS 1.2 ECDHE with CBC (SHA384)", {"-tls1_2", "-cipher", "ECDHE-RSA-AES256-SHA384"}, false},
        {"TLS 1.2 RSA key exchange with GCM", {"-tls1_2", "-cipher", "AES128-GCM-SHA256"}, false},
        {"TLS 1.2 RSA key exchange with CBC", {"-tls1_2", "-cipher", "AES256-SHA256"}, false},
        {"TLS 1.2 DHE with GCM", {"-tls1_2", "-cipher", "DHE-RSA-AES128-GCM-SHA256"}, false},
        {"TLS 1.1", {"-tls1_1", "-cipher", "ALL:@SECLEVEL=0"}, false},
        {"TLS 1.0", {"-tls1", "-cipher", "ALL:@SECLEVEL=0"}, false},
    };
    return table;
}

} // namespace

void TestWorkstationTls::handshakes_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<bool>("accepted");
    for (const Offer &offer : offers())
        QTest::addRow("%s", offer.name) << offer.options << offer.accepted;
}

void TestWorkstationTls::handshakes()
{
    QFETCH(QStringList, options);
    QFETCH(bool, accepted);
    const auto handshake = test::OpensslPeer::connect(m_tls.port(), options);
    QVERIFY2(handshake.established == accepted, qPrintable(handshake.output));
    if (accepted) {
        QVERIFY2(handshake.protocol == QLatin1String("TLSv1.2") || handshake.protocol == QLatin1String("TLSv1.3"),
                 qPrintable(handshake.output));
    } else {
        // Refused by the listener (a TLS alert), not given up by the tool itself.
        QVERIFY2(handshake.peerAlert(), qPrintable(handshake.output));
    }
}

void TestWorkstationTls::refusedOffersAreRealOffers()
{
    // The offers the listener refuses succeed against a server that allows everything: the tool
    // really sent them, so handshakes() tests the listener's policy and not the tool's.
    test::OpensslPeer permissive;
    const Status started = permissive.startServer(m_tls.certificatePath(), m_tls.privateKeyPath(),
                                                  {QStringLiteral("-cipher"), QStringLiteral("ALL:@SECLEVEL=0")});
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    for (const Offer &offer : offers()) {
        if (offer.accepted)
            continue;
        const auto handshake = test::OpensslPeer::connect(permissive.serverPort(), offer.options);
        QVERIFY2(handshake.established, qPrintable(QLatin1String(offer.name) + QLatin1Char('\n') + handshake.output));
    }
}

void TestWorkstationTls::serverOrderWins()
{
    // The client prefers AES-256; the listener's order puts ECDHE-RSA-AES128-GCM-SHA256 first.
    const auto handshake = test::OpensslPeer::connect(
        m_tls.port(), {QStringLiteral("-tls1_2"), QStringLiteral("-cipher"),
                       QStringLiteral("ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305:"
                                      "ECDHE-RSA-AES128-GCM-SHA256")});
    QVERIFY2(handshake.established, qPrintable(handshake.output));
    QCOMPARE(handshake.cipher, QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256"));
}

void TestWorkstationTls::plainHttpOnlyOnLoopback()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto spool = Spool::open(dir.filePath(QStringLiteral("spool.sqlite")));
    QVERIFY(spool.ok());
    const auto tokens = WorkstationTokens::parse(WorkstationTokens::line(QStringLiteral("pc"), "token-0123456789"));
    QVERIFY(tokens.ok());
    WorkstationServer::Options options;
    options.port = 0;
    options.host = QStringLiteral("0.0.0.0");
    WorkstationServer everywhere(options, *spool.value(), tokens.value(), nullptr);
    const Status refused = everywhere.start();
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(refused.error().message.contains(QLatin1String("configure tls.certificate and tls.private_key")),
             qPrintable(refused.error().message));
    // Any loopback address may be plain HTTP (the whole of 127.0.0.0/8 is loopback on Linux).
    options.host = QStringLiteral("127.0.0.2");
    WorkstationServer loopback(options, *spool.value(), tokens.value(), nullptr);
    const Status started = loopback.start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    // And off loopback with TLS.
    options.host = QStringLiteral("0.0.0.0");
    options.tlsCertificate = m_tls.certificatePath();
    options.tlsPrivateKey = m_tls.privateKeyPath();
    WorkstationServer secured(options, *spool.value(), tokens.value(), nullptr);
    const Status securedStarted = secured.start();
    QVERIFY2(securedStarted.ok(), qPrintable(securedStarted.ok() ? QString() : securedStarted.error().message));

    QVERIFY(TlsPolicy::isLoopbackHost(QStringLiteral("127.0.0.1")));
    QVERIFY(TlsPolicy::isLoopbackHost(QStringLiteral("127.255.0.9")));
    QVERIFY(TlsPolicy::isLoopbackHost(QStringLiteral("::1")));
    QVERIFY(TlsPolicy::isLoopbackHost(QStringLiteral("[::1]")));
    QVERIFY(TlsPolicy::isLoopbackHost(QStringLiteral("LocalHost")));
    for (const char *host : {"0.0.0.0", "::", "10.0.0.1", "128.0.0.1", "::2", "localhost.example.org",
                             "127.0.0.1.example.org", ""})
        QVERIFY2(!TlsPolicy::isLoopbackHost(QLatin1String(host)), host);
}

QTEST_GUILESS_MAIN(TestWorkstationTls)
#include "TestWorkstationTls.moc"
