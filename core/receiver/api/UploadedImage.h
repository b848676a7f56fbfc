#pragma once

#include "core/domain/Result.h"
#include "core/image/ImageLimits.h"
#include "core/image/ImageProbe.h"

#include <QByteArray>

namespace mado {

// Checks an image uploaded by an applicant before anything stores or decodes it: JPEG or PNG by
// its magic bytes (else ImageUnsupported), within the byte limit (ImageTooLarge), dimensions read
// from the header within the pixel and side limits and a progressive JPEG within the scan limit
// (ImageTooLarge: a decoding-time bomb), not truncated (ImageCorrupt). Bytes after the JPEG
// end-of-image marker or the PNG IEND chunk are not an error, because phones write them (Android's
// Ultra HDR gain map, Motion Photos' video, vendors' trailers), but they are never kept: the
// caller stores only the first info.end bytes, so a polyglot's appended script or archive is
// dropped. Pure function; any thread.
class UploadedImage {
public:
    static Result<ImageInfo> check(const QByteArray &bytes, const ImageLimits &limits);
};

} // namespace mado
