#include "core/store/StoreKey.h"

#include "core/crypto/Keyring.h"
#include "core/store/Sql.h"

#include <QFileInfo>

namespace mado {

namespace {

// The sealed format's magic and version byte (SealStream) as SQL sees the start of a BLOB.
const QString kSealedPrefix = QStringLiteral("X'4D44475301'");

} // namespace

QString StoreKey::keyFileFor(const QString &storePath)
{
    const QString configured = qEnvironmentVariable("MADOGUCHI_STORE_KEY");
    return configured.isEmpty() ? storePath + QStringLiteral(".key") : configured;
}

Result<qint64> StoreKey::countImages(const QSqlDatabase &db, bool sealed)
{
    const QString condition = sealed ? QStringLiteral("substr(bytes, 1, 5) = %1").arg(kSealedPrefix)
                                     : QStringLiteral("length(bytes) > 0 AND substr(bytes, 1, 5) <> %1").arg(kSealedPrefix);
    auto count = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM images WHERE ") + condition);
    if (!count)
        return count.error();
    return count.value().toLongLong();
}

Result<std::shared_ptr<const Keyring>> StoreKey::open(const QString &storePath, const QSqlDatabase &db)
{
    const QString keyFile = keyFileFor(storePath);
    if (!QFileInfo::exists(keyFile)) {
        auto sealed = Sql::scalar(
            db, QStringLiteral("SELECT hex(substr(bytes, 6, 8)) FROM images WHERE substr(bytes, 1, 5) = %1 LIMIT 1")
                    .arg(kSealedPrefix));
        if (sealed)
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("the store's images are sealed with key %1, but its key file '%2' is missing: "
                                        "restore it from the key backup (or set MADOGUCHI_STORE_KEY to where it is); "
                                        "nothing was changed")
                             .arg(sealed.value().toString().toLower(), keyFile)};
        if (sealed.error().code != ErrorCode::NotFound)
            return sealed.error();
        auto created = DataKey::createFile(keyFile);
        if (!created)
            return created.error();
        return std::make_shared<const Keyring>(created.value());
    }
    auto key = DataKey::loadFile(keyFile, QStringLiteral("store key"));
    if (!key)
        return key.error();
    std::vector<DataKey> older;
    const QString next = keyFile + QStringLiteral(".new");
    if (QFileInfo::exists(next)) {
        auto pending = DataKey::loadFile(next, QStringLiteral("store key (rotation in progress)"));
        if (!pending)
            return pending.error();
        older.push_back(pending.value());
    }
    return std::make_shared<const Keyring>(key.value(), std::move(older));
}

} // namespace mado
