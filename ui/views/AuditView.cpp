#include "ui/views/AuditView.h"

#include "core/store/AuditLog.h"
#include "ui/models/AuditModel.h"
#include "ui/support/Background.h"
#include "ui/support/ErrorTexts.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace mado {

AuditView::AuditView(CaseStore &store, QWidget *parent) : QWidget(parent), m_store(store)
{
    setObjectName(QStringLiteral("auditView"));
    m_model = new AuditModel(store, this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTableView"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_verifyButton = new QPushButton(this);
    m_verifyButton->setObjectName(QStringLiteral("verifyChainButton"));
    m_refreshButton = new QPushButton(this);
    m_refreshButton->setObjectName(QStringLiteral("refreshAuditButton"));
    m_resultLabel = new QLabel(this);
    m_resultLabel->setObjectName(QStringLiteral("chainResultLabel"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_verifyButton);
    buttons->addWidget(m_refreshButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_resultLabel);
    layout->addWidget(m_table, 1);
    connect(m_verifyButton, &QPushButton::clicked, this, &AuditView::verifyChain);
    connect(m_refreshButton, &QPushButton::clicked, m_model, &AuditModel::refresh);
    connect(m_model, &AuditModel::failed, this, [this](const Error &error) {
        m_resultLabel->setText(ErrorTexts::failure(tr("The audit log could not be read"), error));
        m_resultLabel->setToolTip(ErrorTexts::details(error));
    });
    retranslate();
}

void AuditView::verifyChain()
{
    m_verifyButton->setEnabled(false);
    m_resultLabel->setText(tr("Verifying the audit chain…"));
    m_resultLabel->setToolTip(QString());
    CaseStore *store = &m_store;
    runInBackground(
        this, [store] { return AuditLog(*store).verify(); },
        [this](const Result<AuditChain::Verification> &result) {
            m_verifyButton->setEnabled(true);
            if (!result) {
                m_resultLabel->setText(ErrorTexts::failure(tr("The audit chain could not be read"), result.error()));
                m_resultLabel->setToolTip(ErrorTexts::details(result.error()));
                Q_EMIT chainVerified(false);
                return;
            }
            const AuditChain::Verification &v = result.value();
            if (v.ok) {
                m_resultLabel->setText(
                    tr("The audit chain is intact: %1 entries. Head hash: %2").arg(v.entries).arg(v.headHash));
            } else {
                m_resultLabel->setText(
                    tr("The audit chain is BROKEN at entry %1. Report this to the administrator.").arg(v.firstBroken));
                // What the check found, in core's words, for IT (madoguchi-cli audit verify says the same).
                m_resultLabel->setToolTip(ErrorTexts::details(v.problem));
            }
            Q_EMIT chainVerified(v.ok);
        });
}

void AuditView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void AuditView::retranslate()
{
    m_verifyButton->setText(tr("Verify chain"));
    m_refreshButton->setText(tr("Refresh"));
}

} // namespace mado
