#include "core/face/Landmarks68.h"

#include <QTest>

using namespace mado;

// Geometry helpers of the 68-point layout on hand-made point sets.
class TestLandmarks68 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void wrongCountIsInvalid_data();
    void wrongCountIsInvalid();
    void eyesAndDistance();
    void innerPointsLeaveOutJawAndBrows();
};

namespace {

// All points at (100, 100) except the eyes, spread horizontally around two centres.
Landmarks68 eyesAt(cv::Point2f left, cv::Point2f right)
{
    std::vector<cv::Point2f> points(Landmarks68::kCount, cv::Point2f(100.f, 100.f));
    for (int i = 0; i < 6; ++i) {
        const float dx = float(i % 3) - 1.f;
        points[std::size_t(36 + i)] = left + cv::Point2f(dx * 4.f, 0.f);
        points[std::size_t(42 + i)] = right + cv::Point2f(dx * 4.f, 0.f);
    }
    return Landmarks68(points);
}

} // namespace

void TestLandmarks68::wrongCountIsInvalid_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("valid");
    QTest::addRow("none") << 0 << false;
    QTest::addRow("5-point shape") << 5 << false;
    QTest::addRow("67 points") << 67 << false;
    QTest::addRow("68 points") << 68 << true;
    QTest::addRow("69 points") << 69 << false;
}

void TestLandmarks68::wrongCountIsInvalid()
{
    QFETCH(int, count);
    QFETCH(bool, valid);
    QCOMPARE(Landmarks68(std::vector<cv::Point2f>(std::size_t(count))).valid(), valid);
}

void TestLandmarks68::eyesAndDistance()
{
    const Landmarks68 lm = eyesAt({40.f, 50.f}, {70.f, 90.f});
    QVERIFY(lm.valid());
    QCOMPARE(lm.imageLeftEyeCentre(), cv::Point2f(40.f, 50.f));
    QCOMPARE(lm.imageRightEyeCentre(), cv::Point2f(70.f, 90.f));
    QCOMPARE(lm.interOcularDistance(), 50.0); // 30-40-50 triangle
}

void TestLandmarks68::innerPointsLeaveOutJawAndBrows()
{
    const std::vector<int> &inner = Landmarks68::innerIndices();
    QCOMPARE(int(inner.size()), 68 - 27);
    for (int i : inner)
        QVERIFY(i >= 27 && i < 68);
    std::vector<cv::Point2f> points;
    for (int i = 0; i < Landmarks68::kCount; ++i)
        points.emplace_back(float(i), float(2 * i));
    const Landmarks68 lm(points);
    const std::vector<cv::Point2f> selected = lm.select({30, 8});
    QCOMPARE(selected.size(), std::size_t(2));
    QCOMPARE(selected[0], cv::Point2f(30.f, 60.f));
    QCOMPARE(selected[1], cv::Point2f(8.f, 16.f));
    // Brows to mouth: 17..67.
    QCOMPARE(lm.innerFaceBounds(), cv::Rect2f(17.f, 34.f, 50.f, 100.f));
}

QTEST_GUILESS_MAIN(TestLandmarks68)
#include "TestLandmarks68.moc"
