#include "core/image/ExifOrientation.h"

#include <cstring>

namespace mado {

int ExifOrientation::fromApp1(const char *payload, qsizetype size)
{
    constexpr qsizetype kTiff = 6; // after "Exif\0\0"
    if (size < kTiff + 8 || std::memcmp(payload, "Exif\0\0", 6) != 0)
        return 1;
    const auto *tiff = reinterpret_cast<const unsigned char *>(payload + kTiff);
    const qsizetype length = size - kTiff;
    bool little = false;
    if (tiff[0] == 'I' && tiff[1] == 'I')
        little = true;
    else if (!(tiff[0] == 'M' && tiff[1] == 'M'))
        return 1;
    const auto u16 = [&](qsizetype at) -> quint32 {
        return little ? quint32(tiff[at]) | (quint32(tiff[at + 1]) << 8)
                      : (quint32(tiff[at]) << 8) | quint32(tiff[at + 1]);
    };
    const auto u32 = [&](qsizetype at) -> quint32 {
        return little ? u16(at) | (u16(at + 2) << 16) : (u16(at) << 16) | u16(at + 2);
    };
    if (u16(2) != 42)
        return 1;
    const quint32 ifd = u32(4);
    if (ifd < 8 || qsizetype(ifd) > length - 2)
        return 1;
    const quint32 entries = u16(ifd);
    for (quint32 i = 0; i < entries; ++i) {
        const qsizetype entry = qsizetype(ifd) + 2 + qsizetype(i) * 12;
        if (entry + 12 > length)
            return 1;
        // Tag 0x0112, type SHORT (3), count 1: the value sits in the first two bytes of the field.
        if (u16(entry) == 0x0112) {
            if (u16(entry + 2) != 3 || u32(entry + 4) != 1)
                return 1;
            const quint32 value = u16(entry + 8);
            return value >= 1 && value <= 8 ? int(value) : 1;
        }
    }
    return 1;
}

} // namespace mado
