#include "core/store/StoreSpace.h"

#include <sqlite3.h>

#include <memory>

namespace mado {

namespace {

struct Closer {
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, Closer>;

Error databaseError(sqlite3 *db, const char *what)
{
    return Error{ErrorCode::Database,
                 QStringLiteral("%1 failed: %2").arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(db)))};
}

Result<qint64> integerPragma(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
        return databaseError(db, sql);
    const int rc = sqlite3_step(statement);
    const qint64 value = rc == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : 0;
    sqlite3_finalize(statement);
    if (rc != SQLITE_ROW)
        return databaseError(db, sql);
    return value;
}

} // namespace

Result<StoreSpace::Figures> StoreSpace::reclaim(const QString &storePath)
{
    sqlite3 *raw = nullptr;
    const int opened = sqlite3_open_v2(storePath.toUtf8().constData(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    Connection db(raw);
    if (opened != SQLITE_OK)
        return Error{ErrorCode::Io, QStringLiteral("cannot open the store: %1").arg(sqlite3_errstr(opened))};
    sqlite3_busy_timeout(raw, 10000);
    // Pages moved by the vacuum leave nothing behind either.
    if (sqlite3_exec(raw, "PRAGMA secure_delete = ON", nullptr, nullptr, nullptr) != SQLITE_OK)
        return databaseError(raw, "secure_delete");
    Figures figures;
    auto mode = integerPragma(raw, "PRAGMA auto_vacuum");
    if (!mode)
        return mode.error();
    figures.incrementalVacuum = mode.value() == 2;
    // sqlite3_exec steps the pragma to its end: every free page, not just the first.
    if (figures.incrementalVacuum &&
        sqlite3_exec(raw, "PRAGMA incremental_vacuum", nullptr, nullptr, nullptr) != SQLITE_OK)
        return databaseError(raw, "incremental_vacuum");
    int logFrames = 0;
    int copiedFrames = 0;
    const int checkpoint =
        sqlite3_wal_checkpoint_v2(raw, "main", SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &copiedFrames);
    if (checkpoint != SQLITE_OK && checkpoint != SQLITE_BUSY)
        return databaseError(raw, "wal_checkpoint");
    figures.walTruncated = checkpoint == SQLITE_OK;
    auto freePages = integerPragma(raw, "PRAGMA freelist_count");
    if (!freePages)
        return freePages.error();
    figures.freePages = freePages.value();
    return figures;
}

} // namespace mado
