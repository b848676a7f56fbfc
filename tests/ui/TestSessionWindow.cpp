#include "core/security/UserDirectory.h"
#include "tests/support/StoreFixture.h"
#include "tests/ui/GeneratedCases.h"
#include "tests/ui/UiTestKit.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/models/QueueModel.h"
#include "ui/support/BackgroundStatus.h"
#include "ui/support/IdleWatcher.h"
#include "ui/support/WorkstationSettings.h"
#include "ui/views/QueueView.h"

#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace mado;
using namespace mado::test;

// Generous: password hashing and queries share two cores with other builds.
constexpr int kWait = 30000;

// The main window with a logged-in user: pages by role, menus, idle lock, case activation and
// the background status corner.
class TestSessionWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(Language::install(QStringLiteral("en"))); }
    void cleanupTestCase() { Language::install(Language::defaultLanguage()); }
    void showsThePagesOfTheRole_data();
    void showsThePagesOfTheRole();
    void namesTheMenusInJapanese();
    void locksWhenIdleAndUnlocksWithTheSamePassword();
    void activityKeepsTheSessionUnlocked();
    void opensACaseFromTheQueue();
    void showsWholeReferencesAndDates();
    void showsBackgroundProgress();
};

void TestSessionWindow::showsThePagesOfTheRole_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QStringList>("visible");
    QTest::addColumn<QStringList>("absent");
    QTest::addRow("clerk") << QStringLiteral("clerk1") << QStringList{"queueView", "casePage", "issuanceView"}
                           << QStringList{"batchView", "auditView", "usersView", "settingsView"};
    QTest::addRow("supervisor") << QStringLiteral("sup1")
                                << QStringList{"queueView", "casePage", "batchView", "auditView", "issuanceView"}
                                << QStringList{"usersView", "settingsView"};
    QTest::addRow("admin") << QStringLiteral("admin") << QStringList{"queueView", "casePage",  "batchView",
                                                                     "auditView", "usersView", "settingsView"}
                           << QStringList{"issuanceView"};
}

void TestSessionWindow::showsThePagesOfTheRole()
{
    QFETCH(QString, login);
    QFETCH(QStringList, visible);
    QFETCH(QStringList, absent);
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    auto settings = WorkstationSettings::createForTesting(fixture.dir() + QStringLiteral("/config"));
    MainWindow window;
    MainWindow::SessionSetup setup;
    setup.settings = settings.get();
    const Session session = logIn(fixture, login);
    QCOMPARE(session.login(), login);
    window.startSession(fixture.store(), session, setup);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pagesTabWidget"));
    QVERIFY(tabs);
    QVERIFY(tabs->isVisible());
    QCOMPARE(tabs->count(), visible.size());
    for (const QString &name : visible) {
        QWidget *page = window.findChild<QWidget *>(name);
        QVERIFY2(page, qPrintable(name));
        QVERIFY2(tabs->indexOf(page) >= 0, qPrintable(name));
        QVERIFY2(window.findChild<QAction *>(name + QStringLiteral("Action")), qPrintable(name));
    }
    for (const QString &name : absent)
        QVERIFY2(!window.findChild<QWidget *>(name), qPrintable(name));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("userLabel"))->text().contains(login));
}

void TestSessionWindow::namesTheMenusInJapanese()
{
    QVERIFY(Language::install(QStringLiteral("ja")));
    MainWindow window;
    QStringList titles;
    for (QAction *action : window.menuBar()->actions())
        titles.append(action->text());
    QCOMPARE(titles,
             (QStringList{QStringLiteral("ファイル(&F)"), QStringLiteral("表示(&V)"), QStringLiteral("ヘルプ(&H)")}));
    // Switching the language at run time renames them.
    QVERIFY(Language::install(QStringLiteral("en")));
    QTRY_COMPARE_WITH_TIMEOUT(window.menuBar()->actions().first()->text(), QStringLiteral("&File"), kWait);
}

// The queue's reference, date and state columns are wide enough for their whole text in both languages
// (they were cut to "MDG-2611-0..." once dates took the Japanese format).
void TestSessionWindow::showsWholeReferencesAndDates()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    QVERIFY(GeneratedCases::insert(fixture.store(), 3, 0).ok());
    for (const QString &language : {QStringLiteral("ja"), QStringLiteral("en")}) {
        QVERIFY(Language::install(language));
        MainWindow window;
        window.startSession(fixture.store(), logIn(fixture, QStringLiteral("clerk1")), {});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *table = window.findChild<QTableView *>(QStringLiteral("queueTableView"));
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 3, kWait);
        const QFontMetrics metrics(table->font());
        for (const int column : {int(QueueModel::Reference), int(QueueModel::Received), int(QueueModel::State)}) {
            const QString text = table->model()->index(0, column).data().toString();
            QVERIFY(!text.isEmpty());
            QVERIFY2(table->columnWidth(column) > metrics.horizontalAdvance(text),
                     qPrintable(QStringLiteral("%1: column %2 is %3 px for \"%4\"")
                                    .arg(language)
                                    .arg(column)
                                    .arg(table->columnWidth(column))
                                    .arg(text)));
        }
    }
}

void TestSessionWindow::locksWhenIdleAndUnlocksWithTheSamePassword()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    QVERIFY(GeneratedCases::insert(fixture.store(), 10, 0).ok());
    MainWindow window;
    window.startSession(fixture.store(), logIn(fixture, QStringLiteral("clerk1")), {});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pagesTabWidget"));
    auto *table = window.findChild<QTableView *>(QStringLiteral("queueTableView"));
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 10, kWait);
    QVERIFY(table->isVisible());
    QSignalSpy locked(&window, &MainWindow::locked);
    window.idleWatcher()->setCheckInterval(10);

    fixture.clock().advance(SecurityOptions().idleLockSeconds); // 900 s by the store's clock
    QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), kWait);
    QCOMPARE(locked.count(), 1);
    // No case data visible while locked; only the password prompt for the same user.
    QVERIFY(!tabs->isVisible());
    QVERIFY(!table->isVisible());
    auto *password = window.findChild<QLineEdit *>(QStringLiteral("lockPasswordLineEdit"));
    auto *unlock = window.findChild<QPushButton *>(QStringLiteral("unlockButton"));
    auto *message = window.findChild<QLabel *>(QStringLiteral("lockMessageLabel"));
    QVERIFY(password && unlock && message);
    QVERIFY(password->isVisible());
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("lockTitleLabel"))->text().contains(QStringLiteral("clerk1")));
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("queueViewAction"))->isEnabled() ||
            !window.findChild<QMenu *>(QStringLiteral("viewMenu"))->isEnabled());

    // Another user's password does not unlock (clerk2 has the same password: use a wrong one).
    QTest::keyClicks(password, QStringLiteral("not the password"));
    QTest::mouseClick(unlock, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(message->text(), QStringLiteral("Wrong password."), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(unlock->isEnabled(), kWait);
    QVERIFY(window.isLocked());
    QVERIFY(!tabs->isVisible());

    QTest::keyClicks(password, QString::fromLatin1(StoreFixture::kPassword));
    QTest::mouseClick(unlock, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLocked(), kWait);
    QVERIFY(tabs->isVisible());
    QVERIFY(table->isVisible());
    QVERIFY(!window.idleWatcher()->session().idleLocked(fixture.clock().now()));

    // It locks again after the next idle period, and the File menu's Lock locks at once.
    fixture.clock().advance(SecurityOptions().idleLockSeconds);
    QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), kWait);
    QCOMPARE(locked.count(), 2);
    QVERIFY(password->text().isEmpty());
}

void TestSessionWindow::activityKeepsTheSessionUnlocked()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    MainWindow window;
    window.startSession(fixture.store(), logIn(fixture, QStringLiteral("clerk1")), {});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    IdleWatcher *watcher = window.idleWatcher();
    fixture.clock().advance(600);
    QVERIFY(!watcher->session().idleLocked(fixture.clock().now()));
    // A key press counts as activity: 600 s later the session is 600 s idle, not 1,200 s.
    QTest::keyClick(window.findChild<QTableView *>(QStringLiteral("queueTableView")), Qt::Key_Down);
    fixture.clock().advance(600);
    QVERIFY(!watcher->session().idleLocked(fixture.clock().now()));
    fixture.clock().advance(300);
    QVERIFY(watcher->session().idleLocked(fixture.clock().now()));
    // The menu action locks without waiting.
    window.findChild<QAction *>(QStringLiteral("lockAction"))->trigger();
    QVERIFY(window.isLocked());
}

void TestSessionWindow::opensACaseFromTheQueue()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    QVERIFY(GeneratedCases::insert(fixture.store(), 3, 0).ok());
    MainWindow window;
    window.startSession(fixture.store(), logIn(fixture, QStringLiteral("clerk1")), {});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *queue = window.findChild<QueueView *>(QStringLiteral("queueView"));
    QTRY_COMPARE_WITH_TIMEOUT(queue->model()->rowCount(), 3, kWait);
    QSignalSpy activated(&window, &MainWindow::caseActivated);
    QTableView *table = queue->table();
    const QRect rect = table->visualRect(queue->model()->index(1, 0));
    // A real double click: press and release, then the double click on the same row.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(activated.count(), 1);
    const qint64 id = queue->model()->caseId(1);
    QCOMPARE(activated.at(0).at(0).toLongLong(), id);
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pagesTabWidget"));
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("casePage"));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("caseIdLabel"))->text().contains(QString::number(id)));
}

void TestSessionWindow::showsBackgroundProgress()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    BackgroundStatus *status = window.backgroundStatus();
    QCOMPARE(status->objectName(), QStringLiteral("backgroundStatus"));
    QVERIFY(!status->isVisible());
    QMetaObject::invokeMethod(status, "showProgress", Qt::QueuedConnection, Q_ARG(QString, QStringLiteral("Importing")),
                              Q_ARG(int, 2), Q_ARG(int, 5));
    QTRY_VERIFY_WITH_TIMEOUT(status->isVisible(), kWait);
    QCOMPARE(status->findChild<QLabel *>(QStringLiteral("backgroundStatusLabel"))->text(), QStringLiteral("Importing"));
    auto *bar = status->findChild<QProgressBar *>(QStringLiteral("backgroundProgressBar"));
    QCOMPARE(bar->value(), 2);
    QCOMPARE(bar->maximum(), 5);
    status->showProgress(QStringLiteral("Importing"), 5, 5);
    QVERIFY(!status->isVisible());
}

QTEST_MAIN(TestSessionWindow)
#include "TestSessionWindow.moc"
