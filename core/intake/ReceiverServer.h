#pragma once

#include "core/Result.h"
#include "core/intake/ReceiverOptions.h"

#include <memory>

namespace mado {

class ReceiverMetrics;
class Spool;

// The receiver's HTTP front: a Poco HTTPServer with the receiver's routes (see ReceiverRoutes).
// start() and stop() are called from one controlling thread; requests are served on Poco's pool.
// stop() stops accepting and lets in-flight requests finish. The spool must outlive the server.
class ReceiverServer {
public:
    ReceiverServer(ReceiverOptions options, Spool &spool);
    ~ReceiverServer();
    ReceiverServer(const ReceiverServer &) = delete;
    ReceiverServer &operator=(const ReceiverServer &) = delete;

    Status start();
    void stop();
    bool isRunning() const;
    // The bound port (meaningful after start()).
    quint16 port() const;
    // The counters of GET /metrics; the workstation listener counts its requests there too.
    ReceiverMetrics &metrics();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mado
