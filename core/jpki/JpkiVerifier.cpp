#include "core/jpki/JpkiVerifier.h"

#include "core/crypto/DetachedSignature.h"
#include "core/jpki/FactComparison.h"
#include "core/jpki/OcspClient.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509v3.h>

#include <QFileInfo>
#include <QJsonDocument>

namespace mado {

namespace {

using Check = JpkiVerifier::Check;

Check &refuse(Check &check, JpkiStatus status, const QString &reason)
{
    check.result.status = status;
    check.result.reason = reason;
    ERR_clear_error();
    return check;
}

// The verdict's reason for a refusal of DetachedSignature's (the codes are the receiver's).
QString cmsReason(const Error &error)
{
    const QString code = DetachedSignature::codeOf(error);
    if (code == QLatin1String(DetachedSignature::kNotDetached))
        return QStringLiteral("cms_not_detached");
    if (code == QLatin1String(DetachedSignature::kSignerCount))
        return QStringLiteral("cms_signer_count");
    if (code == QLatin1String(DetachedSignature::kDigest))
        return QStringLiteral("cms_digest_not_sha256");
    if (code == QLatin1String(DetachedSignature::kNoCertificate))
        return QStringLiteral("signer_certificate_missing");
    if (code == QLatin1String(DetachedSignature::kOtherBytes))
        return QStringLiteral("cms_signature_invalid");
    return QStringLiteral("cms_malformed");
}

QDateTime signingTime(CMS_SignerInfo *signer)
{
    const int index = CMS_signed_get_attr_by_NID(signer, NID_pkcs9_signingTime, -1);
    if (index < 0 || CMS_signed_get_attr_by_NID(signer, NID_pkcs9_signingTime, index) >= 0)
        return {}; // none, or two
    X509_ATTRIBUTE *attribute = CMS_signed_get_attr(signer, index);
    if (!attribute || X509_ATTRIBUTE_count(attribute) != 1)
        return {};
    const ASN1_TYPE *value = X509_ATTRIBUTE_get0_type(attribute, 0);
    if (!value || (value->type != V_ASN1_UTCTIME && value->type != V_ASN1_GENERALIZEDTIME))
        return {};
    return ossl::toDateTime(value->value.asn1_string);
}

bool hasPolicy(X509 *certificate, const QStringList &accepted)
{
    auto *policies =
        static_cast<CERTIFICATEPOLICIES *>(X509_get_ext_d2i(certificate, NID_certificate_policies, nullptr, nullptr));
    if (!policies)
        return false;
    bool found = false;
    for (int i = 0; !found && i < sk_POLICYINFO_num(policies); ++i) {
        char oid[80] = {};
        if (OBJ_obj2txt(oid, sizeof oid, sk_POLICYINFO_value(policies, i)->policyid, 1) > 0)
            found = accepted.contains(QString::fromLatin1(oid));
    }
    CERTIFICATEPOLICIES_free(policies);
    return found;
}

bool validAt(X509 *certificate, const QDateTime &now)
{
    const QDateTime from = ossl::toDateTime(X509_get0_notBefore(certificate));
    const QDateTime until = ossl::toDateTime(X509_get0_notAfter(certificate));
    return from.isValid() && until.isValid() && from <= now && now <= until;
}

} // namespace

JpkiVerifier::Check JpkiVerifier::verify(const CaseBundle &bundle,
                                         const std::optional<std::vector<RegisterEntry>> &register_,
                                         const QDateTime &now) const
{
    Check check;
    check.result.verifiedAt = now.toUTC();
    if (!bundle.signature || bundle.signature->cms.isEmpty())
        return refuse(check, JpkiStatus::Invalid, QStringLiteral("not_signed"));
    const BundleSignature &signature = *bundle.signature;

    // 1. The CMS over the canonical manifest: its form and mathematics as the receiver checked
    // them at upload (DetachedSignature), named with the verdict's reasons.
    auto parsed = DetachedSignature::parse(signature.cms);
    if (!parsed)
        return refuse(check, JpkiStatus::Invalid, cmsReason(parsed.error()));
    if (Status over = DetachedSignature::verifyOver(parsed.value(), signature.signedManifest); !over)
        return refuse(check, JpkiStatus::Invalid, cmsReason(over.error()));
    CMS_SignerInfo *signer = parsed.value().signer;
    X509 *leaf = parsed.value().certificate;
    const ossl::CertStack &carried = parsed.value().certificates;
    // The signed bytes are the application: its facts and times are taken from them.
    QJsonParseError parseError;
    const QJsonDocument signedDocument = QJsonDocument::fromJson(signature.signedManifest, &parseError);
    if (parseError.error != QJsonParseError::NoError || !signedDocument.isObject())
        return refuse(check, JpkiStatus::Invalid, QStringLiteral("cms_signature_invalid"));
    const CaseBundle signedBundle = CaseBundle::fromJson(signedDocument.object());
    if (signedBundle.applicationId != bundle.applicationId)
        return refuse(check, JpkiStatus::Invalid, QStringLiteral("cms_signature_invalid"));

    check.result.serial = ossl::serialText(leaf);
    check.result.issuer = ossl::nameText(X509_get_issuer_name(leaf));
    check.result.notBefore = ossl::toDateTime(X509_get0_notBefore(leaf));
    check.result.notAfter = ossl::toDateTime(X509_get0_notAfter(leaf));

    // 2. Signing time within the challenge window.
    check.result.signingTime = signingTime(signer);
    if (!check.result.signingTime.isValid())
        return refuse(check, JpkiStatus::Invalid, QStringLiteral("signing_time_missing"));
    const int skew = m_trust ? m_trust->config().signingTimeSkewSeconds : JpkiConfig{}.signingTimeSkewSeconds;
    if (check.result.signingTime < signedBundle.challenge.issuedAt.addSecs(-skew) ||
        check.result.signingTime > signedBundle.challenge.expiresAt.addSecs(skew))
        return refuse(check, JpkiStatus::Invalid, QStringLiteral("signing_time_outside_window"));

    if (!m_trust)
        return refuse(check, JpkiStatus::Untrusted, QStringLiteral("not_configured"));

    // 3. The chain (times are checked in step 5, so that an expired certificate is named as such).
    ossl::Ptr<X509_STORE> store(X509_STORE_new());
    for (const auto &anchor : m_trust->anchors())
        X509_STORE_add_cert(store.get(), anchor.get());
    ossl::CertStack untrusted(sk_X509_new_null());
    for (const auto &intermediate : m_trust->intermediates())
        sk_X509_push(untrusted.get(), X509_dup(intermediate.get()));
    for (int i = 0; i < sk_X509_num(carried.get()); ++i)
        sk_X509_push(untrusted.get(), X509_dup(sk_X509_value(carried.get(), i)));
    ossl::Ptr<X509_STORE_CTX> context(X509_STORE_CTX_new());
    if (!context || X509_STORE_CTX_init(context.get(), store.get(), leaf, untrusted.get()) != 1)
        return refuse(check, JpkiStatus::Untrusted, QStringLiteral("chain_untrusted"));
    X509_VERIFY_PARAM_set_flags(X509_STORE_CTX_get0_param(context.get()), X509_V_FLAG_NO_CHECK_TIME);
    if (X509_verify_cert(context.get()) != 1)
        return refuse(check, JpkiStatus::Untrusted, QStringLiteral("chain_untrusted"));
    ossl::CertStack chain(X509_STORE_CTX_get1_chain(context.get()));
    for (int i = 0; i < sk_X509_num(chain.get()); ++i)
        check.chain << ossl::nameText(X509_get_subject_name(sk_X509_value(chain.get(), i)));

    // 4. A signing certificate: key usage, policy, key size.
    const uint32_t usage = X509_get_key_usage(leaf);
    if (!(usage & KU_NON_REPUDIATION) || !(usage & KU_DIGITAL_SIGNATURE))
        return refuse(check, JpkiStatus::Untrusted, QStringLiteral("key_usage"));
    if (!hasPolicy(leaf, m_trust->config().policies))
        return refuse(check, JpkiStatus::Untrusted, QStringLiteral("policy"));
    EVP_PKEY *key = X509_get0_pubkey(leaf);
    if (!key || EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA || EVP_PKEY_get_bits(key) < jpki_profile::kMinRsaBits)
        return refuse(check, JpkiStatus::Untrusted, QStringLiteral("key_too_small"));

    // 5. Validity now.
    for (int i = 0; i < sk_X509_num(chain.get()); ++i) {
        if (!validAt(sk_X509_value(chain.get(), i), now))
            return refuse(check, JpkiStatus::Expired, QStringLiteral("certificate_expired"));
    }

    // 6. Revocation: by OCSP when a responder is configured, else by CRL (the issuer is chain[1]:
    // the leaf is never its own anchor).
    X509 *issuer = sk_X509_num(chain.get()) > 1 ? sk_X509_value(chain.get(), 1) : nullptr;
    if (!m_trust->config().ocspUrl.isEmpty()) {
        check.result.revocationSource = QStringLiteral("ocsp");
        check.result.revocationLocation = m_trust->config().ocspUrl;
        check.result.revocationCheckedAt = now.toUTC();
        const OcspClient::Answer answer = OcspClient::ask(m_trust->config().ocspUrl, m_trust->config().ocspTimeoutSeconds,
                                                          leaf, issuer, *m_trust, now, skew);
        if (answer.status == OcspClient::Status::Problem)
            return refuse(check, JpkiStatus::RevocationUnknown, answer.problem);
        if (answer.status == OcspClient::Status::Revoked)
            return refuse(check, JpkiStatus::Revoked, QStringLiteral("revoked"));
    } else {
        const JpkiTrustStore::Crl *newest = nullptr;
        bool sawUnverifiable = false;
        for (const auto &entry : m_trust->crls()) {
            if (!issuer || X509_NAME_cmp(X509_CRL_get_issuer(entry.crl.get()), X509_get_subject_name(issuer)) != 0)
                continue;
            if (X509_CRL_verify(entry.crl.get(), X509_get0_pubkey(issuer)) != 1) {
                sawUnverifiable = true;
                continue;
            }
            if (!newest || ossl::toDateTime(X509_CRL_get0_lastUpdate(entry.crl.get())) >
                               ossl::toDateTime(X509_CRL_get0_lastUpdate(newest->crl.get())))
                newest = &entry;
        }
        if (!newest)
            return refuse(check, JpkiStatus::RevocationUnknown,
                          sawUnverifiable ? QStringLiteral("crl_invalid") : QStringLiteral("crl_missing"));
        check.crlFile = newest->file;
        check.result.revocationSource = QStringLiteral("crl");
        check.result.revocationLocation = QFileInfo(newest->file).fileName();
        check.result.revocationCheckedAt = ossl::toDateTime(X509_CRL_get0_lastUpdate(newest->crl.get()));
        check.result.crlNextUpdate = ossl::toDateTime(X509_CRL_get0_nextUpdate(newest->crl.get()));
        if (!check.result.crlNextUpdate.isValid() || check.result.crlNextUpdate < now ||
            check.result.revocationCheckedAt > now.addSecs(skew))
            return refuse(check, JpkiStatus::RevocationUnknown, QStringLiteral("crl_stale"));
        X509_REVOKED *revoked = nullptr;
        if (X509_CRL_get0_by_cert(newest->crl.get(), &revoked, leaf) == 1)
            return refuse(check, JpkiStatus::Revoked, QStringLiteral("revoked"));
    }

    // 7. The basic four facts.
    auto facts = SignerFacts::read(leaf);
    if (!facts)
        return refuse(check, JpkiStatus::Invalid, facts.error().message.section(QLatin1Char(':'), 0, 0));
    check.facts = facts.value();
    check.result.differences = FactComparison::differences(facts.value(), signedBundle.applicant, register_);
    if (!check.result.differences.isEmpty())
        return refuse(check, JpkiStatus::SubjectDiffers, QStringLiteral("subject_differs"));
    check.result.status = JpkiStatus::Ok;
    check.result.reason = QStringLiteral("ok");
    return check;
}

} // namespace mado
