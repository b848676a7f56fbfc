#pragma once

#include "core/domain/Result.h"
#include "core/workflow/WorkflowOptions.h"
#include "ui/support/CaseData.h"
#include "ui/support/JobTracker.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTabWidget;
class QVBoxLayout;

namespace mado {

class AiPanel;
class SignaturePanel;
class CaseStore;
class ImageComparisonWidget;

// The clerk's view of one case: the image comparison, the AI evidence, the applicant's form next
// to the resident register entry (differences highlighted), for a signed application the JPKI
// signature panel (SignaturePanel, a tab beside the register's, opened first; it scrolls), a
// checklist and the decision.
//
// openCase() claims the case for the user (unless read-only) and loads it off the GUI thread
// (CaseStore::viewCase, audited; verdict; register; images decoded) through a JobTracker; the
// result is delivered on the GUI thread and dropped when another case was opened meanwhile. Decisions also run off the
// GUI thread through CaseWorkflow; decided(caseId) then nextRequested() follow a stored decision.
//
// Approve is enabled only when the three checklist boxes are ticked, the user holds the claim and
// the case is not held by the procedure policy (the hold reason is shown). Reject needs a reason
// code and a comment; Request resubmission needs a reason code.
//
// Keys (shortcuts of the view and its children):
//   Alt+1 / Alt+2 / Alt+3  tick or untick the checklist (face, document, register)
//   Ctrl+Return            approve
//   Ctrl+R                 reject (without reason and comment: focuses the reason, shows why)
//   Ctrl+Shift+R           request resubmission (without a reason: focuses it)
//   Ctrl+N                 next case (nextRequested)
//   + − 0                  zoom both images in, out, back to the same face scale (image focus)
//
// Read-only mode (supervisors): nothing is claimed and the decision controls are hidden.
// GUI thread only. Errors are shown inline in words for their code (ErrorTexts; core's detail in
// the tooltip) and reported with failed(message).
class CaseView : public QWidget {
    Q_OBJECT

public:
    CaseView(CaseStore &store, qint64 userId, WorkflowOptions options = {}, QWidget *parent = nullptr);

    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    void openCase(qint64 caseId);
    qint64 caseId() const { return m_caseId; }
    bool isLoading() const { return m_loading; }
    // Whether this user may decide the open case now (claimed by them, not read-only).
    bool canDecide() const;
    const CaseData &caseData() const { return m_data; }

    ImageComparisonWidget *comparison() const { return m_comparison; }
    AiPanel *aiPanel() const { return m_aiPanel; }
    SignaturePanel *signaturePanel() const { return m_signaturePanel; }

Q_SIGNALS:
    void caseLoaded(qint64 caseId);
    void decided(qint64 caseId);
    void nextRequested();
    void failed(const QString &message);

private:
    struct Loaded;
    QWidget *createDecisionPanel();
    void createShortcuts();
    void showLoaded(const Loaded &loaded);
    void showRegister();
    void showSignature();
    void updateActions();
    void approve();
    void reject();
    void requestResubmission();
    void submit(DecisionOutcome outcome, const QString &reasonCode, const QString &comment);
    void showError(const QString &message, const QString &details = QString());
    void showError(const Error &error);
    QString errorText(const Error &error) const;
    static QString stateText(CaseState state);

    CaseStore &m_store;
    qint64 m_userId = 0;
    WorkflowOptions m_options;
    bool m_readOnly = false;
    qint64 m_caseId = 0;
    JobTracker m_caseJobs{this}; // loading and deciding the open case: opening another drops them
    bool m_loading = false;
    bool m_deciding = false;
    bool m_claimed = false;
    CaseData m_data;

    ImageComparisonWidget *m_comparison = nullptr;
    AiPanel *m_aiPanel = nullptr;
    SignaturePanel *m_signaturePanel = nullptr;
    QTabWidget *m_evidenceTabs = nullptr; // the register, and the signature of a signed application
    QWidget *m_signatureScroll = nullptr;  // the signature's tab page (a tab only while signed)
    QVBoxLayout *m_sideLayout = nullptr;
    static constexpr int kSignatureTab = 1;
    QLabel *m_caseLabel = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_holdLabel = nullptr;
    QLabel *m_messageLabel = nullptr;
    QLabel *m_readOnlyLabel = nullptr;
    QLabel *m_registerStatusLabel = nullptr;
    QTableWidget *m_registerTable = nullptr;
    QWidget *m_decisionPanel = nullptr;
    QCheckBox *m_faceCheck = nullptr;
    QCheckBox *m_documentCheck = nullptr;
    QCheckBox *m_registerCheck = nullptr;
    QPushButton *m_approveButton = nullptr;
    QComboBox *m_rejectReason = nullptr;
    QLineEdit *m_rejectComment = nullptr;
    QPushButton *m_rejectButton = nullptr;
    QLabel *m_rejectError = nullptr;
    QComboBox *m_resubmitReason = nullptr;
    QPushButton *m_resubmitButton = nullptr;
    QPushButton *m_nextButton = nullptr;
};

} // namespace mado
