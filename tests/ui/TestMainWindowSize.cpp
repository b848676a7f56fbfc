#include "core/security/UserDirectory.h"
#include "tests/support/StoreFixture.h"
#include "tests/ui/RealCase.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/support/WorkstationSettings.h"
#include "ui/views/QueueView.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;
using namespace mado::test;

// Generous: password hashing and the face engine share two cores with other builds.
constexpr int kWait = 60000;
// Ward offices have 1366×768 and 1400×900 screens; a taskbar takes about 40 px of the height.
constexpr int kScreenWidth = 1366;
constexpr int kScreenHeight = 768 - 40;

// The main window fits a ward's screen for every role and language, with a real case open (its
// images, turned frames and AI evidence), and the case view keeps room to compare the faces.
class TestMainWindowSize : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { Language::install(Language::defaultLanguage()); }
    void fitsAWardScreen_data();
    void fitsAWardScreen();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<RealCase> m_case;
};

void TestMainWindowSize::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto real = RealCase::create(m_dir.filePath(QStringLiteral("bundle")));
    QVERIFY2(real.ok(), qPrintable(real.ok() ? QString() : real.error().message));
    m_case = std::move(real).value();
}

void TestMainWindowSize::fitsAWardScreen_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("language");
    for (const char *login : {"clerk1", "sup1", "admin"}) {
        for (const char *language : {"ja", "en"})
            QTest::addRow("%s %s", login, language) << QString::fromLatin1(login) << QString::fromLatin1(language);
    }
}

void TestMainWindowSize::fitsAWardScreen()
{
    QFETCH(QString, login);
    QFETCH(QString, language);
    QVERIFY(Language::install(language));
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    auto caseId = m_case->import(fixture);
    QVERIFY(caseId.ok());
    auto settings = WorkstationSettings::createForTesting(fixture.dir() + QStringLiteral("/config"));
    auto session = UserDirectory(fixture.store()).login(login, QString::fromLatin1(StoreFixture::kPassword));
    QVERIFY(session.ok());

    MainWindow window;
    MainWindow::SessionSetup setup;
    setup.settings = settings.get();
    window.startSession(fixture.store(), session.value(), setup);
    // The longest status text: missing models, with the directory and the command to fetch them.
    QSignalSpy checked(&window, &MainWindow::modelsChecked);
    window.checkModels(fixture.dir() + QStringLiteral("/a/models/directory/that/does/not/exist/on/this/machine"));
    QVERIFY(checked.wait(kWait));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    if (session.value().role() != Role::Admin) { // admins never see faces
        auto *queue = window.findChild<QueueView *>(QStringLiteral("queueView"));
        QVERIFY(queue);
        Q_EMIT queue->caseActivated(caseId.value()); // as a double click on its row
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QLabel *>(QStringLiteral("frame3ThumbnailLabel")), kWait);
    }

    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pagesTabWidget"));
    QVERIFY(tabs);
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QApplication::processEvents();
        const QSize minimum = window.minimumSizeHint();
        const QString where = QStringLiteral("%1: minimum size %2×%3 px")
                                  .arg(tabs->widget(i)->objectName())
                                  .arg(minimum.width())
                                  .arg(minimum.height());
        qInfo("%s", qPrintable(where));
        QVERIFY2(minimum.width() <= kScreenWidth, qPrintable(where));
        QVERIFY2(minimum.height() <= kScreenHeight, qPrintable(where));
        // The size it opens at on that screen (room left for the frame) is not below the minimum.
        const QSize opening = MainWindow::initialSize(QRect(0, 0, kScreenWidth, kScreenHeight));
        QVERIFY2(minimum.width() <= opening.width() && minimum.height() <= opening.height(), qPrintable(where));
    }

    // On the narrow screen the two faces still get a usable size side by side.
    window.resize(kScreenWidth, kScreenHeight);
    tabs->setCurrentWidget(window.findChild<QWidget *>(QStringLiteral("casePage")));
    QTRY_COMPARE_WITH_TIMEOUT(window.width(), kScreenWidth, kWait);
    for (const char *name : {"documentView", "selfieView"}) {
        auto *view = window.findChild<QWidget *>(QString::fromLatin1(name));
        QVERIFY2(view, name);
        QTRY_VERIFY2_WITH_TIMEOUT(view->width() >= 250 && view->height() >= 250,
                                  qPrintable(QStringLiteral("%1: %2×%3").arg(QString::fromLatin1(name)).arg(view->width()).arg(view->height())),
                                  kWait);
    }
    if (session.value().role() == Role::Admin)
        return;
    // The turned frames are shown whole, in their strip under the selfie.
    auto *thumbnail = window.findChild<QWidget *>(QStringLiteral("frame1ThumbnailLabel"));
    QVERIFY(thumbnail);
    QTRY_VERIFY_WITH_TIMEOUT(thumbnail->isVisible(), kWait);
    QCOMPARE(thumbnail->visibleRegion().boundingRect().size(), thumbnail->size());
    if (session.value().role() == Role::Clerk) { // the decision is whole and in view, without scrolling
        for (const char *name : {"faceMatchCheckBox", "approveButton", "rejectButton", "resubmitButton", "nextButton"}) {
            auto *widget = window.findChild<QWidget *>(QString::fromLatin1(name));
            QVERIFY2(widget && widget->isVisible(), name);
            QVERIFY2(widget->width() >= widget->minimumSizeHint().width(), name);
            QVERIFY2(widget->visibleRegion().boundingRect().size() == widget->size(), name);
        }
    }
}

QTEST_MAIN(TestMainWindowSize)
#include "TestMainWindowSize.moc"
