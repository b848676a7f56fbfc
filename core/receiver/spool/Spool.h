#pragma once

#include "core/domain/Result.h"
#include "core/receiver/spool/SpoolScrubber.h"
#include "core/receiver/spool/SpoolWriteResult.h"
#include "core/receiver/spool/SpoolWriter.h"
#include "core/receiver/spool/StoredWebhookEvent.h"
#include "core/receiver/line/WebhookEvent.h"

#include <QDateTime>
#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

struct sqlite3;

namespace mado {
class Keyring;
class WalSync;
}

namespace mado {

// The receiver's durable spool: one SQLite file in WAL mode whose log is synced before a write is
// reported done (synchronous=FULL; the group commit syncs it itself, see SpoolWriter), so that a
// successful write survives a crash of the process or the machine. Schema revisions are applied
// on open (see SpoolSchema); a newer unknown revision is refused. Thread-safe: one connection
// guarded by a mutex, so Poco's server threads may call it concurrently. The writes a request
// waits for (webhook events, challenges, applications) go through a group commit (SpoolWriter):
// concurrent requests share one transaction and one fsync, and each returns only after the commit
// and the fsync.
// Deleted personal data does not linger in the files: the connection runs with secure_delete (freed
// space is overwritten with zeros) and a SpoolScrubber checkpoints and truncates the log after
// deletions (scrubSoon()) and prunes expired challenges.
// Personal data is sealed at rest when a keyring is set (setKeyring, before serving): the stores
// on the spool seal manifests and image files with its current key and open them with any of its
// keys (core/crypto; SpoolSealing seals what is not yet under the current key). Without one they
// are kept plain (tests of other parts); the receiver never runs without one.
// Errors are Io (SQLite failures) or InvalidArgument (a file that is not a usable spool). Never
// logs event bodies.
class Spool {
public:
    // How long a statement waits for another connection's lock (SQLite's busy timeout).
    static constexpr int kBusyTimeoutMs = 5000;
    static Result<std::unique_ptr<Spool>> open(const QString &path, SpoolScrubber::Options scrub = {});
    ~Spool();
    Spool(const Spool &) = delete;
    Spool &operator=(const Spool &) = delete;

    // Stores the events with state "pending" in the next group commit; events whose webhookEventId
    // is already there (also earlier in the same batch) are left untouched and counted as
    // duplicates. Durable when it returns ok.
    Result<SpoolWriteResult> storeWebhookEvents(const std::vector<WebhookEvent> &events,
                                                const QDateTime &receivedAt = QDateTime::currentDateTimeUtc());
    // The events of several webhooks in one write of the next group commit (the event-driven
    // front's batch): results[i] for groups[i]; a duplicate of an event in an earlier group counts
    // for the later one. All durable, or none (the error), when it returns.
    Result<std::vector<SpoolWriteResult>> storeWebhookEventGroups(
        const std::vector<const std::vector<WebhookEvent> *> &groups,
        const QDateTime &receivedAt = QDateTime::currentDateTimeUtc());
    // Webhook deliveries stored since the spool was opened (storeWebhookEvents and each group of
    // storeWebhookEventGroups), for the worker to see whether webhooks are arriving.
    quint64 webhookDeliveriesStored() const { return m_webhookDeliveries.load(std::memory_order_relaxed); }
    // True once syncing the log has failed: nothing is reported stored any more (restart needed).
    bool logSyncFailed() const;
    // Number of webhook events in state "pending".
    Result<qint64> pendingWebhookEventCount() const;
    // All webhook events in the order they were stored.
    Result<std::vector<StoredWebhookEvent>> webhookEvents() const;
    const QString &path() const { return m_path; }
    // The directory of the applications' image files: the spool path with "-files" appended.
    QString filesDirectory() const { return m_path + QStringLiteral("-files"); }

    // Runs f(sqlite3 *) under the spool's lock and returns its result. For the stores built on
    // the spool (ChallengeStore, ApplicationStore); f must not call back into the spool.
    template <typename F>
    auto locked(F &&f) const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return f(m_db);
    }

    // Runs f(sqlite3 *) in the next group commit and returns its result (a Status or a Result<T>)
    // once the transaction is committed, or the commit's error. f runs inside a savepoint on the
    // thread that writes the batch (this one or another caller's): it must not BEGIN or COMMIT,
    // must not call back into the spool, and an error it returns rolls back only its own changes.
    template <typename F>
    auto committed(F &&f) -> decltype(f(static_cast<sqlite3 *>(nullptr)))
    {
        using R = decltype(f(static_cast<sqlite3 *>(nullptr)));
        std::optional<R> out;
        const Status status = m_writer->run([&](sqlite3 *db) -> Status {
            out.emplace(f(db));
            return out->ok() ? Status() : Status(out->error());
        });
        if (!status)
            return R(status.error());
        return std::move(*out);
    }
    // Seals personal data from now on; set before serving (not synchronised with readers).
    void setKeyring(std::shared_ptr<const Keyring> keyring) { m_keyring = std::move(keyring); }
    // The keys that seal and open personal data, or null (kept plain).
    const Keyring *keyring() const { return m_keyring.get(); }
    // The group commit's counters.
    const SpoolWriter &writer() const { return *m_writer; }
    // Personal data was deleted (an acknowledgement, ...): the log is checkpointed and truncated
    // soon, off the caller's thread. Must not be called under locked().
    void scrubSoon() { m_scrubber->request(); }
    SpoolScrubber &scrubber() { return *m_scrubber; }

private:
    Spool(sqlite3 *db, QString path);

    mutable std::mutex m_mutex;
    sqlite3 *m_db;
    QString m_path;
    std::unique_ptr<WalSync> m_walSync;    // before the writer, which uses it
    std::unique_ptr<SpoolWriter> m_writer; // started by open(), ended before the connection closes
    std::unique_ptr<SpoolScrubber> m_scrubber; // started by open(), ended first
    std::shared_ptr<const Keyring> m_keyring;
    Sqlite::Statement m_insertWebhookEvent; // kept prepared; used only under m_mutex
    std::atomic<quint64> m_webhookDeliveries{0};
};

} // namespace mado
