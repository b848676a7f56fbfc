#include "core/store/StoreKey.h"

#include "core/crypto/Keyring.h"
#include "core/store/Sql.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace mado {

namespace {

// The sealed format's magic and version byte (SealStream) as SQL sees the start of a BLOB.
QString sealedPrefix(const QSqlDatabase &db)
{
    return Sql::isPostgresql(db) ? QStringLiteral("'\\x4d44475301'::bytea") : QStringLiteral("X'4D44475301'");
}

// SQL for the first `length` bytes from `start` (1-based) of the images' bytes.
QString bytesPart(const QSqlDatabase &db, int start, int length)
{
    return Sql::isPostgresql(db) ? QStringLiteral("substring(bytes from %1 for %2)").arg(start).arg(length)
                                 : QStringLiteral("substr(bytes, %1, %2)").arg(start).arg(length);
}

} // namespace

QString StoreKey::keyFileFor(const StoreAddress &address)
{
    const QString configured = qEnvironmentVariable("MADOGUCHI_STORE_KEY");
    if (!configured.isEmpty())
        return configured;
    if (!address.isPostgresql())
        return address.path() + QStringLiteral(".key");
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/madoguchi/keys/") +
           address.localName() + QStringLiteral(".key");
}

QString StoreKey::keyFileFor(const QString &store)
{
    auto address = StoreAddress::parse(store);
    if (!address)
        return store + QStringLiteral(".key");
    return keyFileFor(address.value());
}

Result<qint64> StoreKey::countImages(const QSqlDatabase &db, bool sealed)
{
    const QString prefix = bytesPart(db, 1, 5) + QStringLiteral(" = ") + sealedPrefix(db);
    const QString condition = sealed ? prefix : QStringLiteral("length(bytes) > 0 AND NOT (%1)").arg(prefix);
    auto count = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM images WHERE ") + condition);
    if (!count)
        return count.error();
    return count.value().toLongLong();
}

Result<std::shared_ptr<const Keyring>> StoreKey::open(const StoreAddress &address, const QSqlDatabase &db)
{
    const QString keyFile = keyFileFor(address);
    if (!QFileInfo::exists(keyFile)) {
        const QString keyId = Sql::isPostgresql(db) ? QStringLiteral("encode(%1, 'hex')").arg(bytesPart(db, 6, 8))
                                                    : QStringLiteral("hex(%1)").arg(bytesPart(db, 6, 8));
        auto sealed = Sql::scalar(db, QStringLiteral("SELECT %1 FROM images WHERE %2 = %3 LIMIT 1")
                                          .arg(keyId, bytesPart(db, 1, 5), sealedPrefix(db)));
        if (sealed)
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("the store's images are sealed with key %1, but its key file '%2' is missing: "
                                        "restore it from the key backup (or set MADOGUCHI_STORE_KEY to where it is); "
                                        "nothing was changed")
                             .arg(sealed.value().toString().toLower(), keyFile)};
        if (sealed.error().code != ErrorCode::NotFound)
            return sealed.error();
        QDir().mkpath(QFileInfo(keyFile).absolutePath()); // a PostgreSQL store's key folder
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
