#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QDate>
#include <QString>

typedef struct x509_st X509;

namespace mado {

// The basic four facts (基本4情報) of a JPKI signing certificate, read from its subjectAltName
// otherName entries (OIDs and encodings: core/jpki/JpkiProfile.h). Personal data: never log it.
struct SignerFacts {
    QString name;              // 氏名 as in the certificate (氏 U+3000 名)
    QString nameSubstitutes;   // '0'/'1' per character of name ('1' = 代替文字)
    QString dateOfBirthCode;   // EYYYYMMDD
    QDate dateOfBirth;         // the Gregorian part; invalid for a partial/unknown date
    QString gender;            // "1", "2" or "3"
    QString address;           // 住所
    QString addressSubstitutes;

    // Reads the facts. BundleInvalid with "san_missing" when the certificate has no basic four
    // facts, "san_malformed" for a duplicate entry, a value that is not a UTF8String, a date or
    // gender out of format, or a substitute string whose length differs from its value's.
    static Result<SignerFacts> read(X509 *certificate);
    // The facts of the signer certificate carried in a CMS SignedData (DER), for display: nothing is
    // verified here (JpkiVerifier does that, and the verdict says whether to trust them).
    // BundleInvalid "cms_malformed" / "signer_certificate_missing", or read()'s errors.
    static Result<SignerFacts> fromSignature(const QByteArray &cms);
};

} // namespace mado
