#pragma once

#include "core/Result.h"

#include <chrono>
#include <functional>
#include <memory>

namespace mado {

class ReceiverMetrics;
class Spool;
class WebhookCheck;

// The receiver's public listener, event-driven: one thread with Linux epoll accepts every
// connection and serves POST /line/webhook itself (FrontConnection: parsing and WebhookCheck's
// checks), handing the events to a WebhookCommitter, which stores the webhooks of many connections
// in one commit, and answering each only after its commit (nothing is acknowledged before it is
// durable). A connection whose next request is for another route (the applicant API, /healthz,
// /metrics, anything else) is told apart by its first bytes, read without consuming them
// (MSG_PEEK), and handed over, in blocking mode and unread, to handOver, which serves it from then
// on (Poco's HTTP server). LINE keeps connections alive and sends one webhook per request, so the
// front serves them with no thread per connection and no hand-over between threads per request.
// Connections idle longer than idleTimeout are closed; beyond maxConnections new ones are
// closed at once; the input the connections hold together is capped (256 MiB). start() and stop() from one controlling thread.
class WebhookFront {
public:
    // Takes a connected socket (blocking) whose next request is for another route; owns it from
    // then on, also when it throws.
    using HandOver = std::function<void(int socket)>;
    struct Options {
        std::chrono::milliseconds idleTimeout{10'000};
        std::size_t maxConnections = 1024;
        // How long stop() lets requests under way finish.
        std::chrono::milliseconds stopGrace{5'000};
    };

    WebhookFront(Spool &spool, ReceiverMetrics &metrics, const WebhookCheck &check, HandOver handOver,
                 Options options);
    ~WebhookFront();
    WebhookFront(const WebhookFront &) = delete;
    WebhookFront &operator=(const WebhookFront &) = delete;

    // Serves the listening socket (bound and listening; not owned, must stay open until stop()).
    Status start(int listeningSocket);
    // Stops accepting; requests whose events are being stored are answered, requests that arrive
    // complete within the grace period too; then every connection of the front is closed.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mado
