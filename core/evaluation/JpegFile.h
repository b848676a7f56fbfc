#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QString>

#include <opencv2/core/mat.hpp>

namespace mado {

// Writes an image as a JPEG file through QFile, so the path is taken as Unicode on every system
// (cv::imwrite opens a narrow path, which on Windows is read in the ANSI code page: a Japanese
// user folder would fail). Returns the bytes written (callers hash them for a manifest).
class JpegFile {
public:
    static Result<QByteArray> write(const QString &path, const cv::Mat &bgr, int quality);
};

} // namespace mado
