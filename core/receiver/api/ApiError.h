#pragma once

#include "core/domain/Result.h"

#include <Poco/Net/HTTPServerResponse.h>

#include <QString>

namespace mado {

// An error answer of the receiver's JSON APIs: {"error": {"code", "message", "field"?}} with an
// HTTP status. `field` names the form field or part at fault; messages never echo values.
struct ApiError {
    int status = 400;
    QString code;
    QString message;
    QString field;
    // Sent as Retry-After when > 0 (429, 503, 507).
    int retryAfterSeconds = 0;

    // Maps a core error to an answer (Unauthorized 401, Conflict 409, Gone 410, NotFound 404, RateLimited 429,
    // Network 503, Io 503, ImageUnsupported 415, ImageTooLarge 422, other image errors 422,
    // InvalidArgument 400, else 500).
    static ApiError fromError(const Error &error, const QString &field = QString());
    void send(Poco::Net::HTTPServerResponse &response) const;
};

} // namespace mado
