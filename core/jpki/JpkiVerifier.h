#pragma once

#include "core/domain/CaseBundle.h"
#include "core/domain/JpkiSignatureResult.h"
#include "core/domain/RegisterEntry.h"
#include "core/jpki/JpkiTrustStore.h"
#include "core/jpki/SignerFacts.h"

#include <QDateTime>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace mado {

// Checks the JPKI signature of a signed application, in this order, stopping at the first refusal:
//  1. the CMS: DER SignedData, detached, one signer, SHA-256, its signature valid over the
//     canonical manifest (BundleSignature::signedManifest)                → invalid
//  2. the signer's certificate carried in the CMS; the signing time inside the challenge window
//     (issuedAt .. expiresAt, ± JpkiConfig::signingTimeSkewSeconds)      → invalid
//  3. the chain to a configured anchor                                    → untrusted
//  4. key usage digitalSignature + nonRepudiation, a configured policy OID, RSA >= 2048
//                                                                         → untrusted
//  5. every certificate of the chain valid at `now`                       → expired
//  6. revocation: from the OCSP responder when one is configured (OcspClient; no answer in time, an
//     answer that does not verify, "unknown" or outdated               → revocation_unknown), else
//     from the configured CRLs: the issuer's newest CRL whose signature verifies with the issuer's
//     key; past its nextUpdate, missing or unverifiable                  → revocation_unknown (a
//     hold, never a pass); the certificate listed (CRL) or revoked (OCSP) → revoked
//  7. the basic four facts (SignerFacts) against the signed form and the register entries
//     (FactComparison)                                                   → subject_differs
// Malformed input of any kind ends in a result with a reason code, never in a crash (fuzzed:
// tests/fuzz/fuzz_jpki_cms.cpp). The facts compared come from the signed bytes, not from the
// caller's copy of the form. Const and thread-safe; blocks for the OCSP round trip when configured.
class JpkiVerifier {
public:
    struct Check {
        JpkiSignatureResult result;
        std::optional<SignerFacts> facts; // when the certificate could be read (personal data)
        QStringList chain;                // subject DNs, signer first, anchor last (when it chained)
        QString crlFile;                  // the CRL used, when one was
    };

    // Without trust material (nullptr) steps 1-2 still run; the result is then untrusted/not_configured.
    explicit JpkiVerifier(std::shared_ptr<const JpkiTrustStore> trust) : m_trust(std::move(trust)) {}

    // `register_`: the register entries of the applicant (empty: not found, so the facts differ);
    // std::nullopt compares with the signed form only (madoguchi-cli jpki check without a store).
    Check verify(const CaseBundle &bundle, const std::optional<std::vector<RegisterEntry>> &register_,
                 const QDateTime &now) const;

private:
    std::shared_ptr<const JpkiTrustStore> m_trust;
};

} // namespace mado
