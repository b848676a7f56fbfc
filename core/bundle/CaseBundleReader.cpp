#include "core/bundle/CaseBundleReader.h"

#include "core/bundle/CanonicalManifest.h"
#include "core/domain/BundleFileNames.h"
#include "core/image/ImageProbe.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace mado {

namespace {

Error invalid(const QString &field, const QString &message)
{
    return Error{ErrorCode::BundleInvalid, QStringLiteral("%1: %2").arg(field, message)};
}

// The file's bytes when their SHA-256 is the one the manifest declares.
Result<QByteArray> readDeclared(const QFileInfo &info, const QString &sha256, const QString &field)
{
    QFile file(info.filePath());
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("%1: cannot be read").arg(field)};
    QByteArray bytes = file.readAll();
    if (QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()) != sha256)
        return invalid(field + QStringLiteral("/sha256"), QStringLiteral("does not match the file"));
    return bytes;
}

} // namespace

Result<CaseBundleReader> CaseBundleReader::create(ImageLimits limits)
{
    auto schema = JsonSchema::loadResource(schemaResource());
    if (!schema)
        return schema.error();
    return CaseBundleReader(std::move(schema).value(), limits);
}

Result<CaseBundle> CaseBundleReader::read(const QString &directory) const
{
    const QDir dir(directory);
    if (!dir.exists())
        return Error{ErrorCode::Io, QStringLiteral("bundle directory %1 does not exist").arg(directory)};
    QFile manifestFile(dir.filePath(QLatin1String(bundle_files::kManifest)));
    if (!manifestFile.exists())
        return invalid(QLatin1String(bundle_files::kManifest), QStringLiteral("is missing"));
    if (manifestFile.size() > kMaxManifestBytes)
        return invalid(QLatin1String(bundle_files::kManifest),
                       QStringLiteral("is larger than %1 bytes").arg(kMaxManifestBytes));
    if (!manifestFile.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("%1 cannot be read: %2")
                                        .arg(QLatin1String(bundle_files::kManifest), manifestFile.errorString())};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(manifestFile.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(
            QLatin1String(bundle_files::kManifest),
            QStringLiteral("is not valid JSON (%1 at offset %2)").arg(parseError.errorString()).arg(parseError.offset));
    if (auto violation = m_schema.validate(document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array())))
        return invalid(violation->path, violation->message);

    CaseBundle bundle = CaseBundle::fromJson(document.object());
    const Status consistent = checkConsistency(bundle);
    if (!consistent)
        return consistent.error();

    Status image = checkImage(directory, bundle.documentFront, QStringLiteral("/document/front"));
    if (image && bundle.documentTilted)
        image = checkImage(directory, *bundle.documentTilted, QStringLiteral("/document/tilted"));
    for (std::size_t i = 0; image && i < bundle.frames.size(); ++i)
        image = checkImage(directory, bundle.frames[i].image, QStringLiteral("/selfie/frames/%1/image").arg(i));
    if (!image)
        return image.error();
    if (bundle.signature) {
        if (Status signature = readSignature(directory, document.object(), *bundle.signature); !signature)
            return signature.error();
    }
    return bundle;
}

Status CaseBundleReader::checkConsistency(const CaseBundle &bundle)
{
    const Challenge &challenge = bundle.challenge;
    if (challenge.expiresAt <= challenge.issuedAt)
        return invalid(QStringLiteral("/challenge/expiresAt"), QStringLiteral("must be after issuedAt"));
    for (std::size_t i = 1; i < challenge.directions.size(); ++i) {
        if (challenge.directions[i] == challenge.directions[i - 1])
            return invalid(QStringLiteral("/challenge/directions/%1").arg(i),
                           QStringLiteral("repeats the previous direction"));
    }
    if (bundle.frames.size() != challenge.directions.size() + 1)
        return invalid(QStringLiteral("/selfie/frames"), QStringLiteral("must hold a frontal frame and one frame per step"));
    if (bundle.frames.front().step != Direction::Front)
        return invalid(QStringLiteral("/selfie/frames/0/step"), QStringLiteral("must be front"));
    for (std::size_t i = 1; i < bundle.frames.size(); ++i) {
        if (bundle.frames[i].step != challenge.directions[i - 1])
            return invalid(QStringLiteral("/selfie/frames/%1/step").arg(i),
                           QStringLiteral("must be %1, the challenge's step %2")
                               .arg(directionName(challenge.directions[i - 1]))
                               .arg(i));
        if (bundle.frames[i].capturedAt < bundle.frames[i - 1].capturedAt)
            return invalid(QStringLiteral("/selfie/frames/%1/capturedAt").arg(i),
                           QStringLiteral("is earlier than the previous frame"));
    }
    if (bundle.applicant.dateOfBirth > bundle.receivedAt.date())
        return invalid(QStringLiteral("/applicant/dateOfBirth"), QStringLiteral("is in the future"));
    return {};
}

Status CaseBundleReader::readSignature(const QString &directory, const QJsonObject &manifest,
                                       BundleSignature &signature)
{
    const QString field = QStringLiteral("/signature");
    const QFileInfo info(QDir(directory).filePath(signature.file));
    if (info.isSymLink() || !info.isFile())
        return invalid(field + QStringLiteral("/file"), QStringLiteral("names no file in the bundle"));
    if (info.size() > kMaxSignatureBytes)
        return invalid(field + QStringLiteral("/file"), QStringLiteral("is larger than %1 bytes").arg(kMaxSignatureBytes));
    auto bytes = readDeclared(info, signature.sha256, field);
    if (!bytes)
        return bytes.error();
    auto canonical = CanonicalManifest::bytes(manifest);
    if (!canonical)
        return canonical.error();
    // Whatever a manifest says inline, the reader takes the file and computes the signed bytes.
    signature.cms = bytes.value();
    signature.signedManifest = canonical.value();
    return {};
}

Status CaseBundleReader::checkImage(const QString &directory, const BundleImage &image, const QString &field) const
{
    const QFileInfo info(QDir(directory).filePath(image.file));
    if (info.isSymLink() || !info.isFile())
        return invalid(field + QStringLiteral("/file"), QStringLiteral("names no file in the bundle"));
    if (info.size() > m_limits.maxBytes)
        return Error{ErrorCode::ImageTooLarge, QStringLiteral("%1: the file has %2 bytes, the limit is %3")
                                                   .arg(field)
                                                   .arg(info.size())
                                                   .arg(m_limits.maxBytes)};
    auto bytes = readDeclared(info, image.sha256, field);
    if (!bytes)
        return bytes.error();
    auto probed = ImageProbe::probeWithin(bytes.value(), m_limits);
    if (!probed)
        return Error{probed.error().code, QStringLiteral("%1: %2").arg(field, probed.error().message)};
    return {};
}

} // namespace mado
