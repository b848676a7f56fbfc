#pragma once

#include "core/receiver/line/LineSignature.h"
#include "core/receiver/spool/SpoolWriteResult.h"
#include "core/receiver/line/WebhookEvent.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <string_view>
#include <vector>

namespace mado {


// Why a webhook request is refused: the HTTP status and the code and message of the JSON error body.
// The message names the problem, never request data.
struct WebhookRefusal {
    int status = 400;
    QString code;
    QString message;
};

// The checks of POST /line/webhook, shared by the event-driven front (WebhookFront) and Poco's
// handler (WebhookHandler), so that both answer alike. In this order: before the body, a declared
// length over the limit is 413, a Content-Type other than application/json 415, a missing
// x-line-signature 401; after it, a body over the limit 413 (bodyTooLarge), a signature that does
// not match the raw body 401, a body that is not a LINE webhook 400. Const and callable from any
// thread; the channel secret is prepared once (LineSignature::Key).
class WebhookCheck {
public:
    // What afterBody() found: the events to store, or why the request is refused.
    struct Events {
        std::vector<WebhookEvent> events;
        std::optional<WebhookRefusal> refusal;
    };

    WebhookCheck(qint64 maxBodyBytes, const QByteArray &channelSecret);

    qint64 maxBodyBytes() const { return m_maxBodyBytes; }
    // declaredLength < 0: no Content-Length (a chunked body).
    std::optional<WebhookRefusal> beforeBody(qint64 declaredLength, std::string_view contentType,
                                             std::string_view signature) const;
    WebhookRefusal bodyTooLarge() const;
    Events afterBody(const QByteArray &body, std::string_view signature) const;

    // The 200 answer's body, {"stored": n, "duplicates": m}.
    static QByteArray acceptedBody(const SpoolWriteResult &result);
    // The 503 when the spool could not store the events (LINE redelivers what did not get a 2xx).
    static WebhookRefusal spoolUnavailable();
    static bool isJson(std::string_view contentType);

private:
    qint64 m_maxBodyBytes;
    LineSignature::Key m_key;
};

} // namespace mado
