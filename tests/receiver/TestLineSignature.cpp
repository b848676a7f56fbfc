#include "core/receiver/line/LineSignature.h"

#include <QTest>

using namespace mado;

// The x-line-signature HMAC against the RFC 4231 HMAC-SHA-256 vectors and strict verification.
class TestLineSignature : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rfc4231_data();
    void rfc4231();
    void verify_data();
    void verify();
};

void TestLineSignature::rfc4231_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("hex");
    QTest::addRow("test case 1") << QByteArray(20, '\x0b') << QByteArray("Hi There")
                                 << QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    QTest::addRow("test case 2") << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
                                 << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    QTest::addRow("test case 6, key longer than a block")
        << QByteArray(131, '\xaa') << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
        << QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

void TestLineSignature::rfc4231()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, hex);
    QCOMPARE(QByteArray::fromBase64(LineSignature::compute(key, data)).toHex(), hex);
    QVERIFY(LineSignature::verify(key, data, QByteArray::fromHex(hex).toBase64()));
}

void TestLineSignature::verify_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("valid");
    const QByteArray secret = "0123456789abcdef0123456789abcdef";
    const QByteArray good = LineSignature::compute(secret, "{\"events\":[]}");
    QTest::addRow("valid") << secret << good << true;
    QTest::addRow("empty header") << secret << QByteArray() << false;
    QTest::addRow("empty secret") << QByteArray() << LineSignature::compute(QByteArray(), "{\"events\":[]}") << false;
    QTest::addRow("other secret") << QByteArray("another secret") << good << false;
    QTest::addRow("one character changed") << secret << QByteArray(good).replace(0, 1, good.at(0) == 'A' ? "B" : "A")
                                           << false;
    QTest::addRow("padding missing") << secret << good.chopped(1) << false;
    QTest::addRow("extra bytes after the digest") << secret << (QByteArray::fromBase64(good) + "x").toBase64() << false;
    QTest::addRow("invalid base64") << secret << QByteArray("@@@@") << false;
}

void TestLineSignature::verify()
{
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, header);
    QFETCH(bool, valid);
    QCOMPARE(LineSignature::verify(secret, "{\"events\":[]}", header), valid);
}

QTEST_GUILESS_MAIN(TestLineSignature)
#include "TestLineSignature.moc"
