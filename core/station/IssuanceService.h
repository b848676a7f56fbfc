#pragma once

#include "core/domain/Result.h"
#include "core/issuance/CertificateIssuer.h"

#include <QString>

namespace mado {

class CaseStore;
class ReceiverClient;

// Issuing a certificate from the workstation: checks that the case may be issued (a case held by
// policy never can, and the policy's explanation is returned to show), records the issuance with
// CertificateIssuer (number and registered mailing address in one transaction) and then tells the
// receiver (POST outcome "issued", preceded by "approved" when the receiver has not had it yet), which notifies the
// applicant on LINE. The issuance stands even if the receiver cannot be reached: the result says
// so, the notice stays in the store's outcome outbox (OutcomeOutbox; OutcomeRetry delivers it
// later) and postIssued() can be repeated. Blocking; any thread (calling thread's connection).
class IssuanceService {
public:
    struct Outcome {
        CertificateIssuer::Issued issued;
        bool receiverNotified = false;
        QString notifyError; // when receiverNotified is false
    };

    IssuanceService(CaseStore &store, const ReceiverClient *client);

    // Ok when the case can be issued now; PolicyRefused with the hold explanation (Japanese, from
    // the procedure policy, no personal data) for a held case; InvalidState otherwise.
    Status issuable(qint64 caseId);
    Result<Outcome> issue(qint64 userId, qint64 caseId);
    // Posts "issued" (and "approved" first if the receiver needs it) for an issued case; repeating
    // it is harmless. Marks the outbox's notice delivered and the case notified in one transaction
    // (audited as the user userId, or as OutcomeOutbox::kDeliveryActor when userId is 0), or
    // counts the failed attempt.
    Status postIssued(qint64 caseId, qint64 userId = 0);

private:
    Status sendIssued(qint64 caseId);

    CaseStore &m_store;
    const ReceiverClient *m_client;
};

} // namespace mado
