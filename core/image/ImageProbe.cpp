#include "core/image/ImageProbe.h"

#include "core/image/ExifOrientation.h"

#include <cstring>

namespace mado {

namespace {

int byteAt(const QByteArray &bytes, qsizetype i)
{
    return static_cast<unsigned char>(bytes.at(i));
}

quint32 bigEndian16(const QByteArray &bytes, qsizetype i)
{
    return (quint32(byteAt(bytes, i)) << 8) | quint32(byteAt(bytes, i + 1));
}

quint32 bigEndian32(const QByteArray &bytes, qsizetype i)
{
    return (bigEndian16(bytes, i) << 16) | bigEndian16(bytes, i + 2);
}

Error corrupt(const char *what)
{
    return Error{ErrorCode::ImageCorrupt, QString::fromLatin1(what)};
}

bool isRestart(int marker)
{
    return marker >= 0xD0 && marker <= 0xD7;
}

// The offset of the marker that ends the entropy-coded data starting at pos: the next FF that is
// followed by neither 00 (a stuffed byte) nor a restart marker. -1 if the file ends first.
qsizetype endOfEntropyData(const QByteArray &bytes, qsizetype pos)
{
    const char *data = bytes.constData();
    const qsizetype size = bytes.size();
    while (pos + 1 < size) {
        const void *found = std::memchr(data + pos, 0xFF, std::size_t(size - pos - 1));
        if (!found)
            return -1;
        pos = static_cast<const char *>(found) - data;
        const int next = byteAt(bytes, pos + 1);
        if (next != 0x00 && !isRestart(next))
            return pos;
        pos += 2;
    }
    return -1;
}

} // namespace

Result<ImageInfo> ImageProbe::probe(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return Error{ErrorCode::ImageEmpty, QStringLiteral("the file is empty")};
    if (bytes.startsWith("\xFF\xD8\xFF"))
        return probeJpeg(bytes);
    if (bytes.startsWith("\x89PNG\r\n\x1A\n"))
        return probePng(bytes);
    return Error{ErrorCode::ImageUnsupported, QStringLiteral("not a JPEG or PNG image")};
}

Status ImageProbe::checkLimits(const ImageInfo &info, const ImageLimits &limits)
{
    const qint64 pixels = qint64(info.width) * qint64(info.height);
    if (info.width > limits.maxSide || info.height > limits.maxSide || pixels > limits.maxPixels)
        return Error{ErrorCode::ImageTooLarge, QStringLiteral("the image is %1x%2 pixels, the limit is %3 pixels "
                                                              "and %4 per side")
                                                   .arg(info.width)
                                                   .arg(info.height)
                                                   .arg(limits.maxPixels)
                                                   .arg(limits.maxSide)};
    if (info.jpegScans > limits.maxJpegScans)
        return Error{ErrorCode::ImageTooLarge,
                     QStringLiteral("the JPEG is split into %1 scans, the limit is %2")
                         .arg(info.jpegScans)
                         .arg(limits.maxJpegScans)};
    return {};
}

Result<ImageInfo> ImageProbe::probeWithin(const QByteArray &bytes, const ImageLimits &limits)
{
    auto info = probe(bytes);
    if (!info)
        return info;
    if (Status within = checkLimits(info.value(), limits); !within)
        return within.error();
    return info;
}

Result<ImageInfo> ImageProbe::probeJpeg(const QByteArray &bytes)
{
    // Walk the marker segments by their lengths (so an EXIF thumbnail's own markers are never
    // taken for ours): the start-of-frame carries the dimensions, the first APP1 Exif segment the
    // orientation; after each start-of-scan the entropy-coded data runs to the next marker (FF is
    // stuffed there), and the file must end with an end-of-image marker. Progressive files have
    // several scans, each counted.
    ImageInfo info;
    info.format = ImageFormat::Jpeg;
    bool exifSeen = false;
    qsizetype pos = 2;
    while (pos + 2 <= bytes.size()) {
        if (byteAt(bytes, pos) != 0xFF)
            return corrupt("JPEG marker expected");
        const int marker = byteAt(bytes, pos + 1);
        if (marker == 0xFF) { // fill byte
            ++pos;
            continue;
        }
        if (marker == 0x01 || isRestart(marker)) { // markers without a length
            pos += 2;
            continue;
        }
        if (marker == 0xD9) {
            if (info.jpegScans == 0)
                return corrupt("JPEG ends before its image data");
            info.end = pos + 2;
            return info;
        }
        if (pos + 4 > bytes.size())
            break;
        const qsizetype length = bigEndian16(bytes, pos + 2);
        if (length < 2 || pos + 2 + length > bytes.size())
            return corrupt("JPEG segment runs past the end of the file");
        const bool startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (startOfFrame) {
            if (length < 8)
                return corrupt("JPEG frame header is too short");
            if (info.width != 0)
                return corrupt("JPEG has more than one frame header");
            info.height = static_cast<int>(bigEndian16(bytes, pos + 5));
            info.width = static_cast<int>(bigEndian16(bytes, pos + 7));
            if (info.width == 0 || info.height == 0)
                return corrupt("JPEG declares a zero dimension");
        }
        if (marker == 0xE1 && !exifSeen && length >= 8 &&
            std::memcmp(bytes.constData() + pos + 4, "Exif\0\0", 6) == 0) {
            exifSeen = true;
            info.orientation = ExifOrientation::fromApp1(bytes.constData() + pos + 4, length - 2);
        }
        pos += 2 + length;
        if (marker == 0xDA) {
            if (info.width == 0)
                return corrupt("JPEG has no frame header before its image data");
            ++info.jpegScans;
            pos = endOfEntropyData(bytes, pos);
            if (pos < 0)
                break;
        }
    }
    if (info.jpegScans == 0)
        return corrupt("JPEG is truncated before its image data");
    return corrupt("JPEG is truncated (no end-of-image marker)");
}

Result<ImageInfo> ImageProbe::probePng(const QByteArray &bytes)
{
    // Signature (8), chunk length (4), "IHDR" (4), width (4), height (4).
    if (bytes.size() < 24 || bytes.mid(12, 4) != "IHDR")
        return corrupt("PNG has no IHDR header");
    const quint32 width = bigEndian32(bytes, 16);
    const quint32 height = bigEndian32(bytes, 20);
    if (width == 0 || height == 0 || width > 0x7FFFFFFF || height > 0x7FFFFFFF)
        return corrupt("PNG declares an invalid size");
    // Walk the chunks (length, type, data, CRC) to the IEND chunk; a cut file never reaches it.
    qsizetype pos = 8;
    while (true) {
        if (pos + 12 > bytes.size())
            return corrupt("PNG is truncated (no IEND chunk)");
        const qsizetype length = bigEndian32(bytes, pos);
        if (length > bytes.size() - pos - 12)
            return corrupt("PNG chunk runs past the end of the file");
        if (bytes.mid(pos + 4, 4) == "IEND") {
            pos += 12 + length;
            break;
        }
        pos += 12 + length;
    }
    ImageInfo info;
    info.format = ImageFormat::Png;
    info.width = static_cast<int>(width);
    info.height = static_cast<int>(height);
    info.end = pos;
    return info;
}

} // namespace mado
