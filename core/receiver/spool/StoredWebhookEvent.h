#pragma once

#include <QByteArray>
#include <QString>

namespace mado {

// A webhook event as read back from the spool. `json` holds personal data: never log it.
struct StoredWebhookEvent {
    qint64 id = 0;
    QString webhookEventId;
    QString type;
    QString receivedAt; // UTC, ISO 8601 with milliseconds
    QByteArray json;
    QString state; // "pending", "done" or "failed"
};

} // namespace mado
