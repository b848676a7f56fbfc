#pragma once

#include "core/Result.h"
#include "core/face/CardDetector.h"
#include "core/face/FaceTypes.h"

#include <optional>

namespace mado {

class FaceEngine;

// The portrait of an identity document photo: the card is found and rectified, and the largest
// face on the rectified card is the portrait. When no card is found, or no face is on it, the
// largest face of the whole photo is used instead and `fromCard` says so.
struct DocumentPortraitResult {
    std::optional<CardQuad> card;
    bool fromCard = false;
    int facesFound = 0;
    AlignedFace face;   // coordinates in the rectified card when fromCard, else in the photo
    cv::Mat faceSource; // the image `face` was found in (rectified card or the photo)
};

// Finds the document portrait (see DocumentPortraitResult). Uses the engine's detector and
// aligner: same threading rule as FaceEngine (one per thread).
class DocumentPortrait {
public:
    static Result<DocumentPortraitResult> find(FaceEngine &engine, const cv::Mat &documentBgr);
};

} // namespace mado
