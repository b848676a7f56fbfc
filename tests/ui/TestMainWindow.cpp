#include "core/face/ModelSet.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QLabel>
#include <QScreen>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void opensWithJapaneseAndEnglishNames();
    void speaksJapaneseFirstAndEnglish();
    void reportsReadyModels();
    void reportsMissingModelsWithTheFix();
    void initialSizeFitsTheScreen_data();
    void initialSizeFitsTheScreen();
    void opensOnTheScreenItIsOn();
};

void TestMainWindow::opensWithJapaneseAndEnglishNames()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.isVisible());
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("queueEmptyLabel")));
    QVERIFY(!window.windowTitle().isEmpty());
}

void TestMainWindow::speaksJapaneseFirstAndEnglish()
{
    QCOMPARE(Language::defaultLanguage(), QStringLiteral("ja"));
    QVERIFY(Language::install(QStringLiteral("ja")));
    {
        MainWindow window;
        QVERIFY2(window.windowTitle().contains(QStringLiteral("窓口")), qPrintable(window.windowTitle()));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("queueEmptyLabel"))->text(),
                 QStringLiteral("確認待ちの申請はありません。"));
    }
    QVERIFY(Language::install(QStringLiteral("en")));
    {
        MainWindow window;
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("queueEmptyLabel"))->text(),
                 QStringLiteral("No applications are waiting."));
    }
    QVERIFY(!Language::install(QStringLiteral("xx")));
}

void TestMainWindow::reportsReadyModels()
{
    MainWindow window;
    QSignalSpy spy(&window, &MainWindow::modelsChecked);
    window.checkModels(ModelSet::defaultDirectory());
    QVERIFY(spy.wait(30000));
    QCOMPARE(spy.at(0).at(0).toBool(), true);
}

void TestMainWindow::reportsMissingModelsWithTheFix()
{
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    MainWindow window;
    QSignalSpy spy(&window, &MainWindow::modelsChecked);
    window.checkModels(empty.path());
    QVERIFY(spy.wait(30000));
    QCOMPARE(spy.at(0).at(0).toBool(), false);
    const auto *label = window.findChild<QLabel *>(QStringLiteral("modelStatusLabel"));
    QVERIFY(label);
    QVERIFY2(label->text().contains(ModelSet::fetchCommand()), qPrintable(label->text()));
}

void TestMainWindow::initialSizeFitsTheScreen_data()
{
    QTest::addColumn<QRect>("available");
    QTest::addColumn<QSize>("expected");
    // Available = the screen less the taskbar (about 40 px); the frame takes 16×48 px of it.
    QTest::addRow("1366x768") << QRect(0, 0, 1366, 728) << QSize(1280, 680);
    QTest::addRow("1920x1080") << QRect(0, 0, 1920, 1040) << QSize(1280, 800);
    QTest::addRow("1280x1024 second screen") << QRect(1920, 0, 1280, 984) << QSize(1264, 800);
    QTest::addRow("1024x768") << QRect(0, 0, 1024, 728) << QSize(1008, 680);
}

void TestMainWindow::initialSizeFitsTheScreen()
{
    QFETCH(QRect, available);
    QFETCH(QSize, expected);
    QCOMPARE(MainWindow::initialSize(available), expected);
    // On a 1366×768 screen the window, status bar included, lies inside the available area.
    MainWindow window;
    window.fitToScreen(available);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), expected);
    QVERIFY(available.contains(window.geometry()));
    const QWidget *status = window.findChild<QWidget *>(QStringLiteral("modelStatusLabel"));
    QVERIFY(status);
    QVERIFY(window.rect().contains(QRect(status->mapTo(&window, QPoint(0, 0)), status->size())));
}

void TestMainWindow::opensOnTheScreenItIsOn()
{
    MainWindow window; // the offscreen platform's screen is 800×600
    const QRect available = window.screen()->availableGeometry();
    QCOMPARE(window.size(), MainWindow::initialSize(available));
    QVERIFY(window.width() <= available.width() && window.height() <= available.height());
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
