#pragma once

#include "core/domain/Result.h"
#include "core/receiver/spool/SpoolWriteResult.h"
#include "core/receiver/line/WebhookEvent.h"

#include <QtGlobal>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace mado {

class Spool;

// Stores the event-driven front's webhooks in the spool on threads of its own, so that the front's
// loop never waits for the disk: a free thread takes every webhook submitted so far and stores
// them as one write of the spool's group commit. Two threads, because the group commit syncs a
// batch after handing the writer role on: while one thread waits for its batch's fsync, the other
// writes the next batch. After each batch the tickets, with their results, wait in takeFinished()
// and finished() is called (on that thread) to say so. submit() and takeFinished() from any thread.
class WebhookCommitter {
public:
    struct Ticket {
        quint64 connection = 0; // the front's connection id
        std::vector<WebhookEvent> events;
        std::optional<Result<SpoolWriteResult>> result; // set when finished
    };

    WebhookCommitter(Spool &spool, std::function<void()> finished);
    // Stores what was submitted, then ends the thread.
    ~WebhookCommitter();
    WebhookCommitter(const WebhookCommitter &) = delete;
    WebhookCommitter &operator=(const WebhookCommitter &) = delete;

    void submit(std::vector<Ticket> tickets);
    std::vector<Ticket> takeFinished();
    // True while tickets are submitted and not yet taken back.
    bool busy() const;
    // Stores what was submitted and ends the threads; later submits are finished with an error.
    void stop();

private:
    void run();

    Spool &m_spool;
    std::function<void()> m_finished;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<Ticket> m_queued;
    std::vector<Ticket> m_done;
    std::size_t m_inFlight = 0; // being stored
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace mado
