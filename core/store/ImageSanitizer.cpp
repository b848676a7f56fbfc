#include "core/store/ImageSanitizer.h"

#include <QCryptographicHash>

#include <opencv2/imgcodecs.hpp>

#include <vector>

namespace mado {

namespace {
QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}
} // namespace

ImageSanitizer::ImageSanitizer(ImageLimits limits, int jpegQuality) : m_decoder(limits), m_quality(jpegQuality) {}

Result<SanitizedImage> ImageSanitizer::sanitize(const QByteArray &bytes, const QString &role) const
{
    auto decoded = m_decoder.decode(bytes);
    if (!decoded)
        return decoded.error();
    std::vector<uchar> encoded;
    try {
        const std::vector<int> parameters{cv::IMWRITE_JPEG_QUALITY, m_quality, cv::IMWRITE_JPEG_OPTIMIZE, 1};
        if (!cv::imencode(".jpg", decoded.value().bgr, encoded, parameters))
            return Error{ErrorCode::ImageCorrupt, QStringLiteral("cannot re-encode the image")};
    } catch (const cv::Exception &) {
        return Error{ErrorCode::ImageCorrupt, QStringLiteral("cannot re-encode the image")};
    }
    SanitizedImage image;
    image.m_jpeg = QByteArray(reinterpret_cast<const char *>(encoded.data()), qsizetype(encoded.size()));
    image.m_width = decoded.value().bgr.cols;
    image.m_height = decoded.value().bgr.rows;
    image.m_sha256 = sha256Hex(image.m_jpeg);
    image.m_sourceSha256 = sha256Hex(bytes);
    image.m_role = role;
    return image;
}

} // namespace mado
