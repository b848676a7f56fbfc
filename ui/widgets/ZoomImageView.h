#pragma once

#include "ui/widgets/FaceOverlay.h"

#include <QImage>
#include <QWidget>

namespace mado {

// One side of the image comparison: paints an image at baseScale() × zoom, centred on the face
// and moved by a pan offset in screen pixels, with the face box, landmarks and pose axes drawn on
// demand. It owns no zoom state of its own: the wheel and drags are reported (wheelZoomed,
// dragged) and ImageComparisonWidget applies them to both sides. GUI thread only.
class ZoomImageView : public QWidget {
    Q_OBJECT

public:
    enum OverlayFlag { FaceBox = 0x1, Landmarks = 0x2, PoseAxes = 0x4 };

    explicit ZoomImageView(QWidget *parent = nullptr);

    void setImage(const QImage &image, const FaceOverlay &overlay);
    const QImage &image() const { return m_image; }
    const FaceOverlay &overlay() const { return m_overlay; }

    void setBaseScale(double scale);
    double baseScale() const { return m_baseScale; }
    void setView(double zoom, QPointF pan);
    // Image pixels to screen pixels: baseScale() × zoom.
    double effectiveScale() const { return m_baseScale * m_zoom; }
    void setOverlays(int flags);
    int overlays() const { return m_overlays; }
    // Where an image point is drawn in widget coordinates.
    QPointF mapFromImage(QPointF imagePoint) const;

    QSize sizeHint() const override;

Q_SIGNALS:
    void wheelZoomed(int steps);
    void dragged(QPointF delta);
    void resized();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    QPointF anchor() const;
    void paintOverlays(QPainter &painter) const;

    QImage m_image;
    FaceOverlay m_overlay;
    double m_baseScale = 1.0;
    double m_zoom = 1.0;
    QPointF m_pan;
    int m_overlays = 0;
    bool m_dragging = false;
    QPointF m_lastDrag;
    int m_wheelRemainder = 0;
};

} // namespace mado
