#include "core/face/HogFaceDetector.h"
#include "core/face/LandmarkModel68.h"
#include "tests/support/SampleFaces.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgproc.hpp>

#include <cmath>

using namespace mado;

// The real 68-point model on dlib's example photos, and its failures without a usable file.
class TestLandmarkModel68 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void findsLandmarksInsideTheFace_data();
    void findsLandmarksInsideTheFace();
    void smallFacesGetSubPixelPoints();
    void rejectsBadInput();
    void missingModelIsAnError();
    void corruptModelIsAnError();
    void fiveIsNotSixtyEight();
    void loadsFromAFolderWithLettersOutsideTheCodePage();

private:
    std::shared_ptr<const LandmarkModel68> m_model;
};

void TestLandmarkModel68::initTestCase()
{
    auto model = LandmarkModel68::load(ModelSet());
    QVERIFY2(model.ok(), qPrintable(model.ok() ? QString() : model.error().message));
    m_model = std::move(model).value();
}

void TestLandmarkModel68::findsLandmarksInsideTheFace_data()
{
    QTest::addColumn<QString>("path");
    QTest::addRow("bald_guys.jpg group photo") << test::baldGuysPath();
    QTest::addRow("John Salley chip") << test::johnPhoto(QStringLiteral("John_Salley"), 0);
    QTest::addRow("John Simm chip") << test::johnPhoto(QStringLiteral("John_Simm"), 4);
}

void TestLandmarkModel68::findsLandmarksInsideTheFace()
{
    QFETCH(QString, path);
    const cv::Mat bgr = test::loadBgr(path);
    QVERIFY(!bgr.empty());
    cv::Mat gray;
    cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    const std::vector<FaceBox> boxes = HogFaceDetector().detect(gray);
    QVERIFY(!boxes.empty());
    double worstMax = 0.0, worstMean = 0.0;
    for (const FaceBox &box : boxes) {
        auto fromBgr = m_model->locate(bgr, box.rect);
        auto fromGray = m_model->locate(gray, box.rect);
        QVERIFY(fromBgr.ok() && fromGray.ok());
        const Landmarks68 &lm = fromBgr.value();
        QVERIFY(lm.valid());
        QCOMPARE(int(lm.points().size()), Landmarks68::kCount);
        // The image-left eye is left of the image-right eye, the eyes above the nose tip, the nose
        // tip above the mouth and the chin: the points are in iBUG order.
        QVERIFY(lm.imageLeftEyeCentre().x < lm.imageRightEyeCentre().x);
        QVERIFY(lm.imageLeftEyeCentre().y < lm.at(Landmarks68::kNoseTip).y);
        QVERIFY(lm.at(Landmarks68::kNoseTip).y < lm.at(62).y);
        QVERIFY(lm.at(62).y < lm.at(Landmarks68::kChin).y);
        // The inner face lies inside the detection box enlarged by a quarter.
        const int grow = box.rect.width / 4;
        const cv::Rect around(box.rect.x - grow, box.rect.y - grow, box.rect.width + 2 * grow,
                              box.rect.height + 2 * grow);
        const cv::Rect2f inner = lm.innerFaceBounds();
        QVERIFY(around.contains(cv::Point(inner.tl())) && around.contains(cv::Point(inner.br())));
        QVERIFY(lm.interOcularDistance() > box.rect.width * 0.2 && lm.interOcularDistance() < box.rect.width * 0.7);
        // Colour and gray input give nearly the same shape (the predictor works on intensity;
        // dlib's and OpenCV's gray conversions differ slightly, which moves a few points).
        double largest = 0.0, sum = 0.0;
        for (int i = 0; i < Landmarks68::kCount; ++i) {
            const double d = cv::norm(lm.at(i) - fromGray.value().at(i));
            largest = std::max(largest, d);
            sum += d;
        }
        worstMax = std::max(worstMax, largest);
        worstMean = std::max(worstMean, sum / Landmarks68::kCount);
    }
    qInfo("gray vs BGR input: largest point shift %.2f px, largest mean shift %.2f px", worstMax, worstMean);
    QVERIFY(worstMax <= 6.0);
    QVERIFY(worstMean <= 2.0);
}

void TestLandmarkModel68::smallFacesGetSubPixelPoints()
{
    // A johns chip face (box about 100 px) is located on an enlarged copy: its points are not
    // whole pixels. The same face enlarged beforehand to a box over kPrecisionBoxSide is located
    // directly; both must agree once scaled back.
    const cv::Mat chip = test::loadBgr(test::johnPhoto(QStringLiteral("John_Simm"), 4));
    QVERIFY(!chip.empty());
    cv::Mat gray;
    cv::cvtColor(chip, gray, cv::COLOR_BGR2GRAY);
    const std::vector<FaceBox> boxes = HogFaceDetector().detect(gray);
    QVERIFY(!boxes.empty());
    const cv::Rect box = boxes.front().rect;
    QVERIFY(box.width < LandmarkModel68::kPrecisionBoxSide);
    auto small = m_model->locate(chip, box);
    QVERIFY(small.ok());
    int fractional = 0;
    for (const cv::Point2f &p : small.value().points())
        fractional += (p.x != std::round(p.x) || p.y != std::round(p.y)) ? 1 : 0;
    QVERIFY(fractional > Landmarks68::kCount / 2);

    const double factor = 5.0;
    cv::Mat large;
    cv::resize(chip, large, cv::Size(), factor, factor, cv::INTER_LINEAR);
    const cv::Rect largeBox(
        int(box.x * factor), int(box.y * factor), int(box.width * factor), int(box.height * factor));
    QVERIFY(largeBox.width >= LandmarkModel68::kPrecisionBoxSide);
    auto direct = m_model->locate(large, largeBox);
    QVERIFY(direct.ok());
    double sum = 0.0;
    // cv::resize aligns pixel centres: x in the enlarged image is (x + 0.5) / factor - 0.5 here.
    const cv::Point2f half(0.5f, 0.5f);
    for (int i = 0; i < Landmarks68::kCount; ++i)
        sum += cv::norm(small.value().at(i) - ((direct.value().at(i) + half) * float(1.0 / factor) - half));
    qInfo("mean distance between enlarged-copy and directly enlarged landmarks: %.3f px", sum / Landmarks68::kCount);
    QVERIFY(sum / Landmarks68::kCount < 0.5);
}

void TestLandmarkModel68::rejectsBadInput()
{
    auto empty = m_model->locate(cv::Mat(), cv::Rect(0, 0, 10, 10));
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().code, ErrorCode::InvalidArgument);
    auto noBox = m_model->locate(cv::Mat(100, 100, CV_8UC3, cv::Scalar::all(128)), cv::Rect());
    QVERIFY(!noBox.ok());
    auto floatImage = m_model->locate(cv::Mat(100, 100, CV_32FC1, cv::Scalar::all(0.5)), cv::Rect(10, 10, 50, 50));
    QVERIFY(!floatImage.ok());
    QCOMPARE(floatImage.error().code, ErrorCode::InvalidArgument);
}

void TestLandmarkModel68::missingModelIsAnError()
{
    QTemporaryDir dir;
    auto model = LandmarkModel68::load(ModelSet(dir.path()));
    QVERIFY(!model.ok());
    QCOMPARE(model.error().code, ErrorCode::ModelMissing);
    QVERIFY(model.error().message.contains(QLatin1String("shape_predictor_68_face_landmarks.dat")));
}

void TestLandmarkModel68::corruptModelIsAnError()
{
    QTemporaryDir dir;
    QFile file(ModelSet(dir.path()).path(Model::ShapePredictor68));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a dlib model");
    file.close();
    auto viaModelSet = LandmarkModel68::load(ModelSet(dir.path()));
    QVERIFY(!viaModelSet.ok());
    QCOMPARE(viaModelSet.error().code, ErrorCode::ModelCorrupt);
    // Without the checksum, dlib itself refuses the bytes; still an Error, not an exception.
    auto direct = LandmarkModel68::loadFile(file.fileName());
    QVERIFY(!direct.ok());
    QCOMPARE(direct.error().code, ErrorCode::ModelCorrupt);
}

void TestLandmarkModel68::fiveIsNotSixtyEight()
{
    auto fivePoint = ModelSet().verifiedPath(Model::ShapePredictor5);
    QVERIFY(fivePoint.ok());
    auto model = LandmarkModel68::loadFile(fivePoint.value());
    QVERIFY(!model.ok());
    QCOMPARE(model.error().code, ErrorCode::ModelCorrupt);
    QVERIFY(model.error().message.contains(QLatin1String("68-point")));
}

void TestLandmarkModel68::loadsFromAFolderWithLettersOutsideTheCodePage()
{
    // Windows reads a narrow file name in the ANSI code page: Japanese and Korean letters together
    // fit none (not 932, not 1252), so only a model opened by its Unicode path (ModelFileStream)
    // loads from here there. On Linux both ways are the same UTF-8 bytes.
    auto source = ModelSet().verifiedPath(Model::ShapePredictor68);
    QVERIFY(source.ok());
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("窓口モデル_한"));
    QVERIFY(QDir().mkpath(folder));
    const QString copy = QDir(folder).filePath(ModelSet::fileName(Model::ShapePredictor68));
    QVERIFY(QFile::copy(source.value(), copy));
    auto model = LandmarkModel68::loadFile(copy);
    QVERIFY2(model.ok(), qPrintable(model.ok() ? QString() : model.error().message));
}

QTEST_GUILESS_MAIN(TestLandmarkModel68)
#include "TestLandmarkModel68.moc"
