#pragma once

#include <opencv2/core/mat.hpp>

#include <array>
#include <optional>

namespace mado {

// An identity card found in a photo.
struct CardQuad {
    std::array<cv::Point2f, 4> corners; // in original image pixels: top-left, top-right, bottom-right, bottom-left
    cv::Mat rectified;                   // the card warped flat to ID-1 proportions, kRectifiedSize
    cv::Mat toRectified;                 // 3x3 homography, original -> rectified
};

// Finds an ID-1 card (85.60 x 53.98 mm) in a photo: edges on a reduced copy, the largest convex
// quadrilateral whose side ratio fits a card seen in perspective, then a perspective warp of the
// original pixels to 856 x 540 (10 px/mm). Returns nothing when no such quadrilateral stands out
// (plain background needed; a card held in a hand over a busy background may not be found).
// Const and stateless: any thread.
class CardDetector {
public:
    static constexpr double kAspect = 85.60 / 53.98;
    static cv::Size rectifiedSize() { return cv::Size(856, 540); }

    std::optional<CardQuad> detect(const cv::Mat &bgr) const;

    // Orders four points as top-left, top-right, bottom-right, bottom-left with the long side
    // horizontal.
    static std::array<cv::Point2f, 4> orderCorners(const std::vector<cv::Point2f> &points);

    // Warps the card with known corners (top-left, top-right, bottom-right, bottom-left, as a
    // Verdict stores them) flat to rectifiedSize(), as detect() does. Empty when the image is empty.
    static cv::Mat rectify(const cv::Mat &bgr, const std::array<cv::Point2f, 4> &corners);
};

} // namespace mado
