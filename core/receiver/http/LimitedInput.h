#pragma once

#include <QtGlobal>

#include <array>
#include <istream>
#include <streambuf>

namespace mado {

// An input stream over another one that ends after `limit` bytes. If the source has more,
// exceeded() becomes true (one byte past the limit is read to find out). For streaming a request
// body into a parser without trusting its declared or chunked length. One thread.
class LimitedInput : public std::istream {
public:
    LimitedInput(std::istream &source, qint64 limit);
    bool exceeded() const { return m_buffer.exceeded; }
    qint64 consumed() const { return m_buffer.consumed; }
    // Reads and discards what is left (up to the limit); true if the source ended within it.
    bool drain();

private:
    struct Buffer : std::streambuf {
        Buffer(std::istream &input, qint64 maximum) : source(input), limit(maximum) {}
        int_type underflow() override;
        std::istream &source;
        qint64 limit;
        qint64 consumed = 0;
        bool exceeded = false;
        std::array<char, 64 * 1024> data{};
    };
    Buffer m_buffer;
};

} // namespace mado
