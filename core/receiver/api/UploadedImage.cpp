#include "core/receiver/api/UploadedImage.h"

namespace mado {

Result<ImageInfo> UploadedImage::check(const QByteArray &bytes, const ImageLimits &limits)
{
    if (bytes.size() > limits.maxBytes)
        return Error{ErrorCode::ImageTooLarge,
                     QStringLiteral("the image is larger than %1 bytes").arg(limits.maxBytes)};
    auto info = ImageProbe::probeWithin(bytes, limits);
    if (!info)
        return info;
    // The probe walked the file to its end marker (JPEG: through every scan's entropy-coded data,
    // so an EXIF thumbnail's own end marker is never taken for the file's); info.end says where.
    return info;
}

} // namespace mado
