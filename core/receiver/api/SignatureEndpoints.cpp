#include "core/receiver/api/SignatureEndpoints.h"

#include "core/crypto/DetachedSignature.h"
#include "core/receiver/IntakeLog.h"
#include "core/receiver/api/ApiError.h"
#include "core/receiver/api/ApplicantApi.h"
#include "core/receiver/http/JsonResponse.h"
#include "core/receiver/spool/SignatureStore.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <QJsonObject>
#include <QRegularExpression>

#include <istream>

namespace mado {

using Poco::Net::HTTPResponse;

bool SignatureHandler::match(const std::string &path, QString &applicationId, bool &manifest)
{
    static const QRegularExpression pattern(
        QStringLiteral("^/api/v1/applications/([A-Za-z0-9-]{8,64})/(manifest|signature)$"));
    const auto found = pattern.match(QString::fromStdString(path));
    if (!found.hasMatch())
        return false;
    applicationId = found.captured(1);
    manifest = found.captured(2) == QLatin1String("manifest");
    return true;
}

void SignatureHandler::handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
{
    QString id;
    bool manifest = false;
    match(request.getURI().substr(0, request.getURI().find('?')), id, manifest);
    const qint64 length = request.hasContentLength() ? request.getContentLength64() : -1;
    const bool withBody = request.getChunkedTransferEncoding() || length > 0;
    // Answers refused before the body is read close the connection (the body is not read).
    const auto refuse = [&](const ApiError &error) {
        if (withBody)
            response.setKeepAlive(false);
        error.send(response);
    };
    const auto user = authenticateApplicant(m_services, request);
    if (const auto *error = std::get_if<ApiError>(&user))
        return refuse(*error);
    const QString &userId = std::get<QString>(user);
    SignatureStore signatures(m_spool);
    if (manifest) {
        if (withBody)
            response.setKeepAlive(false);
        const auto bytes = signatures.manifestToSign(id, userId);
        if (!bytes)
            return ApiError::fromError(bytes.error()).send(response);
        response.set("Cache-Control", "no-store");
        response.setStatusAndReason(HTTPResponse::HTTP_OK);
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength(bytes.value().size());
        response.send().write(bytes.value().constData(), std::streamsize(bytes.value().size()));
        return;
    }
    if (request.getChunkedTransferEncoding() || length < 0)
        return refuse(ApiError{411, QStringLiteral("length_required"),
                               QStringLiteral("send signature.p7s with a Content-Length"), QString()});
    if (length > DetachedSignature::kMaxBytes)
        return refuse(ApiError{413, QString::fromLatin1(DetachedSignature::kTooLarge),
                               QStringLiteral("signature.p7s is at most %1 bytes").arg(DetachedSignature::kMaxBytes),
                               QString()});
    QByteArray der(qsizetype(length), '\0');
    request.stream().read(der.data(), std::streamsize(length));
    if (request.stream().gcount() != std::streamsize(length)) {
        response.setKeepAlive(false);
        return ApiError{400, QStringLiteral("body_incomplete"), QStringLiteral("the body ended early"), QString()}
            .send(response);
    }
    const Status attached = signatures.attach(id, userId, der);
    if (!attached) {
        if (attached.error().code == ErrorCode::InvalidArgument)
            return ApiError{422, DetachedSignature::codeOf(attached.error()), attached.error().message, QString()}
                .send(response);
        if (attached.error().code == ErrorCode::Io)
            qCWarning(lcIntake) << "signature not stored:" << attached.error().message;
        return ApiError::fromError(attached.error()).send(response);
    }
    qCInfo(lcIntake) << "signature stored for an application";
    JsonResponse::send(response, HTTPResponse::HTTP_OK, QJsonObject{{QStringLiteral("signed"), true}});
}

} // namespace mado
