#include "core/face/FlatPhotoCheck.h"

#include <opencv2/calib3d.hpp>
#include <opencv2/core.hpp>

#include <cmath>

namespace mado {

FlatPhotoCheck::FlatPhotoCheck(FlatPhotoThresholds thresholds) : m_thresholds(thresholds) {}

Result<double> FlatPhotoCheck::residual(const Landmarks68 &frontal, const Landmarks68 &turned)
{
    if (!frontal.valid() || !turned.valid())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("flat-photo check needs 68 landmarks per frame")};
    const double iod = frontal.interOcularDistance();
    if (iod < 1.0)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("flat-photo check: frontal face has no eye spacing")};

    const std::vector<cv::Point2f> from = frontal.select(Landmarks68::innerIndices());
    const std::vector<cv::Point2f> to = turned.select(Landmarks68::innerIndices());
    cv::Mat h;
    try {
        h = cv::findHomography(from, to, 0);
    } catch (const cv::Exception &) {
        h.release();
    }
    if (h.empty())
        return Error{ErrorCode::Internal, QStringLiteral("flat-photo check: no homography fits the landmarks")};

    std::vector<cv::Point2f> mapped;
    cv::perspectiveTransform(from, mapped, h);
    double sum = 0.0;
    for (std::size_t i = 0; i < mapped.size(); ++i) {
        const cv::Point2f d = mapped[i] - to[i];
        sum += double(d.x) * d.x + double(d.y) * d.y;
    }
    return std::sqrt(sum / double(mapped.size())) / iod;
}

Result<FlatPhotoDecision> FlatPhotoCheck::evaluate(const Landmarks68 &frontal,
                                                   const std::vector<Landmarks68> &turned) const
{
    if (turned.empty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("flat-photo check needs at least one turned frame")};
    double sum = 0.0;
    for (const Landmarks68 &frame : turned) {
        auto r = residual(frontal, frame);
        if (!r)
            return r.error();
        sum += r.value();
    }
    FlatPhotoDecision decision;
    decision.residual = sum / double(turned.size());
    decision.flatSuspected = decision.residual < m_thresholds.minGenuineResidual;
    decision.reason = decision.flatSuspected ? QStringLiteral("flat_photo_suspected") : QStringLiteral("ok");
    return decision;
}

} // namespace mado
