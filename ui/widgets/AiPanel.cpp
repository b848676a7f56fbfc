#include "ui/widgets/AiPanel.h"

#include "ui/support/ReasonTexts.h"
#include "ui/widgets/DistanceGauge.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mado {

namespace {

QColor outcomeColour(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pass:
        return QColor(200, 235, 200);
    case Outcome::Warn:
        return QColor(255, 236, 179);
    case Outcome::Fail:
        return QColor(255, 205, 210);
    }
    return QColor();
}

QString outcomeMark(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pass:
        return QStringLiteral("✓");
    case Outcome::Warn:
        return QStringLiteral("!");
    case Outcome::Fail:
        return QStringLiteral("✗");
    }
    return QString();
}

} // namespace

AiPanel::AiPanel(QWidget *parent) : QWidget(parent)
{
    auto *title = new QLabel(tr("AI evidence (advice only; the clerk decides)"), this);
    title->setObjectName(QStringLiteral("aiTitleLabel"));
    m_gauge = new DistanceGauge(this);
    m_gauge->setObjectName(QStringLiteral("distanceGauge"));
    m_bandLabel = new QLabel(this);
    m_bandLabel->setObjectName(QStringLiteral("bandLabel"));
    m_checks = new QTableWidget(0, 4, this);
    m_checks->setObjectName(QStringLiteral("checksTableWidget"));
    m_checks->setHorizontalHeaderLabels({tr("Result"), tr("Check"), tr("Reason"), tr("Value")});
    m_checks->verticalHeader()->hide();
    m_checks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_checks->setSelectionMode(QAbstractItemView::NoSelection);
    m_checks->setFocusPolicy(Qt::NoFocus);
    m_checks->setWordWrap(true);
    m_checks->horizontalHeader()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    m_notesLabel = new QLabel(this);
    m_notesLabel->setObjectName(QStringLiteral("notesLabel"));
    m_notesLabel->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_gauge);
    layout->addWidget(m_bandLabel);
    layout->addWidget(m_checks, 1);
    layout->addWidget(m_notesLabel);
}

void AiPanel::setThresholds(double matchMax, double reviewMax)
{
    m_gauge->setThresholds(matchMax, reviewMax);
}

void AiPanel::setVerdict(const std::optional<Verdict> &verdict)
{
    m_checks->setRowCount(0);
    if (!verdict) {
        m_gauge->setDistance(-1.0);
        m_bandLabel->setText(tr("Not verified yet: no AI evidence"));
        m_notesLabel->clear();
        return;
    }
    m_gauge->setDistance(verdict->matchDistance);
    const QString band = verdict->band == QLatin1String("match")      ? tr("Match")
                         : verdict->band == QLatin1String("review")   ? tr("Review")
                         : verdict->band == QLatin1String("mismatch") ? tr("Mismatch")
                                                                      : tr("Not measured");
    m_bandLabel->setText(verdict->matchDistance < 0.0 ? tr("Band: %1").arg(band)
                                                      : tr("Distance %1 (match ≤ %2, review ≤ %3): %4")
                                                            .arg(verdict->matchDistance, 0, 'f', 3)
                                                            .arg(m_gauge->matchMax(), 0, 'f', 2)
                                                            .arg(m_gauge->reviewMax(), 0, 'f', 2)
                                                            .arg(band));
    for (const Check &check : verdict->checks) {
        const int row = m_checks->rowCount();
        m_checks->insertRow(row);
        auto *mark = new QTableWidgetItem(outcomeMark(check.outcome));
        mark->setData(Qt::UserRole, outcomeName(check.outcome));
        mark->setTextAlignment(Qt::AlignCenter);
        mark->setToolTip(check.outcome == Outcome::Pass   ? tr("Pass")
                         : check.outcome == Outcome::Warn ? tr("Warning")
                                                          : tr("Fail"));
        auto *name = new QTableWidgetItem(ReasonTexts::checkName(check.id));
        name->setData(Qt::UserRole, check.id);
        auto *reason = new QTableWidgetItem(ReasonTexts::reason(check.id, check.reason));
        reason->setToolTip(check.reason);
        reason->setData(Qt::UserRole, check.reason);
        auto *value = new QTableWidgetItem(QString::number(check.value, 'f', 3));
        for (QTableWidgetItem *item : {mark, name, reason, value})
            item->setBackground(outcomeColour(check.outcome));
        m_checks->setItem(row, OutcomeColumn, mark);
        m_checks->setItem(row, CheckColumn, name);
        m_checks->setItem(row, ReasonColumn, reason);
        m_checks->setItem(row, ValueColumn, value);
    }
    m_checks->resizeColumnToContents(OutcomeColumn);
    m_checks->resizeColumnToContents(CheckColumn);
    m_notesLabel->setText(verdict->notes.isEmpty() ? QString()
                                                   : tr("Notes: %1").arg(verdict->notes.join(QStringLiteral(", "))));
}

} // namespace mado
