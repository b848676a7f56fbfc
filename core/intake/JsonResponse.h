#pragma once

#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <QJsonObject>
#include <QString>

namespace mado {

// Writes JSON bodies for the receiver's handlers. Error bodies are {"error": {"code", "message"}}.
class JsonResponse {
public:
    static void send(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
                     const QJsonObject &body);
    static void sendError(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
                          const QString &code, const QString &message);
};

} // namespace mado
