#pragma once

#include "core/domain/Result.h"
#include "core/face/FaceTypes.h"
#include "core/face/Landmarks68.h"

#include <memory>
#include <vector>

namespace mado {
class HogFaceDetector;
class LandmarkModel68;
} // namespace mado

namespace mado::test {

struct FoundFace {
    FaceBox box;
    Landmarks68 landmarks;
};

// Test helper: the real HOG detector and the real 68-point model from the default ModelSet.
// One per test; not thread-safe.
class FaceLandmarkFinder {
public:
    static Result<std::unique_ptr<FaceLandmarkFinder>> load();
    ~FaceLandmarkFinder();

    // Every face in an 8-bit BGR image, largest first.
    std::vector<FoundFace> all(const cv::Mat &bgr);
    // The largest face; NoFace when there is none.
    Result<FoundFace> largest(const cv::Mat &bgr);
    // Landmarks for a given box (which may extend past the image).
    Result<Landmarks68> at(const cv::Mat &bgr, const cv::Rect &box) const;
    // The face whose box contains `point` (tests name faces of a group photo by a point), or null.
    static const FoundFace *faceAt(const std::vector<FoundFace> &faces, const cv::Point &point);

private:
    FaceLandmarkFinder();
    std::unique_ptr<HogFaceDetector> m_detector;
    std::shared_ptr<const LandmarkModel68> m_model;
};

} // namespace mado::test
