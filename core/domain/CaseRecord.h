#pragma once

#include "core/domain/CaseBundle.h"
#include "core/domain/CaseState.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace mado {

// A case as stored: workflow columns plus, when read through CaseStore::viewCase (audited), the
// applicant's form. Personal data: never log `applicant`.
struct CaseRecord {
    qint64 id = 0;
    QString applicationId;
    QString reference;
    QString procedure;
    QString identityMethod;
    CaseState state = CaseState::Imported;
    QString holdReason; // policy explanation when the procedure does not accept the method
    qint64 assigneeId = 0;
    QDateTime claimExpiresAt;
    std::optional<DecisionOutcome> outcome;
    QString reasonCode;
    qint64 decidedBy = 0;
    int resubmissionCount = 0; // carried over from the case this one resubmits
    qint64 resubmissionOf = 0; // the earlier case of the same reference that asked for resubmission
    QString returnComment;
    qint64 batchId = 0;
    // When retention deleted the case's images and contact data (invalid: not deleted). The case's
    // workflow columns, decision and hashes stay; the images cannot be shown any more.
    QDateTime retentionPurgedAt;
    std::optional<ApplicantForm> applicant; // only from viewCase
    std::optional<BundleSignature> signature; // only from viewCase, for a signed application
};

} // namespace mado
