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

    // A 256-bit difference hash (16x16) of an aligned face chip, as 64 hex digits. Whole frames of
    // one selfie session share their background and differ in a few of the 64 image bits; their
    // face chips differ in tens of these 256 bits, while a re-sent frame differs in 0-1.
    static QString faceHash(const cv::Mat &chip);
    // Bits that differ between two hex hashes of equal length (-1 when they cannot be compared).
    static int hexDistance(const QString &a, const QString &b);
    static constexpr int kSameFaceMaxBits = 3;
};

} // namespace mado
