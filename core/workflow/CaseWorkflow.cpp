#include "core/workflow/CaseWorkflow.h"

#include "core/domain/IdentityMethod.h"
#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/StoreTime.h"
#include "core/workflow/CaseTransition.h"

namespace mado {

namespace {
QString subjectOf(qint64 caseId)
{
    return QStringLiteral("case:%1").arg(caseId);
}
} // namespace

CaseWorkflow::CaseWorkflow(CaseStore &store, WorkflowOptions options) : m_store(store), m_options(options) {}

Status CaseWorkflow::markVerified(qint64 userId, qint64 caseId, const Verdict &verdict)
{
    auto t = CaseTransition::begin(m_store, userId);
    if (!t)
        return t.error();
    auto record = t.value()->loadCase(caseId);
    if (!record)
        return record.error();
    if (auto allowed = t.value()->check(record.value(), WorkflowAction::Verify); !allowed)
        return allowed;
    // A case whose identity rests on the JPKI signature is held when the signature no longer
    // verifies (revoked or revocation unknown since the import, ...): the face checks alone do not
    // make it issuable.
    QString holdReason = record.value().holdReason;
    if (holdReason.isEmpty() && record.value().identityMethod == QLatin1String(identity_method::kJpkiSignature) &&
        (!verdict.jpkiSignature || !verdict.jpkiSignature->ok()))
        holdReason = QStringLiteral("公的個人認証の署名: %1")
                         .arg(JpkiSignatureResult::reasonJa(verdict.jpkiSignature ? verdict.jpkiSignature->reason
                                                                                  : QStringLiteral("not_signed")));
    const CaseState to = holdReason.isEmpty() ? CaseState::Verified : CaseState::Held;
    if (auto stored = CaseStore::insertVerdict(t.value()->db(), caseId, verdict, t.value()->now()); !stored)
        return stored;
    if (auto updated = t.value()->update(
            QStringLiteral("UPDATE cases SET state = :to, hold_reason = :hold WHERE id = :id AND state = 'imported'"),
            {{QStringLiteral("to"), caseStateName(to)},
             {QStringLiteral("hold"), holdReason.isEmpty() ? Sql::null() : QVariant(holdReason)},
             {QStringLiteral("id"), caseId}},
                              Error{ErrorCode::Conflict, QStringLiteral("the case changed meanwhile")});
        !updated)
        return updated;
    if (auto audited = t.value()->audit(QStringLiteral("case_verified"), subjectOf(caseId),
                                        {{QStringLiteral("band"), verdict.band},
                                         {QStringLiteral("overall"), outcomeName(verdict.overall())},
                                         {QStringLiteral("identity_method"), record.value().identityMethod},
                                         {QStringLiteral("to"), caseStateName(to)}});
        !audited)
        return audited;
    return t.value()->commit();
}

Status CaseWorkflow::claim(qint64 userId, qint64 caseId)
{
    auto t = CaseTransition::begin(m_store, userId);
    if (!t)
        return t.error();
    auto record = t.value()->loadCase(caseId);
    if (!record)
        return record.error();
    const CaseRecord &r = record.value();
    if (auto allowed = t.value()->check(r, WorkflowAction::Claim); !allowed)
        return allowed;
    const QDateTime now = t.value()->now();
    const Error taken{ErrorCode::Conflict,
                      r.state == CaseState::Returned
                          ? QStringLiteral("the case was returned to the clerk who decided it; they have it first")
                          : QStringLiteral("the case is claimed by another clerk")};
    const bool othersClaimLive =
        r.assigneeId != 0 && r.assigneeId != userId && r.claimExpiresAt.isValid() && r.claimExpiresAt > now;
    if ((r.state == CaseState::Claimed || r.state == CaseState::Returned) && othersClaimLive)
        return taken;
    // The authority is this conditional UPDATE: a concurrent claim that committed first makes it match no row.
    if (auto updated = t.value()->update(
            QStringLiteral("UPDATE cases SET state = 'claimed', assignee_id = :u, claim_expires_at = :expires "
                           "WHERE id = :id AND state = :state AND (assignee_id IS NULL OR assignee_id = :u "
                           "OR claim_expires_at IS NULL OR claim_expires_at <= :now)"),
            {{QStringLiteral("u"), userId},
             {QStringLiteral("expires"), StoreTime::format(now.addSecs(m_options.claimSeconds))},
             {QStringLiteral("id"), caseId},
             {QStringLiteral("state"), caseStateName(r.state)},
             {QStringLiteral("now"), StoreTime::format(now)}},
            taken);
        !updated)
        return updated;
    QJsonObject detail{{QStringLiteral("from"), caseStateName(r.state)}};
    if (r.state == CaseState::Claimed && r.assigneeId != userId)
        detail.insert(QStringLiteral("expired_claim_of"), r.assigneeId);
    if (auto audited = t.value()->audit(QStringLiteral("case_claimed"), subjectOf(caseId), detail); !audited)
        return audited;
    return t.value()->commit();
}

Status CaseWorkflow::decide(qint64 userId, qint64 caseId, const Decision &decision)
{
    auto t = CaseTransition::begin(m_store, userId);
    if (!t)
        return t.error();
    auto record = t.value()->loadCase(caseId);
    if (!record)
        return record.error();
    const CaseRecord &r = record.value();
    if (auto allowed = t.value()->check(r, WorkflowAction::Decide); !allowed)
        return allowed;
    const QDateTime now = t.value()->now();
    if (r.assigneeId != userId)
        return Error{ErrorCode::Conflict, QStringLiteral("the case is claimed by another clerk")};
    if (!r.claimExpiresAt.isValid() || r.claimExpiresAt <= now)
        return Error{ErrorCode::Conflict, QStringLiteral("your claim on the case expired; claim it again")};
    if (decision.outcome == DecisionOutcome::Approved && !r.holdReason.isEmpty())
        return Error{ErrorCode::PolicyRefused, r.holdReason};
    if (decision.outcome == DecisionOutcome::Rejected && decision.reasonCode.isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("a rejection needs a reason code")};
    const bool resubmission = decision.outcome == DecisionOutcome::ResubmissionRequested;
    if (resubmission && r.resubmissionCount >= m_options.maxResubmissions) {
        return Error{ErrorCode::LimitReached,
                     QStringLiteral("resubmission already requested %1 times (the cap); approve or reject")
                         .arg(r.resubmissionCount)};
    }
    const QString outcome = decisionOutcomeName(decision.outcome);
    if (auto updated = t.value()->update(
            QStringLiteral(
                "UPDATE cases SET state = 'decided', outcome = :o, reason_code = :reason, decided_by = :u, "
                "decided_at = :now, resubmission_count = resubmission_count + :inc, claim_expires_at = NULL, "
                "return_comment = NULL WHERE id = :id AND state = 'claimed' AND assignee_id = :u "
                "AND claim_expires_at > :now"),
            {{QStringLiteral("o"), outcome},
             {QStringLiteral("reason"), decision.reasonCode},
             {QStringLiteral("u"), userId},
             {QStringLiteral("now"), StoreTime::format(now)},
             {QStringLiteral("inc"), resubmission ? 1 : 0},
             {QStringLiteral("id"), caseId}},
            Error{ErrorCode::Conflict, QStringLiteral("the case changed meanwhile")});
        !updated)
        return updated;
    auto inserted =
        Sql::run(t.value()->db(),
                 QStringLiteral("INSERT INTO decisions (case_id, decided_by, outcome, reason_code, comment, "
                                "decided_at) VALUES (:c, :u, :o, :reason, :comment, :now)"),
                 {{QStringLiteral("c"), caseId},
                  {QStringLiteral("u"), userId},
                  {QStringLiteral("o"), outcome},
                  {QStringLiteral("reason"), decision.reasonCode},
                  {QStringLiteral("comment"), decision.comment},
                  {QStringLiteral("now"), StoreTime::format(now)}});
    if (!inserted)
        return inserted.error();
    if (auto audited = t.value()->audit(
            QStringLiteral("case_decided"), subjectOf(caseId),
            {{QStringLiteral("outcome"), outcome}, {QStringLiteral("reason_code"), decision.reasonCode}});
        !audited)
        return audited;
    return t.value()->commit();
}

Status CaseWorkflow::markNotified(qint64 userId, qint64 caseId)
{
    auto t = CaseTransition::begin(m_store, userId);
    if (!t)
        return t.error();
    auto record = t.value()->loadCase(caseId);
    if (!record)
        return record.error();
    const CaseRecord &r = record.value();
    if (auto allowed = t.value()->check(r, WorkflowAction::Notify); !allowed)
        return allowed;
    if (r.state == CaseState::BatchApproved && r.outcome == DecisionOutcome::Approved)
        return Error{ErrorCode::InvalidState, QStringLiteral("issue the certificate before notifying the applicant")};
    if (auto updated =
            t.value()->update(QStringLiteral("UPDATE cases SET state = 'notified' WHERE id = :id AND state = :state"),
                              {{QStringLiteral("id"), caseId}, {QStringLiteral("state"), caseStateName(r.state)}},
                              Error{ErrorCode::Conflict, QStringLiteral("the case changed meanwhile")});
        !updated)
        return updated;
    if (auto audited =
            t.value()->audit(QStringLiteral("case_notified"), subjectOf(caseId),
                             {{QStringLiteral("outcome"), r.outcome ? decisionOutcomeName(*r.outcome) : QString()}});
        !audited)
        return audited;
    return t.value()->commit();
}

} // namespace mado
