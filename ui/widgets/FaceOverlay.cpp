#include "ui/widgets/FaceOverlay.h"

#include <QLineF>

namespace mado {

FaceOverlay FaceOverlay::from(const FaceEvidence &face)
{
    FaceOverlay o;
    o.found = face.found;
    o.box = QRectF(face.x, face.y, face.width, face.height);
    for (std::size_t i = 0; i + 1 < face.landmarks.size(); i += 2)
        o.landmarks.emplace_back(face.landmarks[i], face.landmarks[i + 1]);
    return o;
}

FaceOverlay FaceOverlay::from(const FrameEvidence &frame)
{
    FaceOverlay o = from(frame.face);
    o.poseMeasured = frame.poseMeasured;
    o.yaw = frame.yaw;
    o.pitch = frame.pitch;
    o.roll = frame.roll;
    return o;
}

double FaceOverlay::interOcularDistance() const
{
    if (!found)
        return 0.0;
    if (landmarks.size() == 68) {
        QPointF right, left;
        for (int i = 36; i < 42; ++i)
            right += landmarks[std::size_t(i)];
        for (int i = 42; i < 48; ++i)
            left += landmarks[std::size_t(i)];
        return QLineF(right / 6.0, left / 6.0).length();
    }
    // dlib's 68-point boxes: the eye centres are about 0.4 box widths apart.
    return box.width() * 0.4;
}

std::optional<QPointF> FaceOverlay::centre() const
{
    if (!found || box.isEmpty())
        return std::nullopt;
    return box.center();
}

} // namespace mado
