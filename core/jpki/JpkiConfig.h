#pragma once

#include "core/jpki/JpkiProfile.h"

#include <QString>
#include <QStringList>

namespace mado {

// Where the ward's JPKI trust material lives (docs/admin.md, "JPKI signatures"). Paths are local
// to the workstation; none is built in, and no real J-LIS certificate ships with Madoguchi.
struct JpkiConfig {
    // PEM or DER certificates: a file (several PEM certificates allowed) or a directory of
    // *.pem/*.crt/*.cer. Self-signed ones are trust anchors; others are intermediate CA
    // certificates that may complete a chain. Empty: JPKI verification is not configured.
    QString trustAnchors;
    // The CRLs the ward downloads (PEM or DER): a file or a directory of *.crl/*.pem/*.der.
    QString crls;
    QStringList policies{QString::fromLatin1(jpki_profile::kPolicySigning)};
    // An OCSP responder (http://host[:port]/path), optional. When set, revocation is asked of it for
    // every signature (JpkiVerifier step 6) and a CRL is then not needed; no answer within
    // ocspTimeoutSeconds, an answer that does not verify or a status "unknown" is "revocation
    // unknown", a hold. Empty: the CRLs alone decide.
    QString ocspUrl;
    int ocspTimeoutSeconds = 10;
    // Allowed clock difference around the challenge window for the CMS signingTime.
    int signingTimeSkewSeconds = 300;

    bool configured() const { return !trustAnchors.isEmpty(); }
};

} // namespace mado
