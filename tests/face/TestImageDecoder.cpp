#include "core/face/ImageDecoder.h"
#include "tests/support/ImageFiles.h"
#include "tests/support/PhoneJpeg.h"
#include "tests/support/TestData.h"

#include <QTemporaryDir>
#include <QElapsedTimer>
#include <QTest>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

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
    void decodesEveryOrientationUpright_data();
    void decodesEveryOrientationUpright();
    void decodesReducedPhoneJpegUpright();
    void toleratesMalformedExif_data();
    void toleratesMalformedExif();
    void acceptsProgressiveJpeg();
    void refusesScanBombBeforeDecoding();
};

namespace {

// Mean absolute difference per channel value between two images of the same size.
double meanDifference(const cv::Mat &a, const cv::Mat &b)
{
    if (a.size() != b.size() || a.type() != b.type())
        return 255.0;
    cv::Mat diff;
    cv::absdiff(a, b, diff);
    const cv::Scalar mean = cv::mean(diff);
    return (mean[0] + mean[1] + mean[2]) / 3.0;
}

} // namespace

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

void TestImageDecoder::decodesEveryOrientationUpright_data()
{
    QTest::addColumn<int>("orientation");
    QTest::addColumn<int>("order");
    for (int orientation = 1; orientation <= 8; ++orientation) {
        QTest::addRow("orientation %d, II", orientation) << orientation << int(test::PhoneJpeg::ByteOrder::Intel);
        QTest::addRow("orientation %d, MM", orientation) << orientation << int(test::PhoneJpeg::ByteOrder::Motorola);
    }
}

void TestImageDecoder::decodesEveryOrientationUpright()
{
    // A phone stores the sensor's pixels and records the turn in EXIF: the decoder must give the
    // upright picture (what the resident saw), with the stored size checked against the header.
    QFETCH(int, orientation);
    QFETCH(int, order);
    const cv::Mat upright = test::PhoneJpeg::asymmetricPicture(240, 160);
    const QByteArray bytes = test::PhoneJpeg::encode(upright, orientation, test::PhoneJpeg::ByteOrder(order));

    const auto probed = ImageProbe::probe(bytes);
    QVERIFY(probed.ok());
    QCOMPARE(probed.value().orientation, orientation);
    QCOMPARE(probed.value().uprightWidth(), 240);
    QCOMPARE(probed.value().uprightHeight(), 160);

    const auto decoded = ImageDecoder().decode(bytes);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
    QCOMPARE(decoded.value().bgr.cols, 240);
    QCOMPARE(decoded.value().bgr.rows, 160);
    QVERIFY2(meanDifference(decoded.value().bgr, upright) < 4.0,
             qPrintable(QStringLiteral("differs from the upright picture by %1")
                            .arg(meanDifference(decoded.value().bgr, upright))));
    // OpenCV's own EXIF handling agrees (an independent reading of the same tag).
    const cv::Mat raw(1, int(bytes.size()), CV_8UC1, const_cast<char *>(bytes.constData()));
    const cv::Mat opencv = cv::imdecode(raw, cv::IMREAD_COLOR);
    QVERIFY(meanDifference(decoded.value().bgr, opencv) < 1.0);
}

void TestImageDecoder::decodesReducedPhoneJpegUpright()
{
    // The face engine decodes large documents at 1/2..1/8 scale: the turn applies there too.
    const cv::Mat upright = test::PhoneJpeg::asymmetricPicture(1200, 1600); // portrait
    for (int orientation : {6, 8, 3, 5}) {
        const QByteArray bytes = test::PhoneJpeg::encode(upright, orientation);
        const auto decoded = ImageDecoder().decodeReduced(bytes, 400);
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
        // 1/4 scale keeps the long side at 400: 300x400 upright, whatever way it was stored.
        QCOMPARE(decoded.value().bgr.cols, 1200 / 4);
        QCOMPARE(decoded.value().bgr.rows, 1600 / 4);
        cv::Mat small;
        cv::resize(upright, small, cv::Size(300, 400), 0, 0, cv::INTER_AREA);
        QVERIFY(meanDifference(decoded.value().bgr, small) < 6.0);
    }
}

void TestImageDecoder::toleratesMalformedExif_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("expected");
    const QByteArray exif("Exif\0\0", 6);
    QTest::addRow("empty Exif") << exif << 1;
    QTest::addRow("bad byte order") << exif + QByteArray("XX\x2A\0\x08\0\0\0", 8) << 1;
    QTest::addRow("IFD offset past the end") << exif + QByteArray("II\x2A\0\xFF\xFF\0\0", 8) << 1;
    QTest::addRow("entry count past the end")
        << exif + QByteArray("II\x2A\0\x08\0\0\0\xFF\xFF\x12\x01\x03\0", 14) << 1;
    QTest::addRow("orientation 9") << exif + QByteArray("MM\0\x2A\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x09\0\0", 22)
                                   << 1;
    QTest::addRow("orientation as LONG")
        << exif + QByteArray("MM\0\x2A\0\0\0\x08\0\x01\x01\x12\0\x04\0\0\0\x01\0\0\0\x06", 22) << 1;
    QTest::addRow("well formed, 6")
        << exif + QByteArray("MM\0\x2A\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0", 22) << 6;
    QTest::addRow("not Exif (XMP)") << QByteArray("http://ns.adobe.com/xap/1.0/\0<x/>", 33) << 1;
}

void TestImageDecoder::toleratesMalformedExif()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, expected);
    const QByteArray bytes = test::PhoneJpeg::withApp1(test::faceFreeJpeg(64, 48), payload);
    const auto probed = ImageProbe::probe(bytes);
    QVERIFY2(probed.ok(), qPrintable(probed.ok() ? QString() : probed.error().message));
    QCOMPARE(probed.value().orientation, expected);
    const auto decoded = ImageDecoder().decode(bytes);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value().bgr.cols, expected >= 5 ? 48 : 64);
}

void TestImageDecoder::acceptsProgressiveJpeg()
{
    const cv::Mat picture = test::PhoneJpeg::asymmetricPicture(320, 240);
    const QByteArray bytes = test::PhoneJpeg::progressive(picture);
    const auto probed = ImageProbe::probe(bytes);
    QVERIFY(probed.ok());
    QVERIFY2(probed.value().jpegScans > 1 && probed.value().jpegScans <= ImageLimits{}.maxJpegScans,
             qPrintable(QString::number(probed.value().jpegScans)));
    QCOMPARE(probed.value().end, bytes.size());
    const auto decoded = ImageDecoder().decode(bytes);
    QVERIFY(decoded.ok());
    QVERIFY(meanDifference(decoded.value().bgr, picture) < 4.0);
    // A baseline file has exactly one scan.
    QCOMPARE(ImageProbe::probe(test::faceFreeJpeg(64, 48)).value().jpegScans, 1);
}

void TestImageDecoder::refusesScanBombBeforeDecoding()
{
    // Thousands of scans in a small file: libjpeg would pass over the whole image for each.
    const QByteArray bomb = test::PhoneJpeg::scanBomb(test::PhoneJpeg::asymmetricPicture(1024, 1024), 3000);
    const auto probed = ImageProbe::probe(bomb);
    QVERIFY(probed.ok());
    QCOMPARE(probed.value().jpegScans, 3000);
    QElapsedTimer timer;
    timer.start();
    const auto decoded = ImageDecoder().decode(bomb);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code, ErrorCode::ImageTooLarge);
    QVERIFY(decoded.error().message.contains(QLatin1String("3000 scans")));
    qInfo("scan bomb of %lld bytes refused in %lld ms", qlonglong(bomb.size()), qlonglong(timer.elapsed()));
    // At the limit the file is accepted: the check counts, it does not guess.
    ImageLimits limits;
    limits.maxJpegScans = 3000;
    QCOMPARE(ImageProbe::checkLimits(probed.value(), limits).ok(), true);
}

QTEST_GUILESS_MAIN(TestImageDecoder)
#include "TestImageDecoder.moc"
