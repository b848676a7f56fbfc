#include "core/face/ModelSet.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QLabel>
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

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
