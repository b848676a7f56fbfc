#pragma once

#include "core/domain/Result.h"
#include "core/jpki/JpkiConfig.h"

namespace mado {

class CaseStore;

// The ward's JPKI configuration as kept in the ward settings (WardSettings jpki.* keys:
// jpki.trust_anchors, jpki.crls, jpki.policies, jpki.ocsp_url, jpki.ocsp_timeout_seconds).
// Not configured (no anchors path) is not an error: every signed application is then held as
// untrusted/not_configured. The trust store loaded from it: JpkiSignatureCheck::trust.
class JpkiSettings {
public:
    static Result<JpkiConfig> read(CaseStore &store);
    static Status write(CaseStore &store, qint64 adminId, const JpkiConfig &config);
};

} // namespace mado
