#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/matx.hpp>

namespace mado {

// A printed photo held `focal` pixels from the camera and rotated as a plane about its centre:
// the homography that maps the upright print to the tilted one (yaw about the vertical axis,
// pitch about the horizontal one, degrees), and the warped image. Flat-photo attack frames for
// tests, evaluation and the demo. Pure functions; any thread.
class PlaneTilt {
public:
    static cv::Matx33d homography(const cv::Size &size, double yawDeg, double pitchDeg, double focal = 1000.0);
    static cv::Mat view(const cv::Mat &image, double yawDeg, double pitchDeg, double focal = 1000.0);
};

} // namespace mado
