#include "core/crypto/SealedFile.h"

#include "core/crypto/Keyring.h"
#include "core/crypto/OwnerOnlyFile.h"
#include "core/crypto/SealStream.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sodium.h>

#include <algorithm>

namespace mado {

namespace {

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), std::size_t(bytes.size()));
}

} // namespace

Status SealedFile::write(const QString &path, QByteArrayView plain, const Keyring &keyring)
{
    OwnerOnlyFile file;
    if (Status created = file.create(path, QStringLiteral("sealed file")); !created)
        return created;
    SealingStream stream(keyring.current());
    bool ok = true;
    for (qsizetype at = 0; ok && at < plain.size(); at += SealingStream::kChunkBytes)
        ok = file.write(stream.push(plain.sliced(at, std::min<qsizetype>(SealingStream::kChunkBytes, plain.size() - at))));
    if (ok)
        file.write(stream.finish());
    return file.commit();
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
    if (Status replaced = OwnerOnlyFile::replace(temporary, path); !replaced) {
        QFile::remove(temporary);
        return replaced.error();
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
        OwnerOnlyFile::syncFolderOf(dir.filePath(QStringLiteral(".")));
    return removed;
}

} // namespace mado
