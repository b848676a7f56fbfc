#include "core/receiver/line/WebhookCommitter.h"

#include "core/receiver/spool/Spool.h"

#include <pthread.h>

namespace mado {

namespace {
constexpr int kThreads = 2;
} // namespace

WebhookCommitter::WebhookCommitter(Spool &spool, std::function<void()> finished)
    : m_spool(spool), m_finished(std::move(finished))
{
    for (int i = 0; i < kThreads; ++i)
        m_threads.emplace_back([this] { run(); });
}

WebhookCommitter::~WebhookCommitter()
{
    stop();
}

void WebhookCommitter::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread &thread : m_threads) {
        if (thread.joinable())
            thread.join();
    }
}

void WebhookCommitter::submit(std::vector<Ticket> tickets)
{
    if (tickets.empty())
        return;
    bool refused = false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_stopping) {
            for (Ticket &ticket : tickets) {
                ticket.result.emplace(Error{ErrorCode::Io, QStringLiteral("the receiver is stopping")});
                m_done.push_back(std::move(ticket));
            }
            refused = true;
        } else {
            for (Ticket &ticket : tickets)
                m_queued.push_back(std::move(ticket));
        }
    }
    if (refused)
        m_finished();
    else
        m_wake.notify_one();
}

std::vector<WebhookCommitter::Ticket> WebhookCommitter::takeFinished()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return std::exchange(m_done, {});
}

bool WebhookCommitter::busy() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return !m_queued.empty() || m_inFlight > 0 || !m_done.empty();
}

void WebhookCommitter::run()
{
    ::pthread_setname_np(::pthread_self(), "webhook-commit");
    std::unique_lock<std::mutex> lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [this] { return m_stopping || !m_queued.empty(); });
        if (m_queued.empty())
            return; // stopping, nothing left
        std::vector<Ticket> batch = std::exchange(m_queued, {});
        m_inFlight += batch.size();
        lock.unlock();
        std::vector<const std::vector<WebhookEvent> *> groups;
        groups.reserve(batch.size());
        for (const Ticket &ticket : batch)
            groups.push_back(&ticket.events);
        const auto stored = m_spool.storeWebhookEventGroups(groups);
        for (std::size_t i = 0; i < batch.size(); ++i) {
            if (stored)
                batch[i].result.emplace(stored.value()[i]);
            else
                batch[i].result.emplace(stored.error());
            batch[i].events.clear(); // personal data: not kept longer than needed
        }
        lock.lock();
        for (Ticket &ticket : batch)
            m_done.push_back(std::move(ticket));
        m_inFlight -= batch.size();
        lock.unlock();
        m_finished();
        lock.lock();
    }
}

} // namespace mado
