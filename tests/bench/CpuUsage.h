#pragma once

#include <QtGlobal>

namespace mado::bench {

// CPU time (user + system, all threads) a process has used so far, from /proc/<pid>/stat
// (Linux; clock ticks, usually 10 ms). For the benchmark's CPU shares: the difference across a
// load run, divided by its requests, is the CPU cost per request. -1 if it cannot be read.
class CpuUsage {
public:
    static double seconds(qint64 pid);
    static double ownSeconds(); // this process (the load generator and the LINE simulator in it)
};

} // namespace mado::bench
