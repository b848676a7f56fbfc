#pragma once

#include "core/domain/CaseBundle.h"
#include "core/face/HeadPose.h"

#include <QString>

#include <optional>

namespace mado {

// A direction the liveness challenge asks for, in terms of the applicant (see HeadPose):
// Left = the applicant turns to THEIR left (yaw > 0), Up = looks up (pitch > 0).
// The challenge directions are the domain's Direction (core/domain/CaseBundle.h).
using ChallengeDirection = Direction;
inline QString challengeDirectionName(Direction direction)
{
    return directionName(direction);
}
inline std::optional<Direction> challengeDirectionFromName(const QString &name)
{
    return directionFromName(name);
}

// All thresholds of the direction decision, in degrees of the measured pose. Starting values
// from small samples (docs/face-engine.md); to be calibrated by `eval`.
struct HeadTurnThresholds {
    double frontMaxYaw = 10.0;   // |yaw| allowed for the frontal frame
    double frontMaxPitch = 12.0; // |pitch| allowed for the frontal frame (the generic model has a per-person bias)
    double minYaw = 12.0;        // measured yaw a left/right step must reach
    double minPitch = 10.0;      // measured pitch an up/down step must reach
    // The asked axis must dominate: the other axis may reach at most this share of it.
    double maxOffAxisRatio = 1.0;
    double maxRoll = 25.0;       // |roll| beyond this fails any step
};

// The decision for one frame. `reason` is a stable code:
//   "ok", "not_frontal" (front frame turned), "wrong_direction", "turn_too_small",
//   "off_axis" (turned more along the other axis than the asked one), "head_tilted" (roll).
struct HeadTurnDecision {
    bool passed = false;
    QString reason;
};

// Decides whether a measured pose follows one challenge step. Pure function of its inputs;
// any thread.
class HeadTurnCheck {
public:
    explicit HeadTurnCheck(HeadTurnThresholds thresholds = {});

    HeadTurnDecision evaluate(ChallengeDirection asked, const HeadPose &pose) const;

    const HeadTurnThresholds &thresholds() const { return m_thresholds; }

private:
    HeadTurnThresholds m_thresholds;
};

} // namespace mado
