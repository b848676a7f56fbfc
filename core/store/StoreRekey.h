#pragma once

#include "core/domain/Result.h"

#include <QString>

#include <limits>

namespace mado {

class CaseStore;

// `madoguchi-cli store rekey`: seals every case image of a store under a new data key, crash-safe.
// 1. The next key is written to "<key file>.new" (0600), or the one an interrupted run left there
//    is taken again.
// 2. Each image not yet under the next key (sealed with the current key, or plain from before
//    encryption) is opened and sealed again in its own transaction (compare-and-swap on the old
//    bytes), so an interruption leaves every image whole under one of the two keys, and
//    CaseStore::open loads both while the ".new" file exists.
// 3. Once none is left, the ".new" file is renamed over the key file (one atomic step; the old key
//    is gone: copy it first if backups made under it must stay readable), and the log is
//    checkpointed and truncated so that no old sealed or plain bytes stay in it.
// Run it with the workstations closed (a running one keeps only the keys it opened with). The store
// must have been opened by CaseStore::open. Errors: Database, Io, and the opening errors of an
// image that no loaded key opens.
class StoreRekey {
public:
    struct Counts {
        qint64 resealed = 0; // rewritten under the next key now
        qint64 current = 0;  // already under it (an earlier, interrupted run)
        bool finished = false; // the key file now holds the next key
        QString keyId;         // the next key's id
    };

    // limit: rewrite at most so many images, then stop before step 3 (tests of an interruption).
    static Result<Counts> run(CaseStore &store, const QString &storePath,
                              qint64 limit = std::numeric_limits<qint64>::max());
};

} // namespace mado
