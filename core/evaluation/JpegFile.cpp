#include "core/evaluation/JpegFile.h"

#include <QFile>

#include <opencv2/imgcodecs.hpp>

#include <vector>

namespace mado {

Result<QByteArray> JpegFile::write(const QString &path, const cv::Mat &bgr, int quality)
{
    std::vector<uchar> encoded;
    if (bgr.empty() || !cv::imencode(".jpg", bgr, encoded, {cv::IMWRITE_JPEG_QUALITY, quality}))
        return Error{ErrorCode::Internal, QStringLiteral("cannot encode %1 as JPEG").arg(path)};
    const QByteArray bytes(reinterpret_cast<const char *>(encoded.data()), qsizetype(encoded.size()));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size() || !file.flush())
        return Error{ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    return bytes;
}

} // namespace mado
