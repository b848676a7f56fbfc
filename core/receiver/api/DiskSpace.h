#pragma once

#include "core/domain/Result.h"

#include <QString>

namespace mado {

// Free space of the file system holding a path, as an unprivileged process may use it
// (statvfs: f_bavail * f_frsize). Io error when the path cannot be examined. POSIX; any thread.
class DiskSpace {
public:
    static Result<qint64> available(const QString &path);
};

} // namespace mado
