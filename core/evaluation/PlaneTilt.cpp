#include "core/evaluation/PlaneTilt.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <vector>

namespace mado {

cv::Matx33d PlaneTilt::homography(const cv::Size &size, double yawDeg, double pitchDeg, double focal)
{
    const double cx = size.width / 2.0;
    const double cy = size.height / 2.0;
    const double a = yawDeg * CV_PI / 180.0;
    const double b = pitchDeg * CV_PI / 180.0;
    const cv::Matx33d ry(std::cos(a), 0, std::sin(a), 0, 1, 0, -std::sin(a), 0, std::cos(a));
    const cv::Matx33d rx(1, 0, 0, 0, std::cos(b), -std::sin(b), 0, std::sin(b), std::cos(b));
    const cv::Matx33d r = rx * ry;

    // The print lies in the plane Z = focal; a pixel (u, v) is the point ((u-cx), (v-cy), focal).
    // Rotate each corner about the print's centre, project it, and fit the exact homography.
    std::vector<cv::Point2f> from, to;
    for (const cv::Point2f corner : {cv::Point2f(0, 0), cv::Point2f(float(size.width), 0),
                                     cv::Point2f(float(size.width), float(size.height)),
                                     cv::Point2f(0, float(size.height))}) {
        const cv::Vec3d onPrint(corner.x - cx, corner.y - cy, 0.0);
        const cv::Vec3d p = r * onPrint + cv::Vec3d(0, 0, focal);
        from.push_back(corner);
        to.emplace_back(float(cx + focal * p[0] / p[2]), float(cy + focal * p[1] / p[2]));
    }
    return cv::Matx33d(cv::getPerspectiveTransform(from, to));
}

cv::Mat PlaneTilt::view(const cv::Mat &image, double yawDeg, double pitchDeg, double focal)
{
    cv::Mat out;
    cv::warpPerspective(image, out, cv::Mat(homography(image.size(), yawDeg, pitchDeg, focal)),
                        image.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

} // namespace mado
