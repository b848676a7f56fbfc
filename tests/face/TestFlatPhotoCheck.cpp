#include "core/face/FlatPhotoCheck.h"
#include "core/face/HeadPose.h"
#include "core/face/HeadTurnCheck.h"
#include "tests/support/FaceLandmarkFinder.h"
#include "tests/support/FaceSynthesis.h"
#include "tests/support/SampleFaces.h"

#include <QMap>
#include <QTest>

#include <algorithm>

using namespace mado;

// The flat-photo residual on real photos: a print of one photo tilted in 3-D (synthetic attack,
// perspective f = 1000 px) against two different real photos of the same person.
class TestFlatPhotoCheck : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tiltedPrintIsFlat_data();
    void tiltedPrintIsFlat();
    void differentPhotosOfOnePersonAreNotFlat_data();
    void differentPhotosOfOnePersonAreNotFlat();
    void averagesSeveralTurnedFrames();
    void residualIgnoresScaleAndPosition();
    void invalidInputIsAnError();
    void measuresAllSamples();

private:
    struct Print {
        cv::Mat image;
        Landmarks68 frontal;
    };
    // A square print around face `face` of bald_guys.jpg, and its landmarks as photographed flat.
    Result<Print> print(int face);
    Result<Landmarks68> tilted(const Print &print, double yaw, double pitch);
    const test::FoundFace *groupFace(int face) const;

    std::unique_ptr<test::FaceLandmarkFinder> m_finder;
    cv::Mat m_group;
    std::vector<test::FoundFace> m_faces;
};

void TestFlatPhotoCheck::initTestCase()
{
    auto finder = test::FaceLandmarkFinder::load();
    QVERIFY2(finder.ok(), qPrintable(finder.ok() ? QString() : finder.error().message));
    m_finder = std::move(finder).value();
    m_group = test::loadBgr(test::baldGuysPath());
    QVERIFY(!m_group.empty());
    m_faces = m_finder->all(m_group);
    QCOMPARE(int(m_faces.size()), test::kBaldGuysFaces);
    // Who is who comes from the shipped hand labels: every detected face is labelled, 4 people x 6.
    QMap<QString, int> facesPerPerson;
    for (int face = 0; face < test::kBaldGuysFaces; ++face) {
        QVERIFY(groupFace(face));
        ++facesPerPerson[test::baldGuysPerson(face)];
    }
    QCOMPARE(facesPerPerson.size(), 4);
    QVERIFY(!facesPerPerson.contains(QString()));
    for (int count : facesPerPerson)
        QCOMPARE(count, 6);
}

const test::FoundFace *TestFlatPhotoCheck::groupFace(int face) const
{
    return test::FaceLandmarkFinder::faceAt(m_faces, test::baldGuysFacePoint(face));
}

Result<TestFlatPhotoCheck::Print> TestFlatPhotoCheck::print(int face)
{
    const test::FoundFace *found = groupFace(face);
    if (!found)
        return Error{ErrorCode::NoFace, QStringLiteral("no face %1").arg(face)};
    const cv::Rect box = found->box.rect;
    const int side = box.width * 22 / 10;
    const cv::Rect area = cv::Rect(box.x + box.width / 2 - side / 2, box.y + box.height / 2 - side / 2, side, side) &
                          cv::Rect(0, 0, m_group.cols, m_group.rows);
    Print p;
    p.image = m_group(area).clone();
    auto flat = m_finder->largest(p.image);
    if (!flat)
        return flat.error();
    p.frontal = flat.value().landmarks;
    return p;
}

Result<Landmarks68> TestFlatPhotoCheck::tilted(const Print &p, double yaw, double pitch)
{
    auto found = m_finder->largest(test::tiltedPlaneView(p.image, yaw, pitch));
    if (!found)
        return found.error();
    return found.value().landmarks;
}

void TestFlatPhotoCheck::tiltedPrintIsFlat_data()
{
    QTest::addColumn<int>("face");
    QTest::addColumn<double>("yaw");
    QTest::addColumn<double>("pitch");
    // Prints of frontal photos (measured |yaw| < 7 degrees), one or two per person, turned as a
    // plane by 20-35 degrees about the vertical axis or tilted 20 degrees about the horizontal one.
    for (int face : {1, 5, 12, 14}) {
        QTest::addRow("face %d turned 25", face) << face << 25.0 << 0.0;
        QTest::addRow("face %d turned -30", face) << face << -30.0 << 0.0;
        QTest::addRow("face %d turned 35", face) << face << 35.0 << 0.0;
        QTest::addRow("face %d tilted 20", face) << face << 0.0 << 20.0;
    }
    QTest::addRow("face 13 turned -20") << 13 << -20.0 << 0.0;
}

void TestFlatPhotoCheck::tiltedPrintIsFlat()
{
    QFETCH(int, face);
    QFETCH(double, yaw);
    QFETCH(double, pitch);
    auto p = print(face);
    QVERIFY(p.ok());
    auto turned = tilted(p.value(), yaw, pitch);
    QVERIFY(turned.ok());
    auto decision = FlatPhotoCheck().evaluate(p.value().frontal, {turned.value()});
    QVERIFY(decision.ok());
    qInfo("residual %.4f -> %s", decision.value().residual, qPrintable(decision.value().reason));
    QVERIFY(decision.value().flatSuspected);
    QCOMPARE(decision.value().reason, QStringLiteral("flat_photo_suspected"));
}

void TestFlatPhotoCheck::differentPhotosOfOnePersonAreNotFlat_data()
{
    QTest::addColumn<int>("frontal");
    QTest::addColumn<int>("turned");
    // Pairs of the same person (SampleFaces person letter) whose measured yaw differs by 15 degrees
    // or more; the first face of each pair is the more frontal one.
    QTest::addRow("person C: 2 -> 7") << 2 << 7;
    QTest::addRow("person C: 5 -> 11") << 5 << 11;
    QTest::addRow("person D: 14 -> 10") << 14 << 10;
    QTest::addRow("person D: 4 -> 3") << 4 << 3;
    QTest::addRow("person B: 13 -> 16") << 13 << 16;
    QTest::addRow("person A: 12 -> 9") << 12 << 9;
}

void TestFlatPhotoCheck::differentPhotosOfOnePersonAreNotFlat()
{
    QFETCH(int, frontal);
    QFETCH(int, turned);
    QCOMPARE(test::baldGuysPerson(frontal), test::baldGuysPerson(turned));
    const test::FoundFace *a = groupFace(frontal);
    const test::FoundFace *b = groupFace(turned);
    QVERIFY(a && b);
    auto poseA = HeadPose::estimate(a->landmarks, m_group.size());
    auto poseB = HeadPose::estimate(b->landmarks, m_group.size());
    QVERIFY(poseA.ok() && poseB.ok());
    QVERIFY(std::abs(poseB.value().yaw - poseA.value().yaw) >= 15.0);
    auto decision = FlatPhotoCheck().evaluate(a->landmarks, {b->landmarks});
    QVERIFY(decision.ok());
    qInfo("yaw %.1f -> %.1f, residual %.4f -> %s", poseA.value().yaw, poseB.value().yaw, decision.value().residual,
          qPrintable(decision.value().reason));
    QVERIFY(!decision.value().flatSuspected);
    QCOMPARE(decision.value().reason, QStringLiteral("ok"));
}

void TestFlatPhotoCheck::averagesSeveralTurnedFrames()
{
    const test::FoundFace *frontal = groupFace(5);
    const test::FoundFace *first = groupFace(7);
    const test::FoundFace *second = groupFace(11);
    QVERIFY(frontal && first && second);
    const double a = FlatPhotoCheck::residual(frontal->landmarks, first->landmarks).value();
    const double b = FlatPhotoCheck::residual(frontal->landmarks, second->landmarks).value();
    auto both = FlatPhotoCheck().evaluate(frontal->landmarks, {first->landmarks, second->landmarks});
    QVERIFY(both.ok());
    QCOMPARE(both.value().residual, (a + b) / 2.0);
    QVERIFY(a != b);

    // The threshold comes from the struct: a real pair is flagged once the bar is above it.
    FlatPhotoThresholds strict;
    strict.minGenuineResidual = std::max(a, b) + 0.01;
    auto flagged = FlatPhotoCheck(strict).evaluate(frontal->landmarks, {first->landmarks, second->landmarks});
    QVERIFY(flagged.ok() && flagged.value().flatSuspected);
}

void TestFlatPhotoCheck::residualIgnoresScaleAndPosition()
{
    // A frame that is the frontal frame shifted and scaled (the same photo, moved) is exactly
    // a homography away: residual near 0 whatever the size.
    const test::FoundFace *face = groupFace(0);
    QVERIFY(face);
    std::vector<cv::Point2f> moved;
    for (const cv::Point2f &pt : face->landmarks.points())
        moved.push_back(pt * 0.5f + cv::Point2f(37.f, -12.f));
    auto r = FlatPhotoCheck::residual(face->landmarks, Landmarks68(moved));
    QVERIFY(r.ok());
    QVERIFY(r.value() < 1e-4);
}

void TestFlatPhotoCheck::invalidInputIsAnError()
{
    const test::FoundFace *face = groupFace(0);
    QVERIFY(face);
    auto none = FlatPhotoCheck::residual(Landmarks68(), face->landmarks);
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, ErrorCode::InvalidArgument);
    auto collapsed = FlatPhotoCheck::residual(Landmarks68(std::vector<cv::Point2f>(68)), face->landmarks);
    QVERIFY(!collapsed.ok());
    auto noFrames = FlatPhotoCheck().evaluate(face->landmarks, {});
    QVERIFY(!noFrames.ok());
    QCOMPARE(noFrames.error().code, ErrorCode::InvalidArgument);
}

void TestFlatPhotoCheck::measuresAllSamples()
{
    // Every face of bald_guys.jpg as a print turned +-20, +-30, +-35 degrees and tilted +-20,
    // against every pair of real photos of one person at least 10 degrees of yaw apart.
    // Prints whose flat frame fails the frontal check are counted apart: the challenge would
    // already reject them.
    const FlatPhotoCheck check;
    const HeadTurnCheck turnCheck;
    std::vector<double> attacks, attacksFrontal, attacksBothSides, genuine, genuineBothSides;
    int undetected = 0;
    double worstModerateFrontalAttack = 0.0; // frontal prints turned at most 30 degrees
    for (int face = 0; face < test::kBaldGuysFaces; ++face) {
        auto p = print(face);
        QVERIFY(p.ok());
        auto flatPose = HeadPose::estimate(p.value().frontal, p.value().image.size());
        QVERIFY(flatPose.ok());
        const bool frontal = turnCheck.evaluate(ChallengeDirection::Front, flatPose.value()).passed;
        for (const auto &[yaw, pitch] : std::vector<std::pair<double, double>>{
                 {20, 0}, {-20, 0}, {30, 0}, {-30, 0}, {35, 0}, {-35, 0}, {0, 20}, {0, -20}}) {
            auto turned = tilted(p.value(), yaw, pitch);
            if (!turned) {
                ++undetected;
                continue;
            }
            const double r = FlatPhotoCheck::residual(p.value().frontal, turned.value()).value();
            if (r >= check.thresholds().minGenuineResidual)
                qInfo("attack passing as genuine: face %d turned %.0f tilted %.0f, flat frame %s, residual %.4f", face,
                      yaw, pitch, frontal ? "frontal" : "not frontal", r);
            attacks.push_back(r);
            if (frontal)
                attacksFrontal.push_back(r);
            if (frontal && std::abs(yaw) <= 30.0)
                worstModerateFrontalAttack = std::max(worstModerateFrontalAttack, r);
        }
        // The challenge asks for both sides: the same print turned left and right, averaged.
        for (double yaw : {20.0, 30.0, 35.0}) {
            auto left = tilted(p.value(), yaw, 0.0);
            auto right = tilted(p.value(), -yaw, 0.0);
            if (!left || !right || !frontal)
                continue;
            attacksBothSides.push_back(
                check.evaluate(p.value().frontal, {left.value(), right.value()}).value().residual);
        }
    }
    for (int a = 0; a < test::kBaldGuysFaces; ++a) {
        for (int b = 0; b < test::kBaldGuysFaces; ++b) {
            if (a == b || test::baldGuysPerson(a) != test::baldGuysPerson(b))
                continue;
            const test::FoundFace *fa = groupFace(a);
            const test::FoundFace *fb = groupFace(b);
            QVERIFY(fa && fb);
            const double yawA = HeadPose::estimate(fa->landmarks, m_group.size()).value().yaw;
            const double yawB = HeadPose::estimate(fb->landmarks, m_group.size()).value().yaw;
            // Each unordered pair once, the more frontal photo first.
            if (std::abs(yawA) > std::abs(yawB) || (std::abs(yawA) == std::abs(yawB) && a > b))
                continue;
            if (std::abs(yawB - yawA) < 10.0)
                continue;
            genuine.push_back(FlatPhotoCheck::residual(fa->landmarks, fb->landmarks).value());
        }
    }
    // Real photos on both sides of a frontal one (each >= 10 degrees away), averaged like the attacks.
    for (int f = 0; f < test::kBaldGuysFaces; ++f) {
        const test::FoundFace *ff = groupFace(f);
        const double yawF = HeadPose::estimate(ff->landmarks, m_group.size()).value().yaw;
        if (!turnCheck.evaluate(ChallengeDirection::Front, HeadPose::estimate(ff->landmarks, m_group.size()).value())
                 .passed)
            continue;
        for (int l = 0; l < test::kBaldGuysFaces; ++l) {
            for (int r = 0; r < test::kBaldGuysFaces; ++r) {
                if (test::baldGuysPerson(l) != test::baldGuysPerson(f) ||
                    test::baldGuysPerson(r) != test::baldGuysPerson(f))
                    continue;
                const test::FoundFace *fl = groupFace(l);
                const test::FoundFace *fr = groupFace(r);
                if (HeadPose::estimate(fl->landmarks, m_group.size()).value().yaw < yawF + 10.0 ||
                    HeadPose::estimate(fr->landmarks, m_group.size()).value().yaw > yawF - 10.0)
                    continue;
                genuineBothSides.push_back(
                    check.evaluate(ff->landmarks, {fl->landmarks, fr->landmarks}).value().residual);
            }
        }
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    auto countAtLeast = [](const std::vector<double> &v, double t) {
        return int(std::count_if(v.begin(), v.end(), [t](double r) { return r >= t; }));
    };
    const double t = check.thresholds().minGenuineResidual;
    const int attacksPassed = countAtLeast(attacks, t);
    const int frontalAttacksPassed = countAtLeast(attacksFrontal, t);
    const int genuineRejected = int(genuine.size()) - countAtLeast(genuine, t);
    qInfo("attacks: n=%zu (%d frames without a face), median %.4f, passed as genuine at %.3f: %d",
          attacks.size(), undetected, median(attacks), t, attacksPassed);
    qInfo("attacks from prints that pass the frontal check: n=%zu, median %.4f, passed: %d", attacksFrontal.size(),
          median(attacksFrontal), frontalAttacksPassed);
    qInfo("largest residual of a frontal print turned at most 30 degrees: %.4f", worstModerateFrontalAttack);
    qInfo("genuine pairs >= 10 degrees apart: n=%zu, median %.4f, min %.4f, rejected as flat: %d", genuine.size(),
          median(genuine), *std::min_element(genuine.begin(), genuine.end()), genuineRejected);
    qInfo(
        "both sides averaged: attacks n=%zu, median %.4f, max %.4f, passed: %d; genuine n=%zu, median %.4f, min %.4f, "
        "rejected: %d",
        attacksBothSides.size(), median(attacksBothSides),
        *std::max_element(attacksBothSides.begin(), attacksBothSides.end()), countAtLeast(attacksBothSides, t),
        genuineBothSides.size(), median(genuineBothSides),
        *std::min_element(genuineBothSides.begin(), genuineBothSides.end()),
        int(genuineBothSides.size()) - countAtLeast(genuineBothSides, t));
    for (double candidate : {0.015, 0.018, 0.020, 0.022, 0.025})
        qInfo("at %.3f: attacks passed %d/%zu (frontal prints %d/%zu), genuine rejected %zu/%zu", candidate,
              countAtLeast(attacks, candidate), attacks.size(), countAtLeast(attacksFrontal, candidate),
              attacksFrontal.size(), genuine.size() - std::size_t(countAtLeast(genuine, candidate)), genuine.size());
    // Regression bounds with margin around what was measured when the threshold was chosen
    // (docs/face-engine.md), not targets.
    QVERIFY(attacks.size() >= 180);
    QVERIFY(median(attacks) < 0.010);
    QVERIFY(median(genuine) > 0.035);
    QVERIFY(frontalAttacksPassed <= int(attacksFrontal.size()) / 20);
    QVERIFY(genuineRejected <= int(genuine.size()) / 10);
}

QTEST_GUILESS_MAIN(TestFlatPhotoCheck)
#include "TestFlatPhotoCheck.moc"
