#include "core/receiver/api/ApplicationIntake.h"

#include "core/crypto/Keyring.h"
#include "core/crypto/SealStream.h"
#include "core/crypto/SealedFile.h"
#include "core/bundle/CaseBundleReader.h"
#include "core/receiver/spool/ChallengeStore.h"
#include "core/receiver/IntakeLog.h"
#include "core/receiver/api/UploadedImage.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace mado {

namespace {

// A valid placeholder for the schema check; store() sets the real reference.
const QString kPendingReference = QStringLiteral("MDG-0000-00000-0");

ApiError fromBundleError(const Error &error)
{
    const qsizetype colon = error.message.indexOf(QStringLiteral(": "));
    const QString pointer = colon > 0 ? error.message.left(colon) : QString();
    const QString reason = colon > 0 ? error.message.mid(colon + 2) : error.message;
    return ApiError{400, QStringLiteral("invalid_field"), reason, ApplicationIntake::fieldOfPointer(pointer)};
}

} // namespace

QString ApplicationIntake::fieldOfPointer(const QString &pointer)
{
    static const QRegularExpression frame(QStringLiteral("^/selfie/frames/(\\d)/capturedAt"));
    if (const auto match = frame.match(pointer); match.hasMatch())
        return QStringLiteral("frame%1_capturedAt").arg(match.captured(1));
    if (pointer.startsWith(QLatin1String("/document/type")))
        return QStringLiteral("documentType");
    if (pointer.startsWith(QLatin1String("/challenge")))
        return QStringLiteral("challenge");
    if (pointer.startsWith(QLatin1String("/applicant/")))
        return pointer.section(QLatin1Char('/'), -1);
    return QString();
}

Result<std::optional<StoredApplication>> ApplicationIntake::stored(const QString &userId,
                                                                   const QString &idempotencyKey) const
{
    return m_applications.findByIdempotencyKey(userId, idempotencyKey);
}

std::optional<ApiError> ApplicationIntake::checkChallenge(const QString &nonce, const QString &userId,
                                                          const QDateTime &now) const
{
    const QDateTime at = now.toUTC();
    if (const auto challenge = m_challenges.usable(nonce, userId, at); !challenge)
        return ApiError::fromError(challenge.error(), QStringLiteral("challenge"));
    return std::nullopt;
}

Result<QString> ApplicationIntake::createStaging(const QString &applicationId) const
{
    return m_applications.createStaging(applicationId);
}

ApplicationIntake::Outcome ApplicationIntake::submit(const QString &userId, const QString &idempotencyKey,
                                                     const QString &applicationId, const Submission &submission,
                                                     const QDateTime &now)
{
    const auto existing = m_applications.findByIdempotencyKey(userId, idempotencyKey);
    if (!existing)
        return ApiError::fromError(existing.error());
    if (existing.value())
        return *existing.value();

    const QDateTime receivedAt = now.toUTC();
    const auto challenge = m_challenges.usable(submission.challengeNonce, userId, receivedAt);
    if (!challenge)
        return ApiError::fromError(challenge.error(), QStringLiteral("challenge"));

    CaseBundle manifest;
    manifest.applicationId = applicationId;
    manifest.reference = kPendingReference;
    manifest.receivedAt = receivedAt;
    manifest.applicant = submission.applicant;
    manifest.documentType = submission.documentType;
    manifest.challenge = challenge.value();

    // One image in memory at a time (at most the image byte limit), checked, then given its name
    // in the bundle; the staged file stays where it is.
    auto addImage = [&](const SubmittedImage &image, BundleImage &target) -> std::optional<ApiError> {
        // Staged sealed when the spool has a keyring (SubmissionParser seals while it streams).
        const Keyring *keyring = m_applications.keyring();
        const auto staged = image.size > m_limits.maxBytes
                                ? Result<QByteArray>(Error{ErrorCode::Io, QString()})
                                : SealedFile::read(image.path, keyring, SealingStream::sealedSize(m_limits.maxBytes));
        if (!staged) {
            qCCritical(lcIntake) << "staged image unreadable:" << image.path << staged.error().message;
            return ApiError::fromError(Error{ErrorCode::Io, QString()});
        }
        const QByteArray &bytes = staged.value();
        const auto info = UploadedImage::check(bytes, m_limits);
        if (!info)
            return ApiError::fromError(info.error(), image.part);
        target.file =
            image.part + (info.value().format == ImageFormat::Png ? QStringLiteral(".png") : QStringLiteral(".jpg"));
        target.sha256 = image.sha256;
        if (info.value().end < bytes.size()) {
            // Data after the image's end marker (an Ultra HDR gain map, a Motion Photo's video, a
            // polyglot's script) is not kept: the stored file ends with the image.
            const bool cut = keyring ? QFile::remove(image.path) &&
                                           SealedFile::write(image.path, bytes.left(info.value().end), *keyring).ok()
                                     : QFile::resize(image.path, info.value().end);
            if (!cut) {
                qCCritical(lcIntake) << "cannot cut the staged image" << image.path;
                return ApiError::fromError(Error{ErrorCode::Io, QString()});
            }
            target.sha256 = QString::fromLatin1(
                QCryptographicHash::hash(bytes.left(info.value().end), QCryptographicHash::Sha256).toHex());
            qCInfo(lcIntake) << "dropped" << bytes.size() - info.value().end << "bytes after the end of" << image.part;
        }
        if (!QFile::rename(image.path, QFileInfo(image.path).dir().filePath(target.file))) {
            qCCritical(lcIntake) << "cannot rename staged image" << image.path;
            return ApiError::fromError(Error{ErrorCode::Io, QString()});
        }
        return std::nullopt;
    };
    if (auto problem = addImage(submission.documentFront, manifest.documentFront))
        return *problem;
    if (submission.documentTilted) {
        manifest.documentTilted = BundleImage{};
        if (auto problem = addImage(*submission.documentTilted, *manifest.documentTilted))
            return *problem;
    }
    const Direction steps[] = {Direction::Front, challenge.value().directions[0], challenge.value().directions[1],
                               challenge.value().directions[2]};
    for (std::size_t i = 0; i < 4; ++i) {
        SelfieFrame frame;
        frame.step = steps[i];
        frame.capturedAt = submission.capturedAt[i].value_or(receivedAt);
        if (auto problem = addImage(submission.frames[i], frame.image))
            return *problem;
        manifest.frames.push_back(frame);
    }

    if (auto violation = m_schema.validate(manifest.toJson()))
        return ApiError{400, QStringLiteral("invalid_field"), violation->message, fieldOfPointer(violation->path)};
    if (Status consistent = CaseBundleReader::checkConsistency(manifest); !consistent)
        return fromBundleError(consistent.error());

    if (submission.willSign && !signable(submission.applicant.procedure))
        return ApiError{400, QStringLiteral("invalid_field"),
                        QStringLiteral("only a request for a copy of the resident record (juminhyo_copy) is signed"),
                        QStringLiteral("signing")};
    std::optional<QDateTime> signatureDue;
    if (submission.willSign)
        signatureDue = now.addSecs(m_signatureWindow.count());
    auto stored = m_applications.store(userId, idempotencyKey, manifest, signatureDue);
    if (!stored) {
        if (stored.error().code == ErrorCode::Io)
            qCCritical(lcIntake) << "application not stored:" << stored.error().message;
        return ApiError::fromError(stored.error(),
                                   stored.error().code == ErrorCode::Io ? QString() : QStringLiteral("challenge"));
    }
    if (!stored.value().replay)
        qCInfo(lcIntake) << "application stored:" << stored.value().reference;
    return stored.value();
}

bool ApplicationIntake::signable(const QString &procedure)
{
    return procedure == QLatin1String("juminhyo_copy");
}

} // namespace mado
