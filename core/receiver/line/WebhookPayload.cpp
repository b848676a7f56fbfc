#include "core/receiver/line/WebhookPayload.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace mado {

namespace {

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidArgument, message};
}

} // namespace

Result<std::vector<WebhookEvent>> WebhookPayload::parse(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("malformed JSON at offset %1: %2")
                           .arg(parseError.offset)
                           .arg(parseError.errorString()));
    if (!document.isObject())
        return invalid(QStringLiteral("the body is not a JSON object"));
    const QJsonValue eventsValue = document.object().value(QStringLiteral("events"));
    if (!eventsValue.isArray())
        return invalid(QStringLiteral("\"events\" is missing or not an array"));

    const QJsonArray events = eventsValue.toArray();
    std::vector<WebhookEvent> result;
    result.reserve(std::size_t(events.size()));
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (!events.at(i).isObject())
            return invalid(QStringLiteral("events[%1] is not an object").arg(i));
        const QJsonObject event = events.at(i).toObject();
        const QJsonValue id = event.value(QStringLiteral("webhookEventId"));
        const QJsonValue type = event.value(QStringLiteral("type"));
        if (!id.isString() || id.toString().isEmpty() || id.toString().size() > kMaxEventIdLength)
            return invalid(QStringLiteral("events[%1].webhookEventId is missing or not a string of 1 to %2 characters")
                               .arg(i)
                               .arg(kMaxEventIdLength));
        if (!type.isString() || type.toString().isEmpty() || type.toString().size() > kMaxTypeLength)
            return invalid(QStringLiteral("events[%1].type is missing or not a string of 1 to %2 characters")
                               .arg(i)
                               .arg(kMaxTypeLength));
        result.push_back(WebhookEvent{id.toString(), type.toString(),
                                      QJsonDocument(event).toJson(QJsonDocument::Compact)});
    }
    return result;
}

} // namespace mado
