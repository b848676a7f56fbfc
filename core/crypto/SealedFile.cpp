#include "core/crypto/SealedFile.h"

#include "core/crypto/Keyring.h"
#include "core/crypto/SealStream.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sodium.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mado {

namespace {

Error ioError(const QString &what, const QString &path)
{
    return Error{ErrorCode::Io,
                 QStringLiteral("cannot %1 '%2': %3").arg(what, path, QString::fromLocal8Bit(std::strerror(errno)))};
}

bool writeAll(int fd, const QByteArray &bytes)
{
    for (qsizetype done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.constData() + done, std::size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

void syncDirectoryOf(const QString &path)
{
    const int dir = ::open(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), O_RDONLY | O_CLOEXEC);
    if (dir >= 0) {
        static_cast<void>(::fsync(dir));
        ::close(dir);
    }
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), std::size_t(bytes.size()));
}

// Overwrites the whole file behind fd with zeros, in place, and syncs it: the blocks of a file
// that was replaced no longer hold what it held (on file systems that overwrite in place: ext4,
// XFS; not on copy-on-write ones or below an SSD's translation layer, docs/security.md).
void zeroFile(int fd)
{
    struct stat info {};
    if (::fstat(fd, &info) != 0 || info.st_size <= 0)
        return;
    const QByteArray zeros(SealingStream::kChunkBytes, '\0');
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

} // namespace

Status SealedFile::write(const QString &path, QByteArrayView plain, const Keyring &keyring)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return ioError(QStringLiteral("create"), path);
    SealingStream stream(keyring.current());
    bool ok = true;
    for (qsizetype at = 0; ok && at < plain.size(); at += SealingStream::kChunkBytes)
        ok = writeAll(fd, stream.push(plain.sliced(at, std::min<qsizetype>(SealingStream::kChunkBytes, plain.size() - at))));
    ok = ok && writeAll(fd, stream.finish()) && ::fsync(fd) == 0;
    const Error failure = ok ? Error{} : ioError(QStringLiteral("write"), path);
    ::close(fd);
    if (!ok) {
        QFile::remove(path);
        return failure;
    }
    return {};
}

Result<QByteArray> SealedFile::read(const QString &path, const Keyring *keyring, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot read '%1'").arg(path)};
    if (file.size() > maxBytes)
        return Error{ErrorCode::Io, QStringLiteral("'%1' is larger than %2 bytes").arg(path).arg(maxBytes)};
    const QByteArray head = file.peek(SealingStream::kHeaderBytes);
    if (!Keyring::isSealed(head))
        return file.readAll();
    if (!keyring)
        return Error{ErrorCode::NotFound,
                     QStringLiteral("'%1' is sealed with key %2, and no key is loaded")
                         .arg(path, DataKey::idHex(*Keyring::keyIdOf(head)))};
    OpeningStream stream(*keyring);
    QByteArray plain;
    plain.reserve(file.size());
    QByteArray chunk;
    while (!(chunk = file.read(4 * SealingStream::kChunkBytes)).isEmpty()) {
        if (Status opened = stream.push(chunk, plain); !opened) {
            wipe(plain);
            return Error{opened.error().code, QStringLiteral("'%1': %2").arg(path, opened.error().message)};
        }
    }
    if (file.error() != QFileDevice::NoError) {
        wipe(plain);
        return Error{ErrorCode::Io, QStringLiteral("cannot read '%1'").arg(path)};
    }
    if (Status finished = stream.finish(plain); !finished) {
        wipe(plain);
        return Error{finished.error().code, QStringLiteral("'%1': %2").arg(path, finished.error().message)};
    }
    return plain;
}

Result<std::optional<DataKey::Id>> SealedFile::keyIdOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot read '%1'").arg(path)};
    return Keyring::keyIdOf(file.read(SealingStream::kPrefixBytes));
}

Result<bool> SealedFile::reseal(const QString &path, const Keyring &keyring)
{
    const auto id = keyIdOf(path);
    if (!id)
        return id.error();
    if (id.value() && *id.value() == keyring.current().id())
        return false;
    auto plain = read(path, &keyring);
    if (!plain)
        return plain.error();
    const QFileInfo info(path);
    const QString temporary = info.absolutePath() + QLatin1Char('/') + QLatin1String(kTemporaryPrefix) + info.fileName();
    QFile::remove(temporary);
    Status written = write(temporary, plain.value(), keyring);
    wipe(plain.value());
    if (!written)
        return written.error();
    // The replaced file stays open so that its blocks can be zeroed once the new one is in place
    // (best effort: without write access it is only unlinked). Zeroed only after the rename: a
    // crash before it leaves the old file whole, after it the new one.
    const int old = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CLOEXEC);
    if (::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) != 0) {
        const Error failure = ioError(QStringLiteral("replace"), path);
        if (old >= 0)
            ::close(old);
        QFile::remove(temporary);
        return failure;
    }
    syncDirectoryOf(path);
    if (old >= 0) {
        zeroFile(old);
        ::close(old);
    }
    return true;
}

int SealedFile::removeLeftovers(const QString &directory)
{
    const QDir dir(directory);
    int removed = 0;
    const auto names = dir.entryList({QLatin1String(kTemporaryPrefix) + QLatin1Char('*')}, QDir::Files | QDir::Hidden);
    for (const QString &name : names)
        removed += QFile::remove(dir.filePath(name)) ? 1 : 0;
    if (removed > 0)
        syncDirectoryOf(dir.filePath(QStringLiteral(".")));
    return removed;
}

} // namespace mado
