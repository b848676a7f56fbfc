#include "ui/views/CaseView.h"

#include "ui/support/DomainTexts.h"

#include "core/face/FaceThresholds.h"
#include "core/store/CaseStore.h"
#include "core/workflow/CaseWorkflow.h"
#include "ui/support/CaseLoader.h"
#include "ui/support/ErrorTexts.h"
#include "ui/support/ReasonTexts.h"
#include "ui/widgets/AiPanel.h"
#include "ui/widgets/ImageComparisonWidget.h"
#include "ui/widgets/SignaturePanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mado {

struct CaseView::Loaded {
    std::optional<CaseData> data;
    std::optional<Error> error;
    std::optional<Error> claimError; // the case was loaded but could not be claimed
};

namespace {

struct Decided {
    Status status;
    std::optional<CaseRecord> record;
};

} // namespace

CaseView::CaseView(CaseStore &store, qint64 userId, WorkflowOptions options, QWidget *parent)
    : QWidget(parent), m_store(store), m_userId(userId), m_options(options)
{
    m_caseLabel = new QLabel(this);
    m_caseLabel->setObjectName(QStringLiteral("caseLabel"));
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    m_readOnlyLabel = new QLabel(tr("Read only"), this);
    m_readOnlyLabel->setObjectName(QStringLiteral("readOnlyLabel"));
    m_readOnlyLabel->setVisible(false);
    m_holdLabel = new QLabel(this);
    m_holdLabel->setObjectName(QStringLiteral("holdLabel"));
    m_holdLabel->setWordWrap(true);
    m_holdLabel->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; padding: 4px; }"));
    m_holdLabel->setVisible(false);
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_messageLabel->setVisible(false);

    auto *header = new QHBoxLayout;
    header->addWidget(m_caseLabel, 1);
    header->addWidget(m_readOnlyLabel);
    header->addWidget(m_stateLabel);

    m_comparison = new ImageComparisonWidget(this);
    m_comparison->setObjectName(QStringLiteral("imageComparisonWidget"));
    m_aiPanel = new AiPanel(this);
    m_aiPanel->setObjectName(QStringLiteral("aiPanel"));
    if (auto thresholds = FaceThresholds::shipped())
        m_aiPanel->setThresholds(thresholds.value().match.matchMax, thresholds.value().match.reviewMax);

    m_registerStatusLabel = new QLabel(this);
    m_registerStatusLabel->setObjectName(QStringLiteral("registerStatusLabel"));
    m_registerStatusLabel->setWordWrap(true);
    m_registerTable = new QTableWidget(0, 3, this);
    m_registerTable->setObjectName(QStringLiteral("registerTableWidget"));
    m_registerTable->setHorizontalHeaderLabels({tr("Field"), tr("Application form"), tr("Resident register")});
    m_registerTable->verticalHeader()->hide();
    m_registerTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_registerTable->setFocusPolicy(Qt::NoFocus);
    m_registerTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    // The evidence's tables scroll by themselves on a short screen (1366×768); the decision below
    // them always stays in view.
    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    // The AI panel scrolls too: with it at full height the page needed 721 px, more than the
    // 680 px a 1366×768 screen leaves a window (TestMainWindowSize).
    auto *aiScroll = new QScrollArea(side);
    aiScroll->setObjectName(QStringLiteral("aiPanelScrollArea"));
    aiScroll->setWidget(m_aiPanel);
    aiScroll->setWidgetResizable(true);
    aiScroll->setFrameShape(QFrame::NoFrame);
    sideLayout->addWidget(aiScroll, 2);
    // The register and, for a signed application, the JPKI signature share one place: two tabs
    // (the signature's opens first); an unsigned case shows the register alone, without tabs.
    auto *registerPage = new QWidget(side);
    auto *registerLayout = new QVBoxLayout(registerPage);
    registerLayout->setContentsMargins(0, 0, 0, 0);
    registerLayout->addWidget(m_registerStatusLabel);
    registerLayout->addWidget(m_registerTable, 1);
    m_signaturePanel = new SignaturePanel(side);
    m_signaturePanel->setObjectName(QStringLiteral("signaturePanel"));
    auto *signatureScroll = new QScrollArea(side);
    signatureScroll->setObjectName(QStringLiteral("signatureScrollArea"));
    signatureScroll->setWidget(m_signaturePanel);
    signatureScroll->setWidgetResizable(true);
    signatureScroll->setFrameShape(QFrame::NoFrame);
    m_evidenceTabs = new QTabWidget(side);
    m_evidenceTabs->setObjectName(QStringLiteral("registerSignatureTabWidget"));
    m_evidenceTabs->setDocumentMode(true);
    m_evidenceTabs->setTabBarAutoHide(true); // one tab (unsigned): no tab bar
    m_evidenceTabs->addTab(registerPage, tr("Resident register"));
    m_signatureScroll = signatureScroll;
    m_signatureScroll->hide();
    sideLayout->addWidget(m_evidenceTabs, 1);
    m_sideLayout = sideLayout;
    m_decisionPanel = createDecisionPanel();
    sideLayout->addWidget(m_decisionPanel);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("caseSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_comparison);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({600, 400}); // images 3 : evidence 2, whatever the images' preferred sizes

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_holdLabel);
    layout->addWidget(m_messageLabel);
    layout->addWidget(splitter, 1);

    createShortcuts();
    updateActions();
}

QWidget *CaseView::createDecisionPanel()
{
    auto *panel = new QGroupBox(tr("Decision"), this);
    panel->setObjectName(QStringLiteral("decisionGroupBox"));
    m_faceCheck = new QCheckBox(tr("Face matches by eye (Alt+1)"), panel);
    m_faceCheck->setObjectName(QStringLiteral("faceMatchCheckBox"));
    m_documentCheck = new QCheckBox(tr("Document valid and unexpired (Alt+2)"), panel);
    m_documentCheck->setObjectName(QStringLiteral("documentValidCheckBox"));
    m_registerCheck = new QCheckBox(tr("Data matches the register (Alt+3)"), panel);
    m_registerCheck->setObjectName(QStringLiteral("registerMatchCheckBox"));
    m_approveButton = new QPushButton(tr("Approve (Ctrl+Enter)"), panel);
    m_approveButton->setObjectName(QStringLiteral("approveButton"));
    m_approveButton->setToolTip(tr("Enabled when every box of the checklist is ticked"));

    m_rejectReason = new QComboBox(panel);
    m_rejectReason->setObjectName(QStringLiteral("rejectReasonComboBox"));
    // Long reasons are read in the open list; the closed box does not widen the window.
    m_rejectReason->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_rejectReason->setMinimumContentsLength(12);
    m_rejectReason->addItem(tr("Choose a reason for the rejection"), QString());
    for (const QString &code : ReasonTexts::rejectionCodes())
        m_rejectReason->addItem(ReasonTexts::decisionReason(code), code);
    m_rejectComment = new QLineEdit(panel);
    m_rejectComment->setObjectName(QStringLiteral("rejectCommentEdit"));
    m_rejectComment->setPlaceholderText(tr("Comment for the supervisor (required)"));
    m_rejectButton = new QPushButton(tr("Reject (Ctrl+R)"), panel);
    m_rejectButton->setObjectName(QStringLiteral("rejectButton"));
    m_rejectButton->setToolTip(tr("Needs a reason and a comment"));
    m_rejectError = new QLabel(panel);
    m_rejectError->setObjectName(QStringLiteral("rejectErrorLabel"));
    m_rejectError->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_rejectError->setVisible(false);

    m_resubmitReason = new QComboBox(panel);
    m_resubmitReason->setObjectName(QStringLiteral("resubmitReasonComboBox"));
    m_resubmitReason->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_resubmitReason->setMinimumContentsLength(12);
    m_resubmitReason->addItem(tr("Choose what the applicant must send again"), QString());
    for (const QString &code : ReasonTexts::resubmissionCodes())
        m_resubmitReason->addItem(ReasonTexts::decisionReason(code), code);
    m_resubmitButton = new QPushButton(tr("Request resubmission (Ctrl+Shift+R)"), panel);
    m_resubmitButton->setObjectName(QStringLiteral("resubmitButton"));
    m_nextButton = new QPushButton(tr("Next case (Ctrl+N)"), panel);
    m_nextButton->setObjectName(QStringLiteral("nextButton"));

    auto *layout = new QVBoxLayout(panel);
    layout->addWidget(m_faceCheck);
    layout->addWidget(m_documentCheck);
    layout->addWidget(m_registerCheck);
    layout->addWidget(m_approveButton);
    auto *rejectRow = new QHBoxLayout;
    rejectRow->addWidget(m_rejectReason, 1);
    rejectRow->addWidget(m_rejectButton);
    layout->addLayout(rejectRow);
    layout->addWidget(m_rejectComment);
    layout->addWidget(m_rejectError);
    auto *resubmitRow = new QHBoxLayout;
    resubmitRow->addWidget(m_resubmitReason, 1);
    resubmitRow->addWidget(m_resubmitButton);
    layout->addLayout(resubmitRow);
    layout->addWidget(m_nextButton);

    for (QCheckBox *box : {m_faceCheck, m_documentCheck, m_registerCheck})
        connect(box, &QCheckBox::toggled, this, &CaseView::updateActions);
    connect(m_rejectReason, &QComboBox::currentIndexChanged, this, &CaseView::updateActions);
    connect(m_rejectComment, &QLineEdit::textChanged, this, &CaseView::updateActions);
    connect(m_resubmitReason, &QComboBox::currentIndexChanged, this, &CaseView::updateActions);
    connect(m_approveButton, &QPushButton::clicked, this, &CaseView::approve);
    connect(m_rejectButton, &QPushButton::clicked, this, &CaseView::reject);
    connect(m_resubmitButton, &QPushButton::clicked, this, &CaseView::requestResubmission);
    connect(m_nextButton, &QPushButton::clicked, this, &CaseView::nextRequested);
    return panel;
}

void CaseView::createShortcuts()
{
    auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::ALT | Qt::Key_1), [this] { m_faceCheck->toggle(); });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_2), [this] { m_documentCheck->toggle(); });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_3), [this] { m_registerCheck->toggle(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { approve(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), [this] { approve(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_R), [this] { reject(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), [this] { requestResubmission(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_N), [this] { Q_EMIT nextRequested(); });
}

void CaseView::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_readOnlyLabel->setVisible(readOnly);
    m_decisionPanel->setVisible(!readOnly);
    updateActions();
}

bool CaseView::canDecide() const
{
    return !m_readOnly && !m_loading && !m_deciding && m_claimed && m_caseId != 0 &&
           m_data.record.state == CaseState::Claimed;
}

void CaseView::openCase(qint64 caseId)
{
    m_caseId = caseId;
    m_loading = true;
    m_deciding = false; // a decision still running on the previous case is not this case's
    m_claimed = false;
    m_data = CaseData{};
    for (QCheckBox *box : {m_faceCheck, m_documentCheck, m_registerCheck})
        box->setChecked(false);
    m_rejectReason->setCurrentIndex(0);
    m_rejectComment->clear();
    m_resubmitReason->setCurrentIndex(0);
    m_rejectError->setVisible(false);
    m_messageLabel->setVisible(false);
    m_holdLabel->setVisible(false);
    m_caseLabel->setText(tr("Loading case…"));
    m_stateLabel->clear();
    updateActions();

    CaseStore *store = &m_store;
    const qint64 user = m_userId;
    const bool claim = !m_readOnly;
    const WorkflowOptions options = m_options;
    // Opening another case meanwhile supersedes this job: its result is dropped.
    m_caseJobs.startJob(
        [store, user, caseId, claim, options] {
            Loaded loaded;
            if (claim) {
                if (auto claimed = CaseWorkflow(*store, options).claim(user, caseId); !claimed)
                    loaded.claimError = claimed.error();
            }
            auto opened = CaseLoader::load(*store, user, caseId);
            if (opened)
                loaded.data = std::move(opened).value();
            else
                loaded.error = opened.error();
            return loaded;
        },
        [this](const Loaded &loaded) { showLoaded(loaded); });
}

void CaseView::showLoaded(const Loaded &loaded)
{
    m_loading = false;
    if (loaded.error) {
        m_caseLabel->setText(tr("The case could not be opened"));
        showError(*loaded.error);
        m_comparison->clear();
        m_aiPanel->setVerdict(std::nullopt);
        showSignature();
        updateActions();
        return;
    }
    m_data = *loaded.data;
    const CaseRecord &r = m_data.record;
    m_claimed = !m_readOnly && !loaded.claimError && r.state == CaseState::Claimed && r.assigneeId == m_userId;
    m_caseLabel->setText(
        tr("Case %1 · %2 · %3")
            .arg(r.reference, DomainTexts::procedure(r.procedure))
            .arg(r.resubmissionCount > 0 ? tr("resubmission %1").arg(r.resubmissionCount) : tr("first submission")));
    m_stateLabel->setText(stateText(r.state));
    QStringList notices;
    if (!r.holdReason.isEmpty())
        notices.append(tr("Held by the procedure policy, it cannot be approved: %1").arg(r.holdReason));
    if (r.retentionPurgedAt.isValid())
        notices.append(tr("The images of this closed case were deleted by retention on %1.")
                           .arg(r.retentionPurgedAt.toUTC().date().toString(Qt::ISODate)));
    if (!notices.isEmpty()) {
        m_holdLabel->setText(notices.join(QLatin1Char('\n')));
        m_holdLabel->setVisible(true);
    }
    if (loaded.claimError && !m_readOnly)
        showError(*loaded.claimError);
    else if (r.state == CaseState::Claimed && !r.returnComment.isEmpty())
        showError(tr("Returned by the supervisor: %1").arg(r.returnComment));
    m_comparison->setCase(m_data);
    m_aiPanel->setVerdict(m_data.verdict);
    showRegister();
    showSignature();
    updateActions();
    Q_EMIT caseLoaded(r.id);
}

void CaseView::showRegister()
{
    m_registerTable->setRowCount(0);
    if (!m_data.record.applicant) {
        m_registerStatusLabel->clear();
        return;
    }
    const ApplicantForm &form = *m_data.record.applicant;
    const std::size_t found = m_data.registerEntries.size();
    m_registerStatusLabel->setText(found == 0 ? tr("The applicant was not found in the resident register")
                                   : found == 1
                                       ? tr("Resident register entry %1").arg(m_data.registerEntries[0].residentCode)
                                       : tr("%1 register entries have this name and date of birth; "
                                            "the first is shown. Resolve by hand.")
                                             .arg(found));
    const RegisterEntry entry = found > 0 ? m_data.registerEntries[0] : RegisterEntry{};
    auto address = [](const PostalAddress &a) { return a.prefecture + a.city + a.line; };
    const QList<std::tuple<QString, QString, QString>> rows{
        {tr("Name"), form.name, entry.name},
        {tr("Kana"), form.kana, entry.kana},
        {tr("Date of birth"), form.dateOfBirth.toString(Qt::ISODate), entry.dateOfBirth.toString(Qt::ISODate)},
        {tr("Postal code"), form.address.postalCode, entry.address.postalCode},
        {tr("Address"), address(form.address), address(entry.address)},
    };
    for (const auto &[field, fromForm, fromRegister] : rows) {
        const int row = m_registerTable->rowCount();
        m_registerTable->insertRow(row);
        const bool differs = found == 0 || fromForm != fromRegister;
        const QString shownRegister = found == 0 ? tr("(not in the register)") : fromRegister;
        QTableWidgetItem *items[3] = {new QTableWidgetItem(field), new QTableWidgetItem(fromForm),
                                      new QTableWidgetItem(shownRegister)};
        for (int column = 0; column < 3; ++column) {
            items[column]->setData(Qt::UserRole, differs);
            if (differs) {
                items[column]->setBackground(QColor(255, 205, 210));
                QFont font = items[column]->font();
                font.setBold(true);
                items[column]->setFont(font);
                items[column]->setToolTip(tr("Differs from the register"));
            }
            m_registerTable->setItem(row, column, items[column]);
        }
    }
}

void CaseView::showSignature()
{
    const bool signedApplication = m_data.record.signature.has_value() && m_data.record.applicant.has_value();
    if (signedApplication && m_evidenceTabs->count() == 1)
        m_evidenceTabs->addTab(m_signatureScroll, tr("JPKI signature (My Number card)"));
    else if (!signedApplication && m_evidenceTabs->count() == 2)
        m_evidenceTabs->removeTab(kSignatureTab); // the scroll area stays, owned by the view
    m_evidenceTabs->setCurrentIndex(signedApplication ? kSignatureTab : 0);
    // A signed case's evidence is its signature: it gets the AI panel's share of the height.
    m_sideLayout->setStretchFactor(m_evidenceTabs, signedApplication ? 3 : 1);
    if (!signedApplication) {
        m_signaturePanel->clear();
        return;
    }
    SignaturePanel::Content content;
    if (m_data.verdict)
        content.result = m_data.verdict->jpkiSignature;
    content.facts = m_data.signerFacts;
    content.form = *m_data.record.applicant;
    content.registerEntries = m_data.registerEntries;
    content.differences = m_data.signerDifferences;
    m_signaturePanel->setContent(content);
}

void CaseView::updateActions()
{
    const bool decide = canDecide();
    const bool held = m_data.record.state == CaseState::Claimed && !m_data.record.holdReason.isEmpty();
    const bool ticked = m_faceCheck->isChecked() && m_documentCheck->isChecked() && m_registerCheck->isChecked();
    for (QWidget *w : std::initializer_list<QWidget *>{m_faceCheck, m_documentCheck, m_registerCheck, m_rejectReason,
                                                       m_rejectComment, m_resubmitReason})
        w->setEnabled(decide);
    m_approveButton->setEnabled(decide && ticked && !held);
    m_approveButton->setToolTip(held ? tr("A held case cannot be approved")
                                     : tr("Enabled when every box of the checklist is ticked"));
    m_rejectButton->setEnabled(decide && !m_rejectReason->currentData().toString().isEmpty() &&
                               !m_rejectComment->text().trimmed().isEmpty());
    m_resubmitButton->setEnabled(decide && !m_resubmitReason->currentData().toString().isEmpty());
    if (m_rejectButton->isEnabled())
        m_rejectError->setVisible(false);
}

void CaseView::approve()
{
    if (!m_approveButton->isEnabled())
        return;
    submit(DecisionOutcome::Approved, QString(), QString());
}

void CaseView::reject()
{
    if (!canDecide())
        return;
    const QString code = m_rejectReason->currentData().toString();
    const QString comment = m_rejectComment->text().trimmed();
    if (code.isEmpty() || comment.isEmpty()) {
        m_rejectError->setText(code.isEmpty() ? tr("Choose a reason for the rejection")
                                              : tr("Write a comment for the supervisor"));
        m_rejectError->setVisible(true);
        (code.isEmpty() ? static_cast<QWidget *>(m_rejectReason) : m_rejectComment)->setFocus();
        return;
    }
    submit(DecisionOutcome::Rejected, code, comment);
}

void CaseView::requestResubmission()
{
    if (!canDecide())
        return;
    const QString code = m_resubmitReason->currentData().toString();
    if (code.isEmpty()) {
        m_resubmitReason->setFocus();
        showError(tr("Choose what the applicant must send again"));
        return;
    }
    submit(DecisionOutcome::ResubmissionRequested, code, ReasonTexts::decisionReason(code));
}

void CaseView::submit(DecisionOutcome outcome, const QString &reasonCode, const QString &comment)
{
    m_deciding = true;
    updateActions();
    CaseStore *store = &m_store;
    const qint64 user = m_userId;
    const qint64 caseId = m_caseId;
    const WorkflowOptions options = m_options;
    const CaseWorkflow::Decision decision{outcome, reasonCode, comment};
    // Opening another case meanwhile supersedes this job (the decision is stored all the same).
    m_caseJobs.startJob(
        [store, user, caseId, options, decision] {
            Decided result{CaseWorkflow(*store, options).decide(user, caseId, decision), std::nullopt};
            if (auto record = store->caseStatus(caseId))
                result.record = record.value();
            return result;
        },
        [this, caseId](const Decided &result) {
            m_deciding = false;
            if (result.record) {
                m_data.record.state = result.record->state;
                m_data.record.outcome = result.record->outcome;
                m_stateLabel->setText(stateText(result.record->state));
            }
            if (!result.status.ok()) {
                showError(result.status.error());
                updateActions();
                return;
            }
            m_claimed = false;
            m_messageLabel->setVisible(false);
            updateActions();
            Q_EMIT decided(caseId);
            Q_EMIT nextRequested();
        });
}

void CaseView::showError(const QString &message, const QString &details)
{
    m_messageLabel->setText(message);
    m_messageLabel->setToolTip(details);
    m_messageLabel->setVisible(true);
    Q_EMIT failed(message);
}

void CaseView::showError(const Error &error)
{
    showError(errorText(error), ErrorTexts::details(error));
}

QString CaseView::errorText(const Error &error) const
{
    switch (error.code) {
    case ErrorCode::NotFound:
        return tr("The case does not exist");
    case ErrorCode::PermissionDenied:
        return tr("Your role may not do this");
    case ErrorCode::Conflict:
        return tr("Another clerk is working on this case, or your claim expired; it is shown read only");
    case ErrorCode::InvalidState:
        return tr("The case is not open for a decision in its state; it is shown read only");
    case ErrorCode::PolicyRefused:
        return tr("The procedure policy does not allow approving this case");
    case ErrorCode::LimitReached:
        return tr("The applicant was already asked to resubmit as often as allowed; decide the case");
    default:
        return ErrorTexts::text(error);
    }
}

QString CaseView::stateText(CaseState state)
{
    return DomainTexts::state(caseStateName(state));
}

} // namespace mado
