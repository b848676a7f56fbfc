#pragma once

#include <QByteArray>
#include <QString>

namespace mado::test {

// Bytes of a PNG whose IHDR claims width x height; the rest of the file is a stub. Decoding it
// would need width*height*3 bytes, which is what the header check must prevent.
QByteArray pngHeaderClaiming(quint32 width, quint32 height);
// A real, decodable JPEG of noise and gradients in which no face can be found.
QByteArray faceFreeJpeg(int width = 640, int height = 480);
// The same picture as a PNG.
QByteArray faceFreePng(int width = 640, int height = 480);
// Writes bytes to a file; returns false on failure.
bool writeFile(const QString &path, const QByteArray &bytes);

} // namespace mado::test
