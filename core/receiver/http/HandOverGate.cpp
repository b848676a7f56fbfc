#include "core/receiver/http/HandOverGate.h"

#include "core/receiver/ReceiverMetrics.h"
#include "core/receiver/http/ClientAddress.h"

#include <fcntl.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

namespace mado {

namespace {

using Clock = std::chrono::steady_clock;

struct Current {
    HandOverGate *gate = nullptr;
    quint64 id = 0;
    bool light = false;
};
thread_local Current t_current;

} // namespace

HandOverGate::HandOverGate(Options options, ReceiverMetrics &metrics) : m_options(options), m_metrics(metrics)
{
    m_thread = std::thread([this] { watchdog(); });
}

HandOverGate::~HandOverGate()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
    for (const auto &entry : m_watched)
        ::close(entry.second.socket);
}

bool HandOverGate::tryReserve(int socket, bool light, const std::string &client)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Admitted admitted;
    if (m_options.maxPerAddress > 0)
        admitted.bucket = ClientAddress::bucketOf(client);
    const bool addressFull = !admitted.bucket.empty() && m_perAddress.count(admitted.bucket) &&
                             m_perAddress[admitted.bucket] >= m_options.maxPerAddress;
    if (m_reserved >= m_options.maxConnections || addressFull) {
        if (!light || m_light >= m_options.lightReserve) {
            if (addressFull && m_reserved < m_options.maxConnections)
                m_metrics.countLimit(ReceiverMetrics::Limit::HandOversPerAddress);
            return false;
        }
        admitted = Admitted{true, std::string()};
    }
    if (admitted.light) {
        ++m_light;
    } else {
        ++m_reserved;
        if (!admitted.bucket.empty())
            ++m_perAddress[admitted.bucket];
    }
    m_admitted[socket] = std::move(admitted);
    changed();
    return true;
}

int HandOverGate::activeFor(const std::string &client) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_perAddress.find(ClientAddress::bucketOf(client));
    return it == m_perAddress.end() ? 0 : it->second;
}

void HandOverGate::cancel(int socket)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_admitted.find(socket);
    if (it == m_admitted.end())
        return;
    const Admitted admitted = std::move(it->second);
    m_admitted.erase(it);
    release(admitted);
}

void HandOverGate::release(const Admitted &admitted)
{
    if (admitted.light) {
        --m_light;
    } else {
        --m_reserved;
        if (const auto it = m_perAddress.find(admitted.bucket); it != m_perAddress.end() && --it->second <= 0)
            m_perAddress.erase(it);
    }
    changed();
}

void HandOverGate::changed()
{
    m_metrics.setHandOversActive(m_reserved + m_light);
}

int HandOverGate::active() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_reserved + m_light;
}

bool HandOverGate::servesLightConnection()
{
    return t_current.gate && t_current.light;
}

HandOverGate::Scope::Scope(HandOverGate &gate, int socket) : m_gate(gate), m_id(0)
{
    const int copy = ::fcntl(socket, F_DUPFD_CLOEXEC, 0);
    std::lock_guard<std::mutex> lock(gate.m_mutex);
    if (const auto it = gate.m_admitted.find(socket); it != gate.m_admitted.end()) {
        m_light = it->second.light;
        m_client = std::move(it->second.bucket);
        gate.m_admitted.erase(it);
    }
    if (copy >= 0) {
        m_id = gate.m_nextId++;
        gate.m_watched.emplace(m_id, Watched{copy, Clock::now() + gate.m_options.requestDeadline});
    }
    t_current = Current{&gate, m_id, m_light};
    gate.m_changed.notify_all();
}

HandOverGate::Scope::~Scope()
{
    t_current = Current{};
    std::lock_guard<std::mutex> lock(m_gate.m_mutex);
    m_gate.release(Admitted{m_light, m_client});
    const auto it = m_gate.m_watched.find(m_id);
    if (it != m_gate.m_watched.end()) {
        ::close(it->second.socket);
        m_gate.m_watched.erase(it);
    }
}

void HandOverGate::requestAnswered()
{
    const Current current = t_current;
    if (!current.gate)
        return;
    std::lock_guard<std::mutex> lock(current.gate->m_mutex);
    const auto it = current.gate->m_watched.find(current.id);
    if (it != current.gate->m_watched.end())
        it->second.deadline = Clock::now() + current.gate->m_options.requestDeadline;
}

void HandOverGate::watchdog()
{
    ::pthread_setname_np(::pthread_self(), "handover-gate");
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_stopping) {
        const Clock::time_point now = Clock::now();
        Clock::time_point next = now + m_options.requestDeadline;
        for (auto &[id, watched] : m_watched) {
            if (watched.deadline <= now) {
                // Ends the serving thread's blocked read or write; the thread then closes the
                // connection. Once only: the deadline is not renewed by a cut connection.
                ::shutdown(watched.socket, SHUT_RDWR);
                watched.deadline = Clock::time_point::max();
                m_metrics.countLimit(ReceiverMetrics::Limit::HandOverDeadline);
            } else if (watched.deadline < next) {
                next = watched.deadline;
            }
        }
        m_changed.wait_until(lock, next);
    }
}

} // namespace mado
