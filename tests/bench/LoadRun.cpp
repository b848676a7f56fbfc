#include "tests/bench/LoadRun.h"

#include "tests/bench/BenchSession.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>
#include <utility>
#include <vector>

namespace mado::bench {

namespace {

using Clock = std::chrono::steady_clock;

// The value below which fraction q of the sorted samples lie (nearest rank).
double percentile(const std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return 0;
    const auto rank = std::size_t(std::ceil(q * double(sorted.size())));
    return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

} // namespace

LoadResult LoadRun::run(quint16 port, int senders, int requests, const Send &send)
{
    std::vector<double> latencies(std::size_t(std::max(requests, 0)), 0.0);
    std::vector<char> ok(latencies.size(), 0);
    std::atomic<int> next{0};
    const Clock::time_point begin = Clock::now();
    std::vector<std::thread> threads;
    for (int s = 0; s < senders; ++s) {
        threads.emplace_back([&] {
            BenchSession session(port);
            for (int i = next++; i < requests; i = next++) {
                const Clock::time_point sent = Clock::now();
                ok[std::size_t(i)] = send(session, i) ? 1 : 0;
                latencies[std::size_t(i)] = std::chrono::duration<double, std::milli>(Clock::now() - sent).count();
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - begin).count();
    return summarize(senders, seconds, std::move(latencies), int(std::count(ok.begin(), ok.end(), 1)));
}

LoadResult summarize(int senders, double seconds, std::vector<double> latencies, int succeeded)
{
    LoadResult result;
    result.seconds = seconds;
    result.senders = senders;
    result.requests = int(latencies.size());
    result.succeeded = succeeded;
    result.failed = result.requests - succeeded;
    std::sort(latencies.begin(), latencies.end());
    result.p50Ms = percentile(latencies, 0.50);
    result.p99Ms = percentile(latencies, 0.99);
    result.maxMs = latencies.empty() ? 0 : latencies.back();
    return result;
}

} // namespace mado::bench
