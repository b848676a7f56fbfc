#include "core/face/ImageDecoder.h"
#include "core/store/ImageSanitizer.h"
#include "tests/support/ImageFiles.h"
#include "tests/support/JpegSegments.h"

#include <QTest>

#include <opencv2/core.hpp>

using namespace mado;

// Every image is decoded and encoded again before it is stored: metadata and appended data are gone.
class TestImageSanitizer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dropsExifGps();
    void cleansAJpegZipPolyglot();
    void keepsThePicture();
    void refuses_data();
    void refuses();
};

void TestImageSanitizer::dropsExifGps()
{
    const QByteArray hostile = test::JpegSegments::withExifGps(test::faceFreeJpeg(320, 240));
    // The input really carries an Exif APP1 with GPS and still decodes.
    QVERIFY(test::JpegSegments::markers(hostile).contains(0xE1));
    QVERIFY(hostile.contains(QByteArray("Exif\0\0", 6)));
    QVERIFY(ImageDecoder().decode(hostile).ok());

    auto clean = ImageSanitizer().sanitize(hostile, QStringLiteral("document_front"));
    QVERIFY(clean.ok());
    const QList<int> markers = test::JpegSegments::markers(clean.value().jpeg());
    QVERIFY2(!markers.isEmpty() && markers.last() == 0xDA, "the output is a JPEG with a scan");
    QVERIFY2(!markers.contains(0xE1), "no APP1 (Exif/XMP) segment");
    for (int marker : markers)
        QVERIFY2(marker < 0xE1 || marker > 0xEF || marker == 0xE0, "only APP0 (JFIF) may remain");
    QVERIFY(!clean.value().jpeg().contains(QByteArray("Exif")));
    QCOMPARE(clean.value().width(), 320);
    QCOMPARE(clean.value().height(), 240);
}

void TestImageSanitizer::cleansAJpegZipPolyglot()
{
    const QByteArray jpeg = test::faceFreeJpeg(320, 240);
    const QByteArray polyglot = test::JpegSegments::withZipAppended(jpeg);
    QVERIFY(polyglot.startsWith(jpeg));
    QVERIFY(polyglot.contains(QByteArray("PK\x03\x04", 4)));
    QVERIFY(polyglot.contains(QByteArray("PK\x05\x06", 4)));
    QVERIFY(ImageDecoder().decode(polyglot).ok()); // a JPEG reader accepts it

    auto clean = ImageSanitizer().sanitize(polyglot, QStringLiteral("frame0"));
    QVERIFY(clean.ok());
    const QByteArray out = clean.value().jpeg();
    QVERIFY(!out.contains(QByteArray("PK\x03\x04", 4)));
    QVERIFY(!out.contains(QByteArray("PK\x01\x02", 4)));
    QVERIFY(!out.contains(QByteArray("payload.txt")));
    // Ends right at EOI: nothing trails the image.
    QVERIFY(out.endsWith(QByteArray("\xFF\xD9", 2)));
    QVERIFY(clean.value().sha256() != clean.value().sourceSha256());
    QCOMPARE(clean.value().role(), QStringLiteral("frame0"));
}

void TestImageSanitizer::keepsThePicture()
{
    const QByteArray jpeg = test::faceFreeJpeg(200, 100);
    auto before = ImageDecoder().decode(jpeg);
    auto clean = ImageSanitizer().sanitize(jpeg, QStringLiteral("frame1"));
    QVERIFY(clean.ok());
    auto after = ImageDecoder().decode(clean.value().jpeg());
    QVERIFY(after.ok());
    QCOMPARE(after.value().bgr.cols, before.value().bgr.cols);
    // Re-encoding at quality 92 changes pixels only slightly.
    const double meanDifference =
        cv::norm(before.value().bgr, after.value().bgr, cv::NORM_L1) / double(before.value().bgr.total() * 3);
    QVERIFY2(meanDifference < 6.0, qPrintable(QString::number(meanDifference)));
}

void TestImageSanitizer::refuses_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("code");
    QTest::addRow("decompression bomb header")
        << test::pngHeaderClaiming(50000, 50000) << int(ErrorCode::ImageTooLarge);
    QTest::addRow("not an image") << QByteArray("PK\x03\x04 just a zip", 15) << int(ErrorCode::ImageUnsupported);
    QTest::addRow("empty") << QByteArray() << int(ErrorCode::ImageEmpty);
}

void TestImageSanitizer::refuses()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, code);
    auto result = ImageSanitizer().sanitize(bytes, QStringLiteral("frame0"));
    QVERIFY(!result.ok());
    QCOMPARE(int(result.error().code), code);
}

QTEST_GUILESS_MAIN(TestImageSanitizer)
#include "TestImageSanitizer.moc"
