#pragma once

#include <cstdint>

namespace mado {

// Limits applied to every image before it is decoded. The defaults admit a 12 MP phone photo
// of an identity document with room to spare, and refuse decompression bombs: huge dimensions,
// and progressive JPEGs split into thousands of tiny scans (each scan makes libjpeg pass over the
// whole coefficient buffer again: 342 KB of such scans took 12 s to decode). Encoders write 1 scan
// (baseline) to about 10 (libjpeg's progressive script); mozjpeg's optimised scripts stay under 30.
struct ImageLimits {
    std::int64_t maxBytes = 25 * 1024 * 1024;
    std::int64_t maxPixels = 40'000'000;
    int maxSide = 12'000;
    int maxJpegScans = 64;
};

} // namespace mado
