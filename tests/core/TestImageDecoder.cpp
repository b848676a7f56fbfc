#include "core/face/ImageDecoder.h"
#include "tests/support/ImageFiles.h"
#include "tests/support/TestData.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mado;

class TestImageDecoder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void probesJpegAndPngHeaders();
    void refusesBadInput_data();
    void refusesBadInput();
    void checksPixelLimitBeforeDecoding();
    void decodesRealPhoto();
    void refusesFileOverByteLimit();
};

void TestImageDecoder::probesJpegAndPngHeaders()
{
    const QByteArray jpeg = test::faceFreeJpeg(321, 123);
    auto jpegInfo = ImageProbe::probe(jpeg);
    QVERIFY2(jpegInfo.ok(), qPrintable(jpegInfo.ok() ? QString() : jpegInfo.error().message));
    QCOMPARE(jpegInfo.value().format, ImageFormat::Jpeg);
    QCOMPARE(jpegInfo.value().width, 321);
    QCOMPARE(jpegInfo.value().height, 123);

    auto pngInfo = ImageProbe::probe(test::pngHeaderClaiming(60000, 50000));
    QVERIFY(pngInfo.ok());
    QCOMPARE(pngInfo.value().format, ImageFormat::Png);
    QCOMPARE(pngInfo.value().width, 60000);
    QCOMPARE(pngInfo.value().height, 50000);
}

void TestImageDecoder::refusesBadInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<ErrorCode>("expected");
    const QByteArray jpeg = test::faceFreeJpeg();
    QTest::addRow("zero bytes") << QByteArray() << ErrorCode::ImageEmpty;
    QTest::addRow("text file") << QByteArray("hello, this is not an image\n") << ErrorCode::ImageUnsupported;
    QTest::addRow("gif") << QByteArray("GIF89a\x01\x00\x01\x00", 10) << ErrorCode::ImageUnsupported;
    QTest::addRow("jpeg cut in its header") << jpeg.left(60) << ErrorCode::ImageCorrupt;
    QTest::addRow("png without IHDR") << QByteArray("\x89PNG\r\n\x1A\n\0\0\0\0IEND", 16) << ErrorCode::ImageCorrupt;
    QTest::addRow("png 60000x60000") << test::pngHeaderClaiming(60000, 60000) << ErrorCode::ImageTooLarge;
    QTest::addRow("jpeg cut in its image data") << jpeg.left(jpeg.size() / 2) << ErrorCode::ImageCorrupt;
    QByteArray zeroFilled = jpeg.left(jpeg.size() / 3);
    zeroFilled.append(QByteArray(4096, '\x00'));
    QTest::addRow("jpeg cut and zero-filled") << zeroFilled << ErrorCode::ImageCorrupt;
    const QByteArray png = test::faceFreePng();
    QTest::addRow("png cut in its image data") << png.left(png.size() / 2) << ErrorCode::ImageCorrupt;
}

void TestImageDecoder::refusesBadInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(ErrorCode, expected);
    const auto decoded = ImageDecoder().decode(bytes);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code, expected);
    QVERIFY(!decoded.error().message.isEmpty());
}

void TestImageDecoder::checksPixelLimitBeforeDecoding()
{
    // A 4000x4000 PNG is refused under a 10 MP limit; its stub body proves no decode was tried
    // (a decode attempt would fail as ImageCorrupt instead).
    ImageLimits limits;
    limits.maxPixels = 10'000'000;
    const auto decoded = ImageDecoder(limits).decode(test::pngHeaderClaiming(4000, 4000));
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code, ErrorCode::ImageTooLarge);
    QVERIFY(decoded.error().message.contains(QLatin1String("4000x4000")));
}

void TestImageDecoder::decodesRealPhoto()
{
    const QString path = test::johnPhoto(QStringLiteral("John_Salley"), 0);
    QVERIFY2(!path.isEmpty(), "dlib's example photos are missing: run installer/dev/fetch-models.sh");
    const auto decoded = ImageDecoder().decodeFile(path);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
    QCOMPARE(decoded.value().bgr.cols, decoded.value().info.width);
    QCOMPARE(decoded.value().bgr.type(), CV_8UC3);
    QVERIFY(decoded.value().bgr.isContinuous());
}

void TestImageDecoder::refusesFileOverByteLimit()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.jpg"));
    QVERIFY(test::writeFile(path, test::faceFreeJpeg(800, 600)));
    ImageLimits limits;
    limits.maxBytes = 1000;
    const auto decoded = ImageDecoder(limits).decodeFile(path);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code, ErrorCode::ImageTooLarge);

    const auto missing = ImageDecoder().decodeFile(dir.filePath(QStringLiteral("none.jpg")));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::Io);
}

QTEST_GUILESS_MAIN(TestImageDecoder)
#include "TestImageDecoder.moc"
