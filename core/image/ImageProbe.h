#pragma once

#include "core/domain/Result.h"
#include "core/image/ImageLimits.h"

#include <QByteArray>

namespace mado {

enum class ImageFormat { Jpeg, Png };

struct ImageInfo {
    ImageFormat format = ImageFormat::Jpeg;
    int width = 0;  // as stored in the file, before the orientation is applied
    int height = 0;
    // EXIF orientation (1-8) of a JPEG's APP1 Exif segment: how the stored pixels must be turned
    // or mirrored to be upright. 1 when absent, invalid, or for PNG. Phones write 6 and 8 for
    // portrait photos, 3 for upside down.
    int orientation = 1;
    int jpegScans = 0;  // start-of-scan segments (0 for PNG)
    qsizetype end = 0;  // offset just after the JPEG end-of-image marker or the PNG IEND chunk

    bool swapsSides() const { return orientation >= 5; }
    int uprightWidth() const { return swapsSides() ? height : width; }
    int uprightHeight() const { return swapsSides() ? width : height; }
};

// Reads an image's format (by magic bytes), pixel dimensions, EXIF orientation and JPEG scan count
// from its structure, without decoding any pixel data, so that limits can be enforced before a
// decoder allocates memory or time. Only JPEG and PNG are accepted. A JPEG is walked segment by
// segment through its entropy-coded data to the end-of-image marker (linear in the file's size);
// a file cut before it is ImageCorrupt. Pure functions; any thread.
class ImageProbe {
public:
    static Result<ImageInfo> probe(const QByteArray &bytes);
    // ImageTooLarge when the dimensions or the scan count pass the limits (the byte size is the
    // caller's: it knows it before reading).
    static Status checkLimits(const ImageInfo &info, const ImageLimits &limits);
    // probe() then checkLimits().
    static Result<ImageInfo> probeWithin(const QByteArray &bytes, const ImageLimits &limits);

private:
    static Result<ImageInfo> probeJpeg(const QByteArray &bytes);
    static Result<ImageInfo> probePng(const QByteArray &bytes);
};

} // namespace mado
