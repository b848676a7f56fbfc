#include "core/store/StoreBackup.h"

#include "core/database/Sqlite.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <sqlite3.h>

namespace mado {

Result<StoreBackup::Figures> StoreBackup::backup(const QString &storePath, const QString &targetPath)
{
    if (!QFileInfo::exists(storePath))
        return Error{ErrorCode::Io, QStringLiteral("no store at ") + storePath};
    if (QFileInfo::exists(targetPath))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the backup target exists: ") + targetPath};
    QElapsedTimer timer;
    timer.start();
    auto source = Sqlite::open(storePath, SQLITE_OPEN_READONLY, 10000);
    if (!source)
        return source.error();
    auto target = Sqlite::open(targetPath, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, 10000);
    if (!target)
        return target.error();
    sqlite3_backup *backup = sqlite3_backup_init(target.value().get(), "main", source.value().get(), "main");
    if (!backup)
        return Error{ErrorCode::Io,
                     QStringLiteral("backup failed: ") + QString::fromUtf8(sqlite3_errmsg(target.value().get()))};
    Figures figures;
    int rc = SQLITE_OK;
    // Copy in slices so that writers are not held up for the whole copy; a write by another
    // connection restarts the copy, which the loop absorbs.
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    figures.pages = sqlite3_backup_pagecount(backup);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return Error{ErrorCode::Io, QStringLiteral("backup failed: ") + QString::fromUtf8(sqlite3_errstr(rc))};
    target.value().reset();
    figures.bytes = QFileInfo(targetPath).size();
    figures.milliseconds = timer.elapsed();
    return figures;
}

} // namespace mado
