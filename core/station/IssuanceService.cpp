#include "core/station/IssuanceService.h"

#include "core/station/ReceiverClient.h"
#include "core/store/ActorRecord.h"
#include "core/store/CaseStore.h"
#include "core/store/OutcomeOutbox.h"

namespace mado {

IssuanceService::IssuanceService(CaseStore &store, const ReceiverClient *client) : m_store(store), m_client(client) {}

Status IssuanceService::issuable(qint64 caseId)
{
    auto record = m_store.caseStatus(caseId);
    if (!record)
        return record.error();
    if (!record.value().holdReason.isEmpty())
        return Error{ErrorCode::PolicyRefused, record.value().holdReason};
    if (record.value().state != CaseState::BatchApproved)
        return Error{ErrorCode::InvalidState,
                     QStringLiteral("the case is %1; only a case in an approved batch can be issued")
                         .arg(caseStateName(record.value().state))};
    return {};
}

Result<IssuanceService::Outcome> IssuanceService::issue(qint64 userId, qint64 caseId)
{
    if (auto allowed = issuable(caseId); !allowed)
        return allowed.error();
    auto issued = CertificateIssuer(m_store).issue(userId, caseId);
    if (!issued)
        return issued.error();
    Outcome outcome;
    outcome.issued = std::move(issued).value();
    if (auto posted = postIssued(caseId, userId); posted) {
        outcome.receiverNotified = true;
    } else {
        outcome.notifyError = posted.error().message;
    }
    return outcome;
}

Status IssuanceService::postIssued(qint64 caseId, qint64 userId)
{
    Status posted = sendIssued(caseId);
    // The outbox keeps the notice until the receiver took it (OutcomeRetry tries again later).
    OutcomeOutbox outbox(m_store);
    QString actor = QString::fromLatin1(OutcomeOutbox::kDeliveryActor);
    if (posted && userId != 0) {
        // The staff member whose action delivered it (kept as the system's if they cannot be read:
        // the notice was delivered and must be recorded as such).
        auto db = m_store.connections().database();
        auto user = db ? loadActor(db.value(), userId) : Result<Actor>(db.error());
        if (user)
            actor = user.value().login;
    }
    Status recorded = posted ? outbox.markDelivered(caseId, QStringLiteral("issued"), actor)
                             : outbox.markFailed(caseId, QStringLiteral("issued"), posted.error().message);
    // The receiver has "approved" now too (sent first when it lacked it): its queued notice, if
    // any, is done, and posting it after "issued" would be refused.
    if (posted && recorded)
        recorded = outbox.markDelivered(caseId, QStringLiteral("approved"));
    if (posted && !recorded)
        return recorded;
    return posted;
}

Status IssuanceService::sendIssued(qint64 caseId)
{
    if (!m_client)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("no receiver configured")};
    auto record = m_store.caseStatus(caseId);
    if (!record)
        return record.error();
    if (record.value().state != CaseState::Issued && record.value().state != CaseState::Notified)
        return Error{ErrorCode::InvalidState, QStringLiteral("the case is not issued")};
    // The receiver accepts "issued" only after "approved" (409 otherwise) and ignores a repeated
    // "issued"; "approved" after "issued" would be 409, so it is sent only when needed.
    const QString &id = record.value().applicationId;
    Status issued = m_client->postOutcome(id, QStringLiteral("issued"));
    if (issued || issued.error().code != ErrorCode::Conflict)
        return issued;
    if (auto approved = m_client->postOutcome(id, QStringLiteral("approved")); !approved)
        return approved;
    return m_client->postOutcome(id, QStringLiteral("issued"));
}

} // namespace mado
