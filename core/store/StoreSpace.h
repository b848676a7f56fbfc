#pragma once

#include "core/domain/Result.h"

#include <QString>

namespace mado {

// Gives the pages that deletions freed back to the file system and empties the WAL, on its own
// SQLite connection to the store file (QtSql steps a statement only to its first row, and
// `PRAGMA incremental_vacuum` frees one page per row). Used by Retention after its commit; the
// calling thread must not be inside a transaction on the same file. Blocking; any thread.
// Fails with Io (the file cannot be opened) or Database.
class StoreSpace {
public:
    struct Figures {
        bool incrementalVacuum = false; // auto_vacuum = incremental: freed pages were cut off the file
        qint64 freePages = 0;           // pages still free in the file after (zeroed, reused later)
        bool walTruncated = false;      // false: another connection was reading (SQLITE_BUSY)
    };

    static Result<Figures> reclaim(const QString &storePath);
};

} // namespace mado
