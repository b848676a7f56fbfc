#pragma once

#include <QtGlobal>

namespace mado {

// The EXIF Orientation tag (0x0112 in IFD0), read from a JPEG's APP1 payload (ImageDecoder turns
// the decoded pixels by it). No OpenCV here: the image probe runs on the internet-facing receiver
// and in the fuzzers. Values follow the TIFF/EXIF specification: 1 upright, 2 mirrored,
// 3 turned 180°, 4 mirrored top to bottom, 5 transposed, 6 turned 90° clockwise to be upright
// (what phones write for portrait photos), 7 transversed, 8 turned 90° counter-clockwise.
// Pure functions; any thread; malformed input gives 1 (never reads out of bounds).
class ExifOrientation {
public:
    // payload: an APP1 segment's data after its length field ("Exif\0\0" then a TIFF header).
    static int fromApp1(const char *payload, qsizetype size);
};

} // namespace mado
