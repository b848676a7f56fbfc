#pragma once

#include "core/store/BatchOverviewQuery.h"
#include "core/workflow/WorkflowOptions.h"
#include "ui/support/JobTracker.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace mado {

class CaseStore;

// The supervisor's page: decided cases not yet in a batch (select, create a batch), the batches,
// and for the selected batch its cases, approval with the password re-entered, and returning one
// case to its clerk with a comment. Approval of a batch holding the supervisor's own decision is
// disabled with the reason (core refuses it too). Reads and workflow calls run off the GUI thread.
// GUI thread only; the store must outlive the view.
class BatchView : public QWidget {
    Q_OBJECT

public:
    BatchView(CaseStore &store, qint64 userId, WorkflowOptions options = {}, QWidget *parent = nullptr);

    // Reloads the lists; loaded() follows.
    void reload();
    const BatchOverview &overview() const { return m_overview; }

Q_SIGNALS:
    void loaded();
    // After a batch was created, approved or a case returned (the queue may want to refresh).
    void workflowChanged();
    // The user double-clicked (or pressed Enter on) a case of one of the lists.
    void caseActivated(qint64 caseId);
    // An approved batch queued its cases' outcome notices (deliver them now, off the GUI thread).
    void outcomesQueued();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showOverview(const BatchOverview &overview);
    void showBatchCases();
    void updateButtons();
    void createBatch();
    void approveBatch();
    void returnCase();
    const BatchLine *selectedBatch() const;
    // Shows `message`; `details` (core's English detail for IT) becomes the label's tooltip.
    void report(const QString &message, const QString &details = QString());
    void retranslate();

    CaseStore &m_store;
    qint64 m_userId = 0;
    WorkflowOptions m_options;
    BatchOverview m_overview;
    JobTracker m_reloads{this};
    bool m_busy = false;
    QLabel *m_unbatchedTitle = nullptr;
    QLabel *m_batchesTitle = nullptr;
    QLabel *m_batchCasesTitle = nullptr;
    QTableWidget *m_unbatchedTable = nullptr;
    QPushButton *m_createButton = nullptr;
    QTableWidget *m_batchesTable = nullptr;
    QTableWidget *m_batchCasesTable = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QPushButton *m_approveButton = nullptr;
    QLabel *m_approveReasonLabel = nullptr;
    QLineEdit *m_commentEdit = nullptr;
    QPushButton *m_returnButton = nullptr;
    QLabel *m_messageLabel = nullptr;
};

} // namespace mado
