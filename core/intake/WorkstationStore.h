#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <vector>

namespace mado {

class Spool;

struct Lease {
    QString applicationId;
    QString reference;
    QDateTime until;
};

// The applications' side of the workstation API, on the spool: leases, bundle files,
// acknowledgement (the personal data is deleted, a tombstone stays) and outcomes, which queue a
// LINE push in the durable outbox (table push_outbox) in the same transaction. Thread-safe (the
// spool serialises the database). Errors: NotFound (unknown id), Conflict (leased by another
// workstation, or an outcome that does not follow the state), Gone (personal data already
// deleted), Io.
class WorkstationStore {
public:
    enum class Outcome { Approved, Rejected, ResubmissionRequested, Issued };
    static std::optional<Outcome> outcomeFromName(const QString &name);
    static QString outcomeName(Outcome outcome);

    explicit WorkstationStore(Spool &spool) : m_spool(spool) {}

    // Leases up to count applications that are received and not leased (or whose lease expired),
    // oldest first, to holder for seconds.
    Result<std::vector<Lease>> lease(const QString &holder, int count, int seconds,
                                     const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The bundle's files (case.json first, then the images) of an application holder has leased.
    Result<std::vector<std::pair<QString, QByteArray>>>
    bundleFiles(const QString &id, const QString &holder, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Deletes the images and the manifest; keeps reference, user id and state "acknowledged".
    // Acknowledging twice (same holder) is a no-op.
    Status acknowledge(const QString &id, const QString &holder,
                       const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Records the outcome and queues the applicant's LINE push (one per application and outcome;
    // repeating an outcome queues nothing). Returns true if a push was queued.
    Result<bool> recordOutcome(const QString &id, Outcome outcome, const QString &reason,
                               const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    Spool &m_spool;
};

} // namespace mado
