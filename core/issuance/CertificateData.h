#pragma once

#include "core/domain/Result.h"
#include "core/domain/CaseBundle.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace mado {

class CaseStore;

// What a certificate and its mailing label show, read from an issued case: the issuance (number,
// date) and the resident register entry it was issued for (name, kana, date of birth, registered
// address). The mailing address is the one recorded at issuance (the registered address), never
// the one typed into the form. Personal data: never log it. Any thread (calling thread's connection).
// Errors: NotFound when the case has no issuance (preview: no unique register entry), Database.
struct CertificateData {
    qint64 caseId = 0;
    QString reference; // the application's reference number (no personal data)
    QString procedure; // "juminhyo_copy", "tax_certificate", ...
    QString procedureNameJa;
    QString certificateNumber;
    int fiscalYear = 0;
    QDateTime issuedAt;
    QString residentCode;
    QString name;
    QString kana;
    QDate dateOfBirth;
    PostalAddress registeredAddress;
    PostalAddress mailTo;
    int copies = 1;
    // The issuer's title and name: for an issued case the one stored with its issuance (revision 7),
    // for a preview the ward's current setting (WardSettings). Empty: none set (the template's
    // specimen issuer).
    QString issuerName;

    static Result<CertificateData> load(CaseStore &store, qint64 caseId);
    // What the certificate of a case not issued yet would show: the resident register entry for
    // the applicant (NotFound unless exactly one), the registered address as the mailing address,
    // no number, issuedAt = the store clock's now.
    static Result<CertificateData> preview(CaseStore &store, qint64 caseId);
};

} // namespace mado
