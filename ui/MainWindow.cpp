#include "ui/MainWindow.h"

#include "core/face/ModelSet.h"
#include "core/security/UserDirectory.h"
#include "core/store/CaseStore.h"
#include "core/station/ReceiverClient.h"
#include "core/workflow/WorkflowRules.h"
#include "ui/dialogs/AboutDialog.h"
#include "ui/models/QueueModel.h"
#include "ui/support/Background.h"
#include "ui/support/BackgroundStatus.h"
#include "ui/support/ErrorTexts.h"
#include "ui/support/IdleWatcher.h"
#include "ui/views/AuditView.h"
#include "ui/views/BatchView.h"
#include "ui/views/CaseView.h"
#include "ui/views/IssuanceView.h"
#include "ui/views/LockScreen.h"
#include "ui/views/QueueView.h"
#include "ui/views/SettingsView.h"
#include "ui/views/UsersView.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QMenuBar>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace mado {

namespace {

// Verifies the hashes of the models the face engine needs (hashing takes about 0.1 s).
Status verifyModels(const QString &directory)
{
    const ModelSet models(directory);
    for (Model model : {Model::ShapePredictor5, Model::FaceRecognitionResNet}) {
        auto path = models.verifiedPath(model);
        if (!path)
            return path.error();
    }
    return {};
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    if (QScreen *on = screen())
        fitToScreen(on->availableGeometry());
    else
        resize(initialSize(QRect(0, 0, 1280 + 16, 800 + 48)));

    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_lockAction = m_fileMenu->addAction(QString(), this, &MainWindow::lock);
    m_lockAction->setObjectName(QStringLiteral("lockAction"));
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lockAction->setEnabled(false);
    m_quitAction = m_fileMenu->addAction(QString(), qApp, &QApplication::closeAllWindows);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("pagesStackedWidget"));
    m_welcomePage = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(m_welcomePage);
    m_welcomeLabel = new QLabel(m_welcomePage);
    m_welcomeLabel->setObjectName(QStringLiteral("queueEmptyLabel"));
    QFont titleFont = m_welcomeLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    m_welcomeLabel->setFont(titleFont);
    layout->addWidget(m_welcomeLabel);
    layout->addStretch();
    m_stack->addWidget(m_welcomePage);
    setCentralWidget(m_stack);

    m_modelStatusLabel = new QLabel(this);
    m_modelStatusLabel->setObjectName(QStringLiteral("modelStatusLabel"));
    m_modelStatusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long models path or error must not widen the window past a 1366-pixel screen; the whole
    // text stays in the tooltip.
    m_modelStatusLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_userLabel = new QLabel(this);
    m_userLabel->setObjectName(QStringLiteral("userLabel"));
    m_backgroundStatus = new BackgroundStatus(this);
    statusBar()->addWidget(m_modelStatusLabel, 1);
    statusBar()->addPermanentWidget(m_backgroundStatus);
    statusBar()->addPermanentWidget(m_userLabel);
    retranslate();
}

MainWindow::~MainWindow() = default;

void MainWindow::startSession(CaseStore &store, const Session &session, const SessionSetup &setup)
{
    if (m_tabs)
        return; // one session per window: logging out closes the window
    m_session = session;
    m_directory = std::make_unique<UserDirectory>(store, setup.security);
    const Role role = session.role();
    const bool supervisor = role == Role::Supervisor || role == Role::Admin;

    m_tabs = new QTabWidget(m_stack);
    m_tabs->setObjectName(QStringLiteral("pagesTabWidget"));
    m_queueView = new QueueView(store, session.userId(), supervisor, m_tabs);
    m_tabs->addTab(m_queueView, QString());
    m_casePage = new QWidget(m_tabs);
    m_casePage->setObjectName(QStringLiteral("casePage"));
    auto *caseLayout = new QVBoxLayout(m_casePage);
    m_caseLabel = new QLabel(m_casePage);
    m_caseLabel->setObjectName(QStringLiteral("caseIdLabel"));
    caseLayout->addWidget(m_caseLabel);
    // Clerks decide; supervisors and admins open any case read-only.
    m_caseView = new CaseView(store, session.userId(), setup.workflow, m_casePage);
    m_caseView->setReadOnly(role != Role::Clerk);
    caseLayout->addWidget(m_caseView, 1);
    m_tabs->addTab(m_casePage, QString());
    connect(m_caseView, &CaseView::decided, m_queueView->model(), &QueueModel::refresh);
    connect(m_caseView, &CaseView::nextRequested, this, [this] { m_tabs->setCurrentWidget(m_queueView); });
    connect(m_caseView, &CaseView::failed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    if (supervisor) {
        m_batchView = new BatchView(store, session.userId(), setup.workflow, m_tabs);
        m_tabs->addTab(m_batchView, QString());
        connect(m_batchView, &BatchView::workflowChanged, m_queueView->model(), &QueueModel::refresh);
        connect(m_batchView, &BatchView::caseActivated, this, &MainWindow::showCase);
        connect(m_batchView, &BatchView::outcomesQueued, this, &MainWindow::outcomesQueued);
        m_auditView = new AuditView(store, m_tabs);
        m_tabs->addTab(m_auditView, QString());
    }
    if (WorkflowRules::roleMay(role, WorkflowAction::Issue)) {
        auto client = setup.receiverUrl.isEmpty() || setup.receiverToken.isEmpty()
                          ? nullptr
                          : std::make_shared<const ReceiverClient>(setup.receiverUrl, setup.receiverToken, 15000,
                                                                   setup.receiverCaFile);
        m_issuanceView = new IssuanceView(store, session.userId(), client, m_tabs);
        m_tabs->addTab(m_issuanceView, QString());
        connect(m_issuanceView, &IssuanceView::workflowChanged, m_queueView->model(), &QueueModel::refresh);
        if (m_batchView)
            connect(m_batchView, &BatchView::workflowChanged, m_issuanceView, &IssuanceView::reload);
    }
    if (role == Role::Admin) {
        m_usersView = new UsersView(store, m_tabs);
        m_tabs->addTab(m_usersView, QString());
        if (setup.settings) {
            m_settingsView = new SettingsView(*setup.settings, m_tabs);
            m_settingsView->showWardSettings(store, session.userId());
            m_tabs->addTab(m_settingsView, QString());
        }
    }
    m_stack->addWidget(m_tabs);
    m_stack->setCurrentWidget(m_tabs);
    for (int i = 0; i < m_tabs->count(); ++i) {
        QWidget *page = m_tabs->widget(i);
        QAction *action = m_viewMenu->addAction(QString(), this, [this, page] { m_tabs->setCurrentWidget(page); });
        action->setObjectName(page->objectName() + QStringLiteral("Action"));
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }
    connect(m_queueView, &QueueView::caseActivated, this, &MainWindow::showCase);

    m_lockScreen = new LockScreen(*m_directory, session.userId(), session.login(), m_stack);
    m_stack->addWidget(m_lockScreen);
    connect(m_lockScreen, &LockScreen::unlocked, this, &MainWindow::unlock);
    m_idleWatcher = new IdleWatcher(store.clock(), session, this);
    connect(m_idleWatcher, &IdleWatcher::idleLocked, this, &MainWindow::lock);
    m_lockAction->setEnabled(true);
    retranslate();
}

void MainWindow::refreshQueue()
{
    if (m_queueView)
        m_queueView->model()->refresh();
    if (m_issuanceView)
        m_issuanceView->reload();
}

void MainWindow::showCase(qint64 caseId)
{
    m_caseId = caseId;
    retranslate();
    m_tabs->setCurrentWidget(m_casePage);
    m_caseView->openCase(caseId);
    Q_EMIT caseActivated(caseId);
}

bool MainWindow::isLocked() const
{
    return m_lockScreen && m_stack->currentWidget() == m_lockScreen;
}

void MainWindow::lock()
{
    if (!m_lockScreen || isLocked())
        return;
    m_lockScreen->reset();
    m_stack->setCurrentWidget(m_lockScreen);
    // Nothing of the session stays reachable: no menu to switch pages, no page in the stack shown.
    m_viewMenu->setEnabled(false);
    m_lockAction->setEnabled(false);
    Q_EMIT locked();
}

void MainWindow::unlock()
{
    m_idleWatcher->resume();
    m_stack->setCurrentWidget(m_tabs);
    m_viewMenu->setEnabled(true);
    m_lockAction->setEnabled(true);
    Q_EMIT unlocked();
}

QSize MainWindow::initialSize(const QRect &available)
{
    // Room for the frame the window manager adds around the client area (title bar and borders).
    const QSize frame(16, 48);
    return QSize(1280, 800).boundedTo(available.size() - frame);
}

void MainWindow::fitToScreen(const QRect &available)
{
    const QSize size = initialSize(available);
    resize(size);
    move(available.center() - QPoint(size.width() / 2, size.height() / 2));
}

void MainWindow::checkModels(const QString &modelsDirectory)
{
    runInBackground(
        this, [modelsDirectory] { return verifyModels(modelsDirectory); },
        [this, modelsDirectory](const Status &status) {
            showModelStatus(status, modelsDirectory);
            Q_EMIT modelsChecked(status.ok());
        });
}

void MainWindow::showModelStatus(const Status &status, const QString &directory)
{
    m_modelStatus = status;
    m_modelDirectory = directory;
    m_modelsChecked = true;
    retranslate();
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Madoguchi — staff verification"));
    m_fileMenu->setTitle(tr("&File"));
    m_viewMenu->setTitle(tr("&View"));
    m_helpMenu->setTitle(tr("&Help"));
    m_lockAction->setText(tr("&Lock"));
    m_quitAction->setText(tr("&Quit"));
    m_aboutAction->setText(tr("&About Madoguchi"));
    m_welcomeLabel->setText(tr("No applications are waiting."));
    if (!m_modelsChecked) {
        m_modelStatusLabel->setText(tr("Checking the face models…"));
    } else if (m_modelStatus.ok()) {
        m_modelStatusLabel->setText(tr("Face models: ready (%1)").arg(m_modelDirectory));
    } else {
        m_modelStatusLabel->setText(
            tr("%1 Ask IT to run %2.").arg(ErrorTexts::text(m_modelStatus.error()), ModelSet::fetchCommand()));
    }
    // The whole text (it may be cut in the status bar) and, for IT, core's detail.
    const QString details =
        m_modelsChecked && !m_modelStatus.ok() ? ErrorTexts::details(m_modelStatus.error()) : QString();
    m_modelStatusLabel->setToolTip(details.isEmpty() ? m_modelStatusLabel->text()
                                                     : m_modelStatusLabel->text() + QLatin1Char('\n') + details);
    if (!m_tabs)
        return;
    const QString role = m_session.role() == Role::Admin        ? tr("administrator")
                         : m_session.role() == Role::Supervisor ? tr("supervisor")
                                                                : tr("clerk");
    m_userLabel->setText(tr("%1 (%2)").arg(m_session.login(), role));
    const QList<QPair<QWidget *, QString>> titles{{m_queueView, tr("Queue")},      {m_casePage, tr("Case")},
                                                  {m_batchView, tr("Batches")},    {m_auditView, tr("Audit")},
                                                  {m_usersView, tr("Users")},      {m_settingsView, tr("Settings")},
                                                  {m_issuanceView, tr("Issuance")}};
    const QList<QAction *> actions = m_viewMenu->actions();
    for (const auto &[page, title] : titles) {
        const int index = page ? m_tabs->indexOf(page) : -1;
        if (index < 0)
            continue;
        m_tabs->setTabText(index, title);
        if (index < actions.size())
            actions.at(index)->setText(title);
    }
    m_caseLabel->setText(m_caseId ? tr("Case %1").arg(m_caseId) : tr("Open a case from the queue."));
}

} // namespace mado
