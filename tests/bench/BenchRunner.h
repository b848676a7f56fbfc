#pragma once

#include <QString>

#include <vector>

class QTextStream;

namespace mado::bench {

struct BenchOptions {
    QString receiverProgram; // madoguchi-receiver
    QString baselineScript;  // server.js of the Node baseline; empty: no baseline
    QString nodeProgram = QStringLiteral("node");
    QString nodePath; // NODE_PATH for the baseline (its node_modules)
    std::vector<int> senders{1, 10, 100};
    int webhooks = 30000; // per level
    // follow: the receiver's worker replies through the LINE simulator (in this process) to each;
    // unfollow: it only records the user's state.
    QString eventType = QStringLiteral("follow");
    int applications = 500; // per level; 0: no LIFF submissions
    QString workDirectory;  // spool, event file, configuration and logs
};

// The receiver benchmark: starts the LINE simulator (ID tokens) in this process, the receiver
// and the Node baseline as child processes on loopback ports, and for each number of senders sends
// signed webhooks to both and LIFF submissions to the receiver. Afterwards both servers are
// killed with SIGKILL and every acknowledged event and application is looked up on disk. Prints
// progress and the result table to out; returns 0 when everything acknowledged was durable and
// no request failed, 1 otherwise, 2 when a server could not be started. From one thread.
class BenchRunner {
public:
    explicit BenchRunner(BenchOptions options) : m_options(std::move(options)) {}
    int run(QTextStream &out);

private:
    BenchOptions m_options;
};

} // namespace mado::bench
