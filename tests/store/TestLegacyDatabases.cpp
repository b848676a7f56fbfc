#include "core/database/Sqlite.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/spool/SpoolSchema.h"
#include "core/store/CaseStore.h"
#include "core/store/Migrator.h"
#include "core/store/Sql.h"
#include "tests/support/MockClock.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace mado;

// Databases written by Madoguchi before the spool and the store shared one migration runner
// (core/database): the files in tests/store/legacy/ were made by the code of commit 87dd79e (its
// SpoolSchema and Migrator), a spool at version 7 and at 8 (then the latest) and a case store at
// version 5 and at 10 (then the latest), each with rows in it. Opened by today's code (on copies),
// each must open, migrate and keep its rows, and end with the same schema as a database made new.
class TestLegacyDatabases : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void oldSpoolUpgradesKeepingItsRows();
    void spoolAtTheOldLatestVersionOpens();
    void oldStoreUpgradesKeepingItsRows_data();
    void oldStoreUpgradesKeepingItsRows();

private:
    // A copy of the fixture in the temporary directory.
    QString copy(const QString &fixture);
    // Each object's type, name and SQL, then the file's version marks; what "same schema" compares.
    static QStringList schemaOf(const QString &path, const char *versionQuery);
    static QByteArray text(const QString &path, const char *sql);

    std::unique_ptr<QTemporaryDir> m_dir;
    test::MockClock m_clock;
};

void TestLegacyDatabases::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestLegacyDatabases::cleanup()
{
    m_dir.reset();
}

QString TestLegacyDatabases::copy(const QString &fixture)
{
    const QString target = m_dir->filePath(fixture);
    if (!QFile::copy(QStringLiteral(MADO_LEGACY_DIR "/") + fixture, target))
        return QString();
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    return target;
}

QStringList TestLegacyDatabases::schemaOf(const QString &path, const char *versionQuery)
{
    QStringList rows;
    auto db = Sqlite::open(path, SQLITE_OPEN_READONLY, 5000);
    if (!db)
        return {db.error().message};
    auto objects = Sqlite::prepare(db.value().get(), "SELECT type, name, tbl_name, sql FROM sqlite_master "
                                                     "ORDER BY type, name");
    if (!objects)
        return {objects.error().message};
    while (sqlite3_step(objects.value().get()) == SQLITE_ROW)
        rows << QStringList{Sqlite::text(objects.value().get(), 0), Sqlite::text(objects.value().get(), 1),
                            Sqlite::text(objects.value().get(), 2), Sqlite::text(objects.value().get(), 3)}
                    .join(QLatin1Char('|'));
    for (const char *pragma : {"PRAGMA application_id", "PRAGMA auto_vacuum", versionQuery})
        rows << QStringLiteral("%1 = %2")
                    .arg(QLatin1String(pragma))
                    .arg(Sqlite::queryInt(db.value().get(), pragma).value());
    return rows;
}

QByteArray TestLegacyDatabases::text(const QString &path, const char *sql)
{
    auto db = Sqlite::open(path, SQLITE_OPEN_READONLY, 5000);
    if (!db)
        return "<" + db.error().message.toUtf8() + ">";
    auto statement = Sqlite::prepare(db.value().get(), sql);
    if (!statement || sqlite3_step(statement.value().get()) != SQLITE_ROW)
        return "<no row>";
    return Sqlite::bytes(statement.value().get(), 0);
}

void TestLegacyDatabases::oldSpoolUpgradesKeepingItsRows()
{
    const QString path = copy(QStringLiteral("spool-v7.sqlite"));
    QVERIFY(!path.isEmpty());
    QCOMPARE(text(path, "PRAGMA user_version"), QByteArray("7"));
    {
        auto spool = Spool::open(path);
        QVERIFY2(spool.ok(), qPrintable(spool ? QString() : spool.error().message));
        // It still knows the events it held: a redelivery is a duplicate.
        const auto again = spool.value()->storeWebhookEvents({WebhookEvent{
            QStringLiteral("01LEGACYDONE"), QStringLiteral("follow"), QByteArray("{\"type\":\"follow\"}")}});
        QVERIFY(again.ok());
        QCOMPARE(again.value().duplicates, 1);
        QCOMPARE(spool.value()->pendingWebhookEventCount().value(), 1);
    }
    QCOMPARE(text(path, "PRAGMA user_version").toInt(), SpoolSchema::latestVersion());
    // Revision 8's data steps ran on the old rows: the acknowledging workstation kept as owner,
    // leases counted, a sent push's message cleared, a due one's kept, the waiting manifest kept.
    QCOMPARE(text(path, "SELECT acknowledged_by || '/' || lease_count FROM applications WHERE id = 'a1'"),
             QByteArray("ws-1/1"));
    QCOMPARE(text(path, "SELECT lease_count || '/' || manifest FROM applications WHERE id = 'a2'"),
             QByteArray("0/{\"x\":1}"));
    QCOMPARE(text(path, "SELECT body FROM push_outbox WHERE retry_key = 'r1'"), QByteArray("{}"));
    QCOMPARE(text(path, "SELECT body FROM push_outbox WHERE retry_key = 'r2'"), QByteArray("{\"m\":\"due text\"}"));
    // The same schema as a spool made today.
    const QString fresh = m_dir->filePath(QStringLiteral("fresh-spool.sqlite"));
    QVERIFY(Spool::open(fresh).ok());
    QCOMPARE(schemaOf(path, "PRAGMA user_version"), schemaOf(fresh, "PRAGMA user_version"));
}

void TestLegacyDatabases::spoolAtTheOldLatestVersionOpens()
{
    const QString path = copy(QStringLiteral("spool-v8.sqlite"));
    QVERIFY(!path.isEmpty());
    {
        auto spool = Spool::open(path);
        QVERIFY2(spool.ok(), qPrintable(spool ? QString() : spool.error().message));
        const auto events = spool.value()->webhookEvents();
        QVERIFY(events.ok());
        QCOMPARE(events.value().size(), std::size_t(1));
        QCOMPARE(events.value().front().webhookEventId, QStringLiteral("01LEGACY8"));
        QCOMPARE(events.value().front().receivedAt, QStringLiteral("2026-11-27T01:02:03.456Z"));
    }
    const QString fresh = m_dir->filePath(QStringLiteral("fresh-spool.sqlite"));
    QVERIFY(Spool::open(fresh).ok());
    QCOMPARE(schemaOf(path, "PRAGMA user_version"), schemaOf(fresh, "PRAGMA user_version"));
}

void TestLegacyDatabases::oldStoreUpgradesKeepingItsRows_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("version");
    QTest::addRow("version 5") << QStringLiteral("store-v5.sqlite") << 5;
    QTest::addRow("version 10, the old latest") << QStringLiteral("store-v10.sqlite") << 10;
}

void TestLegacyDatabases::oldStoreUpgradesKeepingItsRows()
{
    QFETCH(QString, fixture);
    QFETCH(int, version);
    const QString path = copy(fixture);
    QVERIFY(!path.isEmpty());
    QCOMPARE(text(path, "SELECT MAX(version) FROM schema_version").toInt(), version);
    {
        auto store = CaseStore::open(path, m_clock);
        QVERIFY2(store.ok(), qPrintable(store ? QString() : store.error().message));
        auto db = store.value()->connections().database();
        QVERIFY(db.ok());
        QCOMPARE(Migrator::currentVersion(db.value()).value(), Migrator::latestVersion());
        QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT login FROM users")).value().toString(),
                 QStringLiteral("admin"));
        auto record = store.value()->caseStatus(1);
        QVERIFY(record.ok());
        QCOMPARE(record.value().state, CaseState::Verified);
        QCOMPARE(record.value().reference, QStringLiteral("MDG-LEGACY-1"));
    }
    // The same schema (objects, marks, auto-vacuum, version) as a store made today.
    const QString fresh = m_dir->filePath(QStringLiteral("fresh-store.sqlite"));
    QVERIFY(CaseStore::open(fresh, m_clock).ok());
    const char *versions = "SELECT MAX(version) * 1000 + COUNT(*) FROM schema_version";
    QCOMPARE(schemaOf(path, versions), schemaOf(fresh, versions));
}

QTEST_GUILESS_MAIN(TestLegacyDatabases)
#include "TestLegacyDatabases.moc"
