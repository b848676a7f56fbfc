#include "tests/support/PhoneJpeg.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <vector>

namespace mado::test {

namespace {

QByteArray toBytes(const std::vector<uchar> &encoded)
{
    return QByteArray(reinterpret_cast<const char *>(encoded.data()), qsizetype(encoded.size()));
}

void append16(QByteArray &out, quint32 value, PhoneJpeg::ByteOrder order)
{
    if (order == PhoneJpeg::ByteOrder::Intel) {
        out.append(char(value & 0xFF));
        out.append(char((value >> 8) & 0xFF));
    } else {
        out.append(char((value >> 8) & 0xFF));
        out.append(char(value & 0xFF));
    }
}

void append32(QByteArray &out, quint32 value, PhoneJpeg::ByteOrder order)
{
    if (order == PhoneJpeg::ByteOrder::Intel) {
        append16(out, value & 0xFFFF, order);
        append16(out, value >> 16, order);
    } else {
        append16(out, value >> 16, order);
        append16(out, value & 0xFFFF, order);
    }
}

} // namespace

cv::Mat PhoneJpeg::stored(const cv::Mat &upright, int orientation)
{
    // The inverse of the viewer's turn: 2, 3, 4, 5 and 7 are their own inverses; 6 and 8 swap.
    cv::Mat out;
    switch (orientation) {
    case 2:
        cv::flip(upright, out, 1);
        break;
    case 3:
        cv::rotate(upright, out, cv::ROTATE_180);
        break;
    case 4:
        cv::flip(upright, out, 0);
        break;
    case 5:
        cv::transpose(upright, out);
        break;
    case 6:
        cv::rotate(upright, out, cv::ROTATE_90_COUNTERCLOCKWISE);
        break;
    case 7:
        cv::transpose(upright, out);
        cv::rotate(out, out, cv::ROTATE_180);
        break;
    case 8:
        cv::rotate(upright, out, cv::ROTATE_90_CLOCKWISE);
        break;
    default:
        out = upright.clone();
    }
    return out;
}

QByteArray PhoneJpeg::withApp1(const QByteArray &jpeg, const QByteArray &payload)
{
    QByteArray segment("\xFF\xE1", 2);
    const int length = int(payload.size()) + 2;
    segment.append(char((length >> 8) & 0xFF));
    segment.append(char(length & 0xFF));
    segment.append(payload);
    return jpeg.left(2) + segment + jpeg.mid(2);
}

QByteArray PhoneJpeg::withOrientation(const QByteArray &jpeg, int value, ByteOrder order)
{
    QByteArray tiff = order == ByteOrder::Intel ? QByteArray("II", 2) : QByteArray("MM", 2);
    append16(tiff, 42, order);
    append32(tiff, 8, order);        // IFD0 right after the header
    append16(tiff, 2, order);        // two entries, as a camera writes more than one
    append16(tiff, 0x010F, order);   // Make, ASCII, 4 bytes inline: "MDG\0"
    append16(tiff, 2, order);
    append32(tiff, 4, order);
    tiff.append("MDG\0", 4);
    append16(tiff, 0x0112, order);   // Orientation, SHORT, 1
    append16(tiff, 3, order);
    append32(tiff, 1, order);
    append16(tiff, quint32(value), order);
    append16(tiff, 0, order);
    append32(tiff, 0, order);        // no IFD1
    return withApp1(jpeg, QByteArray("Exif\0\0", 6) + tiff);
}

QByteArray PhoneJpeg::encode(const cv::Mat &upright, int orientation, ByteOrder order, int quality)
{
    std::vector<uchar> encoded;
    cv::imencode(".jpg", stored(upright, orientation), encoded, {cv::IMWRITE_JPEG_QUALITY, quality});
    return withOrientation(toBytes(encoded), orientation, order);
}

QByteArray PhoneJpeg::progressive(const cv::Mat &image, int quality)
{
    std::vector<uchar> encoded;
    cv::imencode(".jpg", image, encoded, {cv::IMWRITE_JPEG_QUALITY, quality, cv::IMWRITE_JPEG_PROGRESSIVE, 1});
    return toBytes(encoded);
}

QByteArray PhoneJpeg::scanBomb(const cv::Mat &image, int scans)
{
    const QByteArray base = progressive(image);
    // FF DA cannot occur inside entropy-coded data (an FF there is followed by 00 or a restart
    // marker), so the last occurrence is the last scan's header.
    const qsizetype lastScan = base.lastIndexOf("\xFF\xDA");
    const qsizetype previousScan = base.lastIndexOf("\xFF\xDA", lastScan - 1);
    const qsizetype table = base.lastIndexOf("\xFF\xC4", lastScan);
    const qsizetype start = table > previousScan ? table : lastScan;
    const QByteArray scan = base.mid(start, base.size() - 2 - start);
    int have = int(base.count("\xFF\xDA"));
    QByteArray out = base.left(base.size() - 2);
    out.reserve(out.size() + scan.size() * qMax(0, scans - have) + 2);
    for (; have < scans; ++have)
        out.append(scan);
    out.append("\xFF\xD9", 2);
    return out;
}

cv::Mat PhoneJpeg::asymmetricPicture(int width, int height)
{
    cv::Mat image(height, width, CV_8UC3, cv::Scalar(40, 40, 40));
    const int w = width / 2;
    const int h = height / 2;
    image(cv::Rect(0, 0, w, h)).setTo(cv::Scalar(0, 0, 230));          // top left red
    image(cv::Rect(w, 0, width - w, h)).setTo(cv::Scalar(0, 220, 0));  // top right green
    image(cv::Rect(0, h, w, height - h)).setTo(cv::Scalar(230, 0, 0)); // bottom left blue
    // bottom right stays dark grey; a white bar marks the top edge
    image(cv::Rect(0, 0, width, std::max(2, height / 20))).setTo(cv::Scalar(255, 255, 255));
    return image;
}

} // namespace mado::test
