#pragma once

namespace mado {

// Tunable workflow values (from the ward's settings).
struct WorkflowOptions {
    int claimSeconds = 30 * 60; // a claim lapses after this, so an absent clerk does not block a case
    int maxResubmissions = 2;   // resubmission requests allowed per case before it must be decided
};

} // namespace mado
