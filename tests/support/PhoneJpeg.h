#pragma once

#include <QByteArray>

#include <opencv2/core/mat.hpp>

namespace mado::test {

// JPEG files made the way phones and attackers make them, for the decoder, receiver and import
// tests: a photo stored sideways with an EXIF Orientation tag (the phone turns nothing, it only
// records how the viewer must turn it), progressive files, and progressive files split into
// thousands of scans (a decoding-time bomb).
class PhoneJpeg {
public:
    enum class ByteOrder { Intel, Motorola }; // "II" (most Android phones) or "MM" (iPhone)

    // The pixels a phone stores for a picture that is upright after applying orientation (1-8).
    static cv::Mat stored(const cv::Mat &upright, int orientation);
    // A JPEG of stored(upright, orientation) with an APP1 Exif segment right after SOI whose
    // IFD0 holds Orientation = orientation (written even for 1, as phones do).
    static QByteArray encode(const cv::Mat &upright, int orientation, ByteOrder order = ByteOrder::Intel,
                             int quality = 95);
    // jpeg with an APP1 Exif segment holding Orientation = value inserted after SOI.
    static QByteArray withOrientation(const QByteArray &jpeg, int value, ByteOrder order = ByteOrder::Intel);
    // An APP1 segment (marker included) with the given raw payload, inserted after SOI.
    static QByteArray withApp1(const QByteArray &jpeg, const QByteArray &payload);
    // A progressive JPEG (libjpeg's standard script, about ten scans).
    static QByteArray progressive(const cv::Mat &image, int quality = 90);
    // progressive(image) with its last scan (and the Huffman table before it) repeated until the
    // file has scans scans: structurally valid, and libjpeg passes over the whole image per scan.
    static QByteArray scanBomb(const cv::Mat &image, int scans);
    // A colourful picture whose four quadrants differ, so that a wrong turn or mirror shows.
    static cv::Mat asymmetricPicture(int width, int height);
};

} // namespace mado::test
