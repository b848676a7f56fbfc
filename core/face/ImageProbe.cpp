#include "core/face/ImageProbe.h"

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

Result<ImageInfo> ImageProbe::probeJpeg(const QByteArray &bytes)
{
    // Walk the marker segments: the start-of-frame carries the dimensions; after the first
    // start-of-scan the entropy-coded data must end with an end-of-image marker (FF D9), which
    // cannot occur inside scan data (FF is stuffed there). A file without it is truncated.
    ImageInfo info;
    info.format = ImageFormat::Jpeg;
    qsizetype pos = 2;
    while (pos + 4 <= bytes.size()) {
        if (byteAt(bytes, pos) != 0xFF)
            return corrupt("JPEG marker expected");
        const int marker = byteAt(bytes, pos + 1);
        if (marker == 0xFF) { // fill byte
            ++pos;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // markers without a length
            pos += 2;
            continue;
        }
        if (marker == 0xD9)
            return corrupt("JPEG ends before its image data");
        const qsizetype length = bigEndian16(bytes, pos + 2);
        if (length < 2 || pos + 2 + length > bytes.size())
            return corrupt("JPEG segment runs past the end of the file");
        const bool startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (startOfFrame) {
            if (length < 8)
                return corrupt("JPEG frame header is too short");
            info.height = static_cast<int>(bigEndian16(bytes, pos + 5));
            info.width = static_cast<int>(bigEndian16(bytes, pos + 7));
            if (info.width == 0 || info.height == 0)
                return corrupt("JPEG declares a zero dimension");
        }
        if (marker == 0xDA) {
            if (info.width == 0)
                return corrupt("JPEG has no frame header before its image data");
            if (bytes.indexOf("\xFF\xD9", pos + 2 + length) < 0)
                return corrupt("JPEG is truncated (no end-of-image marker)");
            return info;
        }
        pos += 2 + length;
    }
    return corrupt("JPEG is truncated before its image data");
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
        if (bytes.mid(pos + 4, 4) == "IEND")
            break;
        pos += 12 + length;
    }
    ImageInfo info;
    info.format = ImageFormat::Png;
    info.width = static_cast<int>(width);
    info.height = static_cast<int>(height);
    return info;
}

} // namespace mado
