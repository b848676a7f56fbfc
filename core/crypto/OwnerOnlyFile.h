#pragma once

#include "core/domain/Result.h"

#include <QByteArrayView>
#include <QString>

namespace mado {

// A new file for secrets (key files, sealed blobs) that only its owner may read: created only if
// the path does not exist yet (O_EXCL), written in full, flushed to the disk with its directory
// entry on commit(). On POSIX systems the mode is 0600 whatever the umask; on Windows the file
// gets a protected access list that grants the current user alone (WindowsFileAccess), whatever its
// folder's, and its handle is not inherited by child processes. The platform calls live here only, so DataKey and
// SealedFile stay portable. Not copyable; one thread at a time. A file not committed is removed
// when the object goes.
class OwnerOnlyFile {
public:
    OwnerOnlyFile() = default;
    ~OwnerOnlyFile();
    OwnerOnlyFile(const OwnerOnlyFile &) = delete;
    OwnerOnlyFile &operator=(const OwnerOnlyFile &) = delete;

    // Creates the file; an Io error naming it and the system's reason when it cannot (it exists,
    // no such folder). what names the file in the message ("key file").
    Status create(const QString &path, const QString &what);
    // All of bytes, or false.
    bool write(QByteArrayView bytes);
    // Flushes the file and its directory entry and closes it; an Io error when the system refused
    // (the file is removed then).
    Status commit();

    // Moves the committed file from over to, replacing it in one step (rename(2), MoveFileEx on
    // Windows), and flushes the directory entry; an Io error naming to when it cannot. On POSIX
    // systems the replaced file's blocks are then overwritten with zeros in place (not on Windows,
    // where the replaced file is gone once MoveFileEx returns).
    static Status replace(const QString &from, const QString &to);
    // Flushes the folder holding path (after files in it were removed); nothing to do on Windows.
    static void syncFolderOf(const QString &path);

private:
    void discard();

    QString m_path;
    QString m_what;
    int m_fd = -1;
    bool m_failed = false;
};

} // namespace mado
