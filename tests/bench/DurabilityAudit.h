#pragma once

#include "core/domain/Result.h"

#include <QString>

#include <vector>

namespace mado::bench {

// Checks after a load run that what the servers acknowledged is on disk: the receiver's spool
// (read-only SQLite) and the baseline's event file (one JSON event per line). Each check returns
// how many of the acknowledged items are missing.
class DurabilityAudit {
public:
    // Webhook events in the spool in state "pending" (not yet processed by the receiver's worker).
    static Result<qint64> pendingEvents(const QString &spoolPath);
    static Result<int> missingEvents(const QString &spoolPath, const std::vector<QString> &eventIds);
    // Applications with these references and their manifest (not only a tombstone).
    static Result<int> missingApplications(const QString &spoolPath, const std::vector<QString> &references);
    // Events in the baseline's file, by webhookEventId.
    static Result<int> missingInEventFile(const QString &path, const std::vector<QString> &eventIds);
};

} // namespace mado::bench
