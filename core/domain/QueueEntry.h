#pragma once

#include "core/domain/CaseState.h"

#include <QDateTime>
#include <QString>

namespace mado {

// One line of the clerks' work queue: workflow facts and the verdict summary, no personal data
// (so a queue can be listed, logged and exported without a personal-data audit entry).
struct QueueEntry {
    qint64 caseId = 0;
    QString reference;
    QString procedure;
    CaseState state = CaseState::Verified;
    QDateTime receivedAt;
    bool held = false; // the procedure does not accept the identity method
    int resubmissionCount = 0;
    qint64 assigneeId = 0;
    QString assignee; // the assignee's login, "" when nobody holds the case
    QDateTime claimExpiresAt;
    bool available = false; // the asking user may claim (or keep working on) it now
    QString band;           // latest verdict: "match", "review", "mismatch", "" if none
    QString overall;        // latest verdict: "pass", "warn", "fail"
    QString flags;          // latest verdict: "check:reason,..." of the non-passing checks
};

} // namespace mado
