#include "core/security/UserDirectory.h"
#include "tests/support/StoreFixture.h"
#include "ui/MainWindow.h"
#include "ui/support/BackgroundStatus.h"
#include "ui/support/BackgroundWork.h"
#include "ui/support/WorkstationSettings.h"

#include <QTest>

#include <memory>

using namespace mado;
using namespace mado::test;

// Closing the workstation at once: the pages' store reads started off the GUI thread, and the
// background work, must end before the store goes (app/workstation/main.cpp's order: store, window,
// background work). Repeated, because a read still running when the store went crashed only
// now and then.
class TestWindowShutdown : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void closesAtOnceWithPendingReads_data();
    void closesAtOnceWithPendingReads();
};

void TestWindowShutdown::closesAtOnceWithPendingReads_data()
{
    QTest::addColumn<QString>("login");
    QTest::addRow("clerk") << QStringLiteral("clerk1");
    QTest::addRow("supervisor") << QStringLiteral("sup1");
    QTest::addRow("admin") << QStringLiteral("admin");
}

void TestWindowShutdown::closesAtOnceWithPendingReads()
{
    QFETCH(QString, login);
    for (int round = 0; round < 6; ++round) {
        auto fixture = std::make_unique<StoreFixture>();
        QVERIFY(fixture->ok());
        // Something for every page to read: a decided case in a batch, an approved one to issue.
        QVERIFY(fixture->caseIn(CaseState::Batched));
        QVERIFY(fixture->caseIn(CaseState::BatchApproved));
        auto settings = WorkstationSettings::createForTesting(fixture->dir() + QStringLiteral("/config"));
        auto session = UserDirectory(fixture->store()).login(login, QString::fromLatin1(StoreFixture::kPassword));
        QVERIFY(session.ok());
        {
            MainWindow window;
            MainWindow::SessionSetup setup;
            setup.settings = settings.get();
            window.startSession(fixture->store(), session.value(), setup);
            window.show();
            BackgroundWork background(fixture->store(), session.value().userId(), *window.backgroundStatus());
            background.start(QString(), QByteArray());
            if (round % 2 == 1)
                QCoreApplication::processEvents(); // let some reads finish and others start
            window.close();
        } // background work, then the window (waiting for its pages' reads) go here
        fixture.reset(); // then the store
    }
}

QTEST_MAIN(TestWindowShutdown)
#include "TestWindowShutdown.moc"
