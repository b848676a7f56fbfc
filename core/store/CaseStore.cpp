#include "core/store/CaseStore.h"

#include "core/crypto/Keyring.h"
#include "core/store/AuditChain.h"
#include "core/store/Migrator.h"
#include "core/store/Sql.h"
#include "core/store/StoreKey.h"
#include "core/store/SqlTransaction.h"
#include "core/store/StoreTime.h"
#include "core/domain/IdentityMethod.h"
#include "core/store/ActorRecord.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mado {

namespace {

// The class of PostgreSQL advisory locks taken per application id while importing (the
// second key is hashtext(application_id); a collision only makes two imports wait for each other).
constexpr int kImportLockClass = 0x4d49; // "MI"

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? Sql::null() : QVariant(text);
}

} // namespace

CaseStore::CaseStore(const StoreAddress &address, const Clock &clock) : m_connections(address), m_clock(clock) {}

Result<std::unique_ptr<CaseStore>> CaseStore::open(const QString &location, const Clock &clock, int targetVersion)
{
    auto address = StoreAddress::parse(location);
    if (!address)
        return address.error();
    return open(address.value(), clock, targetVersion);
}

Result<std::unique_ptr<CaseStore>> CaseStore::open(const StoreAddress &address, const Clock &clock,
                                                   int targetVersion)
{
    std::unique_ptr<CaseStore> store(new CaseStore(address, clock));
    auto db = store->m_connections.database();
    if (!db)
        return db.error();
    auto migrated = Migrator::migrate(db.value(), targetVersion);
    if (!migrated)
        return migrated.error();
    auto keyring = StoreKey::open(address, db.value());
    if (!keyring)
        return keyring.error();
    store->m_keyring = std::move(keyring).value();
    return store;
}

Status CaseStore::insertVerdict(const QSqlDatabase &db, qint64 caseId, const Verdict &verdict, const QDateTime &now)
{
    QStringList flags;
    for (const Check &check : verdict.checks) {
        if (check.outcome != Outcome::Pass)
            flags.append(check.id + QLatin1Char(':') + check.reason);
    }
    auto inserted = Sql::run(
        db,
        QStringLiteral(
            "INSERT INTO verdicts (case_id, created_at, band, overall, flags, match_distance, engine_version, "
            "thresholds_version, verdict_json) VALUES (:c, :at, :band, :overall, :flags, :d, :ev, :tv, :json)"),
        {{QStringLiteral("c"), caseId},
         {QStringLiteral("at"), StoreTime::format(now)},
         {QStringLiteral("band"), verdict.band},
         {QStringLiteral("overall"), outcomeName(verdict.overall())},
         {QStringLiteral("flags"), flags.join(QLatin1Char(','))},
         {QStringLiteral("d"), verdict.matchDistance},
         {QStringLiteral("ev"), verdict.engineVersion},
         {QStringLiteral("tv"), verdict.thresholdsVersion},
         {QStringLiteral("json"), QString::fromUtf8(QJsonDocument(verdict.toJson()).toJson(QJsonDocument::Compact))}});
    if (!inserted)
        return inserted.error();
    return {};
}

Result<CaseStore::ImportResult> CaseStore::storeImportedCase(const CaseBundle &bundle,
                                                             const std::vector<SanitizedImage> &images,
                                                             const std::optional<Verdict> &verdict,
                                                             const ImportHold &hold)
{
    if (bundle.applicationId.isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the bundle has no application id")};
    if (images.empty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("a case needs its images")};
    auto db = m_connections.database();
    if (!db)
        return db.error();
    SqlTransaction transaction(db.value());
    if (!transaction.begun().ok())
        return transaction.begun().error();
    const QVariantMap byApplication{{QStringLiteral("a"), bundle.applicationId}};
    // Two workstations importing one application at once: on SQLite BEGIN IMMEDIATE serialises
    // them; on PostgreSQL a lock per application id (held to the end of the transaction) makes the
    // second wait and then find the first one's case instead of failing on the unique key.
    if (Sql::isPostgresql(db.value())) {
        if (auto locked = Sql::run(db.value(), QStringLiteral("SELECT pg_advisory_xact_lock(%1, hashtext(:a))")
                                                   .arg(kImportLockClass),
                                   byApplication);
            !locked)
            return locked.error();
    }
    auto existing =
        Sql::run(db.value(), QStringLiteral("SELECT id, state FROM cases WHERE application_id = :a"), byApplication);
    if (!existing)
        return existing.error();
    if (existing.value().next()) {
        return ImportResult{existing.value().value(0).toLongLong(), false,
                            caseStateFromName(existing.value().value(1).toString()).value_or(CaseState::Imported)};
    }
    existing.value().finish();

    const CaseState state = !verdict                ? CaseState::Imported
                            : hold.reason.isEmpty() ? CaseState::Verified
                                                    : CaseState::Held;
    // A resubmission comes back under the applicant's reference: it continues the earlier case's count.
    auto earlier = Sql::run(db.value(),
                            QStringLiteral("SELECT id, resubmission_count FROM cases WHERE reference = :ref "
                                           "AND outcome = 'resubmission_requested' ORDER BY id DESC LIMIT 1"),
                            {{QStringLiteral("ref"), bundle.reference}});
    if (!earlier)
        return earlier.error();
    QVariant resubmissionOf = Sql::null();
    int resubmissions = 0;
    if (earlier.value().next()) {
        resubmissionOf = earlier.value().value(0).toLongLong();
        resubmissions = earlier.value().value(1).toInt();
    }
    earlier.value().finish();
    const QDateTime now = m_clock.now();
    const ApplicantForm &a = bundle.applicant;
    auto inserted = Sql::run(
        db.value(),
        QStringLiteral("INSERT INTO cases (application_id, reference, procedure_key, identity_method, applicant_name, "
                       "applicant_kana, date_of_birth, postal_code, prefecture, city, address_line, phone, email, "
                       "copies, document_type, manifest_json, received_at, imported_at, state, hold_reason, "
                       "resubmission_count, resubmission_of) VALUES "
                       "(:a, :ref, :proc, :method, :name, :kana, :dob, :pc, :pref, :city, :line, :phone, :email, "
                       ":copies, :doc, :manifest, :received, :imported, :state, :hold, :resubmissions, :of) "
                       "RETURNING id"),
        {{QStringLiteral("a"), bundle.applicationId},
         {QStringLiteral("ref"), bundle.reference},
         {QStringLiteral("proc"), a.procedure},
         {QStringLiteral("method"), hold.identityMethod},
         {QStringLiteral("name"), a.name},
         {QStringLiteral("kana"), a.kana},
         {QStringLiteral("dob"), a.dateOfBirth.toString(Qt::ISODate)},
         {QStringLiteral("pc"), a.address.postalCode},
         {QStringLiteral("pref"), a.address.prefecture},
         {QStringLiteral("city"), a.address.city},
         {QStringLiteral("line"), a.address.line},
         {QStringLiteral("phone"), a.phone},
         {QStringLiteral("email"), a.email},
         {QStringLiteral("copies"), a.copies},
         {QStringLiteral("doc"), documentTypeName(bundle.documentType)},
         {QStringLiteral("manifest"), QString::fromUtf8(QJsonDocument(bundle.toJson()).toJson(QJsonDocument::Compact))},
         {QStringLiteral("received"), StoreTime::format(bundle.receivedAt)},
         {QStringLiteral("imported"), StoreTime::format(now)},
         {QStringLiteral("state"), caseStateName(state)},
         {QStringLiteral("hold"), nullable(hold.reason)},
         {QStringLiteral("resubmissions"), resubmissions},
         {QStringLiteral("of"), resubmissionOf}});
    if (!inserted)
        return inserted.error();
    if (!inserted.value().next())
        return Error{ErrorCode::Database, QStringLiteral("insert returned no case id")};
    const qint64 caseId = inserted.value().value(0).toLongLong();
    inserted.value().finish();

    for (const SanitizedImage &image : images) {
        auto stored =
            Sql::run(db.value(),
                     QStringLiteral("INSERT INTO images (case_id, role, width, height, sha256, source_sha256, "
                                    "bytes) VALUES (:c, :role, :w, :h, :sha, :src, :bytes)"),
                     {{QStringLiteral("c"), caseId},
                      {QStringLiteral("role"), image.role()},
                      {QStringLiteral("w"), image.width()},
                      {QStringLiteral("h"), image.height()},
                      {QStringLiteral("sha"), image.sha256()},
                      {QStringLiteral("src"), image.sourceSha256()},
                      {QStringLiteral("bytes"), m_keyring->seal(image.jpeg())}});
        if (!stored)
            return stored.error();
    }
    const QString subject = QStringLiteral("case:%1").arg(caseId);
    const QString actor = QString::fromLatin1(kImporterActor);
    QJsonObject detail{{QStringLiteral("application_id"), bundle.applicationId},
                       {QStringLiteral("reference"), bundle.reference},
                       {QStringLiteral("procedure"), a.procedure},
                       {QStringLiteral("images"), int(images.size())},
                       {QStringLiteral("policy_version"), hold.policyVersion},
                       {QStringLiteral("held"), !hold.reason.isEmpty()}};
    if (!resubmissionOf.isNull())
        detail.insert(QStringLiteral("resubmission_of"), resubmissionOf.toLongLong());
    if (auto audited =
            AuditChain::append(db.value(), {0, now, actor, QStringLiteral("case_imported"), subject, detail});
        !audited)
        return audited.error();
    if (verdict) {
        if (auto stored = insertVerdict(db.value(), caseId, *verdict, now); !stored)
            return stored.error();
        QJsonObject verified{{QStringLiteral("band"), verdict->band},
                             {QStringLiteral("overall"), outcomeName(verdict->overall())},
                             {QStringLiteral("to"), caseStateName(state)}};
        if (auto audited =
                AuditChain::append(db.value(), {0, now, actor, QStringLiteral("case_verified"), subject, verified});
            !audited)
            return audited.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return ImportResult{caseId, true, state};
}

Result<CaseRecord> CaseStore::load(qint64 caseId, bool withApplicant)
{
    auto db = m_connections.database();
    if (!db)
        return db.error();
    auto query = Sql::run(
        db.value(),
        QStringLiteral(
            "SELECT application_id, reference, procedure_key, identity_method, state, hold_reason, assignee_id, "
            "claim_expires_at, outcome, reason_code, decided_by, resubmission_count, return_comment, batch_id, "
            "applicant_name, applicant_kana, date_of_birth, postal_code, prefecture, city, address_line, "
            "phone, email, copies, resubmission_of, retention_purged_at, %1 FROM cases WHERE id = :id")
            .arg(withApplicant ? QStringLiteral("manifest_json") : QStringLiteral("NULL")),
        {{QStringLiteral("id"), caseId}});
    if (!query)
        return query.error();
    QSqlQuery &q = query.value();
    if (!q.next())
        return Error{ErrorCode::NotFound, QStringLiteral("no case %1").arg(caseId)};
    CaseRecord r;
    r.id = caseId;
    r.applicationId = q.value(0).toString();
    r.reference = q.value(1).toString();
    r.procedure = q.value(2).toString();
    r.identityMethod = q.value(3).toString();
    r.state = caseStateFromName(q.value(4).toString()).value_or(CaseState::Received);
    r.holdReason = q.value(5).toString();
    r.assigneeId = q.value(6).toLongLong();
    if (!q.value(7).isNull())
        r.claimExpiresAt = StoreTime::parse(q.value(7).toString());
    if (!q.value(8).isNull())
        r.outcome = decisionOutcomeFromName(q.value(8).toString());
    r.reasonCode = q.value(9).toString();
    r.decidedBy = q.value(10).toLongLong();
    r.resubmissionCount = q.value(11).toInt();
    r.returnComment = q.value(12).toString();
    r.batchId = q.value(13).toLongLong();
    r.resubmissionOf = q.value(24).toLongLong();
    if (!q.value(25).isNull())
        r.retentionPurgedAt = StoreTime::parse(q.value(25).toString());
    if (withApplicant) {
        ApplicantForm form;
        form.procedure = r.procedure;
        form.name = q.value(14).toString();
        form.kana = q.value(15).toString();
        form.dateOfBirth = QDate::fromString(q.value(16).toString(), Qt::ISODate);
        form.address = PostalAddress{q.value(17).toString(), q.value(18).toString(), q.value(19).toString(),
                                     q.value(20).toString()};
        form.phone = q.value(21).toString();
        form.email = q.value(22).toString();
        form.copies = q.value(23).toInt();
        r.applicant = form;
        // A signed application's signature (signature.p7s and the bytes it signs), kept in the
        // stored manifest: the case view shows the signer's certificate.
        if (!q.value(26).isNull())
            r.signature = CaseBundle::fromJson(QJsonDocument::fromJson(q.value(26).toString().toUtf8()).object()).signature;
    }
    return r;
}

Result<CaseRecord> CaseStore::caseStatus(qint64 caseId)
{
    return load(caseId, false);
}

template <typename T, typename Read>
Result<T> CaseStore::auditedRead(qint64 userId, qint64 caseId, const QString &action, const QJsonObject &detail,
                                 Read read)
{
    auto db = m_connections.database();
    if (!db)
        return db.error();
    SqlTransaction transaction(db.value());
    if (!transaction.begun().ok())
        return transaction.begun().error();
    auto actor = loadActor(db.value(), userId);
    if (!actor)
        return actor.error();
    if (actor.value().role == Role::Admin)
        return Error{ErrorCode::PermissionDenied, QStringLiteral("admins do not see applicants' personal data")};
    Result<T> value = read(db.value());
    if (!value)
        return value;
    if (auto audited = AuditChain::append(
            db.value(), {0, m_clock.now(), actor.value().login, action, QStringLiteral("case:%1").arg(caseId), detail});
        !audited)
        return audited.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return value;
}

Result<std::optional<Verdict>> CaseStore::latestVerdict(qint64 caseId)
{
    auto db = m_connections.database();
    if (!db)
        return db.error();
    auto json = Sql::scalar(
        db.value(), QStringLiteral("SELECT verdict_json FROM verdicts WHERE case_id = :c ORDER BY id DESC LIMIT 1"),
        {{QStringLiteral("c"), caseId}});
    if (!json && json.error().code == ErrorCode::NotFound)
        return std::optional<Verdict>();
    if (!json)
        return json.error();
    if (json.value().isNull() || json.value().toString().isEmpty())
        return std::optional<Verdict>();
    auto verdict = Verdict::fromJson(QJsonDocument::fromJson(json.value().toString().toUtf8()).object());
    if (!verdict)
        return verdict.error();
    return std::optional<Verdict>(verdict.value());
}

Result<std::vector<RegisterEntry>> CaseStore::registerEntries(const QString &name, const QDate &dateOfBirth)
{
    auto db = m_connections.database();
    if (!db)
        return db.error();
    auto query = Sql::run(db.value(),
                          QStringLiteral("SELECT resident_code, name, kana, date_of_birth, postal_code, prefecture, "
                                         "city, address_line FROM residents WHERE name = :n AND date_of_birth = :d "
                                         "ORDER BY resident_code"),
                          {{QStringLiteral("n"), name}, {QStringLiteral("d"), dateOfBirth.toString(Qt::ISODate)}});
    if (!query)
        return query.error();
    std::vector<RegisterEntry> entries;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        entries.push_back(RegisterEntry{
            q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            QDate::fromString(q.value(3).toString(), Qt::ISODate),
            PostalAddress{q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString()}});
    }
    return entries;
}

Result<CaseRecord> CaseStore::viewCase(qint64 userId, qint64 caseId)
{
    return auditedRead<CaseRecord>(userId, caseId, QStringLiteral("case_viewed"), {},
                                   [&](const QSqlDatabase &) { return load(caseId, true); });
}

Result<QByteArray> CaseStore::readImage(const QSqlDatabase &db, qint64 caseId, const QString &role) const
{
    // The purge mark is checked first: a purged case keeps its image rows (hashes) with empty bytes.
    auto purged = Sql::scalar(db, QStringLiteral("SELECT retention_purged_at FROM cases WHERE id = :c"),
                              {{QStringLiteral("c"), caseId}});
    if (!purged)
        return purged.error().code == ErrorCode::NotFound
                   ? Error{ErrorCode::NotFound, QStringLiteral("no case %1").arg(caseId)}
                   : purged.error();
    if (!purged.value().isNull()) {
        return Error{ErrorCode::Gone,
                     QStringLiteral("the images of case %1 were deleted by retention on %2")
                         .arg(caseId)
                         .arg(StoreTime::parse(purged.value().toString()).date().toString(Qt::ISODate))};
    }
    auto bytes = Sql::scalar(db, QStringLiteral("SELECT bytes FROM images WHERE case_id = :c AND role = :r"),
                             {{QStringLiteral("c"), caseId}, {QStringLiteral("r"), role}});
    if (!bytes)
        return bytes.error().code == ErrorCode::NotFound
                   ? Error{ErrorCode::NotFound, QStringLiteral("case %1 has no image %2").arg(caseId).arg(role)}
                   : bytes.error();
    if (bytes.value().isNull())
        return Error{ErrorCode::NotFound, QStringLiteral("case %1 has no image %2").arg(caseId).arg(role)};
    const QByteArray stored = bytes.value().toByteArray();
    if (!Keyring::isSealed(stored))
        return stored; // stored before encryption (sealed by `madoguchi-cli store rekey`)
    auto opened = m_keyring->open(stored);
    if (!opened)
        return Error{opened.error().code == ErrorCode::NotFound ? ErrorCode::NotFound : ErrorCode::Database,
                     QStringLiteral("image %1 of case %2: %3").arg(role).arg(caseId).arg(opened.error().message)};
    return opened;
}

Result<QByteArray> CaseStore::imageForVerification(qint64 caseId, const QString &role)
{
    auto db = m_connections.database();
    if (!db)
        return db.error();
    return readImage(db.value(), caseId, role);
}

Result<QByteArray> CaseStore::viewImage(qint64 userId, qint64 caseId, const QString &role)
{
    return auditedRead<QByteArray>(userId, caseId, QStringLiteral("image_viewed"), {{QStringLiteral("role"), role}},
                                   [&](const QSqlDatabase &db) { return readImage(db, caseId, role); });
}

Result<std::vector<IssuanceEntry>> CaseStore::issuanceList(const QDateTime &issuedSince)
{
    auto db = m_connections.database();
    if (!db)
        return db.error();
    auto rows = Sql::run(
        db.value(),
        QStringLiteral(
            "SELECT c.id, c.reference, c.procedure_key, c.state, c.hold_reason, i.certificate_number, i.issued_at, "
            "EXISTS (SELECT 1 FROM outcome_outbox o WHERE o.case_id = c.id AND o.outcome = 'issued' "
            "        AND o.delivered_at IS NULL) AS pending "
            "FROM cases c LEFT JOIN issuances i ON i.case_id = c.id "
            "WHERE (c.state = 'batch_approved' AND c.outcome = 'approved') "
            "   OR (c.hold_reason IS NOT NULL AND c.state IN ('held', 'claimed', 'returned')) "
            "   OR (c.state IN ('issued', 'notified') AND (i.issued_at >= :since OR EXISTS (SELECT 1 FROM "
            "       outcome_outbox p WHERE p.case_id = c.id AND p.outcome = 'issued' AND p.delivered_at IS NULL))) "
            "ORDER BY CASE WHEN i.id IS NULL THEN 0 ELSE 1 END, "
            "CASE WHEN i.id IS NULL THEN c.received_at ELSE '' END, i.issued_at DESC, c.id"),
        {{QStringLiteral("since"), StoreTime::format(issuedSince)}});
    if (!rows)
        return rows.error();
    std::vector<IssuanceEntry> entries;
    QSqlQuery &q = rows.value();
    while (q.next()) {
        IssuanceEntry e;
        e.caseId = q.value(0).toLongLong();
        e.reference = q.value(1).toString();
        e.procedure = q.value(2).toString();
        e.state = caseStateFromName(q.value(3).toString()).value_or(CaseState::BatchApproved);
        e.holdReason = q.value(4).toString();
        e.certificateNumber = q.value(5).toString();
        if (!q.value(6).isNull())
            e.issuedAt = StoreTime::parse(q.value(6).toString());
        e.notifyPending = q.value(7).toBool();
        e.kind = (e.state == CaseState::Issued || e.state == CaseState::Notified) ? IssuanceEntry::Kind::Issued
                 : !e.holdReason.isEmpty()                                        ? IssuanceEntry::Kind::Held
                                                                                  : IssuanceEntry::Kind::Ready;
        entries.push_back(e);
    }
    return entries;
}

Result<QMap<QString, qint64>> CaseStore::statistics()
{
    auto db = m_connections.database();
    if (!db)
        return db.error();
    QMap<QString, qint64> result;
    auto states = Sql::run(db.value(), QStringLiteral("SELECT state, COUNT(*) FROM cases GROUP BY state"));
    if (!states)
        return states.error();
    while (states.value().next())
        result.insert(states.value().value(0).toString(), states.value().value(1).toLongLong());
    const QStringList tables{QStringLiteral("cases"),     QStringLiteral("images"),    QStringLiteral("verdicts"),
                             QStringLiteral("decisions"), QStringLiteral("batches"),   QStringLiteral("issuances"),
                             QStringLiteral("users"),     QStringLiteral("residents"), QStringLiteral("audit")};
    for (const QString &table : tables) {
        auto count = Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM ") + table);
        if (!count)
            return count.error();
        result.insert(QStringLiteral("table:") + table, count.value().toLongLong());
    }
    return result;
}

} // namespace mado
