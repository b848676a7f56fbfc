#pragma once

#include "core/domain/Result.h"
#include "core/face/FaceTypes.h"

#include <QString>

#include <memory>

namespace mado {

// dlib's 5-point shape predictor and the 150x150 aligned chip the ResNet descriptor expects.
// Load once (about 9 MB); align() is const and may be called from several threads.
class FaceAligner {
public:
    static Result<std::shared_ptr<const FaceAligner>> load(const QString &shapePredictor5Path);
    ~FaceAligner();

    // `bgr` is the original colour image; `box` in its pixels.
    AlignedFace align(const cv::Mat &bgr, const FaceBox &box) const;

    static constexpr int kChipSize = 150;
    static constexpr double kChipPadding = 0.25;

private:
    FaceAligner();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mado
