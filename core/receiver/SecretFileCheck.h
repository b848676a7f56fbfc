#pragma once

#include "core/domain/Result.h"

#include <QString>

namespace mado {

// Refuses a secret file of the receiver (LINE channel secret, access token, challenge key,
// workstation tokens file, TLS private key) that anyone but the receiver's user, root and the
// receiver's own group could read or change. Accepted: owned by the running user or root; no
// permission bits for others; group bits read-only, and then only when the file's group is the
// running user's (its primary group or the process's group). So the .deb's set-up, 0640
// root:madoguchi with the receiver running as madoguchi, passes, and 0644, 0660 or a foreign group
// fail with an InvalidArgument error that names the key, the file, what is wrong and the commands
// that fix it. On systems without POSIX owners (Windows) every file passes. Any thread.
class SecretFileCheck {
public:
    // Who the receiver runs as.
    struct Identity {
        quint32 uid = 0;
        quint32 gid = 0;        // the process's effective group
        quint32 primaryGid = 0; // the user's primary group (passwd entry); gid when unknown
        QString groupName;      // of gid, for the message ("madoguchi"); the number when it has no name
    };
    static Identity current();

    static Status check(const char *key, const QString &path, const Identity &identity = current());
};

} // namespace mado
