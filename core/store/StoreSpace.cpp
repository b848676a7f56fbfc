#include "core/store/StoreSpace.h"

#include "core/database/Sqlite.h"

#include <sqlite3.h>

namespace mado {

Result<StoreSpace::Figures> StoreSpace::reclaim(const QString &storePath)
{
    auto db = Sqlite::open(storePath, SQLITE_OPEN_READWRITE, 10000);
    if (!db)
        return db.error();
    sqlite3 *raw = db.value().get();
    // Pages moved by the vacuum leave nothing behind either.
    if (Status status = Sqlite::exec(raw, "PRAGMA secure_delete = ON"); !status)
        return status.error();
    Figures figures;
    auto mode = Sqlite::queryInt(raw, "PRAGMA auto_vacuum");
    if (!mode)
        return mode.error();
    figures.incrementalVacuum = mode.value() == 2;
    // sqlite3_exec steps the pragma to its end: every free page, not just the first.
    if (figures.incrementalVacuum)
        if (Status status = Sqlite::exec(raw, "PRAGMA incremental_vacuum"); !status)
            return status.error();
    int logFrames = 0;
    int copiedFrames = 0;
    const int checkpoint =
        sqlite3_wal_checkpoint_v2(raw, "main", SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &copiedFrames);
    if (checkpoint != SQLITE_OK && checkpoint != SQLITE_BUSY)
        return Sqlite::error(raw, QStringLiteral("wal_checkpoint failed"));
    figures.walTruncated = checkpoint == SQLITE_OK;
    auto freePages = Sqlite::queryInt(raw, "PRAGMA freelist_count");
    if (!freePages)
        return freePages.error();
    figures.freePages = freePages.value();
    return figures;
}

} // namespace mado
