#pragma once

#include <QtGlobal>

#include <opencv2/core/mat.hpp>

namespace mado {

// The EXIF Orientation tag (0x0112 in IFD0): reading it from a JPEG's APP1 payload, and turning a
// decoded image upright by it. Values follow the TIFF/EXIF specification: 1 upright, 2 mirrored,
// 3 turned 180°, 4 mirrored top to bottom, 5 transposed, 6 turned 90° clockwise to be upright
// (what phones write for portrait photos), 7 transversed, 8 turned 90° counter-clockwise.
// Pure functions; any thread; malformed input gives 1 (never reads out of bounds).
class ExifOrientation {
public:
    // payload: an APP1 segment's data after its length field ("Exif\0\0" then a TIFF header).
    static int fromApp1(const char *payload, qsizetype size);
    // The upright image for orientation (1-8; other values return image unchanged).
    static cv::Mat apply(const cv::Mat &image, int orientation);
};

} // namespace mado
