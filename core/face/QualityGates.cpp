#include "core/face/QualityGates.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace mado {

namespace {

bool supported(const cv::Mat &image)
{
    return !image.empty() && (image.type() == CV_8UC1 || image.type() == CV_8UC3);
}

// Callers check supported() first.
cv::Mat toGray(const cv::Mat &image)
{
    if (image.type() == CV_8UC1)
        return image;
    cv::Mat gray;
    cv::cvtColor(image, gray, cv::COLOR_BGR2GRAY);
    return gray;
}

// The inner face (brows to mouth) clipped to the image; empty when it lies outside.
cv::Rect innerFaceRect(const cv::Size &size, const Landmarks68 &landmarks)
{
    const cv::Rect2f bounds = landmarks.innerFaceBounds();
    const cv::Rect rect(int(std::floor(bounds.x)), int(std::floor(bounds.y)), int(std::ceil(bounds.width)) + 1,
                        int(std::ceil(bounds.height)) + 1);
    return rect & cv::Rect(cv::Point(0, 0), size);
}

GateResult level(const char *gate, double value, double warnBelow, double failBelow, const char *reason)
{
    GateResult r{QString::fromLatin1(gate), GateLevel::Pass, QStringLiteral("ok"), value};
    if (value < failBelow)
        r.level = GateLevel::Fail;
    else if (value < warnBelow)
        r.level = GateLevel::Warn;
    if (r.level != GateLevel::Pass)
        r.reason = QString::fromLatin1(reason);
    return r;
}

} // namespace

QString gateLevelName(GateLevel level)
{
    switch (level) {
    case GateLevel::Pass:
        return QStringLiteral("pass");
    case GateLevel::Warn:
        return QStringLiteral("warn");
    case GateLevel::Fail:
        return QStringLiteral("fail");
    }
    return {};
}

const GateResult *QualityReport::gate(const QString &name) const
{
    for (const GateResult &g : gates) {
        if (g.gate == name)
            return &g;
    }
    return nullptr;
}

QualityGates::QualityGates(QualityThresholds thresholds) : m_thresholds(thresholds) {}

double QualityGates::sharpness(const cv::Mat &image, const Landmarks68 &landmarks)
{
    if (!supported(image) || !landmarks.valid())
        return 0.0;
    const cv::Mat gray = toGray(image);
    const cv::Rect rect = innerFaceRect(gray.size(), landmarks);
    const double iod = landmarks.interOcularDistance();
    if (rect.width < 3 || rect.height < 3 || iod <= 0.0)
        return 0.0;
    // Resample to a standard face scale so that the figure does not depend on the face size:
    // the same face photographed twice as large has the same sharpness.
    const double scale = kSharpnessIod / iod;
    cv::Mat face;
    cv::resize(gray(rect), face, cv::Size(), scale, scale, scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    if (face.cols < 3 || face.rows < 3)
        return 0.0;
    cv::Mat laplacian;
    cv::Laplacian(face, laplacian, CV_64F);
    cv::Scalar mean, stddev, faceMean, faceStddev;
    cv::meanStdDev(laplacian, mean, stddev);
    // Divide by the face's own contrast: a darker or flatter exposure of the same face scales both
    // variances alike, so only the loss of fine detail lowers the figure. Rounding to 8 bits adds
    // Laplacian variance of its own (uniform error of variance 1/12 through a kernel whose squared
    // weights sum to 20); without removing it, a dark blurred face would look sharp.
    constexpr double kQuantisationFloor = 20.0 / 12.0;
    cv::meanStdDev(face, faceMean, faceStddev);
    const double contrast = std::max(faceStddev[0] * faceStddev[0], 1.0);
    return 100.0 * std::max(0.0, stddev[0] * stddev[0] - kQuantisationFloor) / contrast;
}

QualityGates::Exposure QualityGates::exposure(const cv::Mat &image, const Landmarks68 &landmarks)
{
    Exposure e;
    if (!supported(image) || !landmarks.valid())
        return e;
    const cv::Mat gray = toGray(image);
    const cv::Rect rect = innerFaceRect(gray.size(), landmarks);
    if (rect.empty())
        return e;
    const cv::Mat face = gray(rect);
    e.mean = cv::mean(face)[0];
    cv::Mat clipped = (face <= kClipLow) | (face >= kClipHigh);
    e.clippedFraction = double(cv::countNonZero(clipped)) / double(face.total());
    return e;
}

QualityGates::Framing QualityGates::framing(const cv::Size &size, const Landmarks68 &landmarks)
{
    Framing f;
    f.closestToBorder = std::max(size.width, size.height);
    for (const cv::Point2f &p : landmarks.points()) {
        const double distance = std::min({double(p.x), double(p.y), size.width - 1.0 - p.x, size.height - 1.0 - p.y});
        if (distance < 0.0)
            ++f.pointsOutside;
        f.closestToBorder = std::min(f.closestToBorder, distance);
    }
    return f;
}

Result<QualityReport> QualityGates::evaluate(const cv::Mat &image, const Landmarks68 &landmarks) const
{
    if (!supported(image) || !landmarks.valid())
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("quality gates need an 8-bit gray or BGR image and 68 landmarks")};
    const QualityThresholds &t = m_thresholds;
    const cv::Mat gray = toGray(image);
    QualityReport report;

    report.gates.push_back(level("sharpness", sharpness(gray, landmarks), t.sharpnessWarn, t.sharpnessFail, "blurred"));

    const Exposure e = exposure(gray, landmarks);
    GateResult exposureGate{QStringLiteral("exposure"), GateLevel::Pass, QStringLiteral("ok"), e.mean};
    if (e.mean < t.darkMeanFail || e.mean > t.brightMeanFail) {
        exposureGate.level = GateLevel::Fail;
        exposureGate.reason = e.mean < t.darkMeanFail ? QStringLiteral("too_dark") : QStringLiteral("too_bright");
    } else if (e.clippedFraction > t.clippedFail) {
        exposureGate =
            GateResult{QStringLiteral("exposure"), GateLevel::Fail, QStringLiteral("clipped"), e.clippedFraction};
    } else if (e.mean < t.darkMeanWarn || e.mean > t.brightMeanWarn) {
        exposureGate.level = GateLevel::Warn;
        exposureGate.reason = e.mean < t.darkMeanWarn ? QStringLiteral("too_dark") : QStringLiteral("too_bright");
    } else if (e.clippedFraction > t.clippedWarn) {
        exposureGate =
            GateResult{QStringLiteral("exposure"), GateLevel::Warn, QStringLiteral("clipped"), e.clippedFraction};
    }
    report.gates.push_back(exposureGate);

    const double iod = landmarks.interOcularDistance();
    report.gates.push_back(level("face_size", iod, t.interOcularWarn, t.interOcularFail, "face_too_small"));

    const Framing f = framing(gray.size(), landmarks);
    GateResult framingGate{QStringLiteral("framing"), GateLevel::Pass, QStringLiteral("ok"), double(f.pointsOutside)};
    if (f.pointsOutside > 0) {
        framingGate.level = GateLevel::Fail;
        framingGate.reason = QStringLiteral("face_cut_off");
    } else if (f.closestToBorder < t.edgeMarginWarn * iod) {
        framingGate.level = GateLevel::Warn;
        framingGate.reason = QStringLiteral("face_near_edge");
    }
    report.gates.push_back(framingGate);

    for (const GateResult &g : report.gates)
        report.overall = std::max(report.overall, g.level);
    return report;
}

} // namespace mado
