#include "core/issuance/CertificateIssuer.h"
#include "core/store/AuditChain.h"
#include "core/store/ImageSanitizer.h"
#include "core/store/Sql.h"
#include "core/workflow/BatchWorkflow.h"
#include "core/workflow/CaseWorkflow.h"
#include "core/workflow/WorkflowRules.h"
#include "tests/support/ImageFiles.h"
#include "tests/support/StoreFixture.h"

#include <QSemaphore>
#include <QTest>
#include <QThread>

using namespace mado;

// The workflow against a real store: the role x state x action table, claims (race, expiry), four
// eyes, policy hold, resubmission cap, and that a refused step leaves nothing behind.
class TestCaseWorkflow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void transitionTable_data();
    void transitionTable();
    void twoClerksClaimingAtOnceOneWins_data();
    void twoClerksClaimingAtOnceOneWins();
    void anExpiredClaimCanBeTaken();
    void decidingAfterTheClaimExpiredIsRefused();
    void fourEyesOwnDecision();
    void fourEyesAfterAReturn();
    void approvalNeedsThePassword();
    void heldCaseCanOnlyBeRejected();
    void resubmissionCap();
    void resubmissionCapSpansTheApplicantsAttempts();
    void rejectionNeedsAReason();
    void refusedStepsLeaveNoTrace();
    void cleanupTestCase() { m_table.reset(); }

private:
    std::unique_ptr<test::StoreFixture> m_table; // one store for the whole table; a fresh case per row
    static qint64 auditCount(test::StoreFixture &f);
};

namespace {
const char *kSpecimen = test::StoreFixture::kPassword;

QString codeOf(const Status &status)
{
    return status.ok() ? QStringLiteral("ok") : errorCodeName(status.error().code);
}
} // namespace

qint64 TestCaseWorkflow::auditCount(test::StoreFixture &f)
{
    auto db = f.store().connections().database();
    return Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM audit")).value().toLongLong();
}

void TestCaseWorkflow::transitionTable_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<CaseState>("state");
    QTest::addColumn<WorkflowAction>("action");
    QTest::addColumn<QString>("expected"); // "ok" or the error code name
    QTest::addColumn<CaseState>("after");

    using S = CaseState;
    using A = WorkflowAction;
    const auto row = [](const char *actor, S state, A action, const char *expected, S after) {
        QTest::addRow("%s %s %s -> %s", actor, qPrintable(caseStateName(state)), qPrintable(workflowActionName(action)),
                      expected)
            << QString::fromLatin1(actor) << state << action << QString::fromLatin1(expected) << after;
    };
    row("clerk1", S::Imported, A::Verify, "ok", S::Verified);
    row("admin", S::Imported, A::Verify, "permission_denied", S::Imported);
    row("clerk1", S::Verified, A::Verify, "invalid_state", S::Verified);

    row("clerk2", S::Verified, A::Claim, "ok", S::Claimed);
    row("sup2", S::Verified, A::Claim, "ok", S::Claimed);
    row("admin", S::Verified, A::Claim, "permission_denied", S::Verified);
    row("clerk2", S::Held, A::Claim, "ok", S::Claimed);
    row("clerk2", S::Claimed, A::Claim, "conflict", S::Claimed);
    row("clerk1", S::Claimed, A::Claim, "ok", S::Claimed);
    row("clerk2", S::Imported, A::Claim, "invalid_state", S::Imported);
    row("clerk2", S::Decided, A::Claim, "invalid_state", S::Decided);
    row("clerk2", S::Returned, A::Claim, "conflict", S::Returned);
    row("clerk1", S::Returned, A::Claim, "ok", S::Claimed);
    row("clerk2", S::Notified, A::Claim, "invalid_state", S::Notified);

    row("clerk1", S::Claimed, A::Decide, "ok", S::Decided);
    row("clerk2", S::Claimed, A::Decide, "conflict", S::Claimed);
    row("admin", S::Claimed, A::Decide, "permission_denied", S::Claimed);
    row("clerk1", S::Verified, A::Decide, "invalid_state", S::Verified);
    row("clerk1", S::Batched, A::Decide, "invalid_state", S::Batched);

    row("clerk1", S::Decided, A::SubmitBatch, "ok", S::Batched);
    row("sup2", S::Decided, A::SubmitBatch, "ok", S::Batched);
    row("admin", S::Decided, A::SubmitBatch, "permission_denied", S::Decided);
    row("clerk1", S::Claimed, A::SubmitBatch, "invalid_state", S::Claimed);

    row("sup2", S::Batched, A::ApproveBatch, "ok", S::BatchApproved);
    row("clerk2", S::Batched, A::ApproveBatch, "permission_denied", S::Batched);
    row("admin", S::Batched, A::ApproveBatch, "permission_denied", S::Batched);
    row("sup2", S::BatchApproved, A::ApproveBatch, "invalid_state", S::BatchApproved);

    row("sup2", S::Batched, A::ReturnCase, "ok", S::Returned);
    row("clerk2", S::Batched, A::ReturnCase, "permission_denied", S::Batched);
    row("sup2", S::BatchApproved, A::ReturnCase, "invalid_state", S::BatchApproved);

    row("clerk2", S::BatchApproved, A::Issue, "ok", S::Issued);
    row("sup2", S::BatchApproved, A::Issue, "ok", S::Issued);
    row("admin", S::BatchApproved, A::Issue, "permission_denied", S::BatchApproved);
    row("clerk2", S::Batched, A::Issue, "invalid_state", S::Batched);
    row("clerk2", S::Issued, A::Issue, "invalid_state", S::Issued);

    row("clerk2", S::Issued, A::Notify, "ok", S::Notified);
    row("clerk2", S::BatchApproved, A::Notify, "invalid_state", S::BatchApproved); // approved: issue first
    row("admin", S::Issued, A::Notify, "permission_denied", S::Issued);
    row("clerk2", S::Notified, A::Notify, "invalid_state", S::Notified);
    row("clerk2", S::Decided, A::Notify, "invalid_state", S::Decided);
}

void TestCaseWorkflow::transitionTable()
{
    QFETCH(QString, actor);
    QFETCH(CaseState, state);
    QFETCH(WorkflowAction, action);
    QFETCH(QString, expected);
    QFETCH(CaseState, after);

    if (!m_table)
        m_table = std::make_unique<test::StoreFixture>();
    test::StoreFixture &f = *m_table;
    QVERIFY(f.ok());
    const qint64 caseId = f.caseIn(state);
    QVERIFY(caseId > 0);
    QCOMPARE(f.store().caseStatus(caseId).value().state, state);
    const qint64 user = f.user(actor);
    const qint64 batchId = f.store().caseStatus(caseId).value().batchId;
    CaseWorkflow cases(f.store());
    BatchWorkflow batches(f.store());
    Status result;
    switch (action) {
    case WorkflowAction::Verify:
        result = cases.markVerified(user, caseId, test::StoreFixture::matchVerdict(QStringLiteral("x")));
        break;
    case WorkflowAction::Claim:
        result = cases.claim(user, caseId);
        break;
    case WorkflowAction::Decide:
        result = cases.decide(user, caseId, {DecisionOutcome::Approved, QString(), QString()});
        break;
    case WorkflowAction::SubmitBatch: {
        auto batch = batches.submit(user, {caseId});
        result = batch ? Status() : Status(batch.error());
        break;
    }
    case WorkflowAction::ApproveBatch:
        result = batches.approve(user, batchId, QString::fromLatin1(kSpecimen));
        break;
    case WorkflowAction::ReturnCase:
        result = batches.returnCase(user, batchId, caseId, QStringLiteral("the selfie is blurred"));
        break;
    case WorkflowAction::Issue: {
        auto issued = CertificateIssuer(f.store()).issue(user, caseId);
        result = issued ? Status() : Status(issued.error());
        break;
    }
    case WorkflowAction::Notify:
        result = cases.markNotified(user, caseId);
        break;
    }
    QVERIFY2(codeOf(result) == expected,
             qPrintable(QStringLiteral("got %1: %2").arg(codeOf(result), result ? QString() : result.error().message)));
    if (!result.ok())
        QVERIFY(!result.error().message.isEmpty());
    QCOMPARE(f.store().caseStatus(caseId).value().state, after);
    auto db = f.store().connections().database();
    QVERIFY(AuditChain::verify(db.value()).value().ok);
}

void TestCaseWorkflow::twoClerksClaimingAtOnceOneWins_data()
{
    QTest::addColumn<bool>("twoWorkstations");
    QTest::addRow("one store object, two threads") << false;
    QTest::addRow("two store objects on one file, two threads") << true;
}

void TestCaseWorkflow::twoClerksClaimingAtOnceOneWins()
{
    QFETCH(bool, twoWorkstations);
    test::StoreFixture f;
    QVERIFY(f.ok());
    // Like two workstations: a second CaseStore with its own connection factory on the same file.
    auto second = CaseStore::open(f.location(), f.clock());
    QVERIFY(second.ok());
    CaseStore *stores[2] = {&f.store(), twoWorkstations ? second.value().get() : &f.store()};
    const qint64 clerks[2] = {f.user(QStringLiteral("clerk1")), f.user(QStringLiteral("clerk2"))};
    for (int round = 0; round < 20; ++round) {
        const qint64 caseId = f.caseIn(CaseState::Verified);
        QVERIFY(caseId > 0);
        QSemaphore ready, go;
        Status results[2];
        std::unique_ptr<QThread> threads[2];
        for (int i = 0; i < 2; ++i) {
            // Each thread gets its own named connection from the store's factory.
            threads[i].reset(QThread::create([&, i] {
                ready.release();
                go.acquire();
                results[i] = CaseWorkflow(*stores[i]).claim(clerks[i], caseId);
                stores[i]->connections().closeForThisThread();
            }));
            threads[i]->start();
        }
        ready.acquire(2);
        go.release(2);
        for (auto &thread : threads)
            QVERIFY(thread->wait(30000));
        QVERIFY2(
            results[0].ok() != results[1].ok(),
            qPrintable(QStringLiteral("round %1: %2 / %3").arg(round).arg(codeOf(results[0]), codeOf(results[1]))));
        const int loser = results[0].ok() ? 1 : 0;
        QCOMPARE(results[loser].error().code, ErrorCode::Conflict);
        QVERIFY(results[loser].error().message.contains(QStringLiteral("claimed by another clerk")));
        QCOMPARE(f.store().caseStatus(caseId).value().assigneeId, clerks[1 - loser]);
    }
}

void TestCaseWorkflow::anExpiredClaimCanBeTaken()
{
    test::StoreFixture f(WorkflowOptions{600, 2});
    QVERIFY(f.ok());
    const qint64 caseId = f.caseIn(CaseState::Claimed); // by clerk1
    CaseWorkflow cases(f.store(), f.options());
    const qint64 clerk2 = f.user(QStringLiteral("clerk2"));
    QCOMPARE(cases.claim(clerk2, caseId).error().code, ErrorCode::Conflict);
    f.clock().advance(599);
    QCOMPARE(cases.claim(clerk2, caseId).error().code, ErrorCode::Conflict);
    f.clock().advance(1);
    QVERIFY(cases.claim(clerk2, caseId).ok());
    QCOMPARE(f.store().caseStatus(caseId).value().assigneeId, clerk2);
    QCOMPARE(f.store().caseStatus(caseId).value().claimExpiresAt, f.clock().now().addSecs(600));
}

void TestCaseWorkflow::decidingAfterTheClaimExpiredIsRefused()
{
    test::StoreFixture f(WorkflowOptions{600, 2});
    QVERIFY(f.ok());
    const qint64 caseId = f.caseIn(CaseState::Claimed);
    f.clock().advance(600);
    auto refused = CaseWorkflow(f.store(), f.options())
                       .decide(f.user(QStringLiteral("clerk1")), caseId, {DecisionOutcome::Approved, {}, {}});
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    QVERIFY(refused.error().message.contains(QStringLiteral("expired")));
    QCOMPARE(f.store().caseStatus(caseId).value().state, CaseState::Claimed);
}

void TestCaseWorkflow::fourEyesOwnDecision()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 sup1 = f.user(QStringLiteral("sup1"));
    const qint64 sup2 = f.user(QStringLiteral("sup2"));
    CaseWorkflow cases(f.store());
    BatchWorkflow batches(f.store());
    const qint64 other = f.caseIn(CaseState::Decided); // decided by clerk1
    const qint64 own = f.caseIn(CaseState::Verified);
    QVERIFY(cases.claim(sup1, own).ok());
    QVERIFY(cases.decide(sup1, own, {DecisionOutcome::Approved, {}, {}}).ok());
    auto batch = batches.submit(sup1, {other, own});
    QVERIFY(batch.ok());
    const qint64 auditBefore = auditCount(f);
    auto refused = batches.approve(sup1, batch.value(), QString::fromLatin1(kSpecimen));
    QCOMPARE(refused.error().code, ErrorCode::FourEyesViolation);
    // Nothing moved: neither the batch nor its cases; the only new audit entry is the re-authentication.
    QCOMPARE(f.store().caseStatus(own).value().state, CaseState::Batched);
    QCOMPARE(f.store().caseStatus(other).value().state, CaseState::Batched);
    QCOMPARE(auditCount(f), auditBefore + 1);
    auto db = f.store().connections().database();
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT action FROM audit ORDER BY seq DESC LIMIT 1"))
                 .value()
                 .toString(),
             QStringLiteral("reauthenticated"));
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT state FROM batches WHERE id = %1").arg(batch.value()))
                 .value()
                 .toString(),
             QStringLiteral("submitted"));
    // Another supervisor may approve it.
    QVERIFY(batches.approve(sup2, batch.value(), QString::fromLatin1(kSpecimen)).ok());
    QCOMPARE(f.store().caseStatus(own).value().state, CaseState::BatchApproved);
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT approved_by FROM batches WHERE id = %1").arg(batch.value()))
                 .value()
                 .toLongLong(),
             sup2);
}

void TestCaseWorkflow::fourEyesAfterAReturn()
{
    // sup1 decided the case; sup2 returned it; clerk... the case is re-decided by sup1 or anyone:
    // whoever ever decided it may not approve the batch it ends up in.
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 sup1 = f.user(QStringLiteral("sup1"));
    const qint64 sup2 = f.user(QStringLiteral("sup2"));
    const qint64 clerk2 = f.user(QStringLiteral("clerk2"));
    CaseWorkflow cases(f.store());
    BatchWorkflow batches(f.store());
    const qint64 caseId = f.caseIn(CaseState::Verified);
    QVERIFY(cases.claim(sup1, caseId).ok());
    QVERIFY(cases.decide(sup1, caseId, {DecisionOutcome::Approved, {}, {}}).ok());
    auto first = batches.submit(sup1, {caseId});
    QVERIFY(batches.returnCase(sup2, first.value(), caseId, QStringLiteral("please look again")).ok());
    auto returned = f.store().caseStatus(caseId).value();
    QCOMPARE(returned.state, CaseState::Returned);
    QCOMPARE(returned.assigneeId, sup1);
    QCOMPARE(returned.returnComment, QStringLiteral("please look again"));
    // sup1 lets the return lapse; clerk2 takes it over and decides.
    f.clock().advance(WorkflowOptions{}.claimSeconds);
    QVERIFY(cases.claim(clerk2, caseId).ok());
    QVERIFY(cases.decide(clerk2, caseId, {DecisionOutcome::Approved, {}, {}}).ok());
    auto second = batches.submit(clerk2, {caseId});
    QVERIFY(second.ok());
    QCOMPARE(batches.approve(sup1, second.value(), QString::fromLatin1(kSpecimen)).error().code,
             ErrorCode::FourEyesViolation);
    QVERIFY(batches.approve(sup2, second.value(), QString::fromLatin1(kSpecimen)).ok());
}

void TestCaseWorkflow::approvalNeedsThePassword()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 caseId = f.caseIn(CaseState::Batched);
    const qint64 batchId = f.store().caseStatus(caseId).value().batchId;
    BatchWorkflow batches(f.store());
    QCOMPARE(batches.approve(f.user(QStringLiteral("sup2")), batchId, QStringLiteral("wrong password!")).error().code,
             ErrorCode::AuthenticationFailed);
    QCOMPARE(f.store().caseStatus(caseId).value().state, CaseState::Batched);
    auto db = f.store().connections().database();
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'login_failed' "
                                                    "AND actor = 'sup2'"))
                 .value()
                 .toInt(),
             1);
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT failed_attempts FROM users WHERE login = 'sup2'"))
                 .value()
                 .toInt(),
             1);
    QVERIFY(batches.approve(f.user(QStringLiteral("sup2")), batchId, QString::fromLatin1(kSpecimen)).ok());
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'reauthenticated' "
                                                    "AND actor = 'sup2'"))
                 .value()
                 .toInt(),
             1);
}

void TestCaseWorkflow::heldCaseCanOnlyBeRejected()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 caseId = f.caseIn(CaseState::Held, QStringLiteral("juminhyo_copy"));
    QCOMPARE(f.store().caseStatus(caseId).value().state, CaseState::Held);
    const qint64 clerk = f.user(QStringLiteral("clerk1"));
    CaseWorkflow cases(f.store());
    QVERIFY(cases.claim(clerk, caseId).ok());
    auto refused = cases.decide(clerk, caseId, {DecisionOutcome::Approved, {}, {}});
    QCOMPARE(refused.error().code, ErrorCode::PolicyRefused);
    QVERIFY(refused.error().message.contains(QStringLiteral("JPKI")));
    QVERIFY(cases.decide(clerk, caseId, {DecisionOutcome::Rejected, QStringLiteral("identity_method_not_accepted"), {}})
                .ok());
    QCOMPARE(f.store().caseStatus(caseId).value().outcome, DecisionOutcome::Rejected);
}

void TestCaseWorkflow::resubmissionCap()
{
    test::StoreFixture f(WorkflowOptions{1800, 1});
    QVERIFY(f.ok());
    const qint64 clerk = f.user(QStringLiteral("clerk1"));
    CaseWorkflow cases(f.store(), f.options());
    BatchWorkflow batches(f.store(), f.options());
    const qint64 caseId = f.caseIn(CaseState::Claimed);
    const CaseWorkflow::Decision resubmit{DecisionOutcome::ResubmissionRequested, QStringLiteral("selfie_blurred"), {}};
    QVERIFY(cases.decide(clerk, caseId, resubmit).ok());
    QCOMPARE(f.store().caseStatus(caseId).value().resubmissionCount, 1);
    auto batch = batches.submit(clerk, {caseId});
    QVERIFY(
        batches.returnCase(f.user(QStringLiteral("sup1")), batch.value(), caseId, QStringLiteral("decide it")).ok());
    QVERIFY(cases.claim(clerk, caseId).ok());
    QCOMPARE(cases.decide(clerk, caseId, resubmit).error().code, ErrorCode::LimitReached);
    QVERIFY(cases.decide(clerk, caseId, {DecisionOutcome::Rejected, QStringLiteral("no_usable_selfie"), {}}).ok());
    QCOMPARE(f.store().caseStatus(caseId).value().resubmissionCount, 1);
}

void TestCaseWorkflow::resubmissionCapSpansTheApplicantsAttempts()
{
    test::StoreFixture f(WorkflowOptions{1800, 2});
    QVERIFY(f.ok());
    const qint64 clerk = f.user(QStringLiteral("clerk1"));
    CaseWorkflow cases(f.store(), f.options());
    const CaseWorkflow::Decision resubmit{DecisionOutcome::ResubmissionRequested, QStringLiteral("selfie_blurred"), {}};
    const auto image = ImageSanitizer().sanitize(test::faceFreeJpeg(32, 32), QStringLiteral("frame0")).value();
    CaseBundle attempt = f.bundle();
    qint64 previous = 0;
    for (int count = 0; count < 3; ++count) {
        // Each new attempt: a new application id under the same reference.
        attempt.applicationId = QStringLiteral("resubmit-%1").arg(count);
        auto imported = test::StoreFixture::importWithPolicy(f.store(), attempt, {image},
                                                             test::StoreFixture::matchVerdict(attempt.applicationId));
        QVERIFY(imported.ok());
        const qint64 id = imported.value().caseId;
        const CaseRecord record = f.store().caseStatus(id).value();
        QCOMPARE(record.resubmissionCount, count);
        QCOMPARE(record.resubmissionOf, previous);
        QVERIFY(cases.claim(clerk, id).ok());
        const Status decided = cases.decide(clerk, id, resubmit);
        if (count < 2) {
            QVERIFY(decided.ok());
        } else {
            QCOMPARE(decided.error().code, ErrorCode::LimitReached); // the third attempt must be decided
            QVERIFY(cases.decide(clerk, id, {DecisionOutcome::Approved, {}, {}}).ok());
        }
        previous = id;
    }
}

void TestCaseWorkflow::rejectionNeedsAReason()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 caseId = f.caseIn(CaseState::Claimed);
    QCOMPARE(CaseWorkflow(f.store())
                 .decide(f.user(QStringLiteral("clerk1")), caseId, {DecisionOutcome::Rejected, {}, {}})
                 .error()
                 .code,
             ErrorCode::InvalidArgument);
}

void TestCaseWorkflow::refusedStepsLeaveNoTrace()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 caseId = f.caseIn(CaseState::Claimed);
    const qint64 before = auditCount(f);
    QVERIFY(!CaseWorkflow(f.store()).claim(f.user(QStringLiteral("clerk2")), caseId).ok());
    QVERIFY(!CaseWorkflow(f.store()).markNotified(f.user(QStringLiteral("clerk1")), caseId).ok());
    QCOMPARE(auditCount(f), before);
    // A successful step writes exactly one audit entry with it.
    QVERIFY(CaseWorkflow(f.store())
                .decide(f.user(QStringLiteral("clerk1")), caseId, {DecisionOutcome::Approved, {}, {}})
                .ok());
    QCOMPARE(auditCount(f), before + 1);
}

QTEST_GUILESS_MAIN(TestCaseWorkflow)
#include "TestCaseWorkflow.moc"
