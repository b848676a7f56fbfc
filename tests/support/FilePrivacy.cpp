#include "tests/support/FilePrivacy.h"

#if defined(Q_OS_WIN)
#include "core/crypto/WindowsFileAccess.h"

#include <windows.h>

#include <aclapi.h>
#include <sddl.h>
#endif

#include <QDir>
#include <QFile>
#include <QStringList>

#include <string>

namespace mado {

QString othersWhoMayRead(const QString &path)
{
#if defined(Q_OS_WIN)
    const auto others = WindowsFileAccess::othersWithAccess(path);
    if (!others)
        return QStringLiteral("(access list unreadable: %1)").arg(others.error().message);
    return others.value().join(QStringLiteral(", "));
#else
    if (!QFile::exists(path))
        return QStringLiteral("(no such file: %1)").arg(path);
    const QFileDevice::Permissions permissions = QFile::permissions(path);
    QStringList who;
    if (permissions & QFileDevice::ReadGroup)
        who << QStringLiteral("group");
    if (permissions & QFileDevice::ReadOther)
        who << QStringLiteral("others");
    return who.join(QStringLiteral(", "));
#endif
}

namespace {

#if defined(Q_OS_WIN)
// Replaces the file's access list with a protected one (nothing inherited from its folder) written in
// SDDL: full access (FA) for the current user, plus read (FR) for Everyone (WD) when asked.
bool setAccessList(const QString &path, bool everyoneMayRead)
{
    const QString user = WindowsFileAccess::currentUserSid();
    if (user.isEmpty())
        return false;
    QString sddl = QStringLiteral("D:P(A;;FA;;;%1)").arg(user);
    if (everyoneMayRead)
        sddl += QStringLiteral("(A;;FR;;;WD)");
    PSECURITY_DESCRIPTOR descriptor = nullptr;
    if (!::ConvertStringSecurityDescriptorToSecurityDescriptorW(reinterpret_cast<const wchar_t *>(sddl.utf16()),
                                                                SDDL_REVISION_1, &descriptor, nullptr))
        return false;
    BOOL present = FALSE;
    BOOL defaulted = FALSE;
    PACL dacl = nullptr;
    bool ok = ::GetSecurityDescriptorDacl(descriptor, &present, &dacl, &defaulted) && present;
    if (ok) {
        std::wstring name = QDir::toNativeSeparators(path).toStdWString();
        ok = ::SetNamedSecurityInfoW(name.data(), SE_FILE_OBJECT,
                                     DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION, nullptr, nullptr,
                                     dacl, nullptr) == ERROR_SUCCESS;
    }
    ::LocalFree(descriptor);
    return ok;
}
#endif

} // namespace

bool makeFilePrivate(const QString &path)
{
#if defined(Q_OS_WIN)
    return setAccessList(path, false);
#else
    return QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
#endif
}

bool exposeFileToEveryone(const QString &path)
{
#if defined(Q_OS_WIN)
    return setAccessList(path, true);
#else
    return QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                           QFileDevice::ReadOther);
#endif
}

} // namespace mado
