#pragma once

#include "core/domain/Result.h"

#include <QString>

namespace mado {

// Refuses a key or other secret file that anyone but the running user, root and the running
// user's own group could read or change: the one check for every secret file (data keys, and the
// receiver's LINE channel secret, access token, workstation tokens file and TLS private key).
// The rules: a regular file; owned by the running user or root; no permission bits for others; group bits read-only, and
// then only when the file's group is the running user's (its primary group or the process's
// group). So 0600 or 0400 owned by the user, and the .deb's 0640 root:madoguchi with the
// process running as madoguchi, pass; 0644, 0660, another owner or a foreign group fail with an
// InvalidArgument error that names the setting, the file, what is wrong and the commands that fix
// it. On Windows (no owner and mode bits) the file's access list decides: refused when it lets
// anyone but the running user, SYSTEM or Administrators read or change it (WindowsFileAccess);
// Identity is not used there. Any thread.
class KeyFileCheck {
public:
    // Who the process runs as.
    struct Identity {
        quint32 uid = 0;
        quint32 gid = 0;        // the process's effective group
        quint32 primaryGid = 0; // the user's primary group (passwd entry); gid when unknown
        QString userName;       // of uid, for the message; the number when it has no name
        QString groupName;      // of gid, for the message ("madoguchi"); the number when it has no name
    };
    static Identity current();

    // setting: the configuration key or option that named the file (e.g. "spool.key_file").
    static Status check(const QString &setting, const QString &path, const Identity &identity = current());
};

} // namespace mado
