#pragma once

#include <QtGlobal>

#include <functional>
#include <vector>

namespace mado::bench {

class BenchSession;

// What one level of load gave: every request's outcome and latency.
struct LoadResult {
    int senders = 0;
    int requests = 0;
    int succeeded = 0; // answered with the expected 2xx
    int failed = 0;
    double seconds = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    double senderCpuSeconds = -1; // CPU time of the sending thread when measured, else -1

    double throughput() const { return seconds > 0 ? succeeded / seconds : 0; }
};

// The result of `latencies.size()` requests (latency of each in ms) of which `succeeded` were
// acknowledged, sent by `senders` in `seconds`.
LoadResult summarize(int senders, double seconds, std::vector<double> latencies, int succeeded);

// Runs `requests` requests from `senders` threads, each with its own keep-alive connection to
// port (BenchSession, Poco's client); the threads take the next index until all are taken. Used
// for the LIFF submissions; webhooks, prepared in advance, go through EventLoopLoad. send(session, index) makes one
// request (or a few, for an application) and returns whether it was acknowledged; the time it
// takes is that request's latency. Called from one thread; send is called concurrently.
class LoadRun {
public:
    using Send = std::function<bool(BenchSession &session, int index)>;

    static LoadResult run(quint16 port, int senders, int requests, const Send &send);
};

} // namespace mado::bench
