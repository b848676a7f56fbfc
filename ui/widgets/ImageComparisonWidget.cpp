#include "ui/widgets/ImageComparisonWidget.h"

#include "ui/support/ReasonTexts.h"
#include "ui/widgets/ZoomImageView.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace mado {

ImageComparisonWidget::ImageComparisonWidget(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    m_documentView = new ZoomImageView(this);
    m_documentView->setObjectName(QStringLiteral("documentView"));
    m_selfieView = new ZoomImageView(this);
    m_selfieView->setObjectName(QStringLiteral("selfieView"));
    m_documentLabel = new QLabel(tr("Document portrait"), this);
    m_documentLabel->setObjectName(QStringLiteral("documentTitleLabel"));
    m_selfieLabel = new QLabel(tr("Selfie (frontal)"), this);
    m_selfieLabel->setObjectName(QStringLiteral("selfieTitleLabel"));
    m_overviewLabel = new QLabel(this);
    m_overviewLabel->setObjectName(QStringLiteral("documentOverviewLabel"));
    m_overviewLabel->setToolTip(tr("The whole document photo; the card the portrait was taken from is outlined"));
    m_thumbnailStrip = new QWidget(this);
    m_thumbnailStrip->setObjectName(QStringLiteral("thumbnailStripWidget"));
    auto *stripLayout = new QHBoxLayout(m_thumbnailStrip);
    stripLayout->setContentsMargins(0, 0, 0, 0);
    stripLayout->addStretch(1);
    // The turned frames scroll sideways on a narrow screen (1366 px) instead of widening the window.
    auto *thumbnailScroll = new QScrollArea(this);
    thumbnailScroll->setObjectName(QStringLiteral("thumbnailScrollArea"));
    thumbnailScroll->setWidget(m_thumbnailStrip);
    thumbnailScroll->setWidgetResizable(true);
    thumbnailScroll->setFrameShape(QFrame::NoFrame);
    thumbnailScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    thumbnailScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    thumbnailScroll->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_thumbnailScroll = thumbnailScroll;

    auto *grid = new QGridLayout;
    grid->addWidget(m_documentLabel, 0, 0);
    grid->addWidget(m_selfieLabel, 0, 1);
    grid->addWidget(m_documentView, 1, 0);
    grid->addWidget(m_selfieView, 1, 1);
    grid->addWidget(m_overviewLabel, 2, 0, Qt::AlignLeft | Qt::AlignTop);
    grid->addWidget(thumbnailScroll, 2, 1, Qt::AlignTop);
    grid->setRowStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createToolBar());
    layout->addLayout(grid, 1);

    for (ZoomImageView *view : {m_documentView, m_selfieView}) {
        connect(view, &ZoomImageView::wheelZoomed, this,
                [this](int steps) { setZoom(m_zoom * std::pow(kZoomStep, steps)); });
        connect(view, &ZoomImageView::dragged, this, &ImageComparisonWidget::panBy);
        connect(view, &ZoomImageView::resized, this, &ImageComparisonWidget::updateBaseScales);
    }
}

QWidget *ImageComparisonWidget::createToolBar()
{
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    auto button = [&](const QString &name, const QString &text, const QString &tip, bool checkable) {
        auto *b = new QToolButton(bar);
        b->setObjectName(name);
        b->setText(text);
        b->setToolTip(tip);
        b->setCheckable(checkable);
        b->setFocusPolicy(Qt::NoFocus);
        layout->addWidget(b);
        return b;
    };
    auto *in = button(QStringLiteral("zoomInButton"), QStringLiteral("+"), tr("Zoom in both sides (+)"), false);
    auto *out = button(QStringLiteral("zoomOutButton"), QStringLiteral("−"), tr("Zoom out both sides (−)"), false);
    auto *reset =
        button(QStringLiteral("zoomResetButton"), QStringLiteral("0"), tr("Same face scale, centred (0)"), false);
    layout->addSpacing(12);
    m_faceBoxButton = button(QStringLiteral("faceBoxButton"), tr("Face box"), tr("Show the face boxes"), true);
    m_landmarksButton = button(QStringLiteral("landmarksButton"), tr("Landmarks"), tr("Show the 68 landmarks"), true);
    m_poseAxesButton =
        button(QStringLiteral("poseAxesButton"), tr("Pose axes"), tr("Show the measured head pose"), true);
    layout->addStretch(1);
    connect(in, &QToolButton::clicked, this, &ImageComparisonWidget::zoomIn);
    connect(out, &QToolButton::clicked, this, &ImageComparisonWidget::zoomOut);
    connect(reset, &QToolButton::clicked, this, &ImageComparisonWidget::resetView);
    for (QToolButton *b : {m_faceBoxButton, m_landmarksButton, m_poseAxesButton})
        connect(b, &QToolButton::toggled, this, &ImageComparisonWidget::updateOverlays);
    return bar;
}

void ImageComparisonWidget::clear()
{
    setCase(CaseData{});
}

void ImageComparisonWidget::setCase(const CaseData &shown)
{
    const std::optional<Verdict> &v = shown.verdict;
    // The portrait's coordinates are those of the rectified card when it came from the card.
    const bool onCard = v && v->document.portraitSource == QLatin1String("card") && !shown.card.isNull();
    const FaceOverlay documentFace = v ? FaceOverlay::from(v->document.face) : FaceOverlay{};
    m_documentView->setImage(onCard ? shown.card : shown.document, documentFace);
    m_documentLabel->setText(onCard ? tr("Document portrait (card, rectified)") : tr("Document photo"));
    m_overviewLabel->setPixmap(shown.documentOverview.isNull() ? QPixmap()
                                                               : QPixmap::fromImage(shown.documentOverview));
    m_frames = shown.frames;
    m_asked = shown.askedDirections;
    m_frameOverlays.clear();
    for (std::size_t i = 0; i < m_frames.size(); ++i)
        m_frameOverlays.push_back(v && i < v->frames.size() ? FaceOverlay::from(v->frames[i]) : FaceOverlay{});
    m_shownFrame = 0;
    m_selfieView->setImage(m_frames.empty() ? QImage() : m_frames[0],
                           m_frameOverlays.empty() ? FaceOverlay{} : m_frameOverlays[0]);
    m_selfieLabel->setText(tr("Selfie (frontal)"));

    qDeleteAll(m_thumbnails);
    m_thumbnails.clear();
    for (std::size_t i = 1; i < shown.thumbnails.size(); ++i) {
        auto *box = new QWidget(m_thumbnailStrip);
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        auto *image = new QLabel(box);
        image->setObjectName(QStringLiteral("frame%1ThumbnailLabel").arg(i));
        image->setPixmap(QPixmap::fromImage(shown.thumbnails[i]));
        image->setProperty("frameIndex", int(i));
        image->setCursor(Qt::PointingHandCursor);
        image->setToolTip(tr("Click to compare this frame with the document"));
        image->installEventFilter(this);
        auto *caption = new QLabel(box);
        caption->setObjectName(QStringLiteral("frame%1CaptionLabel").arg(i));
        const Direction asked = i < shown.askedDirections.size() ? shown.askedDirections[i] : Direction::Front;
        QString text = tr("Asked: %1").arg(ReasonTexts::direction(asked));
        if (v && i < v->frames.size() && v->frames[i].poseMeasured) {
            text += QLatin1Char('\n') +
                    tr("yaw %1°, pitch %2°").arg(v->frames[i].yaw, 0, 'f', 1).arg(v->frames[i].pitch, 0, 'f', 1);
        } else {
            text += QLatin1Char('\n') + tr("pose not measured");
        }
        caption->setText(text);
        caption->setToolTip(tr("Directions are the applicant's: left is the applicant's left (positive yaw)"));
        layout->addWidget(image);
        layout->addWidget(caption);
        auto *strip = static_cast<QHBoxLayout *>(m_thumbnailStrip->layout());
        strip->insertWidget(strip->count() - 1, box); // before the stretch
        box->show(); // now, so that the strip's size hint below counts it
        m_thumbnails.push_back(box);
    }
    // As high as the strip with its captions and the scroll bar, whatever the width.
    m_thumbnailScroll->setFixedHeight(m_thumbnailStrip->sizeHint().height() +
                                      m_thumbnailScroll->horizontalScrollBar()->sizeHint().height());
    resetView();
    updateOverlays();
}

void ImageComparisonWidget::showFrame(std::size_t index)
{
    if (index >= m_frames.size())
        return;
    m_shownFrame = index;
    m_selfieView->setImage(m_frames[index], m_frameOverlays[index]);
    const Direction asked = index < m_asked.size() ? m_asked[index] : Direction::Front;
    m_selfieLabel->setText(index == 0 ? tr("Selfie (frontal)")
                                      : tr("Selfie: frame %1, asked %2").arg(index).arg(ReasonTexts::direction(asked)));
    resetView();
}

bool ImageComparisonWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonPress) {
        const QVariant index = watched->property("frameIndex");
        if (index.isValid()) {
            const auto frame = std::size_t(index.toInt());
            showFrame(frame == m_shownFrame ? 0 : frame);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ImageComparisonWidget::updateBaseScales()
{
    // Same face scale: each side is scaled so that its inter-ocular distance takes the same
    // number of screen pixels; the common size is the largest that lets both faces' boxes fill
    // at most 60 % of their view's height. Without a face on a side, that side fits its view.
    ZoomImageView *views[2] = {m_documentView, m_selfieView};
    double displayIod = 0.0;
    for (ZoomImageView *view : views) {
        const FaceOverlay &o = view->overlay();
        const double iod = o.interOcularDistance();
        if (iod <= 0.0 || o.box.height() <= 0.0)
            continue;
        const double faceFit = 0.6 * view->height() / o.box.height();
        const double candidate = faceFit * iod;
        displayIod = displayIod <= 0.0 ? candidate : std::min(displayIod, candidate);
    }
    for (ZoomImageView *view : views) {
        const double iod = view->overlay().interOcularDistance();
        if (displayIod > 0.0 && iod > 0.0) {
            view->setBaseScale(displayIod / iod);
        } else if (!view->image().isNull()) {
            view->setBaseScale(std::min(double(view->width()) / view->image().width(),
                                        double(view->height()) / view->image().height()));
        }
    }
}

void ImageComparisonWidget::setZoom(double zoom)
{
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    applyView();
}

void ImageComparisonWidget::zoomIn()
{
    setZoom(m_zoom * kZoomStep);
}

void ImageComparisonWidget::zoomOut()
{
    setZoom(m_zoom / kZoomStep);
}

void ImageComparisonWidget::resetView()
{
    m_zoom = 1.0;
    m_pan = QPointF();
    updateBaseScales();
    applyView();
}

void ImageComparisonWidget::panBy(QPointF delta)
{
    m_pan += delta;
    applyView();
}

void ImageComparisonWidget::applyView()
{
    m_documentView->setView(m_zoom, m_pan);
    m_selfieView->setView(m_zoom, m_pan);
    Q_EMIT viewChanged();
}

void ImageComparisonWidget::updateOverlays()
{
    const int flags = (m_faceBoxButton->isChecked() ? ZoomImageView::FaceBox : 0) |
                      (m_landmarksButton->isChecked() ? ZoomImageView::Landmarks : 0) |
                      (m_poseAxesButton->isChecked() ? ZoomImageView::PoseAxes : 0);
    m_documentView->setOverlays(flags);
    m_selfieView->setOverlays(flags);
}

void ImageComparisonWidget::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        resetView();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void ImageComparisonWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateBaseScales();
}

} // namespace mado
