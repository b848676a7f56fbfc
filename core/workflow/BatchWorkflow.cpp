#include "core/workflow/BatchWorkflow.h"

#include "core/security/UserDirectory.h"
#include "core/store/CaseStore.h"
#include "core/store/OutcomeOutbox.h"
#include "core/store/Sql.h"
#include "core/store/StoreTime.h"
#include "core/workflow/CaseTransition.h"

#include <vector>

namespace mado {

namespace {

const Error kChanged{ErrorCode::Conflict, QStringLiteral("the case or batch changed meanwhile")};

QString batchSubject(qint64 batchId)
{
    return QStringLiteral("batch:%1").arg(batchId);
}

// Anyone who ever decided a case of the batch (returned and re-decided cases included).
const QString kDecidedByActor =
    QStringLiteral("SELECT 1 FROM batch_cases bc JOIN decisions d ON d.case_id = bc.case_id "
                   "WHERE bc.batch_id = :b AND d.decided_by = :u");

// One outcome notice per case of the approved batch (its decision and reason code; never the
// clerk's comment), in the approving transaction. Returned cases have left the batch already.
Status queueDecisionNotices(const QSqlDatabase &db, qint64 batchId, const QDateTime &now)
{
    auto rows =
        Sql::run(db, QStringLiteral("SELECT id, outcome, reason_code FROM cases WHERE batch_id = :b ORDER BY id"),
                 {{QStringLiteral("b"), batchId}});
    if (!rows)
        return rows.error();
    struct Notice {
        qint64 caseId;
        QString outcome;
        QString reason;
    };
    std::vector<Notice> notices;
    while (rows.value().next())
        notices.push_back(
            {rows.value().value(0).toLongLong(), rows.value().value(1).toString(), rows.value().value(2).toString()});
    rows.value().finish();
    for (const Notice &n : notices) {
        if (auto queued = OutcomeOutbox::enqueue(db, n.caseId, n.outcome, n.reason, now); !queued)
            return queued;
    }
    return {};
}

} // namespace

BatchWorkflow::BatchWorkflow(CaseStore &store, WorkflowOptions options) : m_store(store), m_options(options) {}

Result<qint64> BatchWorkflow::submit(qint64 userId, const QList<qint64> &caseIds)
{
    if (caseIds.isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("a batch needs at least one case")};
    auto t = CaseTransition::begin(m_store, userId);
    if (!t)
        return t.error();
    CaseTransition &tx = *t.value();
    for (qint64 caseId : caseIds) {
        auto record = tx.loadCase(caseId);
        if (!record)
            return record.error();
        if (auto allowed = tx.check(record.value(), WorkflowAction::SubmitBatch); !allowed)
            return allowed.error();
    }
    auto batch = Sql::run(tx.db(),
                          QStringLiteral("INSERT INTO batches (state, submitted_by, submitted_at) "
                                         "VALUES ('submitted', :u, :now) RETURNING id"),
                          {{QStringLiteral("u"), userId}, {QStringLiteral("now"), StoreTime::format(tx.now())}});
    if (!batch)
        return batch.error();
    if (!batch.value().next())
        return Error{ErrorCode::Database, QStringLiteral("insert returned no batch id")};
    const qint64 batchId = batch.value().value(0).toLongLong();
    batch.value().finish();
    for (qint64 caseId : caseIds) {
        const QVariantMap ids{{QStringLiteral("b"), batchId}, {QStringLiteral("c"), caseId}};
        auto linked =
            Sql::run(tx.db(), QStringLiteral("INSERT INTO batch_cases (batch_id, case_id) VALUES (:b, :c)"), ids);
        if (!linked)
            return linked.error();
        if (auto updated = tx.update(QStringLiteral("UPDATE cases SET state = 'batched', batch_id = :b "
                                                    "WHERE id = :c AND state = 'decided'"),
                                     ids, kChanged);
            !updated)
            return updated.error();
        if (auto audited = tx.audit(QStringLiteral("case_batched"), QStringLiteral("case:%1").arg(caseId),
                                    {{QStringLiteral("batch"), batchId}});
            !audited)
            return audited.error();
    }
    if (auto audited = tx.audit(QStringLiteral("batch_submitted"), batchSubject(batchId),
                                {{QStringLiteral("cases"), int(caseIds.size())}});
        !audited)
        return audited.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return batchId;
}

Status BatchWorkflow::approve(qint64 supervisorId, qint64 batchId, const QString &password)
{
    // Re-authentication first, in its own transaction, so that a wrong password is audited and
    // counts towards the lock-out even though the approval is refused.
    if (auto reauthenticated = UserDirectory(m_store).reauthenticate(supervisorId, password); !reauthenticated) {
        if (reauthenticated.error().code == ErrorCode::AuthenticationFailed)
            return Error{ErrorCode::AuthenticationFailed, QStringLiteral("re-authentication failed: wrong password")};
        return reauthenticated;
    }
    auto t = CaseTransition::begin(m_store, supervisorId);
    if (!t)
        return t.error();
    CaseTransition &tx = *t.value();
    if (!WorkflowRules::roleMay(tx.actor().role, WorkflowAction::ApproveBatch))
        return Error{ErrorCode::PermissionDenied, QStringLiteral("only a supervisor may approve a batch")};
    const QVariantMap ids{{QStringLiteral("b"), batchId}, {QStringLiteral("u"), supervisorId}};
    auto state = Sql::scalar(tx.db(), QStringLiteral("SELECT state FROM batches WHERE id = :b"), ids);
    if (!state)
        return state.error().code == ErrorCode::NotFound
                   ? Error{ErrorCode::NotFound, QStringLiteral("no batch %1").arg(batchId)}
                   : state.error();
    if (state.value().toString() != QLatin1String("submitted"))
        return Error{ErrorCode::InvalidState, QStringLiteral("the batch is already approved")};
    auto own = Sql::run(tx.db(), kDecidedByActor, ids);
    if (!own)
        return own.error();
    const Error fourEyes{ErrorCode::FourEyesViolation,
                         QStringLiteral("you decided a case in this batch; another supervisor must approve it")};
    if (own.value().next())
        return fourEyes;
    own.value().finish();
    auto size = Sql::scalar(tx.db(), QStringLiteral("SELECT COUNT(*) FROM batch_cases WHERE batch_id = :b"), ids);
    if (!size)
        return size.error();
    if (size.value().toInt() == 0)
        return Error{ErrorCode::InvalidState, QStringLiteral("the batch has no cases left")};
    // The same rule in SQL: the approving UPDATE matches no row if the approver decided any case in it.
    if (auto approved = tx.update(QStringLiteral("UPDATE batches SET state = 'approved', approved_by = :u, "
                                                 "approved_at = :now WHERE id = :b AND state = 'submitted' "
                                                 "AND NOT EXISTS (%1)")
                                      .arg(kDecidedByActor),
                                  {{QStringLiteral("b"), batchId},
                                   {QStringLiteral("u"), supervisorId},
                                   {QStringLiteral("now"), StoreTime::format(tx.now())}},
                                  fourEyes);
        !approved) {
        // No row matched: four eyes, or (PostgreSQL) another supervisor's approval committed while this
        // UPDATE waited for the batch row; the re-read sees which (TestSeveralWorkstations_pg met it).
        if (approved.error().code == ErrorCode::FourEyesViolation) {
            auto now = Sql::scalar(tx.db(), QStringLiteral("SELECT state FROM batches WHERE id = :b"), ids);
            if (now && now.value().toString() != QLatin1String("submitted"))
                return Error{ErrorCode::Conflict, QStringLiteral("another supervisor approved the batch meanwhile")};
        }
        return approved;
    }
    if (auto moved = tx.update(QStringLiteral("UPDATE cases SET state = 'batch_approved' WHERE batch_id = :b "
                                              "AND state = 'batched'"),
                               {{QStringLiteral("b"), batchId}}, kChanged, size.value().toInt());
        !moved)
        return moved;
    if (auto queued = queueDecisionNotices(tx.db(), batchId, tx.now()); !queued)
        return queued;
    if (auto audited = tx.audit(QStringLiteral("batch_approved"), batchSubject(batchId),
                                {{QStringLiteral("cases"), size.value().toInt()}});
        !audited)
        return audited;
    return tx.commit();
}

Status BatchWorkflow::returnCase(qint64 supervisorId, qint64 batchId, qint64 caseId, const QString &comment)
{
    if (comment.trimmed().isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("returning a case needs a comment for the clerk")};
    auto t = CaseTransition::begin(m_store, supervisorId);
    if (!t)
        return t.error();
    CaseTransition &tx = *t.value();
    auto record = tx.loadCase(caseId);
    if (!record)
        return record.error();
    if (auto allowed = tx.check(record.value(), WorkflowAction::ReturnCase); !allowed)
        return allowed;
    if (record.value().batchId != batchId)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the case is not in batch %1").arg(batchId)};
    const QVariantMap ids{{QStringLiteral("b"), batchId}, {QStringLiteral("c"), caseId}};
    if (auto unlinked =
            tx.update(QStringLiteral("DELETE FROM batch_cases WHERE batch_id = :b AND case_id = :c"), ids, kChanged);
        !unlinked)
        return unlinked;
    // Back to its clerk, who has it first for one claim period.
    if (auto updated =
            tx.update(QStringLiteral(
                          "UPDATE cases SET state = 'returned', assignee_id = decided_by, claim_expires_at = :until, "
                          "return_comment = :comment, batch_id = NULL WHERE id = :c AND state = 'batched' "
                          "AND batch_id = :b AND EXISTS (SELECT 1 FROM batches WHERE id = :b AND state = 'submitted')"),
                      {{QStringLiteral("b"), batchId},
                       {QStringLiteral("c"), caseId},
                       {QStringLiteral("comment"), comment},
                       {QStringLiteral("until"), StoreTime::format(tx.now().addSecs(m_options.claimSeconds))}},
                      kChanged);
        !updated)
        return updated;
    if (auto audited =
            tx.audit(QStringLiteral("case_returned"), QStringLiteral("case:%1").arg(caseId),
                     {{QStringLiteral("batch"), batchId}, {QStringLiteral("to_user"), record.value().decidedBy}});
        !audited)
        return audited;
    return tx.commit();
}

} // namespace mado
