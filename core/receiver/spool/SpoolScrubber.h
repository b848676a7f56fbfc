#pragma once

#include "core/domain/Result.h"
#include "core/receiver/spool/SpoolRetention.h"

#include <QDateTime>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace mado {

class Spool;

// Removes from the spool's files what they still hold of deleted personal data, off the request
// threads. The spool runs with secure_delete, so a deleted row's bytes are overwritten with zeros
// in the pages written afterwards; but until a checkpoint the database file still has the old
// pages and the write-ahead log the old frames (an acknowledged manifest, for one). So after a
// request() (an acknowledgement, a failed import, deleted resubmissions) the scrubber waits
// batchDelayMs (requests meanwhile share the work), then checkpoints the log into the database and
// truncates it (PRAGMA wal_checkpoint(TRUNCATE)). Every pruneIntervalMs (spool.prune_interval_minutes;
// and once at start) it also runs the retention pass (SpoolRetention: expired challenges, old
// webhook ids, finished applications and pushes) and checkpoints; it logs and counts what it
// deleted (counts only, no ids). It holds the
// spool's lock only for the checkpoint itself (a few milliseconds for a log of a few MiB).
// A checkpoint that cannot complete (a reader in another process) is retried at the next request
// or prune; failures are logged without personal data. Own thread; request() from any thread;
// runOnce() from tests (with or without the thread).
class SpoolScrubber {
public:
    struct Options {
        int batchDelayMs = 200;
        int pruneIntervalMs = 10 * 60 * 1000;
        SpoolRetention::Options retention;
    };

    SpoolScrubber(Spool &spool, Options options);
    ~SpoolScrubber();
    SpoolScrubber(const SpoolScrubber &) = delete;
    SpoolScrubber &operator=(const SpoolScrubber &) = delete;

    void start();
    void stop();
    // Personal data was deleted: checkpoint and truncate the log soon.
    void request();
    // Runs the retention pass and checkpoints now; ok when the log was truncated.
    Status runOnce(const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Checks that truncated the log, since the start (tests, metrics).
    quint64 checkpoints() const { return m_checkpoints.load(); }
    // Retention passes completed since the start, and the rows they deleted (metrics).
    quint64 retentionRuns() const { return m_retentionRuns.load(); }
    SpoolRetention::Pruned retentionTotals() const;

private:
    Status checkpoint();
    void run();

    Spool &m_spool;
    Options m_options;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_requested = false;
    std::thread m_thread;
    std::atomic<quint64> m_checkpoints{0};
    std::atomic<quint64> m_retentionRuns{0};
    mutable std::mutex m_totalsMutex;
    SpoolRetention::Pruned m_totals;
};

} // namespace mado
