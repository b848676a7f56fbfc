#include "core/receiver/line/WebhookCheck.h"

#include "core/receiver/http/HttpText.h"
#include "core/receiver/IntakeLog.h"
#include "core/receiver/http/JsonResponse.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/line/WebhookPayload.h"

#include <Poco/Exception.h>
#include <Poco/Net/MediaType.h>

#include <QDateTime>
#include <QJsonObject>

#include <atomic>

namespace mado {

namespace {

// At most one line a second, with the number of refusals since the last line: a flood of forged
// webhooks must not flood the log.
void logSignatureRefused()
{
    static std::atomic<qint64> lastLineMs{0};
    static std::atomic<quint64> unlogged{0};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 last = lastLineMs.load(std::memory_order_relaxed);
    if (now - last < 1000 || !lastLineMs.compare_exchange_strong(last, now)) {
        ++unlogged;
        return;
    }
    const quint64 more = unlogged.exchange(0);
    if (more == 0)
        qCWarning(lcIntake) << "webhook refused: signature does not match";
    else
        qCWarning(lcIntake) << "webhook refused: signature does not match (and" << more
                            << "more since the last line)";
}

} // namespace

WebhookCheck::WebhookCheck(qint64 maxBodyBytes, const QByteArray &channelSecret)
    : m_maxBodyBytes(maxBodyBytes), m_key(channelSecret)
{
}

bool WebhookCheck::isJson(std::string_view contentType)
{
    if (contentType.empty())
        return false;
    // What LINE sends, without building a MediaType; anything else goes through Poco's parser.
    for (const std::string_view usual : {"application/json", "application/json; charset=utf-8",
                                         "application/json;charset=utf-8"}) {
        if (HttpText::equalsIgnoringCase(contentType, usual))
            return true;
    }
    try {
        return Poco::Net::MediaType(std::string(contentType)).matches("application", "json");
    } catch (const Poco::Exception &) {
        return false;
    }
}

std::optional<WebhookRefusal> WebhookCheck::beforeBody(qint64 declaredLength, std::string_view contentType,
                                                       std::string_view signature) const
{
    if (declaredLength > m_maxBodyBytes)
        return bodyTooLarge();
    if (!isJson(contentType))
        return WebhookRefusal{415, QStringLiteral("unsupported_media_type"),
                              QStringLiteral("Content-Type must be application/json")};
    if (signature.empty())
        return WebhookRefusal{401, QStringLiteral("signature_missing"), QStringLiteral("x-line-signature is missing")};
    return std::nullopt;
}

WebhookRefusal WebhookCheck::bodyTooLarge() const
{
    return WebhookRefusal{413, QStringLiteral("body_too_large"),
                          QStringLiteral("the body exceeds %1 bytes").arg(m_maxBodyBytes)};
}

WebhookCheck::Events WebhookCheck::afterBody(const QByteArray &body, std::string_view signature) const
{
    Events out;
    if (body.size() > m_maxBodyBytes) {
        out.refusal = bodyTooLarge();
        return out;
    }
    if (!m_key.verify(body.constData(), std::size_t(body.size()), signature.data(), signature.size())) {
        logSignatureRefused();
        out.refusal = WebhookRefusal{401, QStringLiteral("signature_invalid"),
                                     QStringLiteral("x-line-signature does not match the body")};
        return out;
    }
    auto events = WebhookPayload::parse(body);
    if (!events) {
        out.refusal = WebhookRefusal{400, QStringLiteral("bad_webhook"), events.error().message};
        return out;
    }
    out.events = std::move(events).value();
    return out;
}

QByteArray WebhookCheck::acceptedBody(const SpoolWriteResult &result)
{
    return JsonResponse::bytes(
        QJsonObject{{QStringLiteral("stored"), result.stored}, {QStringLiteral("duplicates"), result.duplicates}});
}

WebhookRefusal WebhookCheck::spoolUnavailable()
{
    return WebhookRefusal{503, QStringLiteral("spool_unavailable"),
                          QStringLiteral("the events could not be stored; retry later")};
}

} // namespace mado
