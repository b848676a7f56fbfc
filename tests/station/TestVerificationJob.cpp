#include "core/face/CaseVerifier.h"
#include "core/bundle/CaseBundleReader.h"
#include "core/evaluation/SampleCaseWriter.h"
#include "core/store/AuditChain.h"
#include "core/store/CaseStore.h"
#include "core/store/ImageSanitizer.h"
#include "core/station/VerificationJob.h"
#include "tests/support/RealFaces.h"
#include "tests/support/StoreFixture.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;

// The verification job on a real store with the real dlib engine: imported cases made from real
// photos (SampleCaseWriter) become verified with their verdict, and a case whose selfie frames
// were already sent in an earlier case fails the replay check naming that case's reference.
class TestVerificationJob : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void verifiesImportedCasesAndFlagsAFaceSeenInAnotherCase();
    void reverifyRerunsStaleVerdictsOnly();

private:
    struct Written {
        CaseBundle bundle;
        QString directory;
    };
    Written write(const QString &person, int sequence);
    // Imports `bundle` with the images of `imagesFrom` (another case's directory for a replay).
    qint64 import(const Written &written, const QString &framesFrom = {});
    QString scalar(const QString &sql);

    QTemporaryDir m_dir;
    std::unique_ptr<CaseVerifier> m_verifier;
    std::unique_ptr<test::StoreFixture> m_store;
};

void TestVerificationJob::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto verifier = test::RealFaces::shippedVerifier();
    QVERIFY2(verifier.ok(), qPrintable(verifier.ok() ? QString() : verifier.error().message));
    m_verifier = std::move(verifier).value();
}

void TestVerificationJob::init()
{
    m_store = std::make_unique<test::StoreFixture>();
    QVERIFY(m_store->ok());
}

void TestVerificationJob::cleanup()
{
    m_store.reset();
}

TestVerificationJob::Written TestVerificationJob::write(const QString &person, int sequence)
{
    SampleCaseWriter::Input input = test::RealFaces::personInput(person);
    input.sequence = sequence;
    input.seed = unsigned(sequence);
    const QString directory = m_dir.filePath(QStringLiteral("case-%1-%2").arg(person).arg(sequence));
    auto written = SampleCaseWriter::write(directory, input);
    if (!written.ok())
        qFatal("cannot write the sample case: %s", qPrintable(written.error().message));
    return {written.value(), directory};
}

qint64 TestVerificationJob::import(const Written &written, const QString &framesFrom)
{
    const ImageSanitizer sanitizer;
    std::vector<SanitizedImage> images;
    const auto add = [&](const QString &directory, const QString &file, const QString &role) {
        QFile f(QDir(directory).filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file));
        auto clean = sanitizer.sanitize(f.readAll(), role);
        if (!clean.ok())
            qFatal("cannot sanitise %s", qPrintable(file));
        images.push_back(clean.value());
    };
    add(written.directory, written.bundle.documentFront.file, QStringLiteral("document_front"));
    for (std::size_t i = 0; i < written.bundle.frames.size(); ++i) {
        const QString file = written.bundle.frames[i].image.file;
        add(framesFrom.isEmpty() ? written.directory : framesFrom, file, QStringLiteral("frame%1").arg(i));
    }
    auto stored = test::StoreFixture::importWithPolicy(m_store->store(), written.bundle, images, std::nullopt);
    return stored.ok() ? stored.value().caseId : 0;
}

QString TestVerificationJob::scalar(const QString &sql)
{
    auto db = m_store->store().connections().database();
    QSqlQuery q(db.value());
    if (!q.exec(sql) || !q.next())
        return QStringLiteral("<none>");
    return q.value(0).toString();
}

void TestVerificationJob::verifiesImportedCasesAndFlagsAFaceSeenInAnotherCase()
{
    const Written simm = write(QStringLiteral("John_Simm"), 1);
    const Written savage = write(QStringLiteral("John_Savage"), 2);
    const Written replay = write(QStringLiteral("John_Schneider"), 3);
    const qint64 first = import(simm);
    const qint64 second = import(savage);
    // A third applicant sends John Simm's selfie frames again, with another card.
    const qint64 third = import(replay, simm.directory);
    QVERIFY(first > 0 && second > 0 && third > 0);

    VerificationJob job(m_store->store(), *m_verifier, m_store->user(QStringLiteral("clerk1")));
    QList<qint64> seen;
    auto summary = job.verifyImported([&](int, int total, qint64 caseId) {
        QCOMPARE(total, 3);
        seen << caseId;
    });
    QVERIFY2(summary.ok(), qPrintable(summary.ok() ? QString() : summary.error().message));
    QCOMPARE(summary.value().errors, QStringList());
    QCOMPARE(summary.value().verified, 3);
    QCOMPARE(summary.value().replayFlagged, 1);
    QCOMPARE(seen, (QList<qint64>{first, second, third}));

    for (qint64 id : {first, second, third}) {
        auto status = m_store->store().caseStatus(id);
        QVERIFY(status.ok());
        QCOMPARE(status.value().state, CaseState::Verified);
    }
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM verdicts")), QStringLiteral("3"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT case_id) FROM face_hashes")), QStringLiteral("3"));
    // Genuine cases: matched, not a replay.
    QCOMPARE(scalar(QStringLiteral("SELECT band FROM verdicts WHERE case_id = %1").arg(first)),
             QStringLiteral("match"));
    QVERIFY(!scalar(QStringLiteral("SELECT flags FROM verdicts WHERE case_id = %1").arg(first)).contains("replay"));
    QVERIFY(!scalar(QStringLiteral("SELECT flags FROM verdicts WHERE case_id = %1").arg(second)).contains("replay"));
    // The replayed frames name the earlier case.
    const QString flags = scalar(QStringLiteral("SELECT flags FROM verdicts WHERE case_id = %1").arg(third));
    QVERIFY2(flags.contains(QStringLiteral("replay:seen_in_case:") + simm.bundle.reference), qPrintable(flags));
    QCOMPARE(scalar(QStringLiteral("SELECT overall FROM verdicts WHERE case_id = %1").arg(third)),
             QStringLiteral("fail"));

    // Nothing left to verify.
    auto again = job.verifyImported();
    QVERIFY(again.ok());
    QCOMPARE(again.value().verified, 0);
}

void TestVerificationJob::reverifyRerunsStaleVerdictsOnly()
{
    const Written simm = write(QStringLiteral("John_Simm"), 4);
    const Written savage = write(QStringLiteral("John_Savage"), 5);
    const qint64 first = import(simm);
    const qint64 second = import(savage);
    VerificationJob job(m_store->store(), *m_verifier, m_store->user(QStringLiteral("clerk1")));
    QVERIFY(job.verifyImported().ok());
    auto stale = job.staleCases();
    QVERIFY(stale.ok());
    QVERIFY(stale.value().empty());

    // The first case's verdict was made with earlier thresholds.
    auto db = m_store->store().connections().database();
    QSqlQuery q(db.value());
    QVERIFY(q.exec(
        QStringLiteral("UPDATE verdicts SET thresholds_version = 'old-calibration' WHERE case_id = %1").arg(first)));
    stale = job.staleCases();
    QVERIFY(stale.ok());
    QCOMPARE(stale.value(), (std::vector<qint64>{first}));

    auto summary = job.reverify();
    QVERIFY(summary.ok());
    QCOMPARE(summary.value().verified, 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM verdicts WHERE case_id = %1").arg(first)),
             QStringLiteral("2"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM verdicts WHERE case_id = %1").arg(second)),
             QStringLiteral("1"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'case_reverified'")),
             QStringLiteral("1"));
    QVERIFY(job.staleCases().value().empty());
    // The state did not change.
    QCOMPARE(m_store->store().caseStatus(first).value().state, CaseState::Verified);
    auto chain = AuditChain::verify(db.value());
    QVERIFY(chain.ok());
    QVERIFY(chain.value().ok);
}

QTEST_GUILESS_MAIN(TestVerificationJob)
#include "TestVerificationJob.moc"
