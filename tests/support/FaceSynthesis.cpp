#include "tests/support/FaceSynthesis.h"

#include "core/evaluation/PlaneTilt.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <vector>

namespace mado::test {

cv::Matx33d tiltedPlaneHomography(const cv::Size &size, double yawDeg, double pitchDeg, double focal)
{
    return PlaneTilt::homography(size, yawDeg, pitchDeg, focal);
}

cv::Mat tiltedPlaneView(const cv::Mat &image, double yawDeg, double pitchDeg, double focal)
{
    return PlaneTilt::view(image, yawDeg, pitchDeg, focal);
}

cv::Mat blurred(const cv::Mat &image, double sigma)
{
    cv::Mat out;
    cv::GaussianBlur(image, out, cv::Size(), sigma);
    return out;
}

cv::Mat scaledIntensity(const cv::Mat &image, double factor)
{
    cv::Mat out;
    image.convertTo(out, -1, factor, 0.0);
    return out;
}

cv::Mat mirrored(const cv::Mat &image)
{
    cv::Mat out;
    cv::flip(image, out, 1);
    return out;
}

} // namespace mado::test
