#pragma once

#include "core/domain/Result.h"
#include "core/security/SecurityOptions.h"
#include "core/security/Session.h"
#include "core/workflow/WorkflowOptions.h"

#include <QMainWindow>
#include <QRect>
#include <QSize>

#include <memory>

class QAction;
class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;

namespace mado {

class AuditView;
class BackgroundStatus;
class CaseView;
class BatchView;
class CaseStore;
class IdleWatcher;
class IssuanceView;
class LockScreen;
class QueueView;
class SettingsView;
class UserDirectory;
class UsersView;
class WorkstationSettings;

// The workstation's main window. Before a session it shows a welcome page and the state of the
// face models; startSession() shows the pages of the user's role (clerk: queue and issuance;
// supervisor: also batches and audit; admin: also users and settings, no issuance) and arms the idle
// lock, which replaces every page by a password prompt. Background work reports into
// backgroundStatus(). GUI thread only; the store and settings passed to startSession() must outlive
// the window.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    struct SessionSetup {
        SecurityOptions security;
        WorkflowOptions workflow;
        WorkstationSettings *settings = nullptr; // the admin's settings page; none without
        QString receiverUrl;                     // for issuance notices; empty: none configured
        QByteArray receiverToken;
        QString receiverCaFile; // PEM of the CA certificates to trust; empty: the system's
    };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The size the window opens at on a screen with `available` room (QScreen::availableGeometry):
    // 1280×800 where that fits with the window frame, else the room left by the frame (1366×768
    // with a 40 px taskbar: 1280×680).
    static QSize initialSize(const QRect &available);
    // Resizes to initialSize() and centres the window in `available` (the constructor does this
    // for the screen the window is on).
    void fitToScreen(const QRect &available);

    // Checks the face models off the GUI thread; modelsChecked() reports the outcome.
    void checkModels(const QString &modelsDirectory);
    void startSession(CaseStore &store, const Session &session, const SessionSetup &setup);

    BackgroundStatus *backgroundStatus() const { return m_backgroundStatus; }
    // New cases arrived or changed in the background: reload the queue.
    void refreshQueue();
    IdleWatcher *idleWatcher() const { return m_idleWatcher; }
    bool isLocked() const;
    // Locks now (the File menu's Lock, or the idle watcher).
    void lock();

Q_SIGNALS:
    void modelsChecked(bool ok);
    // A case was opened from the queue (the case view will show it).
    void caseActivated(qint64 caseId);
    void locked();
    void unlocked();
    // Outcome notices were queued (a batch was approved): BackgroundWork delivers them now.
    void outcomesQueued();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showAbout();
    void showModelStatus(const Status &status, const QString &directory);
    void showCase(qint64 caseId);
    void unlock();
    void retranslate();

    std::unique_ptr<UserDirectory> m_directory;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_lockAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_welcomePage = nullptr;
    QLabel *m_welcomeLabel = nullptr;
    QTabWidget *m_tabs = nullptr;
    QueueView *m_queueView = nullptr;
    QWidget *m_casePage = nullptr;
    QLabel *m_caseLabel = nullptr;
    CaseView *m_caseView = nullptr;
    BatchView *m_batchView = nullptr;
    AuditView *m_auditView = nullptr;
    UsersView *m_usersView = nullptr;
    SettingsView *m_settingsView = nullptr;
    IssuanceView *m_issuanceView = nullptr;
    LockScreen *m_lockScreen = nullptr;
    IdleWatcher *m_idleWatcher = nullptr;
    QLabel *m_modelStatusLabel = nullptr;
    QLabel *m_userLabel = nullptr;
    BackgroundStatus *m_backgroundStatus = nullptr;
    Session m_session;
    qint64 m_caseId = 0;
    Status m_modelStatus;
    QString m_modelDirectory;
    bool m_modelsChecked = false;
};

} // namespace mado
