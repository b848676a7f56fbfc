#include "ui/dialogs/FirstStartDialog.h"

#include "core/security/UserDirectory.h"
#include "core/store/CaseStore.h"
#include "core/store/StoreLocation.h"
#include "ui/Language.h"
#include "ui/support/Background.h"
#include "ui/support/ErrorTexts.h"
#include "ui/support/FileDialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace mado {

namespace {

// The models the face engine needs, verified off the GUI thread (hashing takes about 0.1 s).
Status verifyFetchedModels(const QString &directory)
{
    const ModelSet models(directory);
    for (Model model : ModelFetcher::fetchedModels()) {
        auto path = models.verifiedPath(model);
        if (!path)
            return path.error();
    }
    return {};
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / 1e6, 'f', 1);
}

} // namespace

FirstStartDialog::FirstStartDialog(Setup setup, QWidget *parent) : QDialog(parent), m_setup(std::move(setup))
{
    setObjectName(QStringLiteral("firstStartDialog"));
    m_titleLabel = new QLabel(this);
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_introLabel = new QLabel(this);
    m_introLabel->setWordWrap(true);
    m_languageLabel = new QLabel(this);
    m_languageCombo = new QComboBox(this);
    m_languageCombo->setObjectName(QStringLiteral("languageComboBox"));
    // Each language names itself, untranslated.
    m_languageCombo->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    m_languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_languageCombo->setCurrentIndex(qMax(0, m_languageCombo->findData(Language::installed())));
    connect(m_languageCombo, &QComboBox::currentIndexChanged, this,
            [this] { Language::install(m_languageCombo->currentData().toString()); });

    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_startButton = new QPushButton(this);
    m_startButton->setObjectName(QStringLiteral("startButton"));
    m_startButton->setDefault(true);
    m_quitButton = new QPushButton(this);
    m_quitButton->setObjectName(QStringLiteral("quitButton"));
    connect(m_startButton, &QPushButton::clicked, this, &FirstStartDialog::start);
    connect(m_quitButton, &QPushButton::clicked, this, &FirstStartDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(m_titleLabel, 1);
    top->addWidget(m_languageLabel);
    top->addWidget(m_languageCombo);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_quitButton);
    buttons->addWidget(m_startButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_introLabel);
    layout->addWidget(buildStorePage());
    layout->addWidget(buildModelsPage());
    layout->addWidget(m_messageLabel);
    layout->addStretch(1);
    layout->addLayout(buttons);

    setChoice(Choice::Create);
    retranslate();
    checkModels();
}

FirstStartDialog::~FirstStartDialog()
{
    // A running fetch stops at its next chunk; BackgroundJobs (a child) then waits for it.
    if (m_progress)
        m_progress->cancel = true;
}

QWidget *FirstStartDialog::buildStorePage()
{
    m_storeBox = new QGroupBox(this);
    m_createRadio = new QRadioButton(m_storeBox);
    m_createRadio->setObjectName(QStringLiteral("createStoreRadio"));
    m_openRadio = new QRadioButton(m_storeBox);
    m_openRadio->setObjectName(QStringLiteral("openStoreRadio"));
    m_serverRadio = new QRadioButton(m_storeBox);
    m_serverRadio->setObjectName(QStringLiteral("serverStoreRadio"));
    m_choices = new QButtonGroup(this);
    m_choices->addButton(m_createRadio, int(Choice::Create));
    m_choices->addButton(m_openRadio, int(Choice::Open));
    m_choices->addButton(m_serverRadio, int(Choice::Server));

    auto *createPage = new QWidget(m_storeBox);
    m_createPathLabel = new QLabel(createPage);
    m_createPathEdit = new QLineEdit(m_setup.storePath, createPage);
    m_createPathEdit->setObjectName(QStringLiteral("createPathLineEdit"));
    m_adminLoginLabel = new QLabel(createPage);
    m_adminLoginEdit = new QLineEdit(QStringLiteral("admin"), createPage);
    m_adminLoginEdit->setObjectName(QStringLiteral("adminLoginLineEdit"));
    m_adminNameLabel = new QLabel(createPage);
    m_adminNameEdit = new QLineEdit(createPage);
    m_adminNameEdit->setObjectName(QStringLiteral("adminNameLineEdit"));
    m_passwordLabel = new QLabel(createPage);
    m_passwordEdit = new QLineEdit(createPage);
    m_passwordEdit->setObjectName(QStringLiteral("passwordLineEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordAgainLabel = new QLabel(createPage);
    m_passwordAgainEdit = new QLineEdit(createPage);
    m_passwordAgainEdit->setObjectName(QStringLiteral("passwordAgainLineEdit"));
    m_passwordAgainEdit->setEchoMode(QLineEdit::Password);
    auto *createForm = new QFormLayout(createPage);
    createForm->addRow(m_createPathLabel, m_createPathEdit);
    createForm->addRow(m_adminLoginLabel, m_adminLoginEdit);
    createForm->addRow(m_adminNameLabel, m_adminNameEdit);
    createForm->addRow(m_passwordLabel, m_passwordEdit);
    createForm->addRow(m_passwordAgainLabel, m_passwordAgainEdit);

    auto *openPage = new QWidget(m_storeBox);
    m_openPathLabel = new QLabel(openPage);
    m_openPathEdit = new QLineEdit(m_setup.storePath, openPage);
    m_openPathEdit->setObjectName(QStringLiteral("openPathLineEdit"));
    m_browseButton = new QPushButton(openPage);
    m_browseButton->setObjectName(QStringLiteral("browseButton"));
    connect(m_browseButton, &QPushButton::clicked, this, [this] {
        const QString chosen = FileDialog::openFileName(this, tr("Open a case store"), m_openPathEdit->text(),
                                                        tr("Case stores (*.sqlite);;All files (*)"));
        if (!chosen.isEmpty())
            m_openPathEdit->setText(QDir::toNativeSeparators(chosen));
    });
    auto *openRow = new QHBoxLayout;
    openRow->addWidget(m_openPathEdit, 1);
    openRow->addWidget(m_browseButton);
    auto *openForm = new QFormLayout(openPage);
    openForm->addRow(m_openPathLabel, openRow);

    auto *serverPage = new QWidget(m_storeBox);
    m_serverUrlLabel = new QLabel(serverPage);
    m_serverUrlEdit = new QLineEdit(serverPage);
    m_serverUrlEdit->setObjectName(QStringLiteral("serverUrlLineEdit"));
    m_serverUrlEdit->setPlaceholderText(QStringLiteral("postgresql://madoguchi@db.ward.example/madoguchi"));
    m_serverNoteLabel = new QLabel(serverPage);
    m_serverNoteLabel->setWordWrap(true);
    auto *serverForm = new QFormLayout(serverPage);
    serverForm->addRow(m_serverUrlLabel, m_serverUrlEdit);
    serverForm->addRow(m_serverNoteLabel);

    m_storeStack = new QStackedWidget(m_storeBox);
    m_storeStack->addWidget(createPage);
    m_storeStack->addWidget(openPage);
    m_storeStack->addWidget(serverPage);
    connect(m_choices, &QButtonGroup::idClicked, this, [this](int id) { setChoice(Choice(id)); });

    auto *radios = new QHBoxLayout;
    radios->addWidget(m_createRadio);
    radios->addWidget(m_openRadio);
    radios->addWidget(m_serverRadio);
    radios->addStretch(1);
    auto *box = new QVBoxLayout(m_storeBox);
    box->addLayout(radios);
    box->addWidget(m_storeStack);
    return m_storeBox;
}

QWidget *FirstStartDialog::buildModelsPage()
{
    m_modelsBox = new QGroupBox(this);
    m_modelsDirectoryLabel = new QLabel(m_modelsBox);
    m_modelsDirectoryLabel->setObjectName(QStringLiteral("modelsDirectoryLabel"));
    m_modelsDirectoryLabel->setWordWrap(true);
    m_modelsDirectoryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_modelsStatusLabel = new QLabel(m_modelsBox);
    m_modelsStatusLabel->setObjectName(QStringLiteral("modelsStatusLabel"));
    m_modelsStatusLabel->setWordWrap(true);
    // Room for the longest status (missing models: three lines at the dialog's width), so that the
    // top-level layout, which does not grow for wrapped text, never squeezes it.
    m_modelsStatusLabel->setMinimumHeight(m_modelsStatusLabel->fontMetrics().lineSpacing() * 3);
    m_modelsStatusLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_fetchProgress = new QProgressBar(m_modelsBox);
    m_fetchProgress->setObjectName(QStringLiteral("fetchProgressBar"));
    m_fetchProgress->setRange(0, 1000);
    m_fetchProgress->setVisible(false);
    m_fetchButton = new QPushButton(m_modelsBox);
    m_fetchButton->setObjectName(QStringLiteral("fetchModelsButton"));
    m_cancelFetchButton = new QPushButton(m_modelsBox);
    m_cancelFetchButton->setObjectName(QStringLiteral("cancelFetchButton"));
    m_cancelFetchButton->setVisible(false);
    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, &FirstStartDialog::showProgress);
    connect(m_fetchButton, &QPushButton::clicked, this, &FirstStartDialog::fetchModels);
    connect(m_cancelFetchButton, &QPushButton::clicked, this, [this] {
        if (m_progress)
            m_progress->cancel = true;
    });
    auto *row = new QHBoxLayout;
    row->addWidget(m_fetchProgress, 1);
    row->addWidget(m_cancelFetchButton);
    row->addWidget(m_fetchButton);
    auto *box = new QVBoxLayout(m_modelsBox);
    box->addWidget(m_modelsDirectoryLabel);
    box->addWidget(m_modelsStatusLabel);
    box->addLayout(row);
    return m_modelsBox;
}

void FirstStartDialog::setChoice(Choice choice)
{
    m_choices->button(int(choice))->setChecked(true);
    m_storeStack->setCurrentIndex(int(choice));
    m_message = nullptr;
    retranslate();
}

std::unique_ptr<CaseStore> FirstStartDialog::takeStore()
{
    return std::move(m_store);
}

QString FirstStartDialog::message() const
{
    return m_messageLabel->text();
}

void FirstStartDialog::showMessage(std::function<QString()> text, const QString &details, bool error)
{
    m_message = std::move(text);
    m_messageLabel->setToolTip(details);
    m_messageLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    retranslate();
}

void FirstStartDialog::fail(std::function<QString()> what, const Error &error)
{
    showMessage([what = std::move(what), error] { return ErrorTexts::failure(what(), error); },
                ErrorTexts::details(error));
    Q_EMIT storeFailed();
}

void FirstStartDialog::start()
{
    if (m_busy)
        return;
    switch (Choice(m_choices->checkedId())) {
    case Choice::Create:
        createStore();
        break;
    case Choice::Open:
        openStore(QDir::fromNativeSeparators(m_openPathEdit->text().trimmed()), false);
        break;
    case Choice::Server:
        openStore(m_serverUrlEdit->text().trimmed(), true);
        break;
    }
}

void FirstStartDialog::createStore()
{
    const QString path = QDir::fromNativeSeparators(m_createPathEdit->text().trimmed());
    const QString login = m_adminLoginEdit->text().trimmed();
    const QString name = m_adminNameEdit->text().trimmed().isEmpty() ? login : m_adminNameEdit->text().trimmed();
    const QString password = m_passwordEdit->text();
    if (path.isEmpty() || login.isEmpty())
        return fail([] { return tr("Enter the store file and the admin's login"); },
                    Error{ErrorCode::InvalidArgument, QStringLiteral("store file or login empty")});
    if (password != m_passwordAgainEdit->text())
        return fail([] { return tr("The two passwords differ"); },
                    Error{ErrorCode::InvalidArgument, QStringLiteral("password confirmation differs")});
    if (QFileInfo::exists(path))
        return fail([] { return tr("There is a file at this place already; choose “Open an existing store”"); },
                    Error{ErrorCode::AlreadyExists, QStringLiteral("%1 exists").arg(path)});
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail([] { return tr("The store's folder could not be created"); },
                    Error{ErrorCode::Io, QStringLiteral("cannot create %1").arg(QFileInfo(path).absolutePath())});
    auto opened = CaseStore::open(path, *m_setup.clock);
    if (!opened)
        return fail([] { return tr("The case store could not be created"); }, opened.error());
    m_store = std::move(opened).value();
    // The password hash is slow by design: off the GUI thread, buttons off meanwhile.
    m_busy = true;
    m_startButton->setEnabled(false);
    showMessage([] { return tr("Creating the store and the admin account…"); }, QString(), false);
    CaseStore *store = m_store.get();
    const SecurityOptions security = m_setup.security;
    runInBackground(
        this,
        [store, security, login, name, password] {
            return UserDirectory(*store, security).bootstrapAdmin(login, name, password);
        },
        [this, path](const Result<qint64> &admin) {
            m_busy = false;
            m_startButton->setEnabled(true);
            if (!admin) {
                // No store without its admin: the file just made is removed, so the next try starts afresh.
                m_store.reset();
                for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                    QFile::remove(path + suffix);
                return fail([] { return tr("The admin account could not be created"); }, admin.error());
            }
            m_storeLocation = path;
            accept();
        });
}

void FirstStartDialog::openStore(const QString &location, bool server)
{
    if (server) {
        const QUrl url(location, QUrl::StrictMode);
        if (location.isEmpty() || !url.isValid() || url.scheme().isEmpty() || url.host().isEmpty())
            return fail([] { return tr("The server store's address is not a URL such as postgresql://host/database"); },
                        Error{ErrorCode::InvalidArgument, QStringLiteral("not a server URL")});
    } else if (location.isEmpty()) {
        return fail([] { return tr("Enter the store file"); },
                    Error{ErrorCode::InvalidArgument, QStringLiteral("store file empty")});
    }
    // Server URLs go the same way as files: StoreLocation and CaseStore decide what they can open.
    if (Status there = StoreLocation::requireExisting(location); !there)
        return fail([server] { return server ? tr("The server store could not be opened")
                                             : tr("There is no case store at this place"); },
                    there.error());
    auto opened = CaseStore::open(location, *m_setup.clock);
    if (!opened)
        return fail([] { return tr("The case store could not be opened"); }, opened.error());
    m_store = std::move(opened).value();
    m_storeLocation = location;
    accept();
}

void FirstStartDialog::checkModels()
{
    const QString directory = m_setup.modelsDirectory;
    runInBackground(
        this, [directory] { return verifyFetchedModels(directory); },
        [this](const Status &status) {
            if (status.ok())
                m_modelsStatus = [] { return tr("The face models are there and verified."); };
            else if (status.error().code == ErrorCode::ModelCorrupt)
                m_modelsStatus = [] { return tr("The face models are damaged: fetch them again."); };
            else
                m_modelsStatus = [] {
                    return tr("The face models are missing. Fetch them now (about 200 MB from Debian's "
                              "dlib source package), or set MADOGUCHI_MODELS_DIR to a folder that has them.");
                };
            m_modelsStatusLabel->setToolTip(status.ok() ? QString() : ErrorTexts::details(status.error()));
            retranslate();
            Q_EMIT modelsChecked(status.ok());
        });
}

void FirstStartDialog::fetchModels()
{
    if (m_progress)
        return;
    m_progress = std::make_shared<ModelFetcher::Progress>();
    m_fetchProgress->setValue(0);
    m_fetchProgress->setVisible(true);
    m_cancelFetchButton->setVisible(true);
    m_fetchButton->setEnabled(false);
    m_progressTimer->start();
    showProgress();
    const ModelFetcher::Source source = m_setup.modelSource;
    const QString directory = m_setup.modelsDirectory;
    std::shared_ptr<ModelFetcher::Progress> progress = m_progress;
    runInBackground(
        this, [source, directory, progress] { return ModelFetcher::fetch(source, directory, *progress); },
        [this](const Status &status) { fetched(status); });
}

void FirstStartDialog::showProgress()
{
    if (!m_progress)
        return;
    const int stage = m_progress->stage;
    const qint64 done = m_progress->done;
    const qint64 total = m_progress->total;
    if (total > 0)
        m_fetchProgress->setValue(int(qMin<qint64>(1000, done * 1000 / total)));
    if (stage == ModelFetcher::Progress::Unpacking)
        m_modelsStatus = [] { return tr("Unpacking and checking the models…"); };
    else if (total > 0)
        m_modelsStatus = [done, total] { return tr("Downloading the models: %1 of %2 MB").arg(megabytes(done), megabytes(total)); };
    else
        m_modelsStatus = [done] { return tr("Downloading the models: %1 MB").arg(megabytes(done)); };
    m_modelsStatusLabel->setToolTip(QString());
    retranslate();
}

void FirstStartDialog::fetched(const Status &status)
{
    const bool cancelled = m_progress && m_progress->cancel;
    m_progress.reset();
    m_progressTimer->stop();
    m_cancelFetchButton->setVisible(false);
    m_fetchButton->setEnabled(true);
    if (status.ok()) {
        m_fetchProgress->setValue(1000);
        checkModels();
    } else {
        m_fetchProgress->setVisible(false);
        const Error error = status.error();
        // The download's own words where core's codes would mislead (Network means "the receiver" elsewhere).
        m_modelsStatus = [error, cancelled] {
            if (cancelled)
                return tr("The fetch was cancelled; nothing was installed.");
            QString text;
            if (error.code == ErrorCode::Network || error.code == ErrorCode::NotFound)
                text = tr("The download server cannot be reached or has no models archive at this address.");
            else if (error.code == ErrorCode::BundleInvalid)
                text = tr("The download is not a models archive.");
            else
                text = ErrorTexts::text(error);
            return tr("The models could not be fetched: %1").arg(text);
        };
        m_modelsStatusLabel->setToolTip(ErrorTexts::details(error));
        retranslate();
    }
    Q_EMIT fetchFinished(status.ok());
}

void FirstStartDialog::reject()
{
    if (m_progress)
        m_progress->cancel = true;
    QDialog::reject();
}

void FirstStartDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void FirstStartDialog::retranslate()
{
    setWindowTitle(tr("Madoguchi — first start"));
    m_titleLabel->setText(tr("Set up this workstation"));
    m_introLabel->setText(tr("No case store was found. Create a new one on this PC with its first admin "
                             "account, open an existing store file, or connect to the ward's server store."));
    m_languageLabel->setText(tr("Language"));
    m_storeBox->setTitle(tr("Case store"));
    m_createRadio->setText(tr("Create a new store"));
    m_openRadio->setText(tr("Open an existing store"));
    m_serverRadio->setText(tr("Connect to a server store"));
    m_createPathLabel->setText(tr("Store file"));
    m_adminLoginLabel->setText(tr("Admin login"));
    m_adminNameLabel->setText(tr("Admin name"));
    m_adminNameEdit->setPlaceholderText(tr("(the login when empty)"));
    m_passwordLabel->setText(tr("Password"));
    m_passwordAgainLabel->setText(tr("Password again"));
    m_openPathLabel->setText(tr("Store file"));
    m_browseButton->setText(tr("Browse…"));
    m_serverUrlLabel->setText(tr("Server URL"));
    m_serverNoteLabel->setText(tr("The address IT gave you, for example postgresql://host/database."));
    m_modelsBox->setTitle(tr("Face models"));
    m_modelsDirectoryLabel->setText(
        qEnvironmentVariableIsEmpty("MADOGUCHI_MODELS_DIR")
            ? tr("Folder: %1").arg(QDir::toNativeSeparators(m_setup.modelsDirectory))
            : tr("Folder: %1 (from MADOGUCHI_MODELS_DIR)").arg(QDir::toNativeSeparators(m_setup.modelsDirectory)));
    m_modelsStatusLabel->setText(m_modelsStatus ? m_modelsStatus() : tr("Checking the face models…"));
    m_fetchButton->setText(tr("Fetch the models"));
    m_cancelFetchButton->setText(tr("Cancel the fetch"));
    m_messageLabel->setText(m_message ? m_message() : QString());
    m_startButton->setText(Choice(m_choices->checkedId()) == Choice::Create ? tr("Create and start")
                                                                             : tr("Open and start"));
    m_quitButton->setText(tr("Quit"));
}

} // namespace mado
