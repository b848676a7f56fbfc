#include "core/store/BatchOverviewQuery.h"
#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/workflow/BatchWorkflow.h"
#include "core/workflow/CaseWorkflow.h"
#include "tests/support/StoreFixture.h"

#include <QTest>

using namespace mado;
using namespace mado::test;

// The supervisor's batch page data (BatchOverviewQuery) on a real store, with batches made through
// the real workflow.
class TestBatchOverviewQuery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listsUnbatchedCasesAndBatchesNewestFirst();
    void marksBatchesHoldingTheViewersOwnDecision();
    void keepsOnlyTheNewestBatches();
    void reportsADatabaseFailure();
};

namespace {

QList<qint64> caseIds(const std::vector<BatchCaseLine> &lines)
{
    QList<qint64> ids;
    for (const BatchCaseLine &line : lines)
        ids.append(line.caseId);
    return ids;
}

} // namespace

void TestBatchOverviewQuery::listsUnbatchedCasesAndBatchesNewestFirst()
{
    StoreFixture f;
    QVERIFY(f.ok());
    const qint64 decided1 = f.caseIn(CaseState::Decided);
    const qint64 decided2 = f.caseIn(CaseState::Decided);
    const qint64 approved = f.caseIn(CaseState::BatchApproved); // its own batch, approved by sup1
    const qint64 batched = f.caseIn(CaseState::Batched);        // a newer batch, submitted
    QVERIFY(f.caseIn(CaseState::Claimed));                      // not decided: on neither list
    QVERIFY(decided1 && decided2 && approved && batched);
    const qint64 sup2 = f.user(QStringLiteral("sup2"));

    auto overview = BatchOverviewQuery(f.store()).load(sup2);
    QVERIFY(overview.ok());
    const BatchOverview &o = overview.value();
    QCOMPARE(caseIds(o.unbatched), (QList<qint64>{decided1, decided2}));
    const BatchCaseLine &line = o.unbatched[0];
    QCOMPARE(line.reference, f.store().caseStatus(decided1).value().reference);
    QCOMPARE(line.procedure, QStringLiteral("tax_certificate"));
    QCOMPARE(line.state, QStringLiteral("decided"));
    QCOMPARE(line.outcome, QStringLiteral("approved"));
    QCOMPARE(line.decidedBy, QStringLiteral("clerk1"));

    QCOMPARE(o.batches.size(), size_t(2));
    const BatchLine &newest = o.batches[0];
    const BatchLine &older = o.batches[1];
    QVERIFY(newest.id > older.id);
    QCOMPARE(newest.state, QStringLiteral("submitted"));
    QCOMPARE(newest.submittedBy, QStringLiteral("clerk1"));
    QCOMPARE(newest.submittedAt, f.clock().now());
    QCOMPARE(newest.approvedBy, QString());
    QCOMPARE(caseIds(newest.cases), QList<qint64>{batched});
    QCOMPARE(newest.cases[0].state, QStringLiteral("batched"));
    QCOMPARE(older.state, QStringLiteral("approved"));
    QCOMPARE(older.approvedBy, QStringLiteral("sup1"));
    QCOMPARE(caseIds(older.cases), QList<qint64>{approved});
    QCOMPARE(older.cases[0].state, QStringLiteral("batch_approved"));
    QVERIFY(!newest.containsOwnDecision && !older.containsOwnDecision); // sup2 decided nothing
}

void TestBatchOverviewQuery::marksBatchesHoldingTheViewersOwnDecision()
{
    StoreFixture f;
    QVERIFY(f.ok());
    const qint64 sup1 = f.user(QStringLiteral("sup1"));
    const qint64 byClerk = f.caseIn(CaseState::Decided);
    const qint64 bySupervisor = f.caseIn(CaseState::Verified);
    QVERIFY(byClerk && bySupervisor);
    // Supervisors may decide cases too; then they must not approve the batch (four eyes).
    CaseWorkflow cases(f.store(), f.options());
    QVERIFY(cases.claim(sup1, bySupervisor).ok());
    QVERIFY(cases.decide(sup1, bySupervisor, {DecisionOutcome::Approved, QString(), QString()}).ok());
    BatchWorkflow batches(f.store(), f.options());
    auto clean = batches.submit(f.user(QStringLiteral("clerk1")), {byClerk});
    auto own = batches.submit(sup1, {bySupervisor});
    QVERIFY(clean.ok() && own.ok());

    auto forSup1 = BatchOverviewQuery(f.store()).load(sup1);
    QVERIFY(forSup1.ok());
    QCOMPARE(forSup1.value().batches.size(), size_t(2));
    QCOMPARE(forSup1.value().batches[0].id, own.value());
    QVERIFY(forSup1.value().batches[0].containsOwnDecision);
    QCOMPARE(forSup1.value().batches[0].cases[0].decidedBy, QStringLiteral("sup1"));
    QVERIFY(!forSup1.value().batches[1].containsOwnDecision);
    auto forSup2 = BatchOverviewQuery(f.store()).load(f.user(QStringLiteral("sup2")));
    QVERIFY(forSup2.ok());
    QVERIFY(!forSup2.value().batches[0].containsOwnDecision);
    // The workflow agrees: sup1 is refused, sup2 may approve.
    QCOMPARE(batches.approve(sup1, own.value(), QString::fromLatin1(StoreFixture::kPassword)).error().code,
             ErrorCode::FourEyesViolation);
}

void TestBatchOverviewQuery::keepsOnlyTheNewestBatches()
{
    StoreFixture f;
    QVERIFY(f.ok());
    QList<qint64> batchedCases;
    for (int i = 0; i < 3; ++i)
        batchedCases.append(f.caseIn(CaseState::Batched)); // one batch each
    QVERIFY(!batchedCases.contains(0));
    auto overview = BatchOverviewQuery(f.store()).load(f.user(QStringLiteral("sup1")), 2);
    QVERIFY(overview.ok());
    QCOMPARE(overview.value().batches.size(), size_t(2));
    QCOMPARE(caseIds(overview.value().batches[0].cases), QList<qint64>{batchedCases.at(2)});
    QCOMPARE(caseIds(overview.value().batches[1].cases), QList<qint64>{batchedCases.at(1)});
}

void TestBatchOverviewQuery::reportsADatabaseFailure()
{
    StoreFixture f;
    QVERIFY(f.ok());
    QVERIFY(f.caseIn(CaseState::Batched));
    auto db = f.store().connections().database();
    QVERIFY(db.ok());
    QVERIFY(Sql::run(db.value(), QStringLiteral("ALTER TABLE batch_cases RENAME TO batch_cases_gone")).ok());
    auto overview = BatchOverviewQuery(f.store()).load(f.user(QStringLiteral("sup1")));
    QVERIFY(!overview.ok());
    QCOMPARE(overview.error().code, ErrorCode::Database);
}

QTEST_GUILESS_MAIN(TestBatchOverviewQuery)
#include "TestBatchOverviewQuery.moc"
