#include "ui/support/BackgroundStatus.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace mado {

BackgroundStatus::BackgroundStatus(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("backgroundStatus"));
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("backgroundStatusLabel"));
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("backgroundProgressBar"));
    m_bar->setMaximumWidth(200);
    m_failures = new QLabel(this);
    m_failures->setObjectName(QStringLiteral("importFailuresLabel"));
    m_failures->setStyleSheet(QStringLiteral("QLabel { color: #b00020; font-weight: bold; }"));
    m_failures->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_failures);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    hide();
}

void BackgroundStatus::showImportFailures(const QStringList &references)
{
    m_failureReferences += references;
    m_failureReferences.removeDuplicates();
    m_failures->setText(tr("Import failed: %n application(s)", nullptr, int(m_failureReferences.size())));
    m_failures->setToolTip(tr("Given up after repeated refusals; the applicants were asked to apply again. "
                              "Reference numbers: %1. Details: madoguchi-cli import --failures")
                               .arg(m_failureReferences.join(QStringLiteral(", "))));
    m_failures->show();
    show();
}

void BackgroundStatus::hideWhenIdle()
{
    m_label->hide();
    m_bar->hide();
    // The failure note stays: it is for IT to act upon, not a passing state.
    setVisible(m_failures->isVisible());
}

void BackgroundStatus::showProgress(const QString &text, int done, int total)
{
    if (total > 0 && done >= total) {
        hideWhenIdle();
        return;
    }
    m_label->setText(text);
    m_label->setToolTip(QString());
    m_label->show();
    m_bar->setRange(0, qMax(0, total));
    m_bar->setValue(total > 0 ? done : 0);
    m_bar->show();
    show();
}

void BackgroundStatus::showMessage(const QString &text)
{
    showProblem(text, QString());
}

void BackgroundStatus::showProblem(const QString &text, const QString &details)
{
    m_label->setText(text);
    m_label->setToolTip(details);
    m_label->show();
    m_bar->hide();
    show();
}

} // namespace mado
