#include "tests/support/JpegSegments.h"

#include <QtEndian>

#include <zlib.h>

namespace mado::test {

namespace {

void put16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void put32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void ifdEntry(QByteArray &out, quint16 tag, quint16 type, quint32 count, quint32 value)
{
    put16(out, tag);
    put16(out, type);
    put32(out, count);
    put32(out, value);
}

} // namespace

QList<int> JpegSegments::markers(const QByteArray &jpeg)
{
    QList<int> result;
    if (jpeg.size() < 4 || quint8(jpeg.at(0)) != 0xFF || quint8(jpeg.at(1)) != 0xD8)
        return result;
    qsizetype pos = 2;
    while (pos + 4 <= jpeg.size() && quint8(jpeg.at(pos)) == 0xFF) {
        const int marker = quint8(jpeg.at(pos + 1));
        result.append(marker);
        if (marker == 0xDA) // start of scan: entropy-coded data follows
            break;
        const int length = (quint8(jpeg.at(pos + 2)) << 8) | quint8(jpeg.at(pos + 3));
        pos += 2 + length;
    }
    return result;
}

QByteArray JpegSegments::withExifGps(const QByteArray &jpeg)
{
    // TIFF: header (8) | IFD0 with 1 entry (2 + 12 + 4 = 18) | GPS IFD with 4 entries (2 + 48 + 4 = 54)
    // | latitude and longitude rationals (2 x 24).
    QByteArray tiff("II*\0", 4);
    put32(tiff, 8);
    put16(tiff, 1);
    ifdEntry(tiff, 0x8825, 4, 1, 26); // GPSInfo IFD pointer
    put32(tiff, 0);
    const quint32 latitudeAt = 26 + 54;
    const quint32 longitudeAt = latitudeAt + 24;
    put16(tiff, 4);
    ifdEntry(tiff, 0x0001, 2, 2, quint32('N')); // GPSLatitudeRef "N\0" inline
    ifdEntry(tiff, 0x0002, 5, 3, latitudeAt);   // GPSLatitude 35/1 41/1 2245/100
    ifdEntry(tiff, 0x0003, 2, 2, quint32('E')); // GPSLongitudeRef
    ifdEntry(tiff, 0x0004, 5, 3, longitudeAt);  // GPSLongitude 139/1 45/1 3456/100
    put32(tiff, 0);
    for (quint32 v : {35u, 1u, 41u, 1u, 2245u, 100u, 139u, 1u, 45u, 1u, 3456u, 100u})
        put32(tiff, v);
    QByteArray payload("Exif\0\0", 6);
    payload += tiff;
    QByteArray segment;
    segment.append(char(0xFF)).append(char(0xE1));
    const int length = int(payload.size()) + 2;
    segment.append(char((length >> 8) & 0xFF)).append(char(length & 0xFF));
    segment += payload;
    return jpeg.left(2) + segment + jpeg.mid(2);
}

QByteArray JpegSegments::withZipAppended(const QByteArray &jpeg)
{
    const QByteArray name("payload.txt");
    const QByteArray data("this archive hides inside a JPEG\n");
    const quint32 crc = quint32(crc32(0, reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size())));
    QByteArray zip;
    put32(zip, 0x04034b50); // local file header "PK\3\4"
    put16(zip, 10);
    put16(zip, 0);
    put16(zip, 0); // stored
    put16(zip, 0);
    put16(zip, 0);
    put32(zip, crc);
    put32(zip, quint32(data.size()));
    put32(zip, quint32(data.size()));
    put16(zip, quint16(name.size()));
    put16(zip, 0);
    zip += name + data;
    const quint32 centralAt = quint32(zip.size());
    put32(zip, 0x02014b50); // central directory "PK\1\2"
    put16(zip, 20);
    put16(zip, 10);
    put16(zip, 0);
    put16(zip, 0);
    put16(zip, 0);
    put16(zip, 0);
    put32(zip, crc);
    put32(zip, quint32(data.size()));
    put32(zip, quint32(data.size()));
    put16(zip, quint16(name.size()));
    put16(zip, 0);
    put16(zip, 0);
    put16(zip, 0);
    put16(zip, 0);
    put32(zip, 0);
    put32(zip, 0); // local header offset (relative to the archive start)
    zip += name;
    const quint32 centralSize = quint32(zip.size()) - centralAt;
    put32(zip, 0x06054b50); // end of central directory "PK\5\6"
    put16(zip, 0);
    put16(zip, 0);
    put16(zip, 1);
    put16(zip, 1);
    put32(zip, centralSize);
    put32(zip, centralAt);
    put16(zip, 0);
    return jpeg + zip;
}

} // namespace mado::test
