#pragma once

#include "tests/bench/LoadRun.h"

#include <QtGlobal>

#include <string>
#include <vector>

namespace mado::bench {

// Sends requests prepared in advance (complete HTTP/1.1 requests) to 127.0.0.1:port like wrk
// does: one thread with epoll drives `connections` kept-alive non-blocking connections
// (LoopConnection), closed loop: each has one request in flight and, once its answer is complete,
// sends the next request nobody has taken yet. A request's latency runs from the start of its
// send (including the connect for the first request of a connection) to the end of its answer.
// Much cheaper per request for the cores it shares with the servers than a thread per sender.
// statuses receives each request's answer status (0: none). Never throws.
class EventLoopLoad {
public:
    static LoadResult run(quint16 port, int connections, const std::vector<std::string> &requests,
                          std::vector<int> *statuses);
};

} // namespace mado::bench
