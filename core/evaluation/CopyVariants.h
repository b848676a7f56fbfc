#pragma once

#include <QString>

#include <opencv2/core.hpp>

namespace mado {

// What an applicant may send instead of a live selfie when the selfie is a copy of the document
// portrait: the variants `madoguchi-cli eval --copies` compares with genuine selfies. Each turns
// a photo into the image the verifier would receive, deterministically for a given seed:
//   0  the photo in a 1280x720 camera frame (the demo scenario)
//   1  JPEG q50 re-encode, then framed
//   2  downscaled to 50 %, then framed
//   3  rotated 5 degrees, then framed
//   4  rotated -8 degrees, scaled 0.8, JPEG q70, then framed
//   5  the photo on a specimen card photographed again (another perspective), the whole photo
// Pure functions; any thread.
class CopyVariants {
public:
    static constexpr int kCount = 6;

    static QString name(int variant);
    // The image received for `variant` of `photoBgr` (8-bit BGR); an empty Mat for an unknown variant.
    static cv::Mat apply(const cv::Mat &photoBgr, int variant, unsigned seed);

    // The building blocks, also used for the genuine side of the evaluation.
    static cv::Mat jpegRoundTrip(const cv::Mat &bgr, int quality);
    static cv::Mat rotated(const cv::Mat &bgr, double degrees, double scale);
    // The photo as the portrait of a photographed My Number specimen card (perspective, blur and
    // light from `seed`).
    static cv::Mat cardPhoto(const cv::Mat &photoBgr, unsigned seed);
};

} // namespace mado
