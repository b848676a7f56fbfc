#pragma once

#include "core/domain/Result.h"
#include "core/face/Landmarks68.h"

#include <QString>

#include <vector>

namespace mado {

// Threshold of the flat-photo decision (see docs/face-engine.md for how it was chosen).
struct FlatPhotoThresholds {
    // Residuals below this look like a photo tilted as a plane.
    double minGenuineResidual = 0.015;
};

struct FlatPhotoDecision {
    double residual = 0.0; // see FlatPhotoCheck::residual; the mean over the turned frames
    bool flatSuspected = false;
    QString reason; // stable code: "ok" or "flat_photo_suspected"
};

// Liveness signal: when a printed or displayed photo of a face is tilted in front of the camera,
// every landmark moves as one plane, so a single homography maps the frontal frame's landmarks
// onto the turned frame's; a real head turning is not a plane (the nose moves against the eyes and
// mouth), so the homography leaves a residual.
//
// residual = RMS distance, over the inner landmarks (eyes, nose, mouth: Landmarks68::innerIndices,
// no jaw, no brows), between H(frontal point) and the turned point, where H is ONE homography
// fitted by least squares (cv::findHomography, method 0) to those points; divided by the
// inter-ocular distance of the frontal frame. Dimensionless, independent of the image scale.
//
// The signal needs a real turn: a frame that hardly moved has a small residual whatever is in
// front of the camera, so use it together with HeadTurnCheck. Pure computation; any thread.
class FlatPhotoCheck {
public:
    explicit FlatPhotoCheck(FlatPhotoThresholds thresholds = {});

    // InvalidArgument for invalid landmarks or a degenerate frontal face; Internal when no
    // homography can be fitted.
    static Result<double> residual(const Landmarks68 &frontal, const Landmarks68 &turned);

    // The decision for one turned frame, or for several (their residuals averaged, which
    // separates attacks from real heads better than any single frame).
    Result<FlatPhotoDecision> evaluate(const Landmarks68 &frontal, const std::vector<Landmarks68> &turned) const;

    const FlatPhotoThresholds &thresholds() const { return m_thresholds; }

private:
    FlatPhotoThresholds m_thresholds;
};

} // namespace mado
