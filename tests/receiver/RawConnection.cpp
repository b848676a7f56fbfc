#include "RawConnection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

namespace mado::test {

RawConnection::RawConnection(quint16 port, const char *source)
{
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval timeout{5, 0};
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    if (source) {
        sockaddr_in local{};
        local.sin_family = AF_INET;
        if (::inet_pton(AF_INET, source, &local.sin_addr) != 1 ||
            ::bind(m_fd, reinterpret_cast<sockaddr *>(&local), sizeof local) != 0)
            return; // not connected
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    m_connected = ::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
}

RawConnection::~RawConnection()
{
    ::close(m_fd);
}

ssize_t RawConnection::sendSome(const std::string &bytes) const
{
    return ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

void RawConnection::shutdownWrite() const
{
    ::shutdown(m_fd, SHUT_WR);
}

bool RawConnection::send(const std::string &bytes) const
{
    return ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == ssize_t(bytes.size());
}

RawConnection::Answer RawConnection::read()
{
    Answer answer;
    std::size_t headEnd;
    while ((headEnd = m_buffer.find("\r\n\r\n")) == std::string::npos) {
        if (!fill())
            return answer;
    }
    const std::string head = m_buffer.substr(0, headEnd);
    std::string lower = head;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    const std::size_t lengthAt = lower.find("\r\ncontent-length:");
    const std::size_t length = lengthAt == std::string::npos ? 0 : std::stoul(head.substr(lengthAt + 17));
    while (m_buffer.size() < headEnd + 4 + length) {
        if (!fill())
            return answer;
    }
    answer.status = std::stoi(head.substr(9, 3));
    answer.close = lower.find("\r\nconnection: close") != std::string::npos;
    answer.body = QByteArray::fromStdString(m_buffer.substr(headEnd + 4, length));
    m_buffer.erase(0, headEnd + 4 + length);
    return answer;
}

bool RawConnection::closedByServer()
{
    return m_buffer.empty() && !fill();
}

bool RawConnection::endOfStream() const
{
    char byte;
    const ssize_t n = ::recv(m_fd, &byte, 1, 0);
    return n == 0 || (n < 0 && errno == ECONNRESET);
}

bool RawConnection::readable() const
{
    pollfd entry{m_fd, POLLIN, 0};
    return !m_buffer.empty() || ::poll(&entry, 1, 0) > 0;
}

bool RawConnection::fill()
{
    char chunk[4096];
    const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
    if (n <= 0)
        return false;
    m_buffer.append(chunk, std::size_t(n));
    return true;
}

} // namespace mado::test
