#pragma once

#include "core/domain/Result.h"
#include "core/receiver/line/WebhookEvent.h"

#include <QByteArray>

#include <vector>

namespace mado {

// Parses the body of a LINE webhook ({"destination": ..., "events": [...]}) into events.
// Checks the shape the spool relies on: an object with an "events" array whose items are objects
// with a non-empty string "webhookEventId" (at most 128 characters) and "type" (at most 64).
// Errors are InvalidArgument with a message that names the problem but never echoes the body.
// Pure function, callable from any thread.
class WebhookPayload {
public:
    static constexpr int kMaxEventIdLength = 128;
    static constexpr int kMaxTypeLength = 64;

    static Result<std::vector<WebhookEvent>> parse(const QByteArray &body);
};

} // namespace mado
