#include "core/intake/ApplicantApi.h"

#include "core/intake/BodyReader.h"
#include "core/intake/JsonResponse.h"
#include "core/intake/SubmissionParser.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/MediaType.h>
#include <Poco/String.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace mado {

namespace {

// Sends an error before the body was read: the connection cannot carry another request.
void refuseUnread(Poco::Net::HTTPServerResponse &response, const ApiError &error)
{
    response.setKeepAlive(false);
    error.send(response);
}

// Discards the body (at most limit bytes, never buffered) and sends the error, so that a client
// still sending its body reads the answer instead of a connection reset.
void refuseDrained(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response, qint64 limit,
                   const ApiError &error)
{
    std::istream &in = request.stream();
    in.ignore(std::streamsize(limit + 1));
    if (in.gcount() > limit)
        response.setKeepAlive(false);
    error.send(response);
}

// The verified LINE user id of the request's bearer token, or the error to answer.
Result<QString> authenticate(const ApplicantServices &services, const Poco::Net::HTTPServerRequest &request)
{
    const std::string header = request.get("Authorization", std::string());
    const std::string prefix = "Bearer ";
    if (header.size() <= prefix.size() || Poco::icompare(header.substr(0, prefix.size()), prefix) != 0)
        return Error{ErrorCode::Unauthorized, QStringLiteral("Authorization: Bearer <LIFF ID token> is required")};
    return services.verifier.verify(QString::fromStdString(header.substr(prefix.size())).trimmed());
}

bool isMultipart(const std::string &contentType)
{
    try {
        return !contentType.empty() && Poco::Net::MediaType(contentType).matches("multipart", "form-data");
    } catch (const Poco::Exception &) {
        return false;
    }
}

} // namespace

void ChallengeHandler::handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
{
    const auto user = authenticate(m_services, request);
    if (!user)
        return refuseUnread(response, ApiError::fromError(user.error()));
    if (request.hasContentLength() && request.getContentLength64() > 4096)
        return refuseUnread(response, ApiError{413, QStringLiteral("body_too_large"),
                                               QStringLiteral("this call takes no body"), QString()});
    // A chunked body is not announced: discard what comes, and drop the connection if it is long.
    request.stream().ignore(4097);
    if (request.stream().gcount() > 4096)
        response.setKeepAlive(false);
    const auto challenge = m_services.challenges.issue(user.value());
    if (!challenge)
        return ApiError::fromError(challenge.error()).send(response);
    QJsonArray directions;
    for (Direction d : challenge.value().directions)
        directions.append(directionName(d));
    JsonResponse::send(
        response, Poco::Net::HTTPResponse::HTTP_CREATED,
        QJsonObject{{QStringLiteral("nonce"), challenge.value().nonce},
                    {QStringLiteral("directions"), directions},
                    {QStringLiteral("issuedAt"), challenge.value().issuedAt.toString(Qt::ISODateWithMs)},
                    {QStringLiteral("expiresAt"), challenge.value().expiresAt.toString(Qt::ISODateWithMs)}});
}

void ApplicationHandler::handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
{
    const ReceiverOptions &options = m_services.options;
    if (request.hasContentLength() && request.getContentLength64() > options.maxApplicationBytes)
        return refuseUnread(response,
                            ApiError{413, QStringLiteral("body_too_large"),
                                     QStringLiteral("the body exceeds %1 bytes").arg(options.maxApplicationBytes),
                                     QString()});
    const auto user = authenticate(m_services, request);
    if (!user)
        return refuseDrained(request, response, options.maxApplicationBytes, ApiError::fromError(user.error()));
    if (!isMultipart(request.getContentType()))
        return refuseDrained(request, response, options.maxApplicationBytes,
                             ApiError{415, QStringLiteral("unsupported_media_type"),
                                      QStringLiteral("Content-Type must be multipart/form-data"), QString()});
    static const QRegularExpression keyPattern(QStringLiteral("^[A-Za-z0-9_.:-]{8,128}$"));
    const QString key = QString::fromStdString(request.get("Idempotency-Key", std::string()));
    if (!keyPattern.match(key).hasMatch())
        return refuseDrained(request, response, options.maxApplicationBytes,
                             ApiError{400, QStringLiteral("invalid_header"),
                                      QStringLiteral("Idempotency-Key must be 8 to 128 characters "
                                                     "(letters, digits, _ . : -)"),
                                      QStringLiteral("Idempotency-Key")});
    QByteArray body;
    if (!BodyReader::read(request, options.maxApplicationBytes, body))
        return refuseUnread(response,
                            ApiError{413, QStringLiteral("body_too_large"),
                                     QStringLiteral("the body exceeds %1 bytes").arg(options.maxApplicationBytes),
                                     QString()});
    Submission submission;
    if (auto problem = SubmissionParser::parse(request.getContentType(), body, submission))
        return problem->send(response);
    const auto outcome = m_services.intake.submit(user.value(), key, submission);
    if (const auto *error = std::get_if<ApiError>(&outcome))
        return error->send(response);
    const auto &stored = std::get<StoredApplication>(outcome);
    JsonResponse::send(
        response, Poco::Net::HTTPResponse::HTTP_CREATED,
        QJsonObject{{QStringLiteral("applicationId"), stored.id}, {QStringLiteral("reference"), stored.reference}});
}

} // namespace mado
