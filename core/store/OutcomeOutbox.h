#pragma once

#include "core/domain/Result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

#include <vector>

namespace mado {

class CaseStore;

// An outcome notice waiting for the receiver (no personal data: ids, the outcome, an error text).
struct PendingOutcome {
    qint64 id = 0;
    qint64 caseId = 0;
    QString applicationId;
    QString outcome; // approved, rejected, resubmission_requested, issued
    QString reason; // the decision's reason code (ApplicantReasons gives the applicant's words)
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString lastError;
};

// The outbox of outcome notices for the receiver (table outcome_outbox, revision 5). A notice is
// enqueued in the transaction that made the outcome (so none is lost): the decisions' notices when
// the supervisor approves their batch (BatchWorkflow), "issued" when a certificate is issued; marked delivered once the
// receiver took it, and otherwise retried with exponential backoff (kFirstRetrySeconds doubling up
// to kMaxRetrySeconds). One notice per case and outcome. Any thread (calling thread's connection);
// failures are Error{Database}.
class OutcomeOutbox {
public:
    static constexpr int kFirstRetrySeconds = 30;
    static constexpr int kMaxRetrySeconds = 3600;
    // The audit actor of a notice delivered by the automatic retries (OutcomeRetry).
    static constexpr const char *kDeliveryActor = "system:outcome-retry";

    explicit OutcomeOutbox(CaseStore &store);

    // Inside the caller's transaction; a second enqueue of the same case and outcome does nothing.
    static Status enqueue(const QSqlDatabase &db, qint64 caseId, const QString &outcome, const QString &reason,
                          const QDateTime &now);
    // Seconds to wait after the attempts-th failed attempt (attempts >= 1).
    static int backoffSeconds(int attempts);

    // Undelivered notices whose next attempt is due at the clock's now, oldest first.
    Result<std::vector<PendingOutcome>> due(int limit = 50);
    // Number of undelivered notices (due or not).
    Result<int> pendingCount();
    // Whether the case's notice of `outcome` is still undelivered.
    Result<bool> isPending(qint64 caseId, const QString &outcome);
    // Marks the case's notice of `outcome` delivered. For "issued" the same transaction moves the
    // case from issued to notified and appends "case_notified" to the audit chain as `actor` (the
    // login of the staff member whose action delivered it, or kDeliveryActor for the retries).
    Status markDelivered(qint64 caseId, const QString &outcome,
                         const QString &actor = QString::fromLatin1(kDeliveryActor));
    // Counts a failed attempt and schedules the next one; `error` must hold no personal data.
    Status markFailed(qint64 caseId, const QString &outcome, const QString &error);

private:
    CaseStore &m_store;
};

} // namespace mado
