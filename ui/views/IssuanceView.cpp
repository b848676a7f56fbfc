#include "ui/views/IssuanceView.h"

#include "core/store/CaseStore.h"
#include "core/station/IssuanceService.h"
#include "core/station/ReceiverClient.h"
#include "ui/issuance/PdfRenderer.h"
#include "ui/issuance/HtmlPreview.h"
#include "ui/support/Background.h"
#include "ui/support/DomainTexts.h"
#include "ui/support/ErrorTexts.h"
#include "ui/support/FileDialog.h"
#include "ui/support/MessageBox.h"

#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace mado {

namespace {

// Midnight of today in Japan (UTC+9, no daylight saving time), as a UTC time.
QDateTime startOfJapanDay(const QDateTime &now)
{
    const QDate today = now.toUTC().addSecs(9 * 3600).date();
    return QDateTime(today, QTime(0, 0), QTimeZone::utc()).toUTC().addSecs(-9 * 3600);
}

QTableWidgetItem *item(const QString &text, qint64 id = 0)
{
    auto *cell = new QTableWidgetItem(text);
    if (id)
        cell->setData(Qt::UserRole, id);
    return cell;
}

QString messagePage(const QString &text)
{
    return QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family: "
                          "sans-serif; color: #555; padding: 2em\"><p>%1</p></body></html>")
        .arg(text.toHtmlEscaped());
}

} // namespace

IssuanceView::IssuanceView(CaseStore &store, qint64 userId, std::shared_ptr<const ReceiverClient> client,
                           QWidget *parent)
    : QWidget(parent), m_store(store), m_userId(userId), m_client(std::move(client))
{
    setObjectName(QStringLiteral("issuanceView"));
    m_listTitle = new QLabel(this);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("issuanceTableWidget"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_caseLabel = new QLabel(this);
    m_caseLabel->setObjectName(QStringLiteral("issuanceCaseLabel"));
    m_refusalLabel = new QLabel(this);
    m_refusalLabel->setObjectName(QStringLiteral("refusalLabel"));
    m_refusalLabel->setWordWrap(true);
    m_refusalLabel->setStyleSheet(QStringLiteral("QLabel { color: #a40000; font-weight: bold; }"));
    m_refusalLabel->hide();
    m_previewTabs = new QTabWidget(this);
    m_previewTabs->setObjectName(QStringLiteral("previewTabWidget"));
    m_issueButton = new QPushButton(this);
    m_issueButton->setObjectName(QStringLiteral("issueButton"));
    m_exportButton = new QPushButton(this);
    m_exportButton->setObjectName(QStringLiteral("exportPdfButton"));
    m_labelButton = new QPushButton(this);
    m_labelButton->setObjectName(QStringLiteral("exportLabelButton"));
    m_notifyButton = new QPushButton(this);
    m_notifyButton->setObjectName(QStringLiteral("notifyAgainButton"));
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("issuanceMessageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *left = new QVBoxLayout;
    left->addWidget(m_listTitle);
    left->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_issueButton);
    buttons->addWidget(m_exportButton);
    buttons->addWidget(m_labelButton);
    buttons->addWidget(m_notifyButton);
    buttons->addStretch();
    auto *right = new QVBoxLayout;
    right->addWidget(m_caseLabel);
    right->addWidget(m_refusalLabel);
    right->addWidget(m_previewTabs, 1);
    right->addLayout(buttons);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addLayout(right, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_messageLabel);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &IssuanceView::selectionChanged);
    connect(m_issueButton, &QPushButton::clicked, this, &IssuanceView::issue);
    connect(m_exportButton, &QPushButton::clicked, this, [this] { exportPdf(false); });
    connect(m_labelButton, &QPushButton::clicked, this, [this] { exportPdf(true); });
    connect(m_notifyButton, &QPushButton::clicked, this, &IssuanceView::notifyAgain);
    retranslate();
    showPreview();
    reload();
}

IssuanceView::~IssuanceView() = default;

void IssuanceView::reload()
{
    CaseStore *store = &m_store;
    const QDateTime since = startOfJapanDay(m_store.clock().now());
    // A newer reload supersedes this one.
    m_listJobs.startJob([store, since] { return store->issuanceList(since); },
                        [this](const Result<std::vector<IssuanceEntry>> &entries) {
                            if (!entries) {
                                report(ErrorTexts::failure(tr("The cases could not be read"), entries.error()),
                                       ErrorTexts::details(entries.error()));
                                return;
                            }
                            showEntries(entries.value());
                        });
}

void IssuanceView::showEntries(const std::vector<IssuanceEntry> &entries)
{
    const qint64 selected = selectedCaseId();
    // Whether the selected case changed meanwhile (issued, notified): then it is shown afresh.
    const auto find = [selected](const std::vector<IssuanceEntry> &list) -> const IssuanceEntry * {
        for (const IssuanceEntry &e : list) {
            if (e.caseId == selected)
                return &e;
        }
        return nullptr;
    };
    const IssuanceEntry *before = find(m_entries);
    const IssuanceEntry *after = find(entries);
    const bool changed = !before || !after || before->kind != after->kind ||
                         before->notifyPending != after->notifyPending ||
                         before->certificateNumber != after->certificateNumber;
    m_entries = entries;
    {
        const QSignalBlocker blocker(m_table);
        m_table->clearSelection();
        m_table->setRowCount(static_cast<int>(m_entries.size()));
        for (int row = 0; row < m_table->rowCount(); ++row) {
            const IssuanceEntry &e = m_entries[static_cast<size_t>(row)];
            const QString kind = e.kind == IssuanceEntry::Kind::Ready  ? tr("Ready to issue")
                                 : e.kind == IssuanceEntry::Kind::Held ? tr("Held (policy)")
                                                                       : tr("Issued");
            const QString notice = e.kind != IssuanceEntry::Kind::Issued ? QString()
                                   : e.notifyPending                     ? tr("Not sent yet")
                                                                         : tr("Sent");
            m_table->setItem(row, 0, item(e.reference, e.caseId));
            m_table->setItem(row, 1, item(DomainTexts::procedure(e.procedure)));
            m_table->setItem(row, 2, item(kind));
            m_table->setItem(row, 3, item(e.certificateNumber));
            m_table->setItem(row, 4, item(notice));
            if (e.caseId == selected)
                m_table->selectRow(row);
        }
    }
    if (selected && selectedCaseId() == selected) {
        if (changed)
            loadPreview(selected);
    } else if (selected) {
        selectionChanged();
    }
    Q_EMIT loaded();
}

bool IssuanceView::selectCase(qint64 caseId)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, 0)->data(Qt::UserRole).toLongLong() == caseId) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

qint64 IssuanceView::selectedCaseId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    return m_table->item(rows.first().row(), 0)->data(Qt::UserRole).toLongLong();
}

void IssuanceView::selectionChanged()
{
    const qint64 caseId = selectedCaseId();
    if (caseId) {
        loadPreview(caseId);
        return;
    }
    m_previewJobs.reset();
    m_preview = IssuancePreview();
    showPreview();
}

void IssuanceView::loadPreview(qint64 caseId)
{
    CaseStore *store = &m_store;
    const qint64 userId = m_userId;
    const QString placeholder = tr("(assigned at issuance)");
    // Selecting another case meanwhile supersedes this preview.
    m_previewJobs.startJob(
        [store, userId, caseId, placeholder] { return IssuancePreview::load(*store, userId, caseId, placeholder); },
        [this](const IssuancePreview &preview) {
            m_preview = preview;
            showPreview();
        });
}

void IssuanceView::showPreview()
{
    const IssuancePreview &p = m_preview;
    if (!p.caseId) {
        m_caseLabel->setText(tr("Select a case."));
    } else if (p.issued) {
        m_caseLabel->setText(tr("Case %1 — certificate No. %2").arg(p.reference, p.certificateNumber));
    } else {
        m_caseLabel->setText(tr("Case %1 — not issued yet").arg(p.reference));
    }
    const QString refusal = refusalText();
    m_refusalLabel->setText(refusal);
    m_refusalLabel->setVisible(!refusal.isEmpty());
    updateButtons();
    if (!m_certificateView) {
        // The previews are created when the page is first shown.
        Q_EMIT previewShown(p.caseId);
        return;
    }
    const QString empty = messagePage(p.caseId ? tr("The certificate cannot be previewed.") : tr("Select a case."));
    m_pagesLoading = 2;
    m_certificateView->showHtml(p.certificateHtml.isEmpty() ? empty : p.certificateHtml);
    m_labelView->showHtml(p.labelHtml.isEmpty() ? empty : p.labelHtml);
}

void IssuanceView::previewLoaded()
{
    if (m_pagesLoading <= 0)
        return;
    if (--m_pagesLoading == 0)
        Q_EMIT previewShown(m_preview.caseId);
}

QString IssuanceView::refusalText() const
{
    const IssuancePreview &p = m_preview;
    if (!p.caseId)
        return QString();
    if (p.problem) {
        switch (p.problem->code) {
        case ErrorCode::NotFound:
            return tr("The applicant is not found exactly once in the resident register (name and date of "
                      "birth); resolve it by hand before issuing.");
        case ErrorCode::InvalidArgument:
            return tr("There is no certificate template for this procedure yet: it cannot be issued here.");
        default:
            return ErrorTexts::failure(tr("The certificate cannot be prepared"), *p.problem);
        }
    }
    if (p.issued || !p.refusal)
        return QString();
    switch (p.refusal->code) {
    case ErrorCode::PolicyRefused:
        // The policy's explanation is Japanese text maintained by the ward's administrator.
        return tr("This case cannot be issued (held by policy): %1").arg(p.refusal->message);
    case ErrorCode::InvalidState:
        return tr("This case cannot be issued yet: it must be approved in an approved batch.");
    default:
        return ErrorTexts::failure(tr("This case cannot be issued"), *p.refusal);
    }
}

void IssuanceView::ensurePreviews()
{
    if (m_certificateView)
        return;
    m_certificateView = new HtmlPreview(m_previewTabs);
    m_certificateView->setObjectName(QStringLiteral("certificatePreviewWebView"));
    m_labelView = new HtmlPreview(m_previewTabs);
    m_labelView->setObjectName(QStringLiteral("labelPreviewWebView"));
    m_previewTabs->addTab(m_certificateView, QString());
    m_previewTabs->addTab(m_labelView, QString());
    connect(m_certificateView, &HtmlPreview::loaded, this, &IssuanceView::previewLoaded);
    connect(m_labelView, &HtmlPreview::loaded, this, &IssuanceView::previewLoaded);
    retranslate();
    showPreview();
}

void IssuanceView::updateButtons()
{
    const IssuancePreview &p = m_preview;
    const bool exportable = p.issued && !p.certificateHtml.isEmpty() && !(m_renderer && m_renderer->isBusy());
    m_issueButton->setEnabled(!m_busy && p.caseId && !p.issued && p.issuable && !p.problem);
    m_exportButton->setEnabled(!m_busy && exportable);
    m_labelButton->setEnabled(!m_busy && exportable && !p.labelHtml.isEmpty());
    m_notifyButton->setVisible(p.issued && p.notifyPending);
    m_notifyButton->setEnabled(!m_busy && m_client != nullptr);
    m_notifyButton->setToolTip(m_client ? QString() : tr("No receiver is configured (Settings)."));
}

void IssuanceView::issue()
{
    const IssuancePreview p = m_preview;
    if (m_busy || !p.caseId || !p.issuable)
        return;
    if (!MessageBox::confirm(this, tr("Issue the certificate"),
                             tr("Issue the certificate for application %1?\nA certificate number is assigned now "
                                "and the applicant is told on LINE. This cannot be undone.")
                                 .arg(p.reference),
                             tr("Issue"), tr("Cancel")))
        return;
    m_busy = true;
    updateButtons();
    report(tr("Issuing the certificate…"));
    CaseStore *store = &m_store;
    const qint64 userId = m_userId;
    const qint64 caseId = p.caseId;
    std::shared_ptr<const ReceiverClient> client = m_client;
    runInBackground(
        this, [store, userId, caseId, client] { return IssuanceService(*store, client.get()).issue(userId, caseId); },
        [this, caseId](const Result<IssuanceService::Outcome> &outcome) {
            m_busy = false;
            updateButtons();
            if (!outcome) {
                report(ErrorTexts::failure(tr("The certificate was not issued"), outcome.error()),
                       ErrorTexts::details(outcome.error()));
            } else {
                const QString number = outcome.value().issued.certificateNumber;
                if (outcome.value().receiverNotified)
                    report(tr("Issued: certificate No. %1. The receiver was notified; the applicant gets a LINE "
                              "message.")
                               .arg(number));
                else
                    report(tr("Issued: certificate No. %1. The receiver could not be notified; the notice "
                              "will be sent again automatically.")
                               .arg(number),
                           outcome.value().notifyError.isEmpty()
                               ? QString()
                               : ErrorTexts::details(Error{ErrorCode::Network, outcome.value().notifyError}));
                Q_EMIT issued(caseId, number);
            }
            reload();
            Q_EMIT workflowChanged();
        });
}

void IssuanceView::exportPdf(bool label)
{
    const IssuancePreview &p = m_preview;
    if (!p.issued || m_busy)
        return;
    const QString html = label ? p.labelHtml : p.certificateHtml;
    // File names carry the certificate number only, never personal data.
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath((label ? QStringLiteral("label-%1.pdf") : QStringLiteral("certificate-%1.pdf"))
                          .arg(p.certificateNumber));
    const QString path = FileDialog::saveFileName(
        this, label ? tr("Save the mailing label") : tr("Save the certificate"), suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!m_renderer) {
        m_renderer = PdfRenderer::create(this);
        connect(m_renderer, &PdfRenderer::finished, this, [this](const QString &written) {
            report(tr("Saved: %1").arg(QDir::toNativeSeparators(written)));
            updateButtons();
            Q_EMIT exported(written);
        });
        connect(m_renderer, &PdfRenderer::failed, this, [this](const Error &error) {
            const QString message = ErrorTexts::failure(tr("The PDF could not be saved"), error);
            report(message, ErrorTexts::details(error));
            updateButtons();
            Q_EMIT exportFailed(message);
        });
    }
    if (!m_renderer->render(html, path, label ? PdfRenderer::label() : PdfRenderer::a4())) {
        report(tr("A PDF is being saved; try again in a moment."));
        return;
    }
    report(tr("Saving the PDF…"));
    updateButtons();
}

void IssuanceView::notifyAgain()
{
    const IssuancePreview &p = m_preview;
    if (m_busy || !p.issued || !m_client)
        return;
    m_busy = true;
    updateButtons();
    report(tr("Notifying the receiver…"));
    CaseStore *store = &m_store;
    const qint64 userId = m_userId;
    const qint64 caseId = p.caseId;
    std::shared_ptr<const ReceiverClient> client = m_client;
    runInBackground(
        this,
        [store, userId, caseId, client] { return IssuanceService(*store, client.get()).postIssued(caseId, userId); },
        [this](const Status &status) {
            m_busy = false;
            updateButtons();
            if (status)
                report(tr("The receiver was notified; the applicant gets a LINE message."));
            else
                report(ErrorTexts::failure(tr("The receiver could not be notified; the notice will be sent again "
                                              "automatically"),
                                           status.error()),
                       ErrorTexts::details(status.error()));
            reload();
            Q_EMIT workflowChanged();
        });
}

void IssuanceView::report(const QString &message, const QString &details)
{
    m_messageLabel->setText(message);
    m_messageLabel->setToolTip(details);
}

void IssuanceView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    ensurePreviews();
    reload();
}

void IssuanceView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        showEntries(m_entries);
        showPreview();
    }
    QWidget::changeEvent(event);
}

void IssuanceView::retranslate()
{
    m_listTitle->setText(tr("Cases to issue, held cases and today's issuances"));
    const QStringList headers{tr("Reference"), tr("Procedure"), tr("State"), tr("Certificate No."), tr("Notice")};
    m_table->setColumnCount(static_cast<int>(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    if (m_certificateView) {
        m_previewTabs->setTabText(m_previewTabs->indexOf(m_certificateView), tr("Certificate"));
        m_previewTabs->setTabText(m_previewTabs->indexOf(m_labelView), tr("Mailing label"));
    }
    m_issueButton->setText(tr("Issue…"));
    m_exportButton->setText(tr("Export PDF…"));
    m_labelButton->setText(tr("Mailing label PDF…"));
    m_notifyButton->setText(tr("Notify again"));
}

} // namespace mado
