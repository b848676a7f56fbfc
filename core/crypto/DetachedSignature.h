#pragma once

#include "core/crypto/OpenSslTypes.h"
#include "core/domain/Result.h"

#include <QByteArray>
#include <QString>

namespace mado {

// The form of a detached CMS signature (RFC 5652 SignedData, DER) over given bytes, without any
// trust decision: it parses, is SignedData, carries no content (detached), has exactly one signer
// using SHA-256, carries that signer's certificate, and the signature verifies over exactly
// content. Whether the signer is to be trusted (chain, key usage, policy, revocation, facts) is the
// workstation's question (core/jpki, JpkiVerifier); this is what the receiver can tell a resident
// at once ("you signed other bytes", "that is not a signature"). At most kMaxBytes of DER. Pure;
// any thread; never crashes on hostile input (fuzzed: tests/fuzz). check() is parse() and
// verifyOver(); JpkiVerifier runs the same two steps first and then goes on with the parsed
// signer (its signing time, its certificate's chain, policy, revocation and facts).
class DetachedSignature {
public:
    static constexpr qsizetype kMaxBytes = 64 * 1024;

    // The reasons check() refuses, as stable codes (the error's message starts with one).
    static constexpr const char *kMalformed = "signature_malformed";          // not DER CMS SignedData
    static constexpr const char *kNotDetached = "signature_not_detached";     // it carries its content
    static constexpr const char *kSignerCount = "signature_signer_count";     // not exactly one signer
    static constexpr const char *kDigest = "signature_digest_not_sha256";     // another digest
    static constexpr const char *kNoCertificate = "signature_certificate_missing";
    static constexpr const char *kOtherBytes = "signature_over_other_bytes";  // does not verify over content
    static constexpr const char *kTooLarge = "signature_too_large";

    // A signature that has the form: the CMS, its one signer and that signer's certificate (one
    // of the certificates the CMS carries, set as the signer's certificate).
    struct Parsed {
        ossl::Ptr<CMS_ContentInfo> cms;
        ossl::CertStack certificates;     // every certificate the CMS carries
        CMS_SignerInfo *signer = nullptr; // owned by cms
        X509 *certificate = nullptr;      // owned by certificates
    };

    // Ok when der is such a signature over content; else InvalidArgument "<code>: <explanation>".
    static Status check(const QByteArray &der, const QByteArray &content);
    // The form without the content: every refusal of check() but kOtherBytes (and kTooLarge,
    // which is check()'s limit for what a resident uploads).
    static Result<Parsed> parse(const QByteArray &der);
    // Whether the parsed signature verifies over exactly content (kOtherBytes if not); the
    // signature's mathematics only, no chain is built.
    static Status verifyOver(const Parsed &parsed, const QByteArray &content);
    // The code of an error check() returned ("signature_malformed", ...).
    static QString codeOf(const Error &error);
};

} // namespace mado
