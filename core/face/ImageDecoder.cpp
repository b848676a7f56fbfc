#include "core/face/ImageDecoder.h"

#include <QFile>
#include <QFileInfo>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <utility>

namespace mado {

namespace {

// The upright image for an EXIF orientation (1-8; other values return image unchanged).
cv::Mat upright(const cv::Mat &image, int orientation)
{
    cv::Mat out;
    switch (orientation) {
    case 2:
        cv::flip(image, out, 1);
        return out;
    case 3:
        cv::rotate(image, out, cv::ROTATE_180);
        return out;
    case 4:
        cv::flip(image, out, 0);
        return out;
    case 5:
        cv::transpose(image, out);
        return out;
    case 6:
        cv::rotate(image, out, cv::ROTATE_90_CLOCKWISE);
        return out;
    case 7: {
        cv::Mat transposed;
        cv::transpose(image, transposed);
        cv::rotate(transposed, out, cv::ROTATE_180);
        return out;
    }
    case 8:
        cv::rotate(image, out, cv::ROTATE_90_COUNTERCLOCKWISE);
        return out;
    default:
        return image;
    }
}

} // namespace

ImageDecoder::ImageDecoder(ImageLimits limits) : m_limits(limits) {}

Result<DecodedImage> ImageDecoder::decode(const QByteArray &bytes) const
{
    return decodeReduced(bytes, 0);
}

Result<DecodedImage> ImageDecoder::decodeReduced(const QByteArray &bytes, int minLongSide) const
{
    if (bytes.size() > m_limits.maxBytes)
        return Error{ErrorCode::ImageTooLarge,
                     QStringLiteral("the file has %1 bytes, the limit is %2").arg(bytes.size()).arg(m_limits.maxBytes)};
    auto probed = ImageProbe::probeWithin(bytes, m_limits);
    if (!probed)
        return probed.error();
    const ImageInfo info = probed.value();
    cv::Mat decoded;
    int reduction = 1;
    try {
        const cv::Mat raw(1, static_cast<int>(bytes.size()), CV_8UC1,
                          const_cast<char *>(bytes.constData())); // imdecode only reads
        // The orientation is applied below, deliberately, after the size check: OpenCV would
        // otherwise turn the pixels itself for some flags and not for others.
        int flag = cv::IMREAD_COLOR;
        int factor = 1;
        if (minLongSide > 0 && info.format == ImageFormat::Jpeg) {
            const int longSide = std::max(info.width, info.height);
            for (const auto &[candidate, imreadFlag] : {std::pair{8, int(cv::IMREAD_REDUCED_COLOR_8)},
                                                        std::pair{4, int(cv::IMREAD_REDUCED_COLOR_4)},
                                                        std::pair{2, int(cv::IMREAD_REDUCED_COLOR_2)}}) {
                if (longSide / candidate >= minLongSide) {
                    factor = candidate;
                    flag = imreadFlag;
                    break;
                }
            }
        }
        decoded = cv::imdecode(raw, flag | cv::IMREAD_IGNORE_ORIENTATION);
        reduction = factor;
    } catch (const cv::Exception &) {
        decoded.release();
    }
    if (decoded.empty() || decoded.type() != CV_8UC3)
        return Error{ErrorCode::ImageCorrupt, QStringLiteral("the image data cannot be decoded")};
    if (decoded.cols != (info.width + reduction - 1) / reduction || decoded.rows != (info.height + reduction - 1) / reduction)
        return Error{ErrorCode::ImageCorrupt, QStringLiteral("the decoded size differs from the header")};
    try {
        decoded = upright(decoded, info.orientation);
    } catch (const cv::Exception &) {
        return Error{ErrorCode::ImageCorrupt, QStringLiteral("the image cannot be turned upright")};
    }
    return DecodedImage{info, decoded.isContinuous() ? decoded : decoded.clone()};
}

Result<DecodedImage> ImageDecoder::decodeFile(const QString &path) const
{
    const QFileInfo fileInfo(path);
    if (!fileInfo.exists())
        return Error{ErrorCode::Io, QStringLiteral("the file does not exist")};
    if (!fileInfo.isFile())
        return Error{ErrorCode::Io, QStringLiteral("not a regular file")};
    if (fileInfo.size() > m_limits.maxBytes)
        return Error{ErrorCode::ImageTooLarge, QStringLiteral("the file has %1 bytes, the limit is %2")
                                                   .arg(fileInfo.size())
                                                   .arg(m_limits.maxBytes)};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot be read: %1").arg(file.errorString())};
    return decode(file.readAll());
}

} // namespace mado
