#include "core/receiver/http/LimitedInput.h"

#include <algorithm>
#include <limits>

namespace mado {

LimitedInput::LimitedInput(std::istream &source, qint64 limit) : std::istream(nullptr), m_buffer(source, limit)
{
    rdbuf(&m_buffer);
}

bool LimitedInput::drain()
{
    ignore(std::numeric_limits<std::streamsize>::max());
    return !exceeded();
}

LimitedInput::Buffer::int_type LimitedInput::Buffer::underflow()
{
    if (gptr() < egptr())
        return traits_type::to_int_type(*gptr());
    if (consumed >= limit) {
        // One byte more tells a body that ends exactly at the limit from a longer one.
        if (!exceeded && source.good() && source.rdbuf() && source.rdbuf()->sgetc() != traits_type::eof())
            exceeded = true;
        return traits_type::eof();
    }
    // What the source has at hand, waiting only when it has nothing: a parser that can decide on
    // the bytes that arrived (a refused challenge) must not wait for a full buffer.
    std::streambuf *in = source.rdbuf();
    if (!source.good() || in == nullptr || in->sgetc() == traits_type::eof())
        return traits_type::eof();
    const std::streamsize ready = std::max<std::streamsize>(1, in->in_avail());
    const std::streamsize n =
        in->sgetn(data.data(),
                  std::min<std::streamsize>({ready, std::streamsize(data.size()), std::streamsize(limit - consumed)}));
    if (n <= 0)
        return traits_type::eof();
    consumed += n;
    setg(data.data(), data.data(), data.data() + n);
    return traits_type::to_int_type(*gptr());
}

} // namespace mado
