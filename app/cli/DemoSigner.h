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
// (`madoguchi-cli demo sign`). Calling thread.
class DemoSigner {
public:
    // `pki`: the directory with <signer>.pem/.key and signca.pem. BundleInvalid for a bundle that
    // does not read, InvalidArgument for key material that does not, Io when writing fails.
    static Status sign(const QString &bundleDirectory, const QString &pki, const QString &signer, const QDateTime &now);
};

} // namespace mado::cli
