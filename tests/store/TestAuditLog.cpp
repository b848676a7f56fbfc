#include "core/store/AuditLog.h"
#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "tests/support/StoreFixture.h"

#include <QTest>

using namespace mado;
using namespace mado::test;

// Reading the audit chain for people (AuditLog) on a real store whose entries come from the real
// import and workflow.
class TestAuditLog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pagesNewestFirstWithoutGaps();
    void verifiesTheChainAndFindsAnEditedEntry();
};

void TestAuditLog::pagesNewestFirstWithoutGaps()
{
    StoreFixture f;
    QVERIFY(f.ok());
    QVERIFY(f.caseIn(CaseState::Decided));
    auto db = f.store().connections().database();
    QVERIFY(db.ok());
    const qint64 total = Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM audit")).value().toLongLong();
    QVERIFY(total > 5);

    AuditLog log(f.store());
    auto first = log.page();
    QVERIFY(first.ok());
    QCOMPARE(qint64(first.value().entries.size()), total);
    QVERIFY(!first.value().more);
    const AuditChain::Entry &newest = first.value().entries.front();
    QCOMPARE(newest.action, QStringLiteral("case_decided"));
    QCOMPARE(newest.actor, QStringLiteral("clerk1"));
    QVERIFY(newest.subject.startsWith(QStringLiteral("case:")));
    QCOMPARE(newest.at, f.clock().now());

    // Pages of 2, following seq down: the same entries in the same order.
    QList<qint64> paged;
    QList<bool> more;
    qint64 before = std::numeric_limits<qint64>::max();
    for (int guard = 0; guard < 100; ++guard) {
        auto page = log.page(before, 2);
        QVERIFY(page.ok());
        QVERIFY(page.value().entries.size() <= 2);
        for (const AuditChain::Entry &e : page.value().entries)
            paged.append(e.seq);
        more.append(page.value().more);
        if (!page.value().more)
            break;
        before = page.value().entries.back().seq;
    }
    QList<qint64> all;
    for (const AuditChain::Entry &e : first.value().entries)
        all.append(e.seq);
    QCOMPARE(paged, all);
    QCOMPARE(more.size(), int((total + 1) / 2));
    for (int i = 1; i < all.size(); ++i)
        QVERIFY(all.at(i) < all.at(i - 1));
}

void TestAuditLog::verifiesTheChainAndFindsAnEditedEntry()
{
    StoreFixture f;
    QVERIFY(f.ok());
    QVERIFY(f.caseIn(CaseState::Claimed));
    AuditLog log(f.store());
    auto intact = log.verify();
    QVERIFY(intact.ok());
    QVERIFY(intact.value().ok);
    QCOMPARE(intact.value().entries, qint64(log.page().value().entries.size()));
    auto db = f.store().connections().database();
    QVERIFY(f.allowAuditTampering());
    QVERIFY(Sql::run(db.value(), QStringLiteral("UPDATE audit SET actor = 'mallory' WHERE seq = 3")).ok());
    auto broken = log.verify();
    QVERIFY(broken.ok());
    QVERIFY(!broken.value().ok);
    QCOMPARE(broken.value().firstBroken, qint64(3));
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "TestAuditLog.moc"
