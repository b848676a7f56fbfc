#include "core/face/DocumentPortrait.h"

#include "core/face/HogFaceDetector.h"

namespace mado {

Result<DocumentPortraitResult> DocumentPortrait::find(const FindFace &findFace, const cv::Mat &documentBgr)
{
    DocumentPortraitResult result;
    result.card = CardDetector().detect(documentBgr);
    if (result.card) {
        // On the 856 px rectified card a portrait is 100-200 px tall: a first pass at 560 px still
        // sees it (HOG needs about 80 px) at a third of the cost; smaller ones trigger enlargement.
        const cv::Mat &rectified = result.card->rectified;
        auto onCard = findFace(rectified, &result.facesFound, kCardDetectSide);
        if (onCard) {
            result.fromCard = true;
            result.face = std::move(onCard).value();
            result.faceSource = rectified;
            return result;
        }
        if (onCard.error().code != ErrorCode::NoFace)
            return onCard.error();
    }
    auto whole = findFace(documentBgr, &result.facesFound, HogFaceDetector::kFirstPassMaxSide);
    if (!whole)
        return Error{whole.error().code, QStringLiteral("no face found in the document image")};
    result.face = std::move(whole).value();
    result.faceSource = documentBgr;
    return result;
}

} // namespace mado
