#include "core/face/BlasInfo.h"

#include <QFileInfo>

#include <link.h>

#include <cstring>

namespace mado {

namespace {

int findBlas(dl_phdr_info *info, size_t, void *data)
{
    if (info->dlpi_name && std::strstr(info->dlpi_name, "blas")) {
        *static_cast<QString *>(data) = QString::fromLocal8Bit(info->dlpi_name);
        return 1;
    }
    return 0;
}

} // namespace

QString BlasInfo::loadedLibrary()
{
    QString name;
    dl_iterate_phdr(findBlas, &name);
    if (name.isEmpty())
        return {};
    const QString resolved = QFileInfo(name).canonicalFilePath();
    return resolved.isEmpty() ? name : resolved;
}

bool BlasInfo::isOpenBlas()
{
    return loadedLibrary().contains(QLatin1String("openblas"), Qt::CaseInsensitive);
}

} // namespace mado
