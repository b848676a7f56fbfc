#include "core/intake/JsonResponse.h"

#include <QJsonDocument>

#include <ostream>

namespace mado {

void JsonResponse::send(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
                        const QJsonObject &body)
{
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    response.setStatusAndReason(status);
    response.setContentType("application/json; charset=utf-8");
    response.setContentLength(bytes.size());
    response.set("Cache-Control", "no-store");
    std::ostream &out = response.send();
    out.write(bytes.constData(), bytes.size());
}

void JsonResponse::sendError(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
                             const QString &code, const QString &message)
{
    send(response, status,
         QJsonObject{{QStringLiteral("error"),
                      QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}});
}

} // namespace mado
