#include "core/station/ReceiverClient.h"

#include <QTest>

#include "tests/receiver/OpensslPeer.h"
#include "tests/receiver/TlsWorkstation.h"

using namespace mado;

// The workstation's client over HTTPS to a TLS workstation listener with a throw-away certificate:
// trusted through --ca-file, refused without it (system CAs only) and for the wrong host name; a
// server that offers only old versions or ciphers outside TlsPolicy (openssl s_server) is refused;
// plain http:// only to loopback.
class TestReceiverClientTls : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void leasesWithTheWardCa();
    void untrustedCertificateIsRefused();
    void wrongHostNameIsRefused();
    void weakServersAreRefused_data();
    void weakServersAreRefused();
    void plainHttpOnlyOnLoopback_data();
    void plainHttpOnlyOnLoopback();

private:
    test::TlsWorkstation m_tls;
};

void TestReceiverClientTls::initTestCase()
{
    const Status started = m_tls.start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
}

void TestReceiverClientTls::cleanupTestCase()
{
    m_tls.stop();
}

void TestReceiverClientTls::leasesWithTheWardCa()
{
    const ReceiverClient client(QStringLiteral("https://127.0.0.1:%1").arg(m_tls.port()), "tls-token-0123456789",
                                5000, m_tls.certificatePath());
    auto leases = client.lease(1, 60);
    QVERIFY2(leases.ok(), qPrintable(leases.ok() ? QString() : leases.error().message));
    QVERIFY(leases.value().empty());
    // The token is checked over TLS as well.
    const ReceiverClient wrongToken(QStringLiteral("https://127.0.0.1:%1").arg(m_tls.port()), "nope", 5000,
                                    m_tls.certificatePath());
    QCOMPARE(wrongToken.lease(1, 60).error().code, ErrorCode::Unauthorized);
}

void TestReceiverClientTls::untrustedCertificateIsRefused()
{
    const ReceiverClient client(QStringLiteral("https://127.0.0.1:%1").arg(m_tls.port()), "tls-token-0123456789",
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
    const ReceiverClient client(QStringLiteral("https://localhost:%1").arg(m_tls.port()), "tls-token-0123456789",
                                5000, m_tls.certificatePath());
    auto leases = client.lease(1, 60);
    QVERIFY(!leases.ok());
    QCOMPARE(leases.error().code, ErrorCode::Network);
    // Refused for the name, not because nothing listens on localhost's address.
    QVERIFY2(leases.error().message.contains(QLatin1String("Unacceptable certificate from localhost")),
             qPrintable(leases.error().message));
}

void TestReceiverClientTls::weakServersAreRefused_data()
{
    QTest::addColumn<QStringList>("server"); // openssl s_server options
    QTest::addColumn<QStringList>("client"); // openssl s_client options that this server accepts
    const QStringList old{QStringLiteral("-cipher"), QStringLiteral("ALL:@SECLEVEL=0")};
    QTest::addRow("ECDHE with CBC only")
        << QStringList{"-tls1_2", "-cipher", "ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-SHA384"}
        << QStringList{"-tls1_2", "-cipher", "ECDHE-RSA-AES128-SHA"};
    QTest::addRow("RSA key exchange only") << QStringList{"-tls1_2", "-cipher", "AES128-GCM-SHA256:AES256-SHA256"}
                                           << QStringList{"-tls1_2", "-cipher", "AES128-GCM-SHA256"};
    QTest::addRow("DHE only") << QStringList{"-tls1_2", "-cipher", "DHE-RSA-AES128-GCM-SHA256"}
                              << QStringList{"-tls1_2", "-cipher", "DHE-RSA-AES128-GCM-SHA256"};
    QTest::addRow("TLS 1.1 only") << QStringList{"-tls1_1"} + old << QStringList{"-tls1_1"} + old;
}

void TestReceiverClientTls::weakServersAreRefused()
{
    QFETCH(QStringList, server);
    QFETCH(QStringList, client);
    test::OpensslPeer weak;
    const Status started = weak.startServer(m_tls.certificatePath(), m_tls.privateKeyPath(), server);
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    // The server does work for a client that accepts what it offers ...
    const auto control = test::OpensslPeer::connect(weak.serverPort(), client);
    QVERIFY2(control.established, qPrintable(control.output));
    // ... but not for the workstation's client, which trusts its certificate. A GET is used: had the
    // handshake succeeded, s_server -www would have answered it with a status page (200).
    const ReceiverClient receiver(QStringLiteral("https://127.0.0.1:%1").arg(weak.serverPort()),
                                  "tls-token-0123456789", 5000, m_tls.certificatePath());
    const auto bundle = receiver.downloadBundle(QStringLiteral("app-0123456789"));
    QVERIFY2(!bundle.ok(), "the handshake succeeded");
    QCOMPARE(bundle.error().code, ErrorCode::Network);
    qInfo("refused: %s", qPrintable(bundle.error().message));
}

void TestReceiverClientTls::plainHttpOnlyOnLoopback_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::addRow("https elsewhere") << "https://receiver.ward.example:8481" << true;
    QTest::addRow("http 127.0.0.1") << "http://127.0.0.1:8481" << true;
    QTest::addRow("http 127.1.2.3") << "http://127.1.2.3:8481/" << true;
    QTest::addRow("http [::1]") << "http://[::1]:8481" << true;
    QTest::addRow("http localhost") << "http://localhost:8481" << true;
    QTest::addRow("http LAN address") << "http://192.168.10.5:8481" << false;
    QTest::addRow("http host name") << "http://receiver.ward.example:8481" << false;
    QTest::addRow("http HTTP upper case") << "HTTP://10.0.0.1:8481" << false;
    QTest::addRow("http localhost lookalike") << "http://localhost.ward.example:8481" << false;
    QTest::addRow("http 127 lookalike") << "http://127.0.0.1.ward.example:8481" << false;
    QTest::addRow("http IPv6 other") << "http://[fd00::1]:8481" << false;
    QTest::addRow("ftp") << "ftp://127.0.0.1:8481" << false;
}

void TestReceiverClientTls::plainHttpOnlyOnLoopback()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    const Status checked = ReceiverClient::checkBaseUrl(url);
    QCOMPARE(checked.ok(), allowed);
    if (allowed)
        return;
    QCOMPARE(checked.error().code, ErrorCode::InvalidArgument);
    if (url.startsWith(QLatin1String("http:"), Qt::CaseInsensitive))
        QVERIFY2(checked.error().message.contains(QLatin1String("use https://")), qPrintable(checked.error().message));
    // Every call refuses too, without a connection being tried (nothing listens at those hosts).
    const ReceiverClient client(url, "tls-token-0123456789", 5000);
    QCOMPARE(client.lease(1, 60).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(client.acknowledge(QStringLiteral("app-0123456789")).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(client.downloadBundle(QStringLiteral("app-0123456789")).error().code, ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestReceiverClientTls)
#include "TestReceiverClientTls.moc"
