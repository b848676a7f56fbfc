#pragma once

#include "core/domain/CaseBundle.h"

#include <opencv2/core/mat.hpp>

#include <array>

namespace mado {

// A photographed specimen card: the scene and where the card's corners ended up in it.
struct SpecimenPhoto {
    cv::Mat bgr;
    std::array<cv::Point2f, 4> corners; // top-left, top-right, bottom-right, bottom-left
};

struct SpecimenPhotoOptions {
    unsigned seed = 1;
    cv::Size scene{1600, 1200};
    double cardWidthFraction = 0.6; // card width relative to the scene width, before tilting
    double maxRotationDeg = 12.0;   // in-plane rotation
    double maxTiltDeg = 25.0;       // out-of-plane tilt (perspective)
    double blurSigma = -1.0;        // < 0: random in [0, 1.2]
    double brightness = 0.0;        // 0: random in [0.8, 1.15]
    int jpegQuality = 90;
};

// Synthetic identity documents for tests, evaluation, benchmarks and the demo: a card-like
// template at ID-1 proportions (85.60 x 53.98 mm, 10 px/mm), visibly marked as a specimen (見本),
// with fictitious text and the given portrait, then "photographed" on a random background with
// perspective, rotation, blur, lighting and JPEG compression. Never a real document layout.
// Pure functions; any thread.
class SpecimenCard {
public:
    static constexpr int kWidth = 856;
    static constexpr int kHeight = 540;
    // Where the portrait goes on the flat card.
    static cv::Rect portraitSlot() { return cv::Rect(604, 118, 216, 270); }

    // portraitBgr: any photo with a face near its centre (centre-cropped to 4:5).
    static cv::Mat render(const cv::Mat &portraitBgr, DocumentType type);
    static SpecimenPhoto photograph(const cv::Mat &cardBgr, const SpecimenPhotoOptions &options);
};

} // namespace mado
