#include "core/store/CaseQueue.h"
#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/StoreTime.h"
#include "tests/support/StoreFixture.h"

#include <QTest>

using namespace mado;
using namespace mado::test;

// The one queue of the case store (CaseQueue) on a real store file, with cases driven through
// the real import and workflow by StoreFixture.
class TestCaseQueue : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listsWaitingCasesWithTheVerdictSummary();
    void filtersByStateProcedureAssigneeBandAndReference();
    void showsTheLatestVerdictOnly();
    void pagesAfterAnIdWithoutGapsOrRepeats();
    void countsCasesPerState();
    void reportsADatabaseFailure();
};

namespace {

QList<qint64> ids(const QueuePage &page)
{
    QList<qint64> result;
    for (const QueueEntry &e : page.entries)
        result.append(e.caseId);
    return result;
}

QList<qint64> idsFor(CaseStore &store, qint64 viewer, const QueueFilter &filter)
{
    auto page = CaseQueue(store).page(viewer, filter);
    if (!page) {
        qWarning("queue: %s", qPrintable(page.error().message));
        return {-1};
    }
    return ids(page.value());
}

// A later verification of the case with another band (what re-running the face engine stores).
bool addVerdict(StoreFixture &f, qint64 caseId, const QString &band, const QString &flagReason)
{
    Verdict v = StoreFixture::matchVerdict(QStringLiteral("again"));
    v.band = band;
    v.checks = {Check{QStringLiteral("face_match"), Outcome::Fail, flagReason, 0.7}};
    auto db = f.store().connections().database();
    return db && CaseStore::insertVerdict(db.value(), caseId, v, f.clock().now()).ok();
}

} // namespace

void TestCaseQueue::listsWaitingCasesWithTheVerdictSummary()
{
    StoreFixture f;
    QVERIFY(f.ok());
    QVERIFY(f.caseIn(CaseState::Imported) > 0);
    const qint64 verified = f.caseIn(CaseState::Verified);
    const qint64 held = f.caseIn(CaseState::Held);
    const qint64 claimed = f.caseIn(CaseState::Claimed); // by clerk1
    QVERIFY(f.caseIn(CaseState::Decided) > 0);
    QueueFilter waiting;
    waiting.states = CaseQueue::waitingStates();
    CaseQueue queue(f.store());
    auto page = queue.page(f.user(QStringLiteral("clerk2")), waiting);
    QVERIFY(page.ok());
    QCOMPARE(ids(page.value()), (QList<qint64>{verified, held, claimed}));
    QVERIFY(!page.value().more);
    const QueueEntry &first = page.value().entries[0];
    QVERIFY(first.available);
    QVERIFY(!first.held);
    QCOMPARE(first.state, CaseState::Verified);
    QCOMPARE(first.band, QStringLiteral("match"));
    QCOMPARE(first.overall, QStringLiteral("warn"));
    QCOMPARE(first.flags, QStringLiteral("flat_photo:flat_photo_suspected"));
    QCOMPARE(first.reference, f.store().caseStatus(verified).value().reference);
    QCOMPARE(first.procedure, QStringLiteral("tax_certificate"));
    QVERIFY(first.receivedAt.isValid() && first.receivedAt <= f.clock().now());
    QCOMPARE(first.assignee, QString());
    QVERIFY(page.value().entries[1].held);
    const QueueEntry &third = page.value().entries[2];
    QCOMPARE(third.state, CaseState::Claimed);
    QCOMPARE(third.assigneeId, f.user(QStringLiteral("clerk1")));
    QCOMPARE(third.assignee, QStringLiteral("clerk1"));
    QVERIFY(third.claimExpiresAt.isValid());
    QVERIFY(!third.available); // clerk1's live claim
    QVERIFY(queue.page(f.user(QStringLiteral("clerk1")), waiting).value().entries[2].available);
    f.clock().advance(WorkflowOptions{}.claimSeconds);
    QVERIFY(queue.page(f.user(QStringLiteral("clerk2")), waiting).value().entries[2].available);
}

void TestCaseQueue::filtersByStateProcedureAssigneeBandAndReference()
{
    StoreFixture f;
    QVERIFY(f.ok());
    const qint64 verified = f.caseIn(CaseState::Verified);
    const qint64 exemption = f.caseIn(CaseState::Verified, QStringLiteral("tax_exemption_certificate"));
    const qint64 claimed = f.caseIn(CaseState::Claimed);
    const qint64 decided = f.caseIn(CaseState::Decided);
    const qint64 batched = f.caseIn(CaseState::Batched);
    QVERIFY(verified && exemption && claimed && decided && batched);
    QVERIFY(addVerdict(f, exemption, QStringLiteral("mismatch"), QStringLiteral("distance")));
    CaseStore &store = f.store();
    const qint64 clerk1 = f.user(QStringLiteral("clerk1"));

    QCOMPARE(idsFor(store, clerk1, {}), (QList<qint64>{verified, exemption, claimed, decided, batched}));
    QueueFilter states;
    states.states = {QStringLiteral("claimed"), QStringLiteral("batched")};
    QCOMPARE(idsFor(store, clerk1, states), (QList<qint64>{claimed, batched}));
    QueueFilter procedure;
    procedure.procedure = QStringLiteral("tax_exemption_certificate");
    QCOMPARE(idsFor(store, clerk1, procedure), (QList<qint64>{exemption}));
    QueueFilter mine;
    mine.assigneeId = clerk1; // a decided case keeps its clerk as assignee
    const QList<qint64> clerk1Cases = idsFor(store, clerk1, mine);
    QVERIFY(clerk1Cases.contains(claimed));
    QVERIFY(!clerk1Cases.contains(verified));
    mine.assigneeId = f.user(QStringLiteral("clerk2"));
    QCOMPARE(idsFor(store, clerk1, mine), QList<qint64>());
    QueueFilter band;
    band.band = QStringLiteral("mismatch");
    QCOMPARE(idsFor(store, clerk1, band), (QList<qint64>{exemption}));
    band.band = QStringLiteral("match");
    QCOMPARE(idsFor(store, clerk1, band), (QList<qint64>{verified, claimed, decided, batched}));

    // The reference is searched for literally: LIKE's wildcards and the escape character find nothing.
    const QString reference = store.caseStatus(claimed).value().reference; // MDG-000003
    QueueFilter search;
    search.reference = reference.right(3);
    QCOMPARE(idsFor(store, clerk1, search), (QList<qint64>{claimed}));
    for (const QString &wildcard : {QStringLiteral("%"), QStringLiteral("_"), QStringLiteral("MDG_"),
                                    QStringLiteral("!"), QStringLiteral("!%")}) {
        search.reference = wildcard;
        QVERIFY2(idsFor(store, clerk1, search).isEmpty(), qPrintable(wildcard));
    }

    QueueFilter combined;
    combined.states = {QStringLiteral("verified")};
    combined.band = QStringLiteral("match");
    combined.procedure = QStringLiteral("tax_certificate");
    QCOMPARE(idsFor(store, clerk1, combined), (QList<qint64>{verified}));
}

void TestCaseQueue::showsTheLatestVerdictOnly()
{
    StoreFixture f;
    QVERIFY(f.ok());
    const qint64 id = f.caseIn(CaseState::Verified);
    QVERIFY(id);
    QVERIFY(addVerdict(f, id, QStringLiteral("review"), QStringLiteral("distance")));
    auto page = CaseQueue(f.store()).page(0, {});
    QVERIFY(page.ok());
    QCOMPARE(page.value().entries.size(), size_t(1)); // one row per case, not per verdict
    QCOMPARE(page.value().entries[0].band, QStringLiteral("review"));
    QCOMPARE(page.value().entries[0].overall, QStringLiteral("fail"));
    QCOMPARE(page.value().entries[0].flags, QStringLiteral("face_match:distance"));
    // A case without a verdict yet is listed with an empty summary.
    const qint64 imported = f.caseIn(CaseState::Imported);
    page = CaseQueue(f.store()).page(0, {}, id);
    QVERIFY(page.ok());
    QCOMPARE(ids(page.value()), QList<qint64>{imported});
    QCOMPARE(page.value().entries[0].band, QString());
    QCOMPARE(page.value().entries[0].state, CaseState::Imported);
}

void TestCaseQueue::pagesAfterAnIdWithoutGapsOrRepeats()
{
    StoreFixture f;
    QVERIFY(f.ok());
    QList<qint64> all;
    for (int i = 0; i < 7; ++i)
        all.append(f.caseIn(CaseState::Verified));
    QVERIFY(!all.contains(0));
    CaseQueue queue(f.store());
    QList<qint64> seen;
    QList<bool> more;
    qint64 after = 0;
    for (int guard = 0; guard < 10; ++guard) {
        auto page = queue.page(0, {}, after, 3);
        QVERIFY(page.ok());
        seen += ids(page.value());
        more.append(page.value().more);
        if (!page.value().more)
            break;
        after = page.value().entries.back().caseId;
    }
    QCOMPARE(seen, all);
    QCOMPARE(more, (QList<bool>{true, true, false}));
    // Exactly a page's worth left: no further page is announced.
    auto last = queue.page(0, {}, all.at(3), 3);
    QVERIFY(last.ok());
    QCOMPARE(ids(last.value()), all.mid(4));
    QVERIFY(!last.value().more);
}

void TestCaseQueue::countsCasesPerState()
{
    StoreFixture f;
    QVERIFY(f.ok());
    for (CaseState state : {CaseState::Verified, CaseState::Verified, CaseState::Held, CaseState::Claimed,
                            CaseState::Decided, CaseState::Batched, CaseState::BatchApproved})
        QVERIFY(f.caseIn(state));
    auto counts = CaseQueue(f.store()).countsPerState();
    QVERIFY(counts.ok());
    const QMap<QString, qint64> expected{{QStringLiteral("verified"), 2}, {QStringLiteral("held"), 1},
                                         {QStringLiteral("claimed"), 1},  {QStringLiteral("decided"), 1},
                                         {QStringLiteral("batched"), 1},  {QStringLiteral("batch_approved"), 1}};
    QCOMPARE(counts.value(), expected);
}

void TestCaseQueue::reportsADatabaseFailure()
{
    StoreFixture f;
    QVERIFY(f.ok());
    QVERIFY(f.caseIn(CaseState::Verified));
    auto db = f.store().connections().database();
    QVERIFY(db.ok());
    // A store whose verdict table is gone (damaged by hand) fails the query instead of showing rows.
    QVERIFY(Sql::run(db.value(), QStringLiteral("ALTER TABLE verdicts RENAME TO verdicts_gone")).ok());
    auto page = CaseQueue(f.store()).page(0, {});
    QVERIFY(!page.ok());
    QCOMPARE(page.error().code, ErrorCode::Database);
}

QTEST_GUILESS_MAIN(TestCaseQueue)
#include "TestCaseQueue.moc"
