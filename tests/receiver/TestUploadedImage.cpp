#include "core/receiver/api/UploadedImage.h"
#include "tests/support/ImageFiles.h"
#include "tests/support/PhoneJpeg.h"

#include <QTest>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

using namespace mado;

namespace {

QByteArray encode(const char *extension, const std::vector<int> &parameters = {})
{
    cv::Mat image(120, 160, CV_8UC3);
    cv::randu(image, cv::Scalar::all(0), cv::Scalar::all(255));
    std::vector<uchar> bytes;
    cv::imencode(extension, image, bytes, parameters);
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
}

// A JPEG whose APP1 (EXIF-like) segment carries a whole thumbnail JPEG, end marker included.
QByteArray withThumbnail(const QByteArray &jpeg, const QByteArray &thumbnail)
{
    const QByteArray payload = QByteArray("Exif\0\0", 6) + thumbnail;
    QByteArray segment("\xFF\xE1", 2);
    segment.append(char((payload.size() + 2) >> 8));
    segment.append(char((payload.size() + 2) & 0xFF));
    return jpeg.left(2) + segment + payload + jpeg.mid(2);
}

} // namespace

// UploadedImage: type by magic bytes, limits from the header, nothing after the image's end.
class TestUploadedImage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void check_data();
    void check();
    void dataAfterTheImageIsNotKept_data();
    void dataAfterTheImageIsNotKept();
};

void TestUploadedImage::check_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("expected"); // -1 accepted, else the ErrorCode
    const QByteArray jpeg = encode(".jpg");
    const QByteArray png = encode(".png");
    const QByteArray small = encode(".jpg");
    const QByteArray script = "<script>alert(1)</script>";
    QTest::addRow("baseline JPEG") << jpeg << -1;
    QTest::addRow("progressive JPEG") << encode(".jpg", {cv::IMWRITE_JPEG_PROGRESSIVE, 1}) << -1;
    QTest::addRow("JPEG with restart markers") << encode(".jpg", {cv::IMWRITE_JPEG_RST_INTERVAL, 2}) << -1;
    QTest::addRow("JPEG with an EXIF thumbnail") << withThumbnail(jpeg, small) << -1;
    QTest::addRow("PNG") << png << -1;
    QTest::addRow("phone JPEG, EXIF orientation 6") << test::PhoneJpeg::withOrientation(jpeg, 6) << -1;
    QTest::addRow("phone JPEG, EXIF orientation 8, MM")
        << test::PhoneJpeg::withOrientation(jpeg, 8, test::PhoneJpeg::ByteOrder::Motorola) << -1;
    // Flat colours: each scan is a few bytes, so only the scan count can refuse the file.
    const cv::Mat noise = test::PhoneJpeg::asymmetricPicture(160, 120);
    QTest::addRow("progressive JPEG at the scan limit") << test::PhoneJpeg::scanBomb(noise, 64) << -1;
    QTest::addRow("progressive JPEG split into 65 scans")
        << test::PhoneJpeg::scanBomb(noise, 65) << int(ErrorCode::ImageTooLarge);
    QTest::addRow("progressive JPEG split into 200 scans")
        << test::PhoneJpeg::scanBomb(noise, 200) << int(ErrorCode::ImageTooLarge);
    // Accepted, but only the image is kept (info.end): see dataAfterTheImageIsNotKept.
    QTest::addRow("JPEG truncated in its scan") << jpeg.left(jpeg.size() - 100) << int(ErrorCode::ImageCorrupt);
    QTest::addRow("JPEG without the end marker") << jpeg.chopped(2) << int(ErrorCode::ImageCorrupt);
    QTest::addRow("PNG truncated") << png.chopped(5) << int(ErrorCode::ImageCorrupt);
    QTest::addRow("PNG claiming 60000x60000") << test::pngHeaderClaiming(60000, 60000) << int(ErrorCode::ImageTooLarge);
    QTest::addRow("PNG claiming 13000x10") << test::pngHeaderClaiming(13000, 10) << int(ErrorCode::ImageTooLarge);
    QTest::addRow("over the byte limit") << jpeg + QByteArray(300 * 1024, '\0') << int(ErrorCode::ImageTooLarge);
    QTest::addRow("GIF") << QByteArray("GIF89a\x01\x00\x01\x00\x00\x00\x00;", 14) << int(ErrorCode::ImageUnsupported);
    QTest::addRow("HTML") << QByteArray("<html><body>hello</body></html>") << int(ErrorCode::ImageUnsupported);
    QTest::addRow("empty") << QByteArray() << int(ErrorCode::ImageEmpty);
}

void TestUploadedImage::check()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, expected);
    const auto result = UploadedImage::check(bytes, ImageLimits{256 * 1024, 40'000'000, 12'000});
    if (expected < 0) {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result.value().width, 160);
    } else {
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().code), expected);
        if (QByteArray(QTest::currentDataTag()).contains("scans"))
            QVERIFY2(result.error().message.contains(QLatin1String("scans")), qPrintable(result.error().message));
    }
}

void TestUploadedImage::dataAfterTheImageIsNotKept_data()
{
    QTest::addColumn<QByteArray>("image");
    QTest::addColumn<QByteArray>("trailer");
    const QByteArray jpeg = encode(".jpg");
    const QByteArray script = "<script>alert(1)</script>";
    QTest::addRow("JPEG with a script appended") << jpeg << script;
    QTest::addRow("JPEG, script and another end marker") << jpeg << script + "\xFF\xD9";
    QTest::addRow("JPEG with a second JPEG appended (Ultra HDR gain map)") << jpeg << encode(".jpg");
    QTest::addRow("JPEG with an EXIF thumbnail and a trailer") << withThumbnail(jpeg, encode(".jpg")) << script;
    QTest::addRow("PNG with bytes after IEND") << encode(".png") << script;
    QTest::addRow("nothing after the image") << jpeg << QByteArray();
}

void TestUploadedImage::dataAfterTheImageIsNotKept()
{
    QFETCH(QByteArray, image);
    QFETCH(QByteArray, trailer);
    const auto result = UploadedImage::check(image + trailer, ImageLimits{256 * 1024, 40'000'000, 12'000});
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result.value().end, image.size());
}

QTEST_GUILESS_MAIN(TestUploadedImage)
#include "TestUploadedImage.moc"
