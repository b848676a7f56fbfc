#include "core/domain/CaseState.h"

#include <array>
#include <utility>

namespace mado {

namespace {

constexpr std::array<std::pair<CaseState, const char *>, 11> kStates{{
    {CaseState::Received, "received"},
    {CaseState::Imported, "imported"},
    {CaseState::Verified, "verified"},
    {CaseState::Held, "held"},
    {CaseState::Claimed, "claimed"},
    {CaseState::Decided, "decided"},
    {CaseState::Batched, "batched"},
    {CaseState::Returned, "returned"},
    {CaseState::BatchApproved, "batch_approved"},
    {CaseState::Issued, "issued"},
    {CaseState::Notified, "notified"},
}};

constexpr std::array<std::pair<DecisionOutcome, const char *>, 3> kOutcomes{{
    {DecisionOutcome::Approved, "approved"},
    {DecisionOutcome::Rejected, "rejected"},
    {DecisionOutcome::ResubmissionRequested, "resubmission_requested"},
}};

} // namespace

QString caseStateName(CaseState state)
{
    for (const auto &[value, name] : kStates) {
        if (value == state)
            return QString::fromLatin1(name);
    }
    return QString();
}

std::optional<CaseState> caseStateFromName(const QString &name)
{
    for (const auto &[value, text] : kStates) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

QString decisionOutcomeName(DecisionOutcome outcome)
{
    for (const auto &[value, name] : kOutcomes) {
        if (value == outcome)
            return QString::fromLatin1(name);
    }
    return QString();
}

std::optional<DecisionOutcome> decisionOutcomeFromName(const QString &name)
{
    for (const auto &[value, text] : kOutcomes) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

} // namespace mado
