#pragma once

#include "ui/support/CaseData.h"
#include "ui/widgets/FaceOverlay.h"

#include <QWidget>

#include <vector>

class QLabel;
class QScrollArea;
class QToolButton;

namespace mado {

class ZoomImageView;

// The document and the selfie side by side at the same face scale: the document side shows the
// portrait (the card rectified with the verdict's corners, or the whole photo when the portrait
// came from it) above an overview of the whole document; the selfie side shows the frontal frame.
// Both sides are scaled so that their inter-ocular distances are equal on screen, and zoom and
// pan are shared (wheel, drag, + − 0 keys, buttons). The turned frames are thumbnails labelled with
// the asked direction (applicant's left = 左) and the measured yaw and pitch. Overlays (face box,
// landmarks, pose axes) are off until toggled. GUI thread only; it is given prepared images.
class ImageComparisonWidget : public QWidget {
    Q_OBJECT

public:
    static constexpr double kZoomStep = 1.25;
    static constexpr double kMinZoom = 0.1;
    static constexpr double kMaxZoom = 16.0;

    explicit ImageComparisonWidget(QWidget *parent = nullptr);

    void setCase(const CaseData &shown);
    void clear();

    double zoom() const { return m_zoom; }
    QPointF pan() const { return m_pan; }
    void setZoom(double zoom);
    void zoomIn();
    void zoomOut();
    // Back to the same-face-scale fit, centred on the faces.
    void resetView();
    void panBy(QPointF delta);

    // Shows selfie frame `index` (0 = frontal) on the selfie side at the same face scale. Clicking
    // a thumbnail shows its frame; clicking the shown frame's thumbnail goes back to the frontal.
    void showFrame(std::size_t index);
    std::size_t shownFrame() const { return m_shownFrame; }

    ZoomImageView *documentView() const { return m_documentView; }
    ZoomImageView *selfieView() const { return m_selfieView; }

Q_SIGNALS:
    void viewChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateBaseScales();
    void applyView();
    void updateOverlays();
    QWidget *createToolBar();

    ZoomImageView *m_documentView = nullptr;
    ZoomImageView *m_selfieView = nullptr;
    QLabel *m_documentLabel = nullptr;
    QLabel *m_selfieLabel = nullptr;
    std::vector<QImage> m_frames;
    std::vector<FaceOverlay> m_frameOverlays;
    std::vector<Direction> m_asked;
    std::size_t m_shownFrame = 0;
    QLabel *m_overviewLabel = nullptr;
    QWidget *m_thumbnailStrip = nullptr;
    QScrollArea *m_thumbnailScroll = nullptr;
    std::vector<QWidget *> m_thumbnails;
    QToolButton *m_faceBoxButton = nullptr;
    QToolButton *m_landmarksButton = nullptr;
    QToolButton *m_poseAxesButton = nullptr;
    double m_zoom = 1.0;
    QPointF m_pan;
};

} // namespace mado
