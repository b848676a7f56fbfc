#include "tests/bench/RawSession.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <strings.h>

namespace mado::bench {

namespace {

// The value of header `name` (lower case, with the colon) in the header block, or npos.
std::size_t headerValue(const std::string &headers, const char *name)
{
    const std::size_t length = std::strlen(name);
    for (std::size_t line = headers.find("\r\n"); line != std::string::npos && line + 2 < headers.size();
         line = headers.find("\r\n", line + 2)) {
        if (strncasecmp(headers.c_str() + line + 2, name, length) == 0) {
            std::size_t value = line + 2 + length;
            while (value < headers.size() && headers[value] == ' ')
                ++value;
            return value;
        }
    }
    return std::string::npos;
}

} // namespace

RawSession::RawSession(quint16 port) : m_port(port) {}

RawSession::~RawSession()
{
    closeSocket();
}

bool RawSession::connectSocket()
{
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        return false;
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    const timeval timeout{30, 0};
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(m_port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        closeSocket();
        return false;
    }
    return true;
}

void RawSession::closeSocket()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_buffer.clear();
}

int RawSession::send(const std::string &request)
{
    const bool reused = m_fd >= 0;
    const int status = attempt(request);
    // A kept-alive connection may have been closed by the server between two requests.
    if (status == 0 && reused)
        return attempt(request);
    return status;
}

int RawSession::attempt(const std::string &request)
{
    if (m_fd < 0 && !connectSocket())
        return 0;
    for (std::size_t sent = 0; sent < request.size();) {
        const ssize_t n = ::send(m_fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) {
            closeSocket();
            return 0;
        }
        sent += std::size_t(n);
    }
    char chunk[4096];
    auto receive = [&]() -> bool {
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        m_buffer.append(chunk, std::size_t(n));
        return true;
    };
    std::size_t end = 0;
    while ((end = m_buffer.find("\r\n\r\n")) == std::string::npos) {
        if (!receive()) {
            closeSocket();
            return 0;
        }
    }
    const std::string headers = m_buffer.substr(0, end);
    // "HTTP/1.1 200 OK"
    const std::size_t space = headers.find(' ');
    const int status = space == std::string::npos ? 0 : std::atoi(headers.c_str() + space + 1);
    const std::size_t lengthAt = headerValue(headers, "content-length:");
    const std::size_t connectionAt = headerValue(headers, "connection:");
    const bool closes = connectionAt != std::string::npos && strncasecmp(headers.c_str() + connectionAt, "close", 5) == 0;
    if (lengthAt == std::string::npos) {
        // No length (chunked, or until close): not used by the servers measured; start afresh.
        closeSocket();
        return status;
    }
    const std::size_t total = end + 4 + std::size_t(std::strtoull(headers.c_str() + lengthAt, nullptr, 10));
    while (m_buffer.size() < total) {
        if (!receive()) {
            closeSocket();
            return 0;
        }
    }
    m_buffer.erase(0, total);
    if (closes)
        closeSocket();
    return status;
}

} // namespace mado::bench
