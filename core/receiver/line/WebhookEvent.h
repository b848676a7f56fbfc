#pragma once

#include <QByteArray>
#include <QString>

namespace mado {

// One event of a LINE webhook as the spool keeps it: LINE's id for deduplication, the event type
// and the event object as compact JSON. The JSON holds personal data: never log it.
struct WebhookEvent {
    QString webhookEventId;
    QString type;
    QByteArray json;
};

} // namespace mado
