#include "core/intake/Spool.h"
#include "core/intake/WorkstationServer.h"
#include "core/intake/WorkstationTokens.h"
#include "core/sync/ReceiverClient.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;

// The workstation's client over HTTPS to a TLS workstation listener with a throw-away certificate:
// trusted through --ca-file, refused without it (system CAs only) and for the wrong host name.
class TestReceiverClientTls : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void leasesWithTheWardCa();
    void untrustedCertificateIsRefused();
    void wrongHostNameIsRefused();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Spool> m_spool;
    std::unique_ptr<WorkstationTokens> m_tokens;
    std::unique_ptr<WorkstationServer> m_server;
};

void TestReceiverClientTls::initTestCase()
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
    QVERIFY(m_server->start().ok());
}

void TestReceiverClientTls::cleanupTestCase()
{
    m_server.reset();
    m_spool.reset();
}

void TestReceiverClientTls::leasesWithTheWardCa()
{
    const ReceiverClient client(QStringLiteral("https://127.0.0.1:%1").arg(m_server->port()), "tls-token-0123456789",
                                5000, m_dir.filePath(QStringLiteral("cert.pem")));
    auto leases = client.lease(1, 60);
    QVERIFY2(leases.ok(), qPrintable(leases.ok() ? QString() : leases.error().message));
    QVERIFY(leases.value().empty());
    // The token is checked over TLS as well.
    const ReceiverClient wrongToken(QStringLiteral("https://127.0.0.1:%1").arg(m_server->port()), "nope", 5000,
                                    m_dir.filePath(QStringLiteral("cert.pem")));
    QCOMPARE(wrongToken.lease(1, 60).error().code, ErrorCode::Unauthorized);
}

void TestReceiverClientTls::untrustedCertificateIsRefused()
{
    const ReceiverClient client(QStringLiteral("https://127.0.0.1:%1").arg(m_server->port()), "tls-token-0123456789",
                                5000);
    auto leases = client.lease(1, 60);
    QVERIFY(!leases.ok());
    QCOMPARE(leases.error().code, ErrorCode::Network);
    QVERIFY2(leases.error().message.contains(QLatin1String("certificate"), Qt::CaseInsensitive),
             qPrintable(leases.error().message));
}

void TestReceiverClientTls::wrongHostNameIsRefused()
{
    // "localhost" is not in the certificate (CN and subjectAltName are IP 127.0.0.1).
    const ReceiverClient client(QStringLiteral("https://localhost:%1").arg(m_server->port()), "tls-token-0123456789",
                                5000, m_dir.filePath(QStringLiteral("cert.pem")));
    auto leases = client.lease(1, 60);
    QVERIFY(!leases.ok());
    QCOMPARE(leases.error().code, ErrorCode::Network);
    // Refused for the name, not because nothing listens on localhost's address.
    QVERIFY2(leases.error().message.contains(QLatin1String("Unacceptable certificate from localhost")),
             qPrintable(leases.error().message));
}

QTEST_GUILESS_MAIN(TestReceiverClientTls)
#include "TestReceiverClientTls.moc"
