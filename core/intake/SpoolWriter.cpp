#include "core/intake/SpoolWriter.h"

#include "core/intake/Sqlite.h"
#include "core/intake/SqliteTransaction.h"

#include <sqlite3.h>

#include <exception>
#include <vector>

namespace mado {

SpoolWriter::SpoolWriter(sqlite3 *db, std::mutex &dbMutex, int maxBatch)
    : m_db(db), m_dbMutex(dbMutex), m_maxBatch(std::size_t(std::max(1, maxBatch)))
{
}

SpoolWriter::~SpoolWriter()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_stopping = true;
    m_idle.wait(lock, [this] { return !m_writing && m_queue.empty(); });
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
    std::unique_lock<std::mutex> lock(m_mutex);
    if (m_stopping)
        return Error{ErrorCode::Io, QStringLiteral("the spool is closing")};
    m_queue.push_back(&job);
    while (!job.done) {
        if (m_writing) {
            // Woken when this job's batch is committed, or to become the next writer.
            job.wake.wait(lock);
            continue;
        }
        // This thread writes: everything that queued up while the previous batch was committed.
        m_writing = true;
        std::vector<Job *> batch;
        while (!m_queue.empty() && batch.size() < m_maxBatch) {
            batch.push_back(m_queue.front());
            m_queue.pop_front();
        }
        lock.unlock();
        commitBatch(batch);
        lock.lock();
        m_writing = false;
        for (Job *done : batch) {
            done->done = true;
            if (done != &job)
                done->wake.notify_one();
        }
        if (!m_queue.empty())
            m_queue.front()->wake.notify_one(); // the next writer
        else
            m_idle.notify_all();
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

void SpoolWriter::commitBatch(const std::vector<Job *> &batch)
{
    auto failAll = [&batch](const Error &error) {
        for (Job *job : batch)
            job->result = error;
    };
    std::lock_guard<std::mutex> dbLock(m_dbMutex);
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
