#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace mado {

// The outcome of checking an application's JPKI signature (core/jpki JpkiVerifier), the
// "jpki_signature" part of a Verdict. Ok is the only status an issuance may rely on;
// RevocationUnknown and SubjectDiffers hold the case for a person to look at; the others refuse it.
enum class JpkiStatus { Ok, Invalid, Untrusted, Revoked, RevocationUnknown, Expired, SubjectDiffers };
QString jpkiStatusName(JpkiStatus status); // "ok", "invalid", "untrusted", "revoked", "revocation_unknown", ...
std::optional<JpkiStatus> jpkiStatusFromName(const QString &name);

// Plain value, stored inside the verdict's JSON. Holds no personal data: the signer's facts stay in
// the certificate (inside the stored manifest) and are read again when a clerk looks at the case;
// `differences` names fields and sources only, e.g. "name:register", "address:form",
// "name:substitute_character".
struct JpkiSignatureResult {
    JpkiStatus status = JpkiStatus::Invalid;
    QString reason; // stable code, e.g. "ok", "cms_signature_invalid", "crl_stale" (reasonJa/reasonEn)
    QStringList differences;
    QString serial;  // of the signer certificate, hex
    QString issuer;  // the issuer's distinguished name (RFC 2253)
    QDateTime notBefore, notAfter, signingTime;
    QString revocationSource;   // "crl" or "ocsp", empty when not checked
    QString revocationLocation; // the CRL's file name or the OCSP responder's URL
    QDateTime revocationCheckedAt; // the CRL's thisUpdate, or the time of the OCSP answer
    QDateTime crlNextUpdate; // of the CRL used, when one was
    QDateTime verifiedAt;

    bool ok() const { return status == JpkiStatus::Ok; }
    // The reason in words, for the clerk and the audit (Japanese first, English).
    static QString reasonJa(const QString &reason);
    static QString reasonEn(const QString &reason);

    QJsonObject toJson() const;
    static JpkiSignatureResult fromJson(const QJsonObject &json);
};

} // namespace mado
