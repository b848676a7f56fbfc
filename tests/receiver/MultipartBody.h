#pragma once

#include <QByteArray>
#include <QString>

#include <utility>
#include <vector>

namespace mado {

// Builds multipart/form-data bodies for the applicant API tests, like a browser's FormData.
class MultipartBody {
public:
    void addField(const QString &name, const QString &value);
    void addFile(const QString &name, const QByteArray &bytes, const QString &fileName = QStringLiteral("blob"),
                 const QByteArray &contentType = "application/octet-stream");
    QByteArray bytes() const;
    std::string contentType() const;

private:
    QByteArray m_boundary = "----MadoTestBoundary7MA4YWxkTrZu0gW";
    QByteArray m_body;
};

} // namespace mado
