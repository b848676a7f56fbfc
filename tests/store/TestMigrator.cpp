#include "core/receiver/spool/SpoolSchema.h"
#include "core/security/UserDirectory.h"
#include "core/store/CaseStore.h"
#include "core/store/ImageSanitizer.h"
#include "core/store/Migrator.h"
#include "core/store/Sql.h"
#include "core/store/StoreConnections.h"
#include "tests/support/BundleFactory.h"
#include "tests/support/ImageFiles.h"
#include "tests/support/MockClock.h"
#include "tests/support/StoreFixture.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace mado;

// Numbered schema revisions: from an empty file, from the previous revision with data in it, a
// newer schema refused untouched, and the statement splitter.
class TestMigrator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shipsNumberedRevisions();
    void migratesAnEmptyStore();
    void migratesFromThePreviousVersionKeepingData_data();
    void migratesFromThePreviousVersionKeepingData();
    void refusesANewerSchema();
    void refusesFilesThatAreNotAStore();
    void splitsStatements_data();
    void splitsStatements();
};

void TestMigrator::shipsNumberedRevisions()
{
    for (const auto dialect : {Migrator::Dialect::Sqlite, Migrator::Dialect::Postgresql}) {
        const auto revisions = Migrator::revisions(dialect);
        QVERIFY(revisions.size() >= 2);
        QCOMPARE(int(revisions.size()), Migrator::latestVersion()); // both backends share the numbers
        for (std::size_t i = 0; i < revisions.size(); ++i)
            QCOMPARE(revisions[i].version, int(i) + 1); // no gaps, no duplicates
    }
    // PostgreSQL takes its own file where the SQL differs, the common one elsewhere.
    const auto postgresql = Migrator::revisions(Migrator::Dialect::Postgresql);
    QVERIFY(postgresql[0].path.startsWith(QStringLiteral(":/sql/postgresql/")));
    QVERIFY(postgresql[2].path.startsWith(QStringLiteral(":/sql/0003")));
}

void TestMigrator::migratesAnEmptyStore()
{
    QTemporaryDir dir;
    test::MockClock clock;
    const QString path = dir.filePath(QStringLiteral("s.sqlite"));
    auto store = CaseStore::open(path, clock);
    QVERIFY2(store.ok(), qPrintable(store ? QString() : store.error().message));
    {
        auto db = store.value()->connections().database();
        QVERIFY(db.ok());
        QCOMPARE(Migrator::currentVersion(db.value()).value(), Migrator::latestVersion());
        const QStringList tables = db.value().tables();
        for (const char *table : {"users", "procedures", "cases", "images", "verdicts", "decisions", "batches",
                                  "batch_cases", "audit", "residents", "certificate_counters", "issuances"})
            QVERIFY2(tables.contains(QLatin1String(table)), table);
        QCOMPARE(Sql::scalar(db.value(), QStringLiteral("PRAGMA journal_mode")).value().toString(),
                 QStringLiteral("wal"));
        QCOMPARE(Sql::scalar(db.value(), QStringLiteral("PRAGMA foreign_keys")).value().toInt(), 1);
        // Foreign keys are enforced: an image of a case that does not exist is refused.
        auto orphan =
            Sql::run(db.value(), QStringLiteral("INSERT INTO images (case_id, role, width, height, sha256, "
                                                "source_sha256, bytes) VALUES (999, 'x', 1, 1, '', '', x'00')"));
        QVERIFY(!orphan.ok());
    }
    // Opening again is a no-op (the handles above are gone, so the connection closes cleanly).
    store.value().reset();
    auto again = CaseStore::open(path, clock);
    QVERIFY(again.ok());
}

void TestMigrator::migratesFromThePreviousVersionKeepingData_data()
{
    QTest::addColumn<int>("from");
    for (int version = 1; version < Migrator::latestVersion(); ++version)
        QTest::addRow("from %d", version) << version;
}

void TestMigrator::migratesFromThePreviousVersionKeepingData()
{
    QFETCH(int, from);
    QTemporaryDir dir;
    test::MockClock clock;
    const QString path = dir.filePath(QStringLiteral("s.sqlite"));
    {
        // A store as an older Madoguchi left it: only revisions up to `from`, with a user and a case
        // written with the columns revision 1 has (the current code expects the latest schema).
        auto store = CaseStore::open(path, clock, from);
        QVERIFY(store.ok());
        auto db = store.value()->connections().database();
        QCOMPARE(Migrator::currentVersion(db.value()).value(), from);
        QCOMPARE(db.value().tables().contains(QStringLiteral("issuances")), from >= 2);
        QVERIFY(UserDirectory(*store.value())
                    .bootstrapAdmin(QStringLiteral("admin"), QStringLiteral("A"), QStringLiteral("0123456789ab"))
                    .ok());
        QVERIFY(
            Sql::run(db.value(),
                     QStringLiteral("INSERT INTO cases (application_id, reference, procedure_key, identity_method, "
                                    "applicant_name, applicant_kana, date_of_birth, postal_code, prefecture, city, "
                                    "address_line, phone, email, copies, document_type, manifest_json, received_at, "
                                    "imported_at, state) VALUES ('app-old', 'MDG-OLD-1', 'tax_certificate', "
                                    "'ekyc_face', 'n', 'k', '1980-04-01', '100-0001', '東京都', 'c', 'l', '', '', 1, "
                                    "'my_number_card', '{}', '2026-01-01T00:00:00.000Z', "
                                    "'2026-01-01T00:00:00.000Z', 'verified')"))
                .ok());
    }
    auto store = CaseStore::open(path, clock);
    QVERIFY(store.ok());
    auto db = store.value()->connections().database();
    QCOMPARE(Migrator::currentVersion(db.value()).value(), Migrator::latestVersion());
    QVERIFY(db.value().tables().contains(QStringLiteral("issuances")));
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM cases")).value().toInt(), 1);
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT login FROM users")).value().toString(),
             QStringLiteral("admin"));
    // The old case reads with the current code.
    auto record = store.value()->caseStatus(1);
    QVERIFY(record.ok());
    QCOMPARE(record.value().state, CaseState::Verified);
    QCOMPARE(record.value().resubmissionOf, 0);
    // And new cases import into the migrated store.
    CaseBundle bundle = test::BundleFactory::specimen({QStringLiteral("a.jpg")}, QStringLiteral("d.jpg"));
    auto image = ImageSanitizer().sanitize(test::faceFreeJpeg(32, 32), QStringLiteral("document_front"));
    QVERIFY(test::StoreFixture::importWithPolicy(*store.value(), bundle, {image.value()}, std::nullopt).ok());
}

// The workstation pointed at the receiver's spool (or any other SQLite file) must not turn it
// into a case store: refused with a clear reason, the file unchanged. A store is marked.
void TestMigrator::refusesFilesThatAreNotAStore()
{
    QTemporaryDir dir;
    test::MockClock clock;
    const auto schemaOf = [](const QString &path) {
        const QString name = QStringLiteral("inspect-") + path;
        QStringList rows;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            if (db.open()) {
                QSqlQuery q(db);
                q.exec(QStringLiteral("SELECT name FROM sqlite_master ORDER BY name"));
                while (q.next())
                    rows << q.value(0).toString();
                q.exec(QStringLiteral("PRAGMA application_id"));
                if (q.next())
                    rows << QStringLiteral("application_id=%1").arg(q.value(0).toInt());
            }
        }
        QSqlDatabase::removeDatabase(name);
        return rows;
    };

    // The receiver's spool, made by the receiver's own schema code.
    const QString spoolPath = dir.filePath(QStringLiteral("spool.sqlite"));
    {
        sqlite3 *spool = nullptr;
        QCOMPARE(sqlite3_open(spoolPath.toUtf8().constData(), &spool), SQLITE_OK);
        QVERIFY(SpoolSchema::migrate(spool).ok());
        sqlite3_close(spool);
    }
    const QStringList spoolBefore = schemaOf(spoolPath);
    QVERIFY(spoolBefore.contains(QStringLiteral("webhook_events")));
    {
        auto store = CaseStore::open(spoolPath, clock);
        QVERIFY(!store.ok());
        QVERIFY2(store.error().message.contains(QStringLiteral("spool")), qPrintable(store.error().message));
    }
    QCOMPARE(schemaOf(spoolPath), spoolBefore);

    // Some other program's database with a table and no mark.
    const QString otherPath = dir.filePath(QStringLiteral("other.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        db.setDatabaseName(otherPath);
        QVERIFY(db.open());
        QVERIFY(Sql::run(db, QStringLiteral("CREATE TABLE notes (x TEXT)")).ok());
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    const QStringList otherBefore = schemaOf(otherPath);
    {
        auto store = CaseStore::open(otherPath, clock);
        QVERIFY(!store.ok());
        QVERIFY2(store.error().message.contains(QStringLiteral("refusing")), qPrintable(store.error().message));
    }
    QCOMPARE(schemaOf(otherPath), otherBefore);

    // A new store carries the mark, and opens again.
    const QString storePath = dir.filePath(QStringLiteral("store.sqlite"));
    QVERIFY(CaseStore::open(storePath, clock).ok());
    QVERIFY(schemaOf(storePath).contains(QStringLiteral("application_id=%1").arg(Migrator::kApplicationId)));
    QVERIFY(CaseStore::open(storePath, clock).ok());
}

void TestMigrator::refusesANewerSchema()
{
    QTemporaryDir dir;
    test::MockClock clock;
    const QString path = dir.filePath(QStringLiteral("s.sqlite"));
    const int newer = Migrator::latestVersion() + 1;
    {
        auto store = CaseStore::open(path, clock);
        QVERIFY(store.ok());
        auto db = store.value()->connections().database();
        QVERIFY(
            Sql::run(db.value(), QStringLiteral("INSERT INTO schema_version VALUES (%1, 'future')").arg(newer)).ok());
        QVERIFY(Sql::run(db.value(), QStringLiteral("CREATE TABLE future_things (x INTEGER)")).ok());
    }
    auto refused = CaseStore::open(path, clock);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::SchemaTooNew);
    QVERIFY2(refused.error().message.contains(QString::number(newer)), qPrintable(refused.error().message));
    QVERIFY(refused.error().message.contains(QStringLiteral("newer Madoguchi")));
    // Untouched: the newer version and its table are still there.
    StoreConnections connections(StoreAddress::sqliteFile(path));
    auto db = connections.database();
    QCOMPARE(Migrator::currentVersion(db.value()).value(), newer);
    QVERIFY(db.value().tables().contains(QStringLiteral("future_things")));
}

void TestMigrator::splitsStatements_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("statements");
    QTest::addRow("two statements") << QStringLiteral("CREATE TABLE a (x INT);\nCREATE TABLE b (y INT);")
                                    << QStringList{QStringLiteral("CREATE TABLE a (x INT)"),
                                                   QStringLiteral("CREATE TABLE b (y INT)")};
    QTest::addRow("semicolon in a string") << QStringLiteral("INSERT INTO t VALUES ('a;b');")
                                           << QStringList{QStringLiteral("INSERT INTO t VALUES ('a;b')")};
    QTest::addRow("doubled quote in a string") << QStringLiteral("INSERT INTO t VALUES ('it''s; ok');")
                                               << QStringList{QStringLiteral("INSERT INTO t VALUES ('it''s; ok')")};
    QTest::addRow("comment with a semicolon")
        << QStringLiteral("-- a; b\nSELECT 1; -- tail;\n") << QStringList{QStringLiteral("SELECT 1")};
    QTest::addRow("dashes in a string") << QStringLiteral("SELECT '--x';")
                                        << QStringList{QStringLiteral("SELECT '--x'")};
    // A PostgreSQL function body keeps its semicolons, quotes and dashes.
    QTest::addRow("function body")
        << QStringLiteral("CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
                          "    RAISE EXCEPTION 'no; it''s -- kept';\n    RETURN NEW;\nEND\n$$;\nSELECT 2;")
        << QStringList{QStringLiteral("CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
                                      "    RAISE EXCEPTION 'no; it''s -- kept';\n    RETURN NEW;\nEND\n$$"),
                       QStringLiteral("SELECT 2")};
}

void TestMigrator::splitsStatements()
{
    QFETCH(QString, script);
    QFETCH(QStringList, statements);
    QCOMPARE(Migrator::splitStatements(script), statements);
}

QTEST_GUILESS_MAIN(TestMigrator)
#include "TestMigrator.moc"
