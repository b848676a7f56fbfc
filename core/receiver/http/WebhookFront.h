#pragma once

#include "core/domain/Result.h"
#include "core/receiver/http/ClientAddress.h"

#include <chrono>
#include <functional>
#include <memory>
#include <string>

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
// A connection is handed over only once its request head is complete (a head that trickles in
// costs no thread of the other server), and only if handOver takes it: when it refuses (every
// slot busy), the front answers 503 and closes.
// Limits against hostile peers: connections idle longer than idleTimeout are closed; beyond
// maxConnections new ones are closed at once; a request (or a head to hand over) must be complete
// requestDeadline after its first byte; the bytes the connections hold together (input, bodies
// being assembled, answers not sent) are capped by memoryBudget, a connection with a large request
// that would pass it is answered 503 and closed; one connection is served at most
// maxRequestsPerWake requests and maxBytesPerWake bytes before the others get their turn; after
// maxRefusalsInARow refused webhooks in a row a connection is closed. start() and stop() from one
// controlling thread.
class WebhookFront {
public:
    // Takes a connected socket (blocking) whose next request, its head complete, is for another
    // route, and returns true: it owns the socket from then on, also when it throws. Returns false,
    // without taking the socket, when it cannot serve another connection now. light: that request
    // is a GET or HEAD without a body and nothing was sent after its head (a /healthz or /metrics
    // probe): it needs a thread only for a moment. client: the request's client address
    // (Options::clientAddress over the socket's peer and the head's forwarding header).
    using HandOver = std::function<bool(int socket, bool light, const std::string &client)>;
    struct Options {
        std::chrono::milliseconds idleTimeout{10'000};
        std::size_t maxConnections = 1024;
        // How long stop() lets requests under way finish.
        std::chrono::milliseconds stopGrace{5'000};
        std::chrono::milliseconds requestDeadline{15'000};
        std::size_t memoryBudget = 256 * 1024 * 1024;
        int maxRequestsPerWake = 64;
        std::size_t maxBytesPerWake = 256 * 1024;
        int maxRefusalsInARow = 16; // 0: no limit
        // Which peers are trusted proxies, and so whose forwarding header names the client.
        ClientAddress clientAddress;
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
