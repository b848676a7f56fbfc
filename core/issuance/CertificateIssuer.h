#pragma once

#include "core/domain/Result.h"
#include "core/domain/CaseBundle.h"

#include <QString>

namespace mado {

class CaseStore;

// Issues the certificate of an approved case whose batch was approved: finds the applicant in the
// resident register (name and date of birth, exactly one entry), takes the next certificate number
// of the fiscal year (April-March) inside the same transaction, so a failure leaves no gap, and
// records the mailing address, which is always the registered address, never the one typed in the
// form. Refusals as in CaseWorkflow, plus NotFound when the register has no unique entry.
class CertificateIssuer {
public:
    struct Issued {
        QString certificateNumber;
        int fiscalYear = 0;
        qint64 serial = 0;
        qint64 residentId = 0;
        // The certificate's data, from the register (personal data).
        QString name;
        QString kana;
        QDate dateOfBirth;
        PostalAddress mailTo; // the registered address
    };

    explicit CertificateIssuer(CaseStore &store);

    Result<Issued> issue(qint64 userId, qint64 caseId);

private:
    CaseStore &m_store;
};

} // namespace mado
