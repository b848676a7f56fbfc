#pragma once

#include <QDateTime>
#include <QString>

typedef struct x509_st X509;

namespace mado {

class JpkiTrustStore;

// Asks an OCSP responder (RFC 6960, one HTTP POST with a nonce, no proxy) for the status of one
// certificate, and verifies the answer: signed by the issuing CA or by a responder it delegated
// (extendedKeyUsage OCSPSigning) that chains to the trust store's anchors, the nonce echoed, the
// certificate's status inside its thisUpdate/nextUpdate (± skew). Any failure is an answer with a
// problem code, never a "good": ocsp_unreachable (no connection or no answer within the timeout,
// an HTTP error), ocsp_invalid (not a successful, verifiable basic response for this certificate),
// ocsp_unknown (status unknown), ocsp_stale (outside thisUpdate/nextUpdate). Blocking for at most
// about `timeoutSeconds`; any thread (no shared state).
class OcspClient {
public:
    enum class Status { Good, Revoked, Problem };
    struct Answer {
        Status status = Status::Problem;
        QString problem;     // the reason code when status is Problem
        QDateTime thisUpdate; // of the certificate's status, when the answer was verified
    };

    static Answer ask(const QString &url, int timeoutSeconds, X509 *certificate, X509 *issuer,
                      const JpkiTrustStore &trust, const QDateTime &now, int skewSeconds);
};

} // namespace mado
