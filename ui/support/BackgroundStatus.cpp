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
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    hide();
}

void BackgroundStatus::showProgress(const QString &text, int done, int total)
{
    if (total > 0 && done >= total) {
        hide();
        return;
    }
    m_label->setText(text);
    m_bar->setRange(0, qMax(0, total));
    m_bar->setValue(total > 0 ? done : 0);
    m_bar->show();
    show();
}

void BackgroundStatus::showMessage(const QString &text)
{
    m_label->setText(text);
    m_bar->hide();
    show();
}

} // namespace mado
