#pragma once

#include <QWidget>

namespace mado {

// A horizontal gauge of the face distance (document portrait vs frontal selfie) over the match
// (≤ matchMax), review (≤ reviewMax) and mismatch zones, with a marker at the distance. A
// negative distance means "not measured" and shows no marker. GUI thread only.
class DistanceGauge : public QWidget {
    Q_OBJECT

public:
    static constexpr double kMaxDistance = 1.0;

    explicit DistanceGauge(QWidget *parent = nullptr);

    void setThresholds(double matchMax, double reviewMax);
    void setDistance(double distance);
    double distance() const { return m_distance; }
    double matchMax() const { return m_matchMax; }
    double reviewMax() const { return m_reviewMax; }
    // "match", "review", "mismatch" or "" (not measured), from the gauge's own thresholds.
    QString zone() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    double m_matchMax = 0.6;
    double m_reviewMax = 0.67;
    double m_distance = -1.0;
};

} // namespace mado
