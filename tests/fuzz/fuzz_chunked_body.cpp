// Fuzz target: ChunkedBody, the decoder of chunked request bodies.
// Input: byte 0 picks the size limit, byte 1 how the rest arrives (in pieces of 1..32 bytes, or whole),
// then the bytes after the head. Properties: the body never exceeds the limit; feeding the bytes in
// pieces gives the same state, body and leftover bytes as feeding them at once (the front gets them in
// whatever pieces the socket delivers).

#include "core/receiver/http/ChunkedBody.h"
#include "tests/fuzz/FuzzSupport.h"

#include <algorithm>

#include <array>
#include <string>

using mado::ChunkedBody;

namespace {

struct Outcome {
    ChunkedBody::State state = ChunkedBody::State::More;
    QByteArray body;
    std::string leftover; // after Done: the bytes that follow the body
};

Outcome decode(std::string_view input, qint64 limit, std::size_t piece)
{
    ChunkedBody decoder(limit);
    Outcome out;
    std::string in;
    std::size_t fed = 0;
    while (true) {
        const std::size_t take = std::min(piece, input.size() - fed);
        in.append(input.substr(fed, take));
        fed += take;
        out.state = decoder.feed(in, out.body);
        MADO_FUZZ_CHECK(out.body.size() <= limit);
        if (out.state != ChunkedBody::State::More || fed == input.size())
            break;
    }
    if (out.state == ChunkedBody::State::Done)
        out.leftover = in + std::string(input.substr(fed));
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    static constexpr std::array<qint64, 8> kLimits = {0, 1, 5, 16, 255, 4096, 1 << 20, 64 << 20};
    const qint64 limit = kLimits[data[0] % kLimits.size()];
    const std::string_view input = mado::fuzz::view(data + 2, size - 2);
    const std::size_t piece = data[1] % 33 == 0 ? std::max<std::size_t>(input.size(), 1) : data[1] % 33;

    const Outcome whole = decode(input, limit, std::max<std::size_t>(input.size(), 1));
    const Outcome pieces = decode(input, limit, piece);
    MADO_FUZZ_CHECK(whole.state == pieces.state);
    if (whole.state == ChunkedBody::State::Done) {
        MADO_FUZZ_CHECK(whole.body == pieces.body);
        MADO_FUZZ_CHECK(whole.leftover == pieces.leftover);
    }
    return 0;
}
