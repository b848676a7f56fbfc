#pragma once

#include "core/domain/CaseBundle.h"
#include "core/domain/Verdict.h"
#include "core/face/FaceThresholds.h"

#include <optional>

namespace mado {

// The decisions of a verification, computed from the evidence already in a Verdict. Each function
// returns one Check with a stable reason code. Pure functions; any thread.
class VerdictChecks {
public:
    static Check documentFace(const Verdict &v);
    static Check imageQuality(const Verdict &v);
    static Check challenge(const Verdict &v);
    static Check samePerson(const Verdict &v, const SamePersonThresholds &t);
    static Check flatPhoto(const Verdict &v, const std::optional<FlatPhotoDecision> &decision);
    static Check replay(const Verdict &v, int sameFaceMaxBits);
    // A selfie frame that is the document portrait's own picture (photographed or sent again):
    // the closest frame to the document by descriptor distance or face hash. Warn, not fail: a
    // clerk compares the two pictures (docs/face-engine.md, "Selfie copies the document").
    static Check selfieCopiesDocument(const Verdict &v, const SelfieCopyThresholds &t);
    static Check captureWindow(const CaseBundle &bundle);
    static Check faceMatch(const Verdict &v, const MatchThresholds &t);
};

} // namespace mado
