#include "core/face/CaseVerifier.h"
#include "core/face/ImageDecoder.h"
#include "core/bundle/CaseBundleReader.h"
#include "core/evaluation/SampleCaseWriter.h"
#include "core/face/HogFaceDetector.h"
#include "tests/support/FaceSynthesis.h"
#include "tests/support/SampleFaces.h"
#include "tests/support/ImageFiles.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace mado;

// The whole verification of generated case bundles with the real models: one case per situation
// a clerk must be warned about, plus a genuine one.
class TestCaseVerifier : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void genuineCaseMatches();
    void otherPersonOnTheDocumentMismatches();
    void personChangesHalfWay();
    void repeatedFrameIsAReplay();
    void tiltedPhotoIsFlat();
    void idPhotoAsSelfieIsFlagged_data();
    void idPhotoAsSelfieIsFlagged();
    void framesOutsideTheChallengeWindow();
    void documentWithoutCardFallsBack();
    void frameWithoutFaceFailsTheChallenge();
    void verdictSurvivesJsonRoundTrip();
    void verifiesOnTheOnlyThreadOfTheGlobalPool();

private:
    cv::Mat photo(const QString &person, int index) const;
    // Five different real photos of one person of bald_guys.jpg (a person of the shipped labels), cut out.
    std::vector<cv::Mat> baldPhotos(const QString &person) const;
    Verdict verify(const SampleCaseWriter::Input &input, const std::function<void(CaseBundle &)> &edit = {});
    SampleCaseWriter::Input genuine(const QString &person) const;

    QTemporaryDir m_dir;
    std::unique_ptr<CaseVerifier> m_verifier;
    int m_sequence = 0;
};

void TestCaseVerifier::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto thresholds = FaceThresholds::shipped();
    QVERIFY2(thresholds.ok(), qPrintable(thresholds.ok() ? QString() : thresholds.error().message));
    auto verifier = CaseVerifier::load(ModelSet(), thresholds.value());
    QVERIFY2(verifier.ok(), qPrintable(verifier.ok() ? QString() : verifier.error().message));
    m_verifier = std::move(verifier).value();
}

cv::Mat TestCaseVerifier::photo(const QString &person, int index) const
{
    auto decoded = ImageDecoder().decodeFile(test::johnPhoto(person, index));
    return decoded.ok() ? decoded.value().bgr : cv::Mat();
}

std::vector<cv::Mat> TestCaseVerifier::baldPhotos(const QString &person) const
{
    const cv::Mat group = test::loadBgr(test::baldGuysPath());
    cv::Mat gray;
    cv::cvtColor(group, gray, cv::COLOR_BGR2GRAY);
    HogFaceDetector detector;
    const std::vector<FaceBox> faces = detector.detect(gray, gray.cols);
    std::vector<cv::Mat> photos;
    for (int i = 0; i < test::kBaldGuysFaces; ++i) {
        if (test::baldGuysPerson(i) != person)
            continue;
        for (const FaceBox &f : faces) {
            if (f.rect.contains(test::baldGuysFacePoint(i))) {
                const cv::Rect crop = cv::Rect(f.rect.x - f.rect.width / 2, f.rect.y - f.rect.height / 2, f.rect.width * 2,
                                               f.rect.height * 2) &
                                      cv::Rect(0, 0, group.cols, group.rows);
                photos.push_back(group(crop).clone());
            }
        }
    }
    return photos;
}

SampleCaseWriter::Input TestCaseVerifier::genuine(const QString &person) const
{
    SampleCaseWriter::Input input;
    input.portrait = photo(person, 0);
    for (int i = 1; i <= 4; ++i)
        input.frames.push_back(photo(person, i));
    input.documentPhotoSize = cv::Size(1600, 1200);
    return input;
}

Verdict TestCaseVerifier::verify(const SampleCaseWriter::Input &original, const std::function<void(CaseBundle &)> &edit)
{
    SampleCaseWriter::Input input = original;
    input.sequence = ++m_sequence;
    input.seed = unsigned(m_sequence);
    const QString dir = m_dir.filePath(QStringLiteral("case%1").arg(m_sequence));
    auto written = SampleCaseWriter::write(dir, input);
    if (!written.ok())
        qFatal("cannot write the sample case: %s", qPrintable(written.error().message));
    CaseBundle bundle = written.value();
    if (edit)
        edit(bundle);
    auto verdict = m_verifier->verifyBundle(bundle, dir);
    if (!verdict.ok())
        qFatal("verification failed: %s", qPrintable(verdict.error().message));
    return verdict.value();
}

void TestCaseVerifier::genuineCaseMatches()
{
    // Five different photos of one man: on the card and as the four frames.
    const std::vector<cv::Mat> photos = baldPhotos(QStringLiteral("Jason_Statham"));
    QVERIFY(photos.size() >= 5);
    SampleCaseWriter::Input input;
    input.portrait = photos[0];
    input.frames.assign(photos.begin() + 1, photos.begin() + 5);
    input.documentPhotoSize = cv::Size(1600, 1200);
    const Verdict v = verify(input);
    QCOMPARE(v.band, QStringLiteral("match"));
    QCOMPARE(v.check(QStringLiteral("face_match"))->outcome, Outcome::Pass);
    QCOMPARE(v.check(QStringLiteral("document_face"))->reason, QStringLiteral("ok"));
    QVERIFY(v.document.cardFound);
    QCOMPARE(v.document.portraitSource, QStringLiteral("card"));
    QCOMPARE(v.check(QStringLiteral("same_person"))->outcome, Outcome::Pass);
    QCOMPARE(v.check(QStringLiteral("replay"))->outcome, Outcome::Pass);
    QCOMPARE(v.check(QStringLiteral("capture_window"))->outcome, Outcome::Pass);
    QCOMPARE(v.frames.size(), std::size_t(4));
    for (const FrameEvidence &f : v.frames) {
        QVERIFY(f.face.found);
        QVERIFY(f.poseMeasured);
        QCOMPARE(f.face.landmarks.size(), std::size_t(136));
    }
    QVERIFY(v.timingsMs.value(QStringLiteral("total")) > 0.0);
    QCOMPARE(v.modelSha256.size(), 3);
}

void TestCaseVerifier::otherPersonOnTheDocumentMismatches()
{
    SampleCaseWriter::Input input = genuine(QStringLiteral("John_Simm"));
    input.portrait = photo(QStringLiteral("John_Salley"), 0);
    const Verdict v = verify(input);
    QCOMPARE(v.band, QStringLiteral("mismatch"));
    QCOMPARE(v.check(QStringLiteral("face_match"))->outcome, Outcome::Fail);
    QCOMPARE(v.check(QStringLiteral("same_person"))->outcome, Outcome::Pass);
    QCOMPARE(v.overall(), Outcome::Fail);
}

void TestCaseVerifier::personChangesHalfWay()
{
    SampleCaseWriter::Input input = genuine(QStringLiteral("John_Savage"));
    input.frames[2] = photo(QStringLiteral("John_Shimkus"), 2);
    input.frames[3] = photo(QStringLiteral("John_Shimkus"), 3);
    const Verdict v = verify(input);
    const Check *same = v.check(QStringLiteral("same_person"));
    qInfo("largest distance to the frontal frame: %.3f", same->value);
    QCOMPARE(same->outcome, Outcome::Fail);
    QCOMPARE(same->reason, QStringLiteral("different_person"));
}

void TestCaseVerifier::repeatedFrameIsAReplay()
{
    // The same camera frame sent for two steps.
    SampleCaseWriter::Input input = genuine(QStringLiteral("John_Schneider"));
    input.frames[1] = SampleCaseWriter::cameraFrame(input.frames[1], cv::Size(1280, 720), 7);
    input.frames[2] = input.frames[1];
    const Verdict v = verify(input);
    const Check *replay = v.check(QStringLiteral("replay"));
    QCOMPARE(replay->outcome, Outcome::Fail);
    QCOMPARE(replay->reason, QStringLiteral("duplicate_image:frame1=frame2"));
}

void TestCaseVerifier::idPhotoAsSelfieIsFlagged_data()
{
    QTest::addColumn<QString>("person");
    QTest::addColumn<int>("variant");
    QTest::addRow("John_Savage, the card's photo as the frontal frame") << QStringLiteral("John_Savage") << 0;
    QTest::addRow("John_Salley, JPEG q60, rotated 6 deg, scaled 0.8") << QStringLiteral("John_Salley") << 1;
    QTest::addRow("John_Simm, the card's photo as turned frame 2") << QStringLiteral("John_Simm") << 2;
}

void TestCaseVerifier::idPhotoAsSelfieIsFlagged()
{
    // The demo's "ID photo sent as the selfie": the picture on the card comes back as a frame.
    // Replay (same-case hashes) and face_match (a very good "match") do not see it.
    QFETCH(QString, person);
    QFETCH(int, variant);
    SampleCaseWriter::Input input = genuine(person);
    cv::Mat copy = input.portrait.clone();
    if (variant == 1) {
        const cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(copy.cols / 2.0f, copy.rows / 2.0f), 6.0, 0.8);
        cv::warpAffine(copy, copy, m, copy.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
        std::vector<uchar> bytes;
        cv::imencode(".jpg", copy, bytes, {cv::IMWRITE_JPEG_QUALITY, 60});
        copy = cv::imdecode(bytes, cv::IMREAD_COLOR);
    }
    input.frames[variant == 2 ? 2 : 0] = copy;
    const Verdict v = verify(input);
    const Check *copied = v.check(QStringLiteral("selfie_copies_document"));
    QVERIFY(copied);
    qInfo("closest frame to the document: %.3f (replay %s, face_match %s)", copied->value,
          qPrintable(v.check(QStringLiteral("replay"))->reason), qPrintable(v.check(QStringLiteral("face_match"))->reason));
    QCOMPARE(copied->outcome, Outcome::Warn);
    QCOMPARE(copied->reason, QStringLiteral("frame%1:copy_of_document").arg(variant == 2 ? 2 : 0));
    QVERIFY(v.overall() != Outcome::Pass);
    // The same person with different photos on the card and as frames is not flagged.
    const Verdict genuineVerdict = verify(genuine(person));
    QCOMPARE(genuineVerdict.check(QStringLiteral("selfie_copies_document"))->outcome, Outcome::Pass);
}

void TestCaseVerifier::tiltedPhotoIsFlat()
{
    // The frontal photo held up and tilted as a plane for every step.
    SampleCaseWriter::Input input = genuine(QStringLiteral("John_Simm"));
    const cv::Mat frontal = SampleCaseWriter::cameraFrame(input.frames[0], cv::Size(1280, 720), 5);
    input.frames = {frontal, test::tiltedPlaneView(frontal, 30, 0), test::tiltedPlaneView(frontal, 0, 25),
                    test::tiltedPlaneView(frontal, -30, 0)};
    const Verdict v = verify(input);
    const Check *flat = v.check(QStringLiteral("flat_photo"));
    qInfo("residual of the tilted photo: %.4f", flat->value);
    QCOMPARE(flat->outcome, Outcome::Fail);
    QCOMPARE(flat->reason, QStringLiteral("flat_photo_suspected"));
}

void TestCaseVerifier::framesOutsideTheChallengeWindow()
{
    const Verdict v = verify(genuine(QStringLiteral("John_Simm")), [](CaseBundle &bundle) {
        bundle.frames[3].capturedAt = bundle.challenge.expiresAt.addSecs(30);
    });
    const Check *window = v.check(QStringLiteral("capture_window"));
    QCOMPARE(window->outcome, Outcome::Fail);
    QCOMPARE(window->reason, QStringLiteral("frame3:outside_challenge_window"));
}

void TestCaseVerifier::documentWithoutCardFallsBack()
{
    // A bare photo instead of a card: the portrait is the photo's face, and the verdict says so.
    SampleCaseWriter::Input input = genuine(QStringLiteral("John_Simm"));
    const QString dir = m_dir.filePath(QStringLiteral("nocard"));
    input.sequence = 900;
    auto written = SampleCaseWriter::write(dir, input);
    QVERIFY(written.ok());
    CaseImages images = m_verifier->decode(written.value(), dir).value();
    images.document = SampleCaseWriter::cameraFrame(photo(QStringLiteral("John_Simm"), 0), cv::Size(1280, 960), 3);
    auto verdict = m_verifier->verify(written.value(), images);
    QVERIFY(verdict.ok());
    const Verdict &v = verdict.value();
    QVERIFY(!v.document.cardFound);
    QCOMPARE(v.document.portraitSource, QStringLiteral("whole_image"));
    QCOMPARE(v.check(QStringLiteral("document_face"))->reason, QStringLiteral("card_not_found"));
    QVERIFY(v.notes.contains(QStringLiteral("document_card_not_found")));
    QCOMPARE(v.band, QStringLiteral("match"));
}

void TestCaseVerifier::frameWithoutFaceFailsTheChallenge()
{
    SampleCaseWriter::Input input = genuine(QStringLiteral("John_Savage"));
    input.frames[2] = ImageDecoder().decode(test::faceFreeJpeg(1280, 720)).value().bgr;
    const Verdict v = verify(input);
    QVERIFY(!v.frames[2].face.found);
    QCOMPARE(v.frames[2].stepReason, QStringLiteral("no_face"));
    QCOMPARE(v.check(QStringLiteral("challenge"))->outcome, Outcome::Fail);
    QCOMPARE(v.check(QStringLiteral("image_quality"))->outcome, Outcome::Fail);
    QCOMPARE(v.check(QStringLiteral("image_quality"))->reason, QStringLiteral("frame2:no_face"));
}

void TestCaseVerifier::verdictSurvivesJsonRoundTrip()
{
    const Verdict v = verify(genuine(QStringLiteral("John_Shimkus")));
    const QJsonObject json = v.toJson();
    // Through text, as the store keeps it.
    const QJsonObject reparsed = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
    auto back = Verdict::fromJson(reparsed);
    QVERIFY(back.ok());
    QCOMPARE(back.value().toJson(), json);
    QCOMPARE(back.value().frames[2].yaw, v.frames[2].yaw);
    QCOMPARE(back.value().document.face.landmarks, v.document.face.landmarks);
    QCOMPARE(back.value().overall(), v.overall());

    QJsonObject future = json;
    future.insert(QStringLiteral("formatVersion"), 99);
    QVERIFY(!Verdict::fromJson(future).ok());
}

void TestCaseVerifier::verifiesOnTheOnlyThreadOfTheGlobalPool()
{
    // The workstation verifies on the global pool (runInBackground). On a pool of one thread the
    // verification holds that thread: its parallel decoding and analysis must not wait for tasks
    // queued on the global pool, which could never start (QtConcurrent's blocking map on a full
    // pool waits for ever). They run on the verifier's own lanes, here one.
    auto thresholds = FaceThresholds::shipped();
    QVERIFY(thresholds.ok());
    auto oneLane = CaseVerifier::load(ModelSet(), thresholds.value(), 1);
    QVERIFY(oneLane.ok());
    const QString dir = m_dir.filePath(QStringLiteral("pool"));
    auto written = SampleCaseWriter::write(dir, genuine(QStringLiteral("John_Simm")));
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
    QThreadPool *pool = QThreadPool::globalInstance();
    const int threads = pool->maxThreadCount();
    pool->setMaxThreadCount(1);
    CaseVerifier &verifier = *oneLane.value();
    const CaseBundle bundle = written.value();
    QFuture<Result<Verdict>> verdict = QtConcurrent::run([&verifier, bundle, dir] { return verifier.verifyBundle(bundle, dir); });
    const bool finished = QTest::qWaitFor([&verdict] { return verdict.isFinished(); }, 120000);
    pool->setMaxThreadCount(threads);
    QVERIFY2(finished, "the verification waited for the global pool it was holding");
    QVERIFY(verdict.result().ok());
    // The same verdict as on the test's own thread with two lanes.
    const auto direct = m_verifier->verifyBundle(bundle, dir);
    QVERIFY(direct.ok());
    QCOMPARE(verdict.result().value().band, direct.value().band);
    QCOMPARE(verdict.result().value().matchDistance, direct.value().matchDistance);
    QCOMPARE(verdict.result().value().frames.size(), std::size_t(4));
}

QTEST_GUILESS_MAIN(TestCaseVerifier)
#include "TestCaseVerifier.moc"
