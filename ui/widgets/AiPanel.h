#pragma once

#include "core/domain/Verdict.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTableWidget;

namespace mado {

class DistanceGauge;

// The face engine's evidence for the clerk: the document-to-selfie distance on a gauge with the
// band thresholds, the band, and every check (document face, quality, challenge steps, same
// person, flat photo, replay, capture window, match) with a pass / warn / fail mark and colour and
// its reason in words (ReasonTexts). Nothing is hidden: unknown codes are shown as they are.
// GUI thread only.
class AiPanel : public QWidget {
    Q_OBJECT

public:
    // Check rows: column 0 the mark (outcome name in Qt::UserRole), 1 the check, 2 the reason,
    // 3 the measured value. The check id is in Qt::UserRole of column 1.
    enum Column { OutcomeColumn, CheckColumn, ReasonColumn, ValueColumn };

    explicit AiPanel(QWidget *parent = nullptr);

    void setThresholds(double matchMax, double reviewMax);
    void setVerdict(const std::optional<Verdict> &verdict);

    DistanceGauge *gauge() const { return m_gauge; }
    QTableWidget *checksTable() const { return m_checks; }

private:
    DistanceGauge *m_gauge = nullptr;
    QLabel *m_bandLabel = nullptr;
    QTableWidget *m_checks = nullptr;
    QLabel *m_notesLabel = nullptr;
};

} // namespace mado
