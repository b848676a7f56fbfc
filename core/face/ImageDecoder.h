#pragma once

#include "core/domain/Result.h"
#include "core/image/ImageLimits.h"
#include "core/image/ImageProbe.h"

#include <QByteArray>
#include <QString>

#include <opencv2/core/mat.hpp>

namespace mado {

struct DecodedImage {
    ImageInfo info; // as probed: the stored dimensions and the EXIF orientation
    cv::Mat bgr;    // 8-bit, 3 channels, continuous, upright (the orientation applied)
};

// Decodes JPEG/PNG bytes into an upright BGR matrix after checking byte size, header dimensions
// and JPEG scan count against ImageLimits. The stored pixels are decoded as they are, compared with
// the header's size, then turned by the EXIF orientation, so a phone's portrait photo (stored
// sideways with Orientation 6 or 8) comes out upright for the clerk and the face engine alike.
// Never throws: OpenCV failures become ImageCorrupt. Any thread.
class ImageDecoder {
public:
    explicit ImageDecoder(ImageLimits limits = {});

    Result<DecodedImage> decode(const QByteArray &bytes) const;
    // Like decode(), but a JPEG larger than needed is decoded at 1/2, 1/4 or 1/8 scale (libjpeg
    // scales in the DCT, which is much faster) so that its long side stays >= minLongSide.
    // info keeps the full dimensions; bgr is the reduced image.
    Result<DecodedImage> decodeReduced(const QByteArray &bytes, int minLongSide) const;
    // Reads the file with a size check first, then decodes it.
    Result<DecodedImage> decodeFile(const QString &path) const;

    const ImageLimits &limits() const { return m_limits; }

private:
    ImageLimits m_limits;
};

} // namespace mado
