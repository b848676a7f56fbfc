#include "core/receiver/api/WorkstationTokens.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>

namespace mado {

Result<WorkstationTokens> WorkstationTokens::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("workstation.tokens_file: cannot read '%1': %2").arg(path, file.errorString())};
    if (file.size() > 1024 * 1024)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("workstation.tokens_file: '%1' is too large").arg(path)};
    auto tokens = parse(file.readAll());
    if (!tokens)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("workstation.tokens_file '%1': %2").arg(path, tokens.error().message)};
    return tokens;
}

Result<WorkstationTokens> WorkstationTokens::parse(const QByteArray &text)
{
    static const QRegularExpression pattern(QStringLiteral("^([A-Za-z0-9_.-]{1,64}):([0-9A-Fa-f]{64})$"));
    WorkstationTokens tokens;
    int number = 0;
    for (const QByteArray &raw : text.split('\n')) {
        ++number;
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const auto match = pattern.match(line);
        // The line is not quoted back: it could be a token pasted by mistake.
        if (!match.hasMatch())
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("line %1 is not NAME:SHA256HEX (64 hex digits)").arg(number)};
        for (const Entry &entry : tokens.m_entries) {
            if (entry.name == match.captured(1))
                return Error{ErrorCode::InvalidArgument,
                             QStringLiteral("line %1 repeats the workstation name %2").arg(number).arg(entry.name)};
        }
        tokens.m_entries.push_back(Entry{match.captured(1), QByteArray::fromHex(match.captured(2).toLatin1())});
    }
    return tokens;
}

std::optional<QString> WorkstationTokens::authenticate(const QByteArray &token) const
{
    if (token.isEmpty())
        return std::nullopt;
    const QByteArray hash = QCryptographicHash::hash(token, QCryptographicHash::Sha256);
    std::optional<QString> found;
    // Every entry is compared, all bytes each, so the time does not depend on which one matches.
    for (const Entry &entry : m_entries) {
        volatile unsigned char diff = 0;
        for (int i = 0; i < 32; ++i)
            diff = diff | static_cast<unsigned char>(entry.hash.at(i) ^ hash.at(i));
        if (diff == 0)
            found = entry.name;
    }
    return found;
}

QByteArray WorkstationTokens::line(const QString &name, const QByteArray &token)
{
    return name.toUtf8() + ':' + QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

} // namespace mado
