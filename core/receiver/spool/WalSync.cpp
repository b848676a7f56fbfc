#include "core/receiver/spool/WalSync.h"

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
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_failure)
        return *m_failure;
    struct stat onDisk {};
    struct stat held {};
    const bool same = m_fd >= 0 && ::stat(m_path.constData(), &onDisk) == 0 && ::fstat(m_fd, &held) == 0 &&
                      onDisk.st_ino == held.st_ino && onDisk.st_dev == held.st_dev;
    if (!same) {
        if (Status opened = reopen(); !opened)
            return opened;
    }
    if (::fdatasync(m_fd) == 0)
        return {};
    m_failure = Error{ErrorCode::Io, QStringLiteral("cannot sync the spool's log (%1); writes are refused until the "
                                                    "receiver is restarted")
                                         .arg(QString::fromLocal8Bit(std::strerror(errno)))};
    return *m_failure;
}

bool WalSync::failed() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_failure.has_value();
}

} // namespace mado
