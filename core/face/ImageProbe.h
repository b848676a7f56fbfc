#pragma once

#include "core/Result.h"

#include <QByteArray>

namespace mado {

enum class ImageFormat { Jpeg, Png };

struct ImageInfo {
    ImageFormat format = ImageFormat::Jpeg;
    int width = 0;
    int height = 0;
};

// Reads an image's format (by magic bytes) and pixel dimensions from its header, without
// decoding any pixel data, so that limits can be enforced before a decoder allocates memory.
// Only JPEG and PNG are accepted. Pure function; any thread.
class ImageProbe {
public:
    static Result<ImageInfo> probe(const QByteArray &bytes);

private:
    static Result<ImageInfo> probeJpeg(const QByteArray &bytes);
    static Result<ImageInfo> probePng(const QByteArray &bytes);
};

} // namespace mado
