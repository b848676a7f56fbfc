#include "core/evaluation/CopyVariants.h"

#include <QSet>
#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace mado;

// The copy variants on a synthetic photo: what each produces, that a seed repeats it, and that the
// building blocks (JPEG round trip, rotation) do what their names say.
class TestCopyVariants : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyVariantHasANameAndAnImage();
    void framedVariantsAreCameraFrames();
    void aSeedRepeatsAVariant();
    void variantsDiffer();
    void jpegAndRotation();

private:
    static cv::Mat photo();
};

namespace {
double meanAbsDifference(const cv::Mat &a, const cv::Mat &b)
{
    cv::Mat diff;
    cv::absdiff(a, b, diff);
    const cv::Scalar m = cv::mean(diff);
    return (m[0] + m[1] + m[2]) / 3.0;
}
} // namespace

// A 400x500 "portrait": gradient background, a light ellipse with dark eyes and mouth, and
// one-pixel stripes (fine detail that a downscale loses).
cv::Mat TestCopyVariants::photo()
{
    cv::Mat bgr(500, 400, CV_8UC3);
    for (int y = 0; y < bgr.rows; ++y)
        for (int x = 0; x < bgr.cols; ++x)
            bgr.at<cv::Vec3b>(y, x) = y < 60 ? cv::Vec3b::all((x % 2) ? 40 : 215)
                                             : cv::Vec3b(uchar(x * 255 / 400), uchar(y * 255 / 500), 128);
    cv::ellipse(bgr, cv::Point(200, 240), cv::Size(110, 150), 0, 0, 360, cv::Scalar(170, 190, 220), cv::FILLED);
    cv::circle(bgr, cv::Point(160, 210), 12, cv::Scalar(40, 40, 40), cv::FILLED);
    cv::circle(bgr, cv::Point(240, 210), 12, cv::Scalar(40, 40, 40), cv::FILLED);
    cv::line(bgr, cv::Point(170, 310), cv::Point(230, 310), cv::Scalar(60, 60, 150), 6);
    return bgr;
}

void TestCopyVariants::everyVariantHasANameAndAnImage()
{
    QSet<QString> names;
    for (int v = 0; v < CopyVariants::kCount; ++v) {
        QVERIFY(!CopyVariants::name(v).isEmpty());
        names.insert(CopyVariants::name(v));
        const cv::Mat image = CopyVariants::apply(photo(), v, 1u);
        QVERIFY2(!image.empty() && image.type() == CV_8UC3, qPrintable(QString::number(v)));
    }
    QCOMPARE(names.size(), CopyVariants::kCount);
    QVERIFY(CopyVariants::name(CopyVariants::kCount).isEmpty());
    QVERIFY(CopyVariants::name(-1).isEmpty());
    QVERIFY(CopyVariants::apply(photo(), CopyVariants::kCount, 1u).empty());
}

void TestCopyVariants::framedVariantsAreCameraFrames()
{
    for (int v = 0; v < 5; ++v) {
        const cv::Mat frame = CopyVariants::apply(photo(), v, 3u);
        QCOMPARE(frame.cols, 1280);
        QCOMPARE(frame.rows, 720);
    }
    // The re-photographed card is a photo of its own size, not a 1280x720 frame.
    const cv::Mat card = CopyVariants::apply(photo(), 5, 3u);
    QVERIFY(card.size() != cv::Size(1280, 720));
    QVERIFY(card.cols > 1000);
}

void TestCopyVariants::aSeedRepeatsAVariant()
{
    for (int v = 0; v < CopyVariants::kCount; ++v) {
        const cv::Mat first = CopyVariants::apply(photo(), v, 42u);
        const cv::Mat again = CopyVariants::apply(photo(), v, 42u);
        QCOMPARE(meanAbsDifference(first, again), 0.0);
    }
    // Another seed, another frame (background colour, noise).
    QVERIFY(meanAbsDifference(CopyVariants::apply(photo(), 0, 1u), CopyVariants::apply(photo(), 0, 2u)) > 1.0);
}

void TestCopyVariants::variantsDiffer()
{
    // Same seed, so only the variant's own change differs: the JPEG q50 re-encode, the downscale,
    // the rotations.
    const cv::Mat plain = CopyVariants::apply(photo(), 0, 9u);
    for (int v = 1; v < 5; ++v)
        QVERIFY2(meanAbsDifference(plain, CopyVariants::apply(photo(), v, 9u)) > 0.1, qPrintable(QString::number(v)));
}

void TestCopyVariants::jpegAndRotation()
{
    const cv::Mat source = photo();
    const cv::Mat q95 = CopyVariants::jpegRoundTrip(source, 95);
    const cv::Mat q20 = CopyVariants::jpegRoundTrip(source, 20);
    QCOMPARE(q95.size(), source.size());
    QVERIFY(meanAbsDifference(source, q95) < meanAbsDifference(source, q20));
    QCOMPARE(meanAbsDifference(CopyVariants::rotated(source, 0.0, 1.0), source), 0.0);
    const cv::Mat turned = CopyVariants::rotated(source, 90.0, 1.0);
    QCOMPARE(turned.size(), source.size());
    QVERIFY(meanAbsDifference(turned, source) > 10.0);
}

QTEST_GUILESS_MAIN(TestCopyVariants)
#include "TestCopyVariants.moc"
