#include "core/station/ReceiverTokenFile.h"

#include <QFile>
#include <QFileInfo>

#if defined(Q_OS_WIN)
#include "core/crypto/WindowsFileAccess.h"
#endif

namespace mado {

Result<ReceiverTokenFile::Token> ReceiverTokenFile::read(const QString &path)
{
    if (path.isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("no token file given")};
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot read the token file %1").arg(path)};
    // One byte more than allowed tells "too large" apart from "exactly the limit".
    Token token;
    token.value = file.read(kMaxBytes + 1).trimmed();
    if (token.value.isEmpty() || token.value.size() > kMaxBytes)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("the token file %1 is empty or larger than %2 bytes").arg(path).arg(kMaxBytes)};
#if defined(Q_OS_WIN)
    // Qt's permission bits say nothing about a Windows file's access list; read the list.
    const auto others = WindowsFileAccess::othersWithAccess(path);
    if (!others || !others.value().isEmpty())
        token.warning = QStringLiteral("other users can read the token file %1 (%2)")
                            .arg(path, WindowsFileAccess::fixCommand(path));
#else
    if (QFileInfo(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
        token.warning = QStringLiteral("other users can read the token file %1 (chmod 600)").arg(path);
#endif
    return token;
}

} // namespace mado
