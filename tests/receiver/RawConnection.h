#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <string>
#include <sys/types.h>

namespace mado::test {

// A plain blocking TCP connection to 127.0.0.1 (from a chosen 127.0.0.x if asked) that writes exactly the bytes given and reads
// answers one by one (status line, fields, Content-Length body), so that the receiver's front tests
// control how requests are cut into pieces and pipelined. Reads time out after 5 s.
class RawConnection {
public:
    struct Answer {
        int status = 0; // 0: the connection closed (or timed out) before an answer
        bool close = false;
        QByteArray body;
    };

    // source: the local address to connect from (127.0.0.x: another client address); default any.
    explicit RawConnection(quint16 port, const char *source = nullptr);
    ~RawConnection();
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    bool connected() const { return m_connected; }
    // One non-blocking send of as much of bytes as fits; -1 when nothing fits now.
    ssize_t sendSome(const std::string &bytes) const;
    void shutdownWrite() const;
    bool send(const std::string &bytes) const;
    Answer read();
    // True if the server closed the connection (no more bytes, end of stream).
    bool closedByServer();
    // True if the server closed the connection (end of stream or reset) within the receive timeout;
    // false if it was still open when the timeout passed (or sent bytes).
    bool endOfStream() const;
    // Bytes (or the end of the stream) are waiting to be read now.
    bool readable() const;
    int fd() const { return m_fd; }

private:
    bool fill();

    int m_fd = -1;
    bool m_connected = false;
    std::string m_buffer;
};

} // namespace mado::test
