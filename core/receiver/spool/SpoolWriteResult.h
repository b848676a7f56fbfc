#pragma once

namespace mado {

// How a batch of webhook events went into the spool.
struct SpoolWriteResult {
    int stored = 0;
    int duplicates = 0; // events whose webhookEventId was already spooled (redeliveries)
};

} // namespace mado
