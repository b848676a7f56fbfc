#pragma once

#include "core/domain/Result.h"
#include "core/face/Landmarks68.h"

#include <opencv2/core/types.hpp>

namespace mado {

// Head pose of the applicant in degrees, estimated from 68 landmarks with a generic 3-D face
// model and cv::solvePnP (pinhole camera, focal length = image width, principal point at the
// image centre, no distortion).
//
// Sign convention, in terms of the APPLICANT (the person photographed), for an image as the
// camera sees them (not mirrored like a selfie preview):
//   yaw   > 0: the applicant turned their head to THEIR left (the nose moves to the image right).
//   pitch > 0: the applicant looks up (the nose moves up in the image).
//   roll  > 0: the applicant tilts their head towards THEIR left shoulder (their left eye,
//              on the image right, is lower than their right eye).
// A horizontally mirrored image flips the signs of yaw and roll and keeps pitch.
// All three are 0 for a face looking straight into the camera. The angles are a Y-X-Z Euler
// decomposition (yaw about the vertical image axis first, then pitch, then roll).
//
// Accuracy: the model is an average face, so a few degrees of bias per person are normal;
// a photo tilted as a plane moves the measured pose much less than a turning head does
// (see docs/face-engine.md). Any thread.
struct HeadPose {
    double yaw = 0.0;
    double pitch = 0.0;
    double roll = 0.0;

    // Estimates the pose; InvalidArgument for invalid landmarks or an empty image size,
    // Internal when solvePnP finds no solution in front of the camera.
    static Result<HeadPose> estimate(const Landmarks68 &landmarks, const cv::Size &imageSize);
};

} // namespace mado
