#include "core/workflow/WorkflowRules.h"

namespace mado {

QString workflowActionName(WorkflowAction action)
{
    switch (action) {
    case WorkflowAction::Verify:
        return QStringLiteral("verify");
    case WorkflowAction::Claim:
        return QStringLiteral("claim");
    case WorkflowAction::Decide:
        return QStringLiteral("decide");
    case WorkflowAction::SubmitBatch:
        return QStringLiteral("submit_batch");
    case WorkflowAction::ApproveBatch:
        return QStringLiteral("approve_batch");
    case WorkflowAction::ReturnCase:
        return QStringLiteral("return_case");
    case WorkflowAction::Issue:
        return QStringLiteral("issue");
    case WorkflowAction::Notify:
        return QStringLiteral("notify");
    }
    return QString();
}

bool WorkflowRules::roleMay(Role role, WorkflowAction action)
{
    switch (action) {
    case WorkflowAction::ApproveBatch:
    case WorkflowAction::ReturnCase:
        return role == Role::Supervisor;
    case WorkflowAction::Verify:
    case WorkflowAction::Claim:
    case WorkflowAction::Decide:
    case WorkflowAction::SubmitBatch:
    case WorkflowAction::Issue:
    case WorkflowAction::Notify:
        // Admins manage users and policy; they do no case work.
        return role == Role::Clerk || role == Role::Supervisor;
    }
    return false;
}

bool WorkflowRules::stateAllows(CaseState state, WorkflowAction action)
{
    switch (action) {
    case WorkflowAction::Verify:
        return state == CaseState::Imported;
    case WorkflowAction::Claim:
        // A claimed case may be claimed again only once the claim expired (checked by CaseWorkflow).
        return state == CaseState::Verified || state == CaseState::Held || state == CaseState::Claimed ||
               state == CaseState::Returned;
    case WorkflowAction::Decide:
        return state == CaseState::Claimed;
    case WorkflowAction::SubmitBatch:
        return state == CaseState::Decided;
    case WorkflowAction::ApproveBatch:
    case WorkflowAction::ReturnCase:
        return state == CaseState::Batched;
    case WorkflowAction::Issue:
        return state == CaseState::BatchApproved;
    case WorkflowAction::Notify:
        // Issued certificates, or approved batches' rejections and resubmission requests.
        return state == CaseState::Issued || state == CaseState::BatchApproved;
    }
    return false;
}

Status WorkflowRules::check(Role role, CaseState state, WorkflowAction action)
{
    if (!roleMay(role, action)) {
        return Error{ErrorCode::PermissionDenied,
                     QStringLiteral("a %1 may not %2").arg(roleName(role), workflowActionName(action))};
    }
    if (!stateAllows(state, action)) {
        return Error{
            ErrorCode::InvalidState,
            QStringLiteral("cannot %1 a case in state %2").arg(workflowActionName(action), caseStateName(state))};
    }
    return {};
}

} // namespace mado
