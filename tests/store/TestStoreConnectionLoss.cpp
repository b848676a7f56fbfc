#include "core/issuance/CertificateIssuer.h"
#include "core/store/AuditChain.h"
#include "core/store/Sql.h"
#include "core/store/StoreConnections.h"
#include "core/workflow/CaseWorkflow.h"
#include "tests/support/StoreFixture.h"

#include <QSemaphore>
#include <QTest>

#include <functional>
#include <thread>

using namespace mado;

// The database server ends a workstation's connection in the middle of a transaction
// (pg_terminate_backend, as an administrator or a server restart would): the call reports
// StoreConnectionLost (the UI's text says nothing was saved), nothing of the transaction is left
// (case state, decisions, audit chain, certificate numbering), and the next call on the same
// thread reconnects and succeeds. The transaction is held open by a second connection holding
// the audit chain's append lock, so the server ends it after its UPDATE and before its commit.
// PostgreSQL only (registered with the pg_cluster fixture).
class TestStoreConnectionLoss : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void decisionCutOffIsRolledBackAndTheNextSucceeds();
    void issuanceCutOffLeavesNoGap();
    void anIdleConnectionLostIsReportedThenReopened();

private:
    // Runs `attempt` on a worker thread while the append lock is held, ends the worker's session
    // when it waits for that lock, then (after `check`) runs `attempt` again on the same thread.
    void cutOffMidTransaction(test::StoreFixture &f, const std::function<Status()> &attempt,
                              const std::function<void()> &checkAfterLoss, Status &second);
    static qint64 scalar(test::StoreFixture &f, const QString &sql, const QVariantMap &bindings = {});
    static bool chainVerifies(test::StoreFixture &f);
};

namespace {
constexpr int kWait = 20000;

bool lostConnection(const Error &error)
{
    return error.code == ErrorCode::StoreConnectionLost &&
           error.message.contains(QLatin1String("the connection to the store's server was lost"));
}
} // namespace

void TestStoreConnectionLoss::initTestCase()
{
    QVERIFY2(test::TestDatabase::postgresqlRequested(), "runs against PostgreSQL only ($MADOGUCHI_TEST_PG_STATE)");
}

qint64 TestStoreConnectionLoss::scalar(test::StoreFixture &f, const QString &sql, const QVariantMap &bindings)
{
    auto db = f.store().connections().database();
    if (!db)
        return -1;
    auto value = Sql::scalar(db.value(), sql, bindings);
    if (!value) {
        qWarning() << value.error().message;
        return -1;
    }
    return value.value().toLongLong();
}

bool TestStoreConnectionLoss::chainVerifies(test::StoreFixture &f)
{
    auto db = f.store().connections().database();
    if (!db)
        return false;
    auto verified = AuditChain::verify(db.value());
    return verified.ok() && verified.value().ok;
}

void TestStoreConnectionLoss::cutOffMidTransaction(test::StoreFixture &f, const std::function<Status()> &attempt,
                                                   const std::function<void()> &checkAfterLoss, Status &second)
{
    // The holder: a connection of its own (a second StoreConnections), on this thread.
    StoreConnections holder(f.store().connections().address());
    auto db = holder.database();
    QVERIFY(db.ok());
    QVERIFY(Sql::run(db.value(), QStringLiteral("SELECT pg_advisory_lock(%1)").arg(AuditChain::kAppendLock)).ok());

    Status first;
    QSemaphore firstDone;
    QSemaphore goAgain;
    QSemaphore secondDone;
    std::thread worker([&] {
        first = attempt();
        firstDone.release();
        goAgain.acquire();
        second = attempt(); // same thread, same (now lost) connection: reopened
        secondDone.release();
    });
    // However this function returns (a failed QVERIFY returns early), the worker is let go and joined.
    struct Joiner {
        QSemaphore &go;
        std::thread &thread;
        bool released = false;
        void release()
        {
            if (!released)
                go.release();
            released = true;
        }
        ~Joiner()
        {
            release();
            thread.join();
        }
    } joiner{goAgain, worker};
    // The worker's session waits for the advisory lock inside its transaction: end it there.
    const QString waiting = QStringLiteral("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                                           "AND objid = %1")
                                .arg(AuditChain::kAppendLock);
    qint64 pid = 0;
    const bool found = QTest::qWaitFor(
        [&] {
            auto row = Sql::scalar(db.value(), waiting);
            pid = row ? row.value().toLongLong() : 0;
            return pid > 0;
        },
        kWait);
    bool terminated = false;
    if (found) {
        auto ended = Sql::scalar(db.value(), QStringLiteral("SELECT pg_terminate_backend(:pid)"),
                                 {{QStringLiteral("pid"), pid}});
        terminated = ended.ok() && ended.value().toBool();
    }
    QVERIFY(Sql::run(db.value(), QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(AuditChain::kAppendLock)).ok());
    const bool firstReturned = firstDone.tryAcquire(1, kWait);
    QVERIFY2(found, "the worker never waited for the append lock");
    QVERIFY(terminated);
    QVERIFY(firstReturned);
    QVERIFY2(!first.ok(), "the cut-off transaction reported success");
    QVERIFY2(lostConnection(first.error()), qPrintable(first.error().message));
    checkAfterLoss();
    joiner.release();
    QVERIFY(secondDone.tryAcquire(1, kWait));
}

void TestStoreConnectionLoss::decisionCutOffIsRolledBackAndTheNextSucceeds()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 caseId = f.caseIn(CaseState::Claimed);
    QVERIFY(caseId > 0);
    const qint64 clerk = f.user(QStringLiteral("clerk1"));
    const qint64 auditBefore = scalar(f, QStringLiteral("SELECT COUNT(*) FROM audit"));
    const QVariantMap id{{QStringLiteral("c"), caseId}};
    Status second;
    cutOffMidTransaction(
        f, [&] { return CaseWorkflow(f.store()).decide(clerk, caseId, CaseWorkflow::Decision{}); },
        [&] {
            // Nothing half-written: still claimed, no decision row, no audit entry, the chain intact.
            auto status = f.store().caseStatus(caseId);
            QVERIFY(status.ok());
            QCOMPARE(caseStateName(status.value().state), QStringLiteral("claimed"));
            QCOMPARE(scalar(f, QStringLiteral("SELECT COUNT(*) FROM decisions WHERE case_id = :c"), id), qint64(0));
            QCOMPARE(scalar(f, QStringLiteral("SELECT COUNT(*) FROM audit")), auditBefore);
            QVERIFY(chainVerifies(f));
        },
        second);
    QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(second.error().message));
    QCOMPARE(caseStateName(f.store().caseStatus(caseId).value().state), QStringLiteral("decided"));
    QCOMPARE(scalar(f, QStringLiteral("SELECT COUNT(*) FROM decisions WHERE case_id = :c"), id), qint64(1));
    QCOMPARE(scalar(f, QStringLiteral("SELECT COUNT(*) FROM audit")), auditBefore + 1);
    QVERIFY(chainVerifies(f));
}

void TestStoreConnectionLoss::issuanceCutOffLeavesNoGap()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 caseId = f.caseIn(CaseState::BatchApproved);
    QVERIFY(caseId > 0);
    const qint64 clerk = f.user(QStringLiteral("clerk1"));
    const qint64 issuedBefore = scalar(f, QStringLiteral("SELECT COUNT(*) FROM issuances"));
    const qint64 auditBefore = scalar(f, QStringLiteral("SELECT COUNT(*) FROM audit"));
    Status second;
    qint64 serial = 0;
    cutOffMidTransaction(
        f,
        [&]() -> Status {
            auto issued = CertificateIssuer(f.store()).issue(clerk, caseId);
            if (!issued)
                return issued.error();
            serial = issued.value().serial;
            return {};
        },
        [&] {
            QCOMPARE(caseStateName(f.store().caseStatus(caseId).value().state), QStringLiteral("batch_approved"));
            QCOMPARE(scalar(f, QStringLiteral("SELECT COUNT(*) FROM issuances")), issuedBefore);
            // The number taken inside the cut-off transaction went back with it.
            QCOMPARE(scalar(f, QStringLiteral("SELECT COALESCE(MAX(last_serial), 0) FROM certificate_counters")),
                     issuedBefore);
            QCOMPARE(scalar(f, QStringLiteral("SELECT COUNT(*) FROM audit")), auditBefore);
        },
        second);
    QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(second.error().message));
    QCOMPARE(serial, issuedBefore + 1); // no gap
    QCOMPARE(caseStateName(f.store().caseStatus(caseId).value().state), QStringLiteral("issued"));
    QVERIFY(chainVerifies(f));
}

void TestStoreConnectionLoss::anIdleConnectionLostIsReportedThenReopened()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 caseId = f.caseIn(CaseState::Verified);
    QVERIFY(caseId > 0);
    auto db = f.store().connections().database();
    QVERIFY(db.ok());
    const qint64 pid = scalar(f, QStringLiteral("SELECT pg_backend_pid()"));
    StoreConnections admin(f.store().connections().address());
    auto adminDb = admin.database();
    QVERIFY(adminDb.ok());
    QVERIFY(Sql::scalar(adminDb.value(), QStringLiteral("SELECT pg_terminate_backend(:p)"), {{QStringLiteral("p"), pid}})
                .value()
                .toBool());
    auto lost = f.store().caseStatus(caseId);
    QVERIFY(!lost.ok());
    QVERIFY2(lostConnection(lost.error()), qPrintable(lost.error().message));
    auto again = f.store().caseStatus(caseId);
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
    QVERIFY(scalar(f, QStringLiteral("SELECT pg_backend_pid()")) != pid);
}

QTEST_GUILESS_MAIN(TestStoreConnectionLoss)
#include "TestStoreConnectionLoss.moc"
