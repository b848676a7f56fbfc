#include "core/station/OutcomeRetry.h"

#include "core/store/OutcomeOutbox.h"
#include "core/station/IssuanceService.h"
#include "core/station/ReceiverClient.h"
#include "core/workflow/ApplicantReasons.h"

namespace mado {

OutcomeRetry::OutcomeRetry(CaseStore &store, const ReceiverClient &client) : m_store(store), m_client(client) {}

Result<OutcomeRetry::Summary> OutcomeRetry::deliverDue(int limit)
{
    OutcomeOutbox outbox(m_store);
    auto due = outbox.due(limit);
    if (!due)
        return due.error();
    Summary summary;
    IssuanceService issuance(m_store, &m_client);
    for (const PendingOutcome &notice : due.value()) {
        Status posted;
        if (notice.outcome == QLatin1String("issued")) {
            // Marks the outbox itself.
            posted = issuance.postIssued(notice.caseId);
        } else {
            // The outbox keeps the reason code; the applicant reads its words, never a comment.
            posted = m_client.postOutcome(notice.applicationId, notice.outcome, ApplicantReasons::text(notice.reason));
            const Status recorded = posted ? outbox.markDelivered(notice.caseId, notice.outcome)
                                           : outbox.markFailed(notice.caseId, notice.outcome, posted.error().message);
            if (!recorded)
                return recorded.error();
        }
        if (posted) {
            ++summary.delivered;
        } else {
            ++summary.failed;
            summary.lastError = posted.error().message;
        }
    }
    auto pending = outbox.pendingCount();
    if (!pending)
        return pending.error();
    summary.pending = pending.value();
    return summary;
}

} // namespace mado
