#pragma once

#include "core/domain/Result.h"
#include "core/domain/CaseState.h"

#include <QString>

#include <optional>

namespace mado {

class CaseStore;

// What the issuance page shows for one case, read in one go off the GUI thread: whether it can be
// issued (and why not), the certificate and mailing-label HTML (before issuance with the number
// placeholder and the 見本 mark, after issuance with the real number), and whether the receiver still
// has to be told. Holds personal data in the HTML: never log it. load() reads the case as `userId`
// through CaseStore::viewCase, so showing it is audited ("case_viewed"). Blocking; any thread.
struct IssuancePreview {
    qint64 caseId = 0;
    QString reference;
    CaseState state = CaseState::BatchApproved;
    bool issued = false;
    bool issuable = false;
    std::optional<Error> refusal; // why it cannot be issued (PolicyRefused: the policy's explanation)
    bool notifyPending = false;
    QString certificateNumber; // issued cases
    QString certificateHtml;
    QString labelHtml;
    // The preview could not be made: NotFound (no unique register entry), InvalidArgument (no
    // template for the procedure), other store errors. No personal data.
    std::optional<Error> problem;

    static IssuancePreview load(CaseStore &store, qint64 userId, qint64 caseId, const QString &numberPlaceholder);
};

} // namespace mado
