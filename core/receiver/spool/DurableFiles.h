#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QString>

namespace mado {

// File operations that survive a crash of the process or the machine once they return ok:
// data and directory entries are flushed with fsync. POSIX only. Errors are Io and name the path
// (paths hold ids, never personal data). Any thread.
class DurableFiles {
public:
    // Creates path (which must not exist), writes bytes and fsyncs the file.
    static Status writeNew(const QString &path, const QByteArray &bytes);
    // fsyncs a directory, so that entries created or renamed in it are durable.
    static Status syncDirectory(const QString &path);
    // Renames from to to (same file system) and fsyncs the parent directory of to.
    static Status renameDurably(const QString &from, const QString &to);
    // Removes a directory tree (best effort) and fsyncs its parent.
    static void removeTree(const QString &path);
};

} // namespace mado
