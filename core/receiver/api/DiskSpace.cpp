#include "core/receiver/api/DiskSpace.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <sys/statvfs.h>

namespace mado {

Result<qint64> DiskSpace::available(const QString &path)
{
    struct statvfs info {};
    if (::statvfs(QFile::encodeName(path).constData(), &info) != 0)
        return Error{ErrorCode::Io, QStringLiteral("cannot examine the file system of %1: %2")
                                        .arg(path, QString::fromLocal8Bit(std::strerror(errno)))};
    return qint64(info.f_bavail) * qint64(info.f_frsize);
}

} // namespace mado
