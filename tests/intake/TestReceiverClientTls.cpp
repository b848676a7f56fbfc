#include "core/sync/ReceiverClient.h"

#include <QTest>

#include "TlsWorkstation.h"

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

QTEST_GUILESS_MAIN(TestReceiverClientTls)
#include "TestReceiverClientTls.moc"
