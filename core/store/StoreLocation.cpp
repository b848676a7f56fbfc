#include "core/store/StoreLocation.h"

#include "core/store/StoreAddress.h"

#include <QFileInfo>
#include <QStandardPaths>

namespace mado {

QString StoreLocation::resolve(const QString &commandLinePath)
{
    if (!commandLinePath.isEmpty())
        return commandLinePath;
    const QString fromEnvironment = qEnvironmentVariable("MADOGUCHI_STORE");
    return fromEnvironment.isEmpty() ? defaultPath() : fromEnvironment;
}

QString StoreLocation::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/madoguchi/store.sqlite");
}

Status StoreLocation::requireExisting(const QString &path)
{
    auto address = StoreAddress::parse(path);
    if (!address)
        return address.error();
    if (address.value().isPostgresql()) // the server answers when connecting
        return {};
    if (QFileInfo(address.value().path()).isFile())
        return {};
    return Error{ErrorCode::NotFound,
                 QStringLiteral("no case store at %1 (create one with: madoguchi-cli init --store FILE)").arg(path)};
}

} // namespace mado
