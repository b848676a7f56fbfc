#pragma once

#include "core/face/FaceTypes.h"
#include "core/face/MatchThresholds.h"

#include <QJsonObject>
#include <QStringList>

namespace mado {

// What the engine found in one image of a comparison.
struct FaceSide {
    int imageWidth = 0;
    int imageHeight = 0;
    int facesFound = 0;
    FaceBox face; // the face that was compared (the largest one)
};

// Result of comparing the face on an identity document with a selfie. Plain value.
struct FaceMatch {
    double distance = 0.0;
    MatchBand band = MatchBand::Mismatch;
    MatchThresholds thresholds;
    FaceSide document;
    FaceSide selfie;
    // Stable codes for things a reviewer should know, e.g. "document_several_faces_largest_used".
    QStringList notes;
    double detectMs = 0.0;
    double alignMs = 0.0;
    double descriptorMs = 0.0;

    QJsonObject toJson() const;
};

} // namespace mado
