#pragma once

#include "core/Result.h"
#include "core/face/ImageLimits.h"
#include "core/face/ImageProbe.h"

#include <QByteArray>

namespace mado {

// Checks an image uploaded by an applicant before anything stores or decodes it: JPEG or PNG by
// its magic bytes (else ImageUnsupported), within the byte limit (ImageTooLarge), dimensions read
// from the header within the pixel and side limits (ImageTooLarge), not truncated, and nothing
// after the JPEG end-of-image marker or after the PNG IEND chunk (ImageCorrupt): a polyglot file
// with a script appended is refused. A progressive JPEG split into more scans than the limit is
// ImageTooLarge (a decoding-time bomb). Pure function; any thread.
class UploadedImage {
public:
    static Result<ImageInfo> check(const QByteArray &bytes, const ImageLimits &limits);
};

} // namespace mado
