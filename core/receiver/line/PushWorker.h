#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace mado {

class Spool;

// Delivers the queued LINE pushes of the durable outbox (table push_outbox) from its own thread:
// POST {api_base}/v2/bot/message/push with the row's X-Line-Retry-Key, which stays the same for
// every attempt, so LINE delivers a message at most once. 2xx marks the row sent and 409 (the key
// was already accepted) too; 429, 5xx and failed calls are retried with exponential backoff and
// jitter (baseDelayMs doubling up to maxDelayMs) until maxAttempts; any other 4xx is permanent
// (failed). A row whose user has unfollowed the account (unfollow event, table line_users) is not
// sent but marked skipped. Message bodies (personal data) are cleared once sent, skipped or failed for
// good. start()/stop()/wake() from any thread.
class PushWorker {
public:
    struct Options {
        QString apiBase;
        QByteArray accessToken; // never logged
        int baseDelayMs = 1000;
        int maxDelayMs = 5 * 60 * 1000;
        int maxAttempts = 30;
        int timeoutMs = 10000;
    };

    PushWorker(Spool &spool, Options options);
    ~PushWorker();
    PushWorker(const PushWorker &) = delete;
    PushWorker &operator=(const PushWorker &) = delete;

    void start();
    void stop();
    // New rows were queued: look now instead of at the next timer.
    void wake();
    // Attempts every due row once; returns how many calls were made. Used by the thread and tests.
    int runOnce(const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    void run();
    void skip(qint64 id);

    Spool &m_spool;
    Options m_options;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_woken = false;
    std::thread m_thread;
};

} // namespace mado
