#pragma once

#include <cstdint>

namespace mado {

// Limits applied to every image before it is decoded. The defaults admit a 12 MP phone photo
// of an identity document with room to spare, and refuse decompression bombs.
struct ImageLimits {
    std::int64_t maxBytes = 25 * 1024 * 1024;
    std::int64_t maxPixels = 40'000'000;
    int maxSide = 12'000;
};

} // namespace mado
