#include "core/store/AuditChain.h"
#include "core/store/Sql.h"
#include "core/workflow/CaseWorkflow.h"
#include "tests/support/StoreFixture.h"

#include <QSemaphore>
#include <QThread>

#include <atomic>

#include <QTest>

using namespace mado;

// The audit hash chain: valid after real work, and an edited or deleted row is found and named.
class TestAuditChain : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void validAfterAWholeLifecycle();
    void namesAnEditedRow_data();
    void namesAnEditedRow();
    void detectsADeletedRow();
    void detectsAReorderedHash();
    void canonicalFormIsStable();
    void concurrentWritersKeepTheChain();
    void databaseRefusesAuditChanges();

private:
    static AuditChain::Verification verify(test::StoreFixture &f);
};

AuditChain::Verification TestAuditChain::verify(test::StoreFixture &f)
{
    auto db = f.store().connections().database();
    return AuditChain::verify(db.value()).value();
}

void TestAuditChain::validAfterAWholeLifecycle()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    QVERIFY(f.caseIn(CaseState::Notified) > 0);
    const auto result = verify(f);
    QVERIFY(result.ok);
    QVERIFY(result.entries >= 12); // users, register, import, verify, claim, decide, batch, approve, issue, notify
    QCOMPARE(result.headHash.size(), 64);
    auto db = f.store().connections().database();
    auto actions = Sql::run(db.value(), QStringLiteral("SELECT action FROM audit ORDER BY seq"));
    QStringList seen;
    while (actions.value().next())
        seen << actions.value().value(0).toString();
    for (const char *action :
         {"user_added", "register_imported", "case_imported", "case_verified", "case_claimed", "case_decided",
          "case_batched", "batch_submitted", "batch_approved", "certificate_issued", "case_notified"})
        QVERIFY2(seen.contains(QLatin1String(action)), action);
}

void TestAuditChain::namesAnEditedRow_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("value");
    QTest::addRow("actor changed") << QStringLiteral("actor") << QStringLiteral("'sup2'");
    QTest::addRow("action changed") << QStringLiteral("action") << QStringLiteral("'case_rejected'");
    QTest::addRow("detail changed") << QStringLiteral("detail") << QStringLiteral("'{\"outcome\":\"rejected\"}'");
    QTest::addRow("time changed") << QStringLiteral("at") << QStringLiteral("'2026-01-01T00:00:00.000Z'");
    QTest::addRow("hash rewritten") << QStringLiteral("hash")
                                    << QStringLiteral("'%1'").arg(QString(64, QLatin1Char('a')));
}

void TestAuditChain::namesAnEditedRow()
{
    QFETCH(QString, column);
    QFETCH(QString, value);
    test::StoreFixture f;
    QVERIFY(f.ok());
    QVERIFY(f.caseIn(CaseState::Decided) > 0);
    auto db = f.store().connections().database();
    const qint64 target = Sql::scalar(db.value(), QStringLiteral("SELECT seq FROM audit WHERE action = 'case_decided'"))
                              .value()
                              .toLongLong();
    QVERIFY(verify(f).ok);
    // Someone with write access to the file edits the row directly.
    QVERIFY(f.allowAuditTampering());
    QVERIFY(
        Sql::run(db.value(), QStringLiteral("UPDATE audit SET %1 = %2 WHERE seq = %3").arg(column, value).arg(target))
            .ok());
    const auto result = verify(f);
    QVERIFY(!result.ok);
    // The edited row itself is named: its stored hash no longer matches its content.
    QCOMPARE(result.firstBroken, target);
    QVERIFY(!result.problem.isEmpty());
}

void TestAuditChain::detectsADeletedRow()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    QVERIFY(f.caseIn(CaseState::Decided) > 0);
    auto db = f.store().connections().database();
    const qint64 claimed =
        Sql::scalar(db.value(), QStringLiteral("SELECT seq FROM audit WHERE action = 'case_claimed'"))
            .value()
            .toLongLong();
    QVERIFY(f.allowAuditTampering());
    QVERIFY(Sql::run(db.value(), QStringLiteral("DELETE FROM audit WHERE seq = %1").arg(claimed)).ok());
    const auto result = verify(f);
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBroken, claimed + 1);
    QVERIFY2(result.problem.contains(QStringLiteral("entry %1 missing").arg(claimed)), qPrintable(result.problem));
}

void TestAuditChain::detectsAReorderedHash()
{
    // Deleting a row and renumbering the rest to hide the gap still breaks the chain of hashes.
    test::StoreFixture f;
    QVERIFY(f.ok());
    QVERIFY(f.caseIn(CaseState::Decided) > 0);
    auto db = f.store().connections().database();
    const qint64 claimed =
        Sql::scalar(db.value(), QStringLiteral("SELECT seq FROM audit WHERE action = 'case_claimed'"))
            .value()
            .toLongLong();
    QVERIFY(f.allowAuditTampering());
    QVERIFY(Sql::run(db.value(), QStringLiteral("DELETE FROM audit WHERE seq = %1").arg(claimed)).ok());
    QVERIFY(Sql::run(db.value(), QStringLiteral("UPDATE audit SET seq = seq - 1 WHERE seq > %1").arg(claimed)).ok());
    const auto result = verify(f);
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBroken, claimed);
}

void TestAuditChain::databaseRefusesAuditChanges()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    if (!f.isPostgresql())
        QSKIP("SQLite has no database rules: one file, one workstation; AuditChain::verify finds edits");
    QVERIFY(f.caseIn(CaseState::Claimed) > 0);
    auto db = f.store().connections().database();
    for (const QString &statement :
         {QStringLiteral("UPDATE audit SET actor = 'mallory' WHERE seq = 2"),
          QStringLiteral("DELETE FROM audit WHERE seq = 2"), QStringLiteral("TRUNCATE audit")}) {
        auto refused = Sql::run(db.value(), statement);
        QVERIFY2(!refused.ok(), qPrintable(statement));
        QVERIFY2(refused.error().message.contains(QStringLiteral("audit_append_only")),
                 qPrintable(refused.error().message));
    }
    QVERIFY(verify(f).ok);
    QVERIFY(verify(f).entries > 2);
}

void TestAuditChain::canonicalFormIsStable()
{
    AuditChain::Entry entry{7,
                            QDateTime(QDate(2026, 11, 27), QTime(1, 2, 3, 4), Qt::UTC),
                            QStringLiteral("clerk1"),
                            QStringLiteral("case_claimed"),
                            QStringLiteral("case:3"),
                            QJsonObject{{QStringLiteral("z"), 1}, {QStringLiteral("a"), QStringLiteral("x")}}};
    QCOMPARE(AuditChain::canonical(entry),
             QByteArray("{\"action\":\"case_claimed\",\"actor\":\"clerk1\",\"at\":\"2026-11-27T01:02:03.004Z\","
                        "\"detail\":{\"a\":\"x\",\"z\":1},\"seq\":\"7\",\"subject\":\"case:3\"}"));
    // SHA-256 over the genesis hash and those bytes, computed independently with sha256sum.
    QCOMPARE(AuditChain::chainHash(QString::fromLatin1(AuditChain::kGenesisHash), entry),
             QStringLiteral("b471fc3a47333b0fed7496e550f36d0feae5b382b9c8bb14e6833f67a18e4830"));
}

void TestAuditChain::concurrentWritersKeepTheChain()
{
    // Four threads (own connections) claim and decide their own cases at the same time: every
    // append reads the previous hash inside its write transaction, so the chain stays one line.
    test::StoreFixture f;
    QVERIFY(f.ok());
    const int threadsCount = 4;
    const int perThread = 15;
    std::vector<std::vector<qint64>> cases(threadsCount);
    for (auto &list : cases) {
        for (int i = 0; i < perThread; ++i)
            list.push_back(f.caseIn(CaseState::Verified));
    }
    const qint64 before = verify(f).entries;
    const QString logins[threadsCount] = {QStringLiteral("clerk1"), QStringLiteral("clerk2"), QStringLiteral("sup1"),
                                          QStringLiteral("sup2")};
    QSemaphore ready, go;
    std::atomic<int> failures{0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < threadsCount; ++t) {
        threads.emplace_back(QThread::create([&, t] {
            ready.release();
            go.acquire();
            CaseWorkflow workflow(f.store());
            for (qint64 id : cases[t]) {
                if (!workflow.claim(f.user(logins[t]), id) ||
                    !workflow.decide(f.user(logins[t]), id, {DecisionOutcome::Approved, {}, {}}))
                    ++failures;
            }
            f.store().connections().closeForThisThread();
        }));
        threads.back()->start();
    }
    ready.acquire(threadsCount);
    go.release(threadsCount);
    for (auto &thread : threads)
        QVERIFY(thread->wait(60000));
    QCOMPARE(failures.load(), 0);
    const auto result = verify(f);
    QVERIFY(result.ok);
    QCOMPARE(result.entries, before + 2 * threadsCount * perThread);
}

QTEST_GUILESS_MAIN(TestAuditChain)
#include "TestAuditChain.moc"
