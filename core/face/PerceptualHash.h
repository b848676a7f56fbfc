#pragma once

#include <opencv2/core/mat.hpp>

#include <QString>

#include <cstdint>

namespace mado {

// A 64-bit difference hash (dHash) of an image: the sign of horizontal brightness steps on a
// 9x8 grey thumbnail. Re-encoding, rescaling and mild blur keep it within a few bits; different
// photos differ in about half of them. Used to find an image sent twice (replay), inside a case
// and, through the store, across cases. Pure functions; any thread.
class PerceptualHash {
public:
    static std::uint64_t of(const cv::Mat &bgr);
    static int distance(std::uint64_t a, std::uint64_t b);
    static QString toHex(std::uint64_t hash);
    static std::uint64_t fromHex(const QString &hex);

    // Hamming distance at or below which two images count as the same picture.
    static constexpr int kSameImageMaxBits = 6;
};

} // namespace mado
