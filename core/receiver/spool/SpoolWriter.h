#pragma once

#include "core/domain/Result.h"
#include "core/database/Sqlite.h"

#include <QtGlobal>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

struct sqlite3;

namespace mado {

// Group commit for the spool: request threads hand their writes to run() and wait. One of them at
// a time is the writer (the leader): it takes every write queued meanwhile (up to maxBatch), runs
// them in one transaction, each in its own savepoint (a write that fails rolls back only its own
// changes and gets its own error), and commits once with synchronous=NORMAL (the log is written,
// not yet synced). Then it hands the writer role to the oldest waiting thread, syncs the log
// (walSync: one fdatasync) while the next batch is being written, and only then wakes the threads
// of its batch. So no caller hears of success before its write is durable, a crash mid-batch loses
// only writes nobody was told about, the fsync of one batch overlaps the writing of the next, and
// a lone request commits on its own thread without a hand-over. If BEGIN, COMMIT or the sync fails,
// every write of the batch gets that error. Writes outside the group commit keep the connection's
// synchronous=FULL (it is set back after every batch). run() from any thread; a work must not call
// run().
class SpoolWriter {
public:
    // A write: SQL statements on db, no BEGIN/COMMIT. Must finalise its statements before returning.
    using Work = std::function<Status(sqlite3 *db)>;

    // Makes everything committed so far durable (WalSync::sync); called without any lock held.
    using Sync = std::function<Status()>;

    // dbMutex is the lock that serialises all use of db (the spool's).
    SpoolWriter(sqlite3 *db, std::mutex &dbMutex, Sync walSync, int maxBatch = 512);
    // Refuses new writes and waits for those under way.
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
    enum class Signal { None, Done, Lead };
    struct Job {
        const Work *work = nullptr;
        Status result; // written by the writer before the job is signalled Done
        // Its own lock and condition, so that a commit wakes only the threads of its batch (and
        // the next writer), and they do not contend for m_mutex on the way out.
        std::mutex mutex;
        std::condition_variable wake;
        Signal signal = Signal::None; // under mutex
    };

    void commitBatch(const std::vector<Job *> &batch);
    // Under dbMutex: the transaction of the batch, between synchronous=NORMAL and FULL.
    void commitTransaction(const std::vector<Job *> &batch);
    void syncBatch(const std::vector<Job *> &batch);
    // Runs a statement that returns no rows, preparing it the first time (under the db lock).
    Status step(Sqlite::Statement &statement, const char *sql);

    sqlite3 *m_db;
    std::mutex &m_dbMutex;
    Sync m_sync;
    const std::size_t m_maxBatch;
    mutable std::mutex m_mutex;
    std::condition_variable m_idle;
    std::deque<Job *> m_queue;
    bool m_writing = false; // a thread is committing a batch, or has been chosen to commit the next
    int m_syncing = 0;      // batches committed whose log sync is under way
    bool m_stopping = false;
    std::atomic<quint64> m_commits{0};
    std::atomic<quint64> m_writes{0};
    // The savepoint statements around each write, kept prepared (used under dbMutex).
    Sqlite::Statement m_savepoint;
    Sqlite::Statement m_rollbackTo;
    Sqlite::Statement m_release;
    Sqlite::Statement m_syncNormal;
    Sqlite::Statement m_syncFull;
};

} // namespace mado
