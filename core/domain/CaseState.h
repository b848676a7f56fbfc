#pragma once

#include <QString>

#include <optional>

namespace mado {

// Where a case is in its lifecycle (docs/store.md has the transition table). "held" is a verified
// case whose procedure does not accept its identity method: it can only be claimed and rejected.
enum class CaseState {
    Received,
    Imported,
    Verified,
    Held,
    Claimed,
    Decided,
    Batched,
    Returned,
    BatchApproved,
    Issued,
    Notified,
};

// The clerk's decision on a case.
enum class DecisionOutcome { Approved, Rejected, ResubmissionRequested };

QString caseStateName(CaseState state);
std::optional<CaseState> caseStateFromName(const QString &name);
QString decisionOutcomeName(DecisionOutcome outcome);
std::optional<DecisionOutcome> decisionOutcomeFromName(const QString &name);

} // namespace mado
