#include "core/receiver/api/ApplicantApi.h"

#include "core/receiver/api/DiskSpace.h"
#include "core/receiver/spool/DurableFiles.h"
#include "core/receiver/IntakeLog.h"
#include "core/receiver/http/JsonResponse.h"
#include "core/receiver/http/LimitedInput.h"
#include "core/receiver/api/SubmissionParser.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/MediaType.h>
#include <Poco/String.h>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUuid>

#include <functional>
#include <variant>

namespace mado {

namespace {

// The optional header that names the application's challenge, so that it is checked before the body.
const std::string kChallengeHeader = "Madoguchi-Challenge";
constexpr int kUploadRetryAfterSeconds = 5;
constexpr int kFullRetryAfterSeconds = 300;

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

ApiError bodyTooLarge(qint64 limit)
{
    return ApiError{413, QStringLiteral("body_too_large"), QStringLiteral("the body exceeds %1 bytes").arg(limit),
                    QString()};
}

// Ends an upload: gives its slot back, then removes its staging directory unless it was moved
// into place; before the answer is sent (discard()), or when the handler ends (a failed
// connection). Once the directory is gone, the slot is free.
class StagingGuard {
public:
    StagingGuard(QString path, UploadSlots::Ticket &slot) : m_path(std::move(path)), m_slot(slot) {}
    ~StagingGuard() { discard(); }
    void discard()
    {
        m_slot.release();
        if (QFileInfo::exists(m_path))
            DurableFiles::removeTree(m_path);
    }
    StagingGuard(const StagingGuard &) = delete;
    StagingGuard &operator=(const StagingGuard &) = delete;

private:
    QString m_path;
    UploadSlots::Ticket &m_slot;
};

// 201 {applicationId, reference[, awaitingSignature]}, flushed (the handler may read on after it).
void sendStored(Poco::Net::HTTPServerResponse &response, const StoredApplication &stored)
{
    QJsonObject answer{{QStringLiteral("applicationId"), stored.id}, {QStringLiteral("reference"), stored.reference}};
    if (stored.awaitingSignature)
        answer.insert(QStringLiteral("awaitingSignature"), true);
    const QByteArray bytes = QJsonDocument(answer).toJson(QJsonDocument::Compact);
    response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_CREATED);
    response.setContentType("application/json; charset=utf-8");
    response.setContentLength(bytes.size());
    response.set("Cache-Control", "no-store");
    std::ostream &out = response.send();
    out.write(bytes.constData(), bytes.size());
    out.flush();
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
    const auto authenticated = authenticateApplicant(m_services, request);
    if (const auto *refused = std::get_if<ApiError>(&authenticated))
        return refuseUnread(response, *refused);
    const QString &userId = std::get<QString>(authenticated);
    if (request.hasContentLength() && request.getContentLength64() > 4096)
        return refuseUnread(response, ApiError{413, QStringLiteral("body_too_large"),
                                               QStringLiteral("this call takes no body"), QString()});
    // A chunked body is not announced: discard what comes, and drop the connection if it is long.
    request.stream().ignore(4097);
    if (request.stream().gcount() > 4096)
        response.setKeepAlive(false);
    const auto challenge = m_services.challenges.issue(userId);
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
    const qint64 limit = options.maxApplicationBytes;
    if (request.hasContentLength() && request.getContentLength64() > limit)
        return refuseUnread(response, bodyTooLarge(limit));
    const auto authenticated = authenticateApplicant(m_services, request);
    if (const auto *refused = std::get_if<ApiError>(&authenticated))
        return refuseDrained(request, response, limit, *refused);
    const QString &userId = std::get<QString>(authenticated);
    if (!isMultipart(request.getContentType()))
        return refuseDrained(request, response, limit,
                             ApiError{415, QStringLiteral("unsupported_media_type"),
                                      QStringLiteral("Content-Type must be multipart/form-data"), QString()});
    static const QRegularExpression keyPattern(QStringLiteral("^[A-Za-z0-9_.:-]{8,128}$"));
    const QString key = QString::fromStdString(request.get("Idempotency-Key", std::string()));
    if (!keyPattern.match(key).hasMatch())
        return refuseDrained(request, response, limit,
                             ApiError{400, QStringLiteral("invalid_header"),
                                      QStringLiteral("Idempotency-Key must be 8 to 128 characters "
                                                     "(letters, digits, _ . : -)"),
                                      QStringLiteral("Idempotency-Key")});

    // Uploads in progress: a few per user, a bounded number in all.
    UploadSlots::Refusal refusal = UploadSlots::Refusal::None;
    UploadSlots::Ticket slot = m_services.uploads.acquire(userId, refusal);
    if (refusal == UploadSlots::Refusal::User)
        return refuseDrained(request, response, limit,
                             ApiError{429, QStringLiteral("too_many_uploads"),
                                      QStringLiteral("%1 applications of this user are being uploaded; retry when "
                                                     "they are done")
                                          .arg(options.uploadsPerUser),
                                      QString(), kUploadRetryAfterSeconds});
    if (refusal == UploadSlots::Refusal::Total)
        return refuseDrained(request, response, limit,
                             ApiError{503, QStringLiteral("busy"),
                                      QStringLiteral("too many applications are being uploaded; retry later"),
                                      QString(), kUploadRetryAfterSeconds});

    LimitedInput body(request.stream(), limit);
    // From here on an answer goes out at once and the body is read (and dropped) afterwards, up to
    // the limit: the client gets the answer without having to send the rest first, and the
    // connection can carry its next request (or is closed when the body was over the limit).
    const auto answerThenDrain = [&](const std::function<void()> &send) {
        slot.release(); // what is left is dropped, not stored
        send();
        if (!body.drain())
            response.setKeepAlive(false);
    };
    const auto refuse = [&](const ApiError &error) { answerThenDrain([&] { error.send(response); }); };
    // A retry of a stored application gets its reference.
    const auto stored = [&]() -> std::optional<StoredApplication> {
        const auto existing = m_services.intake.stored(userId, key);
        return existing ? existing.value() : std::nullopt;
    };
    if (const auto existing = stored())
        return answerThenDrain([&] { sendStored(response, *existing); });

    if (options.spoolMinFreeBytes > 0) {
        const qint64 declared = request.hasContentLength() ? request.getContentLength64() : 0;
        const auto free = DiskSpace::available(m_services.spoolDirectory);
        if (!free || free.value() - declared < options.spoolMinFreeBytes) {
            qCWarning(lcIntake) << "application refused: the spool's file system is nearly full"
                                << (free ? free.value() : -1) << "bytes free, floor" << options.spoolMinFreeBytes;
            return refuse(ApiError{507, QStringLiteral("insufficient_storage"),
                                   QStringLiteral("the receiver cannot take applications now; retry later"), QString(),
                                   kFullRetryAfterSeconds});
        }
    }

    // The challenge named in the header is checked before any byte of the body is read.
    const QString headerNonce = QString::fromStdString(request.get(kChallengeHeader, std::string())).trimmed();
    const auto challengeProblem = [&](const QString &nonce) -> std::optional<ApiError> {
        if (!headerNonce.isEmpty())
            return nonce == headerNonce
                       ? std::nullopt
                       : std::optional<ApiError>(ApiError{400, QStringLiteral("invalid_field"),
                                                          QStringLiteral("differs from the Madoguchi-Challenge header"),
                                                          QStringLiteral("challenge")});
        return m_services.intake.checkChallenge(nonce, userId);
    };
    // A challenge refused because a concurrent request with the same key just used it: that
    // request's reference.
    const auto answerProblem = [&](const ApiError &problem) {
        if (problem.field == QLatin1String("challenge") && problem.status == 409) {
            if (const auto existing = stored())
                return answerThenDrain([&] { sendStored(response, *existing); });
        }
        refuse(problem);
    };
    if (!headerNonce.isEmpty()) {
        if (auto problem = m_services.intake.checkChallenge(headerNonce, userId))
            return answerProblem(*problem);
    }

    const QString applicationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto staging = m_services.intake.createStaging(applicationId);
    if (!staging) {
        qCCritical(lcIntake) << "application not staged:" << staging.error().message;
        return refuse(ApiError::fromError(staging.error()));
    }
    StagingGuard guard(staging.value(), slot);
    Submission submission;
    const auto problem = SubmissionParser::parse(request.getContentType(), body, staging.value(),
                                                 options.imageLimits.maxBytes, challengeProblem, submission,
                                                 m_services.intake.keyring());
    if (problem || body.exceeded())
        guard.discard();
    // A body over the limit is 413 whatever else was wrong with it.
    if (body.exceeded()) {
        response.setKeepAlive(false);
        return bodyTooLarge(limit).send(response);
    }
    if (problem)
        return answerProblem(*problem);
    // Bytes after the closing boundary (an epilogue) are read and dropped.
    if (!body.drain()) {
        guard.discard();
        response.setKeepAlive(false);
        return bodyTooLarge(limit).send(response);
    }
    const auto outcome = m_services.intake.submit(userId, key, applicationId, submission);
    // Stored: moved into place. Refused, or found stored under the key: gone before the answer.
    guard.discard();
    if (const auto *error = std::get_if<ApiError>(&outcome)) {
        // A concurrent request with the same key used the challenge after this one checked it.
        if (error->field == QLatin1String("challenge") && error->status == 409) {
            if (const auto existing = stored())
                return sendStored(response, *existing);
        }
        return error->send(response);
    }
    sendStored(response, std::get<StoredApplication>(outcome));
}

// The verified LINE user id of the request's bearer token, or the error to answer.
std::variant<QString, ApiError> authenticateApplicant(const ApplicantServices &services,
                                             const Poco::Net::HTTPServerRequest &request)
{
    const std::string header = request.get("Authorization", std::string());
    const std::string prefix = "Bearer ";
    QString token;
    if (header.size() > prefix.size() && Poco::icompare(header.substr(0, prefix.size()), prefix) == 0)
        token = QString::fromStdString(header.substr(prefix.size())).trimmed();
    // A missing token counts as a failed verification of the address too.
    int retryAfter = 0;
    const auto user = services.verifier.verify(token, services.options.clientAddress.resolve(request), &retryAfter);
    if (user)
        return user.value();
    ApiError error = ApiError::fromError(user.error());
    if (user.error().code == ErrorCode::Unauthorized && token.isEmpty())
        error.message = QStringLiteral("Authorization: Bearer <LIFF ID token> is required");
    error.retryAfterSeconds = retryAfter;
    return error;
}

} // namespace mado
