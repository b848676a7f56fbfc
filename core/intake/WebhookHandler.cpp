#include "core/intake/WebhookHandler.h"

#include "core/intake/IntakeLog.h"
#include "core/intake/JsonResponse.h"
#include "core/intake/LineSignature.h"
#include "core/intake/ReceiverMetrics.h"
#include "core/intake/Spool.h"
#include "core/intake/WebhookPayload.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/MediaType.h>
#include <Poco/String.h>

#include <QJsonObject>

#include <istream>

namespace mado {

namespace {

using Poco::Net::HTTPResponse;

bool isJson(const std::string &contentType)
{
    if (contentType.empty())
        return false;
    // What LINE sends, without building a MediaType; anything else goes through Poco's parser.
    if (Poco::icompare(contentType, "application/json") == 0 ||
        Poco::icompare(contentType, "application/json; charset=utf-8") == 0 ||
        Poco::icompare(contentType, "application/json;charset=utf-8") == 0)
        return true;
    try {
        return Poco::Net::MediaType(contentType).matches("application", "json");
    } catch (const Poco::Exception &) {
        return false;
    }
}

// Reads the body, but never more than limit + 1 bytes. False if the body is larger than limit.
// A declared length (already checked against the limit) is read straight into the body.
bool readCapped(std::istream &in, qint64 declared, qint64 limit, QByteArray &body)
{
    if (declared >= 0) {
        body.resize(qsizetype(declared));
        in.read(body.data(), std::streamsize(declared));
        if (in.gcount() != std::streamsize(declared)) {
            body.truncate(qsizetype(in.gcount()));
            return true; // a short body: the signature check refuses it
        }
        // More than declared cannot arrive: Poco's fixed-length stream ends at Content-Length.
        return true;
    }
    char buffer[8192];
    while (in && body.size() <= limit) {
        const qint64 wanted = std::min<qint64>(qint64(sizeof buffer), limit + 1 - body.size());
        in.read(buffer, std::streamsize(wanted));
        body.append(buffer, qsizetype(in.gcount()));
    }
    return body.size() <= limit;
}

// Answers before the body was read; the connection must close because the body was not consumed.
void rejectUnread(Poco::Net::HTTPServerResponse &response, HTTPResponse::HTTPStatus status, const char *code,
                  const QString &message)
{
    response.setKeepAlive(false);
    JsonResponse::sendError(response, status, QString::fromLatin1(code), message);
}

} // namespace

WebhookHandler::WebhookHandler(Spool &spool, ReceiverMetrics &metrics, const ReceiverOptions &options,
                               const LineSignature::Key &signatureKey)
    : m_spool(spool), m_metrics(metrics), m_options(options), m_signatureKey(signatureKey)
{
}

void WebhookHandler::handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
{
    const qint64 limit = m_options.maxBodyBytes;
    auto tooLarge = [limit] { return QStringLiteral("the body exceeds %1 bytes").arg(limit); };
    const qint64 declared = request.hasContentLength() ? request.getContentLength64() : -1;
    if (declared > limit)
        return rejectUnread(response, HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, "body_too_large", tooLarge());
    if (!isJson(request.getContentType()))
        return rejectUnread(response, HTTPResponse::HTTP_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                            QStringLiteral("Content-Type must be application/json"));
    static const std::string kNoSignature;
    const std::string &signature = request.get("x-line-signature", kNoSignature);
    if (signature.empty())
        return rejectUnread(response, HTTPResponse::HTTP_UNAUTHORIZED, "signature_missing",
                            QStringLiteral("x-line-signature is missing"));

    QByteArray body;
    if (!readCapped(request.stream(), request.getChunkedTransferEncoding() ? -1 : declared, limit, body))
        return rejectUnread(response, HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, "body_too_large", tooLarge());
    if (!m_signatureKey.verify(body.constData(), std::size_t(body.size()), signature.data(), signature.size())) {
        qCWarning(lcIntake) << "webhook refused: signature does not match";
        return JsonResponse::sendError(response, HTTPResponse::HTTP_UNAUTHORIZED, QStringLiteral("signature_invalid"),
                                       QStringLiteral("x-line-signature does not match the body"));
    }

    const auto events = WebhookPayload::parse(body);
    if (!events)
        return JsonResponse::sendError(response, HTTPResponse::HTTP_BAD_REQUEST, QStringLiteral("bad_webhook"),
                                       events.error().message);
    const auto stored = m_spool.storeWebhookEvents(events.value());
    if (!stored) {
        // LINE redelivers a webhook that did not get a 2xx (when redelivery is on for the channel).
        qCCritical(lcIntake) << "webhook not stored:" << stored.error().message;
        return JsonResponse::sendError(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE,
                                       QStringLiteral("spool_unavailable"),
                                       QStringLiteral("the events could not be stored; retry later"));
    }
    m_metrics.countWebhookEvents(stored.value().stored, stored.value().duplicates);
    if (!events.value().empty())
        qCInfo(lcIntake) << "webhook:" << stored.value().stored << "events stored," << stored.value().duplicates
                         << "duplicates ignored";
    JsonResponse::send(response, HTTPResponse::HTTP_OK,
                       QJsonObject{{QStringLiteral("stored"), stored.value().stored},
                                   {QStringLiteral("duplicates"), stored.value().duplicates}});
}

} // namespace mado
