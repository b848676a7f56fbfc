#include "core/face/DocumentPortrait.h"

#include "core/face/HogFaceDetector.h"

namespace mado {

Result<DocumentPortraitResult> DocumentPortrait::find(const FindFace &findFace, const cv::Mat &documentBgr)
{
    DocumentPortraitResult result;
    result.card = CardDetector().detect(documentBgr);
    if (result.card) {
        // The rectified card is 856 px wide: detect at full size, portraits are small.
        const cv::Mat &rectified = result.card->rectified;
        auto onCard = findFace(rectified, &result.facesFound, rectified.cols);
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
