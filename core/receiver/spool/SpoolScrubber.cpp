#include "core/receiver/spool/SpoolScrubber.h"

#include "core/receiver/IntakeLog.h"
#include "core/receiver/spool/Spool.h"
#include "core/database/Sqlite.h"

#include <sqlite3.h>

#include <chrono>

namespace mado {

SpoolScrubber::SpoolScrubber(Spool &spool, Options options) : m_spool(spool), m_options(options) {}

SpoolScrubber::~SpoolScrubber()
{
    stop();
}

void SpoolScrubber::start()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
}

void SpoolScrubber::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void SpoolScrubber::request()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_requested = true;
    }
    m_wake.notify_all();
}

Status SpoolScrubber::checkpoint()
{
    const Status status = m_spool.locked([](sqlite3 *db) -> Status {
        // Under the spool's lock: never wait for another process's reader (the busy handler would
        // hold up every webhook); if one is there, try again later.
        sqlite3_busy_timeout(db, 0);
        int busy = 0;
        int logFrames = 0;
        int copied = 0;
        const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &copied);
        sqlite3_busy_timeout(db, Spool::kBusyTimeoutMs);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            busy = 1;
        else if (rc != SQLITE_OK)
            return Sqlite::error(db, QStringLiteral("cannot checkpoint the spool's log"));
        if (busy)
            return Error{ErrorCode::Io, QStringLiteral("the spool's log is in use; checkpoint postponed")};
        return {};
    });
    if (status)
        m_checkpoints.fetch_add(1);
    return status;
}

Status SpoolScrubber::runOnce(const QDateTime &now)
{
    const auto pruned = SpoolRetention(m_spool, m_options.retention).run(now);
    if (!pruned)
        return pruned.error();
    const SpoolRetention::Pruned &p = pruned.value();
    {
        std::lock_guard<std::mutex> lock(m_totalsMutex);
        m_totals += p;
    }
    m_retentionRuns.fetch_add(1);
    if (p.total() > 0)
        qCInfo(lcIntake).nospace() << "retention: deleted " << p.challenges << " expired challenges, "
                                   << p.webhookEvents << " old webhook ids, " << p.applications
                                   << " finished applications (" << p.resubmittedImages << " resubmitted photos), "
                                   << p.pushes << " finished pushes";
    return checkpoint();
}

SpoolRetention::Pruned SpoolScrubber::retentionTotals() const
{
    std::lock_guard<std::mutex> lock(m_totalsMutex);
    return m_totals;
}

void SpoolScrubber::run()
{
    using Clock = std::chrono::steady_clock;
    std::unique_lock<std::mutex> lock(m_mutex);
    Clock::time_point nextPrune = Clock::now();
    while (!m_stopping) {
        m_wake.wait_until(lock, nextPrune, [this] { return m_stopping || m_requested; });
        if (m_stopping)
            break;
        if (m_requested) {
            // Acknowledgements come in bursts (a workstation takes a batch): one checkpoint for them.
            m_wake.wait_for(lock, std::chrono::milliseconds(m_options.batchDelayMs), [this] { return m_stopping; });
            m_requested = false;
            lock.unlock();
            const Status done = checkpoint();
            lock.lock();
            if (!done) {
                qCWarning(lcIntake) << "spool scrub:" << done.error().message;
                // Try again at the next prune at the latest, and soon if the log is just busy.
                nextPrune = std::min(nextPrune, Clock::now() + std::chrono::seconds(5));
            }
        }
        if (Clock::now() >= nextPrune) {
            lock.unlock();
            const Status done = runOnce();
            lock.lock();
            if (!done)
                qCWarning(lcIntake) << "spool scrub:" << done.error().message;
            nextPrune = Clock::now() + std::chrono::milliseconds(m_options.pruneIntervalMs);
        }
    }
}

} // namespace mado
