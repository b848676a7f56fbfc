#pragma once

#include "core/domain/Result.h"
#include "core/domain/CaseState.h"
#include "core/domain/Verdict.h"
#include "core/workflow/WorkflowOptions.h"

#include <QString>

namespace mado {

class CaseStore;

// Per-case transitions: verified (AI verdict stored), claimed, decided, notified. Each call is one
// transaction holding the state change and its audit entry; the acting user's role is read from
// the store inside it. Refusals: PermissionDenied (role), InvalidState (state), Conflict (claimed by
// someone else, or own claim expired), PolicyRefused (approve a held case), LimitReached
// (resubmission cap), InvalidArgument. Any thread (each uses its own connection).
class CaseWorkflow {
public:
    struct Decision {
        DecisionOutcome outcome = DecisionOutcome::Approved;
        QString reasonCode; // required for rejections, e.g. "face_mismatch", "document_unreadable"
        QString comment;    // free text for the supervisor; not written to the audit
    };

    CaseWorkflow(CaseStore &store, WorkflowOptions options = {});

    Status markVerified(qint64 userId, qint64 caseId, const Verdict &verdict);
    // Wins only when the case is free: verified/held, returned (after its clerk's turn), or claimed
    // with an expired claim. The check and the update are one conditional UPDATE.
    Status claim(qint64 userId, qint64 caseId);
    Status decide(qint64 userId, qint64 caseId, const Decision &decision);
    Status markNotified(qint64 userId, qint64 caseId);

private:
    CaseStore &m_store;
    WorkflowOptions m_options;
};

} // namespace mado
