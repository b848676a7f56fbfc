#include "ui/views/WardSettingsPanel.h"

#include "core/store/WardSettings.h"
#include "ui/support/Background.h"
#include "ui/support/ErrorTexts.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mado {

WardSettingsPanel::WardSettingsPanel(CaseStore &store, qint64 userId, QWidget *parent)
    : QGroupBox(parent), m_store(store), m_userId(userId)
{
    setObjectName(QStringLiteral("wardSettingsPanel"));
    m_issuerLabel = new QLabel(this);
    m_issuerEdit = new QLineEdit(this);
    m_issuerEdit->setObjectName(QStringLiteral("issuerNameLineEdit"));
    m_issuerEdit->setMaxLength(WardSettings::kMaxIssuerLength);
    m_saveButton = new QPushButton(this);
    m_saveButton->setObjectName(QStringLiteral("saveWardSettingsButton"));
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("wardSettingsMessageLabel"));
    m_messageLabel->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(m_issuerLabel, m_issuerEdit);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_saveButton);
    layout->addWidget(m_messageLabel);
    connect(m_saveButton, &QPushButton::clicked, this, &WardSettingsPanel::save);
    retranslate();
    reload();
}

void WardSettingsPanel::reload()
{
    CaseStore *store = &m_store;
    m_saveButton->setEnabled(false);
    runInBackground(
        this, [store] { return WardSettings(*store).issuerName(); },
        [this](const Result<QString> &issuer) {
            m_saveButton->setEnabled(true);
            if (issuer)
                m_issuerEdit->setText(issuer.value());
            else
                showError(tr("The ward settings could not be read"), issuer.error());
            Q_EMIT loaded();
        });
}

void WardSettingsPanel::save()
{
    CaseStore *store = &m_store;
    const qint64 userId = m_userId;
    const QString issuer = m_issuerEdit->text();
    m_saveButton->setEnabled(false);
    runInBackground(
        this, [store, userId, issuer] { return WardSettings(*store).setIssuerName(userId, issuer); },
        [this](const Status &status) {
            m_saveButton->setEnabled(true);
            m_messageLabel->setToolTip(QString());
            if (status)
                m_messageLabel->setText(tr("The issuer was saved for every workstation of the ward."));
            else if (status.error().code == ErrorCode::InvalidArgument)
                m_messageLabel->setText(
                    tr("Enter the issuer on one line (at most %1 characters).").arg(WardSettings::kMaxIssuerLength));
            else
                showError(tr("The issuer could not be saved"), status.error());
            Q_EMIT saved(status.ok());
        });
}

void WardSettingsPanel::showError(const QString &what, const Error &error)
{
    m_messageLabel->setText(ErrorTexts::failure(what, error));
    m_messageLabel->setToolTip(ErrorTexts::details(error));
}

void WardSettingsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void WardSettingsPanel::retranslate()
{
    setTitle(tr("Ward settings (all workstations)"));
    m_issuerLabel->setText(tr("Issuer on certificates"));
    m_issuerEdit->setPlaceholderText(tr("e.g. Mayor of XX Ward, Tokyo  XX XX"));
    m_saveButton->setText(tr("Save ward settings"));
}

} // namespace mado
