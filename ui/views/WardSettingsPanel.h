#pragma once

#include "core/domain/Result.h"

#include <QGroupBox>

class QLabel;
class QLineEdit;
class QPushButton;

namespace mado {

class CaseStore;

// The ward-wide settings on the admin's settings page (WardSettings, in the case store, the same
// for every workstation): the issuer's title and name printed on certificates. Reads and saves off
// the GUI thread. GUI thread only; the store must outlive the panel.
class WardSettingsPanel : public QGroupBox {
    Q_OBJECT

public:
    WardSettingsPanel(CaseStore &store, qint64 userId, QWidget *parent = nullptr);

    void reload();
    void save();

Q_SIGNALS:
    // After a reload or a save attempt (the message label says how it went).
    void loaded();
    void saved(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showError(const QString &what, const Error &error);

    CaseStore &m_store;
    qint64 m_userId;
    QLabel *m_issuerLabel = nullptr;
    QLineEdit *m_issuerEdit = nullptr;
    QPushButton *m_saveButton = nullptr;
    QLabel *m_messageLabel = nullptr;
};

} // namespace mado
