#include "ui/widgets/ZoomImageView.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <QtMath>

#include <cmath>

namespace mado {

ZoomImageView::ZoomImageView(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(200, 200);
    setFocusPolicy(Qt::ClickFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::OpenHandCursor);
}

QSize ZoomImageView::sizeHint() const
{
    return QSize(420, 420);
}

void ZoomImageView::setImage(const QImage &image, const FaceOverlay &overlay)
{
    m_image = image;
    m_overlay = overlay;
    update();
}

void ZoomImageView::setBaseScale(double scale)
{
    m_baseScale = scale > 0.0 ? scale : 1.0;
    update();
}

void ZoomImageView::setView(double zoom, QPointF pan)
{
    m_zoom = zoom;
    m_pan = pan;
    update();
}

void ZoomImageView::setOverlays(int flags)
{
    m_overlays = flags;
    update();
}

QPointF ZoomImageView::anchor() const
{
    if (auto centre = m_overlay.centre())
        return *centre;
    return QPointF(m_image.width() / 2.0, m_image.height() / 2.0);
}

QPointF ZoomImageView::mapFromImage(QPointF imagePoint) const
{
    const QPointF widgetCentre(width() / 2.0, height() / 2.0);
    return widgetCentre + m_pan + (imagePoint - anchor()) * effectiveScale();
}

void ZoomImageView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(40, 40, 40));
    if (m_image.isNull())
        return;
    painter.save();
    const double s = effectiveScale();
    painter.translate(mapFromImage(QPointF(0, 0)));
    painter.scale(s, s);
    // Smooth only when shrinking; enlarged pixels stay visible for the clerk.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, s < 1.0);
    painter.drawImage(QPointF(0, 0), m_image);
    painter.restore();
    if (m_overlays != 0 && m_overlay.found)
        paintOverlays(painter);
}

void ZoomImageView::paintOverlays(QPainter &painter) const
{
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (m_overlays & FaceBox) {
        painter.setPen(QPen(QColor(0, 200, 255), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(mapFromImage(m_overlay.box.topLeft()), mapFromImage(m_overlay.box.bottomRight())));
    }
    if ((m_overlays & Landmarks) && !m_overlay.landmarks.empty()) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 220, 0));
        for (const QPointF &p : m_overlay.landmarks)
            painter.drawEllipse(mapFromImage(p), 2.0, 2.0);
    }
    if ((m_overlays & PoseAxes) && m_overlay.poseMeasured) {
        // Orthographic projection of the head's axes rotated by roll, yaw and pitch; the origin is
        // the nose tip (landmark 30) when known.
        const QPointF origin =
            mapFromImage(m_overlay.landmarks.size() == 68 ? m_overlay.landmarks[30] : m_overlay.box.center());
        const double length = m_overlay.box.width() * 0.5 * effectiveScale();
        const double y = qDegreesToRadians(m_overlay.yaw), p = qDegreesToRadians(m_overlay.pitch),
                     r = qDegreesToRadians(m_overlay.roll);
        // Rotation R = Rz(roll) Ry(yaw) Rx(pitch); columns are the head's x, y, z axes.
        const double cy = std::cos(y), sy = std::sin(y), cp = std::cos(p), sp = std::sin(p), cr = std::cos(r),
                     sr = std::sin(r);
        const double axes[3][2] = {
            {cr * cy, sr * cy},                               // x (to the applicant's left on screen right)
            {cr * sy * sp - sr * cp, sr * sy * sp + cr * cp}, // y (down)
            {cr * sy * cp + sr * sp, sr * sy * cp - cr * sp}, // z (out of the face)
        };
        const QColor colours[3] = {QColor(230, 60, 60), QColor(60, 200, 60), QColor(70, 120, 255)};
        for (int i = 0; i < 3; ++i) {
            painter.setPen(QPen(colours[i], 3));
            painter.drawLine(origin, origin + QPointF(axes[i][0], axes[i][1]) * length);
        }
    }
}

void ZoomImageView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    Q_EMIT resized();
}

void ZoomImageView::wheelEvent(QWheelEvent *event)
{
    // 120 units per notch; touchpads send smaller deltas, which add up.
    m_wheelRemainder += event->angleDelta().y();
    const int steps = m_wheelRemainder / 120;
    m_wheelRemainder -= steps * 120;
    if (steps != 0)
        Q_EMIT wheelZoomed(steps);
    event->accept();
}

void ZoomImageView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragging = true;
        m_lastDrag = event->position();
        setCursor(Qt::ClosedHandCursor);
    }
    QWidget::mousePressEvent(event);
}

void ZoomImageView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) {
        const QPointF delta = event->position() - m_lastDrag;
        m_lastDrag = event->position();
        Q_EMIT dragged(delta);
    }
    QWidget::mouseMoveEvent(event);
}

void ZoomImageView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragging = false;
        setCursor(Qt::OpenHandCursor);
    }
    QWidget::mouseReleaseEvent(event);
}

} // namespace mado
