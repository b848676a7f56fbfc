#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

#include <array>
#include <vector>

namespace mado {

// 128-D face descriptor of dlib's ResNet v1; compared by Euclidean distance.
using FaceDescriptor = std::array<float, 128>;

double descriptorDistance(const FaceDescriptor &a, const FaceDescriptor &b);

// A face found by a detector, in the pixel coordinates of the original image.
struct FaceBox {
    cv::Rect rect;
    double score = 0.0; // detector confidence, higher is surer
};

// Landmarks and aligned crop of one face.
struct AlignedFace {
    FaceBox box;
    std::vector<cv::Point2f> landmarks; // 5 points (eye corners, nose) in original image pixels
    cv::Mat chip;                        // 150x150 RGB, aligned and scaled as dlib's ResNet expects
};

} // namespace mado
