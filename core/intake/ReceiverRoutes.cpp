#include "core/intake/ReceiverRoutes.h"

#include "core/intake/JsonResponse.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

#include <QJsonObject>

namespace mado {

namespace {

using Poco::Net::HTTPResponse;

class HealthHandler : public Poco::Net::HTTPRequestHandler {
public:
    void handleRequest(Poco::Net::HTTPServerRequest &, Poco::Net::HTTPServerResponse &response) override
    {
        JsonResponse::send(response, HTTPResponse::HTTP_OK,
                           QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                       {QStringLiteral("service"), QStringLiteral("madoguchi-receiver")}});
    }
};

class ErrorHandler : public Poco::Net::HTTPRequestHandler {
public:
    ErrorHandler(HTTPResponse::HTTPStatus status, QString code, QString message)
        : m_status(status), m_code(std::move(code)), m_message(std::move(message))
    {
    }
    void handleRequest(Poco::Net::HTTPServerRequest &, Poco::Net::HTTPServerResponse &response) override
    {
        JsonResponse::sendError(response, m_status, m_code, m_message);
    }

private:
    HTTPResponse::HTTPStatus m_status;
    QString m_code;
    QString m_message;
};

} // namespace

Poco::Net::HTTPRequestHandler *ReceiverRoutes::createRequestHandler(const Poco::Net::HTTPServerRequest &request)
{
    const std::string path = Poco::URI(request.getURI()).getPath();
    const std::string &method = request.getMethod();
    if (path == "/healthz") {
        if (method == "GET" || method == "HEAD")
            return new HealthHandler;
        return new ErrorHandler(HTTPResponse::HTTP_METHOD_NOT_ALLOWED, QStringLiteral("method_not_allowed"),
                                QStringLiteral("use GET"));
    }
    return new ErrorHandler(HTTPResponse::HTTP_NOT_FOUND, QStringLiteral("not_found"),
                            QStringLiteral("no such endpoint"));
}

} // namespace mado
