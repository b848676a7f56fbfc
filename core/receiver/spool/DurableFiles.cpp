#include "core/receiver/spool/DurableFiles.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace mado {

namespace {

Error ioError(const char *what, const QString &path)
{
    return Error{
        ErrorCode::Io,
        QStringLiteral("%1 %2: %3").arg(QLatin1String(what), path, QString::fromLocal8Bit(std::strerror(errno)))};
}

} // namespace

Status DurableFiles::writeNew(const QString &path, const QByteArray &bytes)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return ioError("cannot create", path);
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, std::size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const Error error = ioError("cannot write", path);
            ::close(fd);
            return error;
        }
        written += n;
    }
    if (::fsync(fd) != 0) {
        const Error error = ioError("cannot flush", path);
        ::close(fd);
        return error;
    }
    if (::close(fd) != 0)
        return ioError("cannot close", path);
    return {};
}

Status DurableFiles::syncDirectory(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return ioError("cannot open directory", path);
    const int rc = ::fsync(fd);
    const Error error = rc != 0 ? ioError("cannot flush directory", path) : Error{};
    ::close(fd);
    if (rc != 0)
        return error;
    return {};
}

Status DurableFiles::renameDurably(const QString &from, const QString &to)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return ioError("cannot rename to", to);
    return syncDirectory(QFileInfo(to).absolutePath());
}

void DurableFiles::removeTree(const QString &path)
{
    QDir(path).removeRecursively();
    static_cast<void>(syncDirectory(QFileInfo(path).absolutePath()));
}

} // namespace mado
