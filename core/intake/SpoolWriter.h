#pragma once

#include "core/Result.h"

#include <QtGlobal>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

struct sqlite3;

namespace mado {

// Group commit for the spool: request threads hand their writes to run() and wait; one writer
// thread takes every write queued meanwhile (up to maxBatch), runs them in one transaction, each in
// its own savepoint (a write that fails rolls back only its own changes and gets its own error),
// commits once (one fsync with synchronous=FULL) and only then wakes the waiting threads. So no
// caller hears of success before its write is durable, and a crash mid-batch loses only writes
// nobody was told about. If BEGIN or COMMIT fails, every write of the batch gets that error.
// run() may be called from any thread except the writer's own (a work must not call run()).
class SpoolWriter {
public:
    // A write: SQL statements on db, no BEGIN/COMMIT. Must finalise its statements before returning.
    using Work = std::function<Status(sqlite3 *db)>;

    // dbMutex is the lock that serialises all use of db (the spool's).
    SpoolWriter(sqlite3 *db, std::mutex &dbMutex, int maxBatch = 512);
    // Commits what is queued, then ends the thread.
    ~SpoolWriter();
    SpoolWriter(const SpoolWriter &) = delete;
    SpoolWriter &operator=(const SpoolWriter &) = delete;

    // Blocks until work ran and its transaction was committed (or failed).
    Status run(const Work &work);
    // Transactions committed and writes in them, since the start (for metrics and the benchmark).
    quint64 commits() const { return m_commits.load(); }
    quint64 writes() const { return m_writes.load(); }
    // Writes waiting for the next batch (not those of the batch being committed).
    std::size_t queued() const;

private:
    struct Job {
        const Work *work = nullptr;
        Status result;
        bool done = false;
        // Its own, so that a commit wakes only the threads of its batch.
        std::condition_variable finished;
    };

    void loop();
    void commitBatch(const std::vector<Job *> &batch);

    sqlite3 *m_db;
    std::mutex &m_dbMutex;
    const std::size_t m_maxBatch;
    mutable std::mutex m_mutex;
    std::condition_variable m_queued;
    std::deque<Job *> m_queue;
    bool m_stopping = false;
    std::atomic<quint64> m_commits{0};
    std::atomic<quint64> m_writes{0};
    std::thread m_thread;
};

} // namespace mado
