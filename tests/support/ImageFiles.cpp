#include "tests/support/ImageFiles.h"

#include <QFile>
#include <QtEndian>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <zlib.h>

namespace mado::test {

namespace {
void appendBigEndian(QByteArray &bytes, quint32 value)
{
    char buffer[4];
    qToBigEndian(value, buffer);
    bytes.append(buffer, 4);
}
} // namespace

QByteArray pngHeaderClaiming(quint32 width, quint32 height)
{
    QByteArray png("\x89PNG\r\n\x1A\n", 8);
    QByteArray ihdr("IHDR");
    appendBigEndian(ihdr, width);
    appendBigEndian(ihdr, height);
    ihdr.append(char(8)); // bit depth
    ihdr.append(char(2)); // colour type RGB
    ihdr.append(char(0)); // compression
    ihdr.append(char(0)); // filter
    ihdr.append(char(0)); // interlace
    appendBigEndian(png, 13);
    png.append(ihdr);
    appendBigEndian(png, quint32(crc32(0, reinterpret_cast<const Bytef *>(ihdr.constData()), uInt(ihdr.size()))));
    // An empty IDAT and IEND: a well-formed file that would still ask for a huge buffer.
    QByteArray iend("IEND");
    appendBigEndian(png, 0);
    png.append(iend);
    appendBigEndian(png, quint32(crc32(0, reinterpret_cast<const Bytef *>(iend.constData()), uInt(iend.size()))));
    return png;
}

namespace {
QByteArray encodedFaceFree(const char *extension, int width, int height)
{
    cv::Mat image(height, width, CV_8UC3);
    cv::RNG rng(20261127);
    rng.fill(image, cv::RNG::UNIFORM, cv::Scalar::all(0), cv::Scalar::all(255));
    cv::GaussianBlur(image, image, cv::Size(0, 0), 6.0);
    for (int i = 0; i < 12; ++i)
        cv::rectangle(image, cv::Rect(rng.uniform(0, width), rng.uniform(0, height), 80, 40),
                      cv::Scalar(rng.uniform(0, 255), rng.uniform(0, 255), rng.uniform(0, 255)), cv::FILLED);
    std::vector<uchar> encoded;
    cv::imencode(extension, image, encoded);
    return QByteArray(reinterpret_cast<const char *>(encoded.data()), int(encoded.size()));
}
} // namespace

QByteArray faceFreeJpeg(int width, int height)
{
    return encodedFaceFree(".jpg", width, height);
}

QByteArray faceFreePng(int width, int height)
{
    return encodedFaceFree(".png", width, height);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace mado::test
