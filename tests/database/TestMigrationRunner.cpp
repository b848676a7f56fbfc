#include "core/database/MigrationRunner.h"
#include "core/database/Sqlite.h"
#include "core/database/SqliteFileTarget.h"
#include "core/domain/DatabaseMarks.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <functional>

using namespace mado;

namespace {

constexpr int kMark = 0x54455354; // "TEST"

// A SqliteFileTarget on a real file that logs what the runner asks of it, and can run something
// between the runner's steps (another connection migrating, a refused lock).
class LoggingTarget : public SqliteFileTarget {
public:
    using SqliteFileTarget::SqliteFileTarget;
    QStringList log;
    std::function<void()> afterInspect;
    bool lockFails = false;
    bool acceptLegacy = false;

    bool acceptsUnmarkedWithVersion() const override { return acceptLegacy; }
    Status lock() override
    {
        log << QStringLiteral("lock");
        if (lockFails)
            return Error{ErrorCode::Database, QStringLiteral("lock refused")};
        return {};
    }
    void unlock() override { log << QStringLiteral("unlock"); }
    Result<State> inspect() override
    {
        log << QStringLiteral("inspect");
        auto state = SqliteFileTarget::inspect();
        if (afterInspect)
            afterInspect();
        return state;
    }
    Status apply(const Migration &step) override
    {
        log << QStringLiteral("apply %1").arg(step.version);
        return SqliteFileTarget::apply(step);
    }
};

std::vector<Migration> threeSteps()
{
    // Each step needs the one before it, so applying them out of order fails.
    return {{1, QStringLiteral("first"), QStringLiteral("CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1);")},
            {2, QStringLiteral("second"), QStringLiteral("CREATE TABLE b (x INTEGER); INSERT INTO b SELECT x FROM a;")},
            {3, QStringLiteral("third"), QStringLiteral("CREATE TABLE c (x INTEGER); INSERT INTO c SELECT x FROM b;")}};
}

} // namespace

// The shared migration runner (core/database) on real SQLite files through SqliteFileTarget, the
// target the receiver's spool uses: order, partial runs, a failing step, refusals, a step applied
// by another connection meanwhile, the lock hook. The case store's target is tested with the same
// cases in TestStoreMigrationTarget (SQLite and PostgreSQL).
class TestMigrationRunner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void appliesStepsInVersionOrder();
    void stopsAtATargetVersionAndContinuesLater();
    void failedStepRollsBackOnlyItself();
    void refusesANewerVersionUntouched();
    void refusesForeignDatabasesUntouched_data();
    void refusesForeignDatabasesUntouched();
    void acceptsAnUnmarkedVersionedDatabaseOnlyWhenTheTargetDoes();
    void skipsAStepAnotherConnectionApplied();
    void holdsTheLockAroundTheRun();
    void refusedLockChangesNothing();
    void refusesDuplicateStepNumbers();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("db.sqlite")); }
    sqlite3 *db() const { return m_db.get(); }
    qint64 query(const char *sql) const
    {
        auto value = Sqlite::queryInt(db(), sql);
        return value ? value.value() : -1;
    }
    QByteArray fileBytes() const
    {
        QFile file(path());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    Sqlite::Connection m_db;
};

void TestMigrationRunner::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = Sqlite::open(path(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, 5000);
    QVERIFY(opened.ok());
    m_db = std::move(opened).value();
}

void TestMigrationRunner::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestMigrationRunner::appliesStepsInVersionOrder()
{
    auto steps = threeSteps();
    std::swap(steps[0], steps[2]); // given as 3, 2, 1
    LoggingTarget target(db(), kMark, QStringLiteral("test database"));
    const auto reached = MigrationRunner::run(target, steps);
    QVERIFY2(reached.ok(), qPrintable(reached ? QString() : reached.error().message));
    QCOMPARE(reached.value(), 3);
    QCOMPARE(target.log, QStringList({QStringLiteral("lock"), QStringLiteral("inspect"), QStringLiteral("apply 1"),
                                      QStringLiteral("apply 2"), QStringLiteral("apply 3"), QStringLiteral("unlock")}));
    QCOMPARE(query("PRAGMA user_version"), 3);
    QCOMPARE(query("PRAGMA application_id"), kMark);
    QCOMPARE(query("SELECT x FROM c"), 1);
    // A second run finds nothing to do.
    LoggingTarget again(db(), kMark, QStringLiteral("test database"));
    QCOMPARE(MigrationRunner::run(again, threeSteps()).value(), 3);
    QVERIFY(!again.log.join(QLatin1Char(',')).contains(QStringLiteral("apply")));
}

void TestMigrationRunner::stopsAtATargetVersionAndContinuesLater()
{
    SqliteFileTarget target(db(), kMark, QStringLiteral("test database"));
    QCOMPARE(MigrationRunner::run(target, threeSteps(), 1).value(), 1);
    QCOMPARE(query("PRAGMA user_version"), 1);
    QCOMPARE(query("SELECT count(*) FROM sqlite_master WHERE name = 'b'"), 0);
    LoggingTarget later(db(), kMark, QStringLiteral("test database"));
    QCOMPARE(MigrationRunner::run(later, threeSteps()).value(), 3);
    QCOMPARE(later.log.filter(QStringLiteral("apply")),
             QStringList({QStringLiteral("apply 2"), QStringLiteral("apply 3")}));
}

void TestMigrationRunner::failedStepRollsBackOnlyItself()
{
    auto steps = threeSteps();
    // Step 2 creates its table, then fails: the table must go with it, and step 3 must not run.
    steps[1].sql = QStringLiteral("CREATE TABLE b (x INTEGER); INSERT INTO no_such_table VALUES (1);");
    LoggingTarget target(db(), kMark, QStringLiteral("test database"));
    const auto failed = MigrationRunner::run(target, steps);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::Database);
    QVERIFY2(failed.error().message.contains(QStringLiteral("test database migration 2 (second) failed")),
             qPrintable(failed.error().message));
    QVERIFY(failed.error().message.contains(QStringLiteral("no_such_table")));
    QCOMPARE(target.log.filter(QStringLiteral("apply")),
             QStringList({QStringLiteral("apply 1"), QStringLiteral("apply 2")}));
    QCOMPARE(target.log.last(), QStringLiteral("unlock"));
    QCOMPARE(query("PRAGMA user_version"), 1);
    QCOMPARE(query("SELECT count(*) FROM sqlite_master WHERE name IN ('b', 'c')"), 0);
    QCOMPARE(query("SELECT x FROM a"), 1);
    // No transaction is left open, and the corrected step applies from where it stopped.
    QCOMPARE(sqlite3_get_autocommit(db()), 1);
    LoggingTarget fixed(db(), kMark, QStringLiteral("test database"));
    QCOMPARE(MigrationRunner::run(fixed, threeSteps()).value(), 3);
    QCOMPARE(fixed.log.filter(QStringLiteral("apply")),
             QStringList({QStringLiteral("apply 2"), QStringLiteral("apply 3")}));
}

void TestMigrationRunner::refusesANewerVersionUntouched()
{
    SqliteFileTarget target(db(), kMark, QStringLiteral("test database"));
    QCOMPARE(MigrationRunner::run(target, threeSteps()).value(), 3);
    QVERIFY(Sqlite::exec(db(), "PRAGMA user_version = 9").ok());
    const QByteArray before = fileBytes();
    LoggingTarget older(db(), kMark, QStringLiteral("test database"));
    const auto refused = MigrationRunner::run(older, threeSteps());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::SchemaTooNew);
    QVERIFY2(refused.error().message.contains(QStringLiteral("schema version 9")), qPrintable(refused.error().message));
    QVERIFY(refused.error().message.contains(QStringLiteral("up to 3")));
    QVERIFY(older.log.filter(QStringLiteral("apply")).isEmpty());
    QCOMPARE(query("PRAGMA user_version"), 9);
    QCOMPARE(fileBytes(), before);
}

void TestMigrationRunner::refusesForeignDatabasesUntouched_data()
{
    QTest::addColumn<QByteArray>("setup");
    QTest::addColumn<QString>("message");
    QTest::addRow("another program's database") << QByteArray("PRAGMA application_id = 42; CREATE TABLE t (x)")
                                                << QStringLiteral("another program's database (application_id 42)");
    QTest::addRow("another program's, empty")
        << QByteArray("PRAGMA application_id = 42") << QStringLiteral("another program's database (application_id 42)");
    QTest::addRow("the receiver's spool")
        << QByteArray("PRAGMA application_id = " + QByteArray::number(database_mark::kSpool) + "; CREATE TABLE t (x)")
        << QStringLiteral("the database is the receiver's spool, not a test database");
    QTest::addRow("a case store") << QByteArray("PRAGMA application_id = " +
                                                QByteArray::number(database_mark::kCaseStore) + "; CREATE TABLE t (x)")
                                  << QStringLiteral("the database is a case store, not a test database");
    QTest::addRow("unmarked, with tables")
        << QByteArray("CREATE TABLE t (x)") << QStringLiteral("without the test database's mark");
    QTest::addRow("unmarked, with tables and a version") << QByteArray("CREATE TABLE t (x); PRAGMA user_version = 2")
                                                         << QStringLiteral("without the test database's mark");
}

void TestMigrationRunner::refusesForeignDatabasesUntouched()
{
    QFETCH(QByteArray, setup);
    QFETCH(QString, message);
    QVERIFY(Sqlite::exec(db(), setup.constData()).ok());
    const QByteArray before = fileBytes();
    LoggingTarget target(db(), kMark, QStringLiteral("test database"));
    const auto refused = MigrationRunner::run(target, threeSteps());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(refused.error().message.contains(message), qPrintable(refused.error().message));
    QVERIFY(refused.error().message.contains(QStringLiteral("nothing was changed")));
    QVERIFY(target.log.filter(QStringLiteral("apply")).isEmpty());
    QCOMPARE(fileBytes(), before);
}

void TestMigrationRunner::acceptsAnUnmarkedVersionedDatabaseOnlyWhenTheTargetDoes()
{
    // Made "before marks existed": step 1 applied, version 1, no application id.
    QVERIFY(Sqlite::exec(db(), "CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1); PRAGMA user_version = 1").ok());
    LoggingTarget strict(db(), kMark, QStringLiteral("test database"));
    QVERIFY(!MigrationRunner::run(strict, threeSteps()).ok());
    LoggingTarget legacy(db(), kMark, QStringLiteral("test database"));
    legacy.acceptLegacy = true;
    QCOMPARE(MigrationRunner::run(legacy, threeSteps()).value(), 3);
    QCOMPARE(legacy.log.filter(QStringLiteral("apply")),
             QStringList({QStringLiteral("apply 2"), QStringLiteral("apply 3")}));
    QCOMPARE(query("PRAGMA application_id"), kMark); // marked now
}

void TestMigrationRunner::skipsAStepAnotherConnectionApplied()
{
    // The runner reads version 0; before its first step, another connection (another process
    // opening the same file) applies steps 1 and 2. The version read again inside each step's
    // transaction makes the runner skip them instead of failing on "table a already exists".
    LoggingTarget target(db(), kMark, QStringLiteral("test database"));
    target.afterInspect = [this] {
        auto other = Sqlite::open(path(), SQLITE_OPEN_READWRITE, 5000);
        QVERIFY(other.ok());
        SqliteFileTarget otherTarget(other.value().get(), kMark, QStringLiteral("test database"));
        QCOMPARE(MigrationRunner::run(otherTarget, threeSteps(), 2).value(), 2);
    };
    const auto reached = MigrationRunner::run(target, threeSteps());
    QVERIFY2(reached.ok(), qPrintable(reached ? QString() : reached.error().message));
    QCOMPARE(reached.value(), 3);
    QCOMPARE(target.log.filter(QStringLiteral("apply")), QStringList({QStringLiteral("apply 3")}));
    QCOMPARE(query("SELECT count(*) FROM a"), 1); // step 1 ran once
}

void TestMigrationRunner::holdsTheLockAroundTheRun()
{
    LoggingTarget target(db(), kMark, QStringLiteral("test database"));
    QVERIFY(MigrationRunner::run(target, threeSteps()).ok());
    QCOMPARE(target.log.first(), QStringLiteral("lock"));
    QCOMPARE(target.log.count(QStringLiteral("lock")), 1);
    QCOMPARE(target.log.last(), QStringLiteral("unlock"));
    QCOMPARE(target.log.count(QStringLiteral("unlock")), 1);
    // Also when the run is refused.
    QVERIFY(Sqlite::exec(db(), "PRAGMA user_version = 9").ok());
    LoggingTarget refused(db(), kMark, QStringLiteral("test database"));
    QVERIFY(!MigrationRunner::run(refused, threeSteps()).ok());
    QCOMPARE(refused.log, QStringList({QStringLiteral("lock"), QStringLiteral("inspect"), QStringLiteral("unlock")}));
}

void TestMigrationRunner::refusedLockChangesNothing()
{
    LoggingTarget target(db(), kMark, QStringLiteral("test database"));
    target.lockFails = true;
    const auto refused = MigrationRunner::run(target, threeSteps());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().message, QStringLiteral("lock refused"));
    QCOMPARE(target.log, QStringList({QStringLiteral("lock")})); // not read, not unlocked
    QCOMPARE(query("PRAGMA application_id"), 0);
    QCOMPARE(query("SELECT count(*) FROM sqlite_master"), 0);
}

void TestMigrationRunner::refusesDuplicateStepNumbers()
{
    auto steps = threeSteps();
    steps[2].version = 2;
    LoggingTarget target(db(), kMark, QStringLiteral("test database"));
    const auto refused = MigrationRunner::run(target, steps);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Internal);
    QVERIFY(refused.error().message.contains(QStringLiteral("two migration steps numbered 2")));
    QVERIFY(target.log.isEmpty()); // refused before anything was read
    QCOMPARE(query("SELECT count(*) FROM sqlite_master"), 0);
}

QTEST_GUILESS_MAIN(TestMigrationRunner)
#include "TestMigrationRunner.moc"
