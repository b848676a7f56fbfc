#include "core/intake/UploadedImage.h"

namespace mado {

namespace {

Error corrupt(const QString &message)
{
    return Error{ErrorCode::ImageCorrupt, message};
}

// The offset just after the PNG IEND chunk (the probe already walked the chunks to it).
qsizetype pngEnd(const QByteArray &bytes)
{
    qsizetype pos = 8;
    while (pos + 12 <= bytes.size()) {
        const auto at = [&bytes](qsizetype i) { return quint32(static_cast<unsigned char>(bytes.at(i))); };
        const qsizetype length = qsizetype((at(pos) << 24) | (at(pos + 1) << 16) | (at(pos + 2) << 8) | at(pos + 3));
        if (bytes.mid(pos + 4, 4) == "IEND")
            return pos + 12 + length;
        pos += 12 + length;
    }
    return -1;
}

// The offset just after the JPEG end-of-image marker, found by walking the file: marker segments
// are skipped by their length (so an EXIF thumbnail's own FF D9 is never taken for the end), and
// entropy-coded data after each start-of-scan is scanned for the next marker (FF 00 is a stuffed
// byte, FF D0-D7 restart markers, FF FF fill). Progressive files with several scans work too.
qsizetype jpegEnd(const QByteArray &bytes)
{
    const auto at = [&bytes](qsizetype i) { return int(static_cast<unsigned char>(bytes.at(i))); };
    qsizetype pos = 2;
    while (pos + 2 <= bytes.size()) {
        if (at(pos) != 0xFF)
            return -1;
        const int marker = at(pos + 1);
        if (marker == 0xFF) {
            ++pos;
            continue;
        }
        if (marker == 0xD9)
            return pos + 2;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            pos += 2;
            continue;
        }
        if (pos + 4 > bytes.size())
            return -1;
        const qsizetype length = (qsizetype(at(pos + 2)) << 8) | qsizetype(at(pos + 3));
        pos += 2 + length;
        if (marker != 0xDA)
            continue;
        // Entropy-coded data up to the next real marker.
        while (pos + 1 < bytes.size()) {
            if (at(pos) == 0xFF && at(pos + 1) != 0x00 && !(at(pos + 1) >= 0xD0 && at(pos + 1) <= 0xD7))
                break;
            ++pos;
        }
    }
    return -1;
}

} // namespace

Result<ImageInfo> UploadedImage::check(const QByteArray &bytes, const ImageLimits &limits)
{
    if (bytes.size() > limits.maxBytes)
        return Error{ErrorCode::ImageTooLarge,
                     QStringLiteral("the image is larger than %1 bytes").arg(limits.maxBytes)};
    auto info = ImageProbe::probe(bytes);
    if (!info)
        return info;
    const ImageInfo &image = info.value();
    if (image.width > limits.maxSide || image.height > limits.maxSide ||
        qint64(image.width) * qint64(image.height) > limits.maxPixels)
        return Error{
            ErrorCode::ImageTooLarge,
            QStringLiteral("the image declares %1x%2 pixels, more than allowed").arg(image.width).arg(image.height)};
    if (image.format == ImageFormat::Jpeg) {
        if (jpegEnd(bytes) != bytes.size())
            return corrupt(QStringLiteral("the JPEG has bytes after its end-of-image marker"));
    } else if (pngEnd(bytes) != bytes.size()) {
        return corrupt(QStringLiteral("the PNG has bytes after its IEND chunk"));
    }
    return info;
}

} // namespace mado
