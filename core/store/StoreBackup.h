#pragma once

#include "core/domain/Result.h"

#include <QString>

namespace mado {

// Copies a live store file with SQLite's online backup API (sqlite3_backup_*), page by page, while
// other connections keep working; the copy is a consistent snapshot, WAL content included. The
// target must not exist. Restoring is opening the copy (or copying it back while no one uses the
// store). Any thread; uses its own sqlite3 connections.
class StoreBackup {
public:
    struct Figures {
        int pages = 0;
        qint64 bytes = 0;
        qint64 milliseconds = 0;
    };

    static Result<Figures> backup(const QString &storePath, const QString &targetPath);
};

} // namespace mado
