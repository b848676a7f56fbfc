#pragma once

#include "core/domain/Result.h"
#include "core/face/ImageDecoder.h"
#include "core/store/SanitizedImage.h"

#include <QByteArray>
#include <QString>

namespace mado {

// Decodes an image received from outside (with ImageDecoder's pixel and size limits) and encodes
// the pixels again as a baseline JPEG. Nothing of the original survives: no EXIF (GPS included),
// no ICC or comment segments, no trailing data such as an appended ZIP archive. EXIF orientation
// is applied by the decoder before the metadata is dropped. Any thread; errors are the decoder's.
class ImageSanitizer {
public:
    explicit ImageSanitizer(ImageLimits limits = {}, int jpegQuality = 92);

    Result<SanitizedImage> sanitize(const QByteArray &bytes, const QString &role) const;

private:
    ImageDecoder m_decoder;
    int m_quality;
};

} // namespace mado
