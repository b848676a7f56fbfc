#include "core/face/CaseVerifier.h"
#include "core/face/ImageDecoder.h"
#include "core/evaluation/SampleCaseWriter.h"
#include "core/store/CaseStore.h"
#include "core/station/Importer.h"
#include "core/station/VerificationJob.h"
#include "tests/support/JpegSegments.h"
#include "tests/support/PhoneJpeg.h"
#include "tests/support/RealFaces.h"
#include "tests/support/StoreFixture.h"

#include "tests/station/ReceiverFixture.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

using namespace mado;

// Phone photos end to end: a resident's phone stores the document photo and the selfie frames
// sideways (or mirrored) with an EXIF Orientation tag, 1 to 8. Each goes through the real
// applicant API of a real receiver, the importer (sanitising), the case store and the face
// engine: the stored images must be upright (the case view shows them as stored, without EXIF)
// and the verdict must be the one of the same photos taken upright.
class TestPhoneOrientation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyOrientationImportsUprightAndVerifiesAlike_data();
    void everyOrientationImportsUprightAndVerifiesAlike();

private:
    struct Outcome {
        Verdict verdict;
        cv::Mat document; // the stored (sanitised) document image, decoded
        QByteArray documentJpeg;
    };
    // Rewrites the bundle's images as a phone with `orientation` stores them (0: no EXIF at all),
    // submits, imports and verifies it. Fails the test on any step.
    void runThrough(int orientation, Outcome &outcome);

    QTemporaryDir m_dir;
    std::unique_ptr<CaseVerifier> m_verifier;
    CaseBundle m_bundle;
    QString m_upright; // the bundle directory with upright JPEGs
    Outcome m_baseline;
};

namespace {

double meanDifference(const cv::Mat &a, const cv::Mat &b)
{
    if (a.size() != b.size())
        return 255.0;
    cv::Mat diff;
    cv::absdiff(a, b, diff);
    const cv::Scalar mean = cv::mean(diff);
    return (mean[0] + mean[1] + mean[2]) / 3.0;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

void TestPhoneOrientation::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto verifier = test::RealFaces::shippedVerifier();
    QVERIFY2(verifier.ok(), qPrintable(verifier.ok() ? QString() : verifier.error().message));
    m_verifier = std::move(verifier).value();

    SampleCaseWriter::Input input = test::RealFaces::personInput(QStringLiteral("John_Simm"));
    QVERIFY2(!input.portrait.empty(), "dlib's example photos are missing: run fetch-models.sh");
    m_upright = m_dir.filePath(QStringLiteral("upright"));
    auto written = SampleCaseWriter::write(m_upright, input);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
    m_bundle = written.value();

    runThrough(0, m_baseline);
    QVERIFY(!QTest::currentTestFailed());
    // The baseline is a case the engine can judge: otherwise "alike" would prove nothing.
    QVERIFY(m_baseline.verdict.document.face.found);
    QVERIFY(m_baseline.verdict.matchDistance >= 0.0);
    QCOMPARE(m_baseline.verdict.band, QStringLiteral("match"));
}

void TestPhoneOrientation::runThrough(int orientation, Outcome &outcome)
{
    // The phone's files: the same pictures, stored turned and tagged.
    const QString directory = m_dir.filePath(QStringLiteral("orientation-%1").arg(orientation));
    QVERIFY(QDir().mkpath(directory));
    QVERIFY(QFile::copy(QDir(m_upright).filePath(QStringLiteral("case.json")),
                        QDir(directory).filePath(QStringLiteral("case.json"))));
    QStringList files{m_bundle.documentFront.file};
    for (const auto &frame : m_bundle.frames)
        files << frame.image.file;
    for (const QString &file : files) {
        const QByteArray upright = readAll(QDir(m_upright).filePath(file));
        QVERIFY(!upright.isEmpty());
        QByteArray phone = upright;
        if (orientation > 0) {
            const auto pixels = ImageDecoder().decode(upright);
            QVERIFY(pixels.ok());
            phone = test::PhoneJpeg::encode(pixels.value().bgr, orientation,
                                            orientation % 2 ? test::PhoneJpeg::ByteOrder::Intel
                                                            : test::PhoneJpeg::ByteOrder::Motorola);
        }
        QFile out(QDir(directory).filePath(file));
        QVERIFY(out.open(QIODevice::WriteOnly));
        QCOMPARE(out.write(phone), phone.size());
    }

    test::ReceiverFixture receiver;
    QVERIFY(receiver.ok());
    test::StoreFixture store;
    QVERIFY(store.ok());
    const QString applicationId = receiver.submitBundle(directory, QStringLiteral("phone-orientation-%1").arg(orientation));
    QVERIFY2(!applicationId.isEmpty(), "the receiver refused the phone's application");

    QTemporaryDir temp;
    Importer::Options options;
    options.tempRoot = temp.path();
    Importer importer(store.store(), receiver.client(), options);
    auto round = importer.runOnce();
    QVERIFY(round.ok());
    QVERIFY2(round.value().failed == 0, qPrintable(round.value().errors.join(QLatin1Char('\n'))));
    QCOMPARE(round.value().imported, 1);

    auto db = store.store().connections().database();
    QVERIFY(db.ok());
    QSqlQuery q(db.value());
    QVERIFY(q.prepare(QStringLiteral("SELECT id FROM cases WHERE application_id = :a")));
    q.bindValue(QStringLiteral(":a"), applicationId);
    QVERIFY(q.exec() && q.next());
    const qint64 caseId = q.value(0).toLongLong();

    auto document = store.store().imageForVerification(caseId, QStringLiteral("document_front"));
    QVERIFY(document.ok());
    outcome.documentJpeg = document.value();
    auto decoded = ImageDecoder().decode(document.value());
    QVERIFY(decoded.ok());
    outcome.document = decoded.value().bgr;

    VerificationJob job(store.store(), *m_verifier, store.user(QStringLiteral("clerk1")));
    auto verdict = job.computeVerdict(caseId);
    QVERIFY2(verdict.ok(), qPrintable(verdict.ok() ? QString() : verdict.error().message));
    outcome.verdict = verdict.value();
}

void TestPhoneOrientation::everyOrientationImportsUprightAndVerifiesAlike_data()
{
    QTest::addColumn<int>("orientation");
    for (int orientation = 1; orientation <= 8; ++orientation)
        QTest::addRow("EXIF orientation %d", orientation) << orientation;
}

void TestPhoneOrientation::everyOrientationImportsUprightAndVerifiesAlike()
{
    QFETCH(int, orientation);
    Outcome outcome;
    runThrough(orientation, outcome);
    if (QTest::currentTestFailed())
        return;

    // Stored upright, as the clerk must see it: same size and pixels as the upright photo's
    // import (two JPEG generations apart), and without EXIF, so no viewer turns it again.
    QCOMPARE(outcome.document.cols, m_baseline.document.cols);
    QCOMPARE(outcome.document.rows, m_baseline.document.rows);
    const double difference = meanDifference(outcome.document, m_baseline.document);
    QVERIFY2(difference < 6.0, qPrintable(QStringLiteral("mean difference %1").arg(difference)));
    QVERIFY(!test::JpegSegments::markers(outcome.documentJpeg).contains(0xE1));

    // The face engine judges it as it judged the upright photos.
    const Verdict &v = outcome.verdict;
    const Verdict &base = m_baseline.verdict;
    QCOMPARE(v.document.face.found, base.document.face.found);
    QCOMPARE(v.band, base.band);
    QVERIFY2(std::abs(v.matchDistance - base.matchDistance) < 0.05,
             qPrintable(QStringLiteral("distance %1, upright %2").arg(v.matchDistance).arg(base.matchDistance)));
    QCOMPARE(v.frames.size(), base.frames.size());
    for (std::size_t i = 0; i < v.frames.size(); ++i) {
        QCOMPARE(v.frames[i].face.found, base.frames[i].face.found);
        QCOMPARE(v.frames[i].poseMeasured, base.frames[i].poseMeasured);
        if (base.frames[i].poseMeasured)
            QVERIFY2(std::abs(v.frames[i].yaw - base.frames[i].yaw) < 6.0,
                     qPrintable(QStringLiteral("frame %1 yaw %2, upright %3")
                                    .arg(i)
                                    .arg(v.frames[i].yaw)
                                    .arg(base.frames[i].yaw)));
    }
}

QTEST_GUILESS_MAIN(TestPhoneOrientation)
#include "TestPhoneOrientation.moc"
