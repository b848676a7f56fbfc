#include "core/domain/SystemClock.h"
#include "core/store/QueueChanges.h"
#include "core/store/Sql.h"
#include "core/workflow/CaseWorkflow.h"
#include "tests/support/StoreFixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace mado;

// QueueChanges (issue 15): a claim or a decision on another connection to the store (another
// workstation) is reported by changed(), on PostgreSQL through LISTEN/NOTIFY sent by revision
// 0011's triggers, on SQLite by polling data_version; a listening connection the server
// terminated is reopened and reported. Waits are for the signal, bounded (kWait), never fixed sleeps.
class TestQueueChanges : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void claimAndDecisionElsewhereAreReported();
    void aTerminatedListenerReconnects();
};

namespace {
constexpr int kWait = 15000;

QueueChanges::Options quick()
{
    QueueChanges::Options options;
    options.pollMs = 100;
    options.coalesceMs = 50;
    options.retryMs = 300;
    return options;
}
} // namespace

void TestQueueChanges::claimAndDecisionElsewhereAreReported()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 caseId = f.caseIn(CaseState::Verified);
    QVERIFY(caseId > 0);
    QueueChanges changes(f.store().connections().address(), quick());
    QSignalSpy watching(&changes, &QueueChanges::watching);
    QSignalSpy changed(&changes, &QueueChanges::changed);
    QVERIFY(watching.wait(kWait));

    // Another workstation: a store of its own on the same database or file.
    SystemClock clock;
    auto other = CaseStore::open(f.location(), clock);
    QVERIFY2(other.ok(), other.ok() ? "" : qPrintable(other.error().message));
    CaseWorkflow workflow(*other.value());
    const qint64 clerk = f.user(QStringLiteral("clerk1"));
    changed.clear();
    QVERIFY(workflow.claim(clerk, caseId).ok());
    QVERIFY(changed.wait(kWait));
    // Nothing more arrives for that claim after the coalescing window; then the decision.
    QTest::qWait(quick().coalesceMs * 4);
    changed.clear();
    QVERIFY(workflow.decide(clerk, caseId, CaseWorkflow::Decision{}).ok());
    QVERIFY(changed.wait(kWait));
}

void TestQueueChanges::aTerminatedListenerReconnects()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    if (!f.isPostgresql())
        QSKIP("PostgreSQL only: SQLite has no server to end the connection (the _pg run covers it)");
    const qint64 caseId = f.caseIn(CaseState::Verified);
    QVERIFY(caseId > 0);
    QueueChanges changes(f.store().connections().address(), quick());
    QSignalSpy watching(&changes, &QueueChanges::watching);
    QSignalSpy lost(&changes, &QueueChanges::lost);
    QSignalSpy changed(&changes, &QueueChanges::changed);
    QVERIFY(watching.wait(kWait));

    // The server ends every other session of this database: the listener's.
    auto db = f.store().connections().database();
    QVERIFY(db.ok());
    auto ended = Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(pg_terminate_backend(pid)) FROM "
                                                        "pg_stat_activity WHERE datname = current_database() "
                                                        "AND pid <> pg_backend_pid()"));
    QVERIFY(ended.ok());
    QCOMPARE(ended.value().toInt(), 1);
    QVERIFY(lost.wait(kWait));
    const Error why = lost.first().first().value<Error>();
    QCOMPARE(errorCodeName(why.code), errorCodeName(ErrorCode::StoreConnectionLost));
    QVERIFY2(why.message.contains(QLatin1String("the connection to the store's server was lost")),
             qPrintable(why.message));
    QTRY_COMPARE_WITH_TIMEOUT(watching.size(), 2, kWait);
    // Back: what may have been missed counts as a change, and new changes arrive again.
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), kWait);
    QTest::qWait(quick().coalesceMs * 4);
    changed.clear();
    QVERIFY(CaseWorkflow(f.store()).claim(f.user(QStringLiteral("clerk1")), caseId).ok());
    QVERIFY(changed.wait(kWait));
}

QTEST_GUILESS_MAIN(TestQueueChanges)
#include "TestQueueChanges.moc"
