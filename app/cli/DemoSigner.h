#pragma once

#include "core/domain/Result.h"

#include <QDateTime>
#include <QString>

namespace mado::cli {

// Signs a demo case bundle as a resident's My Number card would, but with the TEST PKI of
// tests/jpki/make-test-pki.sh made at demo time (never a J-LIS key): the bundle's times are moved
// so that its challenge was issued a minute before `now`, then signature.p7s (a detached CMS
// SignedData, SHA-256, with signingTime, carrying the signer's and the signing CA's certificates)
// is written over the canonical manifest and case.json gains its "signature" entry. Demo only
// (`madoguchi-cli demo sign`). signRemote() is the resident's signing app against a receiver
// (`madoguchi-cli demo sign-remote`): the application was submitted with signing=jpki; it fetches
// the canonical manifest the receiver serves, signs those bytes the same way and uploads
// signature.p7s (docs/case-bundle.md, "How a signed bundle comes about"). Calling thread.
class DemoSigner {
public:
    // `pki`: the directory with <signer>.pem/.key and signca.pem. BundleInvalid for a bundle that
    // does not read, InvalidArgument for key material that does not, Io when writing fails.
    static Status sign(const QString &bundleDirectory, const QString &pki, const QString &signer, const QDateTime &now);
    // receiverBase: the applicant API (http://host:port); idToken: the resident's LINE ID token.
    // Network when the receiver does not answer; InvalidArgument "<status> <error code>" when it
    // refuses (e.g. 409 already signed, 422 signature_over_other_bytes).
    static Status signRemote(const QString &receiverBase, const QString &idToken, const QString &applicationId,
                             const QString &pki, const QString &signer);
    // The detached CMS (DER) over `content` by <signer> of the test PKI in `pki`.
    static Result<QByteArray> signBytes(const QByteArray &content, const QString &pki, const QString &signer);
};

} // namespace mado::cli
