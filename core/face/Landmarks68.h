#pragma once

#include <opencv2/core/types.hpp>

#include <array>
#include <vector>

namespace mado {

// The 68 facial landmarks of the iBUG 300-W scheme (dlib's shape_predictor_68), in the pixel
// coordinates of the image they were found in. Indices are 0-based as in dlib:
//   0-16 jaw, 17-21 brow and 36-41 eye on the IMAGE LEFT, 22-26 brow and 42-47 eye on the
//   IMAGE RIGHT, 27-35 nose (30 = tip), 48-67 mouth (48 and 54 = corners), 8 = chin.
// In an unmirrored photo of the applicant the image-right eye (42-47) is the applicant's left eye.
// A plain value; any thread.
class Landmarks68 {
public:
    static constexpr int kCount = 68;
    static constexpr int kNoseTip = 30;
    static constexpr int kChin = 8;

    Landmarks68() = default;
    // `points` must hold exactly kCount points; otherwise the object stays invalid.
    explicit Landmarks68(std::vector<cv::Point2f> points);

    // The helpers below require valid(); they throw std::out_of_range otherwise.
    bool valid() const { return m_points.size() == std::size_t(kCount); }
    const std::vector<cv::Point2f> &points() const { return m_points; }
    const cv::Point2f &at(int index) const { return m_points.at(std::size_t(index)); }

    // Centres of the eyes on the image left (36-41) and image right (42-47).
    cv::Point2f imageLeftEyeCentre() const;
    cv::Point2f imageRightEyeCentre() const;
    // Distance between the two eye centres, in pixels.
    double interOcularDistance() const;
    // Bounding box of brows, eyes, nose and mouth (17-67): the face without the jaw outline.
    cv::Rect2f innerFaceBounds() const;

    // Eyes, nose and mouth (27-67): the points that move rigidly with the face and are found
    // most reliably. Brows (they move with expression) and the jaw outline (its points slide
    // along the silhouette when the head turns) are left out.
    static const std::vector<int> &innerIndices();
    // The same points as `innerIndices()` selects.
    std::vector<cv::Point2f> select(const std::vector<int> &indices) const;

private:
    cv::Point2f centreOf(int first, int last) const;
    std::vector<cv::Point2f> m_points;
};

} // namespace mado
