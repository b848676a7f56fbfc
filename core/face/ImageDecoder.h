#pragma once

#include "core/Result.h"
#include "core/face/ImageLimits.h"
#include "core/face/ImageProbe.h"

#include <QByteArray>
#include <QString>

#include <opencv2/core/mat.hpp>

namespace mado {

struct DecodedImage {
    ImageInfo info;
    cv::Mat bgr; // 8-bit, 3 channels, continuous
};

// Decodes JPEG/PNG bytes into a BGR matrix after checking byte size and header dimensions
// against ImageLimits. Never throws: OpenCV failures become ImageCorrupt. Any thread.
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
