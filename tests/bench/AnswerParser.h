#pragma once

#include <cstddef>
#include <string>

namespace mado::bench {

// Reads one HTTP/1.1 answer incrementally, as its bytes arrive in pieces of any size: the status
// line, the headers (only Content-Length, Transfer-Encoding and Connection matter) and the body,
// framed by Content-Length, by chunked transfer coding, or by the end of the connection. The body
// is dropped. Interim 1xx answers are skipped. reset() before each answer.
class AnswerParser {
public:
    enum class Progress { More, Complete, Malformed };

    void reset();
    // Consumes bytes of data up to the end of the answer; *used tells how many.
    Progress feed(const char *data, std::size_t size, std::size_t *used);
    // The server closed the connection: Complete if the body ran until the close.
    Progress finish() const;

    bool started() const { return m_started; }
    int status() const { return m_status; }
    // The server announced that it closes the connection after this answer.
    bool closes() const { return m_closes; }

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkEnd, Trailer, UntilClose, Done };

    Progress parseHead();
    // Appends to m_line up to a line feed; true when the line is complete (without CR LF).
    bool takeLine(const char *data, std::size_t size, std::size_t *at);

    State m_state = State::Head;
    bool m_started = false;
    int m_status = 0;
    bool m_closes = false;
    std::size_t m_remaining = 0; // body or chunk bytes still to come
    std::string m_head;          // status line and headers, up to the empty line
    std::string m_line;          // chunk size or trailer line being read
};

} // namespace mado::bench
