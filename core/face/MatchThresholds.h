#pragma once

#include <QString>

namespace mado {

enum class MatchBand { Match, Review, Mismatch };

// Stable identifier of a band: "match", "review" or "mismatch".
QString matchBandName(MatchBand band);

// The one place where the document-to-selfie distance bands are defined.
// distance <= matchMax -> Match; <= reviewMax -> Review; else Mismatch.
// These are dlib's published operating point (0.6 on LFW) with a review band below it; they
// are placeholders until the evaluation on our own data calibrates them (issue #3).
struct MatchThresholds {
    double matchMax = 0.50;
    double reviewMax = 0.60;
    QString version = QStringLiteral("dlib-default-1");

    MatchBand classify(double distance) const;
};

} // namespace mado
