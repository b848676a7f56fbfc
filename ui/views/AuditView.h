#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace mado {

class AuditModel;
class CaseStore;

// Read-only view of the audit chain (newest first) with a button that verifies the whole chain
// off the GUI thread and shows the result. GUI thread only; the store must outlive the view.
class AuditView : public QWidget {
    Q_OBJECT

public:
    explicit AuditView(CaseStore &store, QWidget *parent = nullptr);

    AuditModel *model() const { return m_model; }
    void verifyChain();

Q_SIGNALS:
    void chainVerified(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    CaseStore &m_store;
    AuditModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_verifyButton = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QLabel *m_resultLabel = nullptr;
};

} // namespace mado
