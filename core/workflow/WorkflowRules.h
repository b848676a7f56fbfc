#pragma once

#include "core/domain/Result.h"
#include "core/domain/CaseState.h"
#include "core/domain/Role.h"

#include <QString>

namespace mado {

enum class WorkflowAction { Verify, Claim, Decide, SubmitBatch, ApproveBatch, ReturnCase, Issue, Notify };

QString workflowActionName(WorkflowAction action);

// The static part of the workflow: which roles may take an action and from which case states.
// CaseWorkflow, BatchWorkflow and CertificateIssuer call it inside their transactions and add the
// dynamic checks (claim owner and expiry, four eyes, policy hold, resubmission cap). Pure; any thread.
class WorkflowRules {
public:
    static bool roleMay(Role role, WorkflowAction action);
    static bool stateAllows(CaseState state, WorkflowAction action);
    // PermissionDenied (role) is checked before InvalidState (state).
    static Status check(Role role, CaseState state, WorkflowAction action);
};

} // namespace mado
