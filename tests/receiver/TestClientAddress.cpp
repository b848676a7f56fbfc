#include "core/receiver/http/ClientAddress.h"
#include "core/receiver/http/HttpRequestHead.h"

#include <QTest>

using namespace mado;

// ClientAddress: which proxies are trusted, and the client address it resolves from the peer and
// the forwarding header (issue 11: X-Forwarded-For believed only from configured proxies).
class TestClientAddress : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rangesAreParsedAndMatched();
    void badEntriesAreRefusedByName();
    void untrustedPeerIsTheClient();
    void rightMostUntrustedHopIsTheClient();
    void forwardedHeaderIsRead();
    void headFieldsAreReadInOrder();
    void bucketsGroupIpv6By64();
};

void TestClientAddress::rangesAreParsedAndMatched()
{
    const auto proxies = ClientAddress::make(QStringLiteral("10.0.0.0/8, 192.0.2.10 2001:db8:1::/48"));
    QVERIFY(proxies);
    QVERIFY(proxies.value().trusts("10.200.3.4"));
    QVERIFY(proxies.value().trusts("192.0.2.10"));
    QVERIFY(!proxies.value().trusts("192.0.2.11"));
    QVERIFY(!proxies.value().trusts("11.0.0.1"));
    QVERIFY(proxies.value().trusts("2001:db8:1:ffff::1"));
    QVERIFY(!proxies.value().trusts("2001:db8:2::1"));
    QVERIFY(proxies.value().trusts("::ffff:10.1.2.3")); // an IPv4 peer on a dual-stack socket
    QVERIFY(!proxies.value().trusts("not-an-address"));
    QVERIFY(!ClientAddress().trustsAnyProxy());
    QVERIFY(!ClientAddress().trusts("127.0.0.1"));
}

void TestClientAddress::badEntriesAreRefusedByName()
{
    for (const char *bad : {"10.0.0.0/33", "2001:db8::/129", "proxy.example", "10.0.0.1/x", "300.1.1.1"}) {
        const auto made = ClientAddress::make(QString::fromLatin1(bad));
        QVERIFY2(!made, bad);
        QVERIFY(made.error().message.contains(QLatin1String(bad)));
        QVERIFY(made.error().message.contains(QLatin1String("front.trusted_proxies")));
    }
    QVERIFY(!ClientAddress::headerNamed(QStringLiteral("x-real-ip")));
    QCOMPARE(ClientAddress::headerNamed(QStringLiteral("Forwarded")).value(), ClientAddress::Header::Forwarded);
}

void TestClientAddress::untrustedPeerIsTheClient()
{
    const ClientAddress none;
    QCOMPARE(none.resolve("198.51.100.7", {"203.0.113.1"}), std::string("198.51.100.7"));
    const ClientAddress proxies = ClientAddress::make(QStringLiteral("10.0.0.1")).value();
    QCOMPARE(proxies.resolve("10.0.0.2", {"203.0.113.1"}), std::string("10.0.0.2"));
    QCOMPARE(proxies.resolve("::ffff:198.51.100.7", std::vector<std::string_view>{}), std::string("198.51.100.7"));
}

void TestClientAddress::rightMostUntrustedHopIsTheClient()
{
    const ClientAddress proxies = ClientAddress::make(QStringLiteral("10.0.0.0/24")).value();
    // client spoofs a first hop; the outer proxy appended the real one; an inner proxy its own.
    QCOMPARE(proxies.resolve("10.0.0.1", {"1.2.3.4, 198.51.100.7, 10.0.0.2"}), std::string("198.51.100.7"));
    // The same hops in two header fields.
    QCOMPARE(proxies.resolve("10.0.0.1", {"1.2.3.4", "198.51.100.7,10.0.0.2"}), std::string("198.51.100.7"));
    // Garbage where a proxy's hop should be: the trusted hop that reported it is the client.
    QCOMPARE(proxies.resolve("10.0.0.1", {"198.51.100.7, unknown, 10.0.0.2"}), std::string("10.0.0.2"));
    QCOMPARE(proxies.resolve("10.0.0.1", {""}), std::string("10.0.0.1"));
    // Every hop trusted: the left-most.
    QCOMPARE(proxies.resolve("10.0.0.1", {"10.0.0.3, 10.0.0.2"}), std::string("10.0.0.3"));
    // Ports and brackets as some proxies write them.
    QCOMPARE(proxies.resolve("10.0.0.1", {"198.51.100.7:4711"}), std::string("198.51.100.7"));
    QCOMPARE(proxies.resolve("10.0.0.1", {"[2001:db8::7]:4711"}), std::string("2001:db8::7"));
    QCOMPARE(proxies.resolve("10.0.0.1", {"2001:db8::7"}), std::string("2001:db8::7"));
}

void TestClientAddress::forwardedHeaderIsRead()
{
    const ClientAddress proxies =
        ClientAddress::make(QStringLiteral("10.0.0.1"), ClientAddress::Header::Forwarded).value();
    QCOMPARE(proxies.resolve("10.0.0.1", {"for=1.2.3.4;proto=https, For=\"[2001:db8::9]:80\";by=10.0.0.1"}),
             std::string("2001:db8::9"));
    QCOMPARE(proxies.resolve("10.0.0.1", {"for=_hidden"}), std::string("10.0.0.1"));
    QCOMPARE(proxies.resolve("10.0.0.1", {"proto=https"}), std::string("10.0.0.1"));
    // It reads only the configured header: an X-Forwarded-For a client sent through is ignored.
    HttpRequestHead head;
    std::size_t size = 0;
    QCOMPARE(head.parse("GET / HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 1.2.3.4\r\nForwarded: for=198.51.100.7\r\n\r\n",
                        size),
             HttpRequestHead::Parse::Complete);
    QCOMPARE(proxies.resolve("10.0.0.1", head), std::string("198.51.100.7"));
    const ClientAddress xff = ClientAddress::make(QStringLiteral("10.0.0.1")).value();
    QCOMPARE(xff.resolve("10.0.0.1", head), std::string("1.2.3.4"));
}

void TestClientAddress::headFieldsAreReadInOrder()
{
    HttpRequestHead head;
    std::size_t size = 0;
    QCOMPARE(head.parse("GET / HTTP/1.1\r\nX-Forwarded-For: 1.2.3.4\r\nHost: x\r\n"
                        "X-Forwarded-For: 198.51.100.7\r\n\r\n",
                        size),
             HttpRequestHead::Parse::Complete);
    QCOMPARE(head.fields("x-forwarded-for").size(), std::size_t(2));
    const ClientAddress proxies = ClientAddress::make(QStringLiteral("10.0.0.1")).value();
    QCOMPARE(proxies.resolve("10.0.0.1", head), std::string("198.51.100.7"));
}

void TestClientAddress::bucketsGroupIpv6By64()
{
    QCOMPARE(ClientAddress::bucketOf("2001:db8:1:2:aaaa::1"), ClientAddress::bucketOf("2001:db8:1:2:bbbb::9"));
    QVERIFY(ClientAddress::bucketOf("2001:db8:1:2::1") != ClientAddress::bucketOf("2001:db8:1:3::1"));
    QCOMPARE(ClientAddress::bucketOf("::ffff:192.0.2.1"), std::string("192.0.2.1"));
    QCOMPARE(ClientAddress::bucketOf("192.0.2.1"), std::string("192.0.2.1"));
}

QTEST_GUILESS_MAIN(TestClientAddress)
#include "TestClientAddress.moc"
