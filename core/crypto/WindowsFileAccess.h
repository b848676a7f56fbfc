#pragma once

#include "core/domain/Result.h"

#include <QString>
#include <QStringList>

namespace mado {

// Windows only (compiled into mado_crypto on Windows builds): the access lists of secret files,
// the Windows side of OwnerOnlyFile (mode 0600) and KeyFileCheck (owner and mode bits). Windows
// has no owner/group/other bits; a file's DACL lists who may do what. A secret file here is one
// whose DACL is protected (nothing inherited from its folder) and grants access to the current
// user only. Accounts that may read any file anyway (SYSTEM, the Administrators group, the file's
// owner when it is the current user) are not counted as others, as root is not on Linux.
// Any thread.
class WindowsFileAccess {
public:
    // Creates path as a new file (fails when it exists) for writing, with a protected DACL granting
    // the current user full control and nobody else anything; the handle is not inherited by child
    // processes. Returns a C runtime file descriptor (_write, _commit, _close), or -1 with errno set
    // (EEXIST, ENOENT, EACCES, EIO).
    static int createOwnerOnly(const QString &path);

    // The accounts other than the current user, SYSTEM and Administrators that the file's DACL
    // lets read or change it ("Everyone" when it has no DACL at all), as DOMAIN\name or the SID
    // string; empty when none. An InvalidArgument error when the file's security cannot be read.
    static Result<QStringList> othersWithAccess(const QString &path);

    // The command that makes path private to the current user (for messages).
    static QString fixCommand(const QString &path);

    // The SID of the user the process runs as ("S-1-5-21-..."), for access lists written in SDDL;
    // empty when the process token cannot be read.
    static QString currentUserSid();
};

} // namespace mado
