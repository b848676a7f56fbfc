#include "core/database/MigrationRunner.h"
#include "core/store/Migrator.h"
#include "core/store/Sql.h"
#include "core/store/StoreConnections.h"
#include "core/store/StoreMigrationTarget.h"
#include "tests/support/TestDatabase.h"

#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;

namespace {

std::vector<Migration> threeSteps()
{
    // Each step needs the one before it, so applying them out of order fails.
    return {
        {1, QStringLiteral("first"), QStringLiteral("CREATE TABLE a (x INTEGER);\nINSERT INTO a VALUES (1);")},
        {2, QStringLiteral("second"), QStringLiteral("CREATE TABLE b (x INTEGER);\nINSERT INTO b SELECT x FROM a;")},
        {3, QStringLiteral("third"), QStringLiteral("CREATE TABLE c (x INTEGER);\nINSERT INTO c SELECT x FROM b;")}};
}

// The store's target, noting the steps it applies and whether the migration lock was held then.
class NotingTarget : public StoreMigrationTarget {
public:
    explicit NotingTarget(QSqlDatabase db) : StoreMigrationTarget(db), m_db(db) {}
    QList<int> applied;
    bool lockHeldWhileApplying = true;

    Status apply(const Migration &step) override
    {
        applied << step.version;
        if (Sql::isPostgresql(m_db)) {
            auto held = Sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                                         "AND granted AND pid = pg_backend_pid() AND objid = %1")
                                              .arg(Migrator::kMigrationLock));
            lockHeldWhileApplying = lockHeldWhileApplying && held && held.value().toInt() == 1;
        }
        return StoreMigrationTarget::apply(step);
    }

private:
    QSqlDatabase m_db;
};

} // namespace

// The shared migration runner (core/database) on the case store's own target (Qt Sql): the same
// cases as TestMigrationRunner on SQLite, and on PostgreSQL in the _pg run (TestDatabase).
class TestStoreMigrationTarget : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void appliesStepsInOrderAndRecordsThem();
    void failedStepRollsBackOnlyItself();
    void refusesANewerVersionUntouched();
    void refusesAnUnmarkedDatabaseWithTables();
    void refusesAnotherMark();

private:
    QSqlDatabase db() { return m_connections->database().value(); }
    int intValue(const QString &sql)
    {
        auto value = Sql::scalar(db(), sql);
        return value ? value.value().toInt() : -1;
    }
    int storeMark()
    {
        return intValue(m_database->isPostgresql() ? QStringLiteral("SELECT application_id FROM madoguchi_store")
                                                   : QStringLiteral("PRAGMA application_id"));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::TestDatabase> m_database;
    std::unique_ptr<StoreConnections> m_connections;
};

void TestStoreMigrationTarget::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<test::TestDatabase>(m_dir->filePath(QStringLiteral("s.sqlite")));
    QVERIFY2(!m_database->location().isEmpty(), qPrintable(m_database->error()));
    auto address = StoreAddress::parse(m_database->location());
    QVERIFY(address.ok());
    m_connections = std::make_unique<StoreConnections>(address.value());
    QVERIFY(m_connections->database().ok());
}

void TestStoreMigrationTarget::cleanup()
{
    m_connections.reset(); // before the PostgreSQL database is dropped
    m_database.reset();
    m_dir.reset();
}

void TestStoreMigrationTarget::appliesStepsInOrderAndRecordsThem()
{
    auto steps = threeSteps();
    std::swap(steps[0], steps[2]);
    NotingTarget target(db());
    const auto reached = MigrationRunner::run(target, steps);
    QVERIFY2(reached.ok(), qPrintable(reached ? QString() : reached.error().message));
    QCOMPARE(reached.value(), 3);
    QCOMPARE(target.applied, QList<int>({1, 2, 3}));
    QVERIFY(target.lockHeldWhileApplying);
    QCOMPARE(intValue(QStringLiteral("SELECT count(*) FROM schema_version")), 3);
    QCOMPARE(Sql::scalar(db(), QStringLiteral("SELECT name FROM schema_version WHERE version = 2")).value().toString(),
             QStringLiteral("second"));
    QCOMPARE(Migrator::currentVersion(db()).value(), 3);
    QCOMPARE(storeMark(), Migrator::kApplicationId);
    QCOMPARE(intValue(QStringLiteral("SELECT x FROM c")), 1);
    if (m_database->isPostgresql()) // the session's advisory lock is given back
        QCOMPARE(intValue(QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                         "AND pid = pg_backend_pid()")),
                 0);
    NotingTarget again(db());
    QCOMPARE(MigrationRunner::run(again, threeSteps()).value(), 3);
    QVERIFY(again.applied.isEmpty());
}

void TestStoreMigrationTarget::failedStepRollsBackOnlyItself()
{
    auto steps = threeSteps();
    steps[1].sql = QStringLiteral("CREATE TABLE b (x INTEGER);\nINSERT INTO no_such_table VALUES (1);");
    NotingTarget target(db());
    const auto failed = MigrationRunner::run(target, steps);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::Database);
    QVERIFY2(failed.error().message.contains(QStringLiteral("case store migration 2 (second) failed")),
             qPrintable(failed.error().message));
    QCOMPARE(target.applied, QList<int>({1, 2}));
    QCOMPARE(Migrator::currentVersion(db()).value(), 1);
    const QStringList tables = db().tables();
    QVERIFY(tables.contains(QStringLiteral("a")));
    QVERIFY(!tables.contains(QStringLiteral("b")));
    QVERIFY(!tables.contains(QStringLiteral("c")));
    // The connection is usable (no transaction left open or aborted) and the fixed step applies.
    NotingTarget fixed(db());
    QCOMPARE(MigrationRunner::run(fixed, threeSteps()).value(), 3);
    QCOMPARE(fixed.applied, QList<int>({2, 3}));
}

void TestStoreMigrationTarget::refusesANewerVersionUntouched()
{
    StoreMigrationTarget target(db());
    QCOMPARE(MigrationRunner::run(target, threeSteps()).value(), 3);
    QVERIFY(Sql::run(db(), QStringLiteral("INSERT INTO schema_version (version, name) VALUES (9, 'future')")).ok());
    const QStringList before = db().tables();
    NotingTarget older(db());
    const auto refused = MigrationRunner::run(older, threeSteps());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::SchemaTooNew);
    QVERIFY2(refused.error().message.contains(QStringLiteral("case store has schema version 9")),
             qPrintable(refused.error().message));
    QVERIFY(older.applied.isEmpty());
    QCOMPARE(Migrator::currentVersion(db()).value(), 9);
    QCOMPARE(db().tables(), before);
}

void TestStoreMigrationTarget::refusesAnUnmarkedDatabaseWithTables()
{
    QVERIFY(Sql::run(db(), QStringLiteral("CREATE TABLE notes (x INTEGER)")).ok());
    NotingTarget target(db());
    const auto refused = MigrationRunner::run(target, threeSteps());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(refused.error().message.contains(QStringLiteral("without the case store's mark")),
             qPrintable(refused.error().message));
    QCOMPARE(db().tables(), QStringList{QStringLiteral("notes")}); // no mark, no schema_version
    if (!m_database->isPostgresql())
        QCOMPARE(intValue(QStringLiteral("PRAGMA application_id")), 0);
}

void TestStoreMigrationTarget::refusesAnotherMark()
{
    if (m_database->isPostgresql()) {
        QVERIFY(Sql::run(db(), QStringLiteral("CREATE TABLE madoguchi_store (application_id INTEGER NOT NULL)")).ok());
        QVERIFY(Sql::run(db(), QStringLiteral("INSERT INTO madoguchi_store VALUES (42)")).ok());
    } else {
        QVERIFY(Sql::run(db(), QStringLiteral("PRAGMA application_id = 42")).ok());
    }
    NotingTarget target(db());
    const auto refused = MigrationRunner::run(target, threeSteps());
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("another program's database (application_id 42)")),
             qPrintable(refused.error().message));
    QVERIFY(target.applied.isEmpty());
    QVERIFY(!db().tables().contains(QStringLiteral("schema_version")));
    QCOMPARE(storeMark(), 42);
}

QTEST_GUILESS_MAIN(TestStoreMigrationTarget)
#include "TestStoreMigrationTarget.moc"
