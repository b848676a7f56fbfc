#include "core/store/StoreLocation.h"

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
    if (QFileInfo(path).isFile())
        return {};
    return Error{ErrorCode::NotFound,
                 QStringLiteral("no case store at %1 (create one with: madoguchi-cli init --store FILE)").arg(path)};
}

} // namespace mado
