#pragma once

#include "core/domain/Result.h"

namespace mado {

class CaseStore;
class ReceiverClient;

// Delivers the outcome notices of the store's outbox (OutcomeOutbox) whose next attempt is due:
// "issued" through IssuanceService::postIssued (which sends "approved" first when the receiver
// needs it), any other outcome as it is, a reason code as its applicant-facing words
// (ApplicantReasons). A notice the receiver took is marked delivered; a failed
// one is counted and rescheduled with backoff. Repeating a notice is safe: the receiver treats a
// repeated outcome as the same one. Blocking; any thread (calling thread's connection).
class OutcomeRetry {
public:
    struct Summary {
        int delivered = 0;
        int failed = 0;
        int pending = 0;   // undelivered notices left, due or not
        QString lastError; // of the last failed attempt (no personal data)
    };

    OutcomeRetry(CaseStore &store, const ReceiverClient &client);

    Result<Summary> deliverDue(int limit = 50);

private:
    CaseStore &m_store;
    const ReceiverClient &m_client;
};

} // namespace mado
