#include "core/face/HeadPose.h"

#include <opencv2/calib3d.hpp>
#include <opencv2/core.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace mado {

namespace {

struct ModelPoint {
    int landmark;
    cv::Point3d position;
};

// Generic face in model units (about centimetres), in a frame that coincides with OpenCV's
// camera frame for a face looking straight into the camera: X to the image right (the
// applicant's left), Y down, Z away from the camera (the nose tip is nearest).
// The values are the widely used 14-point anthropometric face of the dlib head-pose examples,
// expressed in this frame.
const std::array<ModelPoint, 14> &genericFace()
{
    static const std::array<ModelPoint, 14> points{{
        {17, {-6.825897, -6.760612, -4.402142}}, // brow, outer end, image left
        {21, {-1.330353, -7.122144, -6.903745}}, // brow, inner end, image left
        {22, {1.330353, -7.122144, -6.903745}},  // brow, inner end, image right
        {26, {6.825897, -6.760612, -4.402142}},  // brow, outer end, image right
        {36, {-5.311432, -5.485328, -3.987654}}, // eye, outer corner, image left
        {39, {-1.789930, -5.393625, -4.413414}}, // eye, inner corner, image left
        {42, {1.789930, -5.393625, -4.413414}},  // eye, inner corner, image right
        {45, {5.311432, -5.485328, -3.987654}},  // eye, outer corner, image right
        {31, {-2.005628, -1.409845, -6.165652}}, // nostril, image left
        {35, {2.005628, -1.409845, -6.165652}},  // nostril, image right
        {48, {-2.774015, 2.080775, -5.048531}},  // mouth corner, image left
        {54, {2.774015, 2.080775, -5.048531}},   // mouth corner, image right
        {57, {0.000000, 3.116408, -6.097667}},   // lower lip, centre
        {8, {0.000000, 7.415691, -4.070434}},    // chin
    }};
    return points;
}

constexpr double kDegPerRad = 180.0 / CV_PI;

} // namespace

Result<HeadPose> HeadPose::estimate(const Landmarks68 &landmarks, const cv::Size &imageSize)
{
    if (!landmarks.valid() || imageSize.width <= 0 || imageSize.height <= 0)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("head pose needs 68 landmarks and an image size")};

    std::vector<cv::Point3d> objectPoints;
    std::vector<cv::Point2d> imagePoints;
    for (const ModelPoint &p : genericFace()) {
        objectPoints.push_back(p.position);
        imagePoints.emplace_back(landmarks.at(p.landmark));
    }
    const double focal = imageSize.width;
    const cv::Matx33d camera(focal, 0, imageSize.width / 2.0, 0, focal, imageSize.height / 2.0, 0, 0, 1);

    // Start from a face straight in front of the camera, at the distance its eye spacing implies,
    // so the iteration cannot settle on the mirrored solution behind the camera.
    const double modelEyeSpacing = 2.0 * 3.55; // eye centres in the generic face
    const double distance = focal * modelEyeSpacing / std::max(1.0, landmarks.interOcularDistance());
    const cv::Point2f nose = landmarks.at(Landmarks68::kNoseTip);
    cv::Vec3d rvec(0, 0, 0);
    cv::Vec3d tvec((nose.x - imageSize.width / 2.0) * distance / focal,
                   (nose.y - imageSize.height / 2.0) * distance / focal, distance);
    bool solved = false;
    try {
        solved = cv::solvePnP(objectPoints, imagePoints, camera, cv::noArray(), rvec, tvec, true,
                              cv::SOLVEPNP_ITERATIVE);
    } catch (const cv::Exception &) {
        solved = false;
    }
    if (!solved || tvec[2] <= 0.0)
        return Error{ErrorCode::Internal, QStringLiteral("head pose: no solution in front of the camera")};

    cv::Matx33d r;
    cv::Rodrigues(rvec, r);
    // r = Ry(a) * Rx(b) * Rz(c) with OpenCV's axes (x right, y down, z forward). Turning to the
    // applicant's left moves the nose (-Z of the model) to +x, which is a negative rotation about
    // the downward y axis; looking up is a negative rotation about x; see the header.
    HeadPose pose;
    pose.yaw = -std::atan2(r(0, 2), r(2, 2)) * kDegPerRad;
    pose.pitch = std::asin(std::clamp(r(1, 2), -1.0, 1.0)) * kDegPerRad;
    pose.roll = std::atan2(r(1, 0), r(1, 1)) * kDegPerRad;
    return pose;
}

} // namespace mado
