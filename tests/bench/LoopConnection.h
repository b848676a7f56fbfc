#pragma once

#include "tests/bench/AnswerParser.h"

#include <QtGlobal>

#include <chrono>
#include <cstdint>
#include <string>

namespace mado::bench {

// One kept-alive HTTP/1.1 connection to 127.0.0.1:port driven by an epoll event loop
// (EventLoopLoad): a non-blocking socket with one prepared request in flight at a time. It
// connects when it has none, sends what the socket takes and waits for EPOLLOUT for the rest, and
// reads the answer as it comes (AnswerParser). When the server closes the connection before any
// byte of the answer arrived (a kept-alive connection closed meanwhile), the request is sent once
// more on a new connection; after an answer with "Connection: close" the next request connects
// anew. Every call returns whether the request in flight is finished, with its status (0: no
// answer). Not thread-safe; never throws.
class LoopConnection {
public:
    using Clock = std::chrono::steady_clock;

    struct Outcome {
        bool finished = false;
        int index = -1;
        int status = 0;
        Clock::time_point start;
    };

    LoopConnection(int epollFd, quint16 port);
    ~LoopConnection();
    LoopConnection(const LoopConnection &) = delete;
    LoopConnection &operator=(const LoopConnection &) = delete;

    // Sends request `index`; `request` must outlive it. Its latency counts from `start`.
    Outcome begin(int index, const std::string &request, Clock::time_point start);
    // epoll reported `events` for this connection's socket at `now`.
    Outcome handle(std::uint32_t events, Clock::time_point now);
    // Gives up the request in flight if nothing moved on the connection for longer than limit.
    Outcome expire(Clock::time_point now, Clock::duration limit);

private:
    Outcome open();
    Outcome sendRest();
    Outcome receive();
    // The connection is gone and no byte of the answer came: one more try on a new connection.
    Outcome lost();
    Outcome finish(int status);
    bool watch(std::uint32_t events);
    void drop();

    int m_epoll;
    quint16 m_port;
    int m_fd = -1;
    std::uint32_t m_watched = 0; // epoll events registered for m_fd; 0: not registered
    bool m_connecting = false;

    int m_index = -1; // request in flight, -1: none
    const std::string *m_request = nullptr;
    std::size_t m_sent = 0;
    bool m_retried = false;
    Clock::time_point m_start;
    Clock::time_point m_lastProgress;
    AnswerParser m_answer;
};

} // namespace mado::bench
