#pragma once

#include <QByteArray>
#include <QString>

namespace mado {

class ImageSanitizer;

// A JPEG that Madoguchi encoded itself from decoded pixels: no byte of the original file, no
// metadata. Only ImageSanitizer can make one, so the store cannot be handed raw bytes by mistake.
class SanitizedImage {
public:
    const QByteArray &jpeg() const { return m_jpeg; }
    int width() const { return m_width; }
    int height() const { return m_height; }
    const QString &sha256() const { return m_sha256; }             // of jpeg()
    const QString &sourceSha256() const { return m_sourceSha256; } // of the bytes received
    // Where the image belongs in the case: "document_front", "document_tilted", "frame0".."frame3".
    const QString &role() const { return m_role; }

private:
    friend class ImageSanitizer;
    SanitizedImage() = default;

    QByteArray m_jpeg;
    int m_width = 0;
    int m_height = 0;
    QString m_sha256;
    QString m_sourceSha256;
    QString m_role;
};

} // namespace mado
