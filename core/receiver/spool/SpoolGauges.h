#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QDateTime>

namespace mado {

class Spool;

// Point-in-time figures of the spool for GET /metrics: applications waiting for a workstation,
// the age of the oldest of them, queued, failed and skipped LINE pushes, failed webhook events and
// downloaded images waiting for a workstation. Any thread.
struct SpoolGauges {
    qint64 applicationsWaiting = 0;  // received, not leased (or lease expired)
    qint64 oldestWaitingSeconds = 0; // 0 when none waits
    qint64 applicationsLeased = 0;
    qint64 applicationsImportFailed = 0; // state import_failed (tombstones, kept like acknowledged ones)
    qint64 pushesPending = 0;
    qint64 pushesFailed = 0;
    qint64 pushesSkipped = 0; // not sent: the user had unfollowed the account
    qint64 webhookEventsFailed = 0;

    static Result<SpoolGauges> read(const Spool &spool, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Prometheus text (0.0.4) of the gauges.
    QByteArray render() const;
};

} // namespace mado
