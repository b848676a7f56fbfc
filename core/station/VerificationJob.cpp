#include "core/station/VerificationJob.h"

#include "core/face/CaseVerifier.h"
#include "core/face/ImageDecoder.h"
#include "core/face/PerceptualHash.h"
#include "core/station/JpkiSignatureCheck.h"
#include "core/store/AuditChain.h"
#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/SqlTransaction.h"
#include "core/store/StoreTime.h"
#include "core/workflow/CaseWorkflow.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace mado {

namespace {

bool isDocumentRole(const QString &role)
{
    return role.startsWith(QStringLiteral("document"));
}

Result<std::vector<qint64>> idList(const QSqlDatabase &db, const QString &sql, const QVariantMap &bindings = {})
{
    auto query = Sql::run(db, sql, bindings);
    if (!query)
        return query.error();
    std::vector<qint64> ids;
    while (query.value().next())
        ids.push_back(query.value().value(0).toLongLong());
    return ids;
}

bool seenInOtherCase(const Verdict &verdict)
{
    for (const Check &check : verdict.checks)
        if (check.id == QLatin1String("replay") && check.reason.startsWith(QStringLiteral("seen_in_case:")))
            return true;
    return false;
}

} // namespace

VerificationJob::VerificationJob(CaseStore &store, CaseVerifier &verifier, qint64 userId, Options options)
    : m_store(store), m_verifier(verifier), m_userId(userId), m_options(options)
{
}

std::vector<std::pair<QString, QString>> VerificationJob::faceHashes(const Verdict &verdict)
{
    std::vector<std::pair<QString, QString>> hashes;
    if (!verdict.document.face.faceHash.isEmpty())
        hashes.emplace_back(QStringLiteral("document_front"), verdict.document.face.faceHash);
    for (std::size_t i = 0; i < verdict.frames.size(); ++i)
        if (!verdict.frames[i].face.faceHash.isEmpty())
            hashes.emplace_back(QStringLiteral("frame%1").arg(i), verdict.frames[i].face.faceHash);
    return hashes;
}

Result<QString> VerificationJob::applyReplayCheck(const QSqlDatabase &db, qint64 caseId, Verdict &verdict)
{
    const auto mine = faceHashes(verdict);
    if (mine.empty())
        return QString();
    // A linear scan: a ward stores a few thousand cases a month, five hashes each, and a Hamming
    // distance cannot use an index.
    auto query = Sql::run(db,
                          QStringLiteral("SELECT h.role, h.face_hash, c.reference FROM face_hashes h JOIN cases c ON "
                                         "c.id = h.case_id WHERE h.case_id < :c ORDER BY h.case_id"),
                          {{QStringLiteral("c"), caseId}});
    if (!query)
        return query.error();
    QString seenIn;
    int closest = 256;
    while (query.value().next()) {
        const QString theirRole = query.value().value(0).toString();
        const QString theirHash = query.value().value(1).toString();
        for (const auto &[role, hash] : mine) {
            if (isDocumentRole(role) && isDocumentRole(theirRole))
                continue; // the same card in two applications of one resident
            const int bits = PerceptualHash::hexDistance(hash, theirHash);
            if (bits >= 0 && bits <= PerceptualHash::kSameFaceMaxBits && bits < closest) {
                closest = bits;
                seenIn = query.value().value(2).toString();
            }
        }
    }
    if (seenIn.isEmpty())
        return QString();
    Check failed{QStringLiteral("replay"), Outcome::Fail, QStringLiteral("seen_in_case:") + seenIn, double(closest)};
    bool replaced = false;
    for (Check &check : verdict.checks) {
        if (check.id == QLatin1String("replay") && check.outcome == Outcome::Pass) {
            check = failed;
            replaced = true;
            break;
        }
    }
    if (!replaced)
        verdict.checks.push_back(failed);
    return seenIn;
}

Status VerificationJob::storeFaceHashes(const QSqlDatabase &db, qint64 caseId, const Verdict &verdict,
                                        const QDateTime &now)
{
    for (const auto &[role, hash] : faceHashes(verdict)) {
        auto stored = Sql::run(db,
                               QStringLiteral("INSERT INTO face_hashes (case_id, role, face_hash, created_at) VALUES "
                                              "(:c, :r, :h, :at) ON CONFLICT (case_id, role) DO UPDATE SET "
                                              "face_hash = excluded.face_hash, created_at = excluded.created_at"),
                               {{QStringLiteral("c"), caseId},
                                {QStringLiteral("r"), role},
                                {QStringLiteral("h"), hash},
                                {QStringLiteral("at"), StoreTime::format(now)}});
        if (!stored)
            return stored.error();
    }
    return {};
}

Result<Verdict> VerificationJob::computeVerdict(qint64 caseId)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    auto manifest = Sql::scalar(db.value(), QStringLiteral("SELECT manifest_json FROM cases WHERE id = :c"),
                                {{QStringLiteral("c"), caseId}});
    if (!manifest)
        return manifest.error();
    if (manifest.value().isNull())
        return Error{ErrorCode::NotFound, QStringLiteral("no case %1").arg(caseId)};
    const CaseBundle bundle =
        CaseBundle::fromJson(QJsonDocument::fromJson(manifest.value().toString().toUtf8()).object());

    ImageDecoder decoder;
    CaseImages images;
    auto document = m_store.imageForVerification(caseId, QStringLiteral("document_front"));
    if (!document)
        return document.error();
    auto decodedDocument = decoder.decodeReduced(document.value(), CaseVerifier::kDocumentDecodeSide);
    if (!decodedDocument)
        return decodedDocument.error();
    images.document = decodedDocument.value().bgr;
    for (std::size_t i = 0; i < bundle.frames.size(); ++i) {
        auto frame = m_store.imageForVerification(caseId, QStringLiteral("frame%1").arg(i));
        if (!frame)
            return frame.error();
        auto decoded = decoder.decode(frame.value());
        if (!decoded)
            return decoded.error();
        images.frames.push_back(decoded.value().bgr);
    }
    auto verdict = m_verifier.verify(bundle, images);
    if (!verdict)
        return verdict.error();
    Verdict v = std::move(verdict).value();
    if (auto replay = applyReplayCheck(db.value(), caseId, v); !replay)
        return replay.error();
    if (Status signature = checkSignature(bundle, v); !signature)
        return signature.error();
    return v;
}

void VerificationJob::applyJpkiCheck(const JpkiSignatureResult &result, Verdict &verdict)
{
    const Outcome outcome = result.ok() ? Outcome::Pass
                            : result.status == JpkiStatus::RevocationUnknown || result.status == JpkiStatus::SubjectDiffers
                                ? Outcome::Warn
                                : Outcome::Fail;
    verdict.jpkiSignature = result;
    Check check{QStringLiteral("jpki_signature"), outcome, result.reason, 0.0};
    for (Check &existing : verdict.checks) {
        if (existing.id == check.id) {
            existing = check;
            return;
        }
    }
    verdict.checks.push_back(check);
}

Status VerificationJob::checkSignature(const CaseBundle &bundle, Verdict &verdict)
{
    if (!bundle.signature)
        return {};
    auto check = JpkiSignatureCheck(m_store, m_options.jpki).verify(bundle);
    if (!check)
        return check.error();
    applyJpkiCheck(check.value().result, verdict);
    return {};
}

Result<Verdict> VerificationJob::verifyCase(qint64 caseId)
{
    auto verdict = computeVerdict(caseId);
    if (!verdict)
        return verdict.error();
    CaseWorkflow workflow(m_store);
    if (auto marked = workflow.markVerified(m_userId, caseId, verdict.value()); !marked)
        return marked.error();
    // The hashes follow in their own transaction: should it fail, the case is verified but later
    // cases are not compared with it; reverify stores them again.
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    SqlTransaction transaction(db.value());
    if (!transaction.begun())
        return transaction.begun().error();
    if (auto stored = storeFaceHashes(db.value(), caseId, verdict.value(), m_store.clock().now()); !stored)
        return stored.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return verdict;
}

Status VerificationJob::storeReverdict(qint64 caseId, const Verdict &verdict)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    SqlTransaction transaction(db.value());
    if (!transaction.begun())
        return transaction.begun();
    auto login = Sql::scalar(db.value(), QStringLiteral("SELECT login FROM users WHERE id = :u"),
                             {{QStringLiteral("u"), m_userId}});
    if (!login)
        return login.error();
    if (login.value().isNull())
        return Error{ErrorCode::NotFound, QStringLiteral("no user %1").arg(m_userId)};
    const QDateTime now = m_store.clock().now();
    if (auto stored = CaseStore::insertVerdict(db.value(), caseId, verdict, now); !stored)
        return stored;
    if (auto stored = storeFaceHashes(db.value(), caseId, verdict, now); !stored)
        return stored;
    AuditChain::Entry entry;
    entry.at = now;
    entry.actor = login.value().toString();
    entry.action = QStringLiteral("case_reverified");
    entry.subject = QStringLiteral("case:%1").arg(caseId);
    entry.detail = QJsonObject{{QStringLiteral("band"), verdict.band},
                               {QStringLiteral("overall"), outcomeName(verdict.overall())},
                               {QStringLiteral("thresholds"), verdict.thresholdsVersion},
                               {QStringLiteral("engine"), verdict.engineVersion}};
    if (auto audited = AuditChain::append(db.value(), entry); !audited)
        return audited;
    return transaction.commit();
}

Result<VerificationJob::Summary> VerificationJob::run(const std::vector<qint64> &cases, bool reverifying,
                                                      const Progress &progress)
{
    Summary summary;
    const int total = int(cases.size());
    int done = 0;
    for (qint64 caseId : cases) {
        Status status;
        bool flagged = false;
        auto verdict = reverifying ? computeVerdict(caseId) : verifyCase(caseId);
        if (!verdict) {
            status = verdict.error();
        } else {
            flagged = seenInOtherCase(verdict.value());
            if (reverifying)
                status = storeReverdict(caseId, verdict.value());
        }
        ++done;
        if (status) {
            ++summary.verified;
            if (flagged)
                ++summary.replayFlagged;
        } else {
            ++summary.failed;
            summary.errors << QStringLiteral("case %1: %2").arg(caseId).arg(status.error().message);
        }
        if (progress)
            progress(done, total, caseId);
    }
    return summary;
}

Result<VerificationJob::Summary> VerificationJob::verifyImported(const Progress &progress)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    QString sql = QStringLiteral("SELECT id FROM cases WHERE state = 'imported' ORDER BY id");
    if (m_options.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(m_options.limit);
    auto cases = idList(db.value(), sql);
    if (!cases)
        return cases.error();
    return run(cases.value(), false, progress);
}

Result<std::vector<qint64>> VerificationJob::staleCases()
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    QString sql = QStringLiteral(
        "SELECT v.case_id FROM verdicts v WHERE v.id = (SELECT max(id) FROM verdicts w WHERE w.case_id = v.case_id) "
        "AND (v.thresholds_version <> :tv OR v.engine_version <> :ev) ORDER BY v.case_id");
    if (m_options.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(m_options.limit);
    return idList(db.value(), sql,
                  {{QStringLiteral("tv"), m_verifier.thresholds().version},
                   {QStringLiteral("ev"), QStringLiteral(MADO_VERSION)}});
}

Result<VerificationJob::Summary> VerificationJob::reverify(const Progress &progress)
{
    auto cases = staleCases();
    if (!cases)
        return cases.error();
    return run(cases.value(), true, progress);
}

} // namespace mado
