#include "core/face/HeadTurnCheck.h"
#include "tests/support/FaceLandmarkFinder.h"
#include "tests/support/FaceSynthesis.h"
#include "tests/support/SampleFaces.h"
#include "tests/support/TestData.h"

#include <QTest>

using namespace mado;

Q_DECLARE_METATYPE(mado::ChallengeDirection)

// The direction decision: every reason code on hand-made poses at the default thresholds, then
// real photos whose pose was measured (TestHeadPose) and judged by eye.
class TestHeadTurnCheck : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void decidesMeasuredPoses_data();
    void decidesMeasuredPoses();
    void thresholdsComeFromTheStruct();
    void directionNamesRoundTrip();
    void realPhotos_data();
    void realPhotos();

private:
    std::unique_ptr<test::FaceLandmarkFinder> m_finder;
    cv::Mat m_group;
    std::vector<test::FoundFace> m_faces;
    cv::Mat m_mirrored;
    std::vector<test::FoundFace> m_mirroredFaces;
};

void TestHeadTurnCheck::initTestCase()
{
    auto finder = test::FaceLandmarkFinder::load();
    QVERIFY2(finder.ok(), qPrintable(finder.ok() ? QString() : finder.error().message));
    m_finder = std::move(finder).value();
    m_group = test::loadBgr(test::baldGuysPath());
    QVERIFY(!m_group.empty());
    m_faces = m_finder->all(m_group);
    m_mirrored = test::mirrored(m_group);
    m_mirroredFaces = m_finder->all(m_mirrored);
}

void TestHeadTurnCheck::decidesMeasuredPoses_data()
{
    QTest::addColumn<ChallengeDirection>("asked");
    QTest::addColumn<double>("yaw");
    QTest::addColumn<double>("pitch");
    QTest::addColumn<double>("roll");
    QTest::addColumn<QString>("reason");

    using D = ChallengeDirection;
    const QString ok = QStringLiteral("ok");
    QTest::addRow("front, straight") << D::Front << 2.0 << -4.0 << 1.0 << ok;
    QTest::addRow("front, turned 15") << D::Front << 15.0 << 0.0 << 0.0 << QStringLiteral("not_frontal");
    QTest::addRow("front, chin up 14") << D::Front << 0.0 << 14.0 << 0.0 << QStringLiteral("not_frontal");
    QTest::addRow("left 20") << D::Left << 20.0 << 3.0 << 0.0 << ok;
    QTest::addRow("left asked, right turned") << D::Left << -20.0 << 0.0 << 0.0 << QStringLiteral("wrong_direction");
    QTest::addRow("left 8: too small") << D::Left << 8.0 << 0.0 << 0.0 << QStringLiteral("turn_too_small");
    QTest::addRow("left asked, barely right") << D::Left << -5.0 << 0.0 << 0.0 << QStringLiteral("turn_too_small");
    QTest::addRow("right 25") << D::Right << -25.0 << -5.0 << 0.0 << ok;
    QTest::addRow("right asked, left turned") << D::Right << 25.0 << 0.0 << 0.0 << QStringLiteral("wrong_direction");
    QTest::addRow("left 15 but pitch 20") << D::Left << 15.0 << 20.0 << 0.0 << QStringLiteral("off_axis");
    QTest::addRow("up 15") << D::Up << 4.0 << 15.0 << 0.0 << ok;
    QTest::addRow("up asked, looks down") << D::Up << 0.0 << -15.0 << 0.0 << QStringLiteral("wrong_direction");
    QTest::addRow("down 18") << D::Down << -3.0 << -18.0 << 0.0 << ok;
    QTest::addRow("down asked, turned sideways") << D::Down << 30.0 << -12.0 << 0.0 << QStringLiteral("off_axis");
    QTest::addRow("left 20, head tilted 30") << D::Left << 20.0 << 0.0 << 30.0 << QStringLiteral("head_tilted");
    QTest::addRow("front, head tilted -28") << D::Front << 0.0 << 0.0 << -28.0 << QStringLiteral("head_tilted");
}

void TestHeadTurnCheck::decidesMeasuredPoses()
{
    QFETCH(ChallengeDirection, asked);
    QFETCH(double, yaw);
    QFETCH(double, pitch);
    QFETCH(double, roll);
    QFETCH(QString, reason);
    const HeadTurnDecision decision = HeadTurnCheck().evaluate(asked, HeadPose{yaw, pitch, roll});
    QCOMPARE(decision.reason, reason);
    QCOMPARE(decision.passed, reason == QLatin1String("ok"));
}

void TestHeadTurnCheck::thresholdsComeFromTheStruct()
{
    const HeadPose turned{14.0, 0.0, 0.0};
    QCOMPARE(HeadTurnCheck().evaluate(ChallengeDirection::Left, turned).reason, QStringLiteral("ok"));
    HeadTurnThresholds strict;
    strict.minYaw = 20.0;
    QCOMPARE(HeadTurnCheck(strict).evaluate(ChallengeDirection::Left, turned).reason, QStringLiteral("turn_too_small"));
    HeadTurnThresholds tolerant;
    tolerant.frontMaxYaw = 20.0;
    QVERIFY(!HeadTurnCheck().evaluate(ChallengeDirection::Front, turned).passed);
    QVERIFY(HeadTurnCheck(tolerant).evaluate(ChallengeDirection::Front, turned).passed);
}

void TestHeadTurnCheck::directionNamesRoundTrip()
{
    for (ChallengeDirection d : {ChallengeDirection::Front, ChallengeDirection::Left, ChallengeDirection::Right,
                                 ChallengeDirection::Up, ChallengeDirection::Down}) {
        const QString name = challengeDirectionName(d);
        QVERIFY(!name.isEmpty());
        QCOMPARE(challengeDirectionFromName(name), std::optional<ChallengeDirection>(d));
    }
    QCOMPARE(challengeDirectionFromName(QStringLiteral("sideways")), std::nullopt);
}

void TestHeadTurnCheck::realPhotos_data()
{
    QTest::addColumn<int>("face");
    QTest::addColumn<bool>("mirror");
    QTest::addColumn<ChallengeDirection>("asked");
    QTest::addColumn<QString>("reason");

    using D = ChallengeDirection;
    const QString ok = QStringLiteral("ok");
    // Poses measured in TestHeadPose; directions judged by eye (face 16 turned to their left,
    // face 6 looks down, face 13 looks straight).
    QTest::addRow("face 16 asked left") << 16 << false << D::Left << ok;
    QTest::addRow("face 16 asked right") << 16 << false << D::Right << QStringLiteral("wrong_direction");
    QTest::addRow("face 16 mirrored asked right") << 16 << true << D::Right << ok;
    QTest::addRow("face 16 mirrored asked left") << 16 << true << D::Left << QStringLiteral("wrong_direction");
    QTest::addRow("face 16 asked front") << 16 << false << D::Front << QStringLiteral("not_frontal");
    QTest::addRow("face 6 asked down") << 6 << false << D::Down << ok;
    QTest::addRow("face 6 asked up") << 6 << false << D::Up << QStringLiteral("wrong_direction");
    QTest::addRow("face 13 asked front") << 13 << false << D::Front << ok;
    QTest::addRow("face 13 asked left") << 13 << false << D::Left << QStringLiteral("turn_too_small");
}

void TestHeadTurnCheck::realPhotos()
{
    QFETCH(int, face);
    QFETCH(bool, mirror);
    QFETCH(ChallengeDirection, asked);
    QFETCH(QString, reason);
    cv::Point point = test::baldGuysFacePoint(face);
    if (mirror)
        point.x = m_group.cols - 1 - point.x;
    const test::FoundFace *found = test::FaceLandmarkFinder::faceAt(mirror ? m_mirroredFaces : m_faces, point);
    QVERIFY(found);
    auto pose = HeadPose::estimate(found->landmarks, m_group.size());
    QVERIFY(pose.ok());
    const HeadTurnDecision decision = HeadTurnCheck().evaluate(asked, pose.value());
    qInfo("yaw %.1f pitch %.1f roll %.1f -> %s", pose.value().yaw, pose.value().pitch, pose.value().roll,
          qPrintable(decision.reason));
    QCOMPARE(decision.reason, reason);
}

QTEST_GUILESS_MAIN(TestHeadTurnCheck)
#include "TestHeadTurnCheck.moc"
