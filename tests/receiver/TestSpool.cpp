#include "core/receiver/spool/Spool.h"
#include "core/receiver/spool/SpoolSchema.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <atomic>
#include <future>
#include <mutex>
#include <numeric>
#include <thread>

using namespace mado;

// The SQLite spool on real files: schema revisions, durability across reopening, deduplication,
// atomic batches, refusal of newer or foreign files, concurrent writers.
class TestSpool : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void newFileGetsSchemaAndWal();
    void storesAndDeduplicates();
    void survivesReopening();
    void batchIsAllOrNothing();
    void upgradeClearsProcessedEventBodies();
    void newerSchemaIsRefusedUntouched();
    void foreignFileIsRefusedUntouched_data();
    void foreignFileIsRefusedUntouched();
    void unopenablePathIsAnIoError();
    void concurrentWritersStoreEachEventOnce();
    void failedWriteInAGroupCommitUndoesOnlyItself();
    void groupCommitAnswersOnlyAfterTheLogSync();
    void failedLogSyncFailsTheBatch();
    void groupCommitLeavesTheConnectionSynchronousFull();
    void groupsOfWebhooksAreCountedPerGroup();
    void spoolBehindASymlinkSyncsTheRealLog();
    void upgradeToVersion8KeepsOwnersAndClearsOldPushes();
    void deletedDataIsOverwritten();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("spool.sqlite")); }
    static std::unique_ptr<Spool> open(const QString &path);
    static WebhookEvent event(const QString &id, const QByteArray &json = QByteArrayLiteral("{\"type\":\"follow\"}"))
    {
        return WebhookEvent{id, QStringLiteral("follow"), json};
    }
    // Runs SQL on the file through its own connection (not the spool's).
    static void rawExec(const QString &path, const char *sql);
    // A new spool file at path() with the revisions up to version only.
    void createVersion(int version);
    static QByteArray rawQuery(const QString &path, const char *sql);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSpool::createVersion(int version)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path().toUtf8().constData(), &db), SQLITE_OK);
    const Status migrated = SpoolSchema::migrate(db, version);
    sqlite3_close(db);
    QVERIFY2(migrated.ok(), qPrintable(migrated.ok() ? QString() : migrated.error().message));
    QCOMPARE(rawQuery(path(), "PRAGMA user_version").toInt(), version);
}

void TestSpool::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSpool::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<Spool> TestSpool::open(const QString &path)
{
    auto spool = Spool::open(path);
    if (!spool.ok()) {
        qWarning() << spool.error().message;
        return nullptr;
    }
    return std::move(spool).value();
}

void TestSpool::rawExec(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    // An open spool's scrubber and retention pass write at start and on their timer: wait for
    // them like any other writer of the spool, instead of failing on "database is locked".
    sqlite3_busy_timeout(db, 5000);
    char *message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    const QByteArray error = message ? QByteArray(message) : QByteArray();
    sqlite3_free(message);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, error.constData());
}

QByteArray TestSpool::rawQuery(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    // The spool's scrubber may be truncating the log at that moment (it checkpoints at start):
    // wait for it like any other reader of the spool, instead of reading nothing.
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt *statement = nullptr;
    QByteArray value;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW)
        value = reinterpret_cast<const char *>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

void TestSpool::newFileGetsSchemaAndWal()
{
    auto spool = open(path());
    QVERIFY(spool);
    QCOMPARE(rawQuery(path(), "PRAGMA journal_mode"), QByteArray("wal"));
    QCOMPARE(rawQuery(path(), "PRAGMA user_version").toInt(), SpoolSchema::latestVersion());
    QCOMPARE(rawQuery(path(), "PRAGMA application_id").toInt(), SpoolSchema::kApplicationId);
    QCOMPARE(spool->pendingWebhookEventCount().value(), 0);
}

void TestSpool::storesAndDeduplicates()
{
    auto spool = open(path());
    QVERIFY(spool);
    auto first = spool->storeWebhookEvents({event(QStringLiteral("A")), event(QStringLiteral("B"))});
    QVERIFY(first.ok());
    QCOMPARE(first.value().stored, 2);
    QCOMPARE(first.value().duplicates, 0);
    auto second = spool->storeWebhookEvents({event(QStringLiteral("B")), event(QStringLiteral("C"))});
    QVERIFY(second.ok());
    QCOMPARE(second.value().stored, 1);
    QCOMPARE(second.value().duplicates, 1);
    QCOMPARE(spool->pendingWebhookEventCount().value(), 3);
}

void TestSpool::survivesReopening()
{
    const QDateTime at = QDateTime::fromString(QStringLiteral("2026-11-27T01:02:03.456Z"), Qt::ISODateWithMs);
    {
        auto spool = open(path());
        QVERIFY(spool);
        QVERIFY(spool->storeWebhookEvents({event(QStringLiteral("01DURABLE"), R"({"type":"follow","x":"日本"})")}, at)
                    .ok());
    }
    auto reopened = open(path());
    QVERIFY(reopened);
    const auto events = reopened->webhookEvents();
    QVERIFY(events.ok());
    QCOMPARE(events.value().size(), std::size_t(1));
    const StoredWebhookEvent &stored = events.value().front();
    QCOMPARE(stored.webhookEventId, QStringLiteral("01DURABLE"));
    QCOMPARE(stored.type, QStringLiteral("follow"));
    QCOMPARE(stored.receivedAt, QStringLiteral("2026-11-27T01:02:03.456Z"));
    QCOMPARE(stored.json, QByteArray(R"({"type":"follow","x":"日本"})"));
    QCOMPARE(stored.state, QStringLiteral("pending"));
    // A reopened spool still deduplicates against what it held before.
    QCOMPARE(reopened->storeWebhookEvents({event(QStringLiteral("01DURABLE"))}).value().duplicates, 1);
}

void TestSpool::upgradeClearsProcessedEventBodies()
{
    createVersion(6);
    // Received an hour ago: within the dedup retention, so the retention pass that runs when the
    // spool opens keeps them.
    const QByteArray at = QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODateWithMs).toUtf8();
    const QByteArray insert = "INSERT INTO webhook_events (webhook_event_id, type, received_at, body) VALUES "
                              "('OLD1', 'follow', '" + at + "', '{\"type\":\"follow\",\"u\":\"U1\"}'), "
                              "('OLD2', 'follow', '" + at + "', '{\"type\":\"follow\",\"u\":\"U2\"}')";
    rawExec(path(), insert.constData());
    // A spool of version 6 whose processed events still hold their bodies.
    rawExec(path(), "UPDATE webhook_events SET state = 'done' WHERE webhook_event_id = 'OLD1'");
    auto upgraded = open(path());
    QVERIFY(upgraded);
    QCOMPARE(rawQuery(path(), "PRAGMA user_version").toInt(), SpoolSchema::latestVersion());
    QCOMPARE(rawQuery(path(), "SELECT body FROM webhook_events WHERE webhook_event_id = 'OLD1'"), QByteArray("{}"));
    QCOMPARE(rawQuery(path(), "SELECT body FROM webhook_events WHERE webhook_event_id = 'OLD2'"),
             QByteArray(R"({"type":"follow","u":"U2"})"));
    QCOMPARE(upgraded->storeWebhookEvents({event(QStringLiteral("OLD1"))}).value().duplicates, 1);
}

void TestSpool::batchIsAllOrNothing()
{
    auto spool = open(path());
    QVERIFY(spool);
    // The second event's body is not JSON, which the schema refuses: the first must not stay.
    const auto result = spool->storeWebhookEvents({event(QStringLiteral("OK1")), event(QStringLiteral("BAD"), "{")});
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Io);
    QCOMPARE(spool->pendingWebhookEventCount().value(), 0);
    // The connection is usable afterwards (no transaction left open).
    QVERIFY(spool->storeWebhookEvents({event(QStringLiteral("OK1"))}).ok());
    QCOMPARE(spool->pendingWebhookEventCount().value(), 1);
}

void TestSpool::newerSchemaIsRefusedUntouched()
{
    {
        auto spool = open(path());
        QVERIFY(spool);
    }
    rawExec(path(), "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
    const auto refused = Spool::open(path());
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("version 99")), qPrintable(refused.error().message));
    QVERIFY(refused.error().message.contains(path()));
    QCOMPARE(rawQuery(path(), "PRAGMA user_version"), QByteArray("99"));
    QCOMPARE(rawQuery(path(), "PRAGMA journal_mode"), QByteArray("delete"));
}

void TestSpool::foreignFileIsRefusedUntouched_data()
{
    QTest::addColumn<QByteArray>("setup"); // SQL run on a fresh file, or "text:" + file content
    QTest::addColumn<QString>("message");
    QTest::addRow("another program's database") << QByteArray("PRAGMA application_id = 42; CREATE TABLE t (x)")
                                                << QStringLiteral("another program's database");
    QTest::addRow("unmarked database with tables") << QByteArray("CREATE TABLE cases (id INTEGER)")
                                                   << QStringLiteral("without the spool's mark");
    QTest::addRow("not a database") << QByteArray("text:this is a text file, not SQLite, padded to be long enough")
                                    << QStringLiteral("not a database");
}

void TestSpool::foreignFileIsRefusedUntouched()
{
    QFETCH(QByteArray, setup);
    QFETCH(QString, message);
    if (setup.startsWith("text:")) {
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(setup.mid(5));
    } else {
        rawExec(path(), setup.constData());
    }
    QFile before(path());
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray bytes = before.readAll();
    before.close();

    const auto refused = Spool::open(path());
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(message), qPrintable(refused.error().message));

    QFile after(path());
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), bytes);
}

void TestSpool::unopenablePathIsAnIoError()
{
    const auto refused = Spool::open(m_dir->filePath(QStringLiteral("no/such/dir/spool.sqlite")));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Io);
    QVERIFY(refused.error().message.contains(QStringLiteral("no/such/dir")));
}

void TestSpool::concurrentWritersStoreEachEventOnce()
{
    auto spool = open(path());
    QVERIFY(spool);
    constexpr int kThreads = 4;
    constexpr int kEvents = 60; // each thread writes events 0..59, one per transaction
    std::vector<int> stored(kThreads, 0), duplicates(kThreads, 0), errors(kThreads, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kEvents; ++i) {
                const auto result = spool->storeWebhookEvents({event(QStringLiteral("E%1").arg(i))});
                if (!result.ok()) {
                    ++errors[std::size_t(t)];
                    continue;
                }
                stored[std::size_t(t)] += result.value().stored;
                duplicates[std::size_t(t)] += result.value().duplicates;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(std::accumulate(errors.begin(), errors.end(), 0), 0);
    QCOMPARE(std::accumulate(stored.begin(), stored.end(), 0), kEvents);
    QCOMPARE(std::accumulate(duplicates.begin(), duplicates.end(), 0), kEvents * (kThreads - 1));
    QCOMPARE(spool->pendingWebhookEventCount().value(), kEvents);
}

void TestSpool::failedWriteInAGroupCommitUndoesOnlyItself()
{
    auto spool = open(path());
    QVERIFY(spool);
    // A first write holds the writer (its own thread), so that the next two queue up and share one commit.
    std::promise<void> started;
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::thread first([&] {
        static_cast<void>(spool->committed([&](sqlite3 *) -> Status {
            started.set_value();
            released.wait();
            return {};
        }));
    });
    started.get_future().wait(); // the first batch is being written
    Result<SpoolWriteResult> bad = Error{ErrorCode::Internal, QString()};
    Result<SpoolWriteResult> good = Error{ErrorCode::Internal, QString()};
    std::thread second([&] {
        bad = spool->storeWebhookEvents({event(QStringLiteral("OK1")), event(QStringLiteral("BAD"), "{")});
    });
    std::thread third([&] { good = spool->storeWebhookEvents({event(QStringLiteral("OK2"))}); });
    QTRY_COMPARE(spool->writer().queued(), std::size_t(2));
    release.set_value();
    first.join();
    second.join();
    third.join();
    QVERIFY(!bad.ok());
    QVERIFY(good.ok());
    QCOMPARE(good.value().stored, 1);
    QCOMPARE(rawQuery(path(), "SELECT group_concat(webhook_event_id) FROM webhook_events"), QByteArray("OK2"));
    QCOMPARE(spool->writer().commits(), quint64(2)); // the blocking write's and the shared one
    QCOMPARE(spool->writer().writes(), quint64(3));
}

namespace {

// A WAL database with one table, for a SpoolWriter of the test's own.
sqlite3 *openLog(const QString &path)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE t (v INTEGER)", nullptr,
                 nullptr, nullptr);
    return db;
}

Status insert(sqlite3 *db, int value)
{
    const std::string sql = "INSERT INTO t VALUES (" + std::to_string(value) + ")";
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
        return Error{ErrorCode::Io, QStringLiteral("insert failed")};
    return {};
}

} // namespace

void TestSpool::groupCommitAnswersOnlyAfterTheLogSync()
{
    sqlite3 *db = openLog(path());
    std::mutex dbMutex;
    // The first sync blocks until released; meanwhile a second batch must still be written (the
    // writer role is handed on before the sync), but nobody of the first batch may return.
    std::promise<void> firstSyncing;
    std::promise<void> releaseFirst;
    std::shared_future<void> firstReleased = releaseFirst.get_future().share();
    std::atomic<int> syncs{0};
    {
        SpoolWriter writer(db, dbMutex, [&]() -> Status {
            if (syncs.fetch_add(1) == 0) {
                firstSyncing.set_value();
                firstReleased.wait();
            }
            return {};
        });
        std::atomic<bool> firstReturned{false};
        Status firstResult = Error{ErrorCode::Internal, QString()};
        std::thread first([&] {
            firstResult = writer.run([](sqlite3 *d) { return insert(d, 1); });
            firstReturned = true;
        });
        firstSyncing.get_future().wait();
        // Committed (another connection sees the row) but not yet synced: not answered.
        QCOMPARE(rawQuery(path(), "SELECT count(*) FROM t"), QByteArray("1"));
        const Status second = writer.run([](sqlite3 *d) { return insert(d, 2); });
        QVERIFY(second.ok());
        QCOMPARE(rawQuery(path(), "SELECT count(*) FROM t"), QByteArray("2"));
        QTest::qWait(50);
        QVERIFY(!firstReturned);
        releaseFirst.set_value();
        first.join();
        QVERIFY(firstResult.ok());
        QCOMPARE(syncs.load(), 2);
    }
    sqlite3_close(db);
}

void TestSpool::failedLogSyncFailsTheBatch()
{
    sqlite3 *db = openLog(path());
    std::mutex dbMutex;
    {
        SpoolWriter writer(db, dbMutex, [] { return Status(Error{ErrorCode::Io, QStringLiteral("sync failed")}); });
        const Status result = writer.run([](sqlite3 *d) { return insert(d, 1); });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message, QStringLiteral("sync failed"));
        // A write that failed by itself is not synced at all.
        int synced = 0;
        SpoolWriter counting(db, dbMutex, [&synced] {
            ++synced;
            return Status();
        });
        QVERIFY(!counting.run([](sqlite3 *) { return Status(Error{ErrorCode::InvalidArgument, QString()}); }).ok());
        QCOMPARE(synced, 0);
        QVERIFY(counting.run([](sqlite3 *d) { return insert(d, 2); }).ok());
        QCOMPARE(synced, 1);
    }
    sqlite3_close(db);
}

void TestSpool::groupCommitLeavesTheConnectionSynchronousFull()
{
    auto spool = open(path());
    QVERIFY(spool);
    QVERIFY(spool->storeWebhookEvents({event(QStringLiteral("SYNC1"))}).ok());
    // 2 = FULL: writes outside the group commit still sync at their commit.
    const qint64 mode = spool->locked([](sqlite3 *db) {
        sqlite3_stmt *statement = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA synchronous", -1, &statement, nullptr);
        const qint64 value = sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : -1;
        sqlite3_finalize(statement);
        return value;
    });
    QCOMPARE(mode, qint64(2));
}

void TestSpool::groupsOfWebhooksAreCountedPerGroup()
{
    auto spool = open(path());
    QVERIFY(spool);
    const std::vector<WebhookEvent> a{event(QStringLiteral("G1")), event(QStringLiteral("G2"))};
    const std::vector<WebhookEvent> b{event(QStringLiteral("G2")), event(QStringLiteral("G3"))};
    const std::vector<WebhookEvent> empty;
    const auto stored = spool->storeWebhookEventGroups({&a, &b, &empty});
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().size(), std::size_t(3));
    QCOMPARE(stored.value()[0].stored, 2);
    QCOMPARE(stored.value()[1].stored, 1);
    QCOMPARE(stored.value()[1].duplicates, 1); // G2, stored by the earlier group of the same write
    QCOMPARE(stored.value()[2].stored + stored.value()[2].duplicates, 0);
    QCOMPARE(spool->webhookDeliveriesStored(), quint64(3));
    QCOMPARE(rawQuery(path(), "SELECT count(*) FROM webhook_events"), QByteArray("3"));
}

void TestSpool::spoolBehindASymlinkSyncsTheRealLog()
{
    // SQLite keeps the log next to the real file; the group commit must sync that one, not create
    // a stray log next to the link.
    const QString real = m_dir->filePath(QStringLiteral("real.sqlite"));
    const QString link = m_dir->filePath(QStringLiteral("link.sqlite"));
    QVERIFY(QFile(real).open(QIODevice::WriteOnly)); // an empty file is a new database
    QVERIFY(QFile::link(real, link));
    auto spool = open(link);
    QVERIFY(spool);
    QVERIFY(spool->storeWebhookEvents({event(QStringLiteral("LINKED"))}).ok());
    QVERIFY(QFile::exists(real + QStringLiteral("-wal")));
    QVERIFY(!QFile::exists(link + QStringLiteral("-wal")));
    QCOMPARE(rawQuery(real, "SELECT webhook_event_id FROM webhook_events"), QByteArray("LINKED"));
}

void TestSpool::upgradeToVersion8KeepsOwnersAndClearsOldPushes()
{
    createVersion(7);
    rawExec(path(), "INSERT INTO applications (seq, id, reference, user_id, idempotency_key, received_at, state, "
                    "manifest, lease_holder, lease_until, acknowledged_at) VALUES "
                    "(1, 'app-acked-0001', 'MDG-2611-00001-1', 'U1', 'k1', '2026-11-27T01:00:00.000Z', 'approved', "
                    "NULL, 'pc-1', NULL, '2026-11-27T02:00:00.000Z'), "
                    "(2, 'app-leased-0002', 'MDG-2611-00002-1', 'U2', 'k2', '2026-11-27T01:00:00.000Z', 'received', "
                    "'{}', 'pc-2', '2026-11-27T03:00:00.000Z', NULL), "
                    "(3, 'app-waiting-003', 'MDG-2611-00003-1', 'U3', 'k3', '2026-11-27T01:00:00.000Z', 'received', "
                    "'{}', NULL, NULL, NULL)");
    rawExec(path(), "INSERT INTO push_outbox (application_id, kind, user_id, retry_key, body, state, "
                    "next_attempt_at) VALUES "
                    "('app-acked-0001', 'approved', 'U1', 'r1', '{\"to\":\"U1\"}', 'failed', ''), "
                    "('app-acked-0001', 'rejected', 'U1', 'r2', '{\"to\":\"U1\"}', 'pending', '')");
    rawExec(path(), "INSERT INTO resubmitted_images VALUES ('m1', 'app-acked-0001', 'm1.jpg', "
                    "'2026-11-27T01:00:00.000Z')");
    auto spool = open(path());
    QVERIFY(spool);
    QCOMPARE(rawQuery(path(), "PRAGMA user_version").toInt(), SpoolSchema::latestVersion());
    QCOMPARE(rawQuery(path(), "SELECT group_concat(id || ':' || state || ':' || coalesce(acknowledged_by, '-') || "
                              "':' || lease_count, ' ') FROM applications ORDER BY seq"),
             QByteArray("app-acked-0001:approved:pc-1:1 app-leased-0002:received:-:1 app-waiting-003:received:-:0"));
    // A failed push keeps no message; a pending one still has it.
    QCOMPARE(rawQuery(path(), "SELECT group_concat(state || ' ' || body, ', ') FROM push_outbox ORDER BY id"),
             QByteArray(R"(failed {}, pending {"to":"U1"})"));
    QCOMPARE(rawQuery(path(), "SELECT bytes FROM resubmitted_images"), QByteArray("0"));
    rawExec(path(), "UPDATE applications SET state = 'import_failed' WHERE seq = 3");
    QCOMPARE(rawQuery(path(), "SELECT state FROM applications WHERE seq = 3"), QByteArray("import_failed"));
}

void TestSpool::deletedDataIsOverwritten()
{
    auto spool = open(path());
    QVERIFY(spool);
    const QByteArray marker = "SECRET-DELETE-MARKER-4711";
    QVERIFY(
        spool->storeWebhookEvents({event(QStringLiteral("GONE1"), R"({"type":"follow","m":")" + marker + "\"}")}).ok());
    spool->locked([](sqlite3 *db) { QCOMPARE(sqlite3_exec(db, "DELETE FROM webhook_events", 0, 0, 0), SQLITE_OK); });
    QVERIFY(spool->scrubber().runOnce().ok());
    for (const QString &name : {path(), path() + QStringLiteral("-wal"), path() + QStringLiteral("-shm")}) {
        QFile file(name);
        if (file.open(QIODevice::ReadOnly))
            QVERIFY2(!file.readAll().contains(marker), qPrintable(name));
    }
    QCOMPARE(QFileInfo(path() + QStringLiteral("-wal")).size(), 0);

    // What a checkpoint costs under the spool's lock: a log of a few MiB (SQLite's automatic
    // checkpoints keep it near 4 MiB), the figure quoted in docs.
    const QByteArray pad(1000, 'x');
    for (int batch = 0; batch < 10; ++batch) {
        std::vector<WebhookEvent> events;
        for (int i = 0; i < 300; ++i)
            events.push_back(event(QStringLiteral("BULK%1-%2").arg(batch).arg(i),
                                   R"({"type":"follow","pad":")" + pad + "\"}"));
        QVERIFY(spool->storeWebhookEvents(events).ok());
    }
    const qint64 logBytes = QFileInfo(path() + QStringLiteral("-wal")).size();
    QVERIFY(logBytes > 0);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(spool->scrubber().runOnce().ok());
    qInfo() << "checkpoint(TRUNCATE) of a" << logBytes << "byte log took" << timer.elapsed() << "ms";
    QCOMPARE(QFileInfo(path() + QStringLiteral("-wal")).size(), 0);
}

QTEST_GUILESS_MAIN(TestSpool)
#include "TestSpool.moc"
