#include "core/face/QualityGates.h"
#include "tests/support/FaceLandmarkFinder.h"
#include "tests/support/FaceSynthesis.h"
#include "tests/support/SampleFaces.h"
#include "tests/support/TestData.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace mado;

Q_DECLARE_METATYPE(mado::GateLevel)

// Quality gates on real photos made worse on purpose: blurred, darkened, overexposed, shrunk,
// cropped. A face is named by its number in bald_guys.jpg (tests/support/SampleFaces.h) or as a
// johns chip; the real HOG detector and 68-point model find it.
class TestQualityGates : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sharpness_data();
    void sharpness();
    void sharpnessIgnoresExposure();
    void exposure_data();
    void exposure();
    void faceSize_data();
    void faceSize();
    void framing_data();
    void framing();
    void overallIsTheWorstGate();
    void invalidInputIsAnError();

private:
    struct Subject {
        cv::Mat image;
        test::FoundFace face;
    };
    // `face` >= 0: that face of bald_guys.jpg; otherwise `john` = "Person/index" names a chip.
    Subject subject(int face, const QString &john);
    std::unique_ptr<test::FaceLandmarkFinder> m_finder;
    cv::Mat m_group;
    std::vector<test::FoundFace> m_groupFaces;
};

void TestQualityGates::initTestCase()
{
    auto finder = test::FaceLandmarkFinder::load();
    QVERIFY2(finder.ok(), qPrintable(finder.ok() ? QString() : finder.error().message));
    m_finder = std::move(finder).value();
    m_group = test::loadBgr(test::baldGuysPath());
    QVERIFY(!m_group.empty());
    m_groupFaces = m_finder->all(m_group);
    QCOMPARE(int(m_groupFaces.size()), test::kBaldGuysFaces);
}

TestQualityGates::Subject TestQualityGates::subject(int face, const QString &john)
{
    if (face >= 0) {
        const test::FoundFace *found = test::FaceLandmarkFinder::faceAt(m_groupFaces, test::baldGuysFacePoint(face));
        return found ? Subject{m_group, *found} : Subject{};
    }
    const QStringList parts = john.split(QLatin1Char('/'));
    const cv::Mat chip = test::loadBgr(test::johnPhoto(parts.value(0), parts.value(1).toInt()));
    if (chip.empty())
        return {};
    auto found = m_finder->largest(chip);
    return found ? Subject{chip, found.value()} : Subject{};
}

void TestQualityGates::sharpness_data()
{
    QTest::addColumn<int>("face");
    QTest::addColumn<QString>("john");
    // Blur as a standard deviation at the gate's standard face scale (inter-ocular distance of
    // QualityGates::kSharpnessIod px), converted to the photo's pixels in the test.
    QTest::addColumn<double>("blurAtStandardScale");
    QTest::addColumn<GateLevel>("level");

    const QString none;
    QTest::addRow("face 0 as taken") << 0 << none << 0.0 << GateLevel::Pass;
    QTest::addRow("face 0 blurred") << 0 << none << 3.0 << GateLevel::Fail;
    QTest::addRow("face 4 as taken") << 4 << none << 0.0 << GateLevel::Pass;
    QTest::addRow("face 4 blurred") << 4 << none << 3.0 << GateLevel::Fail;
    QTest::addRow("face 14 as taken") << 14 << none << 0.0 << GateLevel::Pass;
    QTest::addRow("face 14 blurred") << 14 << none << 3.0 << GateLevel::Fail;
    QTest::addRow("face 16 as taken") << 16 << none << 0.0 << GateLevel::Pass;
    QTest::addRow("face 16 blurred") << 16 << none << 3.0 << GateLevel::Fail;
    QTest::addRow("face 12 slightly blurred") << 12 << none << 1.5 << GateLevel::Warn;
    QTest::addRow("Salley 1 chip as taken") << -1 << QStringLiteral("John_Salley/1") << 0.0 << GateLevel::Pass;
    QTest::addRow("Salley 1 chip blurred") << -1 << QStringLiteral("John_Salley/1") << 3.0 << GateLevel::Fail;
    QTest::addRow("Simm 5 chip as taken") << -1 << QStringLiteral("John_Simm/5") << 0.0 << GateLevel::Pass;
    QTest::addRow("Simm 5 chip blurred") << -1 << QStringLiteral("John_Simm/5") << 3.0 << GateLevel::Fail;
}

void TestQualityGates::sharpness()
{
    QFETCH(int, face);
    QFETCH(QString, john);
    QFETCH(double, blurAtStandardScale);
    QFETCH(GateLevel, level);
    const Subject s = subject(face, john);
    QVERIFY(!s.image.empty());
    const double iod = s.face.landmarks.interOcularDistance();
    const cv::Mat image = blurAtStandardScale > 0.0
                              ? test::blurred(s.image, blurAtStandardScale * iod / QualityGates::kSharpnessIod)
                              : s.image;
    const auto report = QualityGates().evaluate(image, s.face.landmarks);
    QVERIFY(report.ok());
    const GateResult *gate = report.value().gate(QStringLiteral("sharpness"));
    QVERIFY(gate);
    qInfo("inter-ocular %.0f px, sharpness %.2f -> %s", iod, gate->value, qPrintable(gate->reason));
    QCOMPARE(gate->level, level);
    QCOMPARE(gate->reason, level == GateLevel::Pass ? QStringLiteral("ok") : QStringLiteral("blurred"));
}

void TestQualityGates::sharpnessIgnoresExposure()
{
    // The figure is normalised by the face's contrast: darkening must not make a face "blurred".
    const Subject s = subject(14, QString());
    QVERIFY(!s.image.empty());
    const double asTaken = QualityGates::sharpness(s.image, s.face.landmarks);
    const double darker = QualityGates::sharpness(test::scaledIntensity(s.image, 0.4), s.face.landmarks);
    qInfo("sharpness as taken %.2f, at 40 %% intensity %.2f", asTaken, darker);
    QVERIFY(std::abs(darker - asTaken) < 0.15 * asTaken);
}

void TestQualityGates::exposure_data()
{
    QTest::addColumn<int>("face");
    QTest::addColumn<QString>("john");
    QTest::addColumn<double>("intensity");
    QTest::addColumn<GateLevel>("level");
    QTest::addColumn<QString>("reason");

    const QString none;
    const QString ok = QStringLiteral("ok");
    const QString dark = QStringLiteral("too_dark");
    QTest::addRow("face 0 as taken") << 0 << none << 1.0 << GateLevel::Pass << ok;
    QTest::addRow("face 0 at 55 percent") << 0 << none << 0.55 << GateLevel::Warn << dark;
    QTest::addRow("face 0 at 25 percent") << 0 << none << 0.25 << GateLevel::Fail << dark;
    QTest::addRow("face 14 as taken") << 14 << none << 1.0 << GateLevel::Pass << ok;
    QTest::addRow("face 14 at 25 percent") << 14 << none << 0.25 << GateLevel::Fail << dark;
    QTest::addRow("face 3 at 150 percent") << 3 << none << 1.5 << GateLevel::Fail << QStringLiteral("clipped");
    QTest::addRow("Simm 4 chip as taken") << -1 << QStringLiteral("John_Simm/4") << 1.0 << GateLevel::Pass << ok;
    QTest::addRow("Simm 4 chip at 20 percent") << -1 << QStringLiteral("John_Simm/4") << 0.2 << GateLevel::Fail << dark;
    // Mean about 219 alone would only warn (too_bright); 39 percent of the face is clipped white.
    QTest::addRow("Simm 4 chip at 170 percent") << -1 << QStringLiteral("John_Simm/4") << 1.7 << GateLevel::Fail
                                                << QStringLiteral("clipped");
}

void TestQualityGates::exposure()
{
    QFETCH(int, face);
    QFETCH(QString, john);
    QFETCH(double, intensity);
    QFETCH(GateLevel, level);
    QFETCH(QString, reason);
    const Subject s = subject(face, john);
    QVERIFY(!s.image.empty());
    const cv::Mat image = test::scaledIntensity(s.image, intensity);
    const QualityGates::Exposure measured = QualityGates::exposure(image, s.face.landmarks);
    const auto report = QualityGates().evaluate(image, s.face.landmarks);
    QVERIFY(report.ok());
    const GateResult *gate = report.value().gate(QStringLiteral("exposure"));
    QVERIFY(gate);
    qInfo("mean %.1f clipped %.3f -> %s", measured.mean, measured.clippedFraction, qPrintable(gate->reason));
    QCOMPARE(gate->reason, reason);
    QCOMPARE(gate->level, level);
}

void TestQualityGates::faceSize_data()
{
    QTest::addColumn<int>("face");
    QTest::addColumn<double>("scale");
    QTest::addColumn<GateLevel>("level");
    // Face 0 has an inter-ocular distance of about 120 px as taken.
    QTest::addRow("face 0 as taken") << 0 << 1.0 << GateLevel::Pass;
    QTest::addRow("face 0 at 30 percent") << 0 << 0.30 << GateLevel::Warn;
    QTest::addRow("face 0 at 17 percent") << 0 << 0.17 << GateLevel::Fail;
    QTest::addRow("face 23 as taken") << 23 << 1.0 << GateLevel::Warn; // about 39 px
}

void TestQualityGates::faceSize()
{
    QFETCH(int, face);
    QFETCH(double, scale);
    QFETCH(GateLevel, level);
    const Subject s = subject(face, QString());
    QVERIFY(!s.image.empty());
    cv::Mat small;
    cv::resize(s.image, small, cv::Size(), scale, scale, cv::INTER_AREA);
    const cv::Rect &r = s.face.box.rect;
    // The detector box scaled with the image: HOG itself does not find faces this small.
    const cv::Rect box(int(r.x * scale), int(r.y * scale), int(r.width * scale), int(r.height * scale));
    auto landmarks = m_finder->at(small, box);
    QVERIFY(landmarks.ok());
    const auto report = QualityGates().evaluate(small, landmarks.value());
    QVERIFY(report.ok());
    const GateResult *gate = report.value().gate(QStringLiteral("face_size"));
    QVERIFY(gate);
    qInfo("inter-ocular %.1f px -> %s", gate->value, qPrintable(gate->reason));
    QCOMPARE(gate->level, level);
    QCOMPARE(gate->reason, level == GateLevel::Pass ? QStringLiteral("ok") : QStringLiteral("face_too_small"));
}

void TestQualityGates::framing_data()
{
    QTest::addColumn<int>("face");
    // Where the picture is cut below the face, as a share of the way from the eyes (0) to the
    // chin (1); 0 = not cut.
    QTest::addColumn<double>("cutAt");
    QTest::addColumn<GateLevel>("level");
    QTest::addColumn<QString>("reason");
    QTest::addRow("face 0 whole picture") << 0 << 0.0 << GateLevel::Pass << QStringLiteral("ok");
    QTest::addRow("face 0 cut below the nose") << 0 << 0.5 << GateLevel::Fail << QStringLiteral("face_cut_off");
    QTest::addRow("face 0 cut below the mouth") << 0 << 0.8 << GateLevel::Fail << QStringLiteral("face_cut_off");
    QTest::addRow("face 0 cut just below the chin") << 0 << 1.08 << GateLevel::Warn << QStringLiteral("face_near_edge");
    QTest::addRow("face 14 cut below the nose") << 14 << 0.5 << GateLevel::Fail << QStringLiteral("face_cut_off");
}

void TestQualityGates::framing()
{
    QFETCH(int, face);
    QFETCH(double, cutAt);
    QFETCH(GateLevel, level);
    QFETCH(QString, reason);
    const Subject s = subject(face, QString());
    QVERIFY(!s.image.empty());
    cv::Mat image = s.image;
    if (cutAt > 0.0) {
        const Landmarks68 &lm = s.face.landmarks;
        const float eyes = (lm.imageLeftEyeCentre().y + lm.imageRightEyeCentre().y) / 2.f;
        const int bottom = int(eyes + cutAt * (lm.at(Landmarks68::kChin).y - eyes));
        image = s.image.rowRange(0, bottom).clone();
    }
    // Detect again in the cut picture when the detector still sees the face (what production does);
    // otherwise keep the box from the whole picture (same coordinates: the cut keeps the top-left).
    const std::vector<test::FoundFace> found = m_finder->all(image);
    const test::FoundFace *again = test::FaceLandmarkFinder::faceAt(found, test::baldGuysFacePoint(face));
    Landmarks68 landmarks;
    if (again) {
        landmarks = again->landmarks;
    } else {
        auto located = m_finder->at(image, s.face.box.rect);
        QVERIFY(located.ok());
        landmarks = located.value();
    }
    const QualityGates::Framing measured = QualityGates::framing(image.size(), landmarks);
    const auto report = QualityGates().evaluate(image, landmarks);
    QVERIFY(report.ok());
    const GateResult *gate = report.value().gate(QStringLiteral("framing"));
    QVERIFY(gate);
    qInfo("%s box; %d points outside, closest %.1f px to the border -> %s", again ? "redetected" : "original",
          measured.pointsOutside, measured.closestToBorder, qPrintable(gate->reason));
    QCOMPARE(gate->reason, reason);
    QCOMPARE(gate->level, level);
}

void TestQualityGates::overallIsTheWorstGate()
{
    const Subject s = subject(0, QString());
    QVERIFY(!s.image.empty());
    const auto good = QualityGates().evaluate(s.image, s.face.landmarks);
    QVERIFY(good.ok());
    QCOMPARE(good.value().gates.size(), std::size_t(4));
    QCOMPARE(good.value().overall, GateLevel::Pass);
    const cv::Mat bad = test::scaledIntensity(test::blurred(s.image, 8.0), 0.25);
    const auto badReport = QualityGates().evaluate(bad, s.face.landmarks);
    QVERIFY(badReport.ok());
    const QualityReport &report = badReport.value();
    qInfo("blurred and darkened: sharpness %.2f, mean %.1f", report.gate(QStringLiteral("sharpness"))->value,
          report.gate(QStringLiteral("exposure"))->value);
    QCOMPARE(report.overall, GateLevel::Fail);
    QCOMPARE(report.gate(QStringLiteral("sharpness"))->reason, QStringLiteral("blurred"));
    QCOMPARE(report.gate(QStringLiteral("exposure"))->reason, QStringLiteral("too_dark"));
    QCOMPARE(report.gate(QStringLiteral("face_size"))->level, GateLevel::Pass);
    QCOMPARE(gateLevelName(report.overall), QStringLiteral("fail"));
}

void TestQualityGates::invalidInputIsAnError()
{
    const Subject s = subject(0, QString());
    QVERIFY(!s.image.empty());
    auto noLandmarks = QualityGates().evaluate(s.image, Landmarks68());
    QVERIFY(!noLandmarks.ok());
    QCOMPARE(noLandmarks.error().code, ErrorCode::InvalidArgument);
    cv::Mat floating;
    s.image.convertTo(floating, CV_32FC3);
    auto wrongType = QualityGates().evaluate(floating, s.face.landmarks);
    QVERIFY(!wrongType.ok());
    QCOMPARE(wrongType.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(QualityGates::sharpness(floating, s.face.landmarks), 0.0);
    QCOMPARE(QualityGates::exposure(cv::Mat(), s.face.landmarks).mean, 0.0);
}

QTEST_GUILESS_MAIN(TestQualityGates)
#include "TestQualityGates.moc"
