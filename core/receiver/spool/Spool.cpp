#include "core/receiver/spool/Spool.h"

#include "core/receiver/spool/WalSync.h"

#include "core/database/Sqlite.h"
#include "core/receiver/spool/SpoolSchema.h"

#include <sqlite3.h>

namespace mado {

namespace {

Status bindText(sqlite3 *db, sqlite3_stmt *statement, int index, const QByteArray &text)
{
    if (!Sqlite::bindText(statement, index, text))
        return Sqlite::error(db, QStringLiteral("cannot bind spool value"));
    return {};
}

Status configure(sqlite3 *db)
{
    // Deleted rows (manifests, message bodies, user ids) are overwritten with zeros, not just
    // unlinked; SpoolScrubber then gets the old pages out of the log.
    if (Status status = Sqlite::exec(db, "PRAGMA secure_delete = ON"); !status)
        return status;
    // synchronous=FULL with WAL fsyncs the log on every commit: an acknowledged write is on disk.
    // The group commit switches to NORMAL for its own transactions and syncs the log itself.
    if (Status status = Sqlite::exec(db, "PRAGMA synchronous = FULL"); !status)
        return status;
    auto statement = Sqlite::prepare(db, "PRAGMA journal_mode = WAL");
    if (!statement)
        return statement.error();
    if (sqlite3_step(statement.value().get()) != SQLITE_ROW ||
        Sqlite::text(statement.value().get(), 0).compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
        return Error{ErrorCode::Io, QStringLiteral("the spool cannot use write-ahead logging")};
    return {};
}

} // namespace

Result<std::unique_ptr<Spool>> Spool::open(const QString &path, SpoolScrubber::Options scrub)
{
    if (path.isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("no spool path given")};
    auto opened =
        Sqlite::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, kBusyTimeoutMs);
    if (!opened)
        return Error{ErrorCode::Io, QStringLiteral("spool: %1").arg(opened.error().message)};
    sqlite3 *db = opened.value().release(); // the Spool closes it
    std::unique_ptr<Spool> spool(new Spool(db, path));
    sqlite3_extended_result_codes(db, 1);
    auto fail = [&path](const Error &error) {
        return Error{error.code, QStringLiteral("spool '%1': %2").arg(path, error.message)};
    };
    // Refuse a foreign or newer file before anything (such as the journal mode) changes it.
    if (Status migrated = SpoolSchema::migrate(db); !migrated)
        return fail(migrated.error());
    if (Status configured = configure(db); !configured)
        return fail(configured.error());
    // The log's name as SQLite uses it (the database path with symbolic links resolved, plus
    // "-wal"); the group commit syncs that file itself.
    const char *walName = sqlite3_filename_wal(sqlite3_db_filename(db, "main"));
    if (!walName || !*walName)
        return fail(Error{ErrorCode::Io, QStringLiteral("the spool's write-ahead log has no file name")});
    spool->m_walSync = std::make_unique<WalSync>(QByteArray(walName));
    WalSync *walSync = spool->m_walSync.get();
    spool->m_writer = std::make_unique<SpoolWriter>(db, spool->m_mutex, [walSync] { return walSync->sync(); });
    spool->m_scrubber = std::make_unique<SpoolScrubber>(*spool, scrub);
    spool->m_scrubber->start();
    return spool;
}

Spool::Spool(sqlite3 *db, QString path) : m_db(db), m_path(std::move(path)) {}

Spool::~Spool()
{
    m_scrubber.reset();
    m_writer.reset(); // waits for the writes under way
    m_insertWebhookEvent.reset();
    sqlite3_close_v2(m_db);
}

Result<SpoolWriteResult> Spool::storeWebhookEvents(const std::vector<WebhookEvent> &events,
                                                   const QDateTime &receivedAt)
{
    // The URL check of the LINE console sends no events: nothing to wait for.
    if (events.empty())
        return SpoolWriteResult{};
    auto stored = storeWebhookEventGroups({&events}, receivedAt);
    if (!stored)
        return stored.error();
    return stored.value().front();
}

Result<std::vector<SpoolWriteResult>> Spool::storeWebhookEventGroups(
    const std::vector<const std::vector<WebhookEvent> *> &groups, const QDateTime &receivedAt)
{
    const QByteArray at = Sqlite::time(receivedAt);
    auto stored = committed([&](sqlite3 *db) -> Result<std::vector<SpoolWriteResult>> {
        // Prepared once and kept (this runs under the spool's lock); reset and unbound after use.
        if (!m_insertWebhookEvent) {
            auto insert = Sqlite::prepare(db, "INSERT INTO webhook_events (webhook_event_id, type, received_at, body) "
                                              "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (webhook_event_id) DO NOTHING");
            if (!insert)
                return insert.error();
            m_insertWebhookEvent = std::move(insert).value();
        }
        sqlite3_stmt *statement = m_insertWebhookEvent.get();
        struct Done {
            sqlite3_stmt *statement;
            ~Done()
            {
                sqlite3_reset(statement);
                sqlite3_clear_bindings(statement);
            }
        } done{statement};
        std::vector<SpoolWriteResult> results(groups.size());
        for (std::size_t g = 0; g < groups.size(); ++g) {
            for (const WebhookEvent &event : *groups[g]) {
                sqlite3_reset(statement);
                for (Status bound : {bindText(db, statement, 1, event.webhookEventId.toUtf8()),
                                     bindText(db, statement, 2, event.type.toUtf8()), bindText(db, statement, 3, at),
                                     bindText(db, statement, 4, event.json)}) {
                    if (!bound)
                        return bound.error();
                }
                if (sqlite3_step(statement) != SQLITE_DONE)
                    return Sqlite::error(db, QStringLiteral("cannot store webhook event"));
                if (sqlite3_changes(db) == 1)
                    ++results[g].stored;
                else
                    ++results[g].duplicates;
            }
        }
        return results;
    });
    if (stored)
        m_webhookDeliveries.fetch_add(groups.size(), std::memory_order_relaxed);
    return stored;
}

bool Spool::logSyncFailed() const
{
    return m_walSync && m_walSync->failed();
}

Result<qint64> Spool::pendingWebhookEventCount() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return Sqlite::queryInt(m_db, "SELECT count(*) FROM webhook_events WHERE state = 'pending'");
}

Result<std::vector<StoredWebhookEvent>> Spool::webhookEvents() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    auto select = Sqlite::prepare(
        m_db, "SELECT id, webhook_event_id, type, received_at, body, state FROM webhook_events ORDER BY id");
    if (!select)
        return select.error();
    sqlite3_stmt *statement = select.value().get();
    std::vector<StoredWebhookEvent> events;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        events.push_back(StoredWebhookEvent{sqlite3_column_int64(statement, 0), Sqlite::text(statement, 1),
                                            Sqlite::text(statement, 2), Sqlite::text(statement, 3),
                                            Sqlite::bytes(statement, 4), Sqlite::text(statement, 5)});
    }
    if (rc != SQLITE_DONE)
        return Sqlite::error(m_db, QStringLiteral("cannot read webhook events"));
    return events;
}

} // namespace mado
