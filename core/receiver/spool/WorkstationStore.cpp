#include "core/receiver/spool/WorkstationStore.h"

#include "core/crypto/SealedFile.h"
#include "core/database/Sqlite.h"
#include "core/database/SqliteTransaction.h"
#include "core/domain/BundleFileNames.h"
#include "core/receiver/spool/ApplicationStore.h"
#include "core/receiver/spool/DurableFiles.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/spool/SpoolSealing.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <sqlite3.h>

namespace mado {

namespace {

struct Row {
    QString reference;
    QString userId;
    QString state;
    QString holder;
    QString leaseUntil;
    QByteArray manifest;
    bool hasManifest = false;
    QString acknowledgedBy;
};

Result<Row> readRow(sqlite3 *db, const QString &id)
{
    auto select = Sqlite::prepare(db, "SELECT reference, user_id, state, coalesce(lease_holder, ''), "
                                      "coalesce(lease_until, ''), manifest, coalesce(acknowledged_by, '') "
                                      "FROM applications WHERE id = ?1");
    if (!select)
        return select.error();
    Sqlite::bindText(select.value().get(), 1, id.toUtf8());
    const int rc = sqlite3_step(select.value().get());
    if (rc == SQLITE_DONE)
        return Error{ErrorCode::NotFound, QStringLiteral("no such application")};
    if (rc != SQLITE_ROW)
        return Sqlite::error(db, QStringLiteral("cannot read application"));
    sqlite3_stmt *s = select.value().get();
    Row row{Sqlite::text(s, 0),
            Sqlite::text(s, 1),
            Sqlite::text(s, 2),
            Sqlite::text(s, 3),
            Sqlite::text(s, 4),
            Sqlite::bytes(s, 5),
            sqlite3_column_type(s, 5) != SQLITE_NULL,
            Sqlite::text(s, 6)};
    return row;
}

// Inside the caller's transaction: queues the LINE push of kind for the application (at most one
// per application and kind). Returns true if a row was added.
Result<bool> queuePush(sqlite3 *db, const QString &id, const QString &kind, const QString &userId, const QString &text,
                       const QDateTime &now)
{
    const QJsonObject body{
        {QStringLiteral("to"), userId},
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}}}}};
    auto insert = Sqlite::prepare(db, "INSERT INTO push_outbox (application_id, kind, user_id, retry_key, body, "
                                      "next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                      "ON CONFLICT (application_id, kind) DO NOTHING");
    if (!insert)
        return insert.error();
    Sqlite::bindText(insert.value().get(), 1, id.toUtf8());
    Sqlite::bindText(insert.value().get(), 2, kind.toUtf8());
    Sqlite::bindText(insert.value().get(), 3, userId.toUtf8());
    Sqlite::bindText(insert.value().get(), 4, QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8());
    Sqlite::bindText(insert.value().get(), 5, QJsonDocument(body).toJson(QJsonDocument::Compact));
    Sqlite::bindText(insert.value().get(), 6, Sqlite::time(now));
    if (sqlite3_step(insert.value().get()) != SQLITE_DONE)
        return Sqlite::error(db, QStringLiteral("cannot queue the push"));
    return sqlite3_changes(db) == 1;
}

// Inside the caller's transaction: the application's import failed for good. Its personal data
// (manifest) goes in the same write; the caller removes its files after the commit.
Result<bool> markImportFailed(sqlite3 *db, const QString &id, const QString &reference, const QString &userId,
                              const QString &reason, const QString &message, const QDateTime &now,
                              const QString &pushText = QString())
{
    auto update = Sqlite::prepare(db, "UPDATE applications SET state = 'import_failed', manifest = NULL, "
                                      "lease_until = NULL, failure_reason = ?2, failure_message = ?3, failed_at = ?4 "
                                      "WHERE id = ?1");
    if (!update)
        return update.error();
    Sqlite::bindText(update.value().get(), 1, id.toUtf8());
    Sqlite::bindText(update.value().get(), 2, reason.toUtf8());
    Sqlite::bindText(update.value().get(), 3, message.toUtf8());
    Sqlite::bindText(update.value().get(), 4, Sqlite::time(now));
    if (sqlite3_step(update.value().get()) != SQLITE_DONE)
        return Sqlite::error(db, QStringLiteral("cannot record the failed import"));
    return queuePush(db, id, QStringLiteral("import_failed"), userId,
                     pushText.isEmpty() ? WorkstationStore::importFailedText(reference) : pushText, now);
}

QString messageText(WorkstationStore::Outcome outcome, const QString &reference, const QString &reason)
{
    const QString why = reason.isEmpty() ? QString() : QStringLiteral("\n理由: ") + reason;
    switch (outcome) {
    case WorkstationStore::Outcome::Approved:
        return QStringLiteral("【窓口】お申し込み（受付番号 %1）の本人確認が完了し、承認されました。").arg(reference);
    case WorkstationStore::Outcome::Rejected:
        return QStringLiteral("【窓口】お申し込み（受付番号 %1）はお受けできませんでした。").arg(reference) + why;
    case WorkstationStore::Outcome::ResubmissionRequested:
        return QStringLiteral("【窓口】お申し込み（受付番号 %1）について、書類の再提出をお願いします。"
                              "このトークに写真を送ってください。")
                   .arg(reference) +
               why;
    case WorkstationStore::Outcome::Issued:
        return QStringLiteral("【窓口】証明書（受付番号 %1）を発行し、郵送しました。").arg(reference);
    }
    return QString();
}

} // namespace

std::optional<WorkstationStore::Outcome> WorkstationStore::outcomeFromName(const QString &name)
{
    for (Outcome o : {Outcome::Approved, Outcome::Rejected, Outcome::ResubmissionRequested, Outcome::Issued}) {
        if (outcomeName(o) == name)
            return o;
    }
    return std::nullopt;
}

QString WorkstationStore::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Approved:
        return QStringLiteral("approved");
    case Outcome::Rejected:
        return QStringLiteral("rejected");
    case Outcome::ResubmissionRequested:
        return QStringLiteral("resubmission_requested");
    case Outcome::Issued:
        return QStringLiteral("issued");
    }
    return QString();
}

QString WorkstationStore::importFailedText(const QString &reference)
{
    return QStringLiteral("【窓口】お申し込み（受付番号 %1）は、お送りいただいた写真を読み取れなかったため、"
                          "受け付けできませんでした。お手数ですが、もう一度お申し込みください。")
        .arg(reference);
}

QString WorkstationStore::signatureMissingText(const QString &reference)
{
    return QStringLiteral("【窓口】お申し込み（受付番号 %1）は、マイナンバーカードによる電子署名が期限までに届かなかったため、"
                          "受け付けできませんでした。お手数ですが、もう一度お申し込みください。")
        .arg(reference);
}

Result<int> WorkstationStore::expireUnsigned(const QDateTime &now)
{
    std::vector<QString> failedIds;
    const Status done = m_spool.locked([&](sqlite3 *db) -> Status {
        SqliteTransaction transaction(db);
        if (!transaction.begun().ok())
            return transaction.begun();
        auto select = Sqlite::prepare(db, "SELECT a.id, a.reference, a.user_id FROM applications a "
                                          "JOIN application_signatures s ON s.application_id = a.id "
                                          "WHERE s.signed_at IS NULL AND s.due_at <= ?1 AND a.state = 'received'");
        if (!select)
            return select.error();
        Sqlite::bindText(select.value().get(), 1, Sqlite::time(now));
        struct Due {
            QString id, reference, userId;
        };
        std::vector<Due> due;
        while (sqlite3_step(select.value().get()) == SQLITE_ROW)
            due.push_back(Due{Sqlite::text(select.value().get(), 0), Sqlite::text(select.value().get(), 1),
                              Sqlite::text(select.value().get(), 2)});
        for (const Due &d : due) {
            const auto failed = markImportFailed(db, d.id, d.reference, d.userId, QStringLiteral("signature_missing"),
                                                 QStringLiteral("the applicant's JPKI signature did not arrive in time"),
                                                 now, signatureMissingText(d.reference));
            if (!failed)
                return failed.error();
            failedIds.push_back(d.id);
        }
        auto remove = Sqlite::prepare(db, "DELETE FROM application_signatures WHERE signed_at IS NULL AND due_at <= ?1");
        if (!remove)
            return remove.error();
        Sqlite::bindText(remove.value().get(), 1, Sqlite::time(now));
        if (sqlite3_step(remove.value().get()) != SQLITE_DONE)
            return Sqlite::error(db, QStringLiteral("cannot expire unsigned applications"));
        return transaction.commit();
    });
    if (!done)
        return done.error();
    for (const QString &id : failedIds)
        DurableFiles::removeTree(ApplicationStore(m_spool).directoryOf(id));
    if (!failedIds.empty())
        m_spool.scrubSoon();
    return int(failedIds.size());
}

Result<std::vector<Lease>> WorkstationStore::lease(const QString &holder, int count, int seconds, const QDateTime &now,
                                                   int *failed)
{
    const QDateTime until = now.toUTC().addSecs(seconds);
    std::vector<QString> failedIds;
    auto leased = m_spool.locked([&](sqlite3 *db) -> Result<std::vector<Lease>> {
        SqliteTransaction transaction(db);
        if (!transaction.begun().ok())
            return transaction.begun().error();
        auto select = Sqlite::prepare(db, "SELECT id, reference, user_id, lease_count FROM applications "
                                          "WHERE state = 'received' AND manifest IS NOT NULL "
                                          "AND id NOT IN (SELECT application_id FROM application_signatures "
                                          "WHERE signed_at IS NULL) "
                                          "AND (lease_until IS NULL OR lease_until <= ?1) ORDER BY seq LIMIT ?2");
        if (!select)
            return select.error();
        auto update = Sqlite::prepare(db, "UPDATE applications SET lease_holder = ?2, lease_until = ?3, "
                                          "lease_count = lease_count + 1 WHERE id = ?1");
        if (!update)
            return update.error();
        struct Candidate {
            QString id;
            QString reference;
            QString userId;
            int leaseCount;
        };
        std::vector<Lease> leases;
        // Every candidate either gets leased or failed, so it leaves the candidate set: the loop ends.
        while (int(leases.size()) < count) {
            sqlite3_stmt *s = select.value().get();
            sqlite3_reset(s);
            Sqlite::bindText(s, 1, Sqlite::time(now));
            sqlite3_bind_int(s, 2, count - int(leases.size()));
            std::vector<Candidate> candidates;
            int rc = SQLITE_ROW;
            while ((rc = sqlite3_step(s)) == SQLITE_ROW)
                candidates.push_back(
                    Candidate{Sqlite::text(s, 0), Sqlite::text(s, 1), Sqlite::text(s, 2), sqlite3_column_int(s, 3)});
            if (rc != SQLITE_DONE)
                return Sqlite::error(db, QStringLiteral("cannot lease applications"));
            sqlite3_reset(s);
            if (candidates.empty())
                break;
            for (const Candidate &candidate : candidates) {
                if (candidate.leaseCount >= m_maxLeases) {
                    const auto marked = markImportFailed(
                        db, candidate.id, candidate.reference, candidate.userId, QStringLiteral("lease_limit"),
                        QStringLiteral("leased %1 times without acknowledgement").arg(candidate.leaseCount), now);
                    if (!marked)
                        return marked.error();
                    failedIds.push_back(candidate.id);
                    continue;
                }
                sqlite3_stmt *u = update.value().get();
                sqlite3_reset(u);
                Sqlite::bindText(u, 1, candidate.id.toUtf8());
                Sqlite::bindText(u, 2, holder.toUtf8());
                Sqlite::bindText(u, 3, Sqlite::time(until));
                if (sqlite3_step(u) != SQLITE_DONE)
                    return Sqlite::error(db, QStringLiteral("cannot lease applications"));
                leases.push_back(Lease{candidate.id, candidate.reference, until});
            }
        }
        select = Sqlite::Statement();
        update = Sqlite::Statement();
        if (Status committed = transaction.commit(); !committed)
            return committed.error();
        return leases;
    });
    if (!leased)
        failedIds.clear();
    // After the commit: a crash here leaves directories without a manifest, which recovery removes.
    for (const QString &id : failedIds)
        DurableFiles::removeTree(ApplicationStore(m_spool).directoryOf(id));
    if (!failedIds.empty())
        m_spool.scrubSoon();
    if (failed)
        *failed = int(failedIds.size());
    return leased;
}

Result<std::vector<std::pair<QString, QByteArray>>>
WorkstationStore::bundleFiles(const QString &id, const QString &holder, const QDateTime &now)
{
    const auto row = m_spool.locked([&](sqlite3 *db) { return readRow(db, id); });
    if (!row)
        return row.error();
    if (!row.value().hasManifest)
        return Error{ErrorCode::Gone, QStringLiteral("the application was acknowledged; its data is deleted")};
    if (row.value().holder != holder || row.value().leaseUntil <= QString::fromUtf8(Sqlite::time(now)))
        return Error{ErrorCode::Conflict, QStringLiteral("lease the application first (or the lease expired)")};
    const auto json = SpoolSealing::openManifest(row.value().manifest, m_spool.keyring());
    if (!json)
        return Error{ErrorCode::Io, QStringLiteral("application %1: %2").arg(id, json.error().message)};
    std::vector<std::pair<QString, QByteArray>> files{{QLatin1String(bundle_files::kManifest), json.value()}};
    const QJsonObject manifest = QJsonDocument::fromJson(json.value()).object();
    QStringList names{manifest[QStringLiteral("document")][QStringLiteral("front")][QStringLiteral("file")].toString()};
    const QJsonValue tilted = manifest[QStringLiteral("document")][QStringLiteral("tilted")];
    if (tilted.isObject())
        names << tilted[QStringLiteral("file")].toString();
    for (const QJsonValue &frame : manifest[QStringLiteral("selfie")][QStringLiteral("frames")].toArray())
        names << frame[QStringLiteral("image")][QStringLiteral("file")].toString();
    // A signed application's signature.p7s (SignatureStore).
    if (const QJsonValue signature = manifest[QStringLiteral("signature")]; signature.isObject())
        names << signature[QStringLiteral("file")].toString();
    const QString directory = ApplicationStore(m_spool).directoryOf(id);
    for (const QString &name : names) {
        auto bytes = SealedFile::read(directory + QLatin1Char('/') + name, m_spool.keyring());
        if (!bytes)
            return Error{ErrorCode::Io, QStringLiteral("application %1: cannot read %2: %3")
                                            .arg(id, name, bytes.error().message)};
        files.emplace_back(name, std::move(bytes).value());
    }
    return files;
}

Status WorkstationStore::acknowledge(const QString &id, const QString &holder, const QDateTime &now)
{
    const Status status = m_spool.locked([&](sqlite3 *db) -> Status {
        SqliteTransaction transaction(db);
        if (!transaction.begun().ok())
            return transaction.begun();
        const auto row = readRow(db, id);
        if (!row)
            return row.error();
        if (row.value().holder != holder)
            return Error{ErrorCode::Conflict, QStringLiteral("the application is leased by another workstation")};
        if (row.value().state == QLatin1String("import_failed"))
            return Error{ErrorCode::Conflict, QStringLiteral("the application's import was reported failed")};
        if (!row.value().hasManifest)
            return {};
        auto update = Sqlite::prepare(db, "UPDATE applications SET manifest = NULL, state = 'acknowledged', "
                                          "acknowledged_at = ?2, acknowledged_by = ?3, "
                                          "lease_until = NULL WHERE id = ?1");
        if (!update)
            return update.error();
        Sqlite::bindText(update.value().get(), 1, id.toUtf8());
        Sqlite::bindText(update.value().get(), 2, Sqlite::time(now));
        Sqlite::bindText(update.value().get(), 3, holder.toUtf8());
        if (sqlite3_step(update.value().get()) != SQLITE_DONE)
            return Sqlite::error(db, QStringLiteral("cannot acknowledge application"));
        update = Sqlite::Statement();
        return transaction.commit();
    });
    // After the commit: a crash here leaves a directory without a manifest, which recovery removes.
    if (status) {
        DurableFiles::removeTree(ApplicationStore(m_spool).directoryOf(id));
        m_spool.scrubSoon();
    }
    return status;
}

Result<bool> WorkstationStore::failImport(const QString &id, const QString &holder, const QString &reason,
                                          const QString &message, const QDateTime &now)
{
    bool changed = false;
    const auto queued = m_spool.locked([&](sqlite3 *db) -> Result<bool> {
        SqliteTransaction transaction(db);
        if (!transaction.begun().ok())
            return transaction.begun().error();
        const auto row = readRow(db, id);
        if (!row)
            return row.error();
        if (row.value().holder != holder)
            return Error{ErrorCode::Conflict, QStringLiteral("the application is leased by another workstation")};
        if (row.value().state == QLatin1String("import_failed"))
            return false;
        if (row.value().state != QLatin1String("received"))
            return Error{
                ErrorCode::Conflict,
                QStringLiteral("the application is in state %1, not waiting for import").arg(row.value().state)};
        const auto marked = markImportFailed(db, id, row.value().reference, row.value().userId, reason, message, now);
        if (!marked)
            return marked.error();
        if (Status committed = transaction.commit(); !committed)
            return committed.error();
        changed = true;
        return marked.value();
    });
    if (changed) {
        DurableFiles::removeTree(ApplicationStore(m_spool).directoryOf(id));
        m_spool.scrubSoon();
    }
    return queued;
}

Status WorkstationStore::checkOwner(const QString &id, const QString &holder)
{
    const auto row = m_spool.locked([&](sqlite3 *db) { return readRow(db, id); });
    if (!row)
        return row.error();
    const bool owner =
        row.value().acknowledgedBy.isEmpty() ? row.value().holder == holder : row.value().acknowledgedBy == holder;
    if (!owner)
        return Error{ErrorCode::Conflict, QStringLiteral("the application belongs to another workstation")};
    return {};
}

Result<bool> WorkstationStore::recordOutcome(const QString &id, const QString &holder, Outcome outcome,
                                             const QString &reason, const QDateTime &now)
{
    const QString name = outcomeName(outcome);
    return m_spool.locked([&](sqlite3 *db) -> Result<bool> {
        SqliteTransaction transaction(db);
        if (!transaction.begun().ok())
            return transaction.begun().error();
        const auto row = readRow(db, id);
        if (!row)
            return row.error();
        // Before the ack nobody may post an outcome (the state check below says so).
        if (!row.value().acknowledgedBy.isEmpty() && row.value().acknowledgedBy != holder)
            return Error{ErrorCode::Conflict,
                         QStringLiteral("the application was acknowledged by another workstation")};
        const QString &state = row.value().state;
        if (state == name)
            return false;
        // A decision follows the ack, or a resubmission request once the new photos are in.
        const bool decision = outcome != Outcome::Issued && (state == QLatin1String("acknowledged") ||
                                                             state == QLatin1String("resubmission_requested"));
        const bool issue = outcome == Outcome::Issued && state == QLatin1String("approved");
        if (!decision && !issue)
            return Error{ErrorCode::Conflict,
                         QStringLiteral("outcome %1 does not follow state %2 (acknowledge first)").arg(name, state)};
        // A new resubmission request opens a new allowance of photos (see WebhookWorker).
        auto update = Sqlite::prepare(db, "UPDATE applications SET state = ?2, "
                                          "resubmitted_count = CASE WHEN ?2 = 'resubmission_requested' THEN 0 "
                                          "ELSE resubmitted_count END, "
                                          "resubmitted_bytes = CASE WHEN ?2 = 'resubmission_requested' THEN 0 "
                                          "ELSE resubmitted_bytes END WHERE id = ?1");
        if (!update)
            return update.error();
        Sqlite::bindText(update.value().get(), 1, id.toUtf8());
        Sqlite::bindText(update.value().get(), 2, name.toUtf8());
        if (sqlite3_step(update.value().get()) != SQLITE_DONE)
            return Sqlite::error(db, QStringLiteral("cannot record outcome"));
        update = Sqlite::Statement();
        const auto queued =
            queuePush(db, id, name, row.value().userId, messageText(outcome, row.value().reference, reason), now);
        if (!queued)
            return queued.error();
        if (Status committed = transaction.commit(); !committed)
            return committed.error();
        return queued.value();
    });
}

} // namespace mado
