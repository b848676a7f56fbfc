#include "core/crypto/KeyFileCheck.h"

#include <QFile>
#include <QStringList>

#if defined(Q_OS_WIN)
#include "core/crypto/WindowsFileAccess.h"

#include <QFileInfo>
#endif
#if defined(Q_OS_UNIX)
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace mado {

KeyFileCheck::Identity KeyFileCheck::current()
{
    Identity identity;
#if defined(Q_OS_UNIX)
    identity.uid = geteuid();
    identity.gid = getegid();
    identity.primaryGid = identity.gid;
    identity.userName = QString::number(identity.uid);
    if (const passwd *user = getpwuid(geteuid())) {
        identity.primaryGid = user->pw_gid;
        identity.userName = QString::fromLocal8Bit(user->pw_name);
    }
    const group *entry = getgrgid(getegid());
    identity.groupName = entry ? QString::fromLocal8Bit(entry->gr_name) : QString::number(identity.gid);
#endif
    return identity;
}

Status KeyFileCheck::check(const QString &setting, const QString &path, const Identity &identity)
{
#if defined(Q_OS_UNIX)
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1: cannot read '%2'").arg(setting, path)};
    if (!S_ISREG(info.st_mode))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1: '%2' is not a regular file").arg(setting, path)};
    const bool ownGroup = info.st_gid == identity.gid || info.st_gid == identity.primaryGid;
    QStringList problems;
    if (info.st_uid != identity.uid && info.st_uid != 0)
        problems << QStringLiteral("it belongs to user %1, who could change it").arg(info.st_uid);
    if (info.st_mode & S_IRWXO)
        problems << QStringLiteral("every user may read or change it");
    if (info.st_mode & S_IWGRP)
        problems << QStringLiteral("its group may change it");
    if ((info.st_mode & S_IRGRP) && !ownGroup)
        problems << QStringLiteral("group %1, not the group %2, may read it").arg(info.st_gid).arg(identity.groupName);
    if (problems.isEmpty())
        return {};
    return Error{ErrorCode::InvalidArgument,
                 QStringLiteral("%1: '%2' is not kept secret (mode %3: %4); run: chmod 0600 %2; chown %5 %2 "
                                "(or, for a file root installs: chmod 0640 %2; chown root:%6 %2)")
                     .arg(setting, path, QString::number(info.st_mode & 07777, 8).rightJustified(4, QLatin1Char('0')),
                          problems.join(QStringLiteral("; ")), identity.userName, identity.groupName)};
#elif defined(Q_OS_WIN)
    Q_UNUSED(identity)
    if (!QFileInfo(path).isFile())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1: '%2' is not a regular file").arg(setting, path)};
    auto others = WindowsFileAccess::othersWithAccess(path);
    if (!others)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1: %2").arg(setting, others.error().message)};
    if (others.value().isEmpty())
        return {};
    return Error{
        ErrorCode::InvalidArgument,
        QStringLiteral("%1: '%2' is not kept secret (%3 may read or change it); run: %4 "
                       "and remove the other accounts' own entries (icacls \"%2\" /remove NAME)")
            .arg(setting, path, others.value().join(QStringLiteral(", ")), WindowsFileAccess::fixCommand(path))};
#else
    Q_UNUSED(setting)
    Q_UNUSED(path)
    Q_UNUSED(identity)
    return {};
#endif
}

} // namespace mado
