#include "core/issuance/CertificateIssuer.h"
#include "core/store/WardSettings.h"
#include "core/store/AuditChain.h"
#include "core/store/ImageSanitizer.h"
#include "core/store/Sql.h"
#include "core/workflow/BatchWorkflow.h"
#include "core/workflow/CaseWorkflow.h"
#include "core/workflow/Retention.h"
#include "tests/support/StoreFixture.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

using namespace mado;

// Retention on a real store file with a mock clock: which closed cases are due, what is deleted and
// what is kept, the dry run, the admin-only rule, the audit entries, the honest case view afterwards,
// and that no deleted image byte is left in the store file or its WAL.
class TestRetention : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void purgesClosedCasesAfterTheRetentionPeriod();
    void resubmissionRequestsCloseWhenTheWindowEnds();
    void settingsAreValidatedAndAdminOnly();
    void olderStoresShrinkAfterCompact();

private:
    struct Imported {
        qint64 id = 0;
        QList<QByteArray> markers; // byte strings from inside each stored JPEG (start, middle, end)
    };
    // A case with three noise images (unique per seed, large enough for overflow pages), a verdict
    // with per-image evidence and two face hashes; driven to `outcome` and, for approved, issued.
    static Imported closedCase(test::StoreFixture &f, int seed, std::optional<DecisionOutcome> outcome,
                               bool issue = true);
    static QByteArray storeFiles(const test::StoreFixture &f);
    static QVariant value(test::StoreFixture &f, const QString &sql, qint64 caseId);
};

namespace {

const QStringList kRoles{QStringLiteral("document_front"), QStringLiteral("frame0"), QStringLiteral("frame1")};

QByteArray noiseJpeg(int seed)
{
    cv::Mat image(240, 320, CV_8UC3);
    cv::RNG rng(uint64(seed) * 7919u + 17u);
    rng.fill(image, cv::RNG::UNIFORM, cv::Scalar::all(0), cv::Scalar::all(255));
    std::vector<uchar> encoded;
    cv::imencode(".jpg", image, encoded);
    return QByteArray(reinterpret_cast<const char *>(encoded.data()), int(encoded.size()));
}

Verdict verdictWithEvidence(const QString &applicationId)
{
    Verdict v = test::StoreFixture::matchVerdict(applicationId);
    v.document.cardFound = true;
    v.document.cardCorners = {1, 2, 300, 2, 300, 200, 1, 200};
    v.document.portraitSource = QStringLiteral("card");
    v.document.face.found = true;
    v.document.face.facesFound = 1;
    v.document.face.x = 40;
    v.document.face.width = 80;
    v.document.face.landmarks = std::vector<float>(136, 12.5f);
    v.document.face.faceHash = QString(64, QLatin1Char('a'));
    FrameEvidence frame;
    frame.face = v.document.face;
    frame.face.perceptualHash = QString(16, QLatin1Char('b'));
    frame.poseMeasured = true;
    frame.yaw = 3.0;
    frame.stepPassed = true;
    v.frames = {frame, frame};
    return v;
}

} // namespace

TestRetention::Imported TestRetention::closedCase(test::StoreFixture &f, int seed,
                                                  std::optional<DecisionOutcome> outcome, bool issue)
{
    Imported result;
    const CaseBundle bundle = f.bundle();
    std::vector<SanitizedImage> images;
    for (int i = 0; i < kRoles.size(); ++i) {
        auto image = ImageSanitizer().sanitize(noiseJpeg(seed * 10 + i), kRoles.at(i));
        if (!image)
            return result;
        const QByteArray &jpeg = image.value().jpeg();
        if (jpeg.size() < 20000)
            return result; // too small to span overflow pages
        images.push_back(image.value());
    }
    auto imported =
        test::StoreFixture::importWithPolicy(f.store(), bundle, images, verdictWithEvidence(bundle.applicationId));
    if (!imported)
        return result;
    const qint64 id = imported.value().caseId;
    // The bytes as the file holds them (sealed: see TestStoreSealing).
    {
        auto db = f.store().connections().database();
        auto stored = db ? Sql::run(db.value(), QStringLiteral("SELECT bytes FROM images WHERE case_id = :c"),
                                    {{QStringLiteral("c"), id}})
                         : Result<QSqlQuery>(db.error());
        if (!stored)
            return result;
        while (stored.value().next()) {
            const QByteArray bytes = stored.value().value(0).toByteArray();
            for (qsizetype at : {qsizetype(700), bytes.size() / 2, bytes.size() - 300})
                result.markers.append(bytes.mid(at, 48));
        }
    }
    for (const QString &role : {QStringLiteral("document_front"), QStringLiteral("frame0")}) {
        auto db = f.store().connections().database();
        if (!db || !Sql::run(db.value(),
                             QStringLiteral("INSERT INTO face_hashes (case_id, role, face_hash, created_at) "
                                            "VALUES (:c, :r, :h, '2026-01-01T00:00:00.000Z')"),
                             {{QStringLiteral("c"), id},
                              {QStringLiteral("r"), role},
                              {QStringLiteral("h"), QString(64, QLatin1Char('c'))}})
                        .ok())
            return result;
    }
    if (!outcome) {
        result.id = id;
        return result;
    }
    const qint64 clerk = f.user(QStringLiteral("clerk1"));
    CaseWorkflow cases(f.store(), f.options());
    BatchWorkflow batches(f.store(), f.options());
    if (!cases.claim(clerk, id).ok())
        return result;
    const QString reason = *outcome == DecisionOutcome::Approved ? QString() : QStringLiteral("face_mismatch");
    if (!cases.decide(clerk, id, {*outcome, reason, QString()}).ok())
        return result;
    auto batch = batches.submit(clerk, {id});
    if (!batch ||
        !batches.approve(f.user(QStringLiteral("sup1")), batch.value(), QString::fromLatin1(f.kPassword)).ok())
        return result;
    if (*outcome == DecisionOutcome::Approved && issue && !CertificateIssuer(f.store()).issue(clerk, id).ok())
        return result;
    result.id = id;
    return result;
}

QByteArray TestRetention::storeFiles(const test::StoreFixture &f)
{
    QByteArray all;
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        QFile file(f.path() + suffix);
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

QVariant TestRetention::value(test::StoreFixture &f, const QString &sql, qint64 caseId)
{
    auto db = f.store().connections().database();
    if (!db)
        return {};
    QVariantMap bindings;
    if (sql.contains(QStringLiteral(":c")))
        bindings.insert(QStringLiteral("c"), caseId);
    auto v = Sql::scalar(db.value(), sql, bindings);
    return v ? v.value() : QVariant();
}

void TestRetention::purgesClosedCasesAfterTheRetentionPeriod()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const QDateTime start = f.clock().now();
    // Closed at the start: issued (then notified) and rejected. Open: verified, and approved in an
    // approved batch but not issued.
    const Imported issued = closedCase(f, 1, DecisionOutcome::Approved);
    QVERIFY(issued.id);
    QVERIFY(CaseWorkflow(f.store(), f.options()).markNotified(f.user(QStringLiteral("clerk1")), issued.id).ok());
    const Imported rejected = closedCase(f, 2, DecisionOutcome::Rejected);
    QVERIFY(rejected.id);
    const Imported open = closedCase(f, 3, std::nullopt);
    QVERIFY(open.id);
    const Imported notIssued = closedCase(f, 4, DecisionOutcome::Approved, false);
    QVERIFY(notIssued.id);
    // Closed two days later.
    f.clock().set(start.addDays(2));
    const Imported recent = closedCase(f, 5, DecisionOutcome::Approved);
    QVERIFY(recent.id);
    const QString certificate =
        value(f, QStringLiteral("SELECT certificate_number FROM issuances WHERE case_id = :c"), issued.id).toString();
    QVERIFY(!certificate.isEmpty());

    // The markers are in the store (file or WAL) before.
    const QByteArray before = storeFiles(f);
    for (const Imported *c : {&issued, &rejected, &open, &notIssued, &recent}) {
        for (const QByteArray &marker : c->markers)
            QVERIFY(before.contains(marker));
    }

    // 91 days after the first closings, 89 after the last.
    f.clock().set(start.addDays(91));
    const qint64 admin = f.user(QStringLiteral("admin"));
    auto auditCount = [&] { return value(f, QStringLiteral("SELECT COUNT(*) FROM audit"), 0).toLongLong(); };
    auto imageBytes = [&] { return value(f, QStringLiteral("SELECT SUM(length(bytes)) FROM images"), 0).toLongLong(); };
    const qint64 auditBefore = auditCount();
    const qint64 bytesBefore = imageBytes();
    {
        auto db = f.store().connections().database();
        QVERIFY(db);
        QVERIFY(Sql::run(db.value(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    const qint64 fileBefore = QFileInfo(f.path()).size();

    // Only an admin.
    for (const char *login : {"clerk1", "sup1"}) {
        auto refused = Retention(f.store()).run(f.user(QString::fromLatin1(login)), false);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        auto refusedDry = Retention(f.store()).run(f.user(QString::fromLatin1(login)), true);
        QVERIFY(!refusedDry);
        QCOMPARE(refusedDry.error().code, ErrorCode::PermissionDenied);
    }
    QCOMPARE(auditCount(), auditBefore);

    // The dry run lists the two due cases, oldest closing first, and changes nothing.
    auto dry = Retention(f.store()).run(admin, true);
    QVERIFY2(dry, dry ? "" : qPrintable(dry.error().message));
    QVERIFY(dry.value().dryRun);
    QCOMPARE(dry.value().retentionDays, WardSettings::kDefaultRetentionDays);
    QCOMPARE(int(dry.value().items.size()), 2);
    QCOMPARE(dry.value().items[0].caseId, issued.id);
    QCOMPARE(dry.value().items[0].closedBy, Retention::ClosedBy::Issued);
    QCOMPARE(dry.value().items[0].closedAt, start);
    QCOMPARE(dry.value().items[0].images, 3);
    QCOMPARE(dry.value().items[0].faceHashes, 2);
    QVERIFY(dry.value().items[0].imageBytes > 60000);
    QCOMPARE(dry.value().items[1].caseId, rejected.id);
    QCOMPARE(dry.value().items[1].closedBy, Retention::ClosedBy::Rejected);
    QCOMPARE(auditCount(), auditBefore);
    QCOMPARE(imageBytes(), bytesBefore);
    QCOMPARE(value(f, QStringLiteral("SELECT COUNT(*) FROM cases WHERE retention_purged_at IS NOT NULL"), 0).toInt(),
             0);

    // The real run.
    auto run = Retention(f.store()).run(admin, false);
    QVERIFY2(run, run ? "" : qPrintable(run.error().message));
    QCOMPARE(int(run.value().items.size()), 2);
    QVERIFY(run.value().incrementalVacuum);
    QVERIFY(run.value().walTruncated);
    qint64 purgedBytes = 0;
    for (const Retention::Item &item : run.value().items)
        purgedBytes += item.imageBytes;
    // The file gives back (nearly) what the images took; page slack and the new audit rows make the rest.
    const qint64 fileAfter = QFileInfo(f.path()).size();
    QVERIFY2(fileBefore - fileAfter > purgedBytes * 9 / 10,
             qPrintable(QStringLiteral("%1 -> %2, images %3").arg(fileBefore).arg(fileAfter).arg(purgedBytes)));
    QCOMPARE(run.value().freePagesAfter, qint64(0));
    QCOMPARE(QFileInfo(f.path() + QStringLiteral("-wal")).size(), qint64(0));

    // No deleted image byte is left in the file or the WAL; the kept cases' images are.
    const QByteArray after = storeFiles(f);
    for (const Imported *c : {&issued, &rejected}) {
        for (const QByteArray &marker : c->markers)
            QVERIFY2(!after.contains(marker), "a deleted image survived in the store file or WAL");
    }
    for (const Imported *c : {&open, &notIssued, &recent}) {
        for (const QByteArray &marker : c->markers)
            QVERIFY(after.contains(marker));
    }

    // What stays and what goes, per case.
    for (const qint64 id : {issued.id, rejected.id}) {
        QCOMPARE(value(f, QStringLiteral("SELECT SUM(length(bytes)) FROM images WHERE case_id = :c"), id).toLongLong(),
                 qint64(0));
        QCOMPARE(value(f,
                       QStringLiteral("SELECT COUNT(*) FROM images WHERE case_id = :c AND length(sha256) = 64 "
                                      "AND length(source_sha256) = 64"),
                       id)
                     .toInt(),
                 3);
        QCOMPARE(value(f, QStringLiteral("SELECT COUNT(*) FROM face_hashes WHERE case_id = :c"), id).toInt(), 0);
        QCOMPARE(value(f, QStringLiteral("SELECT phone || email FROM cases WHERE id = :c"), id).toString(), QString());
        QVERIFY(!value(f, QStringLiteral("SELECT manifest_json FROM cases WHERE id = :c"), id)
                     .toString()
                     .contains(QStringLiteral("\"contact\"")));
        QVERIFY(value(f, QStringLiteral("SELECT COUNT(*) FROM decisions WHERE case_id = :c"), id).toInt() == 1);
        auto verdict = f.store().latestVerdict(id);
        QVERIFY(verdict && verdict.value());
        QVERIFY(verdict.value()->document.cardCorners.empty());
        QVERIFY(verdict.value()->document.face.landmarks.empty());
        QVERIFY(verdict.value()->document.face.faceHash.isEmpty());
        QCOMPARE(int(verdict.value()->frames.size()), 2);
        QVERIFY(verdict.value()->frames[0].face.perceptualHash.isEmpty());
        QVERIFY(verdict.value()->frames[0].face.found);
        QCOMPARE(verdict.value()->frames[0].yaw, 3.0);
        QCOMPARE(verdict.value()->band, QStringLiteral("match"));
        QCOMPARE(int(verdict.value()->checks.size()), 2);
    }
    for (const qint64 id : {open.id, notIssued.id, recent.id}) {
        QVERIFY(value(f, QStringLiteral("SELECT SUM(length(bytes)) FROM images WHERE case_id = :c"), id).toLongLong() >
                60000);
        QCOMPARE(value(f, QStringLiteral("SELECT COUNT(*) FROM face_hashes WHERE case_id = :c"), id).toInt(), 2);
        QVERIFY(!value(f, QStringLiteral("SELECT phone FROM cases WHERE id = :c"), id).toString().isEmpty());
        QVERIFY(f.store().latestVerdict(id).value()->document.face.landmarks.size() == 136);
        QVERIFY(!f.store().caseStatus(id).value().retentionPurgedAt.isValid());
    }

    // The case store says plainly what happened instead of failing.
    const qint64 clerk = f.user(QStringLiteral("clerk1"));
    auto status = f.store().caseStatus(issued.id);
    QVERIFY(status);
    QCOMPARE(status.value().retentionPurgedAt, start.addDays(91));
    QCOMPARE(status.value().state, CaseState::Notified);
    auto viewed = f.store().viewCase(clerk, issued.id);
    QVERIFY(viewed && viewed.value().applicant);
    QCOMPARE(viewed.value().applicant->name, f.bundle().applicant.name);
    QVERIFY(viewed.value().applicant->phone.isEmpty());
    const qint64 auditBeforeImage = auditCount();
    auto image = f.store().viewImage(clerk, issued.id, QStringLiteral("document_front"));
    QVERIFY(!image);
    QCOMPARE(image.error().code, ErrorCode::Gone);
    QVERIFY2(image.error().message.contains(QStringLiteral("deleted by retention on ") +
                                            start.addDays(91).date().toString(Qt::ISODate)),
             qPrintable(image.error().message));
    QCOMPARE(auditCount(), auditBeforeImage); // no image was viewed
    QCOMPARE(f.store().imageForVerification(rejected.id, QStringLiteral("frame0")).error().code, ErrorCode::Gone);
    QVERIFY(f.store().viewImage(clerk, recent.id, QStringLiteral("frame0")).ok());

    // The audit chain verifies and holds one entry per purged case with the decision and the hashes.
    auto db = f.store().connections().database();
    QVERIFY(db);
    auto verified = AuditChain::verify(db.value());
    QVERIFY(verified && verified.value().ok);
    auto entries = Sql::run(db.value(), QStringLiteral("SELECT actor, subject, detail FROM audit WHERE action = "
                                                       "'case_retention_purged' ORDER BY seq"));
    QVERIFY(entries);
    QStringList subjects;
    while (entries.value().next()) {
        QCOMPARE(entries.value().value(0).toString(), QStringLiteral("admin"));
        subjects.append(entries.value().value(1).toString());
        const QString detail = entries.value().value(2).toString();
        QVERIFY(!detail.contains(f.bundle().applicant.name));
        if (entries.value().value(1).toString() == QStringLiteral("case:%1").arg(issued.id)) {
            const QJsonObject o = QJsonDocument::fromJson(detail.toUtf8()).object();
            QCOMPARE(o.value(QStringLiteral("outcome")).toString(), QStringLiteral("approved"));
            QCOMPARE(o.value(QStringLiteral("certificate_number")).toString(), certificate);
            QCOMPARE(o.value(QStringLiteral("decided_by")).toInteger(), clerk);
            QCOMPARE(o.value(QStringLiteral("images")).toArray().size(), 3);
            const QString sha = value(f,
                                      QStringLiteral("SELECT sha256 FROM images WHERE case_id = :c AND "
                                                     "role = 'document_front'"),
                                      issued.id)
                                    .toString();
            QCOMPARE(o.value(QStringLiteral("images")).toArray().at(0).toObject().value(QStringLiteral("sha256")),
                     QJsonValue(sha));
        }
    }
    QCOMPARE(subjects,
             (QStringList{QStringLiteral("case:%1").arg(issued.id), QStringLiteral("case:%1").arg(rejected.id)}));
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'retention_run'"))
                 .value()
                 .toInt(),
             1);

    // A second run finds nothing new; two more days and the recent case is due.
    auto again = Retention(f.store()).run(admin, false);
    QVERIFY(again && again.value().items.empty());
    f.clock().set(start.addDays(92));
    auto later = Retention(f.store()).run(admin, false);
    QVERIFY(later);
    QCOMPARE(int(later.value().items.size()), 1);
    QCOMPARE(later.value().items[0].caseId, recent.id);
    // Open cases are never due, however old.
    f.clock().set(start.addDays(3650));
    auto decade = Retention(f.store()).run(admin, true);
    QVERIFY(decade && decade.value().items.empty());
    QVERIFY(AuditChain::verify(db.value()).value().ok);
}

void TestRetention::resubmissionRequestsCloseWhenTheWindowEnds()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const QDateTime start = f.clock().now();
    const qint64 admin = f.user(QStringLiteral("admin"));
    // Nobody resubmits: closed when the 30-day window ends, due 90 days later.
    const Imported waiting = closedCase(f, 11, DecisionOutcome::ResubmissionRequested);
    QVERIFY(waiting.id);
    f.clock().set(start.addDays(119));
    auto early = Retention(f.store()).run(admin, true);
    QVERIFY(early && early.value().items.empty());
    f.clock().set(start.addDays(121));
    auto due = Retention(f.store()).run(admin, false);
    QVERIFY(due);
    QCOMPARE(int(due.value().items.size()), 1);
    QCOMPARE(due.value().items[0].closedBy, Retention::ClosedBy::ResubmissionExpired);
    QCOMPARE(due.value().items[0].closedAt, start.addDays(30));

    // The applicant resubmits after 5 days: the request is closed then.
    f.clock().set(start.addDays(200));
    const QDateTime second = f.clock().now();
    const Imported asked = closedCase(f, 12, DecisionOutcome::ResubmissionRequested);
    QVERIFY(asked.id);
    f.clock().set(second.addDays(5));
    CaseBundle again = f.bundle();
    again.reference = value(f, QStringLiteral("SELECT reference FROM cases WHERE id = :c"), asked.id).toString();
    auto image = ImageSanitizer().sanitize(noiseJpeg(130), QStringLiteral("document_front"));
    QVERIFY(image);
    auto resubmitted = test::StoreFixture::importWithPolicy(f.store(), again, {image.value()}, std::nullopt);
    QVERIFY(resubmitted);
    QCOMPARE(value(f, QStringLiteral("SELECT resubmission_of FROM cases WHERE id = :c"), resubmitted.value().caseId)
                 .toLongLong(),
             asked.id);
    f.clock().set(second.addDays(96));
    auto closed = Retention(f.store()).run(admin, false);
    QVERIFY(closed);
    QCOMPARE(int(closed.value().items.size()), 1);
    QCOMPARE(closed.value().items[0].caseId, asked.id);
    QCOMPARE(closed.value().items[0].closedBy, Retention::ClosedBy::Resubmitted);
    QCOMPARE(closed.value().items[0].closedAt, second.addDays(5));
    // The resubmission itself is open.
    QVERIFY(!f.store().caseStatus(resubmitted.value().caseId).value().retentionPurgedAt.isValid());
}

void TestRetention::settingsAreValidatedAndAdminOnly()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 admin = f.user(QStringLiteral("admin"));
    WardSettings settings(f.store());
    QCOMPARE(settings.retentionDays().value(), 90);
    QCOMPARE(settings.resubmissionDays().value(), 30);
    for (int days : {-1, 0, 29, 3651}) {
        const Status refused = settings.setRetentionDays(admin, days);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    }
    QCOMPARE(settings.setResubmissionDays(admin, 0).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(settings.setRetentionDays(f.user(QStringLiteral("sup1")), 120).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(settings.retentionDays().value(), 90);
    QVERIFY(settings.setRetentionDays(admin, 120).ok());
    QCOMPARE(settings.retentionDays().value(), 120);

    // 91 days after closing is not due under 120 days.
    const QDateTime start = f.clock().now();
    QVERIFY(closedCase(f, 21, DecisionOutcome::Rejected).id);
    f.clock().set(start.addDays(91));
    auto kept = Retention(f.store()).run(admin, false);
    QVERIFY(kept && kept.value().items.empty());
    QCOMPARE(kept.value().retentionDays, 120);

    // A hand-edited value is refused rather than guessed.
    auto db = f.store().connections().database();
    QVERIFY(Sql::run(db.value(), QStringLiteral("UPDATE ward_settings SET value = '7' WHERE name = 'retention.days'")));
    QCOMPARE(settings.retentionDays().error().code, ErrorCode::Internal);
    QCOMPARE(Retention(f.store()).run(admin, true).error().code, ErrorCode::Internal);
}

void TestRetention::olderStoresShrinkAfterCompact()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    auto db = f.store().connections().database();
    QVERIFY(db);
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("PRAGMA auto_vacuum")).value().toInt(), 2);
    // A store from before revision 8 had no auto-vacuum.
    QVERIFY(Sql::run(db.value(), QStringLiteral("PRAGMA auto_vacuum = NONE")));
    QVERIFY(Sql::run(db.value(), QStringLiteral("VACUUM")));
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("PRAGMA auto_vacuum")).value().toInt(), 0);

    const QDateTime start = f.clock().now();
    const Imported closed = closedCase(f, 31, DecisionOutcome::Rejected);
    QVERIFY(closed.id);
    f.clock().set(start.addDays(91));
    const qint64 admin = f.user(QStringLiteral("admin"));
    auto run = Retention(f.store()).run(admin, false);
    QVERIFY(run);
    QCOMPARE(int(run.value().items.size()), 1);
    QVERIFY(!run.value().incrementalVacuum);
    QVERIFY(run.value().freePagesAfter > 10); // zeroed, kept for reuse
    const QByteArray after = storeFiles(f);
    for (const QByteArray &marker : closed.markers)
        QVERIFY2(!after.contains(marker), "secure_delete left a deleted image in the file");

    QCOMPARE(Retention(f.store()).compact(f.user(QStringLiteral("clerk1"))).error().code, ErrorCode::PermissionDenied);
    auto compacted = Retention(f.store()).compact(admin);
    QVERIFY2(compacted, compacted ? "" : qPrintable(compacted.error().message));
    QVERIFY(compacted.value() < run.value().fileBytesAfter);
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("PRAGMA auto_vacuum")).value().toInt(), 2);
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("PRAGMA freelist_count")).value().toInt(), 0);
    QVERIFY(AuditChain::verify(db.value()).value().ok);
}

QTEST_GUILESS_MAIN(TestRetention)
#include "TestRetention.moc"
