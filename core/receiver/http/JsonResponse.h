#pragma once

#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <QJsonObject>
#include <QString>

namespace mado {

// Writes JSON bodies for the receiver's handlers. Error bodies are {"error": {"code", "message"}}.
class JsonResponse {
public:
    // The compact JSON bytes of body, and of an error body.
    static QByteArray bytes(const QJsonObject &body);
    static QByteArray errorBytes(const QString &code, const QString &message);
    static void send(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
                     const QJsonObject &body);
    static void sendError(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
                          const QString &code, const QString &message);
    // Sends json (already serialised) as the body.
    static void sendBytes(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
                          const QByteArray &json);
};

} // namespace mado
