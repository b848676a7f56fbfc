#include "core/receiver/line/WebhookHandler.h"

#include "core/receiver/http/BodyReader.h"
#include "core/receiver/IntakeLog.h"
#include "core/receiver/http/JsonResponse.h"
#include "core/receiver/ReceiverMetrics.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/line/WebhookCheck.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>


namespace mado {

namespace {

using Poco::Net::HTTPResponse;

void refuse(Poco::Net::HTTPServerResponse &response, const WebhookRefusal &refusal, bool bodyUnread)
{
    // An unread body cannot be skipped: the connection cannot carry another request.
    if (bodyUnread)
        response.setKeepAlive(false);
    JsonResponse::sendError(response, HTTPResponse::HTTPStatus(refusal.status), refusal.code, refusal.message);
}

} // namespace

WebhookHandler::WebhookHandler(Spool &spool, ReceiverMetrics &metrics, const WebhookCheck &check)
    : m_spool(spool), m_metrics(metrics), m_check(check)
{
}

void WebhookHandler::handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
{
    const bool chunked = request.getChunkedTransferEncoding();
    const qint64 declared = request.hasContentLength() && !chunked ? request.getContentLength64() : -1;
    static const std::string kNone;
    const std::string &signature = request.get("x-line-signature", kNone);
    if (const auto refusal = m_check.beforeBody(declared, request.getContentType(), signature))
        return refuse(response, *refusal, true);

    QByteArray body;
    if (!BodyReader::read(request, m_check.maxBodyBytes(), body))
        return refuse(response, m_check.bodyTooLarge(), true);
    const auto checked = m_check.afterBody(body, signature);
    if (checked.refusal)
        return refuse(response, *checked.refusal, false);

    const auto stored = m_spool.storeWebhookEvents(checked.events);
    if (!stored) {
        qCCritical(lcIntake) << "webhook not stored:" << stored.error().message;
        return refuse(response, WebhookCheck::spoolUnavailable(), false);
    }
    m_metrics.countWebhookEvents(stored.value().stored, stored.value().duplicates);
    JsonResponse::sendBytes(response, HTTPResponse::HTTP_OK, WebhookCheck::acceptedBody(stored.value()));
}

} // namespace mado
