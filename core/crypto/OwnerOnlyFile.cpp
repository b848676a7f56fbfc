#include "core/crypto/OwnerOnlyFile.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>

#if defined(Q_OS_WIN)
#include "core/crypto/WindowsFileAccess.h"

#include <io.h>
#ifndef NOMINMAX
#define NOMINMAX // std::min, not windows.h's macro
#endif
#include <windows.h>
#else
#include <unistd.h>
#endif

namespace mado {

namespace {

QString systemReason()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

#if defined(Q_OS_WIN)
int openNew(const QString &path)
{
    // A DACL for the current user only, not the folder's: the Windows form of 0600.
    return WindowsFileAccess::createOwnerOnly(path);
}
int writeSome(int fd, const char *bytes, qsizetype size)
{
    return ::_write(fd, bytes, unsigned(std::min<qsizetype>(size, 1 << 30)));
}
bool syncAndClose(int fd, const QString &)
{
    const bool synced = ::_commit(fd) == 0;
    return ::_close(fd) == 0 && synced;
}
bool moveOver(const QString &from, const QString &to)
{
    return ::MoveFileExW(reinterpret_cast<const wchar_t *>(from.utf16()), reinterpret_cast<const wchar_t *>(to.utf16()),
                         MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) != 0;
}
QString moveReason()
{
    return QStringLiteral("Windows error %1").arg(::GetLastError());
}
#else
int openNew(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    // 0600 whatever the umask.
    if (fd >= 0 && ::fchmod(fd, 0600) != 0) {
        ::close(fd);
        QFile::remove(path);
        return -1;
    }
    return fd;
}
ssize_t writeSome(int fd, const char *bytes, qsizetype size)
{
    return ::write(fd, bytes, std::size_t(size));
}
void syncDirectoryOf(const QString &path)
{
    const int dir = ::open(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), O_RDONLY | O_CLOEXEC);
    if (dir >= 0) {
        static_cast<void>(::fsync(dir));
        ::close(dir);
    }
}
bool syncAndClose(int fd, const QString &path)
{
    const bool synced = ::fsync(fd) == 0;
    const bool closed = ::close(fd) == 0;
    syncDirectoryOf(path); // the directory entry too
    return synced && closed;
}
// Overwrites the whole file behind fd with zeros, in place, and syncs it: the blocks of a file
// that was replaced no longer hold what it held (on file systems that overwrite in place: ext4,
// XFS; not on copy-on-write ones or below an SSD's translation layer, docs/security.md).
void zeroFile(int fd)
{
    struct stat info {};
    if (::fstat(fd, &info) != 0 || info.st_size <= 0)
        return;
    const QByteArray zeros(64 * 1024, '\0');
    for (off_t at = 0; at < info.st_size;) {
        const std::size_t n = std::size_t(std::min<off_t>(off_t(zeros.size()), info.st_size - at));
        const ssize_t written = ::pwrite(fd, zeros.constData(), n, at);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return;
        at += written;
    }
    static_cast<void>(::fdatasync(fd));
}
bool moveOver(const QString &from, const QString &to)
{
    // The replaced file stays open so that its blocks can be zeroed once the new one is in place
    // (best effort: without write access it is only unlinked). Zeroed only after the rename: a
    // crash before it leaves the old file whole, after it the new one.
    const int old = ::open(QFile::encodeName(to).constData(), O_WRONLY | O_CLOEXEC);
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0) {
        const int reason = errno;
        if (old >= 0)
            ::close(old);
        errno = reason;
        return false;
    }
    syncDirectoryOf(to);
    if (old >= 0) {
        zeroFile(old);
        ::close(old);
    }
    return true;
}
QString moveReason()
{
    return systemReason();
}
#endif

} // namespace

OwnerOnlyFile::~OwnerOnlyFile()
{
    discard();
}

Status OwnerOnlyFile::create(const QString &path, const QString &what)
{
    discard();
    m_path = path;
    m_what = what;
    m_failed = false;
    m_fd = openNew(path);
    if (m_fd < 0)
        return Error{ErrorCode::Io, QStringLiteral("cannot create %1 '%2': %3").arg(what, path, systemReason())};
    return {};
}

bool OwnerOnlyFile::write(QByteArrayView bytes)
{
    for (qsizetype done = 0; !m_failed && m_fd >= 0 && done < bytes.size();) {
        const auto n = writeSome(m_fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            m_failed = true;
        else
            done += n;
    }
    return !m_failed && m_fd >= 0;
}

Status OwnerOnlyFile::commit()
{
    if (m_fd < 0)
        return Error{ErrorCode::Io, QStringLiteral("cannot write %1 '%2': it is not open").arg(m_what, m_path)};
    const int fd = m_fd;
    m_fd = -1;
    const bool ok = syncAndClose(fd, m_path) && !m_failed;
    if (!ok) {
        const QString reason = systemReason();
        QFile::remove(m_path);
        return Error{ErrorCode::Io, QStringLiteral("cannot write %1 '%2': %3").arg(m_what, m_path, reason)};
    }
    m_path.clear();
    return {};
}

Status OwnerOnlyFile::replace(const QString &from, const QString &to)
{
    if (!moveOver(from, to))
        return Error{ErrorCode::Io, QStringLiteral("cannot replace '%1': %2").arg(to, moveReason())};
    return {};
}

void OwnerOnlyFile::syncFolderOf(const QString &path)
{
#if defined(Q_OS_WIN)
    Q_UNUSED(path)
#else
    syncDirectoryOf(path);
#endif
}

void OwnerOnlyFile::discard()
{
    if (m_fd < 0)
        return;
#if defined(Q_OS_WIN)
    ::_close(m_fd);
#else
    ::close(m_fd);
#endif
    m_fd = -1;
    QFile::remove(m_path);
}

} // namespace mado
