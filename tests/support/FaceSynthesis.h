#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/matx.hpp>

namespace mado::test {

// Image synthesis for face tests, built from real photos at test time.

// The homography that shows an image as a flat print rotated in 3-D about its centre: first by
// `yawDeg` about the vertical axis, then by `pitchDeg` about the horizontal one, seen by a
// pinhole camera with focal length `focal` pixels that looked at the unrotated print from
// `focal` pixels away (so the unrotated print maps onto itself).
cv::Matx33d tiltedPlaneHomography(const cv::Size &size, double yawDeg, double pitchDeg, double focal = 1000.0);
// The image warped by tiltedPlaneHomography (border replicated): a flat-photo attack frame.
cv::Mat tiltedPlaneView(const cv::Mat &image, double yawDeg, double pitchDeg, double focal = 1000.0);
// Gaussian blur with standard deviation `sigma` pixels.
cv::Mat blurred(const cv::Mat &image, double sigma);
// Every intensity multiplied by `factor` (saturating): < 1 darkens, > 1 brightens.
cv::Mat scaledIntensity(const cv::Mat &image, double factor);
// The image flipped left-right.
cv::Mat mirrored(const cv::Mat &image);

} // namespace mado::test
