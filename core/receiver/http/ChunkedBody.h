#pragma once

#include <QByteArray>

#include <string>

namespace mado {

// Decodes a chunked request body (RFC 9112, section 7.1) as its bytes arrive, never holding more
// than limit bytes of data: a chunk whose declared size would exceed the limit is refused at once,
// before its data is read. Chunk extensions are ignored; trailer fields are skipped. One per body;
// not thread-safe.
class ChunkedBody {
public:
    enum class State { More, Done, TooLarge, Malformed };

    explicit ChunkedBody(qint64 limit = 0) : m_limit(limit) {}

    // Consumes what it can from the front of in (those bytes are erased) and appends the data to
    // body. Done: the body is complete and in holds what follows it.
    State feed(std::string &in, QByteArray &body);

private:
    enum class Phase { Size, Data, DataEnd, Trailer };
    static constexpr std::size_t kMaxLine = 1024;

    qint64 m_limit;
    Phase m_phase = Phase::Size;
    static constexpr std::size_t kMaxTrailer = 8 * 1024;
    qint64 m_remaining = 0;       // data bytes left in the current chunk
    std::size_t m_trailerBytes = 0; // trailer bytes skipped so far
};

} // namespace mado
