#include "core/receiver/line/PushWorker.h"

#include "core/net/HttpCall.h"
#include "core/receiver/IntakeLog.h"
#include "core/receiver/spool/Spool.h"
#include "core/database/Sqlite.h"

#include <QRandomGenerator>

#include <sqlite3.h>

#include <vector>

namespace mado {

namespace {

struct Due {
    qint64 id = 0;
    QString retryKey;
    QByteArray body;
    int attempts = 0;
    bool following = true; // false: the user has unfollowed (an unfollow event was processed)
};

} // namespace

PushWorker::PushWorker(Spool &spool, Options options) : m_spool(spool), m_options(std::move(options)) {}

PushWorker::~PushWorker()
{
    stop();
}

void PushWorker::start()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
}

void PushWorker::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void PushWorker::wake()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_woken = true;
    }
    m_wake.notify_all();
}

void PushWorker::run()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_stopping) {
        m_woken = false;
        lock.unlock();
        // Rows just handled get a later next_attempt_at when they failed, so a busy spool is
        // drained batch after batch without spinning on failures.
        const int handled = runOnce();
        lock.lock();
        if (handled > 0)
            continue;
        // Due rows are looked for at least every 200 ms, and at once when woken.
        m_wake.wait_for(lock, std::chrono::milliseconds(200), [this] { return m_stopping || m_woken; });
    }
}

void PushWorker::skip(qint64 id)
{
    // LINE does not deliver to a user who blocked the account; the message is dropped, not sent.
    const Status saved = m_spool.locked([&](sqlite3 *db) -> Status {
        auto update = Sqlite::prepare(db, "UPDATE push_outbox SET state = 'skipped', body = '{}' WHERE id = ?1");
        if (!update)
            return update.error();
        sqlite3_bind_int64(update.value().get(), 1, id);
        if (sqlite3_step(update.value().get()) != SQLITE_DONE)
            return Sqlite::error(db, QStringLiteral("cannot update push"));
        return {};
    });
    if (saved)
        qCInfo(lcIntake) << "push" << id << "skipped: the user has unfollowed the account";
    else
        qCWarning(lcIntake) << "push outbox not updated:" << saved.error().message;
}

int PushWorker::runOnce(const QDateTime &now)
{
    const auto due = m_spool.locked([&](sqlite3 *db) -> Result<std::vector<Due>> {
        // A user LINE never told us about (no follow or unfollow event seen) counts as following.
        auto select =
            Sqlite::prepare(db, "SELECT id, retry_key, body, attempts, coalesce((SELECT following FROM line_users u "
                                "WHERE u.user_id = push_outbox.user_id), 1) FROM push_outbox "
                                "WHERE state = 'pending' AND next_attempt_at <= ?1 ORDER BY id LIMIT 32");
        if (!select)
            return select.error();
        const QByteArray at = Sqlite::time(now);
        Sqlite::bindText(select.value().get(), 1, at);
        std::vector<Due> rows;
        while (sqlite3_step(select.value().get()) == SQLITE_ROW) {
            sqlite3_stmt *s = select.value().get();
            rows.push_back(Due{sqlite3_column_int64(s, 0), Sqlite::text(s, 1), Sqlite::bytes(s, 2),
                               sqlite3_column_int(s, 3), sqlite3_column_int(s, 4) != 0});
        }
        return rows;
    });
    if (!due) {
        qCWarning(lcIntake) << "push outbox unreadable:" << due.error().message;
        return 0;
    }
    for (const Due &row : due.value()) {
        if (!row.following) {
            skip(row.id);
            continue;
        }
        const auto reply = HttpCall::request("POST", m_options.apiBase + QStringLiteral("/v2/bot/message/push"),
                                             {{"Authorization", "Bearer " + m_options.accessToken.toStdString()},
                                              {"X-Line-Retry-Key", row.retryKey.toStdString()}},
                                             row.body, "application/json", m_options.timeoutMs, 64 * 1024);
        const int status = reply ? reply.value().status : 0;
        const int attempts = row.attempts + 1;
        QByteArray state = "pending";
        if ((status >= 200 && status < 300) || status == 409)
            state = "sent";
        else if (status >= 400 && status < 500 && status != 429)
            state = "failed";
        else if (attempts >= m_options.maxAttempts)
            state = "failed";
        const qint64 backoff =
            std::min<qint64>(qint64(m_options.baseDelayMs) << std::min(attempts - 1, 20), m_options.maxDelayMs);
        const qint64 jitter = qint64(QRandomGenerator::global()->bounded(quint32(backoff / 4 + 1)));
        const QByteArray next = Sqlite::time(now.addMSecs(backoff + jitter));
        if (state != "pending" || status != 0)
            qCInfo(lcIntake) << "push" << row.id << "attempt" << attempts << "answered" << status << "->" << state;
        else
            qCWarning(lcIntake) << "push" << row.id << "attempt" << attempts << "failed:" << reply.error().message;
        const Status saved = m_spool.locked([&](sqlite3 *db) -> Status {
            auto update = Sqlite::prepare(
                db, "UPDATE push_outbox SET state = ?2, attempts = ?3, next_attempt_at = ?4, last_status = ?5, "
                    "body = CASE WHEN ?2 IN ('sent', 'failed') THEN '{}' ELSE body END WHERE id = ?1");
            if (!update)
                return update.error();
            sqlite3_stmt *s = update.value().get();
            sqlite3_bind_int64(s, 1, row.id);
            Sqlite::bindText(s, 2, state);
            sqlite3_bind_int(s, 3, attempts);
            Sqlite::bindText(s, 4, next);
            sqlite3_bind_int(s, 5, status);
            if (sqlite3_step(s) != SQLITE_DONE)
                return Sqlite::error(db, QStringLiteral("cannot update push"));
            return {};
        });
        if (!saved)
            qCWarning(lcIntake) << "push outbox not updated:" << saved.error().message;
    }
    return int(due.value().size());
}

} // namespace mado
