#include "MultipartBody.h"

namespace mado {

void MultipartBody::addField(const QString &name, const QString &value)
{
    m_body += "--" + m_boundary + "\r\nContent-Disposition: form-data; name=\"" + name.toUtf8() + "\"\r\n\r\n" +
              value.toUtf8() + "\r\n";
}

void MultipartBody::addFile(const QString &name, const QByteArray &bytes, const QString &fileName,
                            const QByteArray &contentType)
{
    m_body += "--" + m_boundary + "\r\nContent-Disposition: form-data; name=\"" + name.toUtf8() + "\"; filename=\"" +
              fileName.toUtf8() + "\"\r\nContent-Type: " + contentType + "\r\n\r\n" + bytes + "\r\n";
}

QByteArray MultipartBody::bytes() const
{
    return m_body + "--" + m_boundary + "--\r\n";
}

std::string MultipartBody::contentType() const
{
    return "multipart/form-data; boundary=" + m_boundary.toStdString();
}

} // namespace mado
