#pragma once

#include "core/domain/Result.h"
#include "core/face/Landmarks68.h"

#include <QString>

#include <opencv2/core/mat.hpp>

#include <vector>

namespace mado {

enum class GateLevel { Pass, Warn, Fail };

// Stable identifier: "pass", "warn", "fail".
QString gateLevelName(GateLevel level);

// All quality thresholds in one place. Starting values measured on small samples
// (docs/face-engine.md); to be calibrated with real selfies and document photos.
struct QualityThresholds {
    // Sharpness: 100 x variance of the Laplacian / variance of the intensity, on the inner face
    // (brows to mouth) resampled so that the inter-ocular distance is kSharpnessIod pixels.
    // Independent of face size and of exposure; lower = blurrier.
    double sharpnessWarn = 4.0;
    double sharpnessFail = 2.0;
    // Exposure: mean 8-bit luma of the inner face, and the share of its pixels at <= kClipLow
    // or >= kClipHigh.
    double darkMeanFail = 40.0;
    double darkMeanWarn = 70.0;
    double brightMeanWarn = 200.0;
    double brightMeanFail = 225.0;
    double clippedWarn = 0.05;
    double clippedFail = 0.20;
    // Face size: inter-ocular distance (eye centres) in pixels.
    double interOcularFail = 25.0;
    double interOcularWarn = 40.0;
    // Framing: a landmark closer to the image border than this share of the inter-ocular
    // distance warns; a landmark outside the image fails.
    double edgeMarginWarn = 0.25;
};

// The outcome of one gate. `gate` is "sharpness", "exposure", "face_size" or "framing";
// `reason` is a stable code: "ok", "blurred", "too_dark", "too_bright", "clipped",
// "face_too_small", "face_near_edge", "face_cut_off". `value` is the measured figure the
// decision used (for "clipped" the clipped share, for framing the number of points outside).
struct GateResult {
    QString gate;
    GateLevel level = GateLevel::Pass;
    QString reason;
    double value = 0.0;
};

struct QualityReport {
    std::vector<GateResult> gates; // always in the order sharpness, exposure, face_size, framing
    GateLevel overall = GateLevel::Pass; // the worst gate

    const GateResult *gate(const QString &name) const;
};

// Image and face quality gates for one face. Measures on the 8-bit image the landmarks were
// found in (gray or BGR). Pure computation; any thread.
class QualityGates {
public:
    static constexpr double kSharpnessIod = 50.0;
    static constexpr int kClipLow = 8;
    static constexpr int kClipHigh = 247;

    explicit QualityGates(QualityThresholds thresholds = {});

    // InvalidArgument for an image that is not 8-bit gray or BGR, or landmarks that are not 68.
    Result<QualityReport> evaluate(const cv::Mat &image, const Landmarks68 &landmarks) const;

    // The raw measures, exposed for calibration tools and tests (8-bit gray or BGR images;
    // 0 for anything else or invalid landmarks).
    static double sharpness(const cv::Mat &image, const Landmarks68 &landmarks);
    struct Exposure {
        double mean = 0.0;
        double clippedFraction = 0.0;
    };
    static Exposure exposure(const cv::Mat &image, const Landmarks68 &landmarks);
    // Number of landmarks outside the image, and the smallest distance of a landmark inside it to
    // the border (negative when outside).
    struct Framing {
        int pointsOutside = 0;
        double closestToBorder = 0.0;
    };
    static Framing framing(const cv::Size &size, const Landmarks68 &landmarks);

    const QualityThresholds &thresholds() const { return m_thresholds; }

private:
    QualityThresholds m_thresholds;
};

} // namespace mado
