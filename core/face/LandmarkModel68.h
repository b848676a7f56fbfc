#pragma once

#include "core/domain/Result.h"
#include "core/face/Landmarks68.h"
#include "core/face/ModelSet.h"

#include <QString>

#include <memory>

namespace mado {

// dlib's 68-point shape predictor (iBUG 300-W; non-commercial terms, see docs/face-engine.md),
// used for head pose, quality gates and the flat-photo check. Load once (about 100 MB);
// locate() is const and may be called from several threads at once.
// Fails with ModelMissing/ModelCorrupt when the file is absent, differs from SHA256SUMS or is
// not a 68-point predictor.
class LandmarkModel68 {
public:
    // Loads the file ModelSet verified for Model::ShapePredictor68.
    static Result<std::shared_ptr<const LandmarkModel68>> load(const ModelSet &models);
    // Loads a file without the SHA-256 check (for tools that pass a path explicitly).
    static Result<std::shared_ptr<const LandmarkModel68>> loadFile(const QString &path);
    ~LandmarkModel68();

    // 68 landmarks of the face in `box` (pixels of `image`, 8-bit gray or BGR). The box may
    // extend past the image border; the points then may too.
    Result<Landmarks68> locate(const cv::Mat &image, const cv::Rect &box) const;

    // Faces whose box is smaller than this are located on an enlarged copy (at most kUpscaleMax
    // times), so that dlib's whole-pixel results become sub-pixel in the original image.
    static constexpr int kPrecisionBoxSide = 400;
    static constexpr int kUpscaleMax = 4;

private:
    LandmarkModel68();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mado
