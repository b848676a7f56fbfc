#pragma once

#include "core/domain/Result.h"
#include "core/receiver/ReceiverOptions.h"

#include <memory>

namespace mado {

class ReceiverMetrics;
class Spool;

// The receiver's public HTTP listener. An event-driven front (WebhookFront) accepts every
// connection and serves LINE's webhooks itself; connections for the other routes (ReceiverRoutes:
// the applicant API, /healthz, /metrics) are handed to Poco's HTTP server machinery, a pool thread
// per connection. start() and stop() are called from one controlling thread. stop() stops
// accepting and lets in-flight requests finish. The spool must outlive the server.
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
