#pragma once

#include "core/face/FaceTypes.h"

#include <memory>
#include <vector>

namespace mado {

// dlib's HOG frontal face detector. Detects on a reduced copy of large images (fast) and on
// enlarged copies of small ones when nothing was found (HOG needs faces of about 80 px).
// Boxes are returned in original pixels, largest first. Not thread-safe: one per thread.
class HogFaceDetector {
public:
    HogFaceDetector();
    ~HogFaceDetector();
    HogFaceDetector(const HogFaceDetector &) = delete;
    HogFaceDetector &operator=(const HogFaceDetector &) = delete;

    // Longest side of the first detection pass; larger images are reduced to it.
    static constexpr int kFirstPassMaxSide = 1000;

    std::vector<FaceBox> detect(const cv::Mat &gray, int firstPassMaxSide = kFirstPassMaxSide);
    // Enlargement stops once the working image would exceed this side.
    static constexpr int kUpsampleMaxSide = 2400;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mado
