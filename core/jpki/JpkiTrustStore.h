#pragma once

#include "core/domain/Result.h"
#include "core/jpki/JpkiConfig.h"
#include "core/crypto/OpenSslTypes.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <vector>

namespace mado {

// The ward's JPKI trust material loaded once (the CRL may be large): trust anchors, intermediate CA
// certificates and CRLs from the paths of a JpkiConfig. Immutable after load; any thread.
// load() fails (InvalidArgument, naming the file) on an unreadable or malformed file, and when the
// anchors path holds no self-signed certificate. A missing CRL path is not an error here: every
// check then ends in "revocation unknown".
class JpkiTrustStore {
public:
    struct Crl {
        ossl::Ptr<X509_CRL> crl;
        QString file; // the file it came from (shown as the revocation source)
    };

    static Result<std::shared_ptr<const JpkiTrustStore>> load(const JpkiConfig &config);

    const std::vector<ossl::Ptr<X509>> &anchors() const { return m_anchors; }
    const std::vector<ossl::Ptr<X509>> &intermediates() const { return m_intermediates; }
    const std::vector<Crl> &crls() const { return m_crls; }
    const JpkiConfig &config() const { return m_config; }

private:
    JpkiConfig m_config;
    std::vector<ossl::Ptr<X509>> m_anchors;
    std::vector<ossl::Ptr<X509>> m_intermediates;
    std::vector<Crl> m_crls;
};

} // namespace mado
