#include "tests/support/FilePrivacy.h"

#if defined(Q_OS_WIN)
#include "core/crypto/WindowsFileAccess.h"
#endif

#include <QFile>
#include <QStringList>

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

} // namespace mado
