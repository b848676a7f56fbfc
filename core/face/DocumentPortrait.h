#pragma once

#include "core/domain/Result.h"
#include "core/face/CardDetector.h"
#include "core/face/FaceTypes.h"

#include <optional>

namespace mado {

#include <functional>

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

// Finds the document portrait (see DocumentPortraitResult) with a face finder such as
// FaceEngine::alignLargestFace; runs on the calling thread.
class DocumentPortrait {
public:
    // (image, facesFound out, first detection pass max side) -> the largest face, aligned
    using FindFace = std::function<Result<AlignedFace>(const cv::Mat &, int *, int)>;
    static Result<DocumentPortraitResult> find(const FindFace &findFace, const cv::Mat &documentBgr);

    static constexpr int kCardDetectSide = 560;
};

} // namespace mado
