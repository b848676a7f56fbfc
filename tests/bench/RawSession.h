#pragma once

#include <QtGlobal>

#include <string>

namespace mado::bench {

// A sender's kept-alive HTTP/1.1 connection on loopback for requests prepared in advance (request
// line, headers and body in one buffer): one send() per request, the answer read with recv() and
// only its status line and framing parsed. Much lighter than Poco's client, so that the load
// generator spends little CPU per request on the cores it shares with the servers. A request on a
// connection the server has closed meanwhile is sent once more on a new connection. Used by one
// thread at a time. Never throws: a request without an answer has status 0.
class RawSession {
public:
    explicit RawSession(quint16 port);
    ~RawSession();
    RawSession(const RawSession &) = delete;
    RawSession &operator=(const RawSession &) = delete;

    // The answer's status code (0 if none); the answer's body is read and dropped.
    int send(const std::string &request);

private:
    int attempt(const std::string &request);
    bool connectSocket();
    void closeSocket();

    quint16 m_port;
    int m_fd = -1;
    std::string m_buffer; // bytes received and not yet consumed
};

} // namespace mado::bench
