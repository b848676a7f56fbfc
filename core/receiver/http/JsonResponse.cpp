#include "core/receiver/http/JsonResponse.h"

#include <QJsonDocument>

#include <ostream>

namespace mado {

QByteArray JsonResponse::bytes(const QJsonObject &body)
{
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray JsonResponse::errorBytes(const QString &code, const QString &message)
{
    return bytes(QJsonObject{{QStringLiteral("error"),
                              QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}});
}

void JsonResponse::send(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
                        const QJsonObject &body)
{
    sendBytes(response, status, bytes(body));
}

void JsonResponse::sendBytes(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
                             const QByteArray &json)
{
    response.setStatusAndReason(status);
    response.setContentType("application/json; charset=utf-8");
    response.setContentLength(json.size());
    response.set("Cache-Control", "no-store");
    std::ostream &out = response.send();
    out.write(json.constData(), json.size());
}

void JsonResponse::sendError(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
                             const QString &code, const QString &message)
{
    sendBytes(response, status, errorBytes(code, message));
}

} // namespace mado
