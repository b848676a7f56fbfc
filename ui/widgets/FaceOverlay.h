#pragma once

#include "core/domain/Verdict.h"

#include <QPointF>
#include <QRectF>

#include <optional>
#include <vector>

namespace mado {

// What the comparison draws over one image: the face box, the 68 landmarks and the head pose, in
// the image's pixel coordinates, taken from the verdict. A plain value.
struct FaceOverlay {
    bool found = false;
    QRectF box;
    std::vector<QPointF> landmarks;
    bool poseMeasured = false;
    double yaw = 0.0, pitch = 0.0, roll = 0.0;

    static FaceOverlay from(const FaceEvidence &face);
    static FaceOverlay from(const FrameEvidence &frame);
    // Distance between the eye centres (landmarks 36-41 and 42-47); from the box without landmarks;
    // 0 without a face.
    double interOcularDistance() const;
    // Where the view centres: the face box centre, or nothing without a face.
    std::optional<QPointF> centre() const;
};

} // namespace mado
