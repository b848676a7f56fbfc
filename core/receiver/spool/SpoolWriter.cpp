#include "core/receiver/spool/SpoolWriter.h"

#include "core/database/Sqlite.h"
#include "core/database/SqliteTransaction.h"

#include <sqlite3.h>

#include <algorithm>
#include <exception>
#include <vector>

namespace mado {

SpoolWriter::SpoolWriter(sqlite3 *db, std::mutex &dbMutex, Sync walSync, int maxBatch)
    : m_db(db), m_dbMutex(dbMutex), m_sync(std::move(walSync)), m_maxBatch(std::size_t(std::max(1, maxBatch)))
{
}

SpoolWriter::~SpoolWriter()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_stopping = true;
    m_idle.wait(lock, [this] { return !m_writing && m_queue.empty() && m_syncing == 0; });
}

std::size_t SpoolWriter::queued() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_queue.size();
}

Status SpoolWriter::run(const Work &work)
{
    Job job;
    job.work = &work;
    bool lead = false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_stopping)
            return Error{ErrorCode::Io, QStringLiteral("the spool is closing")};
        m_queue.push_back(&job);
        // Nobody writing means nobody waiting either (a writer hands over to the oldest waiter).
        if (!m_writing) {
            m_writing = true;
            lead = true;
        }
    }
    if (!lead) {
        // Woken when this job's batch is committed, or to become the next writer. The wait is on
        // the job's own lock, so that a commit's many wake-ups do not queue up on m_mutex.
        std::unique_lock<std::mutex> own(job.mutex);
        job.wake.wait(own, [&job] { return job.signal != Signal::None; });
        if (job.signal == Signal::Done)
            return job.result;
    }
    // This thread writes: everything that queued up while the previous batch was committed (its
    // own job first: it is the oldest in the queue).
    std::vector<Job *> batch;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        while (!m_queue.empty() && batch.size() < m_maxBatch) {
            batch.push_back(m_queue.front());
            m_queue.pop_front();
        }
    }
    commitBatch(batch);
    Job *next = nullptr;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_queue.empty())
            next = m_queue.front(); // stays queued; m_writing stays true for it
        else
            m_writing = false;
        ++m_syncing;
    }
    // After m_mutex is released, only the jobs are touched: each waits (alive) until signalled,
    // and reads its result only under its own lock, taken after the signal below.
    if (next) {
        std::lock_guard<std::mutex> other(next->mutex);
        next->signal = Signal::Lead;
        next->wake.notify_one();
    }
    // The next writer is already at work; this batch is durable once the log is synced.
    syncBatch(batch);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        --m_syncing;
        if (!m_writing && m_queue.empty() && m_syncing == 0)
            m_idle.notify_all();
    }
    for (Job *done : batch) {
        if (done == &job)
            continue;
        std::lock_guard<std::mutex> other(done->mutex);
        done->signal = Signal::Done;
        done->wake.notify_one();
    }
    return job.result;
}

Status SpoolWriter::step(Sqlite::Statement &statement, const char *sql)
{
    // Prepared on first use and kept: SQLite would otherwise compile the text for every write.
    if (!statement) {
        auto prepared = Sqlite::prepare(m_db, sql);
        if (!prepared)
            return prepared.error();
        statement = std::move(prepared).value();
    }
    const int rc = sqlite3_step(statement.get());
    sqlite3_reset(statement.get());
    if (rc != SQLITE_DONE)
        return Sqlite::error(m_db, QStringLiteral("spool statement failed"));
    return {};
}

void SpoolWriter::syncBatch(const std::vector<Job *> &batch)
{
    if (std::none_of(batch.begin(), batch.end(), [](const Job *job) { return job->result.ok(); }))
        return; // nothing committed
    const Status synced = m_sync ? m_sync() : Status();
    if (synced)
        return;
    // Committed but perhaps not on disk: nobody may be told it is stored (a webhook is then
    // redelivered by LINE and deduplicated; a client retries).
    for (Job *job : batch) {
        if (job->result.ok())
            job->result = synced.error();
    }
}

void SpoolWriter::commitBatch(const std::vector<Job *> &batch)
{
    std::lock_guard<std::mutex> dbLock(m_dbMutex);
    if (Status normal = step(m_syncNormal, "PRAGMA synchronous = NORMAL"); !normal) {
        for (Job *job : batch)
            job->result = normal.error();
        return;
    }
    commitTransaction(batch);
    // Back to FULL for the writes outside the group commit, whatever happened.
    if (Status full = step(m_syncFull, "PRAGMA synchronous = FULL"); !full) {
        for (Job *job : batch)
            job->result = full.error();
    }
}

void SpoolWriter::commitTransaction(const std::vector<Job *> &batch)
{
    auto failAll = [&batch](const Error &error) {
        for (Job *job : batch)
            job->result = error;
    };
    SqliteTransaction transaction(m_db);
    if (!transaction.begun().ok())
        return failAll(transaction.begun().error());
    for (Job *job : batch) {
        if (Status saved = step(m_savepoint, "SAVEPOINT spool_write"); !saved)
            return failAll(saved.error());
        try {
            job->result = (*job->work)(m_db);
        } catch (const std::exception &) {
            job->result = Error{ErrorCode::Internal, QStringLiteral("a spool write failed unexpectedly")};
        }
        // Some errors (a full disk, I/O) make SQLite roll back the whole transaction by itself.
        if (sqlite3_get_autocommit(m_db))
            return failAll(Error{ErrorCode::Io, QStringLiteral("the spool transaction was rolled back: %1")
                                                    .arg(QString::fromUtf8(sqlite3_errmsg(m_db)))});
        if (!job->result.ok()) {
            if (Status undone = step(m_rollbackTo, "ROLLBACK TO spool_write"); !undone)
                return failAll(undone.error());
        }
        if (Status released = step(m_release, "RELEASE spool_write"); !released)
            return failAll(released.error());
    }
    if (Status committed = transaction.commit(); !committed)
        return failAll(committed.error());
    ++m_commits;
    m_writes += batch.size();
}

} // namespace mado
