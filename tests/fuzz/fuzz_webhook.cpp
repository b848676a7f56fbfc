// Fuzz target: the webhook checks (WebhookCheck) and the payload parser (WebhookPayload).
// Input: a first line (used as the Content-Type and as a forged x-line-signature), then the body.
// The body is checked twice: with the right signature (computed here from the test secret, so the
// payload parser is reached as LINE's own requests reach it) and with the forged one.
// Properties: a forged signature is refused with 401 unless it happens to be right; events taken have
// an id of 1..128 and a type of 1..64 characters and a compact JSON object; a refusal has a 4xx status.

#include "core/receiver/line/LineSignature.h"
#include "core/receiver/line/WebhookCheck.h"
#include "core/receiver/line/WebhookPayload.h"
#include "tests/fuzz/FuzzSupport.h"

#include <QJsonDocument>

using mado::WebhookCheck;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    mado::fuzz::quietQt();
    static const QByteArray secret = QByteArrayLiteral("fuzz-channel-secret-0123456789ab");
    static const WebhookCheck check(64 * 1024, secret);

    std::string_view header;
    std::string_view rest;
    mado::fuzz::splitFirstLine(mado::fuzz::view(data, size), header, rest);
    const QByteArray body(rest.data(), qsizetype(rest.size()));

    (void)WebhookCheck::isJson(header);
    if (const auto refusal = check.beforeBody(qint64(body.size()), header, header))
        MADO_FUZZ_CHECK(refusal->status >= 400 && refusal->status < 500);

    const QByteArray signature = mado::LineSignature::compute(secret, body);
    const WebhookCheck::Events signedEvents = check.afterBody(body, std::string_view(signature.constData(),
                                                                                     std::size_t(signature.size())));
    if (signedEvents.refusal) {
        MADO_FUZZ_CHECK(signedEvents.refusal->status == 400 || signedEvents.refusal->status == 413);
        MADO_FUZZ_CHECK(signedEvents.events.empty());
    }
    for (const mado::WebhookEvent &event : signedEvents.events) {
        MADO_FUZZ_CHECK(!event.webhookEventId.isEmpty() &&
                        event.webhookEventId.size() <= mado::WebhookPayload::kMaxEventIdLength);
        MADO_FUZZ_CHECK(!event.type.isEmpty() && event.type.size() <= mado::WebhookPayload::kMaxTypeLength);
        MADO_FUZZ_CHECK(QJsonDocument::fromJson(event.json).isObject());
    }
    const auto parsed = mado::WebhookPayload::parse(body);
    MADO_FUZZ_CHECK(body.size() > check.maxBodyBytes() || bool(parsed) == !signedEvents.refusal);

    const WebhookCheck::Events forged = check.afterBody(body, header);
    if (std::string_view(signature.constData(), std::size_t(signature.size())) != header)
        MADO_FUZZ_CHECK(forged.refusal && forged.events.empty() &&
                        (forged.refusal->status == 401 || forged.refusal->status == 413));
    return 0;
}
