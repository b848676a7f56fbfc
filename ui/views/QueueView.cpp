#include "ui/views/QueueView.h"

#include "ui/models/QueueModel.h"
#include "ui/support/DomainTexts.h"
#include "ui/support/ErrorTexts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace mado {

namespace {

QComboBox *makeCombo(const QString &objectName, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    return combo;
}

// Fills a combo with "all" (no key) and each key shown in words, keeping the selected key across a
// retranslation.
void fill(QComboBox *combo, const QString &all, const QStringList &keys, QString (*words)(const QString &))
{
    const QString selected = combo->currentData().toString();
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(all, QString());
    for (const QString &key : keys)
        combo->addItem(words(key), key);
    combo->setCurrentIndex(qMax(0, combo->findData(selected)));
}

} // namespace

QueueView::QueueView(CaseStore &store, qint64 userId, bool showPendingApproval, QWidget *parent)
    : QWidget(parent), m_userId(userId), m_showPendingApproval(showPendingApproval)
{
    setObjectName(QStringLiteral("queueView"));
    m_model = new QueueModel(store, userId, this);
    m_model->followChanges(); // other workstations' claims and decisions show without a manual refresh
    m_stateCombo = makeCombo(QStringLiteral("stateComboBox"), this);
    m_bandCombo = makeCombo(QStringLiteral("bandComboBox"), this);
    m_procedureCombo = makeCombo(QStringLiteral("procedureComboBox"), this);
    m_mineCheck = new QCheckBox(this);
    m_mineCheck->setObjectName(QStringLiteral("mineCheckBox"));
    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("searchLineEdit"));
    m_searchEdit->setClearButtonEnabled(true);
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("queueMessageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_messageLabel->setVisible(false);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("queueTableView"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_stateCombo);
    filters->addWidget(m_bandCombo);
    filters->addWidget(m_procedureCombo);
    filters->addWidget(m_mineCheck);
    filters->addWidget(m_searchEdit, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_countsLabel);
    layout->addWidget(m_messageLabel);
    layout->addWidget(m_table, 1);
    retranslate();

    for (QComboBox *combo : {m_stateCombo, m_bandCombo, m_procedureCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, &QueueView::applyFilter);
    connect(m_mineCheck, &QCheckBox::toggled, this, &QueueView::applyFilter);
    // Searching waits for a pause in typing, so each key does not start a query.
    auto *searchDelay = new QTimer(this);
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(250);
    connect(m_searchEdit, &QLineEdit::textChanged, searchDelay, qOverload<>(&QTimer::start));
    connect(searchDelay, &QTimer::timeout, this, &QueueView::applyFilter);
    connect(m_searchEdit, &QLineEdit::returnPressed, this, &QueueView::applyFilter);
    connect(m_model, &QueueModel::countsChanged, this, &QueueView::updateCounts);
    connect(m_model, &QueueModel::failed, this, [this](const Error &error) {
        m_messageLabel->setText(ErrorTexts::failure(tr("The queue could not be read"), error));
        m_messageLabel->setToolTip(ErrorTexts::details(error));
        m_messageLabel->setVisible(true);
    });
    connect(m_model, &QueueModel::pageLoaded, m_messageLabel, &QLabel::hide);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const qint64 id = m_model->caseId(index.row()))
            Q_EMIT caseActivated(id);
    });
    applyFilter();
}

void QueueView::applyFilter()
{
    QueueFilter filter;
    if (const QString state = m_stateCombo->currentData().toString(); !state.isEmpty())
        filter.states = {state};
    filter.band = m_bandCombo->currentData().toString();
    filter.procedure = m_procedureCombo->currentData().toString();
    filter.assigneeId = m_mineCheck->isChecked() ? m_userId : 0;
    filter.reference = m_searchEdit->text().trimmed();
    m_model->setFilter(filter);
}

void QueueView::updateCounts()
{
    const auto &counts = m_model->countsPerState();
    const qint64 waiting = counts.value(QStringLiteral("verified")) + counts.value(QStringLiteral("held")) +
                           counts.value(QStringLiteral("returned"));
    // Held cases (the procedure does not accept the identity method) wait too, but can only be
    // rejected: say how many of the waiting ones they are.
    const qint64 held = counts.value(QStringLiteral("held"));
    const QString waitingText = held > 0 ? tr("%1 (held: %2)").arg(waiting).arg(held) : QString::number(waiting);
    QString text = tr("Waiting: %1  ·  In review: %2  ·  Decided: %3")
                       .arg(waitingText)
                       .arg(counts.value(QStringLiteral("claimed")))
                       .arg(counts.value(QStringLiteral("decided")));
    if (m_showPendingApproval)
        text += tr("  ·  Pending approval: %1").arg(counts.value(QStringLiteral("batched")));
    m_countsLabel->setText(text);
}

void QueueView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void QueueView::retranslate()
{
    // Words for the user, the core's key in the item data (what the filter uses).
    fill(m_stateCombo, tr("All states"), DomainTexts::stateKeys(), &DomainTexts::state);
    fill(m_bandCombo, tr("All AI bands"), DomainTexts::bandKeys(), &DomainTexts::band);
    fill(m_procedureCombo, tr("All procedures"), DomainTexts::procedureKeys(), &DomainTexts::procedure);
    m_mineCheck->setText(tr("Mine"));
    m_searchEdit->setPlaceholderText(tr("Search by reference"));
    sizeColumns();
    updateCounts();
}

void QueueView::sizeColumns()
{
    // Fixed widths from the font, not from the rows (the model fetches lazily from a large store):
    // a whole reference number and a whole date in the UI language's format stay readable.
    const QFontMetrics metrics(m_table->font());
    const int padding = 3 * metrics.averageCharWidth();
    const QString longestReference = QStringLiteral("MDG-0000-00000-0");
    const QString longestDate = QLocale().toString(QDateTime(QDate(2026, 12, 31), QTime(23, 59)), QLocale::ShortFormat);
    m_table->setColumnWidth(QueueModel::Reference, metrics.horizontalAdvance(longestReference) + padding);
    m_table->setColumnWidth(QueueModel::Received, metrics.horizontalAdvance(longestDate) + padding);
    int longestState = 0;
    for (const QString &key : DomainTexts::stateKeys())
        longestState = std::max(longestState, metrics.horizontalAdvance(DomainTexts::state(key)));
    m_table->setColumnWidth(QueueModel::State, longestState + padding);
}

} // namespace mado
