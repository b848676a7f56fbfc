#include "core/workflow/Retention.h"

#include "core/domain/Verdict.h"
#include "core/store/WardSettings.h"
#include "core/store/ActorWrite.h"
#include "core/store/AuditChain.h"
#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/StoreSpace.h"
#include "core/store/StoreTime.h"
#include "core/domain/Actor.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <algorithm>
#include <numeric>

namespace mado {

namespace {

Q_LOGGING_CATEGORY(lcRetention, "mado.store.retention")

const QString kRefusal = QStringLiteral("only an admin may run retention");

// A closed case as read before deciding whether it is due.
struct Closed {
    Retention::Item item;
    QString reasonCode;
    qint64 decidedBy = 0;
    QString decidedAt;
    QString certificateNumber;
};

// Coordinates, landmarks and hashes of one face go; whether it was found and its quality stay.
FaceEvidence withoutImageData(const FaceEvidence &face)
{
    FaceEvidence kept;
    kept.found = face.found;
    kept.facesFound = face.facesFound;
    kept.quality = face.quality;
    kept.qualityOutcome = face.qualityOutcome;
    return kept;
}

// The verdict keeps its checks, band, distances, poses and versions: what the decision rested on.
Verdict withoutImageData(Verdict verdict)
{
    verdict.document.cardCorners.clear();
    verdict.document.face = withoutImageData(verdict.document.face);
    for (FrameEvidence &frame : verdict.frames)
        frame.face = withoutImageData(frame.face);
    if (!verdict.notes.contains(QStringLiteral("retention_purged")))
        verdict.notes.append(QStringLiteral("retention_purged"));
    return verdict;
}

qint64 fileBytes(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

Result<std::vector<Closed>> closedCases(const QSqlDatabase &db, int resubmissionDays)
{
    auto rows = Sql::run(
        db, QStringLiteral(
                "SELECT c.id, c.reference, c.outcome, c.reason_code, c.decided_by, c.decided_at, i.issued_at, "
                "i.certificate_number, b.approved_at, "
                "(SELECT MIN(n.imported_at) FROM cases n WHERE n.resubmission_of = c.id) "
                "FROM cases c LEFT JOIN issuances i ON i.case_id = c.id LEFT JOIN batches b ON b.id = c.batch_id "
                "WHERE c.retention_purged_at IS NULL AND ("
                "(c.outcome = 'approved' AND c.state IN ('issued', 'notified') AND i.issued_at IS NOT NULL) OR "
                "(c.outcome IN ('rejected', 'resubmission_requested') AND c.state IN ('batch_approved', 'notified') "
                "AND b.approved_at IS NOT NULL)) ORDER BY c.id"));
    if (!rows)
        return rows.error();
    std::vector<Closed> closed;
    QSqlQuery &q = rows.value();
    while (q.next()) {
        Closed c;
        c.item.caseId = q.value(0).toLongLong();
        c.item.reference = q.value(1).toString();
        c.item.outcome = q.value(2).toString();
        c.reasonCode = q.value(3).toString();
        c.decidedBy = q.value(4).toLongLong();
        c.decidedAt = q.value(5).toString();
        c.certificateNumber = q.value(7).toString();
        const QDateTime batchApproved = StoreTime::parse(q.value(8).toString());
        if (c.item.outcome == QLatin1String("approved")) {
            c.item.closedBy = Retention::ClosedBy::Issued;
            c.item.closedAt = StoreTime::parse(q.value(6).toString());
        } else if (c.item.outcome == QLatin1String("rejected")) {
            c.item.closedBy = Retention::ClosedBy::Rejected;
            c.item.closedAt = batchApproved;
        } else {
            const QDateTime expiry = batchApproved.addDays(resubmissionDays);
            const QDateTime resubmitted =
                q.value(9).isNull() ? QDateTime() : std::max(batchApproved, StoreTime::parse(q.value(9).toString()));
            const bool arrived = resubmitted.isValid() && resubmitted < expiry;
            c.item.closedBy = arrived ? Retention::ClosedBy::Resubmitted : Retention::ClosedBy::ResubmissionExpired;
            c.item.closedAt = arrived ? resubmitted : expiry;
        }
        if (!c.item.closedAt.isValid())
            return Error{ErrorCode::Internal,
                         QStringLiteral("case %1 has no readable closing time").arg(c.item.caseId)};
        closed.push_back(c);
    }
    return closed;
}

// Counts what the purge of one case removes (for the listing and the audit entry).
Status measure(const QSqlDatabase &db, Retention::Item &item, QJsonArray &images)
{
    const QVariantMap byCase{{QStringLiteral("c"), item.caseId}};
    auto rows = Sql::run(
        db,
        QStringLiteral("SELECT role, sha256, source_sha256, length(bytes) FROM images WHERE case_id = :c ORDER BY id"),
        byCase);
    if (!rows)
        return rows.error();
    while (rows.value().next()) {
        const QSqlQuery &q = rows.value();
        ++item.images;
        item.imageBytes += q.value(3).toLongLong();
        images.append(QJsonObject{{QStringLiteral("role"), q.value(0).toString()},
                                  {QStringLiteral("sha256"), q.value(1).toString()},
                                  {QStringLiteral("source_sha256"), q.value(2).toString()},
                                  {QStringLiteral("bytes"), q.value(3).toLongLong()}});
    }
    auto hashes = Sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM face_hashes WHERE case_id = :c"), byCase);
    if (!hashes)
        return hashes.error();
    item.faceHashes = hashes.value().toInt();
    auto verdicts = Sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM verdicts WHERE case_id = :c"), byCase);
    if (!verdicts)
        return verdicts.error();
    item.verdicts = verdicts.value().toInt();
    return {};
}

Status purge(const QSqlDatabase &db, const Closed &c, const QDateTime &now)
{
    const QVariantMap byCase{{QStringLiteral("c"), c.item.caseId}};
    // Empty, not NULL: the column is NOT NULL, and the row keeps the hashes for the replay check.
    const QString empty = Sql::isPostgresql(db) ? QStringLiteral("'\\x'::bytea") : QStringLiteral("X''");
    if (auto emptied = Sql::run(db, QStringLiteral("UPDATE images SET bytes = %1 WHERE case_id = :c").arg(empty), byCase);
        !emptied)
        return emptied.error();
    if (auto deleted = Sql::run(db, QStringLiteral("DELETE FROM face_hashes WHERE case_id = :c"), byCase); !deleted)
        return deleted.error();

    auto verdicts = Sql::run(db, QStringLiteral("SELECT id, verdict_json FROM verdicts WHERE case_id = :c"), byCase);
    if (!verdicts)
        return verdicts.error();
    std::vector<std::pair<qint64, QString>> rewritten;
    while (verdicts.value().next()) {
        const qint64 id = verdicts.value().value(0).toLongLong();
        auto verdict = Verdict::fromJson(QJsonDocument::fromJson(verdicts.value().value(1).toByteArray()).object());
        if (!verdict)
            return Error{ErrorCode::Internal, QStringLiteral("verdict %1 of case %2 cannot be read: %3")
                                                  .arg(id)
                                                  .arg(c.item.caseId)
                                                  .arg(verdict.error().message)};
        rewritten.emplace_back(
            id, QString::fromUtf8(
                    QJsonDocument(withoutImageData(verdict.value()).toJson()).toJson(QJsonDocument::Compact)));
    }
    verdicts.value().finish();
    for (const auto &[id, json] : rewritten) {
        if (auto updated = Sql::run(db, QStringLiteral("UPDATE verdicts SET verdict_json = :j WHERE id = :id"),
                                    {{QStringLiteral("j"), json}, {QStringLiteral("id"), id}});
            !updated)
            return updated.error();
    }

    auto manifest = Sql::scalar(db, QStringLiteral("SELECT manifest_json FROM cases WHERE id = :c"), byCase);
    if (!manifest)
        return manifest.error();
    QJsonObject bundle = QJsonDocument::fromJson(manifest.value().toByteArray()).object();
    QJsonObject applicant = bundle.value(QStringLiteral("applicant")).toObject();
    applicant.remove(QStringLiteral("contact"));
    bundle.insert(QStringLiteral("applicant"), applicant);
    auto marked =
        Sql::run(db,
                 QStringLiteral("UPDATE cases SET phone = '', email = '', manifest_json = :m, "
                                "retention_purged_at = :now WHERE id = :c AND retention_purged_at IS NULL"),
                 {{QStringLiteral("m"), QString::fromUtf8(QJsonDocument(bundle).toJson(QJsonDocument::Compact))},
                  {QStringLiteral("now"), StoreTime::format(now)},
                  {QStringLiteral("c"), c.item.caseId}});
    if (!marked)
        return marked.error();
    if (marked.value().numRowsAffected() != 1)
        return Error{ErrorCode::Conflict, QStringLiteral("case %1 changed meanwhile").arg(c.item.caseId)};
    return {};
}

} // namespace

Retention::Retention(CaseStore &store) : m_store(store) {}

QString Retention::closedByName(ClosedBy closedBy)
{
    switch (closedBy) {
    case ClosedBy::Issued:
        return QStringLiteral("issued");
    case ClosedBy::Rejected:
        return QStringLiteral("rejected");
    case ClosedBy::Resubmitted:
        return QStringLiteral("resubmitted");
    case ClosedBy::ResubmissionExpired:
        return QStringLiteral("resubmission_expired");
    }
    return QString();
}

Result<Retention::Report> Retention::run(qint64 adminId, bool dryRun)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    const QString path = db.value().databaseName();
    const qint64 before = fileBytes(path);
    auto listed =
        writeAsActor(m_store, adminId, isAdmin, kRefusal, [&](QSqlDatabase &tx, const Actor &actor) -> Result<Report> {
            Report report;
            report.dryRun = dryRun;
            report.now = m_store.clock().now();
            WardSettings settings(m_store);
            auto days = settings.retentionDays();
            if (!days)
                return days.error();
            auto resubmissionDays = settings.resubmissionDays();
            if (!resubmissionDays)
                return resubmissionDays.error();
            report.retentionDays = days.value();
            report.resubmissionDays = resubmissionDays.value();
            auto closed = closedCases(tx, report.resubmissionDays);
            if (!closed)
                return closed.error();
            std::vector<Closed> due;
            for (Closed &c : closed.value()) {
                c.item.dueAt = c.item.closedAt.addDays(report.retentionDays);
                if (c.item.dueAt <= report.now)
                    due.push_back(c);
            }
            std::stable_sort(due.begin(), due.end(),
                             [](const Closed &a, const Closed &b) { return a.item.closedAt < b.item.closedAt; });
            for (Closed &c : due) {
                QJsonArray images;
                if (auto measured = measure(tx, c.item, images); !measured)
                    return measured.error();
                report.items.push_back(c.item);
                if (dryRun)
                    continue;
                if (auto purged = purge(tx, c, report.now); !purged)
                    return purged.error();
                QJsonObject detail{{QStringLiteral("reference"), c.item.reference},
                                   {QStringLiteral("outcome"), c.item.outcome},
                                   {QStringLiteral("decided_by"), c.decidedBy},
                                   {QStringLiteral("decided_at"), c.decidedAt},
                                   {QStringLiteral("closed_by"), closedByName(c.item.closedBy)},
                                   {QStringLiteral("closed_at"), StoreTime::format(c.item.closedAt)},
                                   {QStringLiteral("retention_days"), report.retentionDays},
                                   {QStringLiteral("images"), images},
                                   {QStringLiteral("face_hashes"), c.item.faceHashes},
                                   {QStringLiteral("verdicts"), c.item.verdicts},
                                   {QStringLiteral("contact"), QStringLiteral("deleted")}};
                if (!c.reasonCode.isEmpty())
                    detail.insert(QStringLiteral("reason_code"), c.reasonCode);
                if (!c.certificateNumber.isEmpty())
                    detail.insert(QStringLiteral("certificate_number"), c.certificateNumber);
                if (auto audited =
                        AuditChain::append(tx, {0, report.now, actor.login, QStringLiteral("case_retention_purged"),
                                                QStringLiteral("case:%1").arg(c.item.caseId), detail});
                    !audited)
                    return audited.error();
            }
            if (!dryRun) {
                if (auto audited = AuditChain::append(
                        tx, {0, report.now, actor.login, QStringLiteral("retention_run"), QStringLiteral("retention"),
                             QJsonObject{{QStringLiteral("retention_days"), report.retentionDays},
                                         {QStringLiteral("resubmission_days"), report.resubmissionDays},
                                         {QStringLiteral("cases"), int(report.items.size())}}});
                    !audited)
                    return audited.error();
            }
            return report;
        });
    if (!listed || dryRun)
        return listed;
    Report report = listed.value();
    report.fileBytesBefore = before;

    // PostgreSQL frees the rows' space with its own (auto)vacuum; no file to shrink here.
    if (m_store.connections().isPostgresql())
        return report;
    // After the commit: give the freed pages back, then move everything into the file and cut the
    // WAL to zero bytes (it held the images' pages since they were written, and the purge's frames).
    auto space = StoreSpace::reclaim(path);
    if (!space)
        return space.error();
    report.incrementalVacuum = space.value().incrementalVacuum;
    report.freePagesAfter = space.value().freePages;
    report.walTruncated = space.value().walTruncated;
    report.fileBytesAfter = fileBytes(path);
    qCInfo(lcRetention, "retention purged %d cases (%lld image bytes); store %lld -> %lld bytes, wal truncated: %d",
           int(report.items.size()),
           qlonglong(std::accumulate(report.items.begin(), report.items.end(), qint64(0),
                                     [](qint64 sum, const Item &i) { return sum + i.imageBytes; })),
           qlonglong(report.fileBytesBefore), qlonglong(report.fileBytesAfter), int(report.walTruncated));
    return report;
}

Result<qint64> Retention::compact(qint64 adminId)
{
    const QString refusal = QStringLiteral("only an admin may compact the store");
    // The role is checked before the VACUUM (which cannot run inside a transaction); the audit entry
    // follows it with the sizes.
    auto allowed = writeAsActor(m_store, adminId, isAdmin, refusal,
                                [](QSqlDatabase &, const Actor &) -> Status { return Status(); });
    if (!allowed)
        return allowed.error();
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    const qint64 before = fileBytes(db.value().databaseName());
    for (const QString &statement : {QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"), QStringLiteral("VACUUM"),
                                     QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")}) {
        auto done = Sql::run(db.value(), statement);
        if (!done)
            return done.error();
        done.value().finish();
    }
    const qint64 after = fileBytes(db.value().databaseName());
    auto audited = writeAsActor(m_store, adminId, isAdmin, refusal, [&](QSqlDatabase &tx, const Actor &actor) {
        return AuditChain::append(
            tx, {0, m_store.clock().now(), actor.login, QStringLiteral("store_compacted"), QStringLiteral("store"),
                 QJsonObject{{QStringLiteral("bytes_before"), before}, {QStringLiteral("bytes_after"), after}}});
    });
    if (!audited)
        return audited.error();
    return after;
}

} // namespace mado
