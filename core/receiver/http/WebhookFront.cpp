#include "core/receiver/http/WebhookFront.h"

#include "core/receiver/http/FrontConnection.h"
#include "core/receiver/http/HttpRequestHead.h"
#include "core/receiver/IntakeLog.h"
#include "core/receiver/ReceiverMetrics.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/line/WebhookCheck.h"
#include "core/receiver/line/WebhookCommitter.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <pthread.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>
#include <unordered_map>

namespace mado {

namespace {

using Clock = std::chrono::steady_clock;

const std::string kWebhookRoute = "/line/webhook";
constexpr quint64 kListenKey = 1;
constexpr quint64 kWakeKey = 2;
constexpr quint64 kFirstConnection = 16;
constexpr int kMaxEvents = 256;
constexpr std::size_t kReadChunk = 16 * 1024;
// Bytes held by all connections together are capped (Options::memoryBudget); a connection is
// refused for it only while it holds more than kLargeInput, which LINE's webhooks (a few kB) never
// reach.
constexpr std::size_t kLargeInput = 64 * 1024;
// Answers waiting to be sent on one connection: beyond this, the connection's further requests are
// not read until its peer has taken some (a client that sends and never reads cannot pile up
// answers in memory).
constexpr std::size_t kMaxPendingOutput = 64 * 1024;
// Bytes read and dropped when a connection is closed after its last answer.
constexpr std::size_t kDrainOnClose = 64 * 1024;
// Webhooks are handed to the committer every this many (and at the end of each round of events),
// so that a commit starts while the rest of a round is still being read.
constexpr std::size_t kSubmitEvery = 16;
// Stored webhooks are answered after every this many events of a round (and when the committer
// wakes the loop).
constexpr int kAnswerEvery = 16;
// Enough to tell the webhook route apart: "POST /line/webhook" and the character after it.
constexpr std::size_t kPeekBytes = 19;
// A head to hand over is peeked again whole each time bytes arrive: one that comes in more pieces
// than this is not a real client's (which sends it in one or a few) and would cost a copy of up to
// kReadChunk bytes per piece, so its connection is closed.
constexpr int kMaxHeadPieces = 64;

struct Connection {
    Connection(quint64 key, int socket, const WebhookCheck &check, int maxRefusalsInARow)
        : id(key), fd(socket), http(check, maxRefusalsInARow)
    {
    }
    quint64 id;
    int fd;
    FrontConnection http;
    Clock::time_point lastActivity = Clock::now();
    bool writeWatched = false; // EPOLLOUT registered (an answer did not fit in the socket buffer)
    bool closeAfterSend = false;
    bool readPaused = false; // input or output at its cap; resumed when answers have gone out
    bool peerClosed = false;
    bool hangUp = false;     // EPOLLRDHUP/EPOLLHUP seen: read to the end of the stream
    // When the request now being received began (its first byte); meaningful while not idle.
    Clock::time_point requestSince = Clock::now();
    // A request for another route whose head is not complete yet (peeked, not read); since when.
    bool handOverPending = false;
    Clock::time_point handOverSince{};
    int headPieces = 0;
    // What this connection counts in the front's held bytes (FrontConnection::heldBytes()).
    std::size_t accounted = 0;
    // Work left in this turn (WebhookFront::Options::maxRequestsPerWake and maxBytesPerWake);
    // deferred: the connection has more to do and is in the list served after the next epoll_wait.
    int requestsLeft = 0;
    std::size_t bytesLeft = 0;
    bool deferred = false;

    bool outputFull() const { return http.output().size() > kMaxPendingOutput; }
};

} // namespace

struct WebhookFront::Impl {
    Impl(Spool &s, ReceiverMetrics &m, const WebhookCheck &c, HandOver h, Options o)
        : spool(s), metrics(m), check(c), handOver(std::move(h)), options(o)
    {
    }

    void run();
    void acceptAll();
    void onEvent(quint64 key, quint32 mask);
    void readable(Connection &c);
    void process(Connection &c);
    void flush(Connection &c);
    void finishStores();
    void submitStores();
    void sweep(Clock::time_point now);
    void logStores();
    void handOverConnection(Connection &c, bool light, const std::string &client);
    void overBudget(Connection &c);
    void close(quint64 id);
    void watchListener(bool on);
    bool watch(Connection &c, int op, quint64 id);
    void beginTurn(Connection &c)
    {
        c.requestsLeft = options.maxRequestsPerWake;
        c.bytesLeft = options.maxBytesPerWake;
    }
    void defer(Connection &c)
    {
        if (!c.deferred) {
            c.deferred = true;
            deferred.push_back(c.id);
        }
    }
    void resumeDeferred();
    void account(Connection &c)
    {
        const std::size_t now = c.http.heldBytes();
        held = held - c.accounted + now;
        c.accounted = now;
        metrics.setFrontHeldBytes(held);
    }
    std::size_t inputCap() const { return std::size_t(check.maxBodyBytes()) + HttpRequestHead::kMaxSize + kReadChunk; }

    Spool &spool;
    ReceiverMetrics &metrics;
    const WebhookCheck &check;
    HandOver handOver;
    Options options;
    int listenFd = -1;
    int epollFd = -1;
    int wakeFd = -1;
    bool listenerWatched = false;
    std::atomic<bool> stopping{false};
    std::unique_ptr<WebhookCommitter> committer;
    std::thread thread;
    std::unordered_map<quint64, Connection> connections;
    quint64 nextId = kFirstConnection;
    std::vector<WebhookCommitter::Ticket> toStore; // collected during one round of events
    std::vector<quint64> deferred;                  // connections whose turn ended with work left
    std::size_t held = 0;                           // bytes held by all connections (accounted)
    quint64 overBudgetSinceLog = 0;
    char readBuffer[kReadChunk];
    // Events stored since the last log line: one line a second at most, not one per webhook.
    quint64 storedSinceLog = 0;
    quint64 duplicatesSinceLog = 0;
};

WebhookFront::WebhookFront(Spool &spool, ReceiverMetrics &metrics, const WebhookCheck &check, HandOver handOver,
                           Options options)
    : d(std::make_unique<Impl>(spool, metrics, check, std::move(handOver), options))
{
}

WebhookFront::~WebhookFront()
{
    stop();
}

Status WebhookFront::start(int listeningSocket)
{
    if (d->thread.joinable())
        return {};
    auto fail = [this](const char *what) {
        const int error = errno;
        if (d->epollFd >= 0)
            ::close(d->epollFd);
        if (d->wakeFd >= 0)
            ::close(d->wakeFd);
        d->epollFd = d->wakeFd = -1;
        return Error{ErrorCode::Network,
                     QStringLiteral("webhook front: %1: %2").arg(QLatin1String(what), QString::fromLocal8Bit(std::strerror(error)))};
    };
    d->listenFd = listeningSocket;
    const int flags = ::fcntl(listeningSocket, F_GETFL);
    if (flags < 0 || ::fcntl(listeningSocket, F_SETFL, flags | O_NONBLOCK) < 0)
        return fail("fcntl");
    d->epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    if (d->epollFd < 0)
        return fail("epoll_create1");
    d->wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (d->wakeFd < 0)
        return fail("eventfd");
    epoll_event wake{};
    wake.events = EPOLLIN;
    wake.data.u64 = kWakeKey;
    if (::epoll_ctl(d->epollFd, EPOLL_CTL_ADD, d->wakeFd, &wake) < 0)
        return fail("epoll_ctl");
    d->watchListener(true);
    if (!d->listenerWatched)
        return fail("epoll_ctl");
    const int wakeFd = d->wakeFd;
    d->committer = std::make_unique<WebhookCommitter>(d->spool, [wakeFd] {
        const quint64 one = 1;
        [[maybe_unused]] const ssize_t written = ::write(wakeFd, &one, sizeof one);
    });
    d->stopping = false;
    d->thread = std::thread([this] { d->run(); });
    return {};
}

void WebhookFront::stop()
{
    if (!d->thread.joinable())
        return;
    d->stopping = true;
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t written = ::write(d->wakeFd, &one, sizeof one);
    d->thread.join();
    d->committer.reset(); // stores what was submitted (nobody is told: LINE redelivers)
    ::close(d->epollFd);
    ::close(d->wakeFd);
    d->epollFd = d->wakeFd = -1;
}

void WebhookFront::Impl::watchListener(bool on)
{
    if (on == listenerWatched)
        return;
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = kListenKey;
    if (::epoll_ctl(epollFd, on ? EPOLL_CTL_ADD : EPOLL_CTL_DEL, listenFd, &event) == 0)
        listenerWatched = on;
}

bool WebhookFront::Impl::watch(Connection &c, int op, quint64 id)
{
    epoll_event event{};
    // Edge-triggered: a connection is reported when new bytes arrive (or, with EPOLLOUT, when
    // room opens), so bytes merely peeked at do not report it again and again.
    event.events = EPOLLIN | EPOLLRDHUP | EPOLLET | (c.writeWatched ? EPOLLOUT : 0u);
    event.data.u64 = id;
    return ::epoll_ctl(epollFd, op, c.fd, &event) == 0;
}

void WebhookFront::Impl::run()
{
    ::pthread_setname_np(::pthread_self(), "webhook-front");
    epoll_event events[kMaxEvents];
    Clock::time_point nextSweep = Clock::now() + std::chrono::seconds(1);
    Clock::time_point stopDeadline{};
    bool stopSeen = false;
    while (true) {
        // Connections with work left from their last turn are served after the events, without
        // waiting.
        const int n = ::epoll_wait(epollFd, events, kMaxEvents, deferred.empty() ? 1000 : 0);
        if (n < 0 && errno != EINTR) {
            qCCritical(lcIntake) << "webhook front: epoll_wait failed:" << std::strerror(errno);
            break;
        }
        for (int i = 0; i < n; ++i) {
            const quint64 key = events[i].data.u64;
            if (key == kListenKey) {
                acceptAll();
            } else if (key == kWakeKey) {
                quint64 count = 0;
                [[maybe_unused]] const ssize_t got = ::read(wakeFd, &count, sizeof count);
                finishStores();
            } else {
                onEvent(key, events[i].events);
            }
            // Within a long round, answer what has been stored meanwhile instead of at its end.
            if ((i + 1) % kAnswerEvery == 0)
                finishStores();
        }
        resumeDeferred();
        submitStores();
        const Clock::time_point now = Clock::now();
        if (stopping && !stopSeen) {
            stopSeen = true;
            stopDeadline = now + options.stopGrace;
            watchListener(false); // no new connections; the listening socket stays the owner's
        }
        if (now >= nextSweep || stopSeen) {
            sweep(now);
            nextSweep = now + std::chrono::seconds(1);
        }
        if (stopSeen && (connections.empty() || now >= stopDeadline))
            break;
    }
    while (!connections.empty())
        close(connections.begin()->first);
    logStores();
}

void WebhookFront::Impl::resumeDeferred()
{
    // Those deferred in this pass wait for the next one, after the next events.
    for (const quint64 id : std::exchange(deferred, {})) {
        const auto it = connections.find(id);
        if (it == connections.end())
            continue;
        Connection &c = it->second;
        c.deferred = false;
        beginTurn(c);
        c.readPaused = false;
        readable(c);
    }
}

void WebhookFront::Impl::logStores()
{
    if (overBudgetSinceLog > 0) {
        qCWarning(lcIntake) << "webhook front: memory budget spent;" << overBudgetSinceLog
                            << "connections with large requests answered 503 and closed";
        overBudgetSinceLog = 0;
    }
    if (storedSinceLog == 0 && duplicatesSinceLog == 0)
        return;
    qCInfo(lcIntake) << "webhooks:" << storedSinceLog << "events stored," << duplicatesSinceLog
                     << "duplicates ignored";
    storedSinceLog = duplicatesSinceLog = 0;
}

void WebhookFront::Impl::acceptAll()
{
    while (true) {
        const int fd = ::accept4(listenFd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                // Out of descriptors: stop accepting until the next sweep rather than spin.
                qCWarning(lcIntake) << "webhook front: cannot accept:" << std::strerror(errno);
                watchListener(false);
            }
            return;
        }
        if (connections.size() >= options.maxConnections) {
            ::close(fd);
            continue;
        }
        const int on = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        const quint64 id = nextId++;
        auto [it, inserted] = connections.try_emplace(id, id, fd, check, options.maxRefusalsInARow);
        if (!watch(it->second, EPOLL_CTL_ADD, id)) {
            ::close(fd);
            connections.erase(it);
        }
    }
}

void WebhookFront::Impl::onEvent(quint64 id, quint32 mask)
{
    const auto it = connections.find(id);
    if (it == connections.end())
        return;
    Connection &c = it->second;
    if (mask & EPOLLERR)
        return close(id);
    beginTurn(c);
    if (mask & (EPOLLRDHUP | EPOLLHUP))
        c.hangUp = true;
    if ((mask & EPOLLOUT) && !c.http.output().empty()) {
        flush(c);
        if (!connections.count(id))
            return;
        // Room again: serve the requests that waited for the answers to drain.
        if (c.readPaused && !c.outputFull()) {
            process(c);
            return;
        }
    }
    if (mask & (EPOLLIN | EPOLLRDHUP | EPOLLHUP))
        readable(c);
}

void WebhookFront::Impl::readable(Connection &c)
{
    const quint64 id = c.id;
    if (c.closeAfterSend)
        return;
    if (c.http.idle() && c.http.output().empty()) {
        // Between requests, every answer sent: whose is the next one? Peeked, so that another
        // server can read it. (With an answer still unsent, the connection stays here: a request
        // for another route is then refused like any pipelined one.)
        // A request for another route is peeked whole up to its head's end (at most kReadChunk
        // bytes): the other server's threads never wait for a head that trickles in.
        const ssize_t n = ::recv(c.fd, readBuffer, c.handOverPending ? kReadChunk : kPeekBytes, MSG_PEEK);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
            return close(id);
        if (n < 0)
            return;
        const std::string_view peeked(readBuffer, std::size_t(n));
        switch (FrontConnection::route(peeked)) {
        case FrontConnection::Route::Undecided:
            return; // the rest of the request line wakes the connection again
        case FrontConnection::Route::Other:
            if (!c.handOverPending) {
                c.handOverPending = true;
                c.handOverSince = Clock::now();
                return readable(c); // peek as far as the head's end
            }
            // A head larger than the peek goes over as it is: the other server refuses it. (Poco
            // also takes bare LF line ends, so a head ending in "\n\n" is complete for it too.)
            if (peeked.find("\r\n\r\n") != std::string_view::npos || peeked.find("\n\n") != std::string_view::npos ||
                std::size_t(n) == kReadChunk) {
                HttpRequestHead head;
                std::size_t headSize = 0;
                const bool complete = head.parse(peeked, headSize) == HttpRequestHead::Parse::Complete;
                const bool light = complete && headSize == peeked.size() &&
                                   (head.method() == "GET" || head.method() == "HEAD") && !head.chunked() &&
                                   head.contentLength() <= 0;
                const std::string peer = ClientAddress::peerOf(c.fd);
                return handOverConnection(c, light,
                                          complete ? options.clientAddress.resolve(peer, head) : peer);
            }
            if (++c.headPieces > kMaxHeadPieces)
                return close(id);
            return; // the rest of the head wakes the connection again (or the deadline closes it)
        case FrontConnection::Route::Webhook:
            break;
        }
    }
    std::string &input = c.http.input();
    const bool wasIdle = c.http.idle();
    while (true) {
        if (input.size() >= inputCap() || c.outputFull()) {
            c.readPaused = true;
            break;
        }
        if (c.bytesLeft == 0) {
            defer(c); // the others' turn; the rest is read after the next epoll_wait
            break;
        }
        if (c.accounted > kLargeInput && held > options.memoryBudget)
            return overBudget(c);
        // Into a buffer of the loop's, then appended: growing input() by a whole chunk first would
        // zero-fill 16 KiB for every request of a few hundred bytes.
        const std::size_t want = std::min(kReadChunk, c.bytesLeft);
        const ssize_t n = ::recv(c.fd, readBuffer, want, 0);
        if (n > 0) {
            input.append(readBuffer, std::size_t(n));
            c.bytesLeft -= std::size_t(n);
            account(c);
        }
        if (n > 0 && std::size_t(n) < want && !c.hangUp)
            break; // a stream socket read short is drained for now (epoll(7))
        if (n > 0)
            continue;
        if (n == 0) {
            c.peerClosed = true;
            break;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            break;
        return close(id);
    }
    c.lastActivity = Clock::now();
    if (wasIdle && !c.http.idle())
        c.requestSince = c.lastActivity;
    process(c);
}

void WebhookFront::Impl::process(Connection &c)
{
    const quint64 id = c.id;
    while (!c.closeAfterSend) {
        if (c.outputFull()) {
            c.readPaused = true; // resumed from onEvent() once the peer has read some answers
            break;
        }
        if (c.requestsLeft <= 0) {
            defer(c); // the others' turn; pipelined requests are served after the next epoll_wait
            break;
        }
        const FrontConnection::Step step = c.http.advance();
        if (step == FrontConnection::Step::NeedMore || step == FrontConnection::Step::Waiting)
            break;
        --c.requestsLeft;
        // The next request (if any is buffered) starts now.
        c.requestSince = Clock::now();
        if (step == FrontConnection::Step::Store) {
            WebhookCommitter::Ticket ticket;
            ticket.connection = id;
            ticket.events = c.http.takeEvents();
            toStore.push_back(std::move(ticket));
            if (toStore.size() >= kSubmitEvery)
                submitStores();
            break;
        }
        metrics.countRequest(kWebhookRoute, c.http.lastStatus());
        if (step == FrontConnection::Step::Close) {
            c.closeAfterSend = true;
            if (c.http.refusalLimitReached())
                metrics.countLimit(ReceiverMetrics::Limit::RefusalsInARow);
        }
    }
    // A peer that closed its side gets the answers to what it sent, then the connection closes.
    if (c.peerClosed && !c.http.waiting())
        c.closeAfterSend = true;
    flush(c);
    if (!connections.count(id))
        return;
    account(c);
    if (c.readPaused && !c.deferred && !c.http.waiting() && !c.closeAfterSend && !c.outputFull()) {
        c.readPaused = false;
        readable(c);
    }
}

void WebhookFront::Impl::flush(Connection &c)
{
    const quint64 id = c.id;
    std::string &output = c.http.output();
    std::size_t sent = 0;
    while (sent < output.size()) {
        const ssize_t n = ::send(c.fd, output.data() + sent, output.size() - sent, MSG_NOSIGNAL);
        if (n > 0) {
            sent += std::size_t(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        return close(id); // the peer is gone
    }
    output.erase(0, sent);
    if (output.empty() && output.capacity() > kMaxPendingOutput)
        std::string().swap(output);
    const bool pending = !output.empty();
    if (pending != c.writeWatched) {
        c.writeWatched = pending;
        if (!watch(c, EPOLL_CTL_MOD, id))
            return close(id);
    }
    if (!pending && c.closeAfterSend) {
        // Our side first, and what the peer still sent is read and dropped: closing with unread
        // bytes makes the kernel reset the connection, and the peer may lose the answer (a 413
        // before an unread body, say). What arrives later than this is not waited for.
        ::shutdown(c.fd, SHUT_WR);
        for (std::size_t drained = 0; drained < kDrainOnClose;) {
            const ssize_t n = ::recv(c.fd, readBuffer, kReadChunk, 0);
            if (n <= 0)
                break;
            drained += std::size_t(n);
        }
        close(id);
    }
}

void WebhookFront::Impl::submitStores()
{
    if (!toStore.empty())
        committer->submit(std::exchange(toStore, {}));
}

void WebhookFront::Impl::finishStores()
{
    for (WebhookCommitter::Ticket &ticket : committer->takeFinished()) {
        const Result<SpoolWriteResult> &result = *ticket.result;
        if (result) {
            metrics.countWebhookEvents(result.value().stored, result.value().duplicates);
            storedSinceLog += quint64(result.value().stored);
            duplicatesSinceLog += quint64(result.value().duplicates);
        }
        const auto it = connections.find(ticket.connection);
        if (it == connections.end())
            continue; // the peer left; stored events are redelivered by LINE and deduplicated
        Connection &c = it->second;
        const FrontConnection::Step step = c.http.stored(result);
        metrics.countRequest(kWebhookRoute, c.http.lastStatus());
        if (step == FrontConnection::Step::Close || stopping)
            c.closeAfterSend = true;
        c.lastActivity = Clock::now();
        // Answers this one and any request that was sent behind it.
        beginTurn(c);
        process(c);
    }
}

void WebhookFront::Impl::sweep(Clock::time_point now)
{
    logStores();
    if (!stopping && !listenerWatched)
        watchListener(true); // after running out of descriptors
    std::vector<quint64> expired;
    for (auto &[id, c] : connections) {
        if (c.http.waiting())
            continue;
        const bool slowRequest = (!c.http.idle() && now - c.requestSince > options.requestDeadline) ||
                                 (c.handOverPending && now - c.handOverSince > options.requestDeadline);
        if ((stopping && c.http.idle() && c.http.output().empty()) || now - c.lastActivity > options.idleTimeout ||
            slowRequest)
            expired.push_back(id);
    }
    for (const quint64 id : expired)
        close(id);
}

void WebhookFront::Impl::handOverConnection(Connection &c, bool light, const std::string &client)
{
    const quint64 id = c.id;
    const int fd = c.fd;
    const int flags = ::fcntl(fd, F_GETFL);
    if (stopping || flags < 0)
        return close(id);
    ::epoll_ctl(epollFd, EPOLL_CTL_DEL, fd, nullptr);
    if (::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0)
        return close(id);
    bool taken = true;
    try {
        taken = handOver(fd, light, client); // owns the socket when it takes it, also when it fails
    } catch (const std::exception &e) {
        qCWarning(lcIntake) << "webhook front: hand-over failed:" << e.what();
    }
    if (taken) {
        held -= c.accounted;
        connections.erase(id);
        return;
    }
    // Every slot of the other server is busy: a quick 503 from here rather than a wait.
    c.handOverPending = false;
    if (::fcntl(fd, F_SETFL, flags) < 0 || !watch(c, EPOLL_CTL_ADD, id))
        return close(id);
    metrics.countLimit(ReceiverMetrics::Limit::HandOversBusy);
    metrics.countRequest("other", 503);
    c.http.overloaded();
    c.closeAfterSend = true;
    flush(c);
}

void WebhookFront::Impl::overBudget(Connection &c)
{
    metrics.countLimit(ReceiverMetrics::Limit::MemoryBudget);
    ++overBudgetSinceLog;
    if (c.http.waiting())
        return close(c.id); // its answer cannot be given yet; LINE redelivers what is not answered
    c.http.overloaded();
    metrics.countRequest(kWebhookRoute, 503);
    c.closeAfterSend = true;
    account(c);
    flush(c);
}

void WebhookFront::Impl::close(quint64 id)
{
    const auto it = connections.find(id);
    if (it == connections.end())
        return;
    ::epoll_ctl(epollFd, EPOLL_CTL_DEL, it->second.fd, nullptr);
    ::close(it->second.fd);
    held -= it->second.accounted;
    metrics.setFrontHeldBytes(held);
    connections.erase(it);
}

} // namespace mado
