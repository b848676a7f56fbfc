#include "core/face/HeadTurnCheck.h"

#include <cmath>

namespace mado {

namespace {

HeadTurnDecision fail(const char *reason)
{
    return HeadTurnDecision{false, QString::fromLatin1(reason)};
}

} // namespace

HeadTurnCheck::HeadTurnCheck(HeadTurnThresholds thresholds) : m_thresholds(thresholds) {}

HeadTurnDecision HeadTurnCheck::evaluate(ChallengeDirection asked, const HeadPose &pose) const
{
    const HeadTurnThresholds &t = m_thresholds;
    if (std::abs(pose.roll) > t.maxRoll)
        return fail("head_tilted");
    if (asked == ChallengeDirection::Front) {
        if (std::abs(pose.yaw) > t.frontMaxYaw || std::abs(pose.pitch) > t.frontMaxPitch)
            return fail("not_frontal");
        return HeadTurnDecision{true, QStringLiteral("ok")};
    }

    const bool horizontal = asked == ChallengeDirection::Left || asked == ChallengeDirection::Right;
    const double sign = (asked == ChallengeDirection::Left || asked == ChallengeDirection::Up) ? 1.0 : -1.0;
    const double along = sign * (horizontal ? pose.yaw : pose.pitch); // > 0 in the asked direction
    const double across = horizontal ? pose.pitch : pose.yaw;
    const double minimum = horizontal ? t.minYaw : t.minPitch;
    if (along <= -minimum)
        return fail("wrong_direction");
    if (along < minimum)
        return fail("turn_too_small");
    if (std::abs(across) > t.maxOffAxisRatio * along)
        return fail("off_axis");
    return HeadTurnDecision{true, QStringLiteral("ok")};
}

} // namespace mado
