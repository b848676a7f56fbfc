#include "core/bundle/BundleTransfer.h"

#include "core/domain/BundleFileNames.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace mado {

namespace {

Error invalid(const QString &message)
{
    return Error{ErrorCode::BundleInvalid, message};
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

QJsonObject BundleTransfer::pack(const std::vector<std::pair<QString, QByteArray>> &files)
{
    QJsonArray list;
    for (const auto &[name, bytes] : files)
        list.append(QJsonObject{{QStringLiteral("name"), name},
                                {QStringLiteral("sha256"), sha256(bytes)},
                                {QStringLiteral("base64"), QString::fromLatin1(bytes.toBase64())}});
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("madoguchi-bundle-transfer")},
                       {QStringLiteral("version"), 1},
                       {QStringLiteral("files"), list}};
}

Status BundleTransfer::unpack(const QByteArray &transferJson, const QString &directory)
{
    static const QRegularExpression namePattern(
        QStringLiteral("^(%1|%2|[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}\\.(jpg|png))$")
            .arg(QRegularExpression::escape(QLatin1String(bundle_files::kManifest)),
                 QRegularExpression::escape(QLatin1String(bundle_files::kSignature))));
    const QJsonObject transfer = QJsonDocument::fromJson(transferJson).object();
    if (transfer.value(QStringLiteral("format")).toString() != QLatin1String("madoguchi-bundle-transfer") ||
        transfer.value(QStringLiteral("version")).toInt() != 1 || !transfer.value(QStringLiteral("files")).isArray())
        return invalid(QStringLiteral("not a madoguchi bundle transfer (version 1)"));
    if (!QDir().mkpath(directory))
        return Error{ErrorCode::Io, QStringLiteral("cannot create %1").arg(directory)};
    QSet<QString> seen;
    for (const QJsonValue &value : transfer.value(QStringLiteral("files")).toArray()) {
        const QString name = value[QStringLiteral("name")].toString();
        if (!namePattern.match(name).hasMatch() || seen.contains(name))
            return invalid(QStringLiteral("a file name is invalid or repeated"));
        seen.insert(name);
        const auto decoded = QByteArray::fromBase64Encoding(value[QStringLiteral("base64")].toString().toLatin1(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return invalid(QStringLiteral("%1: invalid Base64").arg(name));
        if (sha256(*decoded) != value[QStringLiteral("sha256")].toString())
            return invalid(QStringLiteral("%1: SHA-256 does not match").arg(name));
        QFile file(QDir(directory).filePath(name));
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) || file.write(*decoded) != (*decoded).size())
            return Error{ErrorCode::Io, QStringLiteral("cannot write %1").arg(file.fileName())};
    }
    if (!seen.contains(QLatin1String(bundle_files::kManifest)))
        return invalid(QStringLiteral("the transfer has no %1").arg(QLatin1String(bundle_files::kManifest)));
    return {};
}

} // namespace mado
