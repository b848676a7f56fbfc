#pragma once

#include <QByteArray>
#include <QList>

namespace mado::test {

// Hand-made hostile JPEG files for the sanitiser tests, and a JPEG segment walker to inspect the result.
class JpegSegments {
public:
    // The markers (0xE0 for APP0, 0xE1 for APP1, ...) of the segments before the scan data.
    static QList<int> markers(const QByteArray &jpeg);
    // `jpeg` with an APP1 Exif segment (little-endian TIFF) holding a GPS IFD with latitude,
    // longitude and their N/E references inserted right after SOI.
    static QByteArray withExifGps(const QByteArray &jpeg);
    // `jpeg` with a valid stored ZIP archive (one file "payload.txt") appended: a JPEG/ZIP polyglot.
    static QByteArray withZipAppended(const QByteArray &jpeg);
};

} // namespace mado::test
