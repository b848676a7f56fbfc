#pragma once

#include "core/domain/CaseState.h"

#include <QDateTime>
#include <QString>

namespace mado {

// One line of the issuance page: a case ready to issue, held by policy, or issued. Workflow facts
// only, no personal data (the hold reason is the policy's text).
struct IssuanceEntry {
    enum class Kind { Ready, Held, Issued };

    qint64 caseId = 0;
    QString reference;
    QString procedure;
    CaseState state = CaseState::BatchApproved;
    Kind kind = Kind::Ready;
    QString holdReason;
    QString certificateNumber;  // issued cases
    QDateTime issuedAt;         // issued cases
    bool notifyPending = false; // the "issued" notice has not reached the receiver yet
};

} // namespace mado
