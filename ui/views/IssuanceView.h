#pragma once

#include "core/domain/IssuanceEntry.h"
#include "ui/issuance/IssuancePreview.h"
#include "ui/support/JobTracker.h"

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace mado {

class CaseStore;
class PdfRenderer;
class HtmlPreview;
class ReceiverClient;

// The issuance page (clerks and supervisors): cases ready to issue, held by policy, and issued
// today. The selected case shows its certificate and mailing label in HTML previews (HtmlPreview; the number
// reads 「発行時に採番」 until issued); Issue (after a confirmation) records the issuance and tells the
// receiver; Export PDF and Mailing label write PDFs where the user chooses; Notify again repeats the
// notice when the receiver was not reached. A held case shows the policy's explanation and cannot be
// issued. Store reads, issuance and notices run off the GUI thread. The previews are created on first
// show (WebEngine, where used, starts only when the page is used). GUI thread only; the store must outlive the
// view. `client` may be null (no receiver configured: notices wait in the outbox).
class IssuanceView : public QWidget {
    Q_OBJECT

public:
    IssuanceView(CaseStore &store, qint64 userId, std::shared_ptr<const ReceiverClient> client,
                 QWidget *parent = nullptr);
    ~IssuanceView() override;

    // Reloads the list (keeping the selection); loaded() follows.
    void reload();
    // Selects the case's row if it is listed; false otherwise.
    bool selectCase(qint64 caseId);
    const std::vector<IssuanceEntry> &entries() const { return m_entries; }
    const IssuancePreview &preview() const { return m_preview; }

Q_SIGNALS:
    void loaded();
    // The selected case's preview is on screen (both pages loaded, or nothing to show).
    void previewShown(qint64 caseId);
    void issued(qint64 caseId, const QString &certificateNumber);
    void exported(const QString &path);
    void exportFailed(const QString &message);
    // After an issuance or a notice (the queue may want to refresh).
    void workflowChanged();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void showEntries(const std::vector<IssuanceEntry> &entries);
    void selectionChanged();
    void loadPreview(qint64 caseId);
    void showPreview();
    void previewLoaded();
    void ensurePreviews();
    void updateButtons();
    void issue();
    void exportPdf(bool label);
    void notifyAgain();
    qint64 selectedCaseId() const;
    // Shows `message`; `details` (core's English detail for IT) becomes the label's tooltip.
    void report(const QString &message, const QString &details = QString());
    QString refusalText() const;
    void retranslate();

    CaseStore &m_store;
    qint64 m_userId = 0;
    std::shared_ptr<const ReceiverClient> m_client;
    std::vector<IssuanceEntry> m_entries;
    IssuancePreview m_preview;
    JobTracker m_listJobs{this};
    JobTracker m_previewJobs{this};
    int m_pagesLoading = 0;
    bool m_busy = false;
    QLabel *m_listTitle = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_caseLabel = nullptr;
    QLabel *m_refusalLabel = nullptr;
    QTabWidget *m_previewTabs = nullptr;
    HtmlPreview *m_certificateView = nullptr;
    HtmlPreview *m_labelView = nullptr;
    QPushButton *m_issueButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_labelButton = nullptr;
    QPushButton *m_notifyButton = nullptr;
    QLabel *m_messageLabel = nullptr;
    PdfRenderer *m_renderer = nullptr;
};

} // namespace mado
