#include "core/store/StoreRekey.h"

#include "core/crypto/Keyring.h"
#include "core/crypto/OwnerOnlyFile.h"
#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/StoreKey.h"

#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <vector>

namespace mado {

Result<StoreRekey::Counts> StoreRekey::run(CaseStore &store, const QString &storePath, qint64 limit)
{
    const QString keyFile = StoreKey::keyFileFor(storePath);
    const QString nextFile = StoreKey::nextKeyFileFor(storePath);
    auto next = QFileInfo::exists(nextFile) ? DataKey::loadFile(nextFile, QStringLiteral("store key (rotation)"))
                                            : DataKey::createFile(nextFile);
    if (!next)
        return next.error();
    std::vector<DataKey> older = store.keyring().keys();
    const Keyring keyring(next.value(), std::move(older));

    auto db = store.connections().database();
    if (!db)
        return db.error();
    auto ids = Sql::run(db.value(), QStringLiteral("SELECT id FROM images WHERE length(bytes) > 0 ORDER BY id"));
    if (!ids)
        return ids.error();
    std::vector<qint64> imageIds;
    while (ids.value().next())
        imageIds.push_back(ids.value().value(0).toLongLong());
    ids.value().finish();

    Counts counts;
    counts.keyId = next.value().idHex();
    for (const qint64 id : imageIds) {
        auto bytes = Sql::scalar(db.value(), QStringLiteral("SELECT bytes FROM images WHERE id = :i"),
                                 {{QStringLiteral("i"), id}});
        if (!bytes)
            return bytes.error();
        const QByteArray stored = bytes.value().toByteArray();
        if (stored.isEmpty())
            continue; // purged by retention meanwhile
        const auto keyId = Keyring::keyIdOf(stored);
        if (keyId && *keyId == next.value().id()) {
            ++counts.current;
            continue;
        }
        if (counts.resealed >= limit)
            return counts;
        const auto plain = keyId ? keyring.open(stored) : Result<QByteArray>(stored);
        if (!plain)
            return Error{plain.error().code, QStringLiteral("image %1: %2").arg(id).arg(plain.error().message)};
        // One statement, its own transaction: the image is whole under one key or the other.
        auto updated = Sql::run(db.value(), QStringLiteral("UPDATE images SET bytes = :new WHERE id = :i AND bytes = :old"),
                                {{QStringLiteral("new"), keyring.seal(plain.value())},
                                 {QStringLiteral("i"), id},
                                 {QStringLiteral("old"), stored}});
        if (!updated)
            return updated.error();
        ++counts.resealed;
    }
    // Every image is under the next key: it becomes the key.
#if defined(Q_OS_WIN)
    // The C library's rename does not replace an existing file on Windows; MoveFileEx does.
    if (Status moved = OwnerOnlyFile::replace(nextFile, keyFile); !moved)
        return Error{ErrorCode::Io, QStringLiteral("cannot rename '%1' to '%2'").arg(nextFile, keyFile)};
#else
    if (std::rename(QFile::encodeName(nextFile).constData(), QFile::encodeName(keyFile).constData()) != 0)
        return Error{ErrorCode::Io, QStringLiteral("cannot rename '%1' to '%2'").arg(nextFile, keyFile)};
#endif
    counts.finished = true;
    // No old sealed (or plain) image bytes left in the log.
    auto checkpoint = Sql::run(db.value(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    if (!checkpoint)
        return checkpoint.error();
    return counts;
}

} // namespace mado
