#pragma once

#include "core/domain/Result.h"
#include "core/security/SecurityOptions.h"
#include "core/station/ModelFetcher.h"

#include <QDialog>

#include <functional>
#include <memory>

class QButtonGroup;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTimer;

namespace mado {

class CaseStore;
class Clock;

// What IT and a clerk see when the workstation starts without a case store: create a local store
// with its first admin account, open an existing store file, or connect to a server store (a URL
// such as postgresql://…, handed to StoreLocation and CaseStore as typed; their error is shown when
// the scheme is not supported); and where the face models are (MADOGUCHI_MODELS_DIR or the default
// place), whether they verify, with a fetch (ModelFetcher, off the GUI thread, progress shown,
// cancellable). Japanese first, English switchable here as on the login dialog. Accepted once a
// store is open: takeStore() hands it over, storeLocation() is what to remember. Every error goes
// through ErrorTexts. GUI thread only; the clock must outlive the dialog.
class FirstStartDialog : public QDialog {
    Q_OBJECT

public:
    enum class Choice { Create, Open, Server };
    struct Setup {
        QString storePath;       // suggested file for a new or existing local store
        QString modelsDirectory; // where the models are looked for and fetched into
        ModelFetcher::Source modelSource = ModelFetcher::defaultSource();
        SecurityOptions security; // as the workstation's UserDirectory (the first admin's password)
        const Clock *clock = nullptr;
    };

    explicit FirstStartDialog(Setup setup, QWidget *parent = nullptr);
    ~FirstStartDialog() override;

    void setChoice(Choice choice);
    std::unique_ptr<CaseStore> takeStore();
    // The file or URL of the store that was opened.
    const QString &storeLocation() const { return m_storeLocation; }
    bool isFetching() const { return m_progress != nullptr; }
    // The message shown last (errors among them), for tests.
    QString message() const;

Q_SIGNALS:
    void modelsChecked(bool ok);
    void fetchFinished(bool ok);
    // A store could not be created or opened (the message is shown in the dialog).
    void storeFailed();

protected:
    void changeEvent(QEvent *event) override;
    void reject() override;

private:
    QWidget *buildStorePage();
    QWidget *buildModelsPage();
    void start();
    void createStore();
    void openStore(const QString &location, bool server);
    void checkModels();
    void fetchModels();
    void showProgress();
    void fetched(const Status &status);
    void showMessage(std::function<QString()> text, const QString &details = QString(), bool error = true);
    void fail(std::function<QString()> what, const Error &error);
    void retranslate();

    Setup m_setup;
    std::unique_ptr<CaseStore> m_store;
    QString m_storeLocation;
    std::shared_ptr<ModelFetcher::Progress> m_progress;
    std::function<QString()> m_message;
    std::function<QString()> m_modelsStatus;
    bool m_busy = false;

    QLabel *m_titleLabel = nullptr;
    QLabel *m_introLabel = nullptr;
    QLabel *m_languageLabel = nullptr;
    QComboBox *m_languageCombo = nullptr;
    QGroupBox *m_storeBox = nullptr;
    QRadioButton *m_createRadio = nullptr;
    QRadioButton *m_openRadio = nullptr;
    QRadioButton *m_serverRadio = nullptr;
    QButtonGroup *m_choices = nullptr;
    QStackedWidget *m_storeStack = nullptr;
    QLabel *m_createPathLabel = nullptr;
    QLineEdit *m_createPathEdit = nullptr;
    QLabel *m_adminLoginLabel = nullptr;
    QLineEdit *m_adminLoginEdit = nullptr;
    QLabel *m_adminNameLabel = nullptr;
    QLineEdit *m_adminNameEdit = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QLabel *m_passwordAgainLabel = nullptr;
    QLineEdit *m_passwordAgainEdit = nullptr;
    QLabel *m_openPathLabel = nullptr;
    QLineEdit *m_openPathEdit = nullptr;
    QPushButton *m_browseButton = nullptr;
    QLabel *m_serverUrlLabel = nullptr;
    QLineEdit *m_serverUrlEdit = nullptr;
    QLabel *m_serverNoteLabel = nullptr;
    QGroupBox *m_modelsBox = nullptr;
    QLabel *m_modelsDirectoryLabel = nullptr;
    QLabel *m_modelsStatusLabel = nullptr;
    QProgressBar *m_fetchProgress = nullptr;
    QPushButton *m_fetchButton = nullptr;
    QPushButton *m_cancelFetchButton = nullptr;
    QTimer *m_progressTimer = nullptr;
    QLabel *m_messageLabel = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_quitButton = nullptr;
};

} // namespace mado
