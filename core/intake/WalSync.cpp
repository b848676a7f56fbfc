#include "core/intake/WalSync.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mado {

namespace {

Error ioError(const QString &what)
{
    return Error{ErrorCode::Io, QStringLiteral("%1: %2").arg(what, QString::fromLocal8Bit(std::strerror(errno)))};
}

} // namespace

WalSync::WalSync(QByteArray walPath) : m_path(std::move(walPath)) {}

WalSync::~WalSync()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Status WalSync::reopen()
{
    if (m_fd >= 0)
        ::close(m_fd);
    // O_CREAT: SQLite opens the log by this same name, so either may create it first.
    m_fd = ::open(m_path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_fd < 0)
        return ioError(QStringLiteral("cannot open the spool's log"));
    return {};
}

Status WalSync::sync()
{
    int fd = -1;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        struct stat onDisk {};
        struct stat held {};
        const bool same = m_fd >= 0 && ::stat(m_path.constData(), &onDisk) == 0 &&
                          ::fstat(m_fd, &held) == 0 && onDisk.st_ino == held.st_ino && onDisk.st_dev == held.st_dev;
        if (!same) {
            if (Status opened = reopen(); !opened)
                return opened;
        }
        fd = ::dup(m_fd); // a concurrent reopen() must not close the descriptor being synced
    }
    if (fd < 0)
        return ioError(QStringLiteral("cannot sync the spool's log"));
    const int rc = ::fdatasync(fd);
    const Status result = rc == 0 ? Status() : Status(ioError(QStringLiteral("cannot sync the spool's log")));
    ::close(fd);
    return result;
}

} // namespace mado
