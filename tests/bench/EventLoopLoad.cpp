#include "tests/bench/EventLoopLoad.h"

#include "tests/bench/LoopConnection.h"

#include <sys/epoll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <memory>

namespace mado::bench {

namespace {

using Clock = LoopConnection::Clock;

// A request in flight gives up after this long without any progress on its connection.
constexpr auto kStall = std::chrono::seconds(30);

double threadCpuSeconds()
{
    timespec t{};
    return ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t) == 0 ? double(t.tv_sec) + double(t.tv_nsec) * 1e-9 : 0;
}

} // namespace

LoadResult EventLoopLoad::run(quint16 port, int connections, const std::vector<std::string> &requests,
                              std::vector<int> *statuses)
{
    const int total = int(requests.size());
    statuses->assign(requests.size(), 0);
    std::vector<double> latencies(requests.size(), 0.0);
    const int epoll = ::epoll_create1(EPOLL_CLOEXEC);
    if (epoll < 0)
        return summarize(connections, 0, std::move(latencies), 0);

    std::vector<std::unique_ptr<LoopConnection>> pool;
    for (int c = 0; c < std::min(connections, total); ++c)
        pool.push_back(std::make_unique<LoopConnection>(epoll, port));

    int next = 0;
    int inFlight = 0;
    int succeeded = 0;
    // Records finished requests and hands the connection the next request, until one waits.
    auto advance = [&](LoopConnection &connection, LoopConnection::Outcome outcome) {
        while (outcome.finished) {
            --inFlight;
            const Clock::time_point end = Clock::now();
            const auto index = std::size_t(outcome.index);
            (*statuses)[index] = outcome.status;
            latencies[index] = std::chrono::duration<double, std::milli>(end - outcome.start).count();
            succeeded += outcome.status == 200 ? 1 : 0;
            if (next >= total)
                return;
            ++inFlight;
            const int taken = next++;
            outcome = connection.begin(taken, requests[std::size_t(taken)], end);
        }
    };

    const double cpuBefore = threadCpuSeconds();
    const Clock::time_point begin = Clock::now();
    for (const auto &connection : pool) {
        ++inFlight;
        const int taken = next++;
        advance(*connection, connection->begin(taken, requests[std::size_t(taken)], Clock::now()));
    }
    epoll_event events[256];
    Clock::time_point lastSweep = begin;
    while (inFlight > 0) {
        const int ready = ::epoll_wait(epoll, events, int(std::size(events)), 1000);
        if (ready < 0 && errno != EINTR)
            break; // what is still in flight keeps status 0
        const Clock::time_point now = Clock::now();
        for (int e = 0; e < ready; ++e) {
            auto *connection = static_cast<LoopConnection *>(events[e].data.ptr);
            advance(*connection, connection->handle(events[e].events, now));
        }
        if (now - lastSweep > std::chrono::seconds(1)) {
            for (const auto &connection : pool)
                advance(*connection, connection->expire(now, kStall));
            lastSweep = now;
        }
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - begin).count();
    LoadResult result = summarize(connections, seconds, std::move(latencies), succeeded);
    result.senderCpuSeconds = threadCpuSeconds() - cpuBefore;
    pool.clear();
    ::close(epoll);
    return result;
}

} // namespace mado::bench
