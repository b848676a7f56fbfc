#include "core/face/Landmarks68.h"

#include <algorithm>
#include <cmath>

namespace mado {

Landmarks68::Landmarks68(std::vector<cv::Point2f> points)
{
    if (points.size() == std::size_t(kCount))
        m_points = std::move(points);
}

cv::Point2f Landmarks68::centreOf(int first, int last) const
{
    cv::Point2f sum(0.f, 0.f);
    for (int i = first; i <= last; ++i)
        sum += at(i);
    return sum * (1.f / float(last - first + 1));
}

cv::Point2f Landmarks68::imageLeftEyeCentre() const
{
    return centreOf(36, 41);
}

cv::Point2f Landmarks68::imageRightEyeCentre() const
{
    return centreOf(42, 47);
}

double Landmarks68::interOcularDistance() const
{
    const cv::Point2f d = imageRightEyeCentre() - imageLeftEyeCentre();
    return std::hypot(double(d.x), double(d.y));
}

cv::Rect2f Landmarks68::innerFaceBounds() const
{
    float left = at(17).x, right = left, top = at(17).y, bottom = top;
    for (int i = 17; i < kCount; ++i) {
        left = std::min(left, at(i).x);
        right = std::max(right, at(i).x);
        top = std::min(top, at(i).y);
        bottom = std::max(bottom, at(i).y);
    }
    return cv::Rect2f(left, top, right - left, bottom - top);
}

const std::vector<int> &Landmarks68::innerIndices()
{
    static const std::vector<int> indices = [] {
        std::vector<int> all;
        for (int i = 27; i < kCount; ++i)
            all.push_back(i);
        return all;
    }();
    return indices;
}

std::vector<cv::Point2f> Landmarks68::select(const std::vector<int> &indices) const
{
    std::vector<cv::Point2f> out;
    out.reserve(indices.size());
    for (int i : indices)
        out.push_back(at(i));
    return out;
}

} // namespace mado
