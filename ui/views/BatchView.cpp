#include "ui/views/BatchView.h"

#include "core/workflow/BatchWorkflow.h"
#include "ui/support/Background.h"
#include "ui/support/DomainTexts.h"
#include "ui/support/ErrorTexts.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mado {

namespace {

QTableWidget *makeTable(const QString &objectName, QAbstractItemView::SelectionMode mode, QWidget *parent)
{
    auto *table = new QTableWidget(parent);
    table->setObjectName(objectName);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(mode);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QTableWidgetItem *item(const QString &text, qint64 id = 0)
{
    auto *cell = new QTableWidgetItem(text);
    if (id)
        cell->setData(Qt::UserRole, id);
    return cell;
}

// Ids of the selected rows (the id sits in column 0's UserRole).
QList<qint64> selectedIds(const QTableWidget *table)
{
    QList<qint64> ids;
    for (const QModelIndex &index : table->selectionModel()->selectedRows())
        ids.append(table->item(index.row(), 0)->data(Qt::UserRole).toLongLong());
    return ids;
}

// Fills a case list; the selection stays on the same cases (by id), not on the same row numbers,
// so that cases just batched or returned do not leave their rows' successors selected.
void fillCases(QTableWidget *table, const std::vector<BatchCaseLine> &cases)
{
    const QList<qint64> selected = selectedIds(table);
    const QSignalBlocker blocker(table); // the callers update the buttons afterwards
    table->selectionModel()->clear();    // the current row too, or removing it selects its neighbour
    table->setRowCount(static_cast<int>(cases.size()));
    for (int row = 0; row < table->rowCount(); ++row) {
        const BatchCaseLine &line = cases[static_cast<size_t>(row)];
        table->setItem(row, 0, item(line.reference, line.caseId));
        table->setItem(row, 1, item(DomainTexts::procedure(line.procedure)));
        table->setItem(row, 2, item(DomainTexts::outcome(line.outcome)));
        table->setItem(row, 3, item(line.decidedBy));
        table->setItem(row, 4, item(DomainTexts::state(line.state)));
        if (selected.contains(line.caseId))
            table->selectionModel()->select(table->model()->index(row, 0),
                                            QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    table->resizeColumnToContents(0); // the whole reference number
}

} // namespace

BatchView::BatchView(CaseStore &store, qint64 userId, WorkflowOptions options, QWidget *parent)
    : QWidget(parent), m_store(store), m_userId(userId), m_options(options)
{
    setObjectName(QStringLiteral("batchView"));
    m_unbatchedTitle = new QLabel(this);
    m_batchesTitle = new QLabel(this);
    m_batchCasesTitle = new QLabel(this);
    m_unbatchedTable = makeTable(QStringLiteral("unbatchedTableWidget"), QAbstractItemView::MultiSelection, this);
    m_createButton = new QPushButton(this);
    m_createButton->setObjectName(QStringLiteral("createBatchButton"));
    m_batchesTable = makeTable(QStringLiteral("batchesTableWidget"), QAbstractItemView::SingleSelection, this);
    m_batchCasesTable = makeTable(QStringLiteral("batchCasesTableWidget"), QAbstractItemView::SingleSelection, this);
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("approvePasswordLineEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_approveButton = new QPushButton(this);
    m_approveButton->setObjectName(QStringLiteral("approveBatchButton"));
    m_approveReasonLabel = new QLabel(this);
    m_approveReasonLabel->setObjectName(QStringLiteral("approveReasonLabel"));
    m_approveReasonLabel->setWordWrap(true);
    m_commentEdit = new QLineEdit(this);
    m_commentEdit->setObjectName(QStringLiteral("returnCommentLineEdit"));
    m_returnButton = new QPushButton(this);
    m_returnButton->setObjectName(QStringLiteral("returnButton"));
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("batchMessageLabel"));
    m_messageLabel->setWordWrap(true);

    auto *left = new QVBoxLayout;
    left->addWidget(m_unbatchedTitle);
    left->addWidget(m_unbatchedTable, 1);
    left->addWidget(m_createButton);
    left->addWidget(m_batchesTitle);
    left->addWidget(m_batchesTable, 1);
    auto *approveRow = new QHBoxLayout;
    approveRow->addWidget(m_passwordEdit, 1);
    approveRow->addWidget(m_approveButton);
    auto *returnRow = new QHBoxLayout;
    returnRow->addWidget(m_commentEdit, 1);
    returnRow->addWidget(m_returnButton);
    auto *right = new QVBoxLayout;
    right->addWidget(m_batchCasesTitle);
    right->addWidget(m_batchCasesTable, 1);
    right->addLayout(approveRow);
    right->addWidget(m_approveReasonLabel);
    right->addLayout(returnRow);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_messageLabel);

    connect(m_unbatchedTable, &QTableWidget::itemSelectionChanged, this, &BatchView::updateButtons);
    connect(m_batchesTable, &QTableWidget::itemSelectionChanged, this, &BatchView::showBatchCases);
    connect(m_batchCasesTable, &QTableWidget::itemSelectionChanged, this, &BatchView::updateButtons);
    connect(m_commentEdit, &QLineEdit::textChanged, this, &BatchView::updateButtons);
    connect(m_passwordEdit, &QLineEdit::textChanged, this, &BatchView::updateButtons);
    connect(m_createButton, &QPushButton::clicked, this, &BatchView::createBatch);
    connect(m_approveButton, &QPushButton::clicked, this, &BatchView::approveBatch);
    connect(m_returnButton, &QPushButton::clicked, this, &BatchView::returnCase);
    // A double click (or Enter) opens the case, read-only for a supervisor.
    for (QTableWidget *table : {m_unbatchedTable, m_batchCasesTable}) {
        connect(table, &QTableWidget::activated, this, [this, table](const QModelIndex &index) {
            if (const QTableWidgetItem *cell = table->item(index.row(), 0))
                Q_EMIT caseActivated(cell->data(Qt::UserRole).toLongLong());
        });
    }
    retranslate();
    reload();
}

void BatchView::reload()
{
    CaseStore *store = &m_store;
    const qint64 userId = m_userId;
    // A newer reload supersedes this one.
    m_reloads.startJob([store, userId] { return BatchOverviewQuery(*store).load(userId); },
                       [this](const Result<BatchOverview> &overview) {
                           if (!overview) {
                               report(ErrorTexts::failure(tr("The batches could not be read"), overview.error()),
                                      ErrorTexts::details(overview.error()));
                               return;
                           }
                           showOverview(overview.value());
                       });
}

void BatchView::showOverview(const BatchOverview &overview)
{
    const qint64 selected = selectedBatch() ? selectedBatch()->id : 0;
    m_overview = overview;
    fillCases(m_unbatchedTable, m_overview.unbatched);
    {
        const QSignalBlocker blocker(m_batchesTable);
        m_batchesTable->clearSelection();
        m_batchesTable->setRowCount(static_cast<int>(m_overview.batches.size()));
        for (int row = 0; row < m_batchesTable->rowCount(); ++row) {
            const BatchLine &line = m_overview.batches[static_cast<size_t>(row)];
            m_batchesTable->setItem(row, 0, item(QString::number(line.id), line.id));
            m_batchesTable->setItem(row, 1,
                                    item(line.state == QLatin1String("approved") ? tr("Approved") : tr("Submitted")));
            m_batchesTable->setItem(row, 2, item(line.submittedBy));
            m_batchesTable->setItem(row, 3,
                                    item(QLocale().toString(line.submittedAt.toLocalTime(), QLocale::ShortFormat)));
            m_batchesTable->setItem(row, 4, item(QString::number(line.cases.size())));
            if (line.id == selected)
                m_batchesTable->selectRow(row);
        }
    }
    showBatchCases();
    Q_EMIT loaded();
}

const BatchLine *BatchView::selectedBatch() const
{
    const QList<qint64> ids = selectedIds(m_batchesTable);
    if (ids.isEmpty())
        return nullptr;
    for (const BatchLine &line : m_overview.batches) {
        if (line.id == ids.first())
            return &line;
    }
    return nullptr;
}

void BatchView::showBatchCases()
{
    const BatchLine *batch = selectedBatch();
    fillCases(m_batchCasesTable, batch ? batch->cases : std::vector<BatchCaseLine>{});
    updateButtons();
}

void BatchView::updateButtons()
{
    const BatchLine *batch = selectedBatch();
    m_createButton->setEnabled(!m_busy && !selectedIds(m_unbatchedTable).isEmpty());
    QString reason;
    if (!batch)
        reason = tr("Select a batch.");
    else if (batch->state != QLatin1String("submitted"))
        reason = tr("This batch is already approved.");
    else if (batch->containsOwnDecision)
        reason = tr("You decided a case in this batch. Another supervisor must approve it (four-eyes rule).");
    else if (batch->cases.empty())
        reason = tr("This batch has no cases left.");
    else if (m_passwordEdit->text().isEmpty())
        reason = tr("Enter your password again to approve.");
    m_approveButton->setEnabled(!m_busy && reason.isEmpty());
    m_approveReasonLabel->setText(reason);
    const bool canReturn = batch && batch->state == QLatin1String("submitted") &&
                           !selectedIds(m_batchCasesTable).isEmpty() && !m_commentEdit->text().trimmed().isEmpty();
    m_returnButton->setEnabled(!m_busy && canReturn);
}

void BatchView::createBatch()
{
    const QList<qint64> ids = selectedIds(m_unbatchedTable);
    if (ids.isEmpty())
        return;
    m_busy = true;
    updateButtons();
    CaseStore *store = &m_store;
    const qint64 userId = m_userId;
    const WorkflowOptions options = m_options;
    runInBackground(
        this, [store, userId, options, ids] { return BatchWorkflow(*store, options).submit(userId, ids); },
        [this](const Result<qint64> &batch) {
            m_busy = false;
            if (batch)
                report(tr("Batch %1 created.").arg(batch.value()));
            else
                report(ErrorTexts::failure(tr("The batch could not be created"), batch.error()),
                       ErrorTexts::details(batch.error()));
            reload();
            Q_EMIT workflowChanged();
        });
}

void BatchView::approveBatch()
{
    const BatchLine *batch = selectedBatch();
    if (!batch)
        return;
    m_busy = true;
    updateButtons();
    CaseStore *store = &m_store;
    const qint64 userId = m_userId;
    const qint64 batchId = batch->id;
    const WorkflowOptions options = m_options;
    const QString password = m_passwordEdit->text();
    m_passwordEdit->clear();
    runInBackground(
        this,
        [store, userId, options, batchId, password] {
            return BatchWorkflow(*store, options).approve(userId, batchId, password);
        },
        [this, batchId](const Status &status) {
            m_busy = false;
            if (status) {
                report(tr("Batch %1 approved.").arg(batchId));
                Q_EMIT outcomesQueued();
            } else {
                switch (status.error().code) {
                case ErrorCode::AuthenticationFailed:
                    report(tr("Wrong password: batch %1 was not approved.").arg(batchId));
                    break;
                case ErrorCode::FourEyesViolation:
                    report(tr("Batch %1 holds your own decision: another supervisor must approve it.").arg(batchId));
                    break;
                default:
                    report(ErrorTexts::failure(tr("Batch %1 was not approved").arg(batchId), status.error()),
                           ErrorTexts::details(status.error()));
                    break;
                }
            }
            reload();
            Q_EMIT workflowChanged();
        });
}

void BatchView::returnCase()
{
    const BatchLine *batch = selectedBatch();
    const QList<qint64> cases = selectedIds(m_batchCasesTable);
    if (!batch || cases.isEmpty())
        return;
    m_busy = true;
    updateButtons();
    CaseStore *store = &m_store;
    const qint64 userId = m_userId;
    const qint64 batchId = batch->id;
    const qint64 caseId = cases.first();
    const WorkflowOptions options = m_options;
    const QString comment = m_commentEdit->text().trimmed();
    runInBackground(
        this,
        [store, userId, options, batchId, caseId, comment] {
            return BatchWorkflow(*store, options).returnCase(userId, batchId, caseId, comment);
        },
        [this](const Status &status) {
            m_busy = false;
            if (status) {
                m_commentEdit->clear();
                report(tr("The case was returned to its clerk."));
            } else {
                report(ErrorTexts::failure(tr("The case could not be returned"), status.error()),
                       ErrorTexts::details(status.error()));
            }
            reload();
            Q_EMIT workflowChanged();
        });
}

void BatchView::report(const QString &message, const QString &details)
{
    m_messageLabel->setText(message);
    m_messageLabel->setToolTip(details);
}

void BatchView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void BatchView::retranslate()
{
    m_unbatchedTitle->setText(tr("Decided cases not yet in a batch"));
    m_batchesTitle->setText(tr("Batches"));
    m_batchCasesTitle->setText(tr("Cases of the selected batch"));
    const QStringList caseHeaders{tr("Reference"), tr("Procedure"), tr("Decision"), tr("Decided by"), tr("State")};
    m_unbatchedTable->setColumnCount(static_cast<int>(caseHeaders.size()));
    m_unbatchedTable->setHorizontalHeaderLabels(caseHeaders);
    m_batchCasesTable->setColumnCount(static_cast<int>(caseHeaders.size()));
    m_batchCasesTable->setHorizontalHeaderLabels(caseHeaders);
    const QStringList batchHeaders{tr("Batch"), tr("State"), tr("Submitted by"), tr("Submitted at"), tr("Cases")};
    m_batchesTable->setColumnCount(static_cast<int>(batchHeaders.size()));
    m_batchesTable->setHorizontalHeaderLabels(batchHeaders);
    m_createButton->setText(tr("Create a batch from the selected cases"));
    m_passwordEdit->setPlaceholderText(tr("Your password"));
    m_approveButton->setText(tr("Approve batch"));
    m_commentEdit->setPlaceholderText(tr("Comment for the clerk"));
    m_returnButton->setText(tr("Return the selected case to its clerk"));
    for (QTableWidget *table : {m_unbatchedTable, m_batchCasesTable})
        table->setToolTip(tr("Double-click a case to open it read-only"));
    updateButtons();
}

} // namespace mado
