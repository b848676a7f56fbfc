#pragma once

#include "core/domain/Result.h"
#include "core/jpki/JpkiConfig.h"
#include "core/jpki/JpkiTrustStore.h"

#include <memory>

namespace mado {

class CaseStore;

// The ward's JPKI configuration as kept in the ward settings (WardSettings jpki.* keys), and the
// trust store loaded from it. Not configured (no anchors path) is not an error: trust() then
// returns nullptr and every signed application is held as untrusted/not_configured.
class JpkiSettings {
public:
    static Result<JpkiConfig> read(CaseStore &store);
    static Status write(CaseStore &store, qint64 adminId, const JpkiConfig &config);
    // nullptr when not configured; the load error (naming the file) when configured but unreadable.
    static Result<std::shared_ptr<const JpkiTrustStore>> trust(CaseStore &store);
};

} // namespace mado
