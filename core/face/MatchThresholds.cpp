#include "core/face/MatchThresholds.h"

namespace mado {

QString matchBandName(MatchBand band)
{
    switch (band) {
    case MatchBand::Match:
        return QStringLiteral("match");
    case MatchBand::Review:
        return QStringLiteral("review");
    case MatchBand::Mismatch:
        return QStringLiteral("mismatch");
    }
    return QStringLiteral("mismatch");
}

MatchBand MatchThresholds::classify(double distance) const
{
    if (distance <= matchMax)
        return MatchBand::Match;
    if (distance <= reviewMax)
        return MatchBand::Review;
    return MatchBand::Mismatch;
}

} // namespace mado
