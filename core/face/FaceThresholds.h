#pragma once

#include "core/domain/Result.h"
#include "core/face/FlatPhotoCheck.h"
#include "core/face/HeadTurnCheck.h"
#include "core/face/MatchThresholds.h"
#include "core/face/ModelSet.h"
#include "core/face/QualityGates.h"

#include <QJsonObject>
#include <QMap>

namespace mado {

// Distances between the frontal selfie frame and the turned frames of the same case.
struct SamePersonThresholds {
    double turnedMax = 0.60;     // pass at or below
    double turnedWarnMax = 0.70; // warn up to, fail above (turned faces are harder to match)
};

// "The selfie is a copy of the document portrait": a selfie frame whose face is (nearly) the
// document portrait's own picture. Flagged when a frame's descriptor distance to the document is
// at or below `maxDistance`, or its 256-bit face hash is within `maxBits` of the document's.
// Calibrated by `madoguchi-cli eval --copies` (docs/face-engine.md).
struct SelfieCopyThresholds {
    // The shipped file's values (chosen on johns + bald_guys, docs/face-engine.md); 0 switches
    // the distance criterion off.
    double maxDistance = 0.20;
    int maxBits = 20;
};

// Every threshold of the face engine, in one versioned file (resources/thresholds/
// face-thresholds.json, compiled in) that also names the model files (by SHA-256) it was
// derived for. Fields missing in the file keep the defaults of their structs. Plain value.
struct FaceThresholds {
    QString version;
    QMap<QString, QString> modelSha256; // model file name -> SHA-256 the thresholds were derived for
    MatchThresholds match;
    SamePersonThresholds samePerson;
    HeadTurnThresholds headTurn;
    QualityThresholds quality;
    FlatPhotoThresholds flatPhoto;
    int replaySameFaceMaxBits = 3; // of the 256-bit face hash
    SelfieCopyThresholds selfieCopy;

    static QString resourcePath() { return QStringLiteral(":/thresholds/face-thresholds.json"); }
    static Result<FaceThresholds> shipped();
    static Result<FaceThresholds> fromJson(const QJsonObject &json);
    // Refuses thresholds derived for other model files than the ones `models` expects.
    Status checkModels() const;
};

} // namespace mado
