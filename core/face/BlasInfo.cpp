#include "core/face/BlasInfo.h"

#include <QFileInfo>

#if defined(Q_OS_WIN)
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
// Version 2: EnumProcessModules is kernel32's K32EnumProcessModules (Windows 7 and later), no psapi.dll.
#define PSAPI_VERSION 2
#include <psapi.h>

#include <algorithm>
#include <vector>
#else
#include <link.h>

#include <cstring>
#endif

namespace mado {

namespace {

#if defined(Q_OS_WIN)
// The first module (DLL) of this process whose file name contains "blas".
QString findBlas()
{
    std::vector<HMODULE> modules(256);
    DWORD needed = 0;
    const HANDLE self = ::GetCurrentProcess();
    if (!::EnumProcessModules(self, modules.data(), DWORD(modules.size() * sizeof(HMODULE)), &needed))
        return {};
    modules.resize(std::min<std::size_t>(modules.size(), needed / sizeof(HMODULE)));
    for (const HMODULE module : modules) {
        wchar_t path[MAX_PATH];
        const DWORD length = ::GetModuleFileNameW(module, path, MAX_PATH);
        const QString name = QString::fromWCharArray(path, int(length));
        if (length > 0 && QFileInfo(name).fileName().contains(QLatin1String("blas"), Qt::CaseInsensitive))
            return name;
    }
    return {};
}
#else
int findBlasObject(dl_phdr_info *info, size_t, void *data)
{
    if (info->dlpi_name && std::strstr(info->dlpi_name, "blas")) {
        *static_cast<QString *>(data) = QString::fromLocal8Bit(info->dlpi_name);
        return 1;
    }
    return 0;
}
QString findBlas()
{
    QString name;
    dl_iterate_phdr(findBlasObject, &name);
    return name;
}
#endif

} // namespace

QString BlasInfo::loadedLibrary()
{
    const QString name = findBlas();
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
