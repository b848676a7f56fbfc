#include "core/domain/SystemClock.h"
#include "core/workflow/CaseWorkflow.h"
#include "tests/support/StoreFixture.h"
#include "ui/models/QueueModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace mado;

// Two workstations' queues (issue 15): two QueueModels on two stores of their own (separate
// connections to one PostgreSQL database in the _pg run, to one SQLite file otherwise). A claim and
// a decision made through the second store show in the first model without a refresh by hand,
// within a bounded wait for its reloaded() signal; the rows stay (no reset), so a view keeps its
// selection.
class TestQueueFollow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void anotherWorkstationsClaimShows();
};

namespace {
constexpr int kWait = 20000;
}

void TestQueueFollow::anotherWorkstationsClaimShows()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 first = f.caseIn(CaseState::Verified);
    const qint64 second = f.caseIn(CaseState::Verified);
    QVERIFY(first > 0 && second > 0);
    SystemClock clock;
    auto otherStore = CaseStore::open(f.location(), clock);
    QVERIFY(otherStore.ok());

    const qint64 clerk1 = f.user(QStringLiteral("clerk1"));
    const qint64 clerk2 = f.user(QStringLiteral("clerk2"));
    QueueModel mine(f.store(), clerk1);
    QueueModel theirs(*otherStore.value(), clerk2);
    QAbstractItemModelTester tester(&mine, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QueueChanges::Options quick;
    quick.pollMs = 100;
    quick.coalesceMs = 50;
    quick.retryMs = 300;
    mine.followChanges(quick);
    QSignalSpy watching(mine.changes(), &QueueChanges::watching);
    QVERIFY(watching.wait(kWait));
    mine.refresh();
    theirs.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!mine.isLoading() && !theirs.isLoading(), kWait);
    QCOMPARE(mine.rowCount(), 2);
    QCOMPARE(mine.entry(0).state, CaseState::Verified);
    QSignalSpy reset(&mine, &QAbstractItemModel::modelReset);
    QSignalSpy reloaded(&mine, &QueueModel::reloaded);

    // The other workstation's clerk claims the first case.
    CaseWorkflow workflow(*otherStore.value());
    QVERIFY(workflow.claim(clerk2, first).ok());
    QVERIFY(reloaded.wait(kWait));
    QTRY_COMPARE_WITH_TIMEOUT(mine.entry(0).state, CaseState::Claimed, kWait);
    QCOMPARE(mine.entry(0).assignee, QStringLiteral("clerk2"));
    QCOMPARE(mine.entry(1).state, CaseState::Verified);
    QCOMPARE(reset.size(), 0); // updated in place
    QCOMPARE(mine.countsPerState().value(QStringLiteral("claimed")), qint64(1));

    // And decides it.
    reloaded.clear();
    QVERIFY(workflow.decide(clerk2, first, CaseWorkflow::Decision{}).ok());
    QTRY_COMPARE_WITH_TIMEOUT(mine.entry(0).state, CaseState::Decided, kWait);
    QVERIFY(!reloaded.isEmpty());
}

QTEST_MAIN(TestQueueFollow)
#include "TestQueueFollow.moc"
