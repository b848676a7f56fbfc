#include "core/domain/SystemClock.h"
#include "core/face/ModelSet.h"
#include "core/security/UserDirectory.h"
#include "core/store/CaseStore.h"
#include "tests/support/FileServer.h"
#include "ui/Language.h"
#include "ui/dialogs/FirstStartDialog.h"
#include "ui/support/ErrorTexts.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;

// The first-start dialog on real stores (created, opened), a real loopback HTTP server serving a
// models archive built from the real models (fetch with progress, a changed model), a cancel and
// bad server addresses. MADO_SCREENSHOT_DIR=DIR saves the dialog's screenshots there (docs/images).
class TestFirstStartDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void createsAStoreWithItsFirstAdmin();
    void passwordsMustMatch();
    void opensAnExistingStore();
    void openingNothingExplains();
    void quitOpensNothing();
    void badServerAddresses();
    void fetchShowsProgressAndInstalls();
    void fetchRefusesAChangedModel();

private:
    FirstStartDialog::Setup setup(const QString &name) const;
    static void screenshot(QWidget &widget, const QString &name);
    static void type(QWidget &dialog, const char *name, const QString &text);
    static void click(QWidget &dialog, const char *name);

    QTemporaryDir m_dir;
    SystemClock m_clock;
    QByteArray m_archive;
    QByteArray m_corrupt;
};

constexpr int kWait = 120000;
const char *const kPassword = "Ward-office 2026 start";

void TestFirstStartDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(Language::install(QStringLiteral("ja")));
    const ModelSet real;
    m_archive = test::buildModelArchive(real.directory(), m_dir.filePath(QStringLiteral("good-archive")), false);
    QVERIFY2(!m_archive.isEmpty(), "the real models are needed (installer/dev/fetch-models.sh)");
    m_corrupt = test::buildModelArchive(real.directory(), m_dir.filePath(QStringLiteral("bad-archive")), true);
    QVERIFY(!m_corrupt.isEmpty());
}

FirstStartDialog::Setup TestFirstStartDialog::setup(const QString &name) const
{
    FirstStartDialog::Setup s;
    s.storePath = m_dir.filePath(name + QStringLiteral("/store.sqlite"));
    s.modelsDirectory = m_dir.filePath(name + QStringLiteral("/models"));
    s.modelSource = {QStringLiteral("http://127.0.0.1:9/nothing"), QString()};
    s.clock = &m_clock;
    return s;
}

void TestFirstStartDialog::screenshot(QWidget &widget, const QString &name)
{
    const QString directory = qEnvironmentVariable("MADO_SCREENSHOT_DIR");
    if (!directory.isEmpty())
        QVERIFY(widget.grab().save(QDir(directory).filePath(name)));
}

void TestFirstStartDialog::type(QWidget &dialog, const char *name, const QString &text)
{
    auto *edit = dialog.findChild<QLineEdit *>(QString::fromLatin1(name));
    QVERIFY2(edit, name);
    edit->clear();
    // QTest types ASCII only; Japanese text goes in as an input method would commit it.
    bool ascii = true;
    for (QChar c : text)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii)
        QTest::keyClicks(edit, text);
    else
        edit->insert(text);
}

void TestFirstStartDialog::click(QWidget &dialog, const char *name)
{
    auto *button = dialog.findChild<QAbstractButton *>(QString::fromLatin1(name));
    QVERIFY2(button, name);
    QTest::mouseClick(button, Qt::LeftButton);
}

void TestFirstStartDialog::createsAStoreWithItsFirstAdmin()
{
    FirstStartDialog dialog(setup(QStringLiteral("create")));
    QSignalSpy checked(&dialog, &FirstStartDialog::modelsChecked);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY_WITH_TIMEOUT(!checked.isEmpty(), kWait); // it may have come while the window was shown
    QCOMPARE(checked.at(0).at(0).toBool(), false); // an empty models folder
    // The dialog fits a 1366×768 screen with its taskbar.
    QVERIFY2(dialog.minimumSizeHint().width() <= 1366 && dialog.minimumSizeHint().height() <= 728,
             qPrintable(QStringLiteral("%1×%2").arg(dialog.minimumSizeHint().width()).arg(dialog.minimumSizeHint().height())));
    type(dialog, "adminLoginLineEdit", QStringLiteral("it-admin"));
    type(dialog, "adminNameLineEdit", QStringLiteral("情報政策課 管理者"));
    type(dialog, "passwordLineEdit", QString::fromLatin1(kPassword));
    type(dialog, "passwordAgainLineEdit", QString::fromLatin1(kPassword));
    screenshot(dialog, QStringLiteral("first-start.png"));
    click(dialog, "startButton");
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), kWait);
    QCOMPARE(dialog.storeLocation(), setup(QStringLiteral("create")).storePath);
    std::unique_ptr<CaseStore> store = dialog.takeStore();
    QVERIFY(store);
    auto session = UserDirectory(*store).login(QStringLiteral("it-admin"), QString::fromLatin1(kPassword));
    QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
    QCOMPARE(session.value().role(), Role::Admin);
}

void TestFirstStartDialog::passwordsMustMatch()
{
    const FirstStartDialog::Setup s = setup(QStringLiteral("mismatch"));
    FirstStartDialog dialog(s);
    QSignalSpy failed(&dialog, &FirstStartDialog::storeFailed);
    type(dialog, "passwordLineEdit", QString::fromLatin1(kPassword));
    type(dialog, "passwordAgainLineEdit", QStringLiteral("something else"));
    click(dialog, "startButton");
    QCOMPARE(failed.count(), 1);
    QVERIFY2(dialog.message().contains(QStringLiteral("パスワード")), qPrintable(dialog.message()));
    QVERIFY(dialog.message().contains(ErrorTexts::text(ErrorCode::InvalidArgument)));
    QVERIFY(!QFile::exists(s.storePath));
    QCOMPARE(dialog.result(), 0);
}

void TestFirstStartDialog::opensAnExistingStore()
{
    const FirstStartDialog::Setup s = setup(QStringLiteral("existing"));
    QVERIFY(QDir().mkpath(QFileInfo(s.storePath).absolutePath()));
    {
        auto made = CaseStore::open(s.storePath, m_clock);
        QVERIFY(made.ok());
    }
    FirstStartDialog dialog(setup(QStringLiteral("other")));
    dialog.setChoice(FirstStartDialog::Choice::Open);
    type(dialog, "openPathLineEdit", QDir::toNativeSeparators(s.storePath));
    click(dialog, "startButton");
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.storeLocation(), s.storePath);
    QVERIFY(dialog.takeStore());
}

void TestFirstStartDialog::openingNothingExplains()
{
    FirstStartDialog dialog(setup(QStringLiteral("nothing")));
    dialog.setChoice(FirstStartDialog::Choice::Open);
    const QString missing = m_dir.filePath(QStringLiteral("no/such/store.sqlite"));
    type(dialog, "openPathLineEdit", missing);
    click(dialog, "startButton");
    QCOMPARE(dialog.result(), 0);
    QVERIFY(!dialog.takeStore());
    QVERIFY2(dialog.message().contains(ErrorTexts::text(ErrorCode::NotFound)), qPrintable(dialog.message()));
    QVERIFY(!QFile::exists(missing)); // opening never creates
}

void TestFirstStartDialog::quitOpensNothing()
{
    const FirstStartDialog::Setup s = setup(QStringLiteral("quit"));
    FirstStartDialog dialog(s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    click(dialog, "quitButton");
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isVisible());
    QVERIFY(!dialog.takeStore());
    QVERIFY(!QFile::exists(s.storePath));
}

void TestFirstStartDialog::badServerAddresses()
{
    QVERIFY(Language::install(QStringLiteral("en")));
    FirstStartDialog dialog(setup(QStringLiteral("server")));
    dialog.setChoice(FirstStartDialog::Choice::Server);
    QSignalSpy failed(&dialog, &FirstStartDialog::storeFailed);
    // Not a URL at all.
    type(dialog, "serverUrlLineEdit", QStringLiteral("db.ward.example madoguchi"));
    click(dialog, "startButton");
    QCOMPARE(failed.count(), 1);
    QVERIFY2(dialog.message().contains(QStringLiteral("not a URL")), qPrintable(dialog.message()));
    // A URL of a scheme no store code knows: the store's own error, through ErrorTexts.
    type(dialog, "serverUrlLineEdit", QStringLiteral("mysql://db.ward.example/madoguchi"));
    click(dialog, "startButton");
    QCOMPARE(failed.count(), 2);
    QVERIFY2(dialog.message().startsWith(QStringLiteral("The server store could not be opened: ")) ||
                 dialog.message().startsWith(QStringLiteral("The case store could not be opened: ")),
             qPrintable(dialog.message()));
    QVERIFY(!dialog.message().contains(QStringLiteral("mysql"))); // core's English stays in the details
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("messageLabel"))->toolTip().isEmpty());
    QCOMPARE(dialog.result(), 0);
    QVERIFY(!dialog.takeStore());
    screenshot(dialog, QStringLiteral("first-start-server-en.png"));
    QVERIFY(Language::install(QStringLiteral("ja")));
}

void TestFirstStartDialog::fetchShowsProgressAndInstalls()
{
    test::FileServer server(256 * 1024, 25); // about 10 MB/s, so the progress can be seen
    server.serve(QStringLiteral("/debian/dlib-models.tar.bz2"), m_archive);
    FirstStartDialog::Setup s = setup(QStringLiteral("fetch"));
    s.modelSource = {server.url(QStringLiteral("/debian/dlib-models.tar.bz2")), QString()};
    FirstStartDialog dialog(s);
    QSignalSpy checked(&dialog, &FirstStartDialog::modelsChecked);
    QSignalSpy fetched(&dialog, &FirstStartDialog::fetchFinished);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY_WITH_TIMEOUT(!checked.isEmpty(), kWait); // it may have come while the window was shown
    auto *bar = dialog.findChild<QProgressBar *>(QStringLiteral("fetchProgressBar"));
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("modelsStatusLabel"));
    QVERIFY(bar && status);
    QSet<int> values;
    connect(bar, &QProgressBar::valueChanged, this, [&values](int value) { values.insert(value); });
    bool sawDownloading = false;
    bool shot = false;
    connect(bar, &QProgressBar::valueChanged, this, [&](int value) {
        sawDownloading = sawDownloading || status->text().contains(QStringLiteral("MB"));
        if (!shot && value > 300) {
            shot = true;
            screenshot(dialog, QStringLiteral("first-start-fetch.png"));
        }
    });
    click(dialog, "fetchModelsButton");
    QVERIFY(dialog.isFetching());
    QVERIFY(bar->isVisible());
    QVERIFY(fetched.wait(kWait));
    QCOMPARE(fetched.at(0).at(0).toBool(), true);
    QVERIFY(sawDownloading);
    int between = 0;
    for (int value : values)
        between += value > 0 && value < 1000 ? 1 : 0;
    QVERIFY2(between >= 3, qPrintable(QStringLiteral("%1 progress values seen").arg(between)));
    QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 2, kWait);
    QCOMPARE(checked.at(1).at(0).toBool(), true);
    QVERIFY(status->text().contains(QStringLiteral("検証済み")) || status->text().contains(QStringLiteral("verified")));
    for (Model model : ModelFetcher::fetchedModels())
        QVERIFY(ModelSet(s.modelsDirectory).verifiedPath(model).ok());
}

void TestFirstStartDialog::fetchRefusesAChangedModel()
{
    test::FileServer server;
    server.serve(QStringLiteral("/m.tar.bz2"), m_corrupt);
    FirstStartDialog::Setup s = setup(QStringLiteral("corrupt"));
    s.modelSource = {server.url(QStringLiteral("/m.tar.bz2")), QString()};
    FirstStartDialog dialog(s);
    QSignalSpy fetched(&dialog, &FirstStartDialog::fetchFinished);
    click(dialog, "fetchModelsButton");
    QVERIFY(fetched.wait(kWait));
    QCOMPARE(fetched.at(0).at(0).toBool(), false);
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("modelsStatusLabel"));
    QVERIFY2(status->text().contains(ErrorTexts::text(ErrorCode::ModelCorrupt)), qPrintable(status->text()));
    QVERIFY(status->toolTip().contains(QStringLiteral("mmod_human_face_detector.dat")));
    QVERIFY(!QFile::exists(ModelSet(s.modelsDirectory).path(Model::MmodFaceDetector)));
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("fetchModelsButton"))->isEnabled()); // can try again
}

QTEST_MAIN(TestFirstStartDialog)
#include "TestFirstStartDialog.moc"
