#pragma once

#include "core/domain/Result.h"

#include <QDateTime>
#include <QStringList>

namespace mado {

class Spool;

// What the receiver keeps only for a while, pruned in one pass (run by SpoolScrubber every
// spool.prune_interval_minutes, inside the receiver; no restart, no cron job): expired challenges
// (ChallengeStore::prune: LINE user ids), processed webhook events past the dedup retention plus
// the clock skew (their ids are all that is left), finished applications (acknowledged, decided,
// issued or failed import) finishedRetentionDays after they were acknowledged or failed, with their
// resubmitted photos' rows and any files left in their directory, and pushes no longer pending
// (their bodies were cleared when they ended; the row still names the LINE user) after the same
// time once their application is gone (while it lives, the row keeps a push from being sent twice).
// First, applications whose declared JPKI signature is overdue fail (WorkstationStore::expireUnsigned:
// the resident is told to apply again). Pending work (received, leased, resubmission requested, pending pushes or events) is never
// touched. Counts only, never ids, in its result. Pure on the spool; any thread but not under
// Spool::locked().
class SpoolRetention {
public:
    struct Options {
        int webhookRetentionDays = 7;
        int maxClockSkewSeconds = 600;
        int finishedRetentionDays = 90;
    };
    struct Pruned {
        qint64 challenges = 0;
        qint64 webhookEvents = 0;
        qint64 applications = 0;
        qint64 pushes = 0;
        qint64 resubmittedImages = 0;
        qint64 unsignedExpired = 0; // applications failed: their declared signature did not arrive
        qint64 total() const
        {
            return challenges + webhookEvents + applications + pushes + resubmittedImages + unsignedExpired;
        }
        Pruned &operator+=(const Pruned &other);
    };

    SpoolRetention(Spool &spool, Options options) : m_spool(spool), m_options(options) {}
    Result<Pruned> run(const QDateTime &now) const;

private:
    Spool &m_spool;
    Options m_options;
};

} // namespace mado
