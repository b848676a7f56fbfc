#pragma once

#include "core/domain/Result.h"
#include "ui/support/CaseData.h"

namespace mado {

class CaseStore;

// Reads one case for the case view: the record through CaseStore::viewCase (which appends
// "case_viewed" to the audit chain), the latest verdict, the register entries of the applicant
// and every image, decoded (the document at the engine's scale) and converted for display; no
// images when retention has deleted them (record.retentionPurgedAt).
// Blocking: call it on a worker thread (CaseView does it through its JobTracker). While it waits
// for its image decoders (on the global pool) it gives its own pool slot back
// (QThreadPool::releaseThread), so concurrent loads cannot starve the pool. Any thread: the
// store gives each thread its own connection. Fails with the store's error (NotFound,
// PermissionDenied, Database) or the decoder's.
class CaseLoader {
public:
    static constexpr int kThumbnailHeight = 120;
    static constexpr int kOverviewWidth = 320;

    static Result<CaseData> load(CaseStore &store, qint64 userId, qint64 caseId);
};

} // namespace mado
