#pragma once

#include "core/domain/Result.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace mado {

class CaseStore;
class WardSettingsPanel;
class WorkstationSettings;

// The administrator's settings page: receiver URL, token and CA certificate file, models directory (editable, saved
// with the save button), the shipped face thresholds (version and values, read-only) and, once showWardSettings() was
// called, the ward-wide settings of the store (WardSettingsPanel). GUI thread only.
class SettingsView : public QWidget {
    Q_OBJECT

public:
    explicit SettingsView(WorkstationSettings &settings, QWidget *parent = nullptr);

    void save();
    // Adds the ward-wide settings of `store`, saved as `userId` (an admin).
    void showWardSettings(CaseStore &store, qint64 userId);
    WardSettingsPanel *wardSettingsPanel() const { return m_wardPanel; }

Q_SIGNALS:
    void saved();

protected:
    void changeEvent(QEvent *event) override;

private:
    void load();
    void retranslate();

    WorkstationSettings &m_settings;
    QLabel *m_urlLabel = nullptr;
    QLabel *m_tokenLabel = nullptr;
    QLabel *m_caFileLabel = nullptr;
    QLabel *m_modelsLabel = nullptr;
    QLabel *m_thresholdsLabel = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QLineEdit *m_tokenEdit = nullptr;
    QLineEdit *m_caFileEdit = nullptr;
    QLineEdit *m_modelsEdit = nullptr;
    QLabel *m_thresholdsVersionLabel = nullptr;
    QPlainTextEdit *m_thresholdsText = nullptr;
    QPushButton *m_saveButton = nullptr;
    QLabel *m_messageLabel = nullptr;
    WardSettingsPanel *m_wardPanel = nullptr;
    QString m_thresholdsVersion;
    std::optional<Error> m_thresholdsError;
};

} // namespace mado
