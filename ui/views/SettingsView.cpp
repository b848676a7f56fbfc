#include "ui/views/SettingsView.h"

#include "core/face/FaceThresholds.h"
#include "ui/support/ErrorTexts.h"
#include "ui/support/WorkstationSettings.h"
#include "ui/views/WardSettingsPanel.h"

#include <QEvent>
#include <QFile>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mado {

SettingsView::SettingsView(WorkstationSettings &settings, QWidget *parent) : QWidget(parent), m_settings(settings)
{
    setObjectName(QStringLiteral("settingsView"));
    m_urlLabel = new QLabel(this);
    m_tokenLabel = new QLabel(this);
    m_caFileLabel = new QLabel(this);
    m_modelsLabel = new QLabel(this);
    m_thresholdsLabel = new QLabel(this);
    m_urlEdit = new QLineEdit(this);
    m_urlEdit->setObjectName(QStringLiteral("receiverUrlLineEdit"));
    m_tokenEdit = new QLineEdit(this);
    m_tokenEdit->setObjectName(QStringLiteral("receiverTokenLineEdit"));
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    m_caFileEdit = new QLineEdit(this);
    m_caFileEdit->setObjectName(QStringLiteral("receiverCaFileLineEdit"));
    m_modelsEdit = new QLineEdit(this);
    m_modelsEdit->setObjectName(QStringLiteral("modelsDirectoryLineEdit"));
    m_thresholdsVersionLabel = new QLabel(this);
    m_thresholdsVersionLabel->setObjectName(QStringLiteral("thresholdsVersionLabel"));
    m_thresholdsText = new QPlainTextEdit(this);
    m_thresholdsText->setObjectName(QStringLiteral("thresholdsPlainTextEdit"));
    m_thresholdsText->setReadOnly(true);
    m_saveButton = new QPushButton(this);
    m_saveButton->setObjectName(QStringLiteral("saveSettingsButton"));
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("settingsMessageLabel"));

    auto *form = new QFormLayout;
    form->addRow(m_urlLabel, m_urlEdit);
    form->addRow(m_tokenLabel, m_tokenEdit);
    form->addRow(m_caFileLabel, m_caFileEdit);
    form->addRow(m_modelsLabel, m_modelsEdit);
    form->addRow(m_thresholdsLabel, m_thresholdsVersionLabel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_thresholdsText, 1);
    layout->addWidget(m_saveButton);
    layout->addWidget(m_messageLabel);
    connect(m_saveButton, &QPushButton::clicked, this, &SettingsView::save);

    // The thresholds compiled into the program; the values shown are the shipped file itself.
    const auto shipped = FaceThresholds::shipped();
    if (shipped)
        m_thresholdsVersion = shipped.value().version;
    else
        m_thresholdsError = shipped.error();
    QFile file(FaceThresholds::resourcePath());
    if (file.open(QIODevice::ReadOnly))
        m_thresholdsText->setPlainText(
            QString::fromUtf8(QJsonDocument::fromJson(file.readAll()).toJson(QJsonDocument::Indented)));
    load();
    retranslate();
}

void SettingsView::load()
{
    m_urlEdit->setText(m_settings.value(WorkstationSettings::Key::ReceiverUrl).toString());
    m_tokenEdit->setText(m_settings.receiverToken());
    m_caFileEdit->setText(m_settings.value(WorkstationSettings::Key::ReceiverCaFile).toString());
    m_modelsEdit->setText(m_settings.value(WorkstationSettings::Key::ModelsDirectory).toString());
}

void SettingsView::save()
{
    m_settings.setValue(WorkstationSettings::Key::ReceiverUrl, m_urlEdit->text().trimmed());
    m_settings.setValue(WorkstationSettings::Key::ReceiverCaFile, m_caFileEdit->text().trimmed());
    m_settings.setValue(WorkstationSettings::Key::ModelsDirectory, m_modelsEdit->text().trimmed());
    m_settings.sync();
    if (m_settings.setReceiverToken(m_tokenEdit->text().trimmed()))
        m_messageLabel->setText(tr("Settings saved."));
    else
        m_messageLabel->setText(tr("The receiver token could not be saved."));
    Q_EMIT saved();
}

void SettingsView::showWardSettings(CaseStore &store, qint64 userId)
{
    if (m_wardPanel)
        return;
    m_wardPanel = new WardSettingsPanel(store, userId, this);
    if (auto *box = qobject_cast<QVBoxLayout *>(layout()))
        box->insertWidget(1, m_wardPanel);
}

void SettingsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SettingsView::retranslate()
{
    m_urlLabel->setText(tr("Receiver URL"));
    m_tokenLabel->setText(tr("Receiver token"));
    m_caFileLabel->setText(tr("Receiver CA certificate file"));
    m_caFileEdit->setPlaceholderText(tr("Empty: the system's CA certificates"));
    m_modelsLabel->setText(tr("Face models directory"));
    m_thresholdsLabel->setText(tr("Face thresholds (read-only)"));
    m_thresholdsVersionLabel->setText(
        !m_thresholdsError ? tr("Version %1").arg(m_thresholdsVersion)
                           : ErrorTexts::failure(tr("The shipped thresholds could not be read"), *m_thresholdsError));
    m_thresholdsVersionLabel->setToolTip(m_thresholdsError ? ErrorTexts::details(*m_thresholdsError) : QString());
    m_saveButton->setText(tr("Save"));
}

} // namespace mado
