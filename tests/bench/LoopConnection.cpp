#include "tests/bench/LoopConnection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace mado::bench {

LoopConnection::LoopConnection(int epollFd, quint16 port) : m_epoll(epollFd), m_port(port) {}

LoopConnection::~LoopConnection()
{
    drop();
}

LoopConnection::Outcome LoopConnection::begin(int index, const std::string &request, Clock::time_point start)
{
    m_index = index;
    m_request = &request;
    m_sent = 0;
    m_retried = false;
    m_start = start;
    m_lastProgress = start;
    m_answer.reset();
    return m_fd < 0 ? open() : sendRest();
}

LoopConnection::Outcome LoopConnection::open()
{
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        return lost();
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(m_port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0)
        return watch(EPOLLIN) ? sendRest() : lost();
    if (errno != EINPROGRESS)
        return lost();
    // Connected when the socket becomes writable; SO_ERROR tells whether it worked.
    m_connecting = true;
    return watch(EPOLLIN | EPOLLOUT) ? Outcome{} : lost();
}

LoopConnection::Outcome LoopConnection::sendRest()
{
    const std::string &request = *m_request;
    while (m_sent < request.size()) {
        const ssize_t n = ::send(m_fd, request.data() + m_sent, request.size() - m_sent, MSG_NOSIGNAL);
        if (n > 0) {
            m_sent += std::size_t(n);
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            // The socket's buffer is full: go on when epoll says it has room.
            return watch(EPOLLIN | EPOLLOUT) ? Outcome{} : lost();
        } else {
            return lost();
        }
    }
    return watch(EPOLLIN) ? Outcome{} : lost();
}

LoopConnection::Outcome LoopConnection::handle(std::uint32_t events, Clock::time_point now)
{
    if (m_fd < 0)
        return {};
    m_lastProgress = now;
    if (m_connecting) {
        if (!(events & (EPOLLOUT | EPOLLERR | EPOLLHUP)))
            return {};
        int error = 0;
        socklen_t length = sizeof error;
        if (::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0 || error != 0)
            return lost();
        m_connecting = false;
        return m_index >= 0 ? sendRest() : Outcome{};
    }
    if ((events & EPOLLOUT) && m_index >= 0 && m_sent < m_request->size()) {
        const Outcome sent = sendRest();
        if (sent.finished)
            return sent;
    }
    if (events & (EPOLLIN | EPOLLERR | EPOLLHUP))
        return receive();
    return {};
}

LoopConnection::Outcome LoopConnection::receive()
{
    char buffer[16384];
    for (;;) {
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return {};
        if (n <= 0) {
            // Closed by the server (or reset).
            if (m_index < 0 || !m_answer.started()) {
                drop();
                return m_index < 0 ? Outcome{} : lost();
            }
            const bool complete = m_answer.finish() == AnswerParser::Progress::Complete;
            drop();
            return finish(complete ? m_answer.status() : 0);
        }
        if (m_index < 0) {
            // Bytes nobody asked for: the connection is out of step.
            drop();
            return {};
        }
        std::size_t used = 0;
        const AnswerParser::Progress progress = m_answer.feed(buffer, std::size_t(n), &used);
        if (progress == AnswerParser::Progress::Malformed) {
            drop();
            return finish(0);
        }
        if (progress == AnswerParser::Progress::Complete) {
            // Answered before the whole request went out, or followed by stray bytes: the
            // connection cannot carry the next request.
            if (m_answer.closes() || used < std::size_t(n) || m_sent < m_request->size())
                drop();
            return finish(m_answer.status());
        }
        if (std::size_t(n) < sizeof buffer)
            return {};
    }
}

LoopConnection::Outcome LoopConnection::lost()
{
    drop();
    if (m_index < 0)
        return {};
    if (m_retried)
        return finish(0);
    m_retried = true;
    m_sent = 0;
    m_answer.reset();
    return open();
}

LoopConnection::Outcome LoopConnection::finish(int status)
{
    const Outcome outcome{true, m_index, status, m_start};
    m_index = -1;
    m_request = nullptr;
    return outcome;
}

LoopConnection::Outcome LoopConnection::expire(Clock::time_point now, Clock::duration limit)
{
    if (m_index < 0 || now - m_lastProgress <= limit)
        return {};
    drop();
    return finish(0);
}

bool LoopConnection::watch(std::uint32_t events)
{
    if (events == m_watched)
        return true;
    epoll_event event{};
    event.events = events;
    event.data.ptr = this;
    if (::epoll_ctl(m_epoll, m_watched == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, m_fd, &event) != 0)
        return false;
    m_watched = events;
    return true;
}

void LoopConnection::drop()
{
    // Closing the socket also removes it from the epoll set.
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_watched = 0;
    m_connecting = false;
}

} // namespace mado::bench
