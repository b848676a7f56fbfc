#include "core/receiver/SecretFileCheck.h"

#include <QFile>
#include <QStringList>

#if defined(Q_OS_UNIX)
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace mado {

SecretFileCheck::Identity SecretFileCheck::current()
{
    Identity identity;
#if defined(Q_OS_UNIX)
    identity.uid = geteuid();
    identity.gid = getegid();
    identity.primaryGid = identity.gid;
    if (const passwd *user = getpwuid(geteuid()))
        identity.primaryGid = user->pw_gid;
    const group *entry = getgrgid(getegid());
    identity.groupName = entry ? QString::fromLocal8Bit(entry->gr_name) : QString::number(identity.gid);
#endif
    return identity;
}

Status SecretFileCheck::check(const char *key, const QString &path, const Identity &identity)
{
#if defined(Q_OS_UNIX)
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1: cannot read '%2'").arg(QLatin1String(key), path)};
    const bool ownGroup = info.st_gid == identity.gid || info.st_gid == identity.primaryGid;
    QStringList problems;
    if (info.st_uid != identity.uid && info.st_uid != 0)
        problems << QStringLiteral("it belongs to user %1, who could change it").arg(info.st_uid);
    if (info.st_mode & S_IRWXO)
        problems << QStringLiteral("every user may read or change it");
    if (info.st_mode & S_IWGRP)
        problems << QStringLiteral("its group may change it");
    if ((info.st_mode & S_IRGRP) && !ownGroup)
        problems << QStringLiteral("group %1, not the receiver's group %2, may read it")
                        .arg(info.st_gid)
                        .arg(identity.groupName);
    if (problems.isEmpty())
        return {};
    return Error{ErrorCode::InvalidArgument,
                 QStringLiteral("%1: '%2' is not kept secret (mode %3: %4); run: chmod 0640 %2; chown root:%5 %2")
                     .arg(QLatin1String(key), path,
                          QString::number(info.st_mode & 07777, 8).rightJustified(4, QLatin1Char('0')),
                          problems.join(QStringLiteral("; ")), identity.groupName)};
#else
    Q_UNUSED(key)
    Q_UNUSED(path)
    Q_UNUSED(identity)
    return {};
#endif
}

} // namespace mado
