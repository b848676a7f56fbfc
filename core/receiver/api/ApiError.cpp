#include "core/receiver/api/ApiError.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <ostream>
#include <string>

namespace mado {

ApiError ApiError::fromError(const Error &error, const QString &field)
{
    int status = 500;
    switch (error.code) {
    case ErrorCode::Unauthorized:
        status = 401;
        break;
    case ErrorCode::Conflict:
        status = 409;
        break;
    case ErrorCode::Gone:
        status = 410;
        break;
    case ErrorCode::NotFound:
        status = 404;
        break;
    case ErrorCode::RateLimited:
        status = 429;
        break;
    case ErrorCode::Network:
    case ErrorCode::Io:
        status = 503;
        break;
    case ErrorCode::ImageUnsupported:
        status = 415;
        break;
    case ErrorCode::ImageEmpty:
    case ErrorCode::ImageTooLarge:
    case ErrorCode::ImageCorrupt:
        status = 422;
        break;
    case ErrorCode::InvalidArgument:
    case ErrorCode::BundleInvalid:
        status = 400;
        break;
    default:
        status = 500;
        break;
    }
    // Storage and network details stay in the log, not in the answer.
    const QString message =
        status >= 500 ? QStringLiteral("the request could not be completed; retry later") : error.message;
    return ApiError{status, errorCodeName(error.code), message, field};
}

void ApiError::send(Poco::Net::HTTPServerResponse &response) const
{
    QJsonObject inner{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        inner.insert(QStringLiteral("field"), field);
    const QByteArray bytes =
        QJsonDocument(QJsonObject{{QStringLiteral("error"), inner}}).toJson(QJsonDocument::Compact);
    response.setStatusAndReason(Poco::Net::HTTPResponse::HTTPStatus(status));
    response.setContentType("application/json; charset=utf-8");
    response.setContentLength(bytes.size());
    response.set("Cache-Control", "no-store");
    if (retryAfterSeconds > 0)
        response.set("Retry-After", std::to_string(retryAfterSeconds));
    // Flushed now: a handler may go on reading the request's body after answering.
    std::ostream &out = response.send();
    out.write(bytes.constData(), bytes.size());
    out.flush();
}

} // namespace mado
