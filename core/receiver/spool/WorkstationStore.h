#pragma once

#include "core/domain/Result.h"

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
// acknowledgement (the personal data is deleted, a tombstone stays), import failures and outcomes,
// which queue a LINE push in the durable outbox (table push_outbox) in the same transaction. An
// application is bound to one workstation: the lease holder until the ack, then the workstation
// that acknowledged it (acknowledged_by); only that one may fail it, fetch its resubmissions or
// post its outcomes. An application offered maxLeases times without an ack (a "poison" bundle that
// crashes every workstation) is not leased again but failed with reason lease_limit. Thread-safe
// (the spool serialises the database). Errors: NotFound (unknown id), Conflict (another
// workstation's application, or an outcome that does not follow the state), Gone (personal data
// already deleted), Io.
class WorkstationStore {
public:
    enum class Outcome { Approved, Rejected, ResubmissionRequested, Issued };
    static std::optional<Outcome> outcomeFromName(const QString &name);
    static QString outcomeName(Outcome outcome);

    static constexpr int kDefaultMaxLeases = 10;
    // The resident's LINE message when an application could not be imported (%1: reference).
    static QString importFailedText(const QString &reference);
    // The resident's LINE message when a declared JPKI signature did not arrive in time.
    static QString signatureMissingText(const QString &reference);

    explicit WorkstationStore(Spool &spool, int maxLeases = kDefaultMaxLeases) : m_spool(spool), m_maxLeases(maxLeases)
    {
    }

    // Applications whose declared signature (application_signatures) did not arrive by its due
    // time fail like an import (reason signature_missing, manifest and files deleted, the
    // resident's push queued: apply again). The number failed.
    Result<int> expireUnsigned(const QDateTime &now = QDateTime::currentDateTimeUtc());

    // Leases up to count applications that are received and not leased (and, when a signature
    // was declared, signed) (or whose lease expired),
    // oldest first, to holder for seconds. One already leased maxLeases times is failed instead
    // (reason lease_limit, push queued); *failed (if given) counts those.
    Result<std::vector<Lease>> lease(const QString &holder, int count, int seconds,
                                     const QDateTime &now = QDateTime::currentDateTimeUtc(), int *failed = nullptr);
    // The bundle's files (case.json first, then the images) of an application holder has leased.
    Result<std::vector<std::pair<QString, QByteArray>>>
    bundleFiles(const QString &id, const QString &holder, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Deletes the images and the manifest; keeps reference, user id and state "acknowledged".
    // Acknowledging twice (same holder) is a no-op.
    Status acknowledge(const QString &id, const QString &holder,
                       const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The lease holder gives up an application it cannot import: state import_failed with reason
    // (an error code name) and message (no personal data), the manifest and files deleted, the
    // resident's push queued, all in one transaction. Again (same holder): a no-op, false.
    // Returns true if a push was queued.
    Result<bool> failImport(const QString &id, const QString &holder, const QString &reason, const QString &message,
                            const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Records the outcome (holder must have acknowledged the application) and queues the
    // applicant's LINE push (one per application and outcome; repeating an outcome queues
    // nothing). A resubmission request resets the count of resubmitted photos. Returns true if a
    // push was queued.
    Result<bool> recordOutcome(const QString &id, const QString &holder, Outcome outcome, const QString &reason,
                               const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Ok if holder may see the application's resubmissions: it acknowledged it (or, before the
    // ack, holds its lease). NotFound or Conflict otherwise.
    Status checkOwner(const QString &id, const QString &holder);

private:
    Spool &m_spool;
    int m_maxLeases;
};

} // namespace mado
