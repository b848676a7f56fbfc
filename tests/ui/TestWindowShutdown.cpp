#include "core/security/UserDirectory.h"
#include "tests/support/StoreFixture.h"
#include "ui/MainWindow.h"
#include "ui/support/WorkstationSettings.h"
#include "ui/views/BatchView.h"
#include "ui/views/IssuanceView.h"
#include "ui/views/UsersView.h"
#include "ui/views/WardSettingsPanel.h"

#include <QTest>

#include <memory>

using namespace mado;
using namespace mado::test;

// Closing the workstation at once: the pages' store reads started off the GUI thread must end
// before the store goes (app/workstation/main.cpp's order: store, window, background work; the
// background work stops itself first). Repeated, because a read still running or still queued on
// the pool when the store went crashed only now and then.
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
    for (int round = 0; round < 12; ++round) {
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
            if (round % 2 == 1)
                QCoreApplication::processEvents(); // let some reads finish and others start
            // More reads queued behind those of the start (the pool has few threads).
            for (int again = 0; again < 4; ++again) {
                if (auto *batches = window.findChild<BatchView *>())
                    batches->reload();
                if (auto *issuance = window.findChild<IssuanceView *>())
                    issuance->reload();
                if (auto *users = window.findChild<UsersView *>())
                    users->reload();
                if (auto *ward = window.findChild<WardSettingsPanel *>())
                    ward->reload();
            }
            window.close();
        }                // the window goes here, waiting for its pages' reads
        fixture.reset(); // then the store
    }
}

QTEST_MAIN(TestWindowShutdown)
#include "TestWindowShutdown.moc"
