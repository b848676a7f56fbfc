#include "core/face/ImageDecoder.h"
#include "core/face/PerceptualHash.h"
#include "tests/support/TestData.h"

#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace mado;

// The replay hash on real photos: the same picture survives re-encoding, different photos do not.
class TestPerceptualHash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void samePictureAfterTransforms_data();
    void samePictureAfterTransforms();
    void differentPhotosDiffer();
    void findsTheDuplicateInJohns();
    void hexRoundTrip();

private:
    static cv::Mat load(const QString &path) { return ImageDecoder().decodeFile(path).value().bgr; }
};

void TestPerceptualHash::samePictureAfterTransforms_data()
{
    QTest::addColumn<int>("transform");
    QTest::addRow("JPEG quality 40") << 0;
    QTest::addRow("scaled to 60 %%") << 1;
    QTest::addRow("Gaussian blur 1 px") << 2;
    QTest::addRow("brightness +20") << 3;
}

void TestPerceptualHash::samePictureAfterTransforms()
{
    QFETCH(int, transform);
    const cv::Mat original = load(test::sample(QStringLiteral("faces/2008_002506.jpg")));
    cv::Mat changed;
    switch (transform) {
    case 0: {
        std::vector<uchar> bytes;
        cv::imencode(".jpg", original, bytes, {cv::IMWRITE_JPEG_QUALITY, 40});
        changed = cv::imdecode(bytes, cv::IMREAD_COLOR);
        break;
    }
    case 1:
        cv::resize(original, changed, cv::Size(), 0.6, 0.6, cv::INTER_AREA);
        break;
    case 2:
        cv::GaussianBlur(original, changed, cv::Size(0, 0), 1.0);
        break;
    default:
        original.convertTo(changed, -1, 1.0, 20);
    }
    const int bits = PerceptualHash::distance(PerceptualHash::of(original), PerceptualHash::of(changed));
    qInfo("%d bits differ", bits);
    QVERIFY(bits <= PerceptualHash::kSameImageMaxBits);
}

void TestPerceptualHash::differentPhotosDiffer()
{
    // Every pair of the different scenes in dlib's faces/ folder.
    const QStringList scenes{QStringLiteral("2007_007763.jpg"), QStringLiteral("2008_001009.jpg"),
                             QStringLiteral("2008_001322.jpg"), QStringLiteral("2008_002079.jpg"),
                             QStringLiteral("2008_002470.jpg"), QStringLiteral("2008_002506.jpg"),
                             QStringLiteral("2008_004176.jpg"), QStringLiteral("2008_007676.jpg"),
                             QStringLiteral("2009_004587.jpg"), QStringLiteral("bald_guys.jpg")};
    std::vector<std::uint64_t> hashes;
    for (const QString &scene : scenes)
        hashes.push_back(PerceptualHash::of(load(test::sample(QStringLiteral("faces/") + scene))));
    int closest = 64;
    for (std::size_t i = 0; i < hashes.size(); ++i) {
        for (std::size_t j = i + 1; j < hashes.size(); ++j)
            closest = std::min(closest, PerceptualHash::distance(hashes[i], hashes[j]));
    }
    qInfo("closest pair of different photos: %d bits", closest);
    QVERIFY(closest > PerceptualHash::kSameImageMaxBits);
}

void TestPerceptualHash::findsTheDuplicateInJohns()
{
    // dlib's johns/John_Shimkus holds the same picture under two names: a real replay.
    const cv::Mat a = load(test::sample(QStringLiteral("johns/John_Shimkus/000378_02340151.jpg")));
    const cv::Mat b = load(test::sample(QStringLiteral("johns/John_Shimkus/000378_03227610.jpg")));
    QCOMPARE(PerceptualHash::distance(PerceptualHash::of(a), PerceptualHash::of(b)), 0);
}

void TestPerceptualHash::hexRoundTrip()
{
    const std::uint64_t hash = 0x0123456789abcdefULL;
    QCOMPARE(PerceptualHash::toHex(hash), QStringLiteral("0123456789abcdef"));
    QCOMPARE(PerceptualHash::fromHex(PerceptualHash::toHex(hash)), hash);
}

QTEST_GUILESS_MAIN(TestPerceptualHash)
#include "TestPerceptualHash.moc"
