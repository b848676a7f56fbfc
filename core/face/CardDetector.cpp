#include "core/face/CardDetector.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace mado {

namespace {

constexpr int kWorkSide = 800;           // edges are found on a copy this large
constexpr double kMinAreaFraction = 0.04; // of the image
constexpr double kMinAspect = 1.15;       // perspective squeezes the card's 1.586
constexpr double kMaxAspect = 2.3;

double distance(cv::Point2f a, cv::Point2f b)
{
    return std::hypot(double(a.x - b.x), double(a.y - b.y));
}

} // namespace

std::array<cv::Point2f, 4> CardDetector::orderCorners(const std::vector<cv::Point2f> &points)
{
    // Sort by angle around the centroid: top-left has the smallest x+y; then clockwise.
    cv::Point2f centre(0, 0);
    for (const auto &p : points)
        centre += p;
    centre *= 1.0f / float(points.size());
    std::vector<cv::Point2f> sorted = points;
    std::sort(sorted.begin(), sorted.end(), [&](cv::Point2f a, cv::Point2f b) {
        return std::atan2(a.y - centre.y, a.x - centre.x) < std::atan2(b.y - centre.y, b.x - centre.x);
    });
    const auto first = std::min_element(sorted.begin(), sorted.end(),
                                        [](cv::Point2f a, cv::Point2f b) { return a.x + a.y < b.x + b.y; });
    std::rotate(sorted.begin(), first, sorted.end());
    std::array<cv::Point2f, 4> ordered{sorted[0], sorted[1], sorted[2], sorted[3]};
    // Long side horizontal: when the "top" edge is the short one, start from the next corner.
    const double top = distance(ordered[0], ordered[1]) + distance(ordered[3], ordered[2]);
    const double side = distance(ordered[1], ordered[2]) + distance(ordered[0], ordered[3]);
    if (side > top)
        ordered = {ordered[3], ordered[0], ordered[1], ordered[2]};
    return ordered;
}

std::optional<CardQuad> CardDetector::detect(const cv::Mat &bgr) const
{
    const double scale = std::min(1.0, double(kWorkSide) / double(std::max(bgr.cols, bgr.rows)));
    cv::Mat small;
    cv::resize(bgr, small, cv::Size(), scale, scale, cv::INTER_AREA);
    cv::GaussianBlur(small, small, cv::Size(5, 5), 0);
    // Edges of each colour channel: a card and its background may differ in hue but hardly in
    // grey level (a blue band on a red desk).
    std::vector<cv::Mat> channels;
    cv::split(small, channels);
    cv::Mat edges = cv::Mat::zeros(small.size(), CV_8UC1);
    for (const cv::Mat &channel : channels) {
        cv::Mat channelEdges;
        cv::Canny(channel, channelEdges, 30, 90);
        edges |= channelEdges;
    }
    cv::dilate(edges, edges, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));

    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(edges, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    const double minArea = kMinAreaFraction * small.cols * small.rows;
    std::vector<cv::Point2f> best;
    double bestArea = 0.0;
    for (const auto &contour : contours) {
        const double area = std::fabs(cv::contourArea(contour));
        if (area < minArea || area <= bestArea)
            continue;
        std::vector<cv::Point> hull;
        cv::convexHull(contour, hull);
        std::vector<cv::Point> quad;
        cv::approxPolyDP(hull, quad, 0.02 * cv::arcLength(hull, true), true);
        if (quad.size() != 4 || !cv::isContourConvex(quad))
            continue;
        std::vector<cv::Point2f> points(quad.begin(), quad.end());
        const auto ordered = orderCorners(points);
        const double width = (distance(ordered[0], ordered[1]) + distance(ordered[3], ordered[2])) / 2.0;
        const double height = (distance(ordered[1], ordered[2]) + distance(ordered[0], ordered[3])) / 2.0;
        const double aspect = width / std::max(1.0, height);
        if (aspect < kMinAspect || aspect > kMaxAspect)
            continue;
        best = points;
        bestArea = area;
    }
    if (best.empty())
        return std::nullopt;

    CardQuad card;
    std::vector<cv::Point2f> original;
    for (const auto &p : best)
        original.emplace_back(float(p.x / scale), float(p.y / scale));
    card.corners = orderCorners(original);
    const cv::Size size = rectifiedSize();
    const std::vector<cv::Point2f> source(card.corners.begin(), card.corners.end());
    const std::vector<cv::Point2f> target{{0, 0}, {float(size.width), 0}, {float(size.width), float(size.height)},
                                          {0, float(size.height)}};
    card.toRectified = cv::getPerspectiveTransform(source, target);
    cv::warpPerspective(bgr, card.rectified, card.toRectified, size, cv::INTER_AREA);
    return card;
}

cv::Mat CardDetector::rectify(const cv::Mat &bgr, const std::array<cv::Point2f, 4> &corners)
{
    if (bgr.empty())
        return cv::Mat();
    const cv::Size size = rectifiedSize();
    const std::vector<cv::Point2f> source(corners.begin(), corners.end());
    const std::vector<cv::Point2f> target{
        {0, 0}, {float(size.width), 0}, {float(size.width), float(size.height)}, {0, float(size.height)}};
    cv::Mat rectified;
    cv::warpPerspective(bgr, rectified, cv::getPerspectiveTransform(source, target), size, cv::INTER_AREA);
    return rectified;
}

} // namespace mado
