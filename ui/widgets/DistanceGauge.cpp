#include "ui/widgets/DistanceGauge.h"

#include <QPainter>

#include <algorithm>

namespace mado {

DistanceGauge::DistanceGauge(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize DistanceGauge::sizeHint() const
{
    return QSize(320, 56);
}

QSize DistanceGauge::minimumSizeHint() const
{
    return QSize(160, 56);
}

void DistanceGauge::setThresholds(double matchMax, double reviewMax)
{
    m_matchMax = matchMax;
    m_reviewMax = reviewMax;
    update();
}

void DistanceGauge::setDistance(double distance)
{
    m_distance = distance;
    setToolTip(distance < 0.0 ? tr("Distance not measured") : tr("Distance %1").arg(distance, 0, 'f', 3));
    update();
}

QString DistanceGauge::zone() const
{
    if (m_distance < 0.0)
        return QString();
    if (m_distance <= m_matchMax)
        return QStringLiteral("match");
    if (m_distance <= m_reviewMax)
        return QStringLiteral("review");
    return QStringLiteral("mismatch");
}

void DistanceGauge::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF bar(8, 8, width() - 16, 18);
    auto x = [&](double d) { return bar.left() + bar.width() * std::clamp(d / kMaxDistance, 0.0, 1.0); };
    painter.setPen(Qt::NoPen);
    painter.fillRect(QRectF(bar.left(), bar.top(), x(m_matchMax) - bar.left(), bar.height()), QColor(76, 175, 80));
    painter.fillRect(QRectF(x(m_matchMax), bar.top(), x(m_reviewMax) - x(m_matchMax), bar.height()),
                     QColor(255, 193, 7));
    painter.fillRect(QRectF(x(m_reviewMax), bar.top(), bar.right() - x(m_reviewMax), bar.height()),
                     QColor(229, 57, 53));
    painter.setPen(palette().color(QPalette::WindowText));
    const QFontMetrics metrics = painter.fontMetrics();
    for (double t : {0.0, m_matchMax, m_reviewMax, kMaxDistance}) {
        const QString label = QString::number(t, 'f', 2);
        painter.drawLine(QPointF(x(t), bar.bottom()), QPointF(x(t), bar.bottom() + 4));
        const double w = metrics.horizontalAdvance(label);
        painter.drawText(QPointF(std::clamp(x(t) - w / 2, 0.0, width() - w), bar.bottom() + 6 + metrics.ascent()),
                         label);
    }
    if (m_distance >= 0.0) {
        const double mx = x(m_distance);
        QPolygonF marker;
        marker << QPointF(mx, bar.bottom() - 2) << QPointF(mx - 7, bar.top() - 6) << QPointF(mx + 7, bar.top() - 6);
        painter.setBrush(Qt::black);
        painter.setPen(QPen(Qt::white, 1.5));
        painter.drawPolygon(marker);
    }
}

} // namespace mado
