// madoguchi: the clerks' workstation. Wiring only.
#include "core/domain/SystemClock.h"
#include "core/security/UserDirectory.h"
#include "core/station/ReceiverTokenFile.h"
#include "core/store/CaseStore.h"
#include "core/store/StoreLocation.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/FirstStartDialog.h"
#include "ui/dialogs/LoginDialog.h"
#include "ui/support/BackgroundWork.h"
#include "ui/support/WorkstationSettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>

#include <cstdio>

int main(int argc, char *argv[])
{
    // Qt WebEngine (certificate previews) shares OpenGL contexts with the widgets. The previews are
    // static pages: software composition is enough and works on PCs and virtual desktops without
    // OpenGL, where the OpenGL path left the whole window unpainted (seen under Xvfb).
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    if (!qEnvironmentVariableIsSet("QT_QUICK_BACKEND"))
        qputenv("QT_QUICK_BACKEND", "software");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("madoguchi"));
    QApplication::setOrganizationName(QStringLiteral("Madoguchi"));
    QApplication::setApplicationVersion(QStringLiteral(MADO_VERSION));

    // Japanese first; MADOGUCHI_LANG=en selects English (the login dialog can switch too).
    const QString language = qEnvironmentVariable("MADOGUCHI_LANG", mado::Language::defaultLanguage());
    if (!mado::Language::install(language)) {
        std::fprintf(stderr, "madoguchi: unknown language '%s', using Japanese\n", qPrintable(language));
        mado::Language::install(mado::Language::defaultLanguage());
    }

    // The store: --store FILE, else MADOGUCHI_STORE, else the one the first-start dialog chose
    // (the settings), else the one madoguchi-cli uses by default.
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("store"), QStringLiteral("The case store file."), QStringLiteral("FILE")});
    parser.process(app);

    // The receiver (pulling applications, outcome notices): MADOGUCHI_RECEIVER_URL,
    // MADOGUCHI_RECEIVER_TOKEN_FILE and MADOGUCHI_RECEIVER_CA_FILE (the demo sets the first two),
    // else the settings page's values (read after the login). The token file gets the checks of
    // madoguchi-cli import --token-file: an unusable file stops the program here, a file others
    // can read is reported.
    QString receiverUrl = qEnvironmentVariable("MADOGUCHI_RECEIVER_URL");
    QByteArray token;
    QString caFile;
    if (!receiverUrl.isEmpty()) {
        auto tokenFile = mado::ReceiverTokenFile::read(qEnvironmentVariable("MADOGUCHI_RECEIVER_TOKEN_FILE"));
        if (!tokenFile) {
            std::fprintf(stderr, "madoguchi: MADOGUCHI_RECEIVER_TOKEN_FILE: %s\n",
                         qPrintable(tokenFile.error().message));
            return 2;
        }
        if (!tokenFile.value().warning.isEmpty())
            std::fprintf(stderr, "madoguchi: warning: %s\n", qPrintable(tokenFile.value().warning));
        token = tokenFile.value().value;
        caFile = qEnvironmentVariable("MADOGUCHI_RECEIVER_CA_FILE");
    }

    const mado::SystemClock clock;
    mado::WorkstationSettings settings;
    mado::MainWindow::SessionSetup setup;
    setup.settings = &settings;
    QString storeGiven = parser.value(QStringLiteral("store"));
    if (storeGiven.isEmpty() && qEnvironmentVariableIsEmpty("MADOGUCHI_STORE"))
        storeGiven = settings.value(mado::WorkstationSettings::Key::StoreLocation).toString();
    const QString storePath = mado::StoreLocation::resolve(storeGiven);
    std::unique_ptr<mado::CaseStore> store;
    if (mado::StoreLocation::requireExisting(storePath).ok()) {
        auto opened = mado::CaseStore::open(storePath, clock);
        if (!opened) {
            std::fprintf(stderr, "madoguchi: %s\n", qPrintable(opened.error().message));
            return 2;
        }
        store = std::move(opened).value();
    } else {
        // First start (no store there yet): create one, open another, or connect to a server store;
        // the models are checked and can be fetched there too. Quitting the dialog ends the program.
        mado::FirstStartDialog::Setup first;
        first.storePath = QDir::toNativeSeparators(storePath);
        first.modelsDirectory = settings.value(mado::WorkstationSettings::Key::ModelsDirectory).toString();
        first.security = setup.security;
        first.clock = &clock;
        mado::FirstStartDialog dialog(first);
        if (dialog.exec() != QDialog::Accepted)
            return 0;
        store = dialog.takeStore();
        settings.setValue(mado::WorkstationSettings::Key::StoreLocation, dialog.storeLocation());
        settings.sync();
    }

    mado::UserDirectory directory(*store, setup.security);
    mado::LoginDialog login(directory);
    if (login.exec() != QDialog::Accepted)
        return 0;

    // The CA file (PEM, a ward's own CA) replaces the system's CA certificates for the receiver,
    // like madoguchi-cli import --ca-file.
    if (receiverUrl.isEmpty()) {
        receiverUrl = settings.value(mado::WorkstationSettings::Key::ReceiverUrl).toString();
        token = settings.receiverToken().toUtf8();
        caFile = settings.value(mado::WorkstationSettings::Key::ReceiverCaFile).toString();
    }
    setup.receiverUrl = receiverUrl;
    setup.receiverToken = token;
    setup.receiverCaFile = caFile;

    mado::MainWindow window;
    window.startSession(*store, login.session(), setup);
    window.show();

    // Pull from the receiver, verify and deliver queued outcome notices in the background.
    // Verification loads the models from the settings page's directory, the one checked below.
    const QString modelsDirectory = settings.value(mado::WorkstationSettings::Key::ModelsDirectory).toString();
    mado::BackgroundWork::Options backgroundOptions;
    backgroundOptions.modelsDirectory = modelsDirectory;
    backgroundOptions.receiverCaFile = caFile;
    // Import and verification run in clerk and supervisor sessions only (admins may not verify).
    mado::BackgroundWork background(*store, login.session().userId(), login.session().role(),
                                    *window.backgroundStatus(), backgroundOptions);
    QObject::connect(&background, &mado::BackgroundWork::casesChanged, &window, &mado::MainWindow::refreshQueue);
    QObject::connect(&window, &mado::MainWindow::outcomesQueued, &background,
                     &mado::BackgroundWork::deliverOutcomesNow);
    background.start(receiverUrl, token);
    window.checkModels(modelsDirectory);
    const int code = QApplication::exec();
    // Shutdown in order: the background workers first, then the window (its pages wait for the
    // store reads they started, BackgroundJobs), and only then the store (declared first, goes last).
    background.stop();
    window.close();
    return code;
}
