#include "core/store/AuditChain.h"
#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/StoreBackup.h"
#include "core/workflow/CaseWorkflow.h"
#include "tests/support/FilePrivacy.h"
#include "tests/support/StoreFixture.h"

#include <QFile>
#include <QTest>

using namespace mado;

// Online backup with sqlite3_backup_*: the copy opens as a store with the same counts and a valid chain.
class TestStoreBackup : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void backupThenRestoreGivesTheSameStore();
    void backupWhileAnotherConnectionHoldsAReadTransaction();
    void refusesToOverwrite();
};

void TestStoreBackup::backupThenRestoreGivesTheSameStore()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    for (CaseState state : {CaseState::Imported, CaseState::Claimed, CaseState::Decided, CaseState::Notified})
        QVERIFY(f.caseIn(state) > 0);
    auto original = f.store().statistics();
    QVERIFY(original.ok());
    QVERIFY(original.value().value(QStringLiteral("table:images")) >= 4);
    const QString copy = f.dir() + QStringLiteral("/backup.sqlite");
    auto figures = StoreBackup::backup(f.path(), copy);
    QVERIFY2(figures.ok(), qPrintable(figures ? QString() : figures.error().message));
    QVERIFY(figures.value().pages > 0);
    QCOMPARE(figures.value().bytes, QFile(copy).size());

    // Restore: a new file from the copy, opened as a store.
    const QString restored = f.dir() + QStringLiteral("/restored.sqlite");
    QVERIFY(QFile::copy(copy, restored));
    test::MockClock clock;
    // Its images are sealed: without the store's key (kept apart from backups) it does not open.
    QVERIFY(!CaseStore::open(restored, clock).ok());
    // A copied key is made private again (the copy is on POSIX; on Windows it takes its folder's access list).
    QVERIFY(QFile::copy(f.path() + QStringLiteral(".key"), restored + QStringLiteral(".key")));
    QVERIFY(makeFilePrivate(restored + QStringLiteral(".key")));
    auto store = CaseStore::open(restored, clock);
    QVERIFY2(store.ok(), qPrintable(store ? QString() : store.error().message));
    auto counts = store.value()->statistics();
    QVERIFY(counts.ok());
    QCOMPARE(counts.value(), original.value());
    auto db = store.value()->connections().database();
    auto chain = AuditChain::verify(db.value());
    QVERIFY(chain.value().ok);
    auto liveDb = f.store().connections().database();
    QCOMPARE(chain.value().headHash, AuditChain::verify(liveDb.value()).value().headHash);
    // And it works: the restored store accepts the next transition, chained onto the restored head.
    const qint64 verified =
        Sql::scalar(db.value(), QStringLiteral("SELECT id FROM cases WHERE state = 'imported'")).value().toLongLong();
    QVERIFY(CaseWorkflow(*store.value())
                .markVerified(f.user(QStringLiteral("clerk1")), verified,
                              test::StoreFixture::matchVerdict(QStringLiteral("x")))
                .ok());
    QVERIFY(AuditChain::verify(db.value()).value().ok);
}

void TestStoreBackup::backupWhileAnotherConnectionHoldsAReadTransaction()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    QVERIFY(f.caseIn(CaseState::Verified) > 0);
    auto db = f.store().connections().database();
    QVERIFY(Sql::run(db.value(), QStringLiteral("BEGIN")).ok());
    auto reading = Sql::run(db.value(), QStringLiteral("SELECT COUNT(*) FROM cases"));
    QVERIFY(reading.value().next());
    auto figures = StoreBackup::backup(f.path(), f.dir() + QStringLiteral("/b.sqlite"));
    QVERIFY(figures.ok());
    reading.value().finish();
    QVERIFY(Sql::run(db.value(), QStringLiteral("COMMIT")).ok());
}

void TestStoreBackup::refusesToOverwrite()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const QString target = f.dir() + QStringLiteral("/exists.sqlite");
    QFile file(target);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    auto refused = StoreBackup::backup(f.path(), target);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestStoreBackup)
#include "TestStoreBackup.moc"
